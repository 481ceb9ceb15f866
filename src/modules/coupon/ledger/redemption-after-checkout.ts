/*
 * What one redemption becomes as its order lives on: worked out from the order as it
 * now stands (its lines, their returned quantities, the discount lines of the coupon's
 * promotions, its refunds), never from the event that woke it up, so a replayed or
 * reordered event finds the same answer and changes nothing.
 */
import type { REDEMPTION_STATUSES } from "../constants"

type Adjustment = { code: string | null; amount: number }

/** The parts of an order the ledger reads (Medusa's order: items with detail quantities, summary). */
export type OrderAfterCheckout = {
  /** the order's total as it now stands (Medusa nets returned lines out of it) */
  total: number
  items: { quantity: number; returned_quantity: number; adjustments: Adjustment[] }[]
  shipping_methods: { adjustments: Adjustment[] }[]
  paid_total: number
  refunded_total: number
}

export type GiveBackPolicy = { full_return: boolean; full_refund: boolean }

export type RedemptionStatus = (typeof REDEMPTION_STATUSES)[number]

export type RedemptionAfterCheckout = {
  discount_amount: number
  returned_discount_amount: number
  refunded_amount: number
  order_total: number
  status: RedemptionStatus
  /** give the code's, the coupon's and the customer's usage back (once: the ledger keeps when it did) */
  release_usage: boolean
}

// amounts are sums of shares of Medusa's BigNumbers: drop the float noise below a millionth
const money = (value: number) => Math.round(value * 1e6) / 1e6

const sumOf = (adjustments: Adjustment[], codes: ReadonlySet<string>) =>
  adjustments.reduce((sum, adjustment) => (adjustment.code && codes.has(adjustment.code) ? sum + Number(adjustment.amount) : sum), 0)

/**
 * The redemption of the coupon whose promotions carry `promotionCodes`, on `order`.
 * Returns null for a reverted redemption: a cancel (or a full refund) is final.
 */
export const redemptionAfterCheckout = (
  order: OrderAfterCheckout,
  promotionCodes: readonly string[],
  policy: GiveBackPolicy,
  current: { status: RedemptionStatus }
): RedemptionAfterCheckout | null => {
  if (current.status === "reverted") {
    return null
  }
  const codes = new Set(promotionCodes)
  let lineDiscount = 0
  let returnedDiscount = 0
  let lines = 0
  let returnedLines = 0
  for (const item of order.items) {
    const quantity = Number(item.quantity)
    if (quantity <= 0) {
      continue
    }
    const returned = Math.min(Number(item.returned_quantity), quantity)
    const discount = sumOf(item.adjustments, codes)
    lineDiscount += discount
    returnedDiscount += (discount * returned) / quantity
    lines += 1
    returnedLines += returned >= quantity ? 1 : 0
  }
  const shippingDiscount = order.shipping_methods.reduce((sum, method) => sum + sumOf(method.adjustments, codes), 0)
  const refunded = Number(order.refunded_total)
  const fullyRefunded = Number(order.paid_total) > 0 && refunded >= Number(order.paid_total)
  const anyReturned = order.items.some((item) => Number(item.returned_quantity) > 0)
  const fullyReturned = lines > 0 && returnedLines === lines

  const status: RedemptionStatus =
    fullyRefunded && policy.full_refund ? "reverted" : fullyReturned ? "returned" : anyReturned ? "partially_returned" : "redeemed"
  return {
    discount_amount: money(lineDiscount - returnedDiscount + shippingDiscount),
    returned_discount_amount: money(returnedDiscount),
    refunded_amount: money(refunded),
    order_total: money(Number(order.total)),
    status,
    release_usage: status === "reverted" || (status === "returned" && policy.full_return),
  }
}
