import { Checkbox, Label, Text } from "@medusajs/ui"
import { useQuery } from "@tanstack/react-query"
import { sdk } from "../lib/sdk"

/** Pick the sales channels a coupon works in; none picked means every channel. */
export const SalesChannelPicker = ({ value, onChange }: { value: string[]; onChange: (ids: string[]) => void }) => {
  const { data, isLoading, isError } = useQuery({
    queryKey: ["sales_channels", "coupon-picker"],
    queryFn: () => sdk.admin.salesChannel.list({ limit: 100, fields: "id,name" }),
  })
  if (isLoading) {
    return <Text size="small" className="text-ui-fg-subtle">Loading sales channels…</Text>
  }
  if (isError) {
    return <Text size="small" className="text-ui-fg-error">Could not load sales channels.</Text>
  }
  const toggle = (id: string, checked: boolean) => onChange(checked ? [...value, id] : value.filter((other) => other !== id))
  return (
    <fieldset className="flex flex-col gap-y-2">
      <legend className="sr-only">Sales channels</legend>
      {(data?.sales_channels ?? []).map((channel) => (
        <div key={channel.id} className="flex items-center gap-x-2">
          <Checkbox id={`channel-${channel.id}`} checked={value.includes(channel.id)} onCheckedChange={(checked) => toggle(channel.id, checked === true)} />
          <Label htmlFor={`channel-${channel.id}`} size="small">{channel.name}</Label>
        </div>
      ))}
      <Text size="small" className="text-ui-fg-subtle">{value.length ? "Only in the ticked channels" : "Every sales channel"}</Text>
    </fieldset>
  )
}
