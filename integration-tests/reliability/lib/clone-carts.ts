import type { Client } from "pg"

/*
 * Copies a cart that is ready for completion (made through the store API:
 * items, addresses, shipping method, applied code, payment collection and
 * session) `count` times in SQL, each copy with its own guest customer and
 * email. Preparing a cart through the API costs five requests (about 0.3–1 s
 * of server CPU on this project's 2-core machines), so the 1,000-cart race
 * prepares some carts through the API and copies one of them for the rest.
 *
 * Every copied row gets the id `<original id>_c<n>`, and every reference to a
 * copied row the same suffix, so that copy n is consistent in itself.
 */
type CopySpec = {
  table: string
  /** rows of the template to copy ($1 is the template cart's id) */
  where: string
  /** columns that hold ids of copied rows */
  suffixed: string[]
  /** other replaced columns: SQL expressions over `src` and `g` (the copy number) */
  replaced?: Record<string, string>
}

const COLLECTIONS = `(SELECT payment_collection_id FROM cart_payment_collection WHERE cart_id = $1 AND deleted_at IS NULL)`
const ITEMS = `(SELECT id FROM cart_line_item WHERE cart_id = $1 AND deleted_at IS NULL)`
const METHODS = `(SELECT id FROM cart_shipping_method WHERE cart_id = $1 AND deleted_at IS NULL)`
const cloneEmail = `'c' || g || '-' || src.email`

const SPECS: CopySpec[] = [
  { table: "customer", where: `src.id = (SELECT customer_id FROM cart WHERE id = $1)`, suffixed: ["id"], replaced: { email: cloneEmail } },
  {
    table: "cart_address",
    where: `src.id IN (SELECT shipping_address_id FROM cart WHERE id = $1 UNION SELECT billing_address_id FROM cart WHERE id = $1)`,
    suffixed: ["id", "customer_id"],
  },
  {
    table: "cart",
    where: `src.id = $1`,
    suffixed: ["id", "customer_id", "shipping_address_id", "billing_address_id"],
    replaced: { email: cloneEmail },
  },
  { table: "cart_line_item", where: `src.cart_id = $1`, suffixed: ["id", "cart_id"] },
  { table: "cart_line_item_adjustment", where: `src.item_id IN ${ITEMS}`, suffixed: ["id", "item_id"] },
  { table: "cart_line_item_tax_line", where: `src.item_id IN ${ITEMS}`, suffixed: ["id", "item_id"] },
  { table: "cart_shipping_method", where: `src.cart_id = $1`, suffixed: ["id", "cart_id"] },
  { table: "cart_shipping_method_adjustment", where: `src.shipping_method_id IN ${METHODS}`, suffixed: ["id", "shipping_method_id"] },
  { table: "cart_shipping_method_tax_line", where: `src.shipping_method_id IN ${METHODS}`, suffixed: ["id", "shipping_method_id"] },
  { table: "cart_promotion", where: `src.cart_id = $1`, suffixed: ["id", "cart_id"] },
  { table: "cart_cart_coupon_coupon_code", where: `src.cart_id = $1`, suffixed: ["id", "cart_id"] },
  { table: "payment_collection", where: `src.id IN ${COLLECTIONS}`, suffixed: ["id"] },
  {
    table: "payment_collection_payment_providers",
    where: `src.payment_collection_id IN ${COLLECTIONS}`,
    suffixed: ["payment_collection_id"],
  },
  { table: "payment_session", where: `src.payment_collection_id IN ${COLLECTIONS}`, suffixed: ["id", "payment_collection_id"] },
  { table: "cart_payment_collection", where: `src.cart_id = $1`, suffixed: ["id", "cart_id", "payment_collection_id"] },
]

const SOFT_DELETE_FREE = new Set(["payment_collection_payment_providers"])

export const cloneCart = async (db: Client, cartId: string, count: number): Promise<string[]> => {
  await db.query("BEGIN")
  try {
    for (const { table, where, suffixed, replaced = {} } of SPECS) {
      const overrides = [
        ...suffixed.map((column) => `'${column}', src.${column} || '_c' || g`),
        ...Object.entries(replaced).map(([column, expression]) => `'${column}', ${expression}`),
      ].join(", ")
      const live = SOFT_DELETE_FREE.has(table) ? "" : " AND src.deleted_at IS NULL"
      await db.query(
        `INSERT INTO ${table}
         SELECT (jsonb_populate_record(NULL::${table}, to_jsonb(src) || jsonb_build_object(${overrides}))).*
         FROM ${table} src CROSS JOIN generate_series(1, $2::int) AS g
         WHERE ${where}${live}`,
        [cartId, count]
      )
    }
    await db.query("COMMIT")
  } catch (error) {
    await db.query("ROLLBACK")
    throw error
  }
  return Array.from({ length: count }, (_, index) => `${cartId}_c${index + 1}`)
}
