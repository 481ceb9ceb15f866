import { Button, FocusModal, Heading, Input, Select, Switch, Text, Textarea, toast } from "@medusajs/ui"
import { useEffect } from "react"
import { Controller, useForm } from "react-hook-form"
import { useNavigate } from "react-router-dom"
import { CombinesWithField } from "../../components/combines-with-field"
import { CurrencySelect } from "../../components/currency-select"
import { CurrencyValuesField } from "../../components/currency-values-field"
import { DateTimeField } from "../../components/date-time-field"
import { FormField } from "../../components/form-field"
import { GuessOddsHint } from "../../components/guess-odds-hint"
import { SalesChannelPicker } from "../../components/sales-channel-picker"
import { UsagePeriodSelect } from "../../components/usage-period-select"
import { ConditionsFields } from "../coupon-conditions/conditions-fields"
import { useCreateCoupon } from "../../hooks/coupons"
import { useStoreCurrencies } from "../../hooks/store-currency"
import { currencyInputsOf } from "../../lib/currency-values"
import { useCouponsTranslation } from "../../lib/i18n"
import { discountTypeLabel } from "../../lib/labels"
import { sdk } from "../../lib/sdk"
import { couponFormDefaults, couponFormResolverOf, CouponFormValues, toCouponBody } from "./coupon-form-schema"

const DATE_FIELDS = ["starts_at", "ends_at"] as const

export const CouponCreateForm = () => {
  const navigate = useNavigate()
  const { t, locale } = useCouponsTranslation()
  const form = useForm<CouponFormValues>({ defaultValues: couponFormDefaults, resolver: couponFormResolverOf(t, locale) })
  const create = useCreateCoupon()
  const { register, control, watch, formState } = form
  const errors = formState.errors
  const type = watch("discount_type")
  const mode = watch("code_mode")
  const perCurrency = watch("per_currency")
  const currencies = useStoreCurrencies()
  // one input per store currency, once the store's currencies are known
  useEffect(() => {
    if (currencies.length && !Object.keys(form.getValues("amounts")).length) {
      for (const name of ["amounts", "max_discount_amounts", "min_subtotals"] as const) {
        form.setValue(name, currencyInputsOf(null, currencies))
      }
    }
    // money fields start in the store's default currency, not a fixed one, until the admin picks another
    const [storeCurrency] = currencies
    for (const name of ["currency_code", "budget_currency"] as const) {
      if (storeCurrency && !form.getFieldState(name).isDirty) {
        form.setValue(name, storeCurrency)
      }
    }
  }, [currencies, form])

  const onSubmit = form.handleSubmit(async (values) => {
    try {
      const { coupon } = await create.mutateAsync(toCouponBody(values))
      if (values.code_mode === "generate") {
        await sdk.client.fetch(`/admin/coupons/${coupon.id}/code-batches`, {
          method: "POST",
          body: { count: Number(values.generate_count), pattern: values.generate_pattern },
        })
      }
      toast.success(t("create.created", { name: coupon.name }))
      navigate(`/coupons/${coupon.id}`)
    } catch (error) {
      // server errors are shown, never swallowed
      toast.error((error as Error).message)
      form.setError("root", { message: (error as Error).message })
    }
  })

  const field = (name: keyof CouponFormValues) => ({ id: `coupon-${name}`, error: errors[name]?.message as string | undefined })

  return (
    <form onSubmit={onSubmit} className="flex h-full flex-col overflow-hidden" noValidate>
      <FocusModal.Header>
        <div className="flex items-center justify-end gap-x-2">
          <FocusModal.Close asChild>
            <Button size="small" variant="secondary" type="button">
              {t("common.cancel")}
            </Button>
          </FocusModal.Close>
          <Button size="small" type="submit" isLoading={create.isPending || formState.isSubmitting}>
            {t("create.submit")}
          </Button>
        </div>
      </FocusModal.Header>
      <FocusModal.Body className="flex flex-1 flex-col items-center overflow-y-auto py-12">
        <div className="flex w-full max-w-[720px] flex-col gap-y-8 px-4">
          <div>
            <FocusModal.Title asChild>
              <Heading>{t("create.title")}</Heading>
            </FocusModal.Title>
            <FocusModal.Description asChild>
              <Text size="small" className="text-ui-fg-subtle">
                {t("create.description")}
              </Text>
            </FocusModal.Description>
          </div>
          {errors.root?.message ? (
            <Text className="text-ui-fg-error" role="alert">
              {errors.root.message}
            </Text>
          ) : null}
          <div className="grid grid-cols-1 gap-4 md:grid-cols-2">
            <FormField label={t("fields.name")} {...field("name")}>
              <Input {...register("name")} id="coupon-name" autoFocus />
            </FormField>
            <FormField label={t("fields.status")} {...field("status")}>
              <Controller
                control={control}
                name="status"
                render={({ field: { onChange, value } }) => (
                  <Select value={value} onValueChange={onChange}>
                    <Select.Trigger id="coupon-status">
                      <Select.Value />
                    </Select.Trigger>
                    <Select.Content>
                      <Select.Item value="active">{t("couponStatus.active")}</Select.Item>
                      <Select.Item value="draft">{t("couponStatus.draft")}</Select.Item>
                    </Select.Content>
                  </Select>
                )}
              />
            </FormField>
            <div className="md:col-span-2">
              <FormField label={t("fields.description")} optional {...field("description")}>
                <Textarea {...register("description")} id="coupon-description" />
              </FormField>
            </div>
          </div>

          <div className="grid grid-cols-1 gap-4 md:grid-cols-3">
            <FormField label={t("fields.discountType")} {...field("discount_type")}>
              <Controller
                control={control}
                name="discount_type"
                render={({ field: { onChange, value } }) => (
                  <Select value={value} onValueChange={onChange}>
                    <Select.Trigger id="coupon-discount_type">
                      <Select.Value />
                    </Select.Trigger>
                    <Select.Content>
                      {(["percentage", "fixed", "free_shipping", "buy_get"] as const).map((option) => (
                        <Select.Item key={option} value={option}>
                          {discountTypeLabel(option, t)}
                        </Select.Item>
                      ))}
                    </Select.Content>
                  </Select>
                )}
              />
            </FormField>
            {type !== "free_shipping" && !(type === "fixed" && perCurrency) ? (
              <FormField
                label={type === "fixed" ? t("fields.amountOff") : type === "buy_get" ? t("fields.percentOffGets") : t("fields.percentOff")}
                {...field("discount_value")}
              >
                <Input {...register("discount_value")} id="coupon-discount_value" type="number" min={0} step="any" />
              </FormField>
            ) : null}
            {type === "percentage" && !perCurrency ? (
              <FormField label={t("fields.maxDiscount")} optional hint={t("fields.noCap")} {...field("max_discount_amount")}>
                <Input {...register("max_discount_amount")} id="coupon-max_discount_amount" type="number" min={0} step="any" />
              </FormField>
            ) : null}
            {(type === "fixed" || type === "percentage") && !perCurrency ? (
              <FormField label={type === "fixed" ? t("fields.currency") : t("fields.capCurrency")} {...field("currency_code")}>
                <Controller
                  control={control}
                  name="currency_code"
                  render={({ field: { onChange, value } }) => (
                    <CurrencySelect
                      id="coupon-currency_code"
                      label={type === "fixed" ? t("fields.currency") : t("fields.capCurrency")}
                      value={value}
                      onChange={onChange}
                    />
                  )}
                />
              </FormField>
            ) : null}
            {type !== "free_shipping" && type !== "buy_get" ? (
              <FormField label={t("fields.appliesTo")} {...field("target")}>
                <Controller
                  control={control}
                  name="target"
                  render={({ field: { onChange, value } }) => (
                    <Select value={value} onValueChange={onChange}>
                      <Select.Trigger id="coupon-target">
                        <Select.Value />
                      </Select.Trigger>
                      <Select.Content>
                        <Select.Item value="order">{t("fields.wholeOrder")}</Select.Item>
                        <Select.Item value="items">{t("fields.eachItem")}</Select.Item>
                      </Select.Content>
                    </Select>
                  )}
                />
              </FormField>
            ) : null}
          </div>

          <div className="flex flex-col gap-y-4">
            <div className="flex items-center gap-x-3">
              <Controller
                control={control}
                name="per_currency"
                render={({ field: { onChange, value } }) => <Switch id="coupon-per_currency" checked={value} onCheckedChange={onChange} />}
              />
              <label htmlFor="coupon-per_currency">
                <Text size="small">{t("fields.perCurrency")}</Text>
              </label>
            </div>
            {perCurrency && type === "fixed" ? (
              <FormField label={t("fields.amountsPerCurrency")} {...field("amounts")}>
                <Controller
                  control={control}
                  name="amounts"
                  render={({ field: { onChange, value } }) => <CurrencyValuesField id="coupon-amounts" value={value} onChange={onChange} />}
                />
              </FormField>
            ) : null}
            {perCurrency && type === "percentage" ? (
              <FormField
                label={t("fields.maxDiscountPerCurrency")}
                optional
                hint={t("fields.allEmptyNoCap")}
                {...field("max_discount_amounts")}
              >
                <Controller
                  control={control}
                  name="max_discount_amounts"
                  render={({ field: { onChange, value } }) => (
                    <CurrencyValuesField id="coupon-max_discount_amounts" value={value} onChange={onChange} />
                  )}
                />
              </FormField>
            ) : null}
            {perCurrency ? (
              <FormField
                label={t("fields.minSubtotalPerCurrency")}
                optional
                hint={t("fields.allEmptyNoMinimum")}
                {...field("min_subtotals")}
              >
                <Controller
                  control={control}
                  name="min_subtotals"
                  render={({ field: { onChange, value } }) => (
                    <CurrencyValuesField id="coupon-min_subtotals" value={value} onChange={onChange} />
                  )}
                />
              </FormField>
            ) : null}
          </div>

          <div className="grid grid-cols-1 gap-4 md:grid-cols-2">
            {DATE_FIELDS.map((name) => (
              <FormField
                key={name}
                label={name === "starts_at" ? t("fields.starts") : t("fields.ends")}
                optional
                hint={name === "starts_at" ? t("fields.startsHint") : t("fields.endsHint")}
                {...field(name)}
              >
                <Controller
                  control={control}
                  name={name}
                  render={({ field: { onChange, value } }) => (
                    <DateTimeField
                      id={`coupon-${name}`}
                      label={name === "starts_at" ? t("fields.starts") : t("fields.ends")}
                      value={value}
                      onChange={onChange}
                      invalid={!!errors[name]}
                    />
                  )}
                />
              </FormField>
            ))}
            <FormField label={t("fields.uses")} optional hint={t("fields.usesHint")} {...field("usage_limit")}>
              <div className="flex gap-x-2">
                <Input {...register("usage_limit")} id="coupon-usage_limit" type="number" min={1} />
                <UsagePeriodSelect id="coupon-usage_limit_period" name="usage_limit_period" control={control as never} />
              </div>
            </FormField>
            <FormField label={t("fields.usesPerCustomer")} optional {...field("usage_limit_per_customer")}>
              <div className="flex gap-x-2">
                <Input {...register("usage_limit_per_customer")} id="coupon-usage_limit_per_customer" type="number" min={1} />
                <UsagePeriodSelect
                  id="coupon-usage_limit_per_customer_period"
                  name="usage_limit_per_customer_period"
                  control={control as never}
                />
              </div>
            </FormField>
            {!perCurrency ? (
              <FormField label={t("fields.minSubtotal")} optional {...field("min_subtotal")}>
                <Input {...register("min_subtotal")} id="coupon-min_subtotal" type="number" min={0} step="any" />
              </FormField>
            ) : null}
            <FormField label={t("fields.emailDomains")} optional hint={t("fields.emailDomainsHint")} {...field("allowed_email_domains")}>
              <Input {...register("allowed_email_domains")} id="coupon-allowed_email_domains" />
            </FormField>
          </div>
          <div className="flex flex-col gap-y-2">
            <Text size="small" weight="plus">
              {t("salesChannels.label")}
            </Text>
            <Controller
              control={control}
              name="sales_channel_ids"
              render={({ field: { onChange, value } }) => <SalesChannelPicker value={value} onChange={onChange} />}
            />
          </div>
          <ConditionsFields
            prefix="coupon"
            discountType={type}
            control={control as never}
            register={register as never}
            errors={errors as never}
          />
          <Controller
            control={control}
            name="combines_with"
            render={({ field: { onChange, value } }) => <CombinesWithField id="coupon-combines_with" value={value} onChange={onChange} />}
          />
          <div className="grid grid-cols-1 gap-4 md:grid-cols-2">
            <FormField label={t("fields.priority")} hint={t("fields.priorityHint")} {...field("priority")}>
              <Input {...register("priority")} id="coupon-priority" type="number" min={0} max={1000} />
            </FormField>
          </div>

          <div className="flex flex-col gap-y-4 rounded-lg border p-4">
            <Controller
              control={control}
              name="code_mode"
              render={({ field: { onChange, value } }) => (
                <div role="radiogroup" aria-label={t("create.codes")} className="flex gap-x-4">
                  {(["single", "generate"] as const).map((option) => (
                    <label key={option} className="flex items-center gap-x-2">
                      <input type="radio" name="code_mode" value={option} checked={value === option} onChange={() => onChange(option)} />
                      <Text size="small">{option === "single" ? t("create.singleCode") : t("create.generateCodes")}</Text>
                    </label>
                  ))}
                </div>
              )}
            />
            {mode === "single" ? (
              <FormField label={t("create.code")} hint={t("create.codeHint")} {...field("code")}>
                <Input {...register("code")} id="coupon-code" placeholder={t("create.codePlaceholder")} />
              </FormField>
            ) : (
              <div className="grid grid-cols-1 gap-4 md:grid-cols-2">
                <FormField label={t("create.generateCount")} {...field("generate_count")}>
                  <Input {...register("generate_count")} id="coupon-generate_count" type="number" min={1} max={1000000} />
                </FormField>
                <FormField
                  label={t("create.pattern")}
                  hint={<GuessOddsHint pattern={watch("generate_pattern")} count={Number(watch("generate_count"))} />}
                  {...field("generate_pattern")}
                >
                  <Input {...register("generate_pattern")} id="coupon-generate_pattern" />
                </FormField>
              </div>
            )}
          </div>
        </div>
      </FocusModal.Body>
    </form>
  )
}
