import { Container, Heading, Text } from "@medusajs/ui"
import { useQuery } from "@tanstack/react-query"
import { Link } from "react-router-dom"
import type { AdminCouponRedemption } from "../hooks/coupon-insights"
import { formatMoney } from "../lib/format"
import { useCouponsTranslation } from "../lib/i18n"
import { redemptionStatusLabel } from "../lib/labels"
import { sdk } from "../lib/sdk"

type OrderWithCoupons = {
  id: string
  currency_code: string
  discount_total: number
  coupon_redemptions?: (AdminCouponRedemption & { coupon_id: string })[]
}

/** The coupon codes an order used and what they took off, on the order page. */
export const OrderCouponsWidget = ({ orderId }: { orderId: string }) => {
  const { t, locale } = useCouponsTranslation()
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
        <Heading level="h2">{t("widgets.order.heading")}</Heading>
      </div>
      <div className="flex flex-col gap-y-2 px-6 py-4">
        {isLoading ? (
          <Text size="small" className="text-ui-fg-subtle">
            {t("common.loading")}
          </Text>
        ) : isError ? (
          <Text size="small" className="text-ui-fg-error">
            {t("widgets.order.loadFailed")}
          </Text>
        ) : !redemptions.length ? (
          <Text size="small" className="text-ui-fg-subtle">
            {t("widgets.order.empty")}
          </Text>
        ) : (
          redemptions.map((redemption) => {
            const amount = formatMoney(Number(redemption.discount_amount), redemption.currency_code, locale)
            return (
              <div key={redemption.id} className="flex items-center justify-between">
                <Link to={`/coupons/${redemption.coupon_id}`} className="text-ui-fg-interactive font-mono text-sm">
                  {redemption.code}
                </Link>
                <Text size="small" className="tabular-nums">
                  {redemption.status === "redeemed"
                    ? t("widgets.minus", { amount })
                    : t("widgets.order.withStatus", {
                        amount: t("widgets.minus", { amount }),
                        status: redemptionStatusLabel(redemption.status, t).toLocaleLowerCase(locale),
                      })}
                </Text>
              </div>
            )
          })
        )}
      </div>
    </Container>
  )
}
