import type { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys, MathBN, Modules } from "@medusajs/framework/utils"
import { COUPON_MODULE } from "../../modules/coupon"
import type CouponModuleService from "../../modules/coupon/service"
import { discountCapIn } from "../../modules/coupon/utils/currency-values"
import { codesOfCouponAmong, findBackingPromotions } from "./backing-promotion"
import type { CapPlan } from "./cap-coupon-discounts"
import { cartPromotionContextFields } from "./cart-fields"

type Adjustment = { id: string; code?: string | null; amount: number | string }
type Owner = {
  id: string
  subtotal?: number | string | null
  original_total?: number | string | null
  adjustments?: (Adjustment | null)[] | null
}
type ContextCart = Record<string, unknown> & {
  currency_code: string
  items?: (Owner | null)[] | null
  shipping_methods?: (Owner | null)[] | null
}
type ComputedAction = { action: string; code?: string; amount?: unknown; item_id?: string; shipping_method_id?: string }

/** Amounts within this of each other are the same money (BigNumber division leaves digits far below a cent). */
const SAME = 1e-9

type Step = { codes: string[]; cap: number | null }

/**
 * The steps of a cart whose coupons stack with different priorities: each
 * coupon's promotions in priority order (higher first), then Medusa's own
 * promotions together; null when the engine's own order stands (one coupon,
 * equal priorities, or buy X get Y, which Medusa's engine always applies first).
 */
const stepsOf = async (container: MedusaContainer, cart: ContextCart, couponIds: string[]): Promise<Step[] | null> => {
  if (couponIds.length < 2) {
    return null
  }
  const coupons = await container.resolve<CouponModuleService>(COUPON_MODULE).listCoupons(
    { id: couponIds },
    {
      select: ["id", "priority", "discount_type", "currency_code", "max_discount_amount", "max_discount_amounts"],
      withDeleted: true,
    }
  )
  if (coupons.some((coupon) => coupon.discount_type === "buy_get") || new Set(coupons.map((coupon) => coupon.priority)).size < 2) {
    return null
  }
  const onCart = [...(cart.items ?? []), ...(cart.shipping_methods ?? [])].flatMap((owner) =>
    (owner?.adjustments ?? []).flatMap((adjustment) => (adjustment?.code ? [adjustment.code] : []))
  )
  const promotions = await findBackingPromotions(container, couponIds)
  const ordered = [...coupons].sort((a, b) => b.priority - a.priority)
  const couponSteps = ordered.map((coupon) => ({
    codes: codesOfCouponAmong(promotions, coupon.id, onCart),
    cap: discountCapIn(coupon as never, cart.currency_code) ?? null,
  }))
  const ownCodes = new Set(couponSteps.flatMap((step) => step.codes))
  const natives = [...new Set(onCart.filter((code) => !ownCodes.has(code)))]
  return [...couponSteps.filter((step) => step.codes.length), ...(natives.length ? [{ codes: natives, cap: null }] : [])]
}

/** A line or shipping method with what the earlier steps took off it: the engine computes the next step on what is left. */
const reduced = (owner: Owner, taken: number): Owner => {
  const subtotal = Number(owner.subtotal ?? 0)
  const left = Math.max(0, subtotal - taken)
  const original = Number(owner.original_total ?? subtotal)
  return { ...owner, subtotal: left, original_total: subtotal ? (original * left) / subtotal : original, adjustments: [] }
}

/**
 * Coupons that stack apply in the order of their `priority` (higher first),
 * each on what the ones before left, as Medusa's engine applies promotions one
 * after another (it orders them by value, which the plugin cannot set). The
 * cart's adjustments are computed again step by step by the engine itself
 * (`computeActions` with one step's codes), a capped coupon's step scaled to
 * its cap at once; Medusa's own promotions come after the coupons. Returns the
 * adjustments whose amount changes, or null when the engine's order stands,
 * or when a step would discount a line the engine left it nothing on (no row
 * to hold it: the engine's amounts are kept, never more money).
 */
export const planCouponPriority = async (container: MedusaContainer, cartId: string, couponIds: string[]): Promise<CapPlan | null> => {
  const { data } = await container
    .resolve(ContainerRegistrationKeys.QUERY)
    .graph({ entity: "cart", fields: cartPromotionContextFields, filters: { id: cartId } })
  const cart = data[0] as unknown as ContextCart | undefined
  if (!cart) {
    return null
  }
  const steps = await stepsOf(container, cart, couponIds)
  if (!steps || steps.length < 2) {
    return null
  }
  const owners = new Map<string, { owner: Owner; kind: "item" | "shipping" }>()
  for (const item of cart.items ?? []) {
    if (item) owners.set(item.id, { owner: item, kind: "item" })
  }
  for (const method of cart.shipping_methods ?? []) {
    if (method) owners.set(method.id, { owner: method, kind: "shipping" })
  }
  const taken = new Map<string, number>()
  const computed = new Map<string, number>() // `${owner}:${code}` → amount
  const engine = container.resolve(Modules.PROMOTION)
  for (const step of steps) {
    const context = {
      ...cart,
      items: (cart.items ?? []).flatMap((item) => (item ? [reduced(item, taken.get(item.id) ?? 0)] : [])),
      shipping_methods: (cart.shipping_methods ?? []).flatMap((method) => (method ? [reduced(method, taken.get(method.id) ?? 0)] : [])),
    }
    const actions = (await engine.computeActions(step.codes, context as never, {
      prevent_auto_promotions: true,
    })) as unknown as ComputedAction[]
    const added = actions.filter((action) => action.action.startsWith("add") && action.code && step.codes.includes(action.code))
    const total = added.reduce((sum, action) => sum + Number(action.amount ?? 0), 0)
    const scale = step.cap !== null && total > step.cap ? (total ? step.cap / total : 0) : 1
    for (const action of added) {
      const ownerId = (action.item_id ?? action.shipping_method_id)!
      const amount = Number(action.amount ?? 0) * scale
      computed.set(`${ownerId}:${action.code}`, (computed.get(`${ownerId}:${action.code}`) ?? 0) + amount)
      // a tax-inclusive promotion's amount includes tax: what it takes off the pre-tax subtotal is its share of it
      const owner = owners.get(ownerId)?.owner
      const exclusive =
        owner && Number(owner.original_total) && (action as { is_tax_inclusive?: boolean }).is_tax_inclusive
          ? (amount * Number(owner.subtotal)) / Number(owner.original_total)
          : amount
      taken.set(ownerId, (taken.get(ownerId) ?? 0) + exclusive)
    }
  }

  const plan: CapPlan = { capped: [], previous: [] }
  const rows = new Set<string>()
  for (const [ownerId, { owner, kind }] of owners) {
    for (const adjustment of owner.adjustments ?? []) {
      if (!adjustment?.code) continue
      const key = `${ownerId}:${adjustment.code}`
      rows.add(key)
      const amount = computed.get(key) ?? 0
      if (Math.abs(amount - Number(adjustment.amount)) > SAME) {
        plan.previous.push({ id: adjustment.id, owner_id: ownerId, kind, amount: String(adjustment.amount) })
        plan.capped.push({ id: adjustment.id, owner_id: ownerId, kind, amount: MathBN.convert(amount).toString() })
      }
    }
  }
  if ([...computed].some(([key, amount]) => amount > SAME && !rows.has(key))) {
    return null
  }
  return plan
}
