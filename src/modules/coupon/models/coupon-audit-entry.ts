import { model } from "@medusajs/framework/utils"
import { Coupon } from "./coupon"

/** Who changed what on a coupon or one of its codes, and when. Written by the admin workflows, never edited. */
export const CouponAuditEntry = model
  .define("coupon_audit_entry", {
    id: model.id({ prefix: "cpnaud" }).primaryKey(),
    /** e.g. coupon.updated, code.updated, codes.added, batch.created, distribution.created */
    action: model.text(),
    /** the admin user (auth actor) who made the change; null for system changes */
    actor_id: model.text().nullable(),
    actor_type: model.text().nullable(),
    /** the code changed, when the change was about one code */
    code_id: model.text().nullable(),
    /** { field: { from, to } } for updates; a summary (counts, ids) for other actions */
    changes: model.json().nullable(),
    coupon: model.belongsTo(() => Coupon, { mappedBy: "audit_entries" }),
  })
  .indexes([{ on: ["coupon_id", "created_at"] }])
