import { useQuery } from "@tanstack/react-query"
import { sdk } from "../lib/sdk"

type StoreCurrencies = { default: string | null; all: string[] }

/** The store's currencies (its settings), the default one first. */
const useStoreCurrencies_ = () =>
  useQuery({
    queryKey: ["coupons", "store-currencies"],
    queryFn: async (): Promise<StoreCurrencies> => {
      const { stores } = await sdk.admin.store.list({ fields: "id,supported_currencies.currency_code,supported_currencies.is_default" })
      const currencies = stores[0]?.supported_currencies ?? []
      const main = (currencies.find((currency) => currency.is_default) ?? currencies[0])?.currency_code ?? null
      const codes = currencies.map((currency) => currency.currency_code)
      return { default: main, all: main ? [main, ...codes.filter((code) => code !== main)] : codes }
    },
    staleTime: 5 * 60_000,
  })

/** The store's default currency, for amounts that carry none of their own; null while loading. */
export const useStoreCurrency = (): string | null => useStoreCurrencies_().data?.default ?? null

/** Every currency of the store, the default one first (empty while loading). */
export const useStoreCurrencies = (): string[] => useStoreCurrencies_().data?.all ?? []

/**
 * Whether the store's currencies have been asked for and answered (a form that starts from them
 * waits for this). A failed read counts too: the form then opens without them rather than never.
 */
export const useStoreCurrenciesLoaded = (): boolean => !useStoreCurrencies_().isPending
