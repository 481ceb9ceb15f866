import { MedusaError } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { regionsTaxInclusion } from "../utils/region-tax-inclusion"

export type ResolvePromotionTaxInclusionStepInput = { discount_type?: string | null; region_ids?: string[] | null }

export const resolvePromotionTaxInclusionStepId = "resolve-promotion-tax-inclusion"

/**
 * The backing promotion's `is_tax_inclusive`: true when the coupon names only
 * regions whose prices include tax, so a fixed amount comes off the gross
 * total as typed. One promotion serves every region of the coupon, so a fixed
 * amount cannot be gross in some and net in others.
 */
export const resolvePromotionTaxInclusionStep = createStep(
  resolvePromotionTaxInclusionStepId,
  async ({ discount_type, region_ids }: ResolvePromotionTaxInclusionStepInput, { container }) => {
    const inclusion = await regionsTaxInclusion(container, region_ids ?? [])
    if (inclusion === "mixed" && discount_type === "fixed") {
      throw new MedusaError(
        MedusaError.Types.INVALID_DATA,
        "region_ids: a fixed amount comes off either tax-inclusive or tax-exclusive prices; name regions of one kind (or make one coupon per kind)"
      )
    }
    return new StepResponse(inclusion === "inclusive")
  }
)
