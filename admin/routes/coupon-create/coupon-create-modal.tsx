import { FocusModal } from "@medusajs/ui"
import { useNavigate } from "react-router-dom"
import { CouponCreateForm } from "./coupon-create-form"

export const CouponCreateModal = () => {
  const navigate = useNavigate()
  return (
    <FocusModal open onOpenChange={(open) => !open && navigate("/coupons", { replace: true })}>
      <FocusModal.Content>
        <CouponCreateForm />
      </FocusModal.Content>
    </FocusModal>
  )
}
