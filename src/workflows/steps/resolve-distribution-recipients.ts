import { ContainerRegistrationKeys, MedusaError } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import type { Recipient } from "../../modules/coupon/types"

export type ResolveDistributionRecipientsStepInput = {
  emails?: string[]
  customer_group_id?: string | null
}

export const resolveDistributionRecipientsStepId = "resolve-coupon-distribution-recipients"

/** The people to hand codes to: the emails once each, or the members of a customer group. */
export const resolveDistributionRecipientsStep = createStep(
  resolveDistributionRecipientsStepId,
  async (input: ResolveDistributionRecipientsStepInput, { container }) => {
    if (!input.customer_group_id) {
      const emails = [...new Set((input.emails ?? []).map((email) => email.trim().toLowerCase()))]
      return new StepResponse(emails.map((email): Recipient => ({ email, customer_id: null })))
    }
    const query = container.resolve(ContainerRegistrationKeys.QUERY)
    const { data } = await query.graph({
      entity: "customer_group",
      fields: ["id", "customers.id", "customers.email"],
      filters: { id: input.customer_group_id },
    })
    const group = data[0] as { customers?: ({ id: string; email?: string | null } | null)[] } | undefined
    if (!group) {
      throw new MedusaError(MedusaError.Types.NOT_FOUND, `Customer group with id: ${input.customer_group_id} was not found`)
    }
    const recipients = (group.customers ?? [])
      .filter((customer): customer is { id: string; email?: string | null } => !!customer)
      .map((customer): Recipient => ({ customer_id: customer.id, email: customer.email?.trim().toLowerCase() || null }))
    return new StepResponse(recipients)
  }
)
