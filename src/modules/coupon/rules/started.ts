import { toDate } from "./format"
import type { CouponRule } from "./types"

export const startedRule: CouponRule = {
  name: "started",
  reason: "not_started",
  // the counts and dates of the code and coupon, the shopper's usage: no cart
  reads: () => [],
  check: ({ coupon, now }) => {
    const startsAt = toDate(coupon.starts_at)
    return !startsAt || now.getTime() >= startsAt.getTime()
  },
  message: ({ coupon }) => `This code can be used from ${toDate(coupon.starts_at)!.toISOString()}.`,
}
