import { model } from "@medusajs/framework/utils"
import { Coupon } from "./coupon"
import { CouponCode } from "./coupon-code"

/** One hand-out of codes to a list of emails or a customer group; its codes carry its id. */
export const CouponDistribution = model
  .define("coupon_distribution", {
    id: model.id({ prefix: "cpndist" }).primaryKey(),
    /** the batch the codes were drawn from; null draws from any of the coupon's codes */
    batch_id: model.text().nullable(),
    customer_group_id: model.text().nullable(),
    /** recipients asked for, after removing duplicates */
    recipient_count: model.number(),
    /** codes handed out now */
    assigned_count: model.number(),
    /** recipients that already held a code of this coupon */
    skipped_count: model.number().default(0),
    /** each code handed out expired this many days after the hand-out; null: the codes kept their own expiry */
    valid_for_days: model.number().nullable(),
    /** admin user who started it */
    created_by: model.text().nullable(),
    coupon: model.belongsTo(() => Coupon, { mappedBy: "distributions" }),
    codes: model.hasMany(() => CouponCode, { mappedBy: "distribution" }),
  })
  .indexes([{ on: ["coupon_id", "created_at"] }])
