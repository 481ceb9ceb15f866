import Medusa from "@medusajs/js-sdk"

/** The dashboard's own session; the base URL comes from the admin build's environment, never a fixed host. */
export const sdk = new Medusa({
  baseUrl: import.meta.env.VITE_BACKEND_URL || "/",
  debug: import.meta.env.DEV,
  auth: { type: "session" },
})
