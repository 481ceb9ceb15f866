import type { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import cartCouponCodeLink from "../../links/cart-coupon-code"
import { COUPON_MODULE } from "../../modules/coupon"
import type CouponModuleService from "../../modules/coupon/service"

export type CartHoldingCodes = { cart_id: string; code_ids: string[] }

/** Codes read per round: the IN list of one link query. */
const CODE_PAGE = 500
/** Link rows read per round. */
const LINK_PAGE = 1000

/**
 * Every open (not completed) cart that holds one of the codes, through the
 * cart ↔ code link, one page of codes at a time so a batch coupon with many
 * codes never builds one huge query. Soft-deleted codes count: a cart keeps
 * its link (and discount) to a code deleted after it was applied.
 */
export const openCartsHoldingCodes = async (
  container: MedusaContainer,
  scope: { coupon_id: string } | { code_ids: string[] }
): Promise<CartHoldingCodes[]> => {
  const query = container.resolve(ContainerRegistrationKeys.QUERY)
  const service = container.resolve<CouponModuleService>(COUPON_MODULE)
  const byCart = new Map<string, string[]>()

  const collect = async (codeIds: string[]) => {
    // completed carts keep their links (the order's history), so the links are paged too
    for (let skip = 0; codeIds.length; skip += LINK_PAGE) {
      const { data: links } = await query.graph({
        entity: cartCouponCodeLink.entryPoint,
        fields: ["cart_id", "coupon_code_id"],
        filters: { coupon_code_id: codeIds },
        pagination: { skip, take: LINK_PAGE, order: { cart_id: "ASC", coupon_code_id: "ASC" } },
      })
      const rows = links as unknown as { cart_id: string; coupon_code_id: string }[]
      if (!rows.length) {
        return
      }
      const { data: carts } = await query.graph({
        entity: "cart",
        fields: ["id", "completed_at"],
        filters: { id: [...new Set(rows.map((row) => row.cart_id))] },
      })
      const open = new Set((carts as { id: string; completed_at?: unknown }[]).filter((cart) => !cart.completed_at).map((cart) => cart.id))
      for (const row of rows) {
        if (open.has(row.cart_id)) {
          byCart.set(row.cart_id, [...(byCart.get(row.cart_id) ?? []), row.coupon_code_id])
        }
      }
      if (rows.length < LINK_PAGE) {
        return
      }
    }
  }

  if ("code_ids" in scope) {
    for (let start = 0; start < scope.code_ids.length; start += CODE_PAGE) {
      await collect(scope.code_ids.slice(start, start + CODE_PAGE))
    }
  } else {
    for (let skip = 0; ; skip += CODE_PAGE) {
      const codes = await service.listCouponCodes(
        { coupon_id: scope.coupon_id },
        { select: ["id"], withDeleted: true, order: { id: "ASC" }, skip, take: CODE_PAGE }
      )
      await collect(codes.map((code) => code.id))
      if (codes.length < CODE_PAGE) {
        break
      }
    }
  }
  return [...byCart].map(([cart_id, code_ids]) => ({ cart_id, code_ids }))
}
