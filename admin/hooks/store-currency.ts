import { useQuery } from "@tanstack/react-query"
import { sdk } from "../lib/sdk"

/** The store's default currency (its settings), for amounts that carry none of their own; null while loading. */
export const useStoreCurrency = (): string | null => {
  const { data } = useQuery({
    queryKey: ["coupons", "store-default-currency"],
    queryFn: async () => {
      const { stores } = await sdk.admin.store.list({ fields: "id,supported_currencies.currency_code,supported_currencies.is_default" })
      const currencies = stores[0]?.supported_currencies ?? []
      return (currencies.find((currency) => currency.is_default) ?? currencies[0])?.currency_code ?? null
    },
    staleTime: 5 * 60_000,
  })
  return data ?? null
}
