import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { COUPON_MODULE } from "../../modules/coupon"
import type CouponModuleService from "../../modules/coupon/service"
import type { CodeBatchData } from "./prepare-code-batch"

export const createCodeBatchStepId = "create-coupon-code-batch"

/** The batch row, `pending` until a runner claims it; compensation deletes it. */
export const createCodeBatchStep = createStep(
  createCodeBatchStepId,
  async (data: CodeBatchData, { container }) => {
    const service = container.resolve<CouponModuleService>(COUPON_MODULE)
    const batch = await service.createCouponCodeBatches({ ...data, settings: data.settings as never, status: "pending" })
    return new StepResponse(batch, batch.id)
  },
  async (id, { container }) => {
    if (!id) {
      return
    }
    await container.resolve<CouponModuleService>(COUPON_MODULE).deleteCouponCodeBatches([id])
  }
)
