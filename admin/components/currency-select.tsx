import { Select } from "@medusajs/ui"
import { useStoreCurrencies } from "../hooks/store-currency"
import { useCouponsTranslation } from "../lib/i18n"

/** "USD · US Dollar" in the admin's language; the code alone where Intl has no name. */
const currencyName = (code: string, locale: string | undefined) => {
  try {
    const name = new Intl.DisplayNames(locale, { type: "currency" }).of(code.toUpperCase())
    return name && name !== code.toUpperCase() ? `${code.toUpperCase()} · ${name}` : code.toUpperCase()
  } catch {
    return code.toUpperCase()
  }
}

/**
 * One of the store's currencies (its settings, the default first). A value
 * outside them (a coupon saved before the store dropped a currency) stays
 * listed, so the field never shows empty for a stored coupon.
 */
export const CurrencySelect = ({
  id,
  value,
  onChange,
  label,
}: {
  id: string
  value: string
  onChange: (value: string) => void
  label?: string
}) => {
  const { t, locale } = useCouponsTranslation()
  const currencies = useStoreCurrencies()
  const current = value.trim().toLowerCase()
  const options = current && !currencies.includes(current) ? [...currencies, current] : currencies
  return (
    <Select value={current} onValueChange={onChange}>
      <Select.Trigger id={id} aria-label={label}>
        <Select.Value placeholder={t("common.selectCurrency")} />
      </Select.Trigger>
      <Select.Content>
        {options.map((code) => (
          <Select.Item key={code} value={code}>
            {currencyName(code, locale)}
          </Select.Item>
        ))}
      </Select.Content>
    </Select>
  )
}
