import { toDate } from "./format"
import type { CouponRule, FoundContext } from "./types"

/** The earlier of the coupon's end and the code's own expiry; the end itself is already expired. */
const endOf = ({ coupon, code }: FoundContext): Date | null => {
  const ends = [toDate(coupon.ends_at), toDate(code.expires_at)].filter((date): date is Date => date !== null)
  return ends.length ? new Date(Math.min(...ends.map((date) => date.getTime()))) : null
}

export const notExpiredRule: CouponRule = {
  name: "not-expired",
  reason: "expired",
  // the counts and dates of the code and coupon, the shopper's usage: no cart
  reads: () => [],
  check: (context) => {
    const end = endOf(context)
    return !end || context.now.getTime() < end.getTime()
  },
  message: () => "This code has expired.",
}
