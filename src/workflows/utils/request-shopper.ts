import { AsyncLocalStorage } from "node:async_hooks"

/** Who is logged in on the request that runs a workflow: a customer's id, or null for a guest. */
export type RequestShopper = { customer_id: string | null }

const shoppers = new AsyncLocalStorage<RequestShopper>()

/**
 * Medusa's complete route starts completeCartWorkflow with the cart id only,
 * so its hooks cannot see who sent the request. The route's middleware runs
 * the rest of the request inside this store (see rememberShopper), and the
 * hooks, which run in that request's async chain, read it back.
 */
export const runAsShopper = <T>(shopper: RequestShopper, fn: () => T): T => shoppers.run(shopper, fn)

/** The logged-in customer of the current request; null for a guest and outside a request (no one is logged in). */
export const requestCustomerId = (): string | null => shoppers.getStore()?.customer_id ?? null
