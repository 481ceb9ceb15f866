import { model } from "@medusajs/framework/utils"
import { BATCH_STATUSES } from "../constants"
import { Coupon } from "./coupon"
import { CouponCode } from "./coupon-code"

export const CouponCodeBatch = model
  .define("coupon_code_batch", {
    id: model.id({ prefix: "cpnbatch" }).primaryKey(),
    requested_count: model.number(),
    generated_count: model.number().default(0),
    /** pattern, charset, usage_limit, expires_at the codes were made with */
    settings: model.json(),
    status: model.enum([...BATCH_STATUSES]).default("pending"),
    error: model.text().nullable(),
    completed_at: model.dateTime().nullable(),
    coupon: model.belongsTo(() => Coupon, { mappedBy: "batches" }),
    codes: model.hasMany(() => CouponCode, { mappedBy: "batch" }),
  })
  .checks([
    { name: "coupon_code_batch_count_check", expression: (c) => `${c.requested_count} BETWEEN 1 AND 1000000` },
    {
      name: "coupon_code_batch_generated_check",
      expression: (c) => `${c.generated_count} >= 0 AND ${c.generated_count} <= ${c.requested_count}`,
    },
  ])

export { BATCH_STATUSES }
