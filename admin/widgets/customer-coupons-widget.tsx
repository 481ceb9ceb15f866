import { Container, Heading, Text } from "@medusajs/ui"
import { useQuery } from "@tanstack/react-query"
import { Link } from "react-router-dom"
import type { AdminCouponRedemption } from "../hooks/coupon-insights"
import { formatDate, formatMoney } from "../lib/format"
import { useCouponsTranslation } from "../lib/i18n"
import { sdk } from "../lib/sdk"

/** A customer's coupon redemptions, on the customer page. */
export const CustomerCouponsWidget = ({ customerId }: { customerId: string }) => {
  const { t, locale } = useCouponsTranslation()
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
        <Heading level="h2">{t("widgets.customer.heading")}</Heading>
      </div>
      <div className="flex flex-col gap-y-2 px-6 py-4">
        {isLoading ? (
          <Text size="small" className="text-ui-fg-subtle">
            {t("common.loading")}
          </Text>
        ) : isError ? (
          <Text size="small" className="text-ui-fg-error">
            {t("widgets.customer.loadFailed")}
          </Text>
        ) : !redemptions.length ? (
          <Text size="small" className="text-ui-fg-subtle">
            {t("widgets.customer.empty")}
          </Text>
        ) : (
          redemptions.map((redemption) => (
            <div key={redemption.id} className="grid grid-cols-3 items-center gap-x-2">
              <Link to={`/coupons/${redemption.coupon_id}`} className="text-ui-fg-interactive font-mono text-sm">
                {redemption.code}
              </Link>
              <Text size="small" className="tabular-nums">
                {t("widgets.minus", { amount: formatMoney(Number(redemption.discount_amount), redemption.currency_code, locale) })}
              </Text>
              <Link to={`/orders/${redemption.order_id}`} className="text-ui-fg-subtle text-sm">
                {formatDate(redemption.created_at, locale)}
              </Link>
            </div>
          ))
        )}
      </div>
    </Container>
  )
}
