import { EllipsisHorizontal } from "@medusajs/icons"
import { DropdownMenu, IconButton } from "@medusajs/ui"
import { useCouponsTranslation } from "../lib/i18n"

export type Action = { label: string; icon: React.ReactNode; onClick: () => void; disabled?: boolean }

/** The dashboard's "…" menu: groups of actions, the destructive ones last in their own group. */
export const ActionMenu = ({ groups, label }: { groups: Action[][]; label?: string }) => {
  const { t } = useCouponsTranslation()
  return (
    <DropdownMenu>
      <DropdownMenu.Trigger asChild>
        <IconButton size="small" variant="transparent" aria-label={label ?? t("common.actions")}>
          <EllipsisHorizontal />
        </IconButton>
      </DropdownMenu.Trigger>
      <DropdownMenu.Content>
        {groups.map((actions, index) => (
          <DropdownMenu.Group key={index}>
            {index > 0 ? <DropdownMenu.Separator /> : null}
            {actions.map((action) => (
              <DropdownMenu.Item
                key={action.label}
                onClick={action.onClick}
                disabled={action.disabled}
                className="flex items-center gap-x-2"
              >
                {action.icon}
                <span>{action.label}</span>
              </DropdownMenu.Item>
            ))}
          </DropdownMenu.Group>
        ))}
      </DropdownMenu.Content>
    </DropdownMenu>
  )
}
