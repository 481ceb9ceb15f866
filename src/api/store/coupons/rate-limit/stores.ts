import type { Knex } from "@medusajs/framework/mikro-orm/knex"
import { RateLimiterMemory, RateLimiterPostgres, RateLimiterRedis, type RateLimiterAbstract } from "rate-limiter-flexible"
import type { CouponRateLimitOptions } from "../../../../modules/coupon/options"

/** What a failed attempt is counted against. */
export const ATTEMPT_KEY_KINDS = ["ip", "cart", "customer"] as const
export type AttemptKeyKind = (typeof ATTEMPT_KEY_KINDS)[number]

export type AttemptCounters = Record<AttemptKeyKind, RateLimiterAbstract>

type Window = { points: number; duration_seconds: number }

const windowOf = (options: CouponRateLimitOptions, kind: AttemptKeyKind): Window =>
  ({
    ip: options.failed_attempts_per_ip,
    cart: options.failed_attempts_per_cart,
    customer: options.failed_attempts_per_customer,
  })[kind]

const limiterOptions = (options: CouponRateLimitOptions, kind: AttemptKeyKind) => {
  const { points, duration_seconds } = windowOf(options, kind)
  return {
    points,
    duration: duration_seconds,
    blockDuration: options.block_seconds,
    // only while the shared store is unreachable: a per-process stand-in rather than no limit at all
    insuranceLimiter: new RateLimiterMemory({ points, duration: duration_seconds, blockDuration: options.block_seconds }),
  }
}

/** Counters in Redis, shared by every server instance using the same Redis. */
export const redisAttemptCounters = (
  options: CouponRateLimitOptions,
  client: unknown,
  redisPrefix = ""
): AttemptCounters => {
  const counter = (kind: AttemptKeyKind) =>
    new RateLimiterRedis({
      ...limiterOptions(options, kind),
      storeClient: client,
      keyPrefix: `${redisPrefix}${options.store_prefix}:${kind}`,
      // answer from the insurance limiter at once instead of queueing while Redis reconnects
      rejectIfRedisNotReady: true,
    })
  return { ip: counter("ip"), cart: counter("cart"), customer: counter("customer") }
}

/**
 * Counters in one PostgreSQL table (created on first use, `store_prefix` as its
 * name) through the app's own knex connection; resolves once the table exists.
 */
export const postgresAttemptCounters = async (options: CouponRateLimitOptions, knex: Knex): Promise<AttemptCounters> => {
  const shared = { storeClient: knex, storeType: "knex", tableName: options.store_prefix }
  // the first one creates the table (and sweeps expired rows every 5 minutes); the others reuse it
  const ip = await new Promise<RateLimiterPostgres>((resolve, reject) => {
    const limiter = new RateLimiterPostgres({ ...limiterOptions(options, "ip"), ...shared, keyPrefix: "ip" }, (error) =>
      error ? reject(error) : setImmediate(() => resolve(limiter))
    )
  })
  const reuse = (kind: AttemptKeyKind) =>
    new RateLimiterPostgres({
      ...limiterOptions(options, kind),
      ...shared,
      keyPrefix: kind,
      tableCreated: true,
      clearExpiredByTimeout: false,
    })
  return { ip, cart: reuse("cart"), customer: reuse("customer") }
}
