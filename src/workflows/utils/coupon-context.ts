import type { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys, MedusaError, Modules } from "@medusajs/framework/utils"
import { COUPON_MODULE } from "../../modules/coupon"
import { normalizeCode } from "../../modules/coupon/codes/normalize"
import { cartPartsRead } from "../../modules/coupon/rules"
import type {
  AppliedCouponCode,
  CartPart,
  CartItemSnapshot,
  CartSnapshot,
  CodeSnapshot,
  CouponSnapshot,
  EligibilityContext,
  PeriodUsageSnapshot,
} from "../../modules/coupon/rules"
import { COUPON_SCOPE } from "../../modules/coupon/repositories/period-usage"
import type CouponModuleService from "../../modules/coupon/service"
import {
  classOfTargetType,
  combinesWithAll,
  combinesWithOf,
  discountClassOf,
  type CouponCombinationFields,
} from "../../modules/coupon/utils/combinations"
import { customerKeys } from "../../modules/coupon/utils/customer-keys"
import { isReservable } from "../../modules/coupon/utils/reservation"
import { findCouponsOfPromotionCodes } from "./backing-promotion"
import { cartFieldsFor } from "./cart-fields"

export type CartForCoupons = {
  id: string
  email?: string | null
  currency_code: string
  region_id?: string | null
  sales_channel_id?: string | null
  customer_id?: string | null
  completed_at?: string | Date | null
  item_subtotal?: number | string | { numeric?: number } | null
  promotions?: { id: string; code?: string | null; is_automatic?: boolean | null }[]
  coupon_codes?: { id: string; code: string; code_last4?: string | null; status: string; coupon_id: string }[]
  items?: {
    id: string
    quantity: number | string
    unit_price?: number | string | null
    subtotal?: number | string | { numeric?: number } | null
    product_id?: string | null
    product?: { collection_id?: string | null; type_id?: string | null; categories?: { id: string }[] | null } | null
  }[]
  shipping_methods?: { shipping_option_id?: string | null }[]
  customer?: { has_account?: boolean | null; groups?: { id: string }[] | null } | null
}

/** Serializable between workflow steps: dates are ISO strings until the rules read them. */
export type CouponCheckInput = {
  code: string
  /** the code's id, for codes already on the cart (a hashed code's text there is its digest) */
  code_id?: string | null
  cart_id?: string | null
  /** the customer logged in on the request (never the cart's customer as such), null for a guest */
  customer_id?: string | null
  email?: string | null
  phase: EligibilityContext["phase"]
}

const toNumber = (value: unknown): number => {
  if (value === null || value === undefined) {
    return 0
  }
  if (typeof value === "object" && "numeric" in (value as object)) {
    return Number((value as { numeric: unknown }).numeric)
  }
  return Number(value)
}

/**
 * The cart with its applied codes, and the parts of it the rules declared
 * they read (each part costs queries; totals the most).
 */
export const loadCartForCoupons = async (
  container: MedusaContainer,
  cartId: string,
  parts: CartPart[] = []
): Promise<CartForCoupons | null> => {
  const query = container.resolve(ContainerRegistrationKeys.QUERY)
  const fields = cartFieldsFor(parts)
  const { data } = await query.graph({ entity: "cart", fields, filters: { id: cartId } })
  const cart = data[0] as unknown as CartForCoupons | undefined
  if (!cart) {
    return null
  }
  // a link to a code deleted since it was applied comes back as an empty entry
  return {
    ...cart,
    coupon_codes: (cart.coupon_codes ?? []).filter(Boolean),
    promotions: (cart.promotions ?? []).filter(Boolean),
  }
}

const itemSnapshots = (cart: CartForCoupons): CartItemSnapshot[] =>
  (cart.items ?? []).filter(Boolean).map((item) => ({
    id: item.id,
    quantity: Number(item.quantity),
    subtotal:
      item.subtotal === null || item.subtotal === undefined
        ? Number(item.unit_price ?? 0) * Number(item.quantity)
        : toNumber(item.subtotal),
    product_id: item.product_id ?? null,
    collection_id: item.product?.collection_id ?? null,
    category_ids: (item.product?.categories ?? []).filter(Boolean).map((category) => category.id),
    type_id: item.product?.type_id ?? null,
  }))

export const findCodeWithCoupon = async (service: CouponModuleService, code: string, codeId?: string | null) => {
  if (codeId) {
    const [byId] = await service.listCouponCodes({ id: codeId }, { relations: ["coupon"], take: 1 })
    return byId ?? null
  }
  // a hashed code is stored as its digest
  const forms = service.codeLookupForms(normalizeCode(code))
  if (!forms.length) {
    return null
  }
  const [found] = await service.listCouponCodes({ code: forms }, { relations: ["coupon"], take: 1 })
  return found ?? null
}

/** Medusa's own promotions on the cart: the codes that are no coupon's promotions. */
const nativePromotionsOf = async (container: MedusaContainer, cart: CartForCoupons) => {
  const promotions = (cart.promotions ?? []).filter((promotion) => !!promotion.code)
  if (!promotions.length) {
    return []
  }
  const backing = new Set(
    (
      await findCouponsOfPromotionCodes(
        container,
        promotions.map((p) => p.code as string)
      )
    ).map((b) => b.code)
  )
  return promotions.filter((promotion) => !backing.has(promotion.code as string))
}

type NativePromotion = Awaited<ReturnType<typeof nativePromotionsOf>>[number]

/**
 * Medusa's own promotions on the cart that this coupon may not stand beside:
 * those of a class it does not combine with (their application method's
 * target), the automatic ones only when the store does not let them combine.
 */
const clashingPromotionCodes = async (
  container: MedusaContainer,
  onCart: NativePromotion[],
  service: CouponModuleService,
  coupon: CouponCombinationFields
) => {
  const automaticCombine = service.getOptions().combine_with_automatic_promotions
  const natives = onCart.filter((promotion) => !promotion.is_automatic || !automaticCombine)
  if (!natives.length) {
    return []
  }
  const methods = await container
    .resolve(Modules.PROMOTION)
    .listPromotions({ id: natives.map((promotion) => promotion.id) }, { select: ["id", "code"], relations: ["application_method"] })
  const combines = combinesWithOf(coupon)
  return methods
    .filter((promotion) => !combines[classOfTargetType(promotion.application_method?.target_type)])
    .map((promotion) => promotion.code as string)
}

/** Orders placed before, canceled ones aside, by this customer or with this email. */
/** The shopper's orders that are not canceled (by account or email), leaving out `except` (the order being redeemed). */
export const countEarlierOrders = async (
  container: MedusaContainer,
  who: { customer_id?: string | null; email?: string | null },
  except?: string
): Promise<number> => {
  const orders = container.resolve(Modules.ORDER)
  const or = [
    ...(who.customer_id ? [{ customer_id: who.customer_id }] : []),
    ...(who.email ? [{ email: who.email.trim().toLowerCase() }, { email: who.email.trim() }] : []),
  ]
  const filters = { $or: or, status: { $ne: "canceled" }, ...(except ? { id: { $ne: except } } : {}) }
  const [, count] = await orders.listAndCountOrders(filters as never, { select: ["id"], take: 1 })
  return count
}

/**
 * The customer the rules may trust. Medusa links a cart to the account whose
 * email was typed on it, logged in or not, so the cart's customer counts only
 * when it is the customer logged in on the request (`input.customer_id`, from
 * the route or the completion's request). After a cart change there is no
 * request to ask: the recheck takes the cart's customer, which can only keep
 * a code that completion will then judge by who is logged in.
 */
const trustedCustomerId = (input: CouponCheckInput, cart: CartForCoupons | null): string | null => {
  if (!cart) {
    return input.customer_id ?? null
  }
  if (input.phase === "recheck") {
    return cart.customer_id ?? null
  }
  return cart.customer_id && cart.customer_id === input.customer_id ? cart.customer_id : null
}

/** This period's counts of a coupon's periodic caps; null when it has none (no query). */
const loadPeriodUsage = async (
  service: CouponModuleService,
  coupon: CouponSnapshot,
  customerKeys: string[]
): Promise<PeriodUsageSnapshot | null> => {
  const couponPeriod = coupon.usage_limit !== null && coupon.usage_limit !== undefined ? coupon.usage_limit_period : null
  const customerPeriod =
    coupon.usage_limit_per_customer !== null && coupon.usage_limit_per_customer !== undefined
      ? coupon.usage_limit_per_customer_period
      : null
  if (!couponPeriod && !customerPeriod) {
    return null
  }
  return {
    time_zone: service.getOptions().time_zone,
    ...(couponPeriod ? { coupon: await service.periodUsage(coupon.id, [COUPON_SCOPE], couponPeriod) } : {}),
    ...(customerPeriod ? { customer: await service.periodUsage(coupon.id, customerKeys, customerPeriod) } : {}),
  }
}

/** Builds everything the rules need to judge one code, for one cart (or none). */
export const buildEligibilityContext = async (
  container: MedusaContainer,
  input: CouponCheckInput
): Promise<{ context: EligibilityContext; cart: CartForCoupons | null }> => {
  const service = container.resolve<CouponModuleService>(COUPON_MODULE)
  const normalized = normalizeCode(input.code)
  const found = await findCodeWithCoupon(service, normalized, input.code_id)
  // only what this coupon's rules declared they read: most coupons need neither totals nor lines
  const parts = cartPartsRead(service.getRules(), found?.coupon as CouponSnapshot | undefined)
  const cart = input.cart_id ? await loadCartForCoupons(container, input.cart_id, parts) : null
  // a cart that was asked for must exist: judging the code without it would pass cart rules
  if (input.cart_id && !cart) {
    throw new MedusaError(MedusaError.Types.NOT_FOUND, `Cart id not found: ${input.cart_id}`)
  }

  const email = cart?.email ?? input.email ?? null
  const customerId = trustedCustomerId(input, cart)
  let customerUsage = 0
  const keys = customerKeys({ customer_id: customerId, email }, service.getOptions())
  // only the per-customer cap reads the count: no cap, no query
  const capped = found?.coupon.usage_limit_per_customer !== null && found?.coupon.usage_limit_per_customer !== undefined
  if (found && capped && keys.length) {
    const usages = await service.listCouponCustomerUsages({ coupon_id: found.coupon.id, customer_key: keys })
    customerUsage = Math.max(0, ...usages.map((usage) => usage.usage_count))
  }

  let cartSnapshot: CartSnapshot | null = null
  if (cart) {
    const others = (cart.coupon_codes ?? []).filter((applied) => applied.code !== normalized)
    const otherCoupons = others.length
      ? await service.listCoupons(
          { id: others.map((other) => other.coupon_id) },
          { select: ["id", "combinable", "combines_with", "discount_type", "target", "targets", "excluded_targets"], withDeleted: true }
        )
      : []
    // Medusa's own promotions on the cart, read once for the two rules that look at them
    const clashes = !!found && !combinesWithAll(found.coupon as CouponCombinationFields)
    const countsCodes = !!service.getOptions().max_codes_per_cart
    const natives = clashes || countsCodes ? await nativePromotionsOf(container, cart) : []
    const applied: AppliedCouponCode[] = (cart.coupon_codes ?? []).map((applied) => {
      const coupon = (applied.coupon_id === found?.coupon.id ? found?.coupon : otherCoupons.find((c) => c.id === applied.coupon_id)) as
        CouponCombinationFields | undefined
      return {
        code: applied.code,
        coupon_id: applied.coupon_id,
        combinable: !!coupon?.combinable,
        discount_class: coupon ? discountClassOf(coupon) : "order",
        combines_with: combinesWithOf(coupon ?? {}),
      }
    })
    const loaded = (part: CartPart) => parts.includes(part)
    cartSnapshot = {
      loaded: ["cart", ...parts],
      id: cart.id,
      subtotal: toNumber(cart.item_subtotal), // 0 when not loaded: no minimum to compare with
      currency_code: cart.currency_code,
      sales_channel_id: cart.sales_channel_id,
      region_id: cart.region_id ?? null,
      email,
      customer_id: customerId,
      applied,
      other_promotions: clashes ? await clashingPromotionCodes(container, natives, service, found!.coupon as CouponCombinationFields) : [],
      // Medusa's own codes typed on the cart, which max_codes_per_cart counts
      native_codes: countsCodes
        ? natives.filter((promotion) => !promotion.is_automatic).map((promotion) => promotion.code as string)
        : undefined,
      // each part only when a rule declared it (evaluateEligibility refuses to judge on a missing one)
      items: loaded("items") || loaded("item_subtotals") ? itemSnapshots(cart) : undefined,
      shipping_option_ids: loaded("shipping_methods")
        ? (cart.shipping_methods ?? []).map((method) => method?.shipping_option_id).filter((id): id is string => !!id)
        : undefined,
      // the groups and account of a customer only when that customer is the shopper
      customer_group_ids: !loaded("customer")
        ? undefined
        : customerId
          ? (cart.customer?.groups ?? []).filter(Boolean).map((group) => group.id)
          : [],
      has_account: !loaded("customer") ? undefined : !!customerId && !!cart.customer?.has_account,
    }
  }

  const couponRow = found?.coupon as unknown as (CouponSnapshot & { budget_limits?: Record<string, number> | null }) | undefined
  const previousOrders =
    couponRow?.first_order_only && (customerId || email) ? await countEarlierOrders(container, { customer_id: customerId, email }) : null
  const budgetCurrency = (cart?.currency_code ?? couponRow?.currency_code ?? "").toLowerCase()
  const budgetUsed =
    couponRow && budgetCurrency && couponRow.budget_limits?.[budgetCurrency] !== undefined
      ? await service.budgetUsed(couponRow.id, budgetCurrency)
      : null
  const reservedBy = found && isReservable(found, service.getOptions()) ? await service.reservingCartOf(found.id) : null
  const periodUsage = couponRow ? await loadPeriodUsage(service, couponRow, keys) : null

  const coupon = couponRow
  return {
    cart,
    context: {
      now: new Date(),
      phase: input.phase,
      code: found ? (found as unknown as CodeSnapshot) : null,
      coupon: coupon
        ? {
            ...coupon,
            min_subtotal: coupon.min_subtotal === null || coupon.min_subtotal === undefined ? null : toNumber(coupon.min_subtotal),
            min_matching_subtotal:
              coupon.min_matching_subtotal === null || coupon.min_matching_subtotal === undefined
                ? null
                : toNumber(coupon.min_matching_subtotal),
          }
        : null,
      cart: cartSnapshot,
      customer_usage_count: customerUsage,
      previous_order_count: previousOrders,
      budget_used: budgetUsed,
      max_codes_per_cart: service.getOptions().max_codes_per_cart,
      reserved_by: reservedBy,
      period_usage: periodUsage,
    },
  }
}
