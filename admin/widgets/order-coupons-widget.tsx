import { Container, Heading, Text } from "@medusajs/ui"
import { REDEMPTION_STATUS_LABELS } from "../lib/labels"
import { useQuery } from "@tanstack/react-query"
import { Link } from "react-router-dom"
import type { AdminCouponRedemption } from "../hooks/coupon-insights"
import { formatMoney } from "../lib/format"
import { sdk } from "../lib/sdk"

type OrderWithCoupons = {
  id: string
  currency_code: string
  discount_total: number
  coupon_redemptions?: (AdminCouponRedemption & { coupon_id: string })[]
}

/** The coupon codes an order used and what they took off, on the order page. */
export const OrderCouponsWidget = ({ orderId }: { orderId: string }) => {
  const { data, isLoading, isError } = useQuery({
    queryKey: ["orders", orderId, "coupon_redemptions"],
    queryFn: () =>
      sdk.client.fetch<{ order: OrderWithCoupons }>(`/admin/orders/${orderId}`, {
        query: { fields: "id,currency_code,discount_total,*coupon_redemptions" },
      }),
  })
  const redemptions = data?.order.coupon_redemptions ?? []
  return (
    <Container className="divide-y p-0">
      <div className="px-6 py-4">
        <Heading level="h2">Coupons</Heading>
      </div>
      <div className="flex flex-col gap-y-2 px-6 py-4">
        {isLoading ? (
          <Text size="small" className="text-ui-fg-subtle">
            Loading…
          </Text>
        ) : isError ? (
          <Text size="small" className="text-ui-fg-error">
            Could not load the coupons of this order.
          </Text>
        ) : !redemptions.length ? (
          <Text size="small" className="text-ui-fg-subtle">
            No coupon code was used.
          </Text>
        ) : (
          redemptions.map((redemption) => (
            <div key={redemption.id} className="flex items-center justify-between">
              <Link to={`/coupons/${redemption.coupon_id}`} className="text-ui-fg-interactive font-mono text-sm">
                {redemption.code}
              </Link>
              <Text size="small" className="tabular-nums">
                −{formatMoney(Number(redemption.discount_amount), redemption.currency_code)}
                {redemption.status === "redeemed" ? "" : ` (${REDEMPTION_STATUS_LABELS[redemption.status].toLowerCase()})`}
              </Text>
            </div>
          ))
        )}
      </div>
    </Container>
  )
}
