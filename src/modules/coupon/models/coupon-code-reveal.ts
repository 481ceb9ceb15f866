import { model } from "@medusajs/framework/utils"

/**
 * The plain codes of a hashed batch, kept only until the batch's one-time
 * CSV download, which deletes them in the same transaction.
 */
export const CouponCodeReveal = model
  .define("coupon_code_reveal", {
    id: model.id({ prefix: "cpnrev" }).primaryKey(),
    batch_id: model.text(),
    code: model.text(),
  })
  .indexes([{ on: ["batch_id"] }])
