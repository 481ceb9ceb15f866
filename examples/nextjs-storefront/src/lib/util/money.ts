// The official starter's money formatter (src/lib/util/money.ts).
export const convertToLocale = ({ amount, currency_code, locale = "en-US" }: { amount: number; currency_code: string; locale?: string }) =>
  currency_code ? new Intl.NumberFormat(locale, { style: "currency", currency: currency_code }).format(amount) : amount.toString()
