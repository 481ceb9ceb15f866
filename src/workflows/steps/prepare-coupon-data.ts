import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { COUPON_MODULE } from "../../modules/coupon"
import { withDerivedFields } from "../../modules/coupon/schemas/coupon-cross-field-rules"
import type CouponModuleService from "../../modules/coupon/service"

export type PrepareCouponDataStepInput = Record<string, unknown> & {
  ends_at?: string | Date | null
  starts_at?: string | Date | null
  usage_limit_per_customer?: number | null
  allowed_email_domains?: string[]
  discount_type?: string
}

export const prepareCouponDataStepId = "prepare-coupon-data"

const DAY_MS = 24 * 60 * 60 * 1000

/** Fills what the admin left out from the plugin options (default end, per-customer cap, domains), and the primary currency of amounts. */
export const prepareCouponDataStep = createStep(prepareCouponDataStepId, async (input: PrepareCouponDataStepInput, { container }) => {
  const options = container.resolve<CouponModuleService>(COUPON_MODULE).getOptions()
  const start = input.starts_at ? new Date(input.starts_at) : new Date()
  const data = {
    ...withDerivedFields(input),
    discount_type: input.discount_type ?? options.default_discount_type,
    ends_at:
      input.ends_at !== undefined
        ? input.ends_at
        : options.default_expiration_days
          ? new Date(start.getTime() + options.default_expiration_days * DAY_MS)
          : null,
    usage_limit_per_customer:
      input.usage_limit_per_customer !== undefined ? input.usage_limit_per_customer : options.default_usage_limit_per_customer,
    allowed_email_domains: input.allowed_email_domains ?? options.allowed_domains,
  }
  return new StepResponse(data)
})
