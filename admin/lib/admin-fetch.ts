/** An admin route's URL on the dashboard's backend (its build's environment, never a fixed host). */
export const adminUrl = (path: string) => `${(import.meta.env.VITE_BACKEND_URL || "").replace(/\/$/, "")}${path}`

/** A refusal with its whole body: the js-sdk's FetchError keeps only the message, and the CSV import's `errors` list is lost. */
export class AdminRequestError extends Error {
  constructor(
    message: string,
    readonly status: number,
    readonly body: Record<string, unknown>
  ) {
    super(message)
  }
}

/** POSTs JSON to an admin route with the dashboard session; a 4xx or 5xx throws an AdminRequestError. */
export const postAdminJson = async <T>(path: string, body: unknown): Promise<T> => {
  const response = await fetch(adminUrl(path), {
    method: "POST",
    credentials: "include",
    headers: { "content-type": "application/json", accept: "application/json" },
    body: JSON.stringify(body),
  })
  const json = (await response.json().catch(() => ({}))) as Record<string, unknown>
  if (!response.ok) {
    throw new AdminRequestError(typeof json.message === "string" ? json.message : response.statusText, response.status, json)
  }
  return json as T
}
