import { prototypeFieldIn } from "../refuse-prototype-fields"

describe("prototypeFieldIn", () => {
  it("should find an Object.prototype name in any segment of any field, with or without a prefix", () => {
    expect(prototypeFieldIn("toString")).toBe("toString")
    expect(prototypeFieldIn("id,+constructor")).toBe("constructor")
    expect(prototypeFieldIn("coupon.valueOf")).toBe("valueOf")
    expect(prototypeFieldIn("*__proto__")).toBe("__proto__")
    expect(prototypeFieldIn(["id", "-hasOwnProperty"])).toBe("hasOwnProperty")
  })

  it("should let real fields and odd values through", () => {
    expect(prototypeFieldIn("id,name,*codes,+coupon.name,-created_at")).toBeNull()
    expect(prototypeFieldIn("toStringy,constructors")).toBeNull()
    expect(prototypeFieldIn(undefined)).toBeNull()
    expect(prototypeFieldIn({ toString: 1 })).toBeNull()
  })
})
