import type { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys, MathBN, Modules } from "@medusajs/framework/utils"
import { COUPON_MODULE } from "../../modules/coupon"
import type CouponModuleService from "../../modules/coupon/service"
import { discountCapIn } from "../../modules/coupon/utils/currency-values"
import { findBackingPromotions } from "./backing-promotion"
import { planCouponPriority } from "./order-coupon-discounts"
import { backingCodeOf } from "./promotion-data"

type Adjustment = { id: string; amount: number | string; code?: string | null }
type CartAdjustments = {
  items?: ({ id: string; adjustments?: (Adjustment | null)[] } | null)[]
  shipping_methods?: ({ id: string; adjustments?: (Adjustment | null)[] } | null)[]
}

/** One adjustment's amount, with the line or shipping method it belongs to (serializable). */
export type AdjustmentAmount = { id: string; owner_id: string; kind: "item" | "shipping"; amount: string }
export type CapPlan = { capped: AdjustmentAmount[]; previous: AdjustmentAmount[] }

const EMPTY: CapPlan = { capped: [], previous: [] }

type CartCoupons = { currency_code: string; coupon_ids: string[] }

/** The cart's currency and the coupons of its codes. */
const couponsOfCart = async (container: MedusaContainer, cartId: string): Promise<CartCoupons | null> => {
  const query = container.resolve(ContainerRegistrationKeys.QUERY)
  const { data } = await query.graph({ entity: "cart", fields: ["id", "currency_code", "coupon_codes.coupon_id"], filters: { id: cartId } })
  const cart = data[0] as { currency_code?: string; coupon_codes?: ({ coupon_id: string } | null)[] } | undefined
  return cart
    ? {
        currency_code: cart.currency_code ?? "",
        coupon_ids: [...new Set((cart.coupon_codes ?? []).flatMap((code) => (code ? [code.coupon_id] : [])))],
      }
    : null
}

/** The caps of the capped coupons on this cart in its currency, keyed by their backing promotion's code. */
const capsOfCart = async (
  container: MedusaContainer,
  { currency_code, coupon_ids: couponIds }: CartCoupons
): Promise<Map<string, number>> => {
  if (!couponIds.length) {
    return new Map()
  }
  const coupons = await container
    .resolve<CouponModuleService>(COUPON_MODULE)
    .listCoupons({ id: couponIds, $or: [{ max_discount_amount: { $ne: null } }, { max_discount_amounts: { $ne: null } }] } as never, {
      select: ["id", "discount_type", "currency_code", "max_discount_amount", "max_discount_amounts"],
    })
  const caps = new Map(
    coupons.flatMap((coupon) => {
      const cap = discountCapIn(coupon as never, currency_code)
      // a currency without a cap (the currency rule refuses the code there) gives nothing meanwhile
      return cap === null ? [] : [[coupon.id, cap ?? 0] as const]
    })
  )
  if (!caps.size) {
    return new Map()
  }
  const promotions = await findBackingPromotions(container, [...caps.keys()])
  return new Map(
    promotions.filter((promotion) => !promotion.tax_inclusive).map((promotion) => [promotion.code, caps.get(promotion.coupon_id)!])
  )
}

/**
 * What the plugin changes in the engine's adjustments of a cart: stacked
 * coupons of different priorities in their order (see planCouponPriority,
 * caps included), else the caps alone. Medusa's engine has no cap on a
 * percentage: after it computed the adjustments, a capped coupon's ones are
 * scaled down so they sum to the cap exactly (the last takes the remainder).
 * Taxes and totals are then Medusa's own, computed on these adjustments. An
 * empty plan: the cart's adjustments are as they should be.
 */
export const planCouponDiscounts = async (container: MedusaContainer, cartId: string): Promise<CapPlan> => {
  const cart = await couponsOfCart(container, cartId)
  if (!cart?.coupon_ids.length) {
    return EMPTY
  }
  const ordered = cart.coupon_ids.length > 1 ? await planCouponPriority(container, cartId, cart.coupon_ids) : null
  if (ordered) {
    return ordered
  }
  const caps = await capsOfCart(container, cart)
  if (!caps.size) {
    return EMPTY
  }
  const query = container.resolve(ContainerRegistrationKeys.QUERY)
  const { data } = await query.graph({
    entity: "cart",
    fields: [
      "items.id",
      "items.adjustments.id",
      "items.adjustments.amount",
      "items.adjustments.code",
      "shipping_methods.id",
      "shipping_methods.adjustments.id",
      "shipping_methods.adjustments.amount",
      "shipping_methods.adjustments.code",
    ],
    filters: { id: cartId },
  })
  const adjusted = data[0] as CartAdjustments | undefined
  const all: (AdjustmentAmount & { code?: string | null })[] = [
    ...(adjusted?.items ?? []).flatMap((item) =>
      item
        ? (item.adjustments ?? []).flatMap((a) =>
            a ? [{ id: a.id, owner_id: item.id, kind: "item" as const, amount: String(a.amount), code: a.code }] : []
          )
        : []
    ),
    ...(adjusted?.shipping_methods ?? []).flatMap((method) =>
      method
        ? (method.adjustments ?? []).flatMap((a) =>
            a ? [{ id: a.id, owner_id: method.id, kind: "shipping" as const, amount: String(a.amount), code: a.code }] : []
          )
        : []
    ),
  ]
  const plan: CapPlan = { capped: [], previous: [] }
  for (const [code, cap] of caps) {
    const own = all.filter((adjustment) => !!adjustment.code && backingCodeOf(adjustment.code) === code)
    const total = own.reduce((sum, adjustment) => MathBN.add(sum, adjustment.amount), MathBN.convert(0))
    if (!own.length || MathBN.lte(total, cap)) {
      continue
    }
    const ratio = MathBN.div(cap, total)
    let given = MathBN.convert(0)
    own.forEach((adjustment, index) => {
      const amount = index === own.length - 1 ? MathBN.sub(cap, given) : MathBN.mult(adjustment.amount, ratio)
      given = MathBN.add(given, amount)
      const { code: _code, ...entry } = adjustment
      plan.previous.push(entry)
      plan.capped.push({ ...entry, amount: amount.toString() })
    })
  }
  return plan
}

/** Writes the amounts of a plan (the capped ones, or the previous ones to undo it). */
export const writeAdjustmentAmounts = async (container: MedusaContainer, amounts: AdjustmentAmount[]) => {
  if (!amounts.length) {
    return
  }
  const cart = container.resolve(Modules.CART)
  const items = amounts.filter((entry) => entry.kind === "item")
  const shipping = amounts.filter((entry) => entry.kind === "shipping")
  if (items.length) {
    await cart.upsertLineItemAdjustments(items.map((entry) => ({ id: entry.id, item_id: entry.owner_id, amount: entry.amount as never })))
  }
  if (shipping.length) {
    await cart.upsertShippingMethodAdjustments(
      shipping.map((entry) => ({ id: entry.id, shipping_method_id: entry.owner_id, amount: entry.amount as never }))
    )
  }
}
