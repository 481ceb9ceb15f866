import type { MedusaContainer } from "@medusajs/framework/types"
import { StepResponse } from "@medusajs/framework/workflows-sdk"
import { completeCartWorkflow } from "@medusajs/medusa/core-flows"
import { COUPON_MODULE } from "../../modules/coupon"
import type CouponModuleService from "../../modules/coupon/service"
import { redeemCouponsWorkflow } from "../redeem-coupons"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { trustedCustomerIdOfCart } from "../utils/request-shopper"

type BeforePaymentAuthorizationHook = (
  handler: (input: { input: { id: string } }, context: { container: MedusaContainer }) => Promise<StepResponse<unknown, string[]>>,
  compensate: (redemptionIds: string[], context: { container: MedusaContainer }) => Promise<void>
) => void

/**
 * The order exists but no payment is authorized yet: count the codes now, so a
 * cap that another shopper just took fails this checkout before any money
 * moves. If authorization or a later step fails, compensation removes exactly
 * these ledger rows and gives the usage back.
 * (The hook exists at runtime in Medusa 2.21 but is missing from the types.)
 */
const beforePaymentAuthorization = (
  completeCartWorkflow.hooks as unknown as {
    beforePaymentAuthorization: BeforePaymentAuthorizationHook
  }
).beforePaymentAuthorization

beforePaymentAuthorization(
  async ({ input }, { container }) => {
    const { data } = await container.resolve(ContainerRegistrationKeys.QUERY).graph({
      entity: "cart",
      fields: ["id", "customer_id"],
      filters: { id: input.id },
    })
    const cart = (data[0] as { id: string; customer_id?: string | null } | undefined) ?? { id: input.id }
    const { result } = await redeemCouponsWorkflow(container).run({
      input: { cart_id: input.id, customer_id: await trustedCustomerIdOfCart(container, cart) },
    })
    return new StepResponse(result, result.redemption_ids)
  },
  async (redemptionIds, { container }) => {
    if (!redemptionIds?.length) {
      return
    }
    await (container.resolve(COUPON_MODULE) as CouponModuleService).revertRedemptions({
      redemption_ids: redemptionIds,
      remove: true,
    })
  }
)
