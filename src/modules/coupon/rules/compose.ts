import { CART_PARTS, type CartPart, type CouponRule, type CouponSnapshot, type FoundContext } from "./types"

export type MerchantRule = {
  name: string
  reason: string
  /** the parts of the cart the rule reads (see CartPart); a rule that does not say gets every part */
  reads?: CartPart[] | ((coupon: CouponSnapshot) => CartPart[])
  check: (context: FoundContext) => boolean
  message: string | ((context: FoundContext) => string)
}

/**
 * The rule list a store runs: the built-in rules, where a merchant rule with
 * the same name takes the built-in one's place, then the merchant's other rules.
 */
export const composeRules = (builtIn: CouponRule[], merchant: MerchantRule[]): CouponRule[] => {
  const own: CouponRule[] = merchant.map((rule) => ({
    name: rule.name,
    reason: rule.reason,
    reads: typeof rule.reads === "function" ? rule.reads : () => (rule.reads as CartPart[] | undefined) ?? [...CART_PARTS],
    check: rule.check,
    message: typeof rule.message === "string" ? () => rule.message as string : rule.message,
  }))
  const byName = new Map(own.map((rule) => [rule.name, rule]))
  return [
    ...builtIn.map((rule) => byName.get(rule.name) ?? rule),
    ...own.filter((rule) => !builtIn.some((builtInRule) => builtInRule.name === rule.name)),
  ]
}
