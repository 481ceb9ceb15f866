import { z } from "zod"
import type { FieldErrors, Resolver } from "react-hook-form"
import { buildCouponInputSchemas } from "../../../src/modules/coupon/schemas/coupon-input"
import { conditionDefaults, conditionFieldOf, conditionsToBody, ConditionValues } from "../coupon-conditions/conditions-values"
import { localInputToIso } from "../../lib/dates"
import { periodOfValue, type UsagePeriodValue } from "../../components/usage-period-select"
import { currencyValuesBody, type CurrencyInputs } from "../../lib/currency-values"
import { formatNumber } from "../../lib/format"
import type { CouponsT } from "../../lib/i18n"
import type { CombinesWith } from "../../../src/modules/coupon/utils/combinations"

/** What the inputs hold: strings as typed, converted to the API body before the shared rules run. */
export type CouponFormValues = ConditionValues & {
  name: string
  description: string
  status: "draft" | "active"
  discount_type: "percentage" | "fixed" | "free_shipping" | "buy_get"
  discount_value: string
  currency_code: string
  /** the most a percentage takes off, in currency_code; empty: no cap */
  max_discount_amount: string
  /** amount, cap and minimum per currency (amounts, max_discount_amounts, min_subtotals) instead of one currency */
  per_currency: boolean
  amounts: CurrencyInputs
  max_discount_amounts: CurrencyInputs
  min_subtotals: CurrencyInputs
  target: "order" | "items"
  starts_at: string
  ends_at: string
  usage_limit: string
  usage_limit_period: UsagePeriodValue
  usage_limit_per_customer: string
  usage_limit_per_customer_period: UsagePeriodValue
  min_subtotal: string
  allowed_email_domains: string
  sales_channel_ids: string[]
  /** the discount classes it stacks with; none: it stacks with nothing (combinable false) */
  combines_with: CombinesWith
  /** stacked coupons apply in this order, higher first */
  priority: string
  code_mode: "single" | "generate"
  code: string
  generate_count: string
  generate_pattern: string
}

export const couponFormDefaults: CouponFormValues = {
  ...conditionDefaults,
  name: "",
  description: "",
  status: "active",
  discount_type: "percentage",
  discount_value: "10",
  currency_code: "usd",
  max_discount_amount: "",
  per_currency: false,
  amounts: {},
  max_discount_amounts: {},
  min_subtotals: {},
  target: "order",
  starts_at: "",
  ends_at: "",
  usage_limit: "",
  usage_limit_period: "total",
  usage_limit_per_customer: "1",
  usage_limit_per_customer_period: "total",
  min_subtotal: "",
  allowed_email_domains: "",
  sales_channel_ids: [],
  combines_with: { order: false, product: false, shipping: false },
  priority: "0",
  code_mode: "single",
  code: "",
  generate_count: "1000",
  generate_pattern: "SPRING-##########",
}

const schemas = buildCouponInputSchemas(z)

const number = (value: string) => (value.trim() === "" ? undefined : Number(value))
const nullableNumber = (value: string) => (value.trim() === "" ? null : Number(value))
// the date-time fields hold local wall-clock times
const date = (value: string) => localInputToIso(value) ?? undefined

// a cap is an amount in the coupon's currency, so only then is the currency sent for a percentage
const capped = (values: CouponFormValues) =>
  values.discount_type === "percentage" && !values.per_currency && values.max_discount_amount.trim() !== ""

/** The amount, cap and minimum: in one currency, or per currency (an empty amounts map is the API's error to show). */
const moneyBody = (values: CouponFormValues) => {
  const fixed = values.discount_type === "fixed"
  if (!values.per_currency) {
    return {
      ...(values.discount_type === "free_shipping" ? {} : { discount_value: number(values.discount_value) }),
      ...(fixed || capped(values) ? { currency_code: values.currency_code } : {}),
      ...(capped(values) ? { max_discount_amount: number(values.max_discount_amount) } : {}),
      min_subtotal: nullableNumber(values.min_subtotal),
    }
  }
  const caps = values.discount_type === "percentage" ? currencyValuesBody(values.max_discount_amounts) : null
  const minimums = currencyValuesBody(values.min_subtotals)
  return {
    ...(fixed ? { amounts: currencyValuesBody(values.amounts) ?? {} } : {}),
    ...(values.discount_type === "free_shipping" || fixed ? {} : { discount_value: number(values.discount_value) }),
    ...(caps ? { max_discount_amounts: caps } : {}),
    ...(minimums ? { min_subtotals: minimums } : {}),
  }
}

export const toCouponBody = (values: CouponFormValues) => ({
  name: values.name,
  ...(values.description ? { description: values.description } : {}),
  status: values.status,
  discount_type: values.discount_type,
  ...moneyBody(values),
  ...(values.discount_type === "free_shipping" || values.discount_type === "buy_get" ? {} : { target: values.target }),
  ...(values.starts_at ? { starts_at: date(values.starts_at) } : {}),
  ...(values.ends_at ? { ends_at: date(values.ends_at) } : {}),
  usage_limit: nullableNumber(values.usage_limit),
  usage_limit_period: periodOfValue(values.usage_limit_period),
  usage_limit_per_customer: nullableNumber(values.usage_limit_per_customer),
  usage_limit_per_customer_period: periodOfValue(values.usage_limit_per_customer_period),
  allowed_email_domains: values.allowed_email_domains.split(/[\s,]+/).filter(Boolean),
  sales_channel_ids: values.sales_channel_ids,
  combines_with: values.combines_with,
  priority: number(values.priority),
  ...conditionsToBody(values, values.discount_type),
  ...(values.code_mode === "single" && values.code.trim() ? { code: values.code } : {}),
})

/**
 * Runs the API's own rules and puts each problem on its field; `t` words the
 * form's own checks (the API's rules keep the API's words).
 */
export const couponFormResolverOf =
  (t: CouponsT, locale?: string): Resolver<CouponFormValues> =>
  async (values) => {
    const result = schemas.createCoupon.safeParse(toCouponBody(values))
    const errors: FieldErrors<CouponFormValues> = {}
    if (!result.success) {
      for (const issue of result.error.issues) {
        const apiField = String(issue.path[0] ?? "name")
        const field = (conditionFieldOf(apiField) ?? apiField) as keyof CouponFormValues
        if (!errors[field]) {
          // a map field (amounts per currency) shows one message for the whole group
          ;(errors as Record<string, { type: string; message: string }>)[field] = { type: issue.code, message: issue.message }
        }
      }
    }
    if (values.code_mode === "single" && !values.code.trim()) {
      errors.code = { type: "required", message: t("create.codeRequired") }
    }
    if (values.code_mode === "generate" && !(Number(values.generate_count) >= 1 && Number(values.generate_count) <= 1_000_000)) {
      errors.generate_count = {
        type: "range",
        message: t("create.countRange", { min: formatNumber(1, locale), max: formatNumber(1_000_000, locale) }),
      }
    }
    return Object.keys(errors).length ? { values: {}, errors } : { values, errors: {} }
  }
