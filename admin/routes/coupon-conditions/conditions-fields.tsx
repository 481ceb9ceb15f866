import { Heading, Input, Select, Switch, Text } from "@medusajs/ui"
import { Control, Controller, FieldErrors, UseFormRegister, useWatch } from "react-hook-form"
import { CurrencySelect } from "../../components/currency-select"
import { FormField } from "../../components/form-field"
import { IdChecklist } from "../../components/id-checklist"
import { useCouponsTranslation } from "../../lib/i18n"
import type { ConditionValues, SelectorKind } from "./conditions-values"
import { loadCustomerGroups, loadShippingOptions, selectorLabel, selectorLoaders } from "./selector-loaders"

// any form that holds the ConditionValues fields (the create form, the edit drawer)
type FormWithConditions = ConditionValues & Record<string, unknown>

type Props = {
  prefix: string
  discountType: string
  control: Control<FormWithConditions>
  register: UseFormRegister<FormWithConditions>
  errors: FieldErrors<FormWithConditions>
}

const KINDS: SelectorKind[] = ["none", "products", "collections", "categories", "types"]
const SWITCHES = ["first_order_only", "requires_login"] as const

/** Kind of lines, then the records of that kind. */
const SelectorField = ({
  prefix,
  name,
  label,
  noneLabel,
  control,
  error,
  allowNone = true,
}: {
  prefix: string
  name: "target" | "excluded" | "buy"
  label: string
  noneLabel: string
  control: Control<FormWithConditions>
  error?: string
  allowNone?: boolean
}) => {
  const { t, locale } = useCouponsTranslation()
  const kind = useWatch({ control, name: `${name}_kind` }) as SelectorKind
  const id = `${prefix}-${name}_ids`
  return (
    <FormField id={`${prefix}-${name}_kind`} label={label} error={error}>
      <Controller
        control={control}
        name={`${name}_kind`}
        render={({ field: { onChange, value } }) => (
          <Select value={value as string} onValueChange={(next) => onChange(next)}>
            <Select.Trigger id={`${prefix}-${name}_kind`}>
              <Select.Value />
            </Select.Trigger>
            <Select.Content>
              {KINDS.filter((option) => allowNone || option !== "none").map((option) => (
                <Select.Item key={option} value={option}>
                  {option === "none" ? noneLabel : selectorLabel(option, t)}
                </Select.Item>
              ))}
            </Select.Content>
          </Select>
        )}
      />
      {kind !== "none" ? (
        <Controller
          control={control}
          name={`${name}_ids`}
          render={({ field: { onChange, value } }) => (
            <IdChecklist
              key={kind}
              id={id}
              label={selectorLabel(kind, t)}
              queryKey={kind}
              load={selectorLoaders[kind as Exclude<SelectorKind, "none">]}
              value={value as string[]}
              onChange={onChange}
              emptyHint={t("conditions.tick", { label: selectorLabel(kind, t), lower: selectorLabel(kind, t).toLocaleLowerCase(locale) })}
            />
          )}
        />
      ) : null}
    </FormField>
  )
}

/** Who may use the coupon and on what: targets, buy X get Y, customers, minimums, budget. */
export const ConditionsFields = ({ prefix, discountType, control, register, errors }: Props) => {
  const { t } = useCouponsTranslation()
  const field = (name: keyof ConditionValues) => ({ id: `${prefix}-${name}`, error: errors[name]?.message as string | undefined })
  const shipping = discountType === "free_shipping"
  const buyGet = discountType === "buy_get"
  return (
    <section className="flex flex-col gap-y-4 rounded-lg border p-4" aria-labelledby={`${prefix}-conditions`}>
      <div>
        <Heading level="h2" id={`${prefix}-conditions`}>
          {t("conditions.heading")}
        </Heading>
        <Text size="small" className="text-ui-fg-subtle">
          {t("conditions.description")}
        </Text>
      </div>

      {buyGet ? (
        <div className="grid grid-cols-1 gap-4 md:grid-cols-3">
          <FormField label={t("conditions.buyQuantity")} {...field("buy_quantity")}>
            <Input {...register("buy_quantity")} id={`${prefix}-buy_quantity`} type="number" min={1} />
          </FormField>
          <FormField label={t("conditions.getQuantity")} {...field("get_quantity")}>
            <Input {...register("get_quantity")} id={`${prefix}-get_quantity`} type="number" min={1} />
          </FormField>
          <FormField
            label={t("conditions.maxApplications")}
            optional
            hint={t("conditions.maxApplicationsHint")}
            {...field("max_applications")}
          >
            <Input {...register("max_applications")} id={`${prefix}-max_applications`} type="number" min={1} />
          </FormField>
          <div className="md:col-span-3">
            <SelectorField
              prefix={prefix}
              name="buy"
              label={t("conditions.buyItems")}
              noneLabel=""
              allowNone={false}
              control={control}
              error={field("buy_ids").error}
            />
          </div>
        </div>
      ) : null}

      {shipping ? (
        <FormField label={t("conditions.shippingOptions")} optional {...field("shipping_option_ids")}>
          <Controller
            control={control}
            name="shipping_option_ids"
            render={({ field: { onChange, value } }) => (
              <IdChecklist
                id={`${prefix}-shipping_option_ids`}
                label={t("conditions.shippingOptions")}
                queryKey="shipping_options"
                load={loadShippingOptions}
                value={value as string[]}
                onChange={onChange}
                emptyHint={t("conditions.everyShippingOption")}
                searchable={false}
              />
            )}
          />
        </FormField>
      ) : (
        <div className="grid grid-cols-1 gap-4 md:grid-cols-2">
          <SelectorField
            prefix={prefix}
            name="target"
            label={buyGet ? t("conditions.getItems") : t("conditions.discountedItems")}
            noneLabel={t("conditions.allItems")}
            control={control}
            error={field("target_ids").error}
          />
          <SelectorField
            prefix={prefix}
            name="excluded"
            label={t("conditions.excludedItems")}
            noneLabel={t("conditions.none")}
            control={control}
            error={field("excluded_ids").error}
          />
          <FormField label={t("conditions.minQuantity")} optional {...field("min_quantity")}>
            <Input {...register("min_quantity")} id={`${prefix}-min_quantity`} type="number" min={1} />
          </FormField>
          <FormField label={t("conditions.minMatchingSubtotal")} optional {...field("min_matching_subtotal")}>
            <Input {...register("min_matching_subtotal")} id={`${prefix}-min_matching_subtotal`} type="number" min={0} step="any" />
          </FormField>
        </div>
      )}

      <FormField label={t("conditions.customerGroups")} optional {...field("customer_group_ids")}>
        <Controller
          control={control}
          name="customer_group_ids"
          render={({ field: { onChange, value } }) => (
            <IdChecklist
              id={`${prefix}-customer_group_ids`}
              label={t("conditions.customerGroups")}
              queryKey="customer_groups"
              load={loadCustomerGroups}
              value={value as string[]}
              onChange={onChange}
              emptyHint={t("conditions.everyCustomer")}
            />
          )}
        />
      </FormField>
      <div className="flex flex-col gap-y-2">
        {SWITCHES.map((name) => (
          <div key={name} className="flex items-center gap-x-3">
            <Controller
              control={control}
              name={name}
              render={({ field: { onChange, value } }) => (
                <Switch id={`${prefix}-${name}`} checked={value as boolean} onCheckedChange={onChange} />
              )}
            />
            <label htmlFor={`${prefix}-${name}`}>
              <Text size="small">{name === "first_order_only" ? t("conditions.firstOrderOnly") : t("conditions.requiresLogin")}</Text>
            </label>
          </div>
        ))}
      </div>

      <div className="grid grid-cols-1 gap-4 md:grid-cols-2">
        <FormField label={t("conditions.budget")} optional hint={t("conditions.budgetHint")} {...field("budget_amount")}>
          <Input {...register("budget_amount")} id={`${prefix}-budget_amount`} type="number" min={0} step="any" />
        </FormField>
        <FormField label={t("conditions.budgetCurrency")} {...field("budget_currency")}>
          <Controller
            control={control}
            name="budget_currency"
            render={({ field: { onChange, value } }) => (
              <CurrencySelect
                id={`${prefix}-budget_currency`}
                label={t("conditions.budgetCurrency")}
                value={value as string}
                onChange={onChange}
              />
            )}
          />
        </FormField>
      </div>
    </section>
  )
}
