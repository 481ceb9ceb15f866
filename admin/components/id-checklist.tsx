import { Checkbox, Input, Label, Text } from "@medusajs/ui"
import { useQuery } from "@tanstack/react-query"
import { useState } from "react"

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
          placeholder={`Search ${label.toLowerCase()}`}
          value={q}
          onChange={(event) => setQ(event.target.value)}
          aria-label={`Search ${label.toLowerCase()}`}
        />
      ) : null}
      {isLoading ? (
        <Text size="small" className="text-ui-fg-subtle">
          Loading {label.toLowerCase()}…
        </Text>
      ) : null}
      {isError ? (
        <Text size="small" className="text-ui-fg-error">
          Could not load {label.toLowerCase()}.
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
        {value.length ? `${value.length} selected${hidden ? ` (${hidden} not in this list)` : ""}` : emptyHint}
      </Text>
    </fieldset>
  )
}
