"use server"

// The products with their prices in a region (the starter's listProducts, without paging).
import { sdk } from "@lib/config"
import medusaError from "@lib/util/medusa-error"
import { HttpTypes } from "@medusajs/types"
import { getCacheOptions } from "./cookies"

export const listProducts = async (regionId: string) =>
  sdk.client
    .fetch<{ products: HttpTypes.StoreProduct[] }>(`/store/products`, {
      method: "GET",
      query: { region_id: regionId, limit: 12, fields: "*variants.calculated_price" },
      next: { ...(await getCacheOptions("products")) },
      cache: "force-cache",
    })
    .then(({ products }) => products)
    .catch(medusaError)
