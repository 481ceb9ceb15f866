import { Button, FocusModal, Heading, Input, Select, Switch, Text, Textarea, toast } from "@medusajs/ui"
import { useEffect } from "react"
import { Controller, useForm } from "react-hook-form"
import { useNavigate } from "react-router-dom"
import { CombinesWithField } from "../../components/combines-with-field"
import { CurrencyValuesField } from "../../components/currency-values-field"
import { FormField } from "../../components/form-field"
import { GuessOddsHint } from "../../components/guess-odds-hint"
import { SalesChannelPicker } from "../../components/sales-channel-picker"
import { UsagePeriodSelect } from "../../components/usage-period-select"
import { ConditionsFields } from "../coupon-conditions/conditions-fields"
import { useCreateCoupon } from "../../hooks/coupons"
import { useStoreCurrencies } from "../../hooks/store-currency"
import { currencyInputsOf } from "../../lib/currency-values"
import { sdk } from "../../lib/sdk"
import { couponFormDefaults, couponFormResolver, CouponFormValues, toCouponBody } from "./coupon-form-schema"

export const CouponCreateForm = () => {
  const navigate = useNavigate()
  const form = useForm<CouponFormValues>({ defaultValues: couponFormDefaults, resolver: couponFormResolver })
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
      toast.success(`Coupon "${coupon.name}" created`)
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
              Cancel
            </Button>
          </FocusModal.Close>
          <Button size="small" type="submit" isLoading={create.isPending || formState.isSubmitting}>
            Create coupon
          </Button>
        </div>
      </FocusModal.Header>
      <FocusModal.Body className="flex flex-1 flex-col items-center overflow-y-auto py-12">
        <div className="flex w-full max-w-[720px] flex-col gap-y-8 px-4">
          <div>
            <FocusModal.Title asChild>
              <Heading>Create coupon</Heading>
            </FocusModal.Title>
            <FocusModal.Description asChild>
              <Text size="small" className="text-ui-fg-subtle">
                A code shoppers type at checkout, with its discount and limits.
              </Text>
            </FocusModal.Description>
          </div>
          {errors.root?.message ? (
            <Text className="text-ui-fg-error" role="alert">
              {errors.root.message}
            </Text>
          ) : null}
          <div className="grid grid-cols-1 gap-4 md:grid-cols-2">
            <FormField label="Name" {...field("name")}>
              <Input {...register("name")} id="coupon-name" autoFocus />
            </FormField>
            <FormField label="Status" {...field("status")}>
              <Controller
                control={control}
                name="status"
                render={({ field: { onChange, value } }) => (
                  <Select value={value} onValueChange={onChange}>
                    <Select.Trigger id="coupon-status">
                      <Select.Value />
                    </Select.Trigger>
                    <Select.Content>
                      <Select.Item value="active">Active</Select.Item>
                      <Select.Item value="draft">Draft</Select.Item>
                    </Select.Content>
                  </Select>
                )}
              />
            </FormField>
            <div className="md:col-span-2">
              <FormField label="Description" optional {...field("description")}>
                <Textarea {...register("description")} id="coupon-description" />
              </FormField>
            </div>
          </div>

          <div className="grid grid-cols-1 gap-4 md:grid-cols-3">
            <FormField label="Discount type" {...field("discount_type")}>
              <Controller
                control={control}
                name="discount_type"
                render={({ field: { onChange, value } }) => (
                  <Select value={value} onValueChange={onChange}>
                    <Select.Trigger id="coupon-discount_type">
                      <Select.Value />
                    </Select.Trigger>
                    <Select.Content>
                      <Select.Item value="percentage">Percentage</Select.Item>
                      <Select.Item value="fixed">Fixed amount</Select.Item>
                      <Select.Item value="free_shipping">Free shipping</Select.Item>
                      <Select.Item value="buy_get">Buy X get Y</Select.Item>
                    </Select.Content>
                  </Select>
                )}
              />
            </FormField>
            {type !== "free_shipping" && !(type === "fixed" && perCurrency) ? (
              <FormField
                label={type === "fixed" ? "Amount off" : type === "buy_get" ? "Percent off the items they get" : "Percent off"}
                {...field("discount_value")}
              >
                <Input {...register("discount_value")} id="coupon-discount_value" type="number" min={0} step="any" />
              </FormField>
            ) : null}
            {type === "percentage" && !perCurrency ? (
              <FormField label="Maximum discount" optional hint="Empty: no cap" {...field("max_discount_amount")}>
                <Input {...register("max_discount_amount")} id="coupon-max_discount_amount" type="number" min={0} step="any" />
              </FormField>
            ) : null}
            {(type === "fixed" || type === "percentage") && !perCurrency ? (
              <FormField label={type === "fixed" ? "Currency" : "Currency of the cap"} {...field("currency_code")}>
                <Input {...register("currency_code")} id="coupon-currency_code" maxLength={3} />
              </FormField>
            ) : null}
            {type !== "free_shipping" && type !== "buy_get" ? (
              <FormField label="Applies to" {...field("target")}>
                <Controller
                  control={control}
                  name="target"
                  render={({ field: { onChange, value } }) => (
                    <Select value={value} onValueChange={onChange}>
                      <Select.Trigger id="coupon-target">
                        <Select.Value />
                      </Select.Trigger>
                      <Select.Content>
                        <Select.Item value="order">Whole order</Select.Item>
                        <Select.Item value="items">Each item</Select.Item>
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
                <Text size="small">Amounts per currency (a currency left empty cannot use the code)</Text>
              </label>
            </div>
            {perCurrency && type === "fixed" ? (
              <FormField label="Amount off in each currency" {...field("amounts")}>
                <Controller
                  control={control}
                  name="amounts"
                  render={({ field: { onChange, value } }) => <CurrencyValuesField id="coupon-amounts" value={value} onChange={onChange} />}
                />
              </FormField>
            ) : null}
            {perCurrency && type === "percentage" ? (
              <FormField label="Maximum discount in each currency" optional hint="All empty: no cap" {...field("max_discount_amounts")}>
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
              <FormField label="Minimum subtotal in each currency" optional hint="All empty: no minimum" {...field("min_subtotals")}>
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
            <FormField label="Starts" optional hint="Empty: usable right away" {...field("starts_at")}>
              <Input {...register("starts_at")} id="coupon-starts_at" type="datetime-local" />
            </FormField>
            <FormField label="Ends" optional hint="Empty: the store's default validity" {...field("ends_at")}>
              <Input {...register("ends_at")} id="coupon-ends_at" type="datetime-local" />
            </FormField>
            <FormField
              label="Uses"
              optional
              hint="Empty: unlimited; per day, week or month on the store's calendar"
              {...field("usage_limit")}
            >
              <div className="flex gap-x-2">
                <Input {...register("usage_limit")} id="coupon-usage_limit" type="number" min={1} />
                <UsagePeriodSelect id="coupon-usage_limit_period" name="usage_limit_period" control={control as never} />
              </div>
            </FormField>
            <FormField label="Uses per customer" optional {...field("usage_limit_per_customer")}>
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
              <FormField label="Minimum subtotal" optional {...field("min_subtotal")}>
                <Input {...register("min_subtotal")} id="coupon-min_subtotal" type="number" min={0} step="any" />
              </FormField>
            ) : null}
            <FormField label="Allowed email domains" optional hint="example.com, *.example.org" {...field("allowed_email_domains")}>
              <Input {...register("allowed_email_domains")} id="coupon-allowed_email_domains" />
            </FormField>
          </div>
          <div className="flex flex-col gap-y-2">
            <Text size="small" weight="plus">
              Sales channels
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
            <FormField
              label="Priority"
              hint="When discounts stack, higher applies first, each on what the one before left"
              {...field("priority")}
            >
              <Input {...register("priority")} id="coupon-priority" type="number" min={0} max={1000} />
            </FormField>
          </div>

          <div className="flex flex-col gap-y-4 rounded-lg border p-4">
            <Controller
              control={control}
              name="code_mode"
              render={({ field: { onChange, value } }) => (
                <div role="radiogroup" aria-label="Codes" className="flex gap-x-4">
                  {(["single", "generate"] as const).map((option) => (
                    <label key={option} className="flex items-center gap-x-2">
                      <input type="radio" name="code_mode" value={option} checked={value === option} onChange={() => onChange(option)} />
                      <Text size="small">{option === "single" ? "One shared code" : "Generate unique codes"}</Text>
                    </label>
                  ))}
                </div>
              )}
            />
            {mode === "single" ? (
              <FormField label="Code" hint="Shoppers type this; stored in upper case" {...field("code")}>
                <Input {...register("code")} id="coupon-code" placeholder="SUMMER10" />
              </FormField>
            ) : (
              <div className="grid grid-cols-1 gap-4 md:grid-cols-2">
                <FormField label="How many codes" {...field("generate_count")}>
                  <Input {...register("generate_count")} id="coupon-generate_count" type="number" min={1} max={1000000} />
                </FormField>
                <FormField
                  label="Pattern"
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
