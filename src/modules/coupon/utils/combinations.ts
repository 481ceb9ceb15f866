import { ITEM_SELECTOR_KEYS } from "../constants"

/**
 * Shopify's discount classes: what a discount takes money off. A coupon's
 * class follows from its target: shipping (free shipping, or target
 * shipping), product (target items, buy X get Y, or lines named), else order.
 */
export const DISCOUNT_CLASSES = ["order", "product", "shipping"] as const
export type DiscountClass = (typeof DISCOUNT_CLASSES)[number]

export type CombinesWith = Record<DiscountClass, boolean>

type Selector = Partial<Record<(typeof ITEM_SELECTOR_KEYS)[number], string[] | null>> | null | undefined

export type CouponCombinationFields = {
  discount_type: string
  target?: string | null
  targets?: Selector
  excluded_targets?: Selector
  combinable?: boolean | null
  combines_with?: Partial<CombinesWith> | null
}

const namesLines = (selector: Selector) => ITEM_SELECTOR_KEYS.some((key) => (selector?.[key] ?? []).length > 0)

export const discountClassOf = (coupon: CouponCombinationFields): DiscountClass => {
  if (coupon.discount_type === "free_shipping" || coupon.target === "shipping") {
    return "shipping"
  }
  // native target rules exist only on item discounts: a coupon naming lines discounts those lines
  return coupon.target === "items" ||
    coupon.discount_type === "buy_get" ||
    namesLines(coupon.targets) ||
    namesLines(coupon.excluded_targets)
    ? "product"
    : "order"
}

/** The class of a Medusa promotion, from its application method's target type. */
export const classOfTargetType = (targetType: string | null | undefined): DiscountClass =>
  targetType === "shipping_methods" ? "shipping" : targetType === "items" ? "product" : "order"

/** The classes a coupon combines with: `combines_with`, or every class (combinable) or none, as `combinable` said before it. */
export const combinesWithOf = (coupon: Pick<CouponCombinationFields, "combinable" | "combines_with">): CombinesWith => {
  const all = !!coupon.combinable
  return Object.fromEntries(
    DISCOUNT_CLASSES.map((kind) => [kind, coupon.combines_with?.[kind] ?? (coupon.combines_with ? false : all)])
  ) as CombinesWith
}

/** Whether the coupon combines with every class (then it needs to know nothing of the others). */
export const combinesWithAll = (coupon: Pick<CouponCombinationFields, "combinable" | "combines_with">) =>
  Object.values(combinesWithOf(coupon)).every(Boolean)

/** Two discounts share a cart only when each combines with the other's class. */
export const combineTogether = (
  a: { discount_class: DiscountClass; combines_with: CombinesWith },
  b: { discount_class: DiscountClass; combines_with: CombinesWith }
) => a.combines_with[b.discount_class] && b.combines_with[a.discount_class]
