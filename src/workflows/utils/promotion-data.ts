import type { CreatePromotionDTO } from "@medusajs/framework/types"
import { CHARSETS } from "../../modules/coupon/codes/charsets"
import { generateCode } from "../../modules/coupon/codes/generate"
import { ITEM_SELECTOR_KEYS } from "../../modules/coupon/constants"
import type { ItemSelector } from "../../modules/coupon/rules/types"
import { discountClassOf } from "../../modules/coupon/utils/combinations"
import { extraAmountCurrencies, fixedAmountIn } from "../../modules/coupon/utils/currency-values"

type CouponDiscount = {
  status: string
  discount_type: "percentage" | "fixed" | "free_shipping" | "buy_get"
  discount_value: number | string
  currency_code?: string | null
  amounts?: Record<string, number> | null
  target: "order" | "items" | "shipping"
  metadata?: Record<string, unknown> | null
  targets?: ItemSelector | null
  excluded_targets?: ItemSelector | null
  buy_targets?: ItemSelector | null
  buy_quantity?: number | null
  get_quantity?: number | null
  max_applications?: number | null
  shipping_option_ids?: string[] | null
}

export type NativeRule = { attribute: string; operator: "in" | "ne" | "eq"; values: string[] }

/** The native attribute each selector kind reads on a line (as Medusa's own promotion rules name them). */
const ITEM_ATTRIBUTES: Record<(typeof ITEM_SELECTOR_KEYS)[number], string> = {
  product_ids: "items.product.id",
  collection_ids: "items.product.collection_id",
  category_ids: "items.product.categories.id",
  type_ids: "items.product.type_id",
}

/** Without a cap the engine would apply buy X get Y once; this many get units is "as often as it fits". */
const UNLIMITED_APPLICATIONS = 10_000

const selectorRules = (selector: ItemSelector | null | undefined, operator: NativeRule["operator"]): NativeRule[] =>
  ITEM_SELECTOR_KEYS.filter((key) => (selector?.[key] ?? []).length).map((key) => ({
    attribute: ITEM_ATTRIBUTES[key],
    operator,
    values: [...new Set(selector![key]!)],
  }))

const shipsToSelectedOptions = (coupon: CouponDiscount) =>
  (coupon.discount_type === "free_shipping" || coupon.target === "shipping") && !!coupon.shipping_option_ids?.length

/** Which lines (or shipping methods) the native engine may discount. */
export const targetRulesFor = (coupon: CouponDiscount): NativeRule[] => {
  if (targetType(coupon) === "shipping_methods") {
    return shipsToSelectedOptions(coupon)
      ? [{ attribute: "shipping_methods.shipping_option_id", operator: "in", values: [...new Set(coupon.shipping_option_ids!)] }]
      : []
  }
  return [...selectorRules(coupon.targets, "in"), ...selectorRules(coupon.excluded_targets, "ne")]
}

/** The lines that must be bought for buy X get Y. */
export const buyRulesFor = (coupon: CouponDiscount): NativeRule[] =>
  coupon.discount_type === "buy_get" ? [...selectorRules(coupon.buy_targets, "in"), ...selectorRules(coupon.excluded_targets, "ne")] : []

/**
 * The backing promotion's code is internal and unguessable (32 random
 * characters): shoppers only ever type coupon codes, and a backing code
 * pasted into Medusa's native promotion route is refused unless the cart
 * holds a valid code of that coupon.
 */
export const BACKING_CODE_PREFIX = "CPN-"

export const newBackingPromotionCode = (): string =>
  `${BACKING_CODE_PREFIX}${generateCode([...Array(32)].map(() => ({ alphabet: CHARSETS.unambiguous })))}`

/**
 * Each coupon has a second promotion, its tax-inclusive twin: the same
 * discount with `is_tax_inclusive`, found by its code (the backing code and
 * this suffix). A fixed amount is taken off the gross total where prices
 * include tax and off the net total elsewhere, and one promotion cannot do
 * both: Medusa's engine picks the one whose rule matches the cart's lines.
 */
export const TAX_INCLUSIVE_TWIN_SUFFIX = "-TI"

export const taxInclusiveTwinCode = (backingCode: string) => `${backingCode}${TAX_INCLUSIVE_TWIN_SUFFIX}`

/**
 * A fixed coupon with amounts has, for each currency besides its primary one
 * (currency_code), a pair of its own: Medusa's engine applies a fixed
 * promotion only to carts in its application method's currency, so each cart
 * is offered the pair of its currency.
 */
export const currencyPromotionCode = (backingCode: string, currency: string) => `${backingCode}-${currency.toUpperCase()}`

/** A backing code, its twin's or a currency pair's, found inside any text (a response body, an error message). */
export const BACKING_CODE_IN_TEXT = new RegExp(
  `\\b${BACKING_CODE_PREFIX}[A-Z0-9]{32}(?:-[A-Z]{3})?(?:${TAX_INCLUSIVE_TWIN_SUFFIX})?\\b`,
  "g"
)

const BACKING_CODE_LENGTH = BACKING_CODE_PREFIX.length + 32

/** The backing code a twin's or a currency pair's code belongs to (a backing code is its own; other codes too). */
export const backingCodeOf = (code: string) => (code.startsWith(BACKING_CODE_PREFIX) ? code.slice(0, BACKING_CODE_LENGTH) : code)

/** The currency whose own pair a cart in `cartCurrency` is offered, or null for the backing pair. */
export const pairCurrencyOf = (
  coupon: Pick<CouponDiscount, "discount_type" | "amounts" | "currency_code">,
  cartCurrency: string | null | undefined
) => {
  const currency = (cartCurrency ?? "").toLowerCase()
  return currency && extraAmountCurrencies(coupon).includes(currency) ? currency : null
}

/** The promotion codes of each currency besides the primary one, as [currency, code, twin code]. */
export const currencyPairCodes = (coupon: Pick<CouponDiscount, "discount_type" | "amounts" | "currency_code">, backingCode: string) =>
  extraAmountCurrencies(coupon).map((currency) => {
    const code = currencyPromotionCode(backingCode, currency)
    return { currency, code, twin: taxInclusiveTwinCode(code) }
  })

/**
 * Promotion rules that give a fixed coupon's cart to one of the pair: every
 * line priced with tax included (Medusa's line item `is_tax_inclusive`, set by
 * its pricing from the region's or currency's price preference) takes the
 * twin, every line priced without tax the backing promotion. Other discount
 * types are a percentage of whichever total, the same money either way: they
 * keep the backing promotion alone and their twin stays inactive.
 */
export const taxModeRulesFor = (coupon: Pick<CouponDiscount, "discount_type">, taxInclusive: boolean): NativeRule[] =>
  coupon.discount_type === "fixed" ? [{ attribute: "items.is_tax_inclusive", operator: taxInclusive ? "eq" : "ne", values: ["true"] }] : []

/** The native target type of the coupon's class (see discountClassOf). */
const targetType = (coupon: CouponDiscount) => {
  const kind = discountClassOf(coupon)
  return kind === "shipping" ? ("shipping_methods" as const) : kind === "product" ? ("items" as const) : ("order" as const)
}

/** The native application method that carries a coupon's money (a fixed coupon's in `currency`, by default its primary one). */
export const applicationMethodFor = (coupon: CouponDiscount, currency = coupon.currency_code) => {
  const target_type = targetType(coupon)
  // always "across": Medusa requires a max_quantity for "each" (and "once"),
  // which would cap how many units are discounted. A percentage "across" takes
  // that percentage of every targeted line or shipping method, the same money
  // as "each" without a quantity cap; a fixed amount is spread over the lines.
  if (coupon.discount_type === "free_shipping") {
    return { type: "percentage" as const, target_type, allocation: "across" as const, value: 100 }
  }
  if (coupon.discount_type === "buy_get") {
    const getQuantity = coupon.get_quantity ?? 1
    return {
      type: "percentage" as const,
      target_type,
      allocation: "each" as const,
      value: Number(coupon.discount_value),
      buy_rules_min_quantity: coupon.buy_quantity ?? 1,
      apply_to_quantity: getQuantity,
      // the engine repeats the application until this many get units are discounted
      max_quantity: getQuantity * (coupon.max_applications ?? UNLIMITED_APPLICATIONS),
    }
  }
  const fixed = coupon.discount_type === "fixed"
  return {
    type: fixed ? ("fixed" as const) : ("percentage" as const),
    target_type,
    allocation: "across" as const,
    value: fixed ? (fixedAmountIn(coupon, currency!) ?? Number(coupon.discount_value)) : Number(coupon.discount_value),
    ...(fixed ? { currency_code: currency!.toLowerCase() } : {}),
  }
}

export const promotionStatusFor = (couponStatus: string) => (couponStatus === "active" ? ("active" as const) : ("inactive" as const))

/** The twin discounts only for an active fixed coupon (see taxModeRulesFor). */
export const twinStatusFor = (coupon: Pick<CouponDiscount, "status" | "discount_type">) =>
  coupon.discount_type === "fixed" ? promotionStatusFor(coupon.status) : ("inactive" as const)

/** The backing promotion (`taxInclusive` false) or its tax-inclusive twin, for this coupon (in `currency`: a currency pair's). */
export const backingPromotionData = (
  coupon: CouponDiscount & { id?: string },
  code: string,
  taxInclusive = false,
  currency = coupon.currency_code
): CreatePromotionDTO => ({
  code,
  type: coupon.discount_type === "buy_get" ? "buyget" : "standard",
  status: taxInclusive ? twinStatusFor(coupon) : promotionStatusFor(coupon.status),
  is_automatic: false,
  is_tax_inclusive: taxInclusive,
  rules: taxModeRulesFor(coupon, taxInclusive),
  application_method: {
    ...applicationMethodFor(coupon, currency),
    target_rules: targetRulesFor(coupon),
    ...(coupon.discount_type === "buy_get" ? { buy_rules: buyRulesFor(coupon) } : {}),
  },
})

/** Every promotion a new coupon needs: the backing one, its twin, and each extra currency's pair. */
export const couponPromotionsData = (coupon: CouponDiscount, backingCode: string): CreatePromotionDTO[] => [
  backingPromotionData(coupon, backingCode),
  backingPromotionData(coupon, taxInclusiveTwinCode(backingCode), true),
  ...currencyPairCodes(coupon, backingCode).flatMap(({ currency, code, twin }) => [
    backingPromotionData(coupon, code, false, currency),
    backingPromotionData(coupon, twin, true, currency),
  ]),
]
