import { model } from "@medusajs/framework/utils"

/**
 * A single-use code held by the cart that applied it, until `expires_at`
 * (`reservation_minutes` after the apply). One row per code: another cart may
 * take the row over only once it has expired, in one conditional upsert, so an
 * expired reservation frees itself without any job (the purge job only tidies).
 */
export const CouponCodeReservation = model
  .define("coupon_code_reservation", {
    id: model.id({ prefix: "cpnres" }).primaryKey(),
    coupon_code_id: model.text(),
    cart_id: model.text(),
    expires_at: model.dateTime(),
  })
  .indexes([
    { name: "IDX_coupon_code_reservation_code", on: ["coupon_code_id"], unique: true, where: "deleted_at IS NULL" },
    { name: "IDX_coupon_code_reservation_cart", on: ["cart_id"], where: "deleted_at IS NULL" },
    { name: "IDX_coupon_code_reservation_expires_at", on: ["expires_at"], where: "deleted_at IS NULL" },
  ])
