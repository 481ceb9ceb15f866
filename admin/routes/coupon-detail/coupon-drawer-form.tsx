import { Button, Drawer, Text } from "@medusajs/ui"
import { useParams } from "react-router-dom"
import { RouteDrawer } from "../../components/route-modal"
import { useCouponsTranslation } from "../../lib/i18n"

/** A drawer route under /coupons/:id (generate, import, distribute): closing it returns to the coupon. */
export const CouponDrawerRoute = ({ form: Form }: { form: React.ComponentType<{ couponId: string }> }) => {
  const { id } = useParams()
  return (
    <RouteDrawer closeTo={`/coupons/${id}`}>
      <Form couponId={id!} />
    </RouteDrawer>
  )
}

/** The drawer's form: title, fields, the server's refusal if any, then Cancel and the submit button. */
export const CouponDrawerForm = ({
  title,
  description,
  submitLabel,
  onSubmit,
  isPending,
  canSubmit,
  problem,
  children,
}: {
  title: string
  description: string
  submitLabel: string
  onSubmit: (event: React.FormEvent) => void
  isPending: boolean
  canSubmit: boolean
  problem: string | null
  children: React.ReactNode
}) => (
  <form onSubmit={onSubmit} className="flex flex-1 flex-col overflow-hidden" aria-label={title} noValidate>
    <Drawer.Header>
      <Drawer.Title>{title}</Drawer.Title>
      <Drawer.Description>{description}</Drawer.Description>
    </Drawer.Header>
    <Drawer.Body className="flex flex-col gap-y-6 overflow-y-auto">
      {children}
      {problem ? (
        <Text size="small" className="text-ui-fg-error" role="alert">
          {problem}
        </Text>
      ) : null}
    </Drawer.Body>
    <DrawerFormFooter submitLabel={submitLabel} isPending={isPending} canSubmit={canSubmit} />
  </form>
)

/** A drawer form's footer: Cancel closes the drawer, the submit button sends the form. */
export const DrawerFormFooter = ({
  submitLabel,
  isPending,
  canSubmit = true,
}: {
  submitLabel: string
  isPending: boolean
  canSubmit?: boolean
}) => {
  const { t } = useCouponsTranslation()
  return (
    <Drawer.Footer>
      <Drawer.Close asChild>
        <Button size="small" variant="secondary" type="button">
          {t("common.cancel")}
        </Button>
      </Drawer.Close>
      <Button size="small" type="submit" isLoading={isPending} disabled={!canSubmit}>
        {submitLabel}
      </Button>
    </Drawer.Footer>
  )
}
