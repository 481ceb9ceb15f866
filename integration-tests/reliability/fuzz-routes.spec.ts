import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import type { Knex } from "@medusajs/framework/mikro-orm/knex"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import fc from "fast-check"
import { isDeepStrictEqual } from "node:util"
import { applyCode, completeCart, createCart } from "../http/fixtures/checkout"
import { createCoupon } from "../http/fixtures/coupons"
import { createStoreFixture, StoreFixture } from "../http/fixtures/store"

jest.setTimeout(600_000)

/*
 * Thousands of malformed requests against every store and admin coupon route:
 * none may answer 5xx, every error must be JSON in Medusa's shape
 * ({ type, message }), no bad request may be accepted by a route that writes,
 * and the coupon tables must be exactly as before.
 */
const REQUESTS = Number(process.env.FUZZ_REQUESTS ?? 10_500)
const IN_FLIGHT = 8
const SEED = Number(process.env.FUZZ_SEED ?? Date.now() % 1_000_000)

type Ids = { coupon: string; code: string; codeText: string; batch: string; cart: string; appliedCart: string }
type Route = {
  methods: string[]
  path: string
  /** true when a 2xx from this route would have changed data */
  writes: (method: string) => boolean
  body?: (ids: Ids) => Record<string, unknown>
  /** its bodies can never succeed on real ids (codes nobody holds): fuzzed in depth there */
  safeWithRealIds?: boolean
  query?: string[]
}

// every route under src/api (kept in step by the "lists every route" test below)
const ROUTES: Route[] = [
  { methods: ["POST"], path: "/store/coupons/validate", writes: () => false, body: (ids) => ({ code: ids.codeText, cart_id: ids.cart }) },
  {
    methods: ["POST"],
    path: "/store/carts/:cart/coupons",
    writes: () => true,
    safeWithRealIds: true,
    body: () => ({ code: "NOT-A-CODE" }),
  },
  { methods: ["DELETE"], path: "/store/carts/:cart/coupons/:codeText", writes: () => true },
  {
    methods: ["GET", "POST"],
    path: "/admin/coupons",
    writes: (method) => method === "POST",
    body: () => ({
      name: "Fuzz",
      discount_type: "percentage",
      discount_value: 10,
      status: "active",
      code: "FUZZ-NEW",
      ends_at: "2030-01-01",
    }),
    query: ["limit", "offset", "order", "fields", "q", "status", "discount_type", "created_at", "ends_at"],
  },
  { methods: ["GET"], path: "/admin/coupons/stats", writes: () => false, query: ["from", "to", "fields"] },
  {
    methods: ["GET", "POST", "DELETE"],
    path: "/admin/coupons/:coupon",
    writes: (method) => method !== "GET",
    body: () => ({ name: "Renamed", discount_value: 20, starts_at: "2020-01-01" }),
    query: ["fields"],
  },
  { methods: ["POST"], path: "/admin/coupons/:coupon/duplicate", writes: () => true, query: ["fields"] },
  { methods: ["GET"], path: "/admin/coupons/:coupon/stats", writes: () => false, query: ["from", "to"] },
  {
    methods: ["GET", "POST"],
    path: "/admin/coupons/:coupon/codes",
    writes: (method) => method === "POST",
    body: () => ({ codes: [{ code: "FUZZ-ADDED", usage_limit: 1, expires_at: "2030-01-01" }] }),
    query: ["limit", "offset", "order", "fields", "q", "status", "code"],
  },
  { methods: ["GET"], path: "/admin/coupons/:coupon/codes/export", writes: () => false, query: ["status", "q", "fields"] },
  {
    methods: ["POST"],
    path: "/admin/coupons/:coupon/codes/import",
    writes: () => true,
    body: () => ({ csv: "code,expires_at\nFUZZ-IMPORTED,2030-01-01\n" }),
  },
  {
    methods: ["POST", "DELETE"],
    path: "/admin/coupons/:coupon/codes/:code",
    writes: () => true,
    body: () => ({ status: "disabled", expires_at: "2030-01-01" }),
    query: ["fields"],
  },
  {
    methods: ["POST"],
    path: "/admin/coupons/:coupon/code-batches",
    writes: () => true,
    body: () => ({ count: 5, prefix: "FZ", expires_at: "2030-01-01" }),
  },
  { methods: ["GET"], path: "/admin/coupons/:coupon/code-batches", writes: () => false, query: ["limit", "offset", "order", "fields"] },
  { methods: ["GET"], path: "/admin/coupons/:coupon/code-batches/:batch", writes: () => false, query: ["fields"] },
  // deletes a hashed batch's plain codes: only ever sent to ids of nothing
  { methods: ["POST"], path: "/admin/coupons/:coupon/code-batches/:batch/codes/confirm", writes: () => true },
  // the fuzzed batch is not hashed: its plain-codes download always refuses
  { methods: ["GET"], path: "/admin/coupons/:coupon/code-batches/:batch/codes", writes: () => false },
  {
    methods: ["GET"],
    path: "/admin/coupons/:coupon/redemptions",
    writes: () => false,
    query: [
      "limit",
      "offset",
      "order",
      "fields",
      "q",
      "from",
      "to",
      "code",
      "customer_id",
      "order_id",
      "created_at[gte]",
      "created_at[$lt]",
    ],
  },
  {
    methods: ["GET"],
    path: "/admin/coupons/:coupon/redemptions/export",
    writes: () => false,
    query: ["from", "to", "code", "created_at[lte]", "email"],
  },
  {
    methods: ["GET", "POST"],
    path: "/admin/coupons/:coupon/distributions",
    writes: (method) => method === "POST",
    body: (ids) => ({ emails: ["fuzz-recipient@example.com"], batch_id: ids.batch }),
    query: ["limit", "offset", "order", "fields"],
  },
]

const FRAGMENTS = [
  "' OR 1=1 --",
  "'; DROP TABLE coupon; --",
  '" OR ""="',
  ";DROP",
  "1; SELECT pg_sleep(5)",
  "<script>alert(1)</script>",
  "${7*7}",
  "{{7*7}}",
  "../../etc/passwd",
  "%00",
  "\u0000",
  "\u202e",
  "\ud800",
  "𝔘𝔫𝔦𝔠𝔬𝔡𝔢",
  "🎟️💥",
  "NaN",
  "Infinity",
  "-1",
  "0",
  "1e309",
  "null",
  "undefined",
  "true",
  "[]",
  "{}",
  "__proto__",
  "constructor",
  "*",
  "-created_at",
  "created_at;DROP",
  "+coupon.*",
  "*promotion",
  "coupon_codes.*",
  "9999999999999999999999",
  "2026-13-45",
  "1970-01-01T00:00:00Z",
  " ",
]

/** Dates PostgreSQL cannot take as written (years outside 1..9999), as text and as milliseconds. */
const BAD_DATES = ["99999-01-01", "+010000-01-01T00:00:00Z", "0000-01-01", "-000001-01-01T00:00:00Z", "253402300800000", "-62198755200000"]
const badDate = fc.oneof(fc.constantFrom(...BAD_DATES), fc.constantFrom(253402300800000, -62198755200000, 8.64e15, -8.64e15))

/** Text with a NUL character somewhere inside (PostgreSQL cannot store or compare it). */
const withNul = (value: string, at: number) => {
  const index = at % (value.length + 1)
  return `${value.slice(0, index)}\u0000${value.slice(index)}`
}
const nulText = fc.tuple(fc.string({ maxLength: 30 }), fc.nat()).map(([value, at]) => withNul(value, at))

/** Percent-encodes any string (a lone surrogate becomes U+FFFD, which URLs can carry). */
const encode = (value: string) => encodeURIComponent(value.toWellFormed())

const text = fc.oneof(
  { weight: 3, arbitrary: fc.string({ maxLength: 40 }) },
  { weight: 2, arbitrary: fc.string({ unit: "grapheme", maxLength: 20 }) },
  { weight: 2, arbitrary: fc.string({ unit: "binary", maxLength: 20 }) },
  { weight: 3, arbitrary: fc.constantFrom(...FRAGMENTS) },
  { weight: 1, arbitrary: fc.integer({ min: 65, max: 200_000 }).map((length) => "A".repeat(length)) }
)
/** Text for URLs: Node refuses request heads over 16 KB (431) before any route sees them. */
const shortText = text.filter((value) => value.length <= 300)

const scalar = fc.oneof(
  text,
  fc.integer(),
  fc.double({ noNaN: true, noDefaultInfinity: true }),
  fc.boolean(),
  fc.constant(null),
  fc.constant(-1),
  fc.constant(1e300),
  badDate
)
const value: fc.Arbitrary<unknown> = fc.oneof(
  { weight: 4, arbitrary: scalar },
  { weight: 1, arbitrary: fc.array(scalar, { maxLength: 4 }) },
  { weight: 1, arbitrary: fc.dictionary(text, scalar, { maxKeys: 3 }) }
)

/** The value with a NUL in its first string (nested ones too), or NUL itself. */
const nulInside = (value: unknown, at: number): unknown => {
  if (typeof value === "string") {
    return withNul(value, at)
  }
  if (Array.isArray(value) && value.length) {
    return [nulInside(value[0], at), ...value.slice(1)]
  }
  if (value && typeof value === "object") {
    const [first] = Object.keys(value)
    return first === undefined ? { "\u0000": 1 } : { ...value, [first]: nulInside((value as Record<string, unknown>)[first], at) }
  }
  return "\u0000"
}

/** The value with a bad date in its date fields (nested ones and a CSV's dates too), or the bad date itself. */
const dateInside = (value: unknown, date: string): unknown => {
  if (typeof value === "string" && value.includes("2030-01-01")) {
    return value.replaceAll("2030-01-01", date)
  }
  if (Array.isArray(value) && value.length) {
    return [dateInside(value[0], date), ...value.slice(1)]
  }
  if (value && typeof value === "object") {
    const entries = Object.entries(value).map(([key, child]) => [key, key.endsWith("_at") ? date : dateInside(child, date)])
    return Object.fromEntries(entries)
  }
  return date
}

/** Body mutations; `mustFail` keeps one that no strict schema accepts (an unknown key). */
const body = (base: Record<string, unknown>, mustFail: boolean) =>
  fc.oneof(
    {
      weight: 6,
      arbitrary: fc
        .tuple(
          fc.array(
            fc.tuple(
              fc.constantFrom(...Object.keys(base), "code", "id", "__proto__"),
              value,
              fc.constantFrom("set", "set", "drop", "nul", "date"),
              fc.nat()
            ),
            { maxLength: 3 }
          ),
          fc.dictionary(
            fc.string({ minLength: 1, maxLength: 12 }).map((key) => `x_${key}`),
            value,
            { minKeys: mustFail ? 1 : 0, maxKeys: 2 }
          )
        )
        .map(([changes, extra]) => {
          const result: Record<string, unknown> = { ...base }
          for (const [key, next, action, at] of changes) {
            if (action === "drop") {
              delete result[key]
            } else if (action === "nul") {
              result[key] = nulInside(result[key], at)
            } else if (action === "date") {
              result[key] = dateInside(result[key], BAD_DATES[at % BAD_DATES.length])
            } else {
              result[key] = next
            }
          }
          return { json: { ...result, ...extra } }
        }),
    },
    { weight: 1, arbitrary: scalar.map((json) => ({ json })) },
    { weight: 1, arbitrary: fc.array(value, { maxLength: 3 }).map((json) => ({ json })) },
    // not JSON at all, sent as JSON
    { weight: 1, arbitrary: fc.constantFrom("{", '{"code":', "{'code': 1}", "\u0000", "[1,]", '{"a":1}}').map((raw) => ({ raw })) }
  )

const queryString = (keys: string[]) =>
  fc
    .array(
      fc.tuple(
        fc.oneof(
          fc.constantFrom(...keys, "limit", "offset", "order", "fields", "expand"),
          shortText,
          fc.constantFrom("a[b]", "a[]", "fields[]")
        ),
        fc.oneof(
          { weight: 8, arbitrary: shortText },
          { weight: 1, arbitrary: nulText },
          { weight: 1, arbitrary: fc.constantFrom(...BAD_DATES) },
          {
            weight: 2,
            arbitrary: fc.constantFrom(
              "-1",
              "1e9",
              ";DROP",
              "-",
              "+",
              "*",
              ",,,",
              "%",
              "%E0%A4%A",
              "id;DROP",
              "true",
              "%00",
              "%00FUZZ",
              "%C0%80"
            ),
          }
        )
      ),
      { maxLength: 4 }
    )
    .map((pairs) => pairs.map(([key, val]) => (val.startsWith("%") ? `${encode(key)}=${val}` : `${encode(key)}=${encode(val)}`)).join("&"))

const ULID_CHAR = fc.constantFrom(..."0123456789ABCDEFGHJKMNPQRSTVWXYZ")

/** A path segment that names nothing stored: junk, or a well-formed id of nothing. */
const badSegment = fc.oneof(
  shortText.filter((segment) => segment.length > 0).map((segment) => encode(segment)),
  fc.constantFrom("..", ".", "%2F", "a%2Fb", "%00", "%2500", "%25", "%E0%A4%A", "%zz", "%"),
  // fc.stringMatching took about 7 ms a value here (71 s of the 10,500 requests' sampling)
  fc
    .tuple(fc.constantFrom("coupon_", "ccode_", "cart_", "batch_"), fc.string({ unit: ULID_CHAR, minLength: 26, maxLength: 26 }))
    .map(([prefix, rest]) => prefix + rest)
)

type Request = {
  method: string
  url: string
  route: string
  /** a handler of the plugin answers it (else Express's own 404 page may) */
  handled: boolean
  body?: { json?: unknown; raw?: string }
  auth: "right" | "none" | "wrong"
}

const requestOf = (ids: Ids): fc.Arbitrary<Request> =>
  fc
    .record({
      route: fc.constantFrom(...ROUTES),
      wrongMethod: fc.integer({ min: 0, max: 9 }).map((roll) => roll === 0),
      otherMethod: fc.constantFrom("GET", "POST", "DELETE", "PUT", "PATCH"),
      methodIndex: fc.nat(),
      realIds: fc.boolean(),
      segments: fc.array(badSegment, { minLength: 3, maxLength: 3 }),
      auth: fc.constantFrom("right", "right", "right", "right", "right", "right", "none", "wrong"),
    })
    .chain(({ route, wrongMethod, otherMethod, methodIndex, realIds, segments, auth }) => {
      const method = wrongMethod ? otherMethod : route.methods[methodIndex % route.methods.length]
      const handled = route.methods.includes(method)
      // a route that writes only ever sees real ids with a body it must refuse (or none at all for DELETE)
      const writes = handled && route.writes(method)
      const useReal =
        realIds && !(writes && (method === "DELETE" || !route.body || route.path.includes(":code") || route.path.endsWith("/duplicate")))
      let index = 0
      const path = route.path.replace(/:(\w+)/g, (_, name: keyof Ids) => {
        const segment = segments[index++]
        if (!useReal) {
          return segment
        }
        return encode(ids[name])
      })
      const mustFail = writes && !route.safeWithRealIds && (useReal || !route.path.includes(":"))
      return fc
        .record({
          query: fc.option(queryString(route.query ?? []), { nil: undefined }),
          payload: route.body
            ? fc.option(body(route.body(ids), mustFail), { nil: undefined, freq: 8 })
            : fc.option(body({}, mustFail), { nil: undefined, freq: 2 }),
        })
        .map(({ query, payload }) => ({
          method,
          route: route.path,
          handled: handled && !/\/\.\.?(\/|$)/.test(path),
          url: `${path}${query ? `?${query}` : ""}`,
          body: mustFail && !payload && method !== "GET" ? { json: { x_required_to_fail: true } } : payload,
          auth: auth as Request["auth"],
        }))
    })

medusaIntegrationTestRunner({
  inApp: true,
  env: {},
  testSuite: ({ api, getContainer }) => {
    let store: StoreFixture
    let ids: Ids

    const knex = () => getContainer().resolve<Knex>(ContainerRegistrationKeys.PG_CONNECTION)

    /** Row counts and usage sums of every coupon table, and the carts' links to codes. */
    const snapshot = async () => {
      const db = knex()
      const count = async (table: string) => Number((await db(table).count("* as n"))[0].n)
      const sum = async (table: string) => Number((await db(table).sum("usage_count as n"))[0].n ?? 0)
      return {
        coupon: await count("coupon"),
        coupon_code: await count("coupon_code"),
        coupon_redemption: await count("coupon_redemption"),
        coupon_code_batch: await count("coupon_code_batch"),
        coupon_customer_usage: await count("coupon_customer_usage"),
        coupon_distribution: await count("coupon_distribution"),
        assigned_codes: Number((await db("coupon_code").whereNotNull("assigned_email").count("* as n"))[0].n),
        coupon_usage: await sum("coupon"),
        code_usage: await sum("coupon_code"),
        customer_usage: await sum("coupon_customer_usage"),
        deleted_coupons: Number((await db("coupon").whereNotNull("deleted_at").count("* as n"))[0].n),
        coupon_updates: String((await db("coupon").max("updated_at as n"))[0].n),
        code_updates: String((await db("coupon_code").max("updated_at as n"))[0].n),
      }
    }

    beforeAll(async () => {
      store = await createStoreFixture(getContainer())
      const { coupon, code } = await createCoupon(getContainer(), { code: "FUZZ-REAL", usage_limit: 100 })
      // a redemption, so that ledger, stats and exports have rows to read
      const ordered = await createCart(api, store, { email: "fuzz@example.com" })
      expect((await applyCode(api, store, ordered, "FUZZ-REAL")).status).toBe(200)
      expect((await completeCart(api, store, ordered)).data.type).toBe("order")
      const { data } = await api.post(`/admin/coupons/${coupon.id}/code-batches`, { count: 3, prefix: "FZB" }, store.adminHeaders)
      const cart = await createCart(api, store)
      const appliedCart = await createCart(api, store)
      expect((await applyCode(api, store, appliedCart, "FUZZ-REAL")).status).toBe(200)
      ids = { coupon: coupon.id, code: code.id, codeText: "FUZZ-REAL", batch: data.batch.id, cart, appliedCart }
      // let the batch finish so that the tables hold still
      for (let tries = 0; ; tries++) {
        const batch = (await api.get(`/admin/coupons/${coupon.id}/code-batches/${data.batch.id}`, store.adminHeaders)).data.batch
        if (!["pending", "running"].includes(batch.status)) {
          break
        }
        if (tries === 600) {
          throw new Error(`batch ${data.batch.id} still ${batch.status} after two minutes`)
        }
        await new Promise((resolve) => setTimeout(resolve, 200))
      }
    })

    /**
     * Subscribers (the setup's batch, the carts' re-check, anything a fuzzed request set off)
     * run after the requests that raised their events, late on a loaded machine: the tables
     * count as still once two reads a second apart agree.
     */
    const settledSnapshot = async () => {
      let last = await snapshot()
      for (let reads = 0; reads < 60; reads++) {
        await new Promise((resolve) => setTimeout(resolve, 1000))
        const next = await snapshot()
        if (isDeepStrictEqual(next, last)) {
          return next
        }
        last = next
      }
      throw new Error(`the coupon tables did not hold still for a minute: ${JSON.stringify(last)}`)
    }

    it("lists every route of src/api", async () => {
      const { readdirSync, readFileSync, statSync } = await import("node:fs")
      const path = await import("node:path")
      const root = path.join(__dirname, "../../src/api")
      const found: string[] = []
      const walk = (dir: string) => {
        for (const entry of readdirSync(dir)) {
          const full = path.join(dir, entry)
          if (statSync(full).isDirectory()) {
            walk(full)
          } else if (entry === "route.ts") {
            const url = "/" + path.relative(root, dir).replace(/\[(\w+)\]/g, ":$1")
            for (const [, method] of readFileSync(full, "utf8").matchAll(/export const (GET|POST|DELETE|PUT|PATCH)\b/g)) {
              found.push(`${method} ${url}`)
            }
          }
        }
      }
      walk(root)
      const normalize = (url: string) => url.replace(/:\w+/g, ":param")
      const fuzzed = ROUTES.flatMap((route) => route.methods.map((method) => `${method} ${normalize(route.path)}`))
      expect(found.map((entry) => entry.replace(/:\w+/g, ":param")).sort()).toEqual(fuzzed.sort())
    })

    it(`should answer ${REQUESTS} malformed requests without a 5xx, in Medusa's error shape, changing nothing`, async () => {
      const before = await settledSnapshot()
      const requests = fc.sample(requestOf(ids), { numRuns: REQUESTS, seed: SEED })
      const problems: string[] = []
      const statuses = new Map<number, number>()
      let handledByRoutes = 0

      const send = async (request: Request) => {
        const headers: Record<string, string> = {}
        if (request.url.startsWith("/admin")) {
          if (request.auth !== "none") {
            headers.authorization = request.auth === "right" ? store.adminHeaders.headers.authorization : "Bearer not.a.token"
          }
        } else if (request.auth !== "none") {
          headers["x-publishable-api-key"] = request.auth === "right" ? store.publishableKey : "pk_wrong"
        }
        let data: unknown = undefined
        if (request.body) {
          headers["content-type"] = "application/json"
          data = request.body.raw ?? JSON.stringify(request.body.json)
        }
        const call = () =>
          api.request({
            method: request.method,
            url: request.url,
            headers,
            data,
            transformRequest: [(body: unknown) => body],
            transformResponse: [(body: unknown) => body],
            validateStatus: () => true,
            maxContentLength: Infinity,
            maxBodyLength: Infinity,
          })
        // the server closes the connection after refusing an oversized body (413): the client may
        // then reuse it (ECONNRESET) or still be writing the body into it (EPIPE); asked once more
        const response = await call().catch((error) => (["ECONNRESET", "EPIPE"].includes(error?.code) ? call() : Promise.reject(error)))
        statuses.set(response.status, (statuses.get(response.status) ?? 0) + 1)
        const describe = () =>
          `${request.method} ${request.url.slice(0, 200)} body=${JSON.stringify(request.body)?.slice(0, 200)} auth=${request.auth} → ${response.status} ${String(response.data).slice(0, 300)}`
        if (response.status >= 500) {
          problems.push(`5xx: ${describe()}`)
          return
        }
        const type = String(response.headers["content-type"] ?? "")
        if (response.status >= 400) {
          let parsed: { type?: unknown; message?: unknown } | null = null
          try {
            parsed = JSON.parse(response.data)
          } catch {
            // reported below
          }
          // Medusa's own admin authentication answers 401 { message } without a type
          const coreUnauthorized = response.status === 401 && request.auth !== "right" && typeof parsed?.message === "string"
          // no handler for that method or path: Express's own "Cannot PUT /…" page
          const expressNotFound = response.status === 404 && !request.handled && String(response.data).includes("Cannot ")
          if (
            !coreUnauthorized &&
            !expressNotFound &&
            (!type.includes("application/json") || typeof parsed?.type !== "string" || typeof parsed?.message !== "string")
          ) {
            problems.push(`error shape: ${describe()}`)
          }
          return
        }
        handledByRoutes++
        const route = ROUTES.find((candidate) => candidate.path === request.route)
        if (route?.writes(request.method) && route.methods.includes(request.method) && request.method !== "DELETE") {
          problems.push(`accepted by a route that writes: ${describe()}`)
        }
      }

      const queue = [...requests]
      const started = Date.now()
      await Promise.all(
        [...Array(IN_FLIGHT)].map(async () => {
          for (let request = queue.shift(); request; request = queue.shift()) {
            await send(request).catch((error) => problems.push(`transport: ${request!.method} ${request!.url.slice(0, 200)}: ${error}`))
          }
        })
      )
      const seconds = ((Date.now() - started) / 1000).toFixed(1)
      const after = await settledSnapshot()
      // written past jest's console, which npm test silences
      process.stdout.write(
        `fuzz: ${requests.length} requests in ${seconds}s (seed ${SEED}), statuses ${JSON.stringify(Object.fromEntries([...statuses].sort()))}, ` +
          `${handledByRoutes} 2xx/3xx, ${problems.length} problems\n`
      )
      if (process.env.FUZZ_REPORT) {
        const { writeFileSync } = await import("node:fs")
        writeFileSync(process.env.FUZZ_REPORT, problems.join("\n"))
      }
      expect(problems.slice(0, 20)).toEqual([])
      expect(after).toEqual(before)
      expect([...statuses.keys()].every((status) => status < 500)).toBe(true)
    })
  },
})
