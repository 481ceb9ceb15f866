import { Checkbox, Label, Text } from "@medusajs/ui"
import type { CombinesWith } from "../../src/modules/coupon/utils/combinations"

const CLASSES: { kind: keyof CombinesWith; label: string }[] = [
  { kind: "order", label: "Order discounts" },
  { kind: "product", label: "Product discounts" },
  { kind: "shipping", label: "Shipping discounts" },
]

/** Which discount classes a coupon stacks with (Shopify's combinations); none ticked: it stacks with nothing. */
export const CombinesWithField = ({
  id,
  value,
  onChange,
}: {
  id: string
  value: CombinesWith
  onChange: (value: CombinesWith) => void
}) => (
  <fieldset className="flex flex-col gap-y-2" id={id}>
    <legend>
      <Text size="small" weight="plus">
        Combines with
      </Text>
    </legend>
    <div className="flex flex-wrap gap-x-6 gap-y-2">
      {CLASSES.map(({ kind, label }) => (
        <div key={kind} className="flex items-center gap-x-2">
          <Checkbox
            id={`${id}-${kind}`}
            checked={value[kind]}
            onCheckedChange={(checked) => onChange({ ...value, [kind]: checked === true })}
          />
          <Label htmlFor={`${id}-${kind}`} size="small">
            {label}
          </Label>
        </div>
      ))}
    </div>
    <Text size="small" className="text-ui-fg-subtle">
      Other codes and Medusa&apos;s own promotions of a ticked kind can be used with this coupon, if they allow it too.
    </Text>
  </fieldset>
)
