import { Text } from "@medusajs/ui"

/** A label and its value, one row of a detail section (the dashboard's SectionRow). */
export const SectionRow = ({ label, value }: { label: string; value: React.ReactNode }) => (
  <div className="text-ui-fg-subtle grid grid-cols-2 items-center gap-x-4 px-6 py-4">
    <Text size="small" weight="plus" leading="compact">
      {label}
    </Text>
    <Text size="small" leading="compact" className="break-words">
      {value}
    </Text>
  </div>
)
