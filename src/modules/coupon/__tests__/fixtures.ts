import type CouponModuleService from "../service"
import type { RedeemCodeInput } from "../types"
import { customerKeys } from "../utils/customer-keys"

export const createCouponWithCode = async (
  service: CouponModuleService,
  {
    code = "SUMMER10",
    coupon = {},
    codeFields = {},
  }: { code?: string; coupon?: Record<string, unknown>; codeFields?: Record<string, unknown> } = {}
) => {
  const created = await service.createCoupons({
    name: "Summer sale",
    status: "active",
    discount_type: "percentage",
    discount_value: 10,
    ...coupon,
  } as any)
  const couponCode = await service.createCouponCodes({ code, coupon_id: created.id, ...codeFields } as any)
  return { coupon: created, code: couponCode }
}

export const redemptionFor = (
  coupon: { id: string; usage_limit_per_customer?: number | null },
  code: { id: string; code: string },
  overrides: Partial<RedeemCodeInput> & { order_id: string }
): RedeemCodeInput => {
  const customer = { customer_id: overrides.customer_id ?? null, email: overrides.email ?? null }
  return {
    coupon_id: coupon.id,
    code_id: code.id,
    code: code.code,
    customer_keys: customerKeys(customer),
    usage_limit_per_customer: coupon.usage_limit_per_customer ?? null,
    discount_amount: 5,
    currency_code: "usd",
    ...customer,
    ...overrides,
  }
}
