import { isReservable } from "../reservation"

describe("isReservable", () => {
  it("should hold a single-use code while reservations are on", () => {
    expect(isReservable({ usage_limit: 1 }, { reservation_minutes: 15 })).toBe(true)
  })

  it.each([null, undefined, 2, 100])("should never hold a code many carts can use (usage_limit %p)", (usage_limit) => {
    expect(isReservable({ usage_limit }, { reservation_minutes: 15 })).toBe(false)
  })

  it("should hold nothing when reservation_minutes is 0", () => {
    expect(isReservable({ usage_limit: 1 }, { reservation_minutes: 0 })).toBe(false)
  })
})
