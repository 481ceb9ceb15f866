import type { Knex } from "@medusajs/framework/mikro-orm/knex"
import { RateLimiterMemory, RateLimiterPostgres, RateLimiterRedis, type RateLimiterAbstract } from "rate-limiter-flexible"
import type { CouponRateLimitOptions } from "../../../../modules/coupon/options"

/** What a failed attempt is counted against. */
export const ATTEMPT_KEY_KINDS = ["ip", "cart", "customer"] as const
export type AttemptKeyKind = (typeof ATTEMPT_KEY_KINDS)[number]

/**
 * One failed-attempt counter per key kind, and `refusals`: the codes already
 * refused (and counted) per cart or address, so repeating a refusal — the
 * storefront components asking the validate route why an apply failed — is
 * not counted twice.
 */
export type AttemptCounters = Record<AttemptKeyKind, RateLimiterAbstract> & { refusals: RateLimiterAbstract }

type Window = { points: number; duration_seconds: number }

/** Told when a counter had to answer from process memory because the shared store failed. */
export type StoreFailureListener = (error: unknown) => void

const FALLBACK_WARNING_INTERVAL_MS = 60_000

/**
 * The in-memory stand-in rate-limiter-flexible turns to while the shared store
 * fails; says so (at most once a minute) rather than degrading silently.
 */
class WarningMemoryLimiter extends RateLimiterMemory {
  private lastWarning = 0

  constructor(
    options: ConstructorParameters<typeof RateLimiterMemory>[0],
    private readonly onStoreFailure?: StoreFailureListener
  ) {
    super(options)
  }

  private warn() {
    if (this.onStoreFailure && Date.now() - this.lastWarning > FALLBACK_WARNING_INTERVAL_MS) {
      this.lastWarning = Date.now()
      this.onStoreFailure(new Error("the shared rate limit store failed; counting in process memory meanwhile"))
    }
  }

  consume(...args: Parameters<RateLimiterMemory["consume"]>) {
    this.warn()
    return super.consume(...args)
  }

  get(...args: Parameters<RateLimiterMemory["get"]>) {
    this.warn()
    return super.get(...args)
  }
}

const windowOf = (options: CouponRateLimitOptions, kind: AttemptKeyKind): Window =>
  ({
    ip: options.failed_attempts_per_ip,
    cart: options.failed_attempts_per_cart,
    customer: options.failed_attempts_per_customer,
  })[kind]

/**
 * A counter takes one point more than the failures allowed: the attempt after
 * the last allowed failure is still looked up (a right code applies), and if
 * it fails too it is answered 429 itself (see attempts.ts).
 */
export const allowedFailuresOf = (counter: RateLimiterAbstract) => counter.points - 1

const windowOptions = (window: { points: number; duration: number; blockDuration: number }, onStoreFailure?: StoreFailureListener) => ({
  ...window,
  // only while the shared store is unreachable: a per-process stand-in rather than no limit at all
  insuranceLimiter: new WarningMemoryLimiter(window, onStoreFailure),
})

const limiterOptions = (options: CouponRateLimitOptions, kind: AttemptKeyKind, onStoreFailure?: StoreFailureListener) => {
  const { points, duration_seconds } = windowOf(options, kind)
  return windowOptions({ points: points + 1, duration: duration_seconds, blockDuration: options.block_seconds }, onStoreFailure)
}

/** A refused code is remembered as long as the longest window counts it. */
const refusalOptions = (options: CouponRateLimitOptions, onStoreFailure?: StoreFailureListener) => {
  const duration = Math.max(...ATTEMPT_KEY_KINDS.map((kind) => windowOf(options, kind).duration_seconds))
  return windowOptions({ points: 1, duration, blockDuration: 0 }, onStoreFailure)
}

const UNDEFINED_TABLE = "42P01"

/**
 * Creates the table again when it disappeared under a running app (a restored
 * database, a cleanup script) instead of counting in memory from then on.
 */
type PostgresInternals = Record<"_upsert" | "_get" | "_delete", (...args: unknown[]) => Promise<unknown>> & {
  _createTable: () => Promise<void>
}

/**
 * One table creation at a time for the three counters: concurrent
 * CREATE TABLE IF NOT EXISTS can fail on PostgreSQL's catalog index, which
 * would send that attempt to the in-memory insurance.
 */
const tableCreator = (limiter: RateLimiterPostgres) => {
  let creating: Promise<void> | null = null
  return () =>
    (creating ??= (limiter as unknown as PostgresInternals)
      ._createTable()
      // a creation that lost the race still leaves the table there; the retry tells
      .catch(() => undefined)
      .finally(() => {
        creating = null
      }))
}

const recreateMissingTable = (limiter: RateLimiterPostgres, ensureTable: () => Promise<void>): RateLimiterPostgres => {
  const internals = limiter as unknown as PostgresInternals
  for (const method of ["_upsert", "_get", "_delete"] as const) {
    const original = internals[method].bind(limiter)
    internals[method] = (...args: unknown[]) =>
      original(...args).catch(async (error: { code?: string }) => {
        if (error?.code !== UNDEFINED_TABLE) {
          throw error
        }
        await ensureTable()
        return original(...args)
      })
  }
  return limiter
}

/** Counters in Redis, shared by every server instance using the same Redis. */
export const redisAttemptCounters = (
  options: CouponRateLimitOptions,
  client: unknown,
  { redisPrefix = "", onStoreFailure }: { redisPrefix?: string; onStoreFailure?: StoreFailureListener } = {}
): AttemptCounters => {
  const counter = (name: AttemptKeyKind | "refused", window: ReturnType<typeof windowOptions>) =>
    new RateLimiterRedis({
      ...window,
      storeClient: client,
      keyPrefix: `${redisPrefix}${options.store_prefix}:${name}`,
      // answer from the insurance limiter at once instead of queueing while Redis reconnects
      rejectIfRedisNotReady: true,
    })
  const kind = (name: AttemptKeyKind) => counter(name, limiterOptions(options, name, onStoreFailure))
  return {
    ip: kind("ip"),
    cart: kind("cart"),
    customer: kind("customer"),
    refusals: counter("refused", refusalOptions(options, onStoreFailure)),
  }
}

/**
 * Counters in one PostgreSQL table (created on first use, `store_prefix` as its
 * name) through the app's own knex connection; resolves once the table exists.
 */
export const postgresAttemptCounters = async (
  options: CouponRateLimitOptions,
  knex: Knex,
  { onStoreFailure }: { onStoreFailure?: StoreFailureListener } = {}
): Promise<AttemptCounters> => {
  const shared = { storeClient: knex, storeType: "knex", tableName: options.store_prefix }
  // the first one creates the table (and sweeps expired rows every 5 minutes); the others reuse it
  const ip = await new Promise<RateLimiterPostgres>((resolve, reject) => {
    const limiter = new RateLimiterPostgres({ ...limiterOptions(options, "ip", onStoreFailure), ...shared, keyPrefix: "ip" }, (error) =>
      error ? reject(error) : setImmediate(() => resolve(limiter))
    )
  })
  const reuse = (name: AttemptKeyKind | "refused", window: ReturnType<typeof windowOptions>) =>
    new RateLimiterPostgres({
      ...window,
      ...shared,
      keyPrefix: name,
      tableCreated: true,
      clearExpiredByTimeout: false,
    })
  const ensureTable = tableCreator(ip)
  return {
    ip: recreateMissingTable(ip, ensureTable),
    cart: recreateMissingTable(reuse("cart", limiterOptions(options, "cart", onStoreFailure)), ensureTable),
    customer: recreateMissingTable(reuse("customer", limiterOptions(options, "customer", onStoreFailure)), ensureTable),
    refusals: recreateMissingTable(reuse("refused", refusalOptions(options, onStoreFailure)), ensureTable),
  }
}
