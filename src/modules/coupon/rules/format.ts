/** A shopper-facing money amount ("$12.50", "12,50 €"); falls back for unknown currencies. */
export const formatAmount = (amount: number, currencyCode: string): string => {
  try {
    return new Intl.NumberFormat("en-US", {
      style: "currency",
      currency: currencyCode.toUpperCase(),
    }).format(amount)
  } catch {
    return `${amount} ${currencyCode.toUpperCase()}`
  }
}

export const toDate = (value: Date | string | null | undefined): Date | null =>
  value === null || value === undefined ? null : new Date(value)

/** A coupon field that is set: neither null nor undefined (0 is set). */
export const isSet = (value: unknown): boolean => value !== null && value !== undefined
