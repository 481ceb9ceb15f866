import { Checkbox, Input, Label, Text } from "@medusajs/ui"
import { useQuery } from "@tanstack/react-query"
import { useState } from "react"
import { useCouponsTranslation } from "../lib/i18n"

export type ChecklistOption = { id: string; label: string }

/**
 * Tick records of one kind (products, groups, …) by name; the search asks the
 * admin API, so large catalogs work. Ticked ids outside the current results stay ticked.
 */
export const IdChecklist = ({
  id,
  label,
  queryKey,
  load,
  value,
  onChange,
  emptyHint,
  searchable = true,
}: {
  id: string
  label: string
  queryKey: string
  load: (q: string) => Promise<ChecklistOption[]>
  value: string[]
  onChange: (ids: string[]) => void
  emptyHint: string
  searchable?: boolean
}) => {
  const { t, locale } = useCouponsTranslation()
  // English words the kind in lower case mid-sentence ("Search products"); German keeps its nouns as they are
  const words = { label, lower: label.toLocaleLowerCase(locale) }
  const [q, setQ] = useState("")
  const { data, isLoading, isError } = useQuery({ queryKey: ["coupon-picker", queryKey, q], queryFn: () => load(q) })
  const toggle = (option: string, checked: boolean) => onChange(checked ? [...value, option] : value.filter((other) => other !== option))
  const hidden = value.filter((ticked) => !(data ?? []).some((option) => option.id === ticked)).length
  return (
    <fieldset className="flex flex-col gap-y-2" id={id}>
      <legend className="sr-only">{label}</legend>
      {searchable ? (
        <Input
          size="small"
          type="search"
          placeholder={t("checklist.search", words)}
          value={q}
          onChange={(event) => setQ(event.target.value)}
          aria-label={t("checklist.search", words)}
        />
      ) : null}
      {isLoading ? (
        <Text size="small" className="text-ui-fg-subtle">
          {t("checklist.loading", words)}
        </Text>
      ) : null}
      {isError ? (
        <Text size="small" className="text-ui-fg-error">
          {t("checklist.loadFailed", words)}
        </Text>
      ) : null}
      <div className="flex max-h-48 flex-col gap-y-2 overflow-y-auto">
        {(data ?? []).map((option) => (
          <div key={option.id} className="flex items-center gap-x-2">
            <Checkbox
              id={`${id}-${option.id}`}
              checked={value.includes(option.id)}
              onCheckedChange={(checked) => toggle(option.id, checked === true)}
            />
            <Label htmlFor={`${id}-${option.id}`} size="small">
              {option.label}
            </Label>
          </div>
        ))}
      </div>
      <Text size="small" className="text-ui-fg-subtle">
        {value.length
          ? hidden
            ? t("checklist.selectedHidden", { count: value.length, hidden })
            : t("checklist.selected", { count: value.length })
          : emptyHint}
      </Text>
    </fieldset>
  )
}
