import type { MedusaContainer } from "@medusajs/framework/types"
import { COUPON_MODULE } from "../../../modules/coupon"
import { displayCode } from "../../../modules/coupon/codes/hash"
import type CouponModuleService from "../../../modules/coupon/service"
import { findCouponsOfPromotionCodes } from "../../../workflows/utils/backing-promotion"
import { loadCartForCoupons } from "../../../workflows/utils/coupon-context"
import { BACKING_CODE_IN_TEXT, BACKING_CODE_PREFIX } from "../../../workflows/utils/promotion-data"

/** A code the shopper holds (on a cart, or used on an order) and its coupon. */
export type ShopperCode = { code: string; code_last4?: string | null; coupon_id: string }

/** Shown when a backing code's coupon has no code on the entity (a state completion refuses anyway). */
const UNKNOWN_CODE = "COUPON"

type Json = unknown

/** Objects built from query results; class instances (BigNumber, Date) keep their own JSON form. */
const isPlainObject = (value: unknown): value is Record<string, unknown> => {
  if (!value || typeof value !== "object") {
    return false
  }
  const prototype = Object.getPrototypeOf(value)
  return prototype === Object.prototype || prototype === null
}

/** The backing promotion codes anywhere in a response body (promotions, adjustments, ...). */
export const backingCodesIn = (value: Json, found = new Set<string>()): Set<string> => {
  if (typeof value === "string") {
    for (const [code] of value.includes(BACKING_CODE_PREFIX) ? value.matchAll(BACKING_CODE_IN_TEXT) : []) {
      found.add(code)
    }
  } else if (Array.isArray(value)) {
    value.forEach((item) => backingCodesIn(item, found))
  } else if (isPlainObject(value)) {
    Object.values(value).forEach((item) => backingCodesIn(item, found))
  }
  return found
}

/** A copy of the value with each backing code replaced by its name in `names`. */
export const replaceBackingCodes = (value: Json, names: Map<string, string>): Json => {
  if (typeof value === "string") {
    return !value.includes(BACKING_CODE_PREFIX) ? value : value.replace(BACKING_CODE_IN_TEXT, (code) => names.get(code) ?? UNKNOWN_CODE)
  }
  if (Array.isArray(value)) {
    return value.map((item) => replaceBackingCodes(item, names))
  }
  if (isPlainObject(value)) {
    return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, replaceBackingCodes(item, names)]))
  }
  return value
}

/** Backing promotion code → coupon id (remembered by findCouponsOfPromotionCodes). */
export const couponsOfBackingCodes = async (container: MedusaContainer, codes: string[]): Promise<Map<string, string>> =>
  new Map((await findCouponsOfPromotionCodes(container, codes)).map((promotion) => [promotion.code, promotion.coupon_id]))

/** Each backing code's name for the shopper: their own code of that coupon (masked when only its digest is kept). */
export const shopperNames = (coupons: Map<string, string>, held: ShopperCode[]): Map<string, string> => {
  const names = new Map<string, string>()
  for (const [promotionCode, couponId] of coupons) {
    const code = held.find((candidate) => candidate.coupon_id === couponId)
    if (code) {
      names.set(promotionCode, displayCode(code))
    }
  }
  return names
}

/** The codes applied to a cart. */
export const cartShopperCodes = async (container: MedusaContainer, cartId: string): Promise<ShopperCode[]> =>
  (await loadCartForCoupons(container, cartId))?.coupon_codes ?? []

/** The codes each order used, from the redemption ledger. */
export const orderShopperCodes = async (container: MedusaContainer, orderIds: string[]): Promise<Map<string, ShopperCode[]>> => {
  const service = container.resolve<CouponModuleService>(COUPON_MODULE)
  const redemptions = await service.listCouponRedemptions(
    { order_id: orderIds },
    { select: ["id", "order_id", "code", "coupon_id", "coupon_code.code_last4"], relations: ["coupon_code"] }
  )
  const byOrder = new Map<string, ShopperCode[]>()
  for (const redemption of redemptions) {
    const codes = byOrder.get(redemption.order_id) ?? []
    codes.push({ code: redemption.code, code_last4: redemption.coupon_code?.code_last4, coupon_id: redemption.coupon_id })
    byOrder.set(redemption.order_id, codes)
  }
  return byOrder
}

/**
 * A cart or order as the shopper may see it: the backing promotions'
 * internal codes (in `promotions` and the adjustments) read as the coupon
 * code the shopper entered. `held` are the entity's codes when the caller
 * has them; otherwise they are looked up.
 */
export const withShopperCodes = async <T>(
  container: MedusaContainer,
  entity: T,
  kind: "cart" | "order",
  held?: ShopperCode[]
): Promise<T> => {
  const found = [...backingCodesIn(entity)]
  const id = (entity as { id?: string } | null)?.id
  if (!found.length || !id) {
    return found.length ? (replaceBackingCodes(entity, new Map()) as T) : entity
  }
  const coupons = await couponsOfBackingCodes(container, found)
  const codes =
    held ?? (kind === "cart" ? await cartShopperCodes(container, id) : ((await orderShopperCodes(container, [id])).get(id) ?? []))
  return replaceBackingCodes(entity, shopperNames(coupons, codes)) as T
}
