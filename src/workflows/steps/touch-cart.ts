import type { ICartModuleService, UpdateCartDTO } from "@medusajs/framework/types"
import { Modules } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"

export type TouchCartStepInput = { cart_id: string }

export const touchCartStepId = "touch-cart"

/**
 * Moves the cart's `updated_at` forward. Medusa leaves it alone when only the
 * cart's promotions and adjustments change, so without this a storefront
 * could not tell the cart after a code change from the one it rendered before
 * (the storefront components keep the newest cart by `updated_at`). No
 * compensation: a later timestamp on an unchanged cart misleads nobody.
 */
export const touchCartStep = createStep(touchCartStepId, async ({ cart_id }: TouchCartStepInput, { container }) => {
  const carts = container.resolve<ICartModuleService>(Modules.CART)
  // updated_at is not part of UpdateCartDTO, but the cart model takes it like any column
  await carts.updateCarts([{ id: cart_id, updated_at: new Date() } as UpdateCartDTO])
  return new StepResponse(undefined)
})
