import { Redis } from "ioredis"
import { CouponAttemptLimiter } from "../../src/api/store/coupons/rate-limit/attempts"
import { redisAttemptCounters } from "../../src/api/store/coupons/rate-limit/stores"
import { parseCouponPluginOptions } from "../../src/modules/coupon/options"

/*
 * The Redis path of the failed-attempt limiter against a real Redis
 * (REDIS_URL, or the local one): what an app with `redisUrl` uses.
 */
const REDIS_URL = process.env.REDIS_URL || "redis://127.0.0.1:6379"
const prefix = `coupons-test-${process.pid}-${Date.now()}:`

const options = parseCouponPluginOptions({
  rate_limit: {
    failed_attempts_per_ip: { points: 4, duration_seconds: 60 },
    failed_attempts_per_cart: { points: 2, duration_seconds: 60 },
    failed_attempts_per_customer: { points: 3, duration_seconds: 60 },
  },
}).rate_limit

describe("failed code attempts counted in Redis", () => {
  const clients: Redis[] = []
  const failures: unknown[] = []

  /** A limiter with its own connection, as another server instance has. */
  const instance = async () => {
    const client = new Redis(REDIS_URL, { enableOfflineQueue: false, lazyConnect: true, maxRetriesPerRequest: 1 })
    clients.push(client)
    await client.connect()
    return new CouponAttemptLimiter(
      redisAttemptCounters(options, client, { redisPrefix: prefix, onStoreFailure: (error) => failures.push(error) })
    )
  }

  afterAll(async () => {
    const [cleaner] = clients
    const keys = await cleaner.keys(`${prefix}*`)
    if (keys.length) {
      await cleaner.del(...keys)
    }
    await Promise.all(clients.map((client) => client.quit()))
  })

  const failOnce = async (limiter: CouponAttemptLimiter, keys: Record<string, string>, refusal?: string) => {
    const reservation = await limiter.reserve(keys, { refusal })
    if (!reservation.allowed) {
      throw new Error(`refused: ${JSON.stringify(reservation)}`)
    }
    return reservation.failed()
  }

  it("should answer the failure after the cart's allowed ones 429, then refuse before lookup, on every instance", async () => {
    const one = await instance()
    const two = await instance()
    const keys = { ip: "192.0.2.1", cart: "cart_redis_1" }

    // instance one counts a failure (keeps the point), instance two another one: the cart's two allowed failures
    expect(await failOnce(one, keys)).toEqual({ over_limit: false })
    expect(await failOnce(two, keys)).toEqual({ over_limit: false })
    expect(await one.counts(keys)).toEqual({ ip: 2, cart: 2 })

    // the next attempt is still looked up (a right code would apply); failing, it is the one over the limit
    const last = await failOnce(one, keys)
    expect(last).toEqual({ over_limit: true, retry_after_seconds: expect.any(Number) })

    const refused = await two.reserve(keys)
    expect(refused).toEqual({ allowed: false, retry_after_seconds: expect.any(Number), limited_by: ["cart"] })
    expect(refused.allowed || refused.retry_after_seconds).toBeGreaterThan(0)
    expect(refused.allowed || refused.retry_after_seconds).toBeLessThanOrEqual(60)
    // the refused attempt gave back the point it took from the address
    expect((await one.counts(keys)).ip).toBe(3)

    // the keys are in Redis under the app's prefix
    const stored = await clients[0].keys(`${prefix}coupon_rate_limit:*`)
    expect(stored.sort()).toEqual([`${prefix}coupon_rate_limit:cart:cart_redis_1`, `${prefix}coupon_rate_limit:ip:192.0.2.1`])
    expect(failures).toEqual([])
  })

  it("should count a refusal asked again once, on every instance, and keep refusing once over the limit", async () => {
    const one = await instance()
    const two = await instance()
    const keys = { ip: "192.0.2.4", cart: "cart_redis_4" }

    expect(await failOnce(one, keys, "cart:cart_redis_4:typo")).toEqual({ over_limit: false })
    // the storefront asking the other instance why: nothing more is counted
    expect(await failOnce(two, keys, "cart:cart_redis_4:typo")).toEqual({ over_limit: false })
    expect(await one.counts(keys)).toEqual({ ip: 1, cart: 1 })

    expect(await failOnce(two, keys, "cart:cart_redis_4:typo-2")).toEqual({ over_limit: false })
    expect((await failOnce(one, keys, "cart:cart_redis_4:typo-3")).over_limit).toBe(true)
    // over the limit, asking again about an earlier refusal is refused too
    expect(await two.reserve(keys, { refusal: "cart:cart_redis_4:typo" })).toMatchObject({ allowed: false, limited_by: ["cart"] })
    expect(await clients[0].pttl(`${prefix}coupon_rate_limit:cart:cart_redis_1`)).toBeGreaterThan(0)
    expect(failures).toEqual([])
  })

  it("should give the point back for an attempt that did not fail", async () => {
    const limiter = await instance()
    const keys = { ip: "192.0.2.2", cart: "cart_redis_2", customer: "cus_redis_2" }

    for (let round = 0; round < 10; round++) {
      const reservation = await limiter.reserve(keys)
      expect(reservation.allowed).toBe(true)
      if (reservation.allowed) {
        await reservation.release()
      }
    }
    expect(await limiter.counts(keys)).toEqual({ ip: 0, cart: 0, customer: 0 })
  })

  it("should count parallel guesses atomically", async () => {
    const one = await instance()
    const two = await instance()
    const keys = { ip: "192.0.2.3" }

    const reservations = await Promise.all([...Array(12)].map((_, index) => (index % 2 ? one : two).reserve(keys)))

    // 4 failures allowed per address and one last look, however the guesses are spread over instances
    expect(reservations.filter((reservation) => reservation.allowed)).toHaveLength(5)
  })
})
