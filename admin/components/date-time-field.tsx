import { DatePicker } from "@medusajs/ui"
import { useMemo } from "react"
import { dateToLocalInput, localInputToDate } from "../lib/dates"

/**
 * A date and time to the minute, on the dashboard's own DatePicker (its
 * segments follow the admin's language). The value stays what a
 * datetime-local input held: local wall-clock time, "2026-05-01T09:30" or ""
 * (admin/lib/dates.ts converts it to and from the API's UTC). `label` names
 * the field for assistive technology, as the picker is a group, not an input.
 */
export const DateTimeField = ({
  id,
  label,
  value,
  onChange,
  invalid,
}: {
  id: string
  label: string
  value: string
  onChange: (value: string) => void
  invalid?: boolean
}) => {
  // one Date per value: the picker re-reads its value whenever the object changes
  const date = useMemo(() => localInputToDate(value), [value])
  return (
    <DatePicker
      id={id}
      aria-label={label}
      granularity="minute"
      shouldCloseOnSelect={false}
      value={date}
      onChange={(next) => onChange(dateToLocalInput(next))}
      isInvalid={invalid}
    />
  )
}
