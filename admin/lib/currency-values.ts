/** A value per currency as the inputs hold it: currency → text typed ("" for none). */
export type CurrencyInputs = Record<string, string>

/** The API's map from the inputs: the currencies with a value; null when none has one. */
export const currencyValuesBody = (inputs: CurrencyInputs): Record<string, number> | null => {
  const entries = Object.entries(inputs).filter(([, text]) => text.trim() !== "")
  return entries.length ? Object.fromEntries(entries.map(([currency, text]) => [currency, Number(text)])) : null
}

/** The inputs for the store's currencies (and any other the coupon names) from a stored map. */
export const currencyInputsOf = (values: Record<string, number | string> | null | undefined, currencies: string[]): CurrencyInputs => {
  const inputs: CurrencyInputs = Object.fromEntries(currencies.map((currency) => [currency, ""]))
  for (const [currency, value] of Object.entries(values ?? {})) {
    inputs[currency] = String(value)
  }
  return inputs
}

/** Whether a coupon keeps any of its money values per currency. */
export const hasValuesPerCurrency = (coupon: { amounts?: unknown; max_discount_amounts?: unknown; min_subtotals?: unknown }): boolean =>
  !!(coupon.amounts || coupon.max_discount_amounts || coupon.min_subtotals)
