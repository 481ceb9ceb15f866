import type { CouponsSdk } from "../../src/types"

/**
 * The shape of `@medusajs/js-sdk`'s FetchError (2.21.2): the body's message,
 * the status text and the status, nothing else of the body. (The SDK itself
 * is not loaded here: it needs web streams that jsdom does not provide.)
 */
class FetchError extends Error {
  constructor(
    message: string,
    public statusText: string,
    public status: number
  ) {
    super(message)
  }
}

type Init = { method?: string; body?: Record<string, unknown>; query?: Record<string, unknown> }
type Script = { method: string; path: string; respond: () => Promise<unknown> }
export type Call = { method: string; path: string; body?: unknown; query?: Record<string, unknown> }

const STATUS_TEXT: Record<number, string> = { 400: "Bad Request", 404: "Not Found", 500: "Internal Server Error" }
const copy = <T>(value: T): T => JSON.parse(JSON.stringify(value))

/**
 * Stands in for `@medusajs/js-sdk` at its boundary, `sdk.client.fetch`: each
 * request takes the first scripted answer for its method and path, once.
 * Refusals throw the SDK's own FetchError, which keeps only message and status.
 */
export const createFakeSdk = () => {
  const scripts: Script[] = []
  const calls: Call[] = []
  const fetch = jest.fn(async (path: string, init: Init = {}) => {
    const method = (init.method ?? "GET").toUpperCase()
    calls.push({ method, path, body: init.body, query: init.query })
    const index = scripts.findIndex((script) => script.method === method && script.path === path)
    if (index < 0) {
      throw new Error(`unscripted request: ${method} ${path}`)
    }
    const [script] = scripts.splice(index, 1)
    return script.respond()
  })
  const add = (method: string, path: string, respond: () => Promise<unknown>) => {
    scripts.push({ method, path, respond })
  }
  return {
    sdk: { client: { fetch } } as unknown as CouponsSdk,
    fetch,
    calls,
    reply: (method: string, path: string, body: unknown) => add(method, path, async () => copy(body)),
    refuse: (method: string, path: string, status: number, body: { message: string; code?: string; type?: string }) =>
      add(method, path, async () => {
        throw new FetchError(body.message, STATUS_TEXT[status] ?? "Error", status)
      }),
    /** Like a client that kept the error body (a custom fetch wrapper). */
    refuseWithBody: (method: string, path: string, status: number, body: { message: string; code: string; type: string }) =>
      add(method, path, async () => {
        throw Object.assign(new Error(body.message), { status, body })
      }),
    offline: (method: string, path: string) =>
      add(method, path, async () => {
        throw new TypeError("Failed to fetch")
      }),
    /** An answer that waits until `release(body)` is called. */
    hold: (method: string, path: string) => {
      let release: (body: unknown) => void = () => {}
      const answer = new Promise((resolve) => (release = resolve))
      add(method, path, () => answer)
      return (body: unknown) => release(copy(body))
    },
    pending: () => scripts.map((script) => `${script.method} ${script.path}`),
  }
}

export type FakeSdk = ReturnType<typeof createFakeSdk>
