import type { AdminCoupon, ItemSelector } from "../../lib/types"

export type SelectorKind = "none" | "products" | "collections" | "categories" | "types"

/** The conditions part of the create and edit forms: strings as typed. */
export type ConditionValues = {
  target_kind: SelectorKind
  target_ids: string[]
  excluded_kind: SelectorKind
  excluded_ids: string[]
  buy_kind: SelectorKind
  buy_ids: string[]
  buy_quantity: string
  get_quantity: string
  max_applications: string
  shipping_option_ids: string[]
  customer_group_ids: string[]
  first_order_only: boolean
  requires_login: boolean
  min_quantity: string
  min_matching_subtotal: string
  budget_amount: string
  budget_currency: string
}

export const conditionDefaults: ConditionValues = {
  target_kind: "none",
  target_ids: [],
  excluded_kind: "none",
  excluded_ids: [],
  buy_kind: "products",
  buy_ids: [],
  buy_quantity: "2",
  get_quantity: "1",
  max_applications: "",
  shipping_option_ids: [],
  customer_group_ids: [],
  first_order_only: false,
  requires_login: false,
  min_quantity: "",
  min_matching_subtotal: "",
  budget_amount: "",
  budget_currency: "usd",
}

const SELECTOR_KEY: Record<Exclude<SelectorKind, "none">, keyof ItemSelector> = {
  products: "product_ids",
  collections: "collection_ids",
  categories: "category_ids",
  types: "type_ids",
}

const toSelector = (kind: SelectorKind, ids: string[]): ItemSelector | null =>
  kind === "none" || !ids.length ? null : { [SELECTOR_KEY[kind]]: ids }

const fromSelector = (selector: ItemSelector | null | undefined): { kind: SelectorKind; ids: string[] } => {
  for (const [kind, key] of Object.entries(SELECTOR_KEY) as [Exclude<SelectorKind, "none">, keyof ItemSelector][]) {
    if (selector?.[key]?.length) {
      return { kind, ids: selector[key]! }
    }
  }
  return { kind: "none", ids: [] }
}

const nullableNumber = (value: string) => (value.trim() === "" ? null : Number(value))

/** The API fields of the conditions, for a coupon of this discount type. */
export const conditionsToBody = (values: ConditionValues, discountType: string) => {
  const shipping = discountType === "free_shipping"
  const buyGet = discountType === "buy_get"
  const budget = nullableNumber(values.budget_amount)
  return {
    targets: shipping ? null : toSelector(values.target_kind, values.target_ids),
    excluded_targets: shipping ? null : toSelector(values.excluded_kind, values.excluded_ids),
    buy_targets: buyGet ? (toSelector(values.buy_kind, values.buy_ids) ?? {}) : null,
    buy_quantity: buyGet ? nullableNumber(values.buy_quantity) : null,
    get_quantity: buyGet ? nullableNumber(values.get_quantity) : null,
    max_applications: buyGet ? nullableNumber(values.max_applications) : null,
    shipping_option_ids: shipping ? values.shipping_option_ids : [],
    customer_group_ids: values.customer_group_ids,
    first_order_only: values.first_order_only,
    requires_login: values.requires_login,
    min_quantity: nullableNumber(values.min_quantity),
    min_matching_subtotal: nullableNumber(values.min_matching_subtotal),
    budget_limits: budget === null ? null : { [values.budget_currency.trim().toLowerCase()]: budget },
  }
}

/** A stored coupon's conditions as form values (the edit drawer). */
export const conditionsFromCoupon = (coupon: AdminCoupon): ConditionValues => {
  const target = fromSelector(coupon.targets)
  const excluded = fromSelector(coupon.excluded_targets)
  const buy = fromSelector(coupon.buy_targets)
  const [budgetCurrency, budgetAmount] = Object.entries(coupon.budget_limits ?? {})[0] ?? [conditionDefaults.budget_currency, null]
  const text = (value: number | null | undefined) => (value === null || value === undefined ? "" : String(value))
  return {
    target_kind: target.kind,
    target_ids: target.ids,
    excluded_kind: excluded.kind,
    excluded_ids: excluded.ids,
    buy_kind: buy.kind === "none" ? "products" : buy.kind,
    buy_ids: buy.ids,
    buy_quantity: text(coupon.buy_quantity) || conditionDefaults.buy_quantity,
    get_quantity: text(coupon.get_quantity) || conditionDefaults.get_quantity,
    max_applications: text(coupon.max_applications),
    shipping_option_ids: coupon.shipping_option_ids ?? [],
    customer_group_ids: coupon.customer_group_ids ?? [],
    first_order_only: !!coupon.first_order_only,
    requires_login: !!coupon.requires_login,
    min_quantity: text(coupon.min_quantity),
    min_matching_subtotal: text(coupon.min_matching_subtotal),
    budget_amount: text(budgetAmount),
    budget_currency: budgetCurrency,
  }
}

/** Which form field shows an API problem with this body field. */
export const conditionFieldOf = (apiField: string): keyof ConditionValues | null =>
  (({
    targets: "target_ids",
    excluded_targets: "excluded_ids",
    buy_targets: "buy_ids",
    buy_quantity: "buy_quantity",
    get_quantity: "get_quantity",
    max_applications: "max_applications",
    shipping_option_ids: "shipping_option_ids",
    customer_group_ids: "customer_group_ids",
    min_quantity: "min_quantity",
    min_matching_subtotal: "min_matching_subtotal",
    budget_limits: "budget_amount",
  })[apiField] as keyof ConditionValues | null) ?? null
