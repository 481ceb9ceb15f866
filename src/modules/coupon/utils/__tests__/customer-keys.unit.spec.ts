import { customerKeys } from "../customer-keys"

describe("customer keys", () => {
  describe("customerKeys", () => {
    it("should count a purchase against both the customer account and the email", () => {
      expect(customerKeys({ customer_id: "cus_1", email: "a@example.com" })).toEqual(["customer:cus_1", "email:a@example.com"])
    })

    it("should give only the customer key when there is no email", () => {
      expect(customerKeys({ customer_id: "cus_1" })).toEqual(["customer:cus_1"])
      expect(customerKeys({ customer_id: "cus_1", email: null })).toEqual(["customer:cus_1"])
    })

    it("should give only the email key for a guest", () => {
      expect(customerKeys({ customer_id: null, email: "guest@example.com" })).toEqual(["email:guest@example.com"])
    })

    it("should trim and lower-case the email so that one address is one key", () => {
      const keys = ["A@Example.COM", "  a@example.com  ", "a@EXAMPLE.com"].map((email) => customerKeys({ email }))
      for (const key of keys) {
        expect(key).toEqual(["email:a@example.com"])
      }
    })

    it("should count an address's aliases as the address unless normalize_email_aliases is off", () => {
      expect(customerKeys({ email: "A.B+promo@googlemail.com" })).toEqual(["email:ab@gmail.com"])
      expect(customerKeys({ email: "A.B+promo@googlemail.com" }, { normalize_email_aliases: false })).toEqual([
        "email:a.b+promo@googlemail.com",
      ])
    })

    it("should keep the customer id as given", () => {
      expect(customerKeys({ customer_id: "CUS_AbC" })).toEqual(["customer:CUS_AbC"])
    })

    it("should give no key for empty or blank values", () => {
      expect(customerKeys({})).toEqual([])
      expect(customerKeys({ customer_id: "", email: "" })).toEqual([])
      expect(customerKeys({ customer_id: null, email: "   " })).toEqual([])
    })
  })
})
