import { defineConfig, loadEnv } from "@medusajs/framework/utils"

loadEnv(process.env.NODE_ENV || "development", process.cwd())

/** A failed-attempt window from `<NAME>` (points) and `<NAME>_SECONDS`, or the plugin's default. */
const attemptWindow = (name: string) =>
  process.env[name] ? { points: Number(process.env[name]), duration_seconds: Number(process.env[`${name}_SECONDS`] ?? 900) } : undefined

// the test suites set generous limits (integration-tests/setup.js) and the rate limit spec small ones
const rateLimit = {
  ...(process.env.COUPON_RATE_LIMIT_ENABLED ? { enabled: process.env.COUPON_RATE_LIMIT_ENABLED !== "false" } : {}),
  failed_attempts_per_ip: attemptWindow("COUPON_RATE_LIMIT_PER_IP"),
  failed_attempts_per_cart: attemptWindow("COUPON_RATE_LIMIT_PER_CART"),
  failed_attempts_per_customer: attemptWindow("COUPON_RATE_LIMIT_PER_CUSTOMER"),
  ...(process.env.COUPON_RATE_LIMIT_BLOCK_SECONDS ? { block_seconds: Number(process.env.COUPON_RATE_LIMIT_BLOCK_SECONDS) } : {}),
}

/**
 * The Redis-backed infrastructure modules of a production deployment with
 * several server instances (event bus, locking, workflow engine, caching), when
 * `COUPON_REDIS_MODULES=true` and `REDIS_URL` are set; the reliability suite
 * runs two servers this way. `COUPON_REDIS_NAMESPACE` keeps one deployment's
 * queues and locks apart from another's on a shared Redis. Off by default:
 * development and the other test suites use Medusa's in-process defaults.
 */
const redisModules = () => {
  const redisUrl = process.env.REDIS_URL
  if (process.env.COUPON_REDIS_MODULES !== "true" || !redisUrl) {
    return []
  }
  const namespace = process.env.COUPON_REDIS_NAMESPACE || ""
  return [
    { resolve: "@medusajs/medusa/event-bus-redis", options: { redisUrl, queueName: `${namespace}events-queue` } },
    {
      resolve: "@medusajs/medusa/locking",
      options: {
        providers: [
          {
            resolve: "@medusajs/medusa/locking-redis",
            id: "locking-redis",
            is_default: true,
            options: { redisUrl, namespace: `${namespace}medusa_lock:` },
          },
        ],
      },
    },
    {
      resolve: "@medusajs/medusa/workflow-engine-redis",
      options: {
        redis: { redisUrl, queueName: `${namespace}medusa-workflows`, jobQueueName: `${namespace}medusa-workflows-jobs` },
      },
    },
    {
      resolve: "@medusajs/medusa/caching",
      options: {
        providers: [
          { resolve: "@medusajs/caching-redis", id: "caching-redis", is_default: true, options: { redisUrl, prefix: `${namespace}mc:` } },
        ],
      },
    },
  ]
}

/**
 * This repository runs as a development Medusa app that loads its own plugin:
 * routes, workflows, subscribers and admin extensions come from `src/` as the
 * app's own; the module is listed here because an app does not auto-load its
 * own modules (a host app installing the package gets it from the plugin entry).
 */
module.exports = defineConfig({
  projectConfig: {
    databaseUrl: process.env.DATABASE_URL,
    redisUrl: process.env.REDIS_URL,
    // "server" answers HTTP only, "worker" runs subscribers, scheduled jobs and background workflow steps only
    workerMode: (process.env.MEDUSA_WORKER_MODE as "shared" | "worker" | "server" | undefined) ?? "shared",
    http: {
      storeCors: process.env.STORE_CORS || "http://localhost:8000,http://localhost:9000",
      adminCors: process.env.ADMIN_CORS || "http://localhost:9000,http://localhost:5173",
      authCors: process.env.AUTH_CORS || "http://localhost:8000,http://localhost:9000,http://localhost:5173",
      jwtSecret: process.env.JWT_SECRET || "supersecret",
      cookieSecret: process.env.COOKIE_SECRET || "supersecret",
    },
  },
  admin: {
    disable: process.env.MEDUSA_ADMIN_DISABLE === "true",
    backendUrl: process.env.MEDUSA_BACKEND_URL || "/",
  },
  modules: [
    ...redisModules(),
    // distributed codes are sent through the Notification Module; the local
    // provider logs them (a store uses SendGrid or its own provider instead)
    {
      resolve: "@medusajs/medusa/notification",
      options: {
        providers: [
          { resolve: "@medusajs/medusa/notification-local", id: "local", options: { name: "Local notifications", channels: ["email"] } },
        ],
      },
    },
    {
      resolve: "./src/modules/coupon",
      options: {
        default_expiration_days: 30,
        default_usage_limit_per_customer: 1,
        rate_limit: JSON.parse(JSON.stringify(rateLimit)),
        // one HTTP spec runs the store with automatic promotions that do not combine
        ...(process.env.COUPON_COMBINE_WITH_AUTOMATIC_PROMOTIONS
          ? { combine_with_automatic_promotions: process.env.COUPON_COMBINE_WITH_AUTOMATIC_PROMOTIONS !== "false" }
          : {}),
        // one HTTP spec runs the store with refusals that do not tell which codes exist
        ...(process.env.COUPON_MAX_CODES_PER_CART ? { max_codes_per_cart: Number(process.env.COUPON_MAX_CODES_PER_CART) } : {}),
        ...(process.env.COUPON_UNIFORM_REFUSALS ? { uniform_refusals: process.env.COUPON_UNIFORM_REFUSALS === "true" } : {}),
        // the store's calendar for periodic caps; the test apps run far from UTC (integration-tests/setup.js)
        ...(process.env.COUPON_TIME_ZONE ? { time_zone: process.env.COUPON_TIME_ZONE } : {}),
        // the reliability suite's split deployment re-checks open carts on its worker
        ...(process.env.COUPON_OPEN_CARTS_REFRESH ? { open_carts_refresh: process.env.COUPON_OPEN_CARTS_REFRESH } : {}),
        // the reliability suite resumes a killed server's batch sooner
        ...(process.env.COUPON_STALE_BATCH_SECONDS ? { stale_batch_seconds: Number(process.env.COUPON_STALE_BATCH_SECONDS) } : {}),
      },
    },
  ],
})
