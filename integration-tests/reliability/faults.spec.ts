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
  request,
  sleep,
  startInstance,
} from "./lib/cluster"

/*
 * Faults under two real server processes on one database (Redis event bus,
 * locking and workflow engine): a PostgreSQL connection killed while it
 * redeems a code, and a server process killed while it generates a batch.
 */
jest.setTimeout(10 * 60_000)

const database = `coupons_rel_faults_${process.pid}`
const namespace = `coupons-rel-faults-${process.pid}-`
const STALE_BATCH_SECONDS = 10
const BATCH_SIZE = Number(process.env.FAULTS_BATCH_SIZE || 200_000)
const log = (line: string) => process.stdout.write(`[faults] ${line}\n`)

describe("faults with two server instances", () => {
  let servers: Instance[] = []
  let store: StoreFixture
  let db: Client
  // info: the log line of the instance that fills a batch names the one to kill
  const env = instanceEnv(database, namespace, { COUPON_STALE_BATCH_SECONDS: String(STALE_BATCH_SECONDS), LOG_LEVEL: "info" })

  beforeAll(async () => {
    log(await migratedDatabase(database, env))
    // one after the other: each boot creates Medusa's default store when it is missing, and two
    // boots racing on a fresh database can both try (a duplicate price preference fails one)
    const first = await startInstance("server-a", env, { seed: true })
    servers = [first, await startInstance("server-b", env)]
    store = servers[0].fixture!
    db = await connect(database)
  })

  afterAll(async () => {
    await db?.end().catch(() => {})
    await killAll()
    await dropDatabase(database).catch(() => {})
    await cleanRedis(namespace).catch(() => {})
  })

  const admin = (server: Instance, method: string, url: string, body?: unknown) =>
    request(server.baseUrl, method, url, body, store.adminHeaders.headers)
  const storeCall = (server: Instance, method: string, url: string, body?: unknown) =>
    request(server.baseUrl, method, url, body, store.storeHeaders.headers)

  const expectOk = (what: string, answer: Answer) => {
    if (answer.status < 200 || answer.status > 299) {
      throw new Error(`${what} → ${answer.status} ${JSON.stringify(answer.data).slice(0, 300)}`)
    }
    return answer.data
  }

  const createCoupon = async (code: string, usageLimit: number | null) =>
    expectOk(
      "create coupon",
      await admin(servers[0], "POST", "/admin/coupons", {
        name: `Coupon ${code}`,
        status: "active",
        discount_type: "percentage",
        discount_value: 10,
        usage_limit: usageLimit,
        usage_limit_per_customer: null,
        ...(code ? { code } : {}),
      })
    ).coupon as { id: string }

  const paymentSession = async (server: Instance, cartId: string) => {
    const { payment_collection } = expectOk(
      "payment collection",
      await storeCall(server, "POST", "/store/payment-collections", { cart_id: cartId })
    )
    expectOk(
      "payment session",
      await storeCall(server, "POST", `/store/payment-collections/${payment_collection.id}/payment-sessions`, {
        provider_id: "pp_system_default",
      })
    )
  }

  const prepareCart = async (server: Instance, email: string, code: string) => {
    const address = {
      first_name: "Sam",
      last_name: "Shopper",
      address_1: "1 Main St",
      city: "Springfield",
      postal_code: "12345",
      country_code: "us",
    }
    const { cart } = expectOk(
      "create cart",
      await storeCall(server, "POST", "/store/carts", {
        region_id: store.regionId,
        sales_channel_id: store.salesChannelId,
        email,
        items: [{ variant_id: store.variantId, quantity: 1 }],
        shipping_address: address,
        billing_address: address,
      })
    )
    expectOk("shipping", await storeCall(server, "POST", `/store/carts/${cart.id}/shipping-methods`, { option_id: store.shippingOptionId }))
    expectOk("code", await storeCall(server, "POST", `/store/carts/${cart.id}/coupons`, { code }))
    await paymentSession(server, cart.id)
    return cart.id as string
  }

  describe("a PostgreSQL connection terminated while it redeems", () => {
    it("should leave no half-written redemption, and the checkout can be retried", async () => {
      const CARTS = 6
      const coupon = await createCoupon("KILLED-CONN", 100)
      const carts = await Promise.all(
        Array.from({ length: CARTS }, (_, index) => prepareCart(servers[index % 2], `killed-${index}@example.com`, "KILLED-CONN"))
      )

      // hold the coupon row (FOR NO KEY UPDATE: the ledger's foreign key check
      // still passes): every redemption inserts its ledger row, bumps the code's
      // counter and then waits for the coupon's counter (or for the code row,
      // behind the first one); those waiting backends are terminated
      const holder = await connect(database, "reliability-lock-holder")
      await holder.query("BEGIN")
      await holder.query("SELECT id FROM coupon WHERE id = $1 FOR NO KEY UPDATE", [coupon.id])
      const terminated: { pid: number; query: string }[] = []
      let completing = true
      const killer = (async () => {
        while (completing) {
          // redeemCodes sets lock_timeout 5 s: terminate well before that
          const { rows } = await db.query(
            `SELECT pid, query, pg_terminate_backend(pid) AS terminated FROM pg_stat_activity
             WHERE datname = current_database() AND pid <> pg_backend_pid()
               AND wait_event_type = 'Lock' AND query ILIKE '%coupon%'
               AND application_name NOT LIKE 'reliability-%'
               AND now() - state_change > interval '300 milliseconds'`
          )
          terminated.push(...rows.map(({ pid, query }) => ({ pid, query: query.replace(/\s+/g, " ").slice(0, 80) })))
          await sleep(100)
        }
      })()
      const outcomes = await Promise.all(
        carts.map((cartId, index) => storeCall(servers[index % 2], "POST", `/store/carts/${cartId}/complete`, {}))
      )
      completing = false
      await killer
      await holder.query("ROLLBACK")
      await holder.end()

      log(`terminated ${terminated.length} backends: ${[...new Set(terminated.map((t) => t.query))].join(" | ")}`)
      for (const [index, outcome] of outcomes.entries()) {
        log(
          `  cart ${index}: ${outcome.status} ${outcome.data?.type} ${outcome.data?.code ?? ""} ${String(outcome.data?.message ?? outcome.data?.order?.id).slice(0, 140)}`
        )
      }
      expect(terminated.length).toBeGreaterThan(0)

      const invariants = async () => {
        const { rows: ledger } = await db.query(
          `SELECT r.cart_id, r.order_id, r.status, o.id IS NOT NULL AS order_exists
           FROM coupon_redemption r LEFT JOIN "order" o ON o.id = r.order_id AND o.deleted_at IS NULL
           WHERE r.coupon_id = $1 AND r.deleted_at IS NULL`,
          [coupon.id]
        )
        const {
          rows: [counters],
        } = await db.query(
          `SELECT c.usage_count AS coupon_usage, cc.usage_count AS code_usage FROM coupon c JOIN coupon_code cc ON cc.coupon_id = c.id WHERE c.id = $1`,
          [coupon.id]
        )
        const { rows: orders } = await db.query(
          `SELECT oc.cart_id, o.id, o.deleted_at IS NULL AS live FROM "order" o JOIN order_cart oc ON oc.order_id = o.id
           WHERE oc.cart_id = ANY($1::text[]) AND oc.deleted_at IS NULL`,
          [carts]
        )
        const { rows: cartRows } = await db.query(`SELECT id, completed_at IS NOT NULL AS completed FROM cart WHERE id = ANY($1::text[])`, [
          carts,
        ])
        return { ledger, counters, orders, cartRows }
      }

      let state = await invariants()
      log(
        `after the kills: ledger ${state.ledger.length} rows, counters ${JSON.stringify(state.counters)}, orders ${state.orders.filter((o) => o.live).length}, completed carts ${state.cartRows.filter((c) => c.completed).length}`
      )
      // no half-written redemption: every ledger row is redeemed for a live order, and the counters are the ledger
      expect(state.ledger.every((row) => row.status === "redeemed" && row.order_exists)).toBe(true)
      expect(state.counters).toEqual({ coupon_usage: state.ledger.length, code_usage: state.ledger.length })
      // every checkout completed fully (order, ledger row) or left nothing behind (no live order, open cart)
      for (const cartId of carts) {
        const completed = state.cartRows.find((row) => row.id === cartId)!.completed
        const liveOrders = state.orders.filter((row) => row.cart_id === cartId && row.live).length
        const ledgerRows = state.ledger.filter((row) => row.cart_id === cartId).length
        expect({ cartId, completed, liveOrders, ledgerRows }).toEqual(
          completed ? { cartId, completed, liveOrders: 1, ledgerRows: 1 } : { cartId, completed, liveOrders: 0, ledgerRows: 0 }
        )
      }

      // the checkouts that did not complete go through when retried
      const open = carts.filter((cartId) => !state.cartRows.find((row) => row.id === cartId)!.completed)
      log(`retrying ${open.length} open carts`)
      for (const cartId of open) {
        const server = servers[carts.indexOf(cartId) % 2]
        let retried = await storeCall(server, "POST", `/store/carts/${cartId}/complete`, {})
        if (retried.status !== 200) {
          // the session may have to be made again after the failed attempt
          log(`  retry of ${cartId}: ${retried.status} ${retried.data?.message}; new payment session`)
          await paymentSession(server, cartId)
          retried = await storeCall(server, "POST", `/store/carts/${cartId}/complete`, {})
        }
        expect({ status: retried.status, type: retried.data?.type, discount: retried.data?.order?.discount_total > 0 }).toEqual({
          status: 200,
          type: "order",
          discount: true,
        })
      }
      state = await invariants()
      expect(state.ledger).toHaveLength(CARTS)
      expect(state.ledger.every((row) => row.status === "redeemed" && row.order_exists)).toBe(true)
      expect(state.counters).toEqual({ coupon_usage: CARTS, code_usage: CARTS })
      expect(state.orders.filter((row) => row.live)).toHaveLength(CARTS)
      log(
        `after retries: ledger ${state.ledger.length}, counters ${JSON.stringify(state.counters)}, live orders ${state.orders.filter((o) => o.live).length}`
      )
    })
  })

  describe("a server process killed (SIGKILL) while it generates a code batch", () => {
    it("should resume the batch on the remaining servers without duplicating a code", async () => {
      const coupon = await createCoupon("", null)
      const started = Date.now()
      const { batch } = expectOk(
        "start batch",
        await admin(servers[1], "POST", `/admin/coupons/${coupon.id}/code-batches`, { count: BATCH_SIZE })
      )
      const progress = async () =>
        (
          await db.query(
            `SELECT b.status, b.requested_count, b.generated_count, b.error,
                    (SELECT count(*)::int FROM coupon_code c WHERE c.batch_id = b.id AND c.deleted_at IS NULL) AS live_rows,
                    (SELECT count(*)::int FROM coupon_code c WHERE c.batch_id = b.id) AS all_rows
             FROM coupon_code_batch b WHERE b.id = $1`,
            [batch.id]
          )
        ).rows[0]

      let before = await progress()
      while (before.generated_count === 0 && Date.now() - started < 120_000) {
        await sleep(50)
        before = await progress()
      }
      // the instance whose subscriber took the batch (either: the event bus hands it to one)
      const victimIndex = servers.findIndex((server) => server.logged(`Coupon code batch ${batch.id}: generating codes on this instance`))
      expect(victimIndex).toBeGreaterThanOrEqual(0)
      const victim = servers[victimIndex]
      victim.child.kill("SIGKILL")
      await victim.exited
      const atKill = await progress()
      log(
        `killed ${victim.name} (pid ${victim.pid}) ${((Date.now() - started) / 1000).toFixed(1)} s after the start: ${JSON.stringify(atKill)}`
      )
      expect(atKill.generated_count).toBeGreaterThan(0)
      expect(atKill.generated_count).toBeLessThan(BATCH_SIZE)
      expect(atKill.status).toBe("running")
      // the committed chunks are all there: the count moved with the rows
      expect(atKill.live_rows).toBe(atKill.generated_count)

      // a server comes back; the resume job (every minute, stale after
      // STALE_BATCH_SECONDS) of either instance takes the batch over
      const restarted = await startInstance(`${victim.name}-restarted`, env)
      servers[victimIndex] = restarted
      const killedAt = Date.now()
      let after = atKill
      while (["pending", "running"].includes(after.status) && Date.now() - killedAt < 240_000) {
        await sleep(1000)
        after = await progress()
      }
      log(`${((Date.now() - killedAt) / 1000).toFixed(1)} s after the kill: ${JSON.stringify(after)}`)

      const { rows: duplicates } = await db.query(
        `SELECT code, count(*)::int FROM coupon_code WHERE deleted_at IS NULL GROUP BY code HAVING count(*) > 1 LIMIT 5`
      )
      expect(duplicates).toEqual([])
      expect(["completed", "failed"]).toContain(after.status)
      if (after.status === "completed") {
        expect(after).toMatchObject({ requested_count: BATCH_SIZE, generated_count: BATCH_SIZE, live_rows: BATCH_SIZE })
      } else {
        // a failed batch keeps no live codes but those already redeemed (none here)
        expect(after.live_rows).toBe(after.generated_count)
      }
      // the admin API of the restarted server reports the same
      const { batch: reported } = expectOk("batch", await admin(restarted, "GET", `/admin/coupons/${coupon.id}/code-batches/${batch.id}`))
      expect({ status: reported.status, generated_count: reported.generated_count }).toEqual({
        status: after.status,
        generated_count: after.generated_count,
      })
    })
  })
})
