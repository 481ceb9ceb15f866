import type { UsagePeriod } from "../utils/period"
import type { CouponRule, FoundContext } from "./types"

const WITHIN: Record<UsagePeriod, string> = { day: "today", week: "this week", month: "this month" }

/** "2026-12-07 00:00 (Europe/Berlin)": the reset as the store's clocks show it. */
const localTime = (at: Date, timeZone: string) => {
  const date = new Intl.DateTimeFormat("en-CA", { timeZone }).format(at)
  const time = new Intl.DateTimeFormat("en-GB", { timeZone, hour: "2-digit", minute: "2-digit", hourCycle: "h23" }).format(at)
  return `${date} ${time} (${timeZone})`
}

/** The refusal of a periodic cap, naming the period and when it resets (the rule and the redemption say the same). */
export const periodLimitMessage = (scope: "coupon" | "customer", period: UsagePeriod, resetsAt: Date, timeZone: string): string =>
  scope === "coupon"
    ? `This code has reached its limit for ${WITHIN[period]}. It can be used again from ${localTime(resetsAt, timeZone)}.`
    : `You have already used this code ${WITHIN[period]}. You can use it again from ${localTime(resetsAt, timeZone)}.`

const full = (context: FoundContext): "coupon" | "customer" | null => {
  const { coupon, period_usage: usage } = context
  if (usage?.coupon && coupon.usage_limit !== null && coupon.usage_limit !== undefined && usage.coupon.count >= coupon.usage_limit) {
    return "coupon"
  }
  const perCustomer = coupon.usage_limit_per_customer
  if (usage?.customer && perCustomer !== null && perCustomer !== undefined && usage.customer.count >= perCustomer) {
    return "customer"
  }
  return null
}

/** The caps that count per day, week or month (usage_limit_period, usage_limit_per_customer_period). */
export const periodLimitRule: CouponRule = {
  name: "period-limit",
  reason: "period_limit_reached",
  // the counts are read by the loader, for the coupon and the shopper's keys
  reads: () => [],
  check: (context) => full(context) === null,
  message: (context) => {
    const scope = full(context) ?? "coupon"
    const usage = context.period_usage!
    const period = (scope === "coupon" ? context.coupon.usage_limit_period : context.coupon.usage_limit_per_customer_period) ?? "day"
    return periodLimitMessage(scope, period, usage[scope]!.resets_at, usage.time_zone)
  },
}
