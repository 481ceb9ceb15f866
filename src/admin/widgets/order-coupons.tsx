import { defineWidgetConfig } from "@medusajs/admin-sdk"
import type { AdminOrder, DetailWidgetProps } from "@medusajs/framework/types"
import { OrderCouponsWidget } from "../../../admin/widgets/order-coupons-widget"

const OrderCoupons = ({ data }: DetailWidgetProps<AdminOrder>) => <OrderCouponsWidget orderId={data.id} />

export const config = defineWidgetConfig({ zone: "order.details.side.after" })

export default OrderCoupons
