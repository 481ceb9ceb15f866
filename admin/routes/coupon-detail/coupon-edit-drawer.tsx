import { Drawer, Input, Switch, Text, toast } from "@medusajs/ui"
import { periodOfValue, UsagePeriodSelect, valueOfPeriod, type UsagePeriodValue } from "../../components/usage-period-select"
import { Controller, useForm } from "react-hook-form"
import { z } from "zod"
import { buildCouponInputSchemas } from "../../../src/modules/coupon/schemas/coupon-input"
import {
  couponCrossFieldProblems,
  mergeCouponUpdate,
  withDerivedFields,
} from "../../../src/modules/coupon/schemas/coupon-cross-field-rules"
import { CombinesWithField } from "../../components/combines-with-field"
import { CurrencySelect } from "../../components/currency-select"
import { CurrencyValuesField } from "../../components/currency-values-field"
import { DateTimeField } from "../../components/date-time-field"
import { combinesWithOf, type CombinesWith } from "../../../src/modules/coupon/utils/combinations"
import { FormField } from "../../components/form-field"
import { useStoreCurrencies } from "../../hooks/store-currency"
import { currencyInputsOf, currencyValuesBody, hasValuesPerCurrency, type CurrencyInputs } from "../../lib/currency-values"
import { useUpdateCoupon } from "../../hooks/coupons"
import { isoToLocalInput, localInputToIso } from "../../lib/dates"
import { useCouponsTranslation } from "../../lib/i18n"
import type { AdminCoupon } from "../../lib/types"
import { ConditionsFields } from "../coupon-conditions/conditions-fields"
import { DrawerFormFooter } from "./coupon-drawer-form"
import { conditionFieldOf, conditionsFromCoupon, conditionsToBody, ConditionValues } from "../coupon-conditions/conditions-values"

type EditValues = ConditionValues & {
  name: string
  discount_value: string
  /** a percentage's cap in currency_code; empty: no cap */
  max_discount_amount: string
  currency_code: string
  /** amount, cap and minimum per currency instead of one currency */
  per_currency: boolean
  amounts: CurrencyInputs
  max_discount_amounts: CurrencyInputs
  min_subtotals: CurrencyInputs
  ends_at: string
  combines_with: CombinesWith
  priority: string
  usage_limit: string
  usage_limit_period: UsagePeriodValue
  usage_limit_per_customer: string
  usage_limit_per_customer_period: UsagePeriodValue
}

const { updateCoupon } = buildCouponInputSchemas(z)

export const CouponEditDrawer = ({
  coupon,
  open,
  onOpenChange,
}: {
  coupon: AdminCoupon
  open: boolean
  onOpenChange: (open: boolean) => void
}) => {
  const { t } = useCouponsTranslation()
  const update = useUpdateCoupon(coupon.id)
  const currencies = useStoreCurrencies()
  const conditions = conditionsFromCoupon(coupon)
  // a coupon with no money of its own yet starts in the store's default currency
  const storeCurrency = currencies[0] ?? "usd"
  // read once when the drawer opens (its route mounts it): a refetch of the coupon or the
  // store's currencies while the admin types must not reset what they typed
  const form = useForm<EditValues>({
    defaultValues: {
      ...conditions,
      budget_currency: coupon.budget_limits && Object.keys(coupon.budget_limits).length ? conditions.budget_currency : storeCurrency,
      name: coupon.name,
      discount_value: String(coupon.discount_value),
      max_discount_amount: coupon.max_discount_amount?.toString() ?? "",
      currency_code: coupon.currency_code ?? storeCurrency,
      per_currency: hasValuesPerCurrency(coupon),
      amounts: currencyInputsOf(coupon.amounts, currencies),
      max_discount_amounts: currencyInputsOf(coupon.max_discount_amounts, currencies),
      min_subtotals: currencyInputsOf(coupon.min_subtotals, currencies),
      ends_at: isoToLocalInput(coupon.ends_at),
      combines_with: combinesWithOf(coupon),
      priority: String(coupon.priority ?? 0),
      usage_limit: coupon.usage_limit?.toString() ?? "",
      usage_limit_period: valueOfPeriod(coupon.usage_limit_period),
      usage_limit_per_customer: coupon.usage_limit_per_customer?.toString() ?? "",
      usage_limit_per_customer_period: valueOfPeriod(coupon.usage_limit_per_customer_period),
    },
  })

  const percentage = coupon.discount_type === "percentage"
  const fixed = coupon.discount_type === "fixed"
  const perCurrency = form.watch("per_currency")

  /** The amount, cap and minimum: per currency, or in one currency (clearing the maps). */
  const moneyBody = (values: EditValues) => {
    if (values.per_currency) {
      return {
        discount_type: coupon.discount_type,
        ...(fixed ? { amounts: currencyValuesBody(values.amounts) ?? {} } : {}),
        ...(coupon.discount_type === "free_shipping" || fixed ? {} : { discount_value: Number(values.discount_value) }),
        ...(percentage ? { max_discount_amount: null, max_discount_amounts: currencyValuesBody(values.max_discount_amounts) } : {}),
        min_subtotal: null,
        min_subtotals: currencyValuesBody(values.min_subtotals),
      }
    }
    const cap = values.max_discount_amount.trim() === "" ? null : Number(values.max_discount_amount)
    return {
      ...(coupon.discount_type === "free_shipping"
        ? {}
        : { discount_value: Number(values.discount_value), discount_type: coupon.discount_type, currency_code: coupon.currency_code }),
      // the cap is an amount in the coupon's currency: a new cap may name it, removing the cap keeps it
      ...(percentage ? { max_discount_amount: cap, currency_code: cap === null ? coupon.currency_code : values.currency_code } : {}),
      ...(hasValuesPerCurrency(coupon) ? { amounts: null, max_discount_amounts: null, min_subtotals: null } : {}),
    }
  }

  const onSubmit = form.handleSubmit(async (values) => {
    const body = {
      name: values.name,
      ...moneyBody(values),
      ends_at: localInputToIso(values.ends_at, coupon.ends_at),
      combines_with: values.combines_with,
      priority: values.priority.trim() === "" ? 0 : Number(values.priority),
      usage_limit: values.usage_limit ? Number(values.usage_limit) : null,
      usage_limit_period: periodOfValue(values.usage_limit_period),
      usage_limit_per_customer: values.usage_limit_per_customer ? Number(values.usage_limit_per_customer) : null,
      usage_limit_per_customer_period: periodOfValue(values.usage_limit_per_customer_period),
      ...conditionsToBody(values, coupon.discount_type),
    }
    // the same rules as the API, field by field
    const parsed = updateCoupon.safeParse(body)
    // and on the coupon as it would be after the save, as the API judges it
    const problems = parsed.success
      ? couponCrossFieldProblems(mergeCouponUpdate(coupon, withDerivedFields(parsed.data, coupon)), { complete: true })
      : parsed.error.issues.map((issue) => ({ path: String(issue.path[0] ?? "name"), message: issue.message }))
    if (problems.length) {
      for (const { path, message } of problems) {
        form.setError((conditionFieldOf(path) ?? path) as keyof EditValues, { message })
      }
      return
    }
    try {
      await update.mutateAsync(body)
      toast.success(t("edit.updated"))
      onOpenChange(false)
    } catch (error) {
      form.setError("root", { message: (error as Error).message })
    }
  })

  const error = (name: keyof EditValues) => (form.formState.errors as Record<string, { message?: string } | undefined>)[name]?.message

  return (
    <Drawer open={open} onOpenChange={onOpenChange}>
      <Drawer.Content>
        <form onSubmit={onSubmit} className="flex h-full flex-col" noValidate>
          <Drawer.Header>
            <Drawer.Title>{t("edit.title")}</Drawer.Title>
          </Drawer.Header>
          <Drawer.Body className="flex flex-col gap-y-4 overflow-y-auto">
            {form.formState.errors.root?.message ? (
              <Text className="text-ui-fg-error" role="alert">
                {form.formState.errors.root.message}
              </Text>
            ) : null}
            <FormField id="edit-name" label={t("fields.name")} error={error("name")}>
              <Input id="edit-name" {...form.register("name")} />
            </FormField>
            {coupon.discount_type !== "free_shipping" ? (
              <div className="flex items-center gap-x-3">
                <Controller
                  control={form.control}
                  name="per_currency"
                  render={({ field: { onChange, value } }) => <Switch id="edit-per_currency" checked={value} onCheckedChange={onChange} />}
                />
                <label htmlFor="edit-per_currency">
                  <Text size="small">{t("fields.perCurrencyShort")}</Text>
                </label>
              </div>
            ) : null}
            {perCurrency && fixed ? (
              <FormField
                id="edit-amounts"
                label={t("fields.amountsPerCurrency")}
                hint={t("fields.amountsPerCurrencyHint")}
                error={error("amounts")}
              >
                <Controller
                  control={form.control}
                  name="amounts"
                  render={({ field: { onChange, value } }) => <CurrencyValuesField id="edit-amounts" value={value} onChange={onChange} />}
                />
              </FormField>
            ) : null}
            {perCurrency && percentage ? (
              <FormField
                id="edit-max_discount_amounts"
                label={t("fields.maxDiscountPerCurrency")}
                optional
                error={error("max_discount_amounts")}
              >
                <Controller
                  control={form.control}
                  name="max_discount_amounts"
                  render={({ field: { onChange, value } }) => (
                    <CurrencyValuesField id="edit-max_discount_amounts" value={value} onChange={onChange} />
                  )}
                />
              </FormField>
            ) : null}
            {perCurrency ? (
              <FormField id="edit-min_subtotals" label={t("fields.minSubtotalPerCurrency")} optional error={error("min_subtotals")}>
                <Controller
                  control={form.control}
                  name="min_subtotals"
                  render={({ field: { onChange, value } }) => (
                    <CurrencyValuesField id="edit-min_subtotals" value={value} onChange={onChange} />
                  )}
                />
              </FormField>
            ) : null}
            {coupon.discount_type !== "free_shipping" && !(fixed && perCurrency) ? (
              <FormField
                id="edit-discount_value"
                label={
                  coupon.discount_type === "fixed"
                    ? t("fields.amountOff")
                    : coupon.discount_type === "buy_get"
                      ? t("fields.percentOffGets")
                      : t("fields.percentOff")
                }
                error={error("discount_value")}
              >
                <Input id="edit-discount_value" type="number" step="any" {...form.register("discount_value")} />
              </FormField>
            ) : null}
            {percentage && !perCurrency ? (
              <>
                <FormField
                  id="edit-max_discount_amount"
                  label={t("fields.maxDiscount")}
                  optional
                  hint={t("fields.noCap")}
                  error={error("max_discount_amount")}
                >
                  <Input id="edit-max_discount_amount" type="number" min={0} step="any" {...form.register("max_discount_amount")} />
                </FormField>
                <FormField id="edit-currency_code" label={t("fields.capCurrency")} error={error("currency_code")}>
                  <Controller
                    control={form.control}
                    name="currency_code"
                    render={({ field: { onChange, value } }) => (
                      <CurrencySelect id="edit-currency_code" label={t("fields.capCurrency")} value={value} onChange={onChange} />
                    )}
                  />
                </FormField>
              </>
            ) : null}
            <FormField id="edit-ends_at" label={t("fields.ends")} optional error={error("ends_at")}>
              <Controller
                control={form.control}
                name="ends_at"
                render={({ field: { onChange, value } }) => (
                  <DateTimeField
                    id="edit-ends_at"
                    label={t("fields.ends")}
                    value={value}
                    onChange={onChange}
                    invalid={!!error("ends_at")}
                  />
                )}
              />
            </FormField>
            <FormField id="edit-usage_limit" label={t("fields.uses")} optional hint={t("fields.usesEditHint")} error={error("usage_limit")}>
              <div className="flex gap-x-2">
                <Input id="edit-usage_limit" type="number" {...form.register("usage_limit")} />
                <UsagePeriodSelect id="edit-usage_limit_period" name="usage_limit_period" control={form.control as never} />
              </div>
            </FormField>
            <FormField
              id="edit-usage_limit_per_customer"
              label={t("fields.usesPerCustomer")}
              optional
              error={error("usage_limit_per_customer")}
            >
              <div className="flex gap-x-2">
                <Input id="edit-usage_limit_per_customer" type="number" {...form.register("usage_limit_per_customer")} />
                <UsagePeriodSelect
                  id="edit-usage_limit_per_customer_period"
                  name="usage_limit_per_customer_period"
                  control={form.control as never}
                />
              </div>
            </FormField>
            <Controller
              control={form.control}
              name="combines_with"
              render={({ field: { onChange, value } }) => <CombinesWithField id="edit-combines_with" value={value} onChange={onChange} />}
            />
            <FormField id="edit-priority" label={t("fields.priority")} hint={t("fields.priorityEditHint")} error={error("priority")}>
              <Input id="edit-priority" type="number" min={0} max={1000} {...form.register("priority")} />
            </FormField>
            <ConditionsFields
              prefix="edit"
              discountType={coupon.discount_type}
              control={form.control as never}
              register={form.register as never}
              errors={form.formState.errors as never}
            />
          </Drawer.Body>
          <DrawerFormFooter submitLabel={t("common.save")} isPending={update.isPending} />
        </form>
      </Drawer.Content>
    </Drawer>
  )
}
