"use server"

// The region of a country, as the official starter finds it (src/lib/data/regions.ts).
import { sdk } from "@lib/config"
import medusaError from "@lib/util/medusa-error"
import { HttpTypes } from "@medusajs/types"
import { getCacheOptions } from "./cookies"

export const listRegions = async () =>
  sdk.client
    .fetch<{ regions: HttpTypes.StoreRegion[] }>(`/store/regions`, {
      method: "GET",
      next: { ...(await getCacheOptions("regions")) },
      cache: "force-cache",
    })
    .then(({ regions }) => regions)
    .catch(medusaError)

export const getRegion = async (countryCode: string) => {
  const regions = await listRegions()
  return regions.find((region) => region.countries?.some((country) => country.iso_2 === countryCode)) ?? null
}
