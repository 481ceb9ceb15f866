/** Medusa v2 amounts are in the currency's main unit (12.5 is $12.50). */
export const formatMoney = (amount: number, currencyCode: string, locale?: string): string => {
  try {
    return new Intl.NumberFormat(locale, { style: "currency", currency: currencyCode.toUpperCase() }).format(amount)
  } catch {
    return `${amount} ${currencyCode.toUpperCase()}`
  }
}
