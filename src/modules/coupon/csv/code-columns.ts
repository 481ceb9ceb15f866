/** Columns of the codes CSV, in order. Import reads code, usage_limit, expires_at, assigned_email and status; the rest are informative. */
export const CODE_EXPORT_COLUMNS = ["code", "status", "usage_count", "usage_limit", "expires_at", "batch_id", "assigned_email"] as const

export const CODE_IMPORT_COLUMNS = ["code", "usage_limit", "expires_at", "assigned_email", "status"] as const

/** Exported columns that an import accepts and ignores, so an export imports as is. */
export const CODE_IMPORT_IGNORED_COLUMNS = ["usage_count", "batch_id"] as const

export const REDEMPTION_EXPORT_COLUMNS = [
  "id",
  "code",
  "order_id",
  "customer_id",
  "email",
  "discount_amount",
  "order_total",
  "currency_code",
  "status",
  "created_at",
  "reverted_at",
  // after checkout (returns, refunds, edits): appended, so the columns before keep their places
  "original_discount_amount",
  "returned_discount_amount",
  "refunded_amount",
  "original_order_total",
] as const

/** Most rows one import takes (one all-or-nothing transaction); larger sets are split or generated as a batch. */
export const MAX_IMPORT_ROWS = 100_000
