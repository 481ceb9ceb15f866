import type { ConfigModule, Logger, MedusaContainer } from "@medusajs/framework/types"
import type { Knex } from "@medusajs/framework/mikro-orm/knex"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { COUPON_MODULE } from "../../../../modules/coupon"
import type CouponModuleService from "../../../../modules/coupon/service"
import type { CouponRateLimitOptions } from "../../../../modules/coupon/options"
import { CouponAttemptLimiter } from "./attempts"
import { postgresAttemptCounters, redisAttemptCounters, type AttemptCounters } from "./stores"

const REDIS_READY_TIMEOUT_MS = 3_000

/** An ioredis client of the app's Redis; commands fail at once while it is down instead of queueing. */
const redisClient = async (config: ConfigModule) => {
  const { Redis } = await import("ioredis")
  const client = new Redis(config.projectConfig.redisUrl as string, {
    ...(config.projectConfig.redisOptions ?? {}),
    enableOfflineQueue: false,
  })
  client.on("error", () => {
    // ioredis reconnects by itself; the limiter answers from its insurance meanwhile
  })
  await new Promise<void>((resolve) => {
    const timer = setTimeout(resolve, REDIS_READY_TIMEOUT_MS)
    client.once("ready", () => {
      clearTimeout(timer)
      resolve()
    })
  })
  return client
}

/** Counters where every server instance of the app sees them: its Redis when it has one, else its PostgreSQL. */
export const attemptCountersOf = async (container: MedusaContainer, options: CouponRateLimitOptions): Promise<AttemptCounters> => {
  const config = container.resolve<ConfigModule>(ContainerRegistrationKeys.CONFIG_MODULE)
  const logger = container.resolve<Logger>(ContainerRegistrationKeys.LOGGER)
  const onStoreFailure = (error: unknown) => logger.warn(`medusa-plugin-coupons: rate limit: ${error}`)
  if (config.projectConfig.redisUrl) {
    return redisAttemptCounters(options, await redisClient(config), {
      redisPrefix: config.projectConfig.redisPrefix ?? "",
      onStoreFailure,
    })
  }
  return postgresAttemptCounters(options, container.resolve<Knex>(ContainerRegistrationKeys.PG_CONNECTION), {
    onStoreFailure,
  })
}

// one limiter per app (its coupon module service), made on first use
const limiters = new WeakMap<object, Promise<CouponAttemptLimiter | null>>()

/** The app's limiter of failed code attempts, or null when the plugin options switch it off. */
export const couponAttemptLimiterOf = (container: MedusaContainer): Promise<CouponAttemptLimiter | null> => {
  const service = container.resolve<CouponModuleService>(COUPON_MODULE)
  let limiter = limiters.get(service)
  if (!limiter) {
    const options = service.getOptions().rate_limit
    limiter = options.enabled
      ? attemptCountersOf(container, options).then((counters) => new CouponAttemptLimiter(counters))
      : Promise.resolve(null)
    limiters.set(service, limiter)
    // a store that could not be set up is tried again by the next request
    limiter.catch((error) => {
      limiters.delete(service)
      container.resolve<Logger>(ContainerRegistrationKeys.LOGGER).error(`medusa-plugin-coupons: rate limiter unavailable: ${error}`)
    })
  }
  return limiter
}
