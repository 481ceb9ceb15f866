import { adminUrl } from "./admin-fetch"
import { englishL10n, type CouponsT } from "./i18n"

/** Downloads an admin CSV route with the dashboard session and saves it under `filename`; `t` words its error. */
export const downloadCsv = async (path: string, filename: string, t: CouponsT = englishL10n().t) => {
  const response = await fetch(adminUrl(path), { credentials: "include" })
  if (!response.ok) {
    throw new Error(t("download.failed", { status: response.status }))
  }
  const url = URL.createObjectURL(await response.blob())
  const link = Object.assign(document.createElement("a"), { href: url, download: filename })
  document.body.appendChild(link)
  link.click()
  link.remove()
  URL.revokeObjectURL(url)
}
