import de from "./json/de.json"
import en from "./json/en.json"

/**
 * The admin bundler merges this default export into the dashboard's i18next
 * resources. Everything sits under the one `coupons` namespace, so no key can
 * clash with the dashboard's own `translation` namespace or another plugin's.
 * Read it with `useCouponsTranslation()` from admin/lib/i18n.ts.
 */
export default {
  en: { coupons: en },
  de: { coupons: de },
}
