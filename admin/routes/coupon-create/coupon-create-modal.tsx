import { FocusModal } from "@medusajs/ui"
import { useNavigate } from "react-router-dom"
import { CouponCreateForm } from "./coupon-create-form"

export const CouponCreateModal = () => {
  const navigate = useNavigate()
  return (
    <FocusModal open onOpenChange={(open) => !open && navigate("/coupons", { replace: true })}>
      <FocusModal.Content>
        <FocusModal.Title className="sr-only">Create coupon</FocusModal.Title>
        <FocusModal.Description className="sr-only">Name, discount, dates, limits and codes of a new coupon</FocusModal.Description>
        <CouponCreateForm />
      </FocusModal.Content>
    </FocusModal>
  )
}
