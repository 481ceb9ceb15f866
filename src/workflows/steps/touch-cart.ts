import type { Knex } from "@medusajs/framework/mikro-orm/knex"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"

export type TouchCartStepInput = { cart_id: string }

export const touchCartStepId = "touch-cart"

/**
 * Moves the cart's `updated_at` forward. Medusa leaves it alone when only the
 * cart's promotions and adjustments change, so without this a storefront
 * could not tell the cart after a code change from the one it rendered before
 * (the storefront components keep the newest cart by `updated_at`).
 * Written directly, not through the cart module: its update would emit
 * `cart.updated`, and with it a recheck of every code on the cart after each
 * apply. No compensation: a later timestamp on an unchanged cart misleads nobody.
 */
export const touchCartStep = createStep(touchCartStepId, async ({ cart_id }: TouchCartStepInput, { container }) => {
  const knex = container.resolve<Knex>(ContainerRegistrationKeys.PG_CONNECTION)
  await knex("cart").where({ id: cart_id }).update({ updated_at: knex.fn.now() })
  return new StepResponse(undefined)
})
