import type { MedusaContainer } from "@medusajs/framework/types"
import { Modules } from "@medusajs/framework/utils"

export type RegionsTaxInclusion = "inclusive" | "exclusive" | "mixed" | "none"

/**
 * Whether the named regions' prices include tax, as Medusa's pricing decides
 * it: the region's price preference, else its currency's, else not.
 */
export const regionsTaxInclusion = async (container: MedusaContainer, regionIds: string[]): Promise<RegionsTaxInclusion> => {
  const ids = [...new Set(regionIds)]
  if (!ids.length) {
    return "none"
  }
  const pricing = container.resolve(Modules.PRICING)
  const byRegion = await pricing.listPricePreferences({ attribute: "region_id", value: ids })
  const regionPreference = new Map(byRegion.map((preference) => [preference.value, !!preference.is_tax_inclusive]))
  const unset = ids.filter((id) => !regionPreference.has(id))
  if (unset.length) {
    const regions = await container.resolve(Modules.REGION).listRegions({ id: unset }, { select: ["id", "currency_code"] })
    const currencies = [...new Set(regions.map((region) => region.currency_code))]
    const byCurrency = currencies.length
      ? await pricing.listPricePreferences({ attribute: "currency_code", value: currencies })
      : []
    for (const region of regions) {
      const preference = byCurrency.find((candidate) => candidate.value === region.currency_code)
      regionPreference.set(region.id, !!preference?.is_tax_inclusive)
    }
  }
  const flags = ids.map((id) => regionPreference.get(id) ?? false)
  return flags.every(Boolean) ? "inclusive" : flags.some(Boolean) ? "mixed" : "exclusive"
}
