/** Events the plugin emits on Medusa's event bus; payloads are documented in the README. */
export const CouponEvents = {
  CREATED: "coupon.created",
  UPDATED: "coupon.updated",
  DELETED: "coupon.deleted",
  APPLIED: "coupon.applied",
  REMOVED: "coupon.removed",
  REDEEMED: "coupon.redeemed",
  REDEMPTION_REVERTED: "coupon.redemption_reverted",
  /** a redemption's amounts or status changed after checkout (return, refund, edit, exchange, claim) */
  REDEMPTION_ADJUSTED: "coupon.redemption_adjusted",
  /** one per recipient of a distribution: { coupon_id, distribution_id, code_id, code, email, customer_id } */
  CODE_ASSIGNED: "coupon.code_assigned",
  /** a code batch was recorded, pending: { id, coupon_id }; the instance that runs subscribers (a worker) fills it */
  CODE_BATCH_CREATED: "coupon.code_batch_created",
  /** an edit's open carts to re-check, with open_carts_refresh "background": { coupon_id } or { code_ids }, and recompute */
  OPEN_CARTS_STALE: "coupon.open_carts_stale",
} as const
