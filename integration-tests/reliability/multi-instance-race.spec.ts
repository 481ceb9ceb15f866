import type { Client } from "pg"
import type { StoreFixture } from "../http/fixtures/store"
import {
  Answer,
  cleanRedis,
  connect,
  dropDatabase,
  Instance,
  instanceEnv,
  killAll,
  migratedDatabase,
  percentile,
  request,
  sleep,
  startInstance,
} from "./lib/cluster"
import { cloneCart } from "../http/fixtures/clone-carts"

/*
 * The split shape of Medusa's production guide: two server instances
 * (workerMode "server": HTTP only) and one worker (workerMode "worker":
 * subscribers, scheduled jobs, background workflow steps) on one PostgreSQL
 * database, with Redis for the event bus, locking, the workflow engine and
 * caching. RACE_CARTS carts (default 1,000) carry one shared code
 * capped at 100 uses, and every cart is completed at the same moment, half on
 * each server. Exactly 100 orders may carry the discount.
 *
 * RACE_API_CARTS of them (default 20, ten on each server) are prepared through the store API on
 * both servers; the rest are SQL copies of the first (integration-tests/http/fixtures/clone-carts.ts), as
 * 1,000 carts through the API take about 10 minutes on 2 shared cores.
 */
const CARTS = Number(process.env.RACE_CARTS || 1000)
const API_CARTS = Math.min(CARTS, Number(process.env.RACE_API_CARTS || 20))
const LIMIT = Number(process.env.RACE_LIMIT || 100)
const PREPARE_CONCURRENCY = Number(process.env.RACE_PREPARE_CONCURRENCY || 16)
const CODE = "RACE-100"
const BATCH_SIZE = Number(process.env.SPLIT_BATCH_SIZE || 100_000)

// a guard against a hung run, not a speed target: 1,000 simultaneous completions on 2 shared cores took 13+ minutes here
jest.setTimeout(30 * 60_000)

const database = `coupons_rel_race_${process.pid}`
const namespace = `coupons-rel-race-${process.pid}-`
const log = (line: string) => process.stdout.write(`[race] ${line}\n`)
const seconds = (ms: number) => `${(ms / 1000).toFixed(1)} s`

describe("two servers and a worker: 1,000 carts with one code capped at 100, then the worker's share", () => {
  let servers: Instance[] = []
  let worker: Instance
  let store: StoreFixture
  let db: Client
  let couponId: string
  let discountedOrderIds: string[] = []
  // info: the worker's log lines are what shows where the background work ran; a stale batch resumes after 5 s
  // and open carts of an edited coupon are re-checked in the background, on the worker
  const base = { LOG_LEVEL: "info", COUPON_STALE_BATCH_SECONDS: "5", COUPON_OPEN_CARTS_REFRESH: "background" }
  const serverEnv = instanceEnv(database, namespace, { ...base, MEDUSA_WORKER_MODE: "server" })
  const workerEnv = instanceEnv(database, namespace, { ...base, MEDUSA_WORKER_MODE: "worker" })

  beforeAll(async () => {
    log(await migratedDatabase(database, serverEnv))
    // one after the other: each boot creates Medusa's default store when it is missing, and two
    // boots racing on a fresh database can both try (a duplicate price preference fails one)
    const first = await startInstance("server-a", serverEnv, { seed: true })
    servers = [first, await startInstance("server-b", serverEnv)]
    worker = await startInstance("worker-1", workerEnv)
    store = servers[0].fixture!
    log(`up: ${[...servers, worker].map((s) => `${s.name} ${s.baseUrl} (pid ${s.pid}, ${s.seconds.toFixed(1)} s)`).join(", ")}`)
    db = await connect(database)
  })

  afterAll(async () => {
    await db?.end().catch(() => {})
    await killAll()
    await dropDatabase(database).catch(() => {})
    await cleanRedis(namespace).catch(() => {})
  })

  const on = (index: number) => servers[index % servers.length].baseUrl

  const stepMs: Record<string, number[]> = {}

  /** One cart on server `index % 2`: items, addresses, shipping, the code, a payment session. */
  const prepareCart = async (index: number): Promise<string> => {
    const baseUrl = on(index)
    const headers = store.storeHeaders.headers
    const address = {
      first_name: "Sam",
      last_name: "Shopper",
      address_1: "1 Main St",
      city: "Springfield",
      postal_code: "12345",
      country_code: "us",
    }
    const expectOk = (step: string, answer: Answer) => {
      ;(stepMs[step] ??= []).push(answer.ms)
      if (answer.status !== 200) {
        throw new Error(`cart ${index}: ${step} → ${answer.status} ${JSON.stringify(answer.data).slice(0, 300)}`)
      }
      return answer.data
    }
    const { cart } = expectOk(
      "create",
      await request(
        baseUrl,
        "POST",
        "/store/carts",
        {
          region_id: store.regionId,
          sales_channel_id: store.salesChannelId,
          email: `race-${index}@example.com`,
          items: [{ variant_id: store.variantId, quantity: 1 }],
          shipping_address: address,
          billing_address: address,
        },
        headers
      )
    )
    expectOk(
      "shipping",
      await request(baseUrl, "POST", `/store/carts/${cart.id}/shipping-methods`, { option_id: store.shippingOptionId }, headers)
    )
    expectOk("code", await request(baseUrl, "POST", `/store/carts/${cart.id}/coupons`, { code: CODE }, headers))
    const { payment_collection } = expectOk(
      "payment collection",
      await request(baseUrl, "POST", "/store/payment-collections", { cart_id: cart.id }, headers)
    )
    expectOk(
      "payment session",
      await request(
        baseUrl,
        "POST",
        `/store/payment-collections/${payment_collection.id}/payment-sessions`,
        { provider_id: "pp_system_default" },
        headers
      )
    )
    return cart.id
  }

  it("should let exactly 100 checkouts redeem the code, refuse the rest with a 400 and leave counters equal to the ledger", async () => {
    const { status, data } = await request(
      servers[0].baseUrl,
      "POST",
      "/admin/coupons",
      {
        name: "Race",
        status: "active",
        discount_type: "percentage",
        discount_value: 10,
        usage_limit: LIMIT,
        usage_limit_per_customer: null,
        code: CODE,
        code_usage_limit: LIMIT,
      },
      store.adminHeaders.headers
    )
    expect({ status, data }).toEqual({ status: 200, data: expect.objectContaining({ coupon: expect.any(Object) }) })
    couponId = data.coupon.id

    // prepare the carts, PREPARE_CONCURRENCY at a time, alternating servers
    let started = Date.now()
    const apiCartIds: string[] = new Array(API_CARTS)
    let next = 0
    await Promise.all(
      Array.from({ length: PREPARE_CONCURRENCY }, async () => {
        for (let index = next++; index < API_CARTS; index = next++) {
          apiCartIds[index] = await prepareCart(index)
        }
      })
    )
    const prepareMs = Date.now() - started
    log(
      `prepared ${API_CARTS} carts through the API (5 store requests each, ${PREPARE_CONCURRENCY} at a time, both servers) in ${seconds(prepareMs)}: ${((API_CARTS * 5) / (prepareMs / 1000)).toFixed(1)} requests/s, ${(API_CARTS / (prepareMs / 1000)).toFixed(2)} carts/s`
    )
    started = Date.now()
    const copies = await cloneCart(db, apiCartIds[0], CARTS - API_CARTS)
    log(`copied cart ${apiCartIds[0]} ${copies.length} times in SQL in ${seconds(Date.now() - started)}`)
    const cartIds = [...apiCartIds, ...copies]

    log(
      `  per request p50/p95: ${Object.entries(stepMs)
        .map(([step, ms]) => `${step} ${percentile(ms, 50)}/${percentile(ms, 95)} ms`)
        .join(", ")}`
    )

    // every completion at the same moment, cart i on server i % 2
    started = Date.now()
    const outcomes = await Promise.all(
      cartIds.map(async (cartId, index) => ({
        cartId,
        server: index % servers.length,
        origin: index < API_CARTS ? "api" : "copy",
        ...(await request(on(index), "POST", `/store/carts/${cartId}/complete`, {}, store.storeHeaders.headers)),
      }))
    )
    const completeMs = Date.now() - started
    const latencies = outcomes.map((outcome) => outcome.ms)

    const summary: Record<string, number> = {}
    for (const outcome of outcomes) {
      const key =
        outcome.status === 200 && outcome.data?.type === "order"
          ? `200 order ${outcome.data.order.discount_total ? "with" : "without"} discount (server ${outcome.server}, ${outcome.origin} cart)`
          : `${outcome.status} ${outcome.data?.type}/${outcome.data?.code} (${outcome.origin} cart): ${String(outcome.data?.message).slice(0, 120)}`
      summary[key] = (summary[key] ?? 0) + 1
    }
    log(
      `completed ${CARTS} carts at once in ${seconds(completeMs)}: p50 ${seconds(percentile(latencies, 50))}, p95 ${seconds(percentile(latencies, 95))}, max ${seconds(Math.max(...latencies))}`
    )
    for (const [key, count] of Object.entries(summary).sort()) {
      log(`  ${String(count).padStart(5)}  ${key}`)
    }

    // every answer is an order or a shopper-facing limit reason: no 500, no lock conflict, no dropped connection
    const unexpected = outcomes.filter(
      (outcome) =>
        !(outcome.status === 200 && outcome.data?.type === "order") &&
        !(
          outcome.status === 400 &&
          outcome.data?.type === "not_allowed" &&
          ["usage_limit_reached", "code_usage_limit_reached"].includes(outcome.data?.code)
        )
    )
    expect({ unexpected: unexpected.length, summary }).toEqual({ unexpected: 0, summary })

    const orders = outcomes.filter((outcome) => outcome.status === 200)
    const discounted = orders.filter((outcome) => outcome.data.order.discount_total)
    discountedOrderIds = discounted.map((outcome) => outcome.data.order.id)
    const refused = outcomes.filter((outcome) => outcome.status === 400)
    // a cart that was refused is not an order; one that was not refused kept its code
    expect({ discounted: discounted.length, undiscounted: orders.length - discounted.length, refused: refused.length }).toEqual({
      discounted: LIMIT,
      undiscounted: 0,
      refused: CARTS - LIMIT,
    })
    // both servers redeemed some (the race really crossed processes)
    expect(new Set(discounted.map((outcome) => outcome.server)).size).toBe(servers.length)

    const counters = await db.query(
      `SELECT c.usage_count AS coupon_usage, cc.usage_count AS code_usage,
              (SELECT count(*)::int FROM coupon_redemption r WHERE r.coupon_id = c.id AND r.status = 'redeemed' AND r.deleted_at IS NULL) AS redeemed,
              (SELECT count(*)::int FROM coupon_redemption r WHERE r.coupon_id = c.id) AS ledger_rows
       FROM coupon c JOIN coupon_code cc ON cc.coupon_id = c.id WHERE c.id = $1`,
      [couponId]
    )
    log(`counters: ${JSON.stringify(counters.rows[0])}`)
    expect(counters.rows[0]).toEqual({ coupon_usage: LIMIT, code_usage: LIMIT, redeemed: LIMIT, ledger_rows: LIMIT })

    // the ledger's orders are exactly the discounted orders, and they exist
    const ledger = await db.query(
      `SELECT r.order_id, r.cart_id, o.id IS NOT NULL AS order_exists
       FROM coupon_redemption r LEFT JOIN "order" o ON o.id = r.order_id AND o.deleted_at IS NULL
       WHERE r.coupon_id = $1`,
      [couponId]
    )
    expect(ledger.rows.every((row) => row.order_exists)).toBe(true)
    expect(new Set(ledger.rows.map((row) => row.order_id))).toEqual(new Set(discounted.map((outcome) => outcome.data.order.id)))

    // refused carts were not turned into orders and stay open (the shopper can drop the code and pay full price)
    const orderCount = await db.query(`SELECT count(*)::int AS count FROM "order" WHERE deleted_at IS NULL`)
    expect(orderCount.rows[0].count).toBe(orders.length)
    const refusedCarts = await db.query(`SELECT count(*)::int AS open FROM cart WHERE id = ANY($1::text[]) AND completed_at IS NULL`, [
      refused.map((outcome) => outcome.cartId),
    ])
    expect(refusedCarts.rows[0].open).toBe(refused.length)

    // a refused cart without the code checks out at full price
    const [retry] = refused
    const headers = store.storeHeaders.headers
    const removed = await request(on(retry.server), "DELETE", `/store/carts/${retry.cartId}/coupons/${CODE}`, undefined, headers)
    expect(removed.status).toBe(200)
    // the total changed: the payment collection follows the cart, the session is made again
    const { data: retryCart } = await request(
      on(retry.server),
      "GET",
      `/store/carts/${retry.cartId}?fields=*payment_collection`,
      undefined,
      headers
    )
    await request(
      on(retry.server),
      "POST",
      `/store/payment-collections/${retryCart.cart.payment_collection.id}/payment-sessions`,
      { provider_id: "pp_system_default" },
      headers
    )
    const completed = await request(on(retry.server), "POST", `/store/carts/${retry.cartId}/complete`, {}, headers)
    if (completed.status !== 200) {
      log(`retry: ${completed.status} ${JSON.stringify(completed.data)}`)
    }
    expect({ status: completed.status, type: completed.data?.type, discount_total: completed.data?.order?.discount_total }).toEqual({
      status: 200,
      type: "order",
      discount_total: 0,
    })
    log(`a refused cart, code removed, completed at full price: order ${completed.data.order.id} total ${completed.data.order.total}`)
  })

  const admin = async (server: Instance, method: string, url: string, body?: unknown) => {
    const answer = await request(server.baseUrl, method, url, body, store.adminHeaders.headers)
    if (answer.status < 200 || answer.status > 299) {
      throw new Error(`${method} ${url} → ${answer.status} ${JSON.stringify(answer.data).slice(0, 300)}`)
    }
    return answer.data
  }

  const until = async <T>(what: string, read: () => Promise<T>, done: (value: T) => boolean, timeoutMs = 120_000): Promise<T> => {
    const deadline = Date.now() + timeoutMs
    for (;;) {
      const value = await read()
      if (done(value) || Date.now() > deadline) {
        if (!done(value)) {
          throw new Error(`${what}: still ${JSON.stringify(value)} after ${timeoutMs / 1000} s`)
        }
        return value
      }
      await sleep(250)
    }
  }

  /**
   * Which instances wrote a line: the worker's share of the work is in the worker's log only.
   * Waits for the first one, as the subscribers and jobs log after the change the test waits
   * for, and their output reaches this process later still.
   */
  const whoLogged = async (text: string, instances: Instance[] = [...servers, worker]) => {
    const names = async () => instances.filter((instance) => instance.log().includes(text)).map((instance) => instance.name)
    await until(`the log line "${text}"`, names, (found) => found.length > 0, 30_000)
    // a moment for a second instance that logged it too, which the assertion then names
    await sleep(500)
    return names()
  }

  it("should give usage back on the worker when an order is canceled or all its units come back", async () => {
    const [canceled, returned] = discountedOrderIds
    const redemption = (orderId: string) =>
      db
        .query(`SELECT status, usage_released_at IS NOT NULL AS released FROM coupon_redemption WHERE order_id = $1`, [orderId])
        .then((r) => r.rows[0])

    await admin(servers[1], "POST", `/admin/orders/${canceled}/cancel`)
    expect(
      await until(
        "cancel",
        () => redemption(canceled),
        (row) => row.status === "reverted"
      )
    ).toEqual({ status: "reverted", released: true })

    const { order } = await admin(servers[0], "GET", `/admin/orders/${returned}?fields=id,items.id,payment_collections.payments.id`)
    // each race cart holds one unit
    const item = { id: order.items[0].id as string, quantity: 1 }
    await admin(servers[0], "POST", `/admin/payments/${order.payment_collections[0].payments[0].id}/capture`)
    await admin(servers[1], "POST", `/admin/orders/${returned}/fulfillments`, { items: [{ id: item.id, quantity: item.quantity }] })
    const { return: created } = await admin(servers[0], "POST", "/admin/returns", { order_id: returned })
    await admin(servers[1], "POST", `/admin/returns/${created.id}/request-items`, { items: [{ id: item.id, quantity: item.quantity }] })
    await admin(servers[0], "POST", `/admin/returns/${created.id}/request`)
    await admin(servers[1], "POST", `/admin/returns/${created.id}/receive`)
    await admin(servers[0], "POST", `/admin/returns/${created.id}/receive-items`, { items: [{ id: item.id, quantity: item.quantity }] })
    await admin(servers[1], "POST", `/admin/returns/${created.id}/receive/confirm`)
    expect(
      await until(
        "return",
        () => redemption(returned),
        (row) => row.status === "returned"
      )
    ).toEqual({ status: "returned", released: true })

    const counters = await db.query(
      `SELECT c.usage_count AS coupon_usage, cc.usage_count AS code_usage,
              (SELECT count(*)::int FROM coupon_redemption r WHERE r.coupon_id = c.id AND r.usage_released_at IS NULL) AS counted
       FROM coupon c JOIN coupon_code cc ON cc.coupon_id = c.id WHERE c.id = $1`,
      [couponId]
    )
    expect(counters.rows[0]).toEqual({ coupon_usage: LIMIT - 2, code_usage: LIMIT - 2, counted: LIMIT - 2 })
    expect(await whoLogged(`order ${canceled} canceled`)).toEqual(["worker-1"])
    expect(await whoLogged(`order ${returned} after order.return_received`)).toEqual(["worker-1"])
  })

  it("should fill a batch on the worker, finish it on the next worker after a kill, and send distributed codes from it", async () => {
    const { coupon } = await admin(servers[0], "POST", "/admin/coupons", {
      name: "Split batch",
      status: "active",
      discount_type: "percentage",
      discount_value: 5,
    })
    const { batch } = await admin(servers[1], "POST", `/admin/coupons/${coupon.id}/code-batches`, { count: BATCH_SIZE })
    const progress = async () =>
      (
        await db.query(
          `SELECT b.status, b.generated_count,
                  (SELECT count(*)::int FROM coupon_code c WHERE c.batch_id = b.id AND c.deleted_at IS NULL) AS live_rows
           FROM coupon_code_batch b WHERE b.id = $1`,
          [batch.id]
        )
      ).rows[0]
    await until("first chunk", progress, (state) => state.generated_count > 0)
    const victim = worker
    victim.child.kill("SIGKILL")
    await victim.exited
    const atKill = await progress()
    log(`killed ${victim.name} (pid ${victim.pid}) mid-batch: ${JSON.stringify(atKill)}`)
    expect(atKill).toMatchObject({ status: "running" })
    expect(atKill.generated_count).toBeLessThan(BATCH_SIZE)
    expect(atKill.live_rows).toBe(atKill.generated_count)
    expect(await whoLogged(`Coupon code batch ${batch.id}: generating codes on this instance`)).toEqual([victim.name])

    // the servers never take it over: only the next worker's resume job does
    await sleep(8_000)
    expect((await progress()).generated_count).toBe(atKill.generated_count)
    worker = await startInstance("worker-2", workerEnv)
    const done = await until("resumed batch", progress, (state) => state.status === "completed", 240_000)
    expect(done).toEqual({ status: "completed", generated_count: BATCH_SIZE, live_rows: BATCH_SIZE })
    const { rows: duplicates } = await db.query(
      `SELECT code FROM coupon_code WHERE deleted_at IS NULL GROUP BY code HAVING count(*) > 1 LIMIT 5`
    )
    expect(duplicates).toEqual([])
    expect(await whoLogged(`Resuming coupon code batch ${batch.id}`, [...servers, victim, worker])).toEqual(["worker-2"])
    expect(await whoLogged(`Coupon code batch ${batch.id}: completed`, [...servers, victim, worker])).toEqual(["worker-2"])

    const emails = ["split-1@example.com", "split-2@example.com", "split-3@example.com"]
    const { distribution } = await admin(servers[0], "POST", `/admin/coupons/${coupon.id}/distributions`, { emails, batch_id: batch.id })
    const sent = () =>
      db
        .query(`SELECT count(*)::int AS n FROM notification WHERE resource_type = 'coupon_code' AND "to" = ANY($1::text[])`, [emails])
        .then((r) => r.rows[0].n as number)
    expect(await until("notifications", sent, (n) => n === emails.length)).toBe(emails.length)
    expect(await whoLogged(`of distribution ${distribution.id} sent to its recipient`)).toEqual(["worker-2"])
  })

  it("should re-check an edited coupon's open carts on the worker", async () => {
    const { coupon } = await admin(servers[0], "POST", "/admin/coupons", {
      name: "Split edit",
      status: "active",
      discount_type: "percentage",
      discount_value: 50,
      usage_limit_per_customer: null,
      code: "SPLIT-EDIT",
    })
    const headers = store.storeHeaders.headers
    const created = await request(
      servers[1].baseUrl,
      "POST",
      "/store/carts",
      {
        region_id: store.regionId,
        sales_channel_id: store.salesChannelId,
        email: "edit@example.com",
        items: [{ variant_id: store.variantId, quantity: 1 }],
      },
      headers
    )
    const cartId = created.data.cart.id as string
    expect((await request(servers[1].baseUrl, "POST", `/store/carts/${cartId}/coupons`, { code: "SPLIT-EDIT" }, headers)).status).toBe(200)
    const discount = async () =>
      (await request(servers[0].baseUrl, "GET", `/store/carts/${cartId}?fields=+discount_subtotal`, undefined, headers)).data.cart
        .discount_subtotal as number
    expect(await discount()).toBe(50)

    await admin(servers[1], "POST", `/admin/coupons/${coupon.id}`, { discount_value: 10 })
    expect(await until("the cart follows the edit", discount, (value) => value === 10, 60_000)).toBe(10)
    expect(await whoLogged(`open cart(s) of coupon ${coupon.id} re-checked`)).toEqual([worker.name])
  })
})
