import { Container, Heading, Text } from "@medusajs/ui"
import { useQuery } from "@tanstack/react-query"
import { Link } from "react-router-dom"
import type { AdminCouponRedemption } from "../hooks/coupon-insights"
import { formatDate, formatMoney } from "../lib/format"
import { sdk } from "../lib/sdk"

/** A customer's coupon redemptions, on the customer page. */
export const CustomerCouponsWidget = ({ customerId }: { customerId: string }) => {
  const { data, isLoading, isError } = useQuery({
    queryKey: ["customers", customerId, "coupon_redemptions"],
    queryFn: () =>
      sdk.client.fetch<{ customer: { coupon_redemptions?: (AdminCouponRedemption & { coupon_id: string })[] } }>(
        `/admin/customers/${customerId}`,
        { query: { fields: "id,*coupon_redemptions" } }
      ),
  })
  const redemptions = data?.customer.coupon_redemptions ?? []
  return (
    <Container className="divide-y p-0">
      <div className="px-6 py-4">
        <Heading level="h2">Coupon redemptions</Heading>
      </div>
      <div className="flex flex-col gap-y-2 px-6 py-4">
        {isLoading ? (
          <Text size="small" className="text-ui-fg-subtle">
            Loading…
          </Text>
        ) : isError ? (
          <Text size="small" className="text-ui-fg-error">
            Could not load this customer's coupons.
          </Text>
        ) : !redemptions.length ? (
          <Text size="small" className="text-ui-fg-subtle">
            This customer has not used a coupon.
          </Text>
        ) : (
          redemptions.map((redemption) => (
            <div key={redemption.id} className="grid grid-cols-3 items-center gap-x-2">
              <Link to={`/coupons/${redemption.coupon_id}`} className="text-ui-fg-interactive font-mono text-sm">
                {redemption.code}
              </Link>
              <Text size="small" className="tabular-nums">
                −{formatMoney(Number(redemption.discount_amount), redemption.currency_code)}
              </Text>
              <Link to={`/orders/${redemption.order_id}`} className="text-ui-fg-subtle text-sm">
                {formatDate(redemption.created_at)}
              </Link>
            </div>
          ))
        )}
      </div>
    </Container>
  )
}
