import { Checkbox, Label, Text } from "@medusajs/ui"
import type { CombinesWith } from "../../src/modules/coupon/utils/combinations"
import { useCouponsTranslation } from "../lib/i18n"

const CLASSES: (keyof CombinesWith)[] = ["order", "product", "shipping"]

/** Which discount classes a coupon stacks with (Shopify's combinations); none ticked: it stacks with nothing. */
export const CombinesWithField = ({
  id,
  value,
  onChange,
}: {
  id: string
  value: CombinesWith
  onChange: (value: CombinesWith) => void
}) => {
  const { t } = useCouponsTranslation()
  return (
    <fieldset className="flex flex-col gap-y-2" id={id}>
      <legend>
        <Text size="small" weight="plus">
          {t("combinesWith.legend")}
        </Text>
      </legend>
      <div className="flex flex-wrap gap-x-6 gap-y-2">
        {CLASSES.map((kind) => (
          <div key={kind} className="flex items-center gap-x-2">
            <Checkbox
              id={`${id}-${kind}`}
              checked={value[kind]}
              onCheckedChange={(checked) => onChange({ ...value, [kind]: checked === true })}
            />
            <Label htmlFor={`${id}-${kind}`} size="small">
              {t(`combinesWith.${kind}`)}
            </Label>
          </div>
        ))}
      </div>
      <Text size="small" className="text-ui-fg-subtle">
        {t("combinesWith.hint")}
      </Text>
    </fieldset>
  )
}
