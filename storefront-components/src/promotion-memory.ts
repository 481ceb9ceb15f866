import type { PromotionsByCode } from "./discounts"

/**
 * Which promotions each code added, remembered per cart for the browser
 * session so a reload can still tell several codes' discounts apart.
 */
const key = (cartId: string) => `medusa-coupons:promotions:${cartId}`

const storage = (): Storage | null => {
  try {
    return typeof window !== "undefined" ? window.sessionStorage : null
  } catch {
    return null
  }
}

export const recallPromotions = (cartId: string): PromotionsByCode => {
  try {
    const parsed = JSON.parse(storage()?.getItem(key(cartId)) ?? "{}")
    return parsed && typeof parsed === "object" && !Array.isArray(parsed) ? parsed : {}
  } catch {
    return {}
  }
}

export const rememberPromotions = (cartId: string, promotions: PromotionsByCode): void => {
  try {
    storage()?.setItem(key(cartId), JSON.stringify(promotions))
  } catch {
    // private mode or a full quota: the mapping stays in memory only
  }
}
