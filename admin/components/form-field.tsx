import { Hint, Label, Text } from "@medusajs/ui"
import type { ReactNode } from "react"
import { useCouponsTranslation } from "../lib/i18n"

/** Label bound to its input, with the field's error or hint under it. */
export const FormField = ({
  id,
  label,
  error,
  hint,
  optional,
  children,
}: {
  id: string
  label: string
  error?: string
  hint?: ReactNode
  optional?: boolean
  children: ReactNode
}) => {
  const { t } = useCouponsTranslation()
  return (
    <div className="flex flex-col gap-y-2">
      <Label htmlFor={id} size="small" weight="plus">
        {label}
        {optional ? <span className="text-ui-fg-muted font-normal"> {t("common.optional")}</span> : null}
      </Label>
      {children}
      {error ? (
        <Hint variant="error" id={`${id}-error`}>
          {error}
        </Hint>
      ) : hint ? (
        typeof hint === "string" ? (
          <Text size="small" className="text-ui-fg-subtle">
            {hint}
          </Text>
        ) : (
          hint
        )
      ) : null}
    </div>
  )
}
