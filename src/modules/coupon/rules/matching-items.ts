import type { CartItemSnapshot, CouponSnapshot, ItemSelector } from "./types"

const present = (values?: string[] | null): values is string[] => !!values && values.length > 0

/** True when the selector names nothing (every line is meant). */
export const selectorIsEmpty = (selector?: ItemSelector | null): boolean =>
  !selector ||
  (!present(selector.product_ids) && !present(selector.collection_ids) && !present(selector.category_ids) && !present(selector.type_ids))

/** Each named kind must hold the line's value, as native target rules with "in" do. */
export const lineMatches = (selector: ItemSelector | null | undefined, item: CartItemSnapshot): boolean => {
  if (selectorIsEmpty(selector)) {
    return true
  }
  const { product_ids, collection_ids, category_ids, type_ids } = selector!
  return (
    (!present(product_ids) || (!!item.product_id && product_ids.includes(item.product_id))) &&
    (!present(collection_ids) || (!!item.collection_id && collection_ids.includes(item.collection_id))) &&
    (!present(category_ids) || (item.category_ids ?? []).some((id) => category_ids.includes(id))) &&
    (!present(type_ids) || (!!item.type_id && type_ids.includes(item.type_id)))
  )
}

/** Any named kind holding the line's value excludes it, as native target rules with "ne" do. */
export const lineExcluded = (selector: ItemSelector | null | undefined, item: CartItemSnapshot): boolean => {
  if (selectorIsEmpty(selector)) {
    return false
  }
  const { product_ids, collection_ids, category_ids, type_ids } = selector!
  return (
    (present(product_ids) && !!item.product_id && product_ids.includes(item.product_id)) ||
    (present(collection_ids) && !!item.collection_id && collection_ids.includes(item.collection_id)) ||
    (present(category_ids) && (item.category_ids ?? []).some((id) => category_ids.includes(id))) ||
    (present(type_ids) && !!item.type_id && type_ids.includes(item.type_id))
  )
}

type TargetedCoupon = Pick<CouponSnapshot, "targets" | "excluded_targets" | "buy_targets">

/** True when the coupon names lines at all (and so discounts lines, not the order). */
export const hasItemTargets = (coupon: TargetedCoupon): boolean =>
  !selectorIsEmpty(coupon.targets) || !selectorIsEmpty(coupon.excluded_targets)

/** The lines the discount goes to: named by targets, not excluded. */
export const matchingItems = (coupon: TargetedCoupon, items: CartItemSnapshot[]): CartItemSnapshot[] =>
  items.filter((item) => lineMatches(coupon.targets, item) && !lineExcluded(coupon.excluded_targets, item))

export const buyItems = (coupon: TargetedCoupon, items: CartItemSnapshot[]): CartItemSnapshot[] =>
  items.filter((item) => lineMatches(coupon.buy_targets, item) && !lineExcluded(coupon.excluded_targets, item))

const units = (items: CartItemSnapshot[]) => items.reduce((sum, item) => sum + item.quantity, 0)

/**
 * How many times buy X get Y fits the cart: each application takes X units of
 * the buy lines and Y other units of the get lines, no unit used twice.
 */
export const buyGetApplications = (
  coupon: TargetedCoupon & Pick<CouponSnapshot, "buy_quantity" | "get_quantity">,
  items: CartItemSnapshot[]
): number => {
  const buyQuantity = coupon.buy_quantity ?? 0
  const getQuantity = coupon.get_quantity ?? 0
  if (buyQuantity < 1 || getQuantity < 1) {
    return 0
  }
  const buy = buyItems(coupon, items)
  const get = matchingItems(coupon, items)
  const shared = units(buy.filter((item) => get.includes(item)))
  const buyUnits = units(buy)
  const getUnits = units(get)
  return Math.max(
    0,
    Math.min(
      Math.floor(buyUnits / buyQuantity),
      Math.floor(getUnits / getQuantity),
      Math.floor((buyUnits + getUnits - shared) / (buyQuantity + getQuantity))
    )
  )
}

export const sumUnits = units
export const sumSubtotal = (items: CartItemSnapshot[]) => items.reduce((sum, item) => sum + item.subtotal, 0)
