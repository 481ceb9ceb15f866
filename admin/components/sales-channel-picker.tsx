import { useCouponsTranslation } from "../lib/i18n"
import { sdk } from "../lib/sdk"
import { IdChecklist } from "./id-checklist"

const loadChannels = async () =>
  (await sdk.admin.salesChannel.list({ limit: 100, fields: "id,name" })).sales_channels.map((channel) => ({
    id: channel.id,
    label: channel.name,
  }))

/** Pick the sales channels a coupon works in; none picked means every channel. */
export const SalesChannelPicker = ({ value, onChange }: { value: string[]; onChange: (ids: string[]) => void }) => {
  const { t } = useCouponsTranslation()
  return (
    <IdChecklist
      id="coupon-sales_channel_ids"
      label={t("salesChannels.label")}
      queryKey="sales_channels"
      load={loadChannels}
      value={value}
      onChange={onChange}
      emptyHint={t("salesChannels.every")}
      searchable={false}
    />
  )
}
