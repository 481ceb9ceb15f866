import type { ChecklistOption } from "../../components/id-checklist"
import type { CouponsT } from "../../lib/i18n"
import { sdk } from "../../lib/sdk"
import type { SelectorKind } from "./conditions-values"

const LIMIT = 30

/** Loads the records a selector kind names, searched by name, from Medusa's own admin routes. */
export const selectorLoaders: Record<Exclude<SelectorKind, "none">, (q: string) => Promise<ChecklistOption[]>> = {
  products: async (q) =>
    (await sdk.admin.product.list({ q: q || undefined, limit: LIMIT, fields: "id,title" })).products.map((p) => ({
      id: p.id,
      label: p.title,
    })),
  collections: async (q) =>
    (await sdk.admin.productCollection.list({ q: q || undefined, limit: LIMIT })).collections.map((c) => ({ id: c.id, label: c.title })),
  categories: async (q) =>
    (await sdk.admin.productCategory.list({ q: q || undefined, limit: LIMIT, fields: "id,name" })).product_categories.map((c) => ({
      id: c.id,
      label: c.name,
    })),
  types: async (q) =>
    (await sdk.admin.productType.list({ q: q || undefined, limit: LIMIT })).product_types.map((t) => ({ id: t.id, label: t.value })),
}

export const loadShippingOptions = async (): Promise<ChecklistOption[]> =>
  (await sdk.admin.shippingOption.list({ limit: 100, fields: "id,name" })).shipping_options.map((o) => ({ id: o.id, label: o.name }))

export const loadCustomerGroups = async (q: string): Promise<ChecklistOption[]> =>
  (await sdk.admin.customerGroup.list({ q: q || undefined, limit: LIMIT, fields: "id,name" })).customer_groups.map((g) => ({
    id: g.id,
    label: g.name ?? g.id,
  }))

/** A selector kind's name in the admin's language: "Products", "All items". */
export const selectorLabel = (kind: SelectorKind, t: CouponsT) =>
  kind === "none" ? t("conditions.allItems") : t(`conditions.kinds.${kind}`)
