import { defineWidgetConfig } from "@medusajs/admin-sdk"
import type { AdminCustomer, DetailWidgetProps } from "@medusajs/framework/types"
import { CustomerCouponsWidget } from "../../../admin/widgets/customer-coupons-widget"

const CustomerCoupons = ({ data }: DetailWidgetProps<AdminCustomer>) => <CustomerCouponsWidget customerId={data.id} />

export const config = defineWidgetConfig({ zone: "customer.details.after" })

export default CustomerCoupons
