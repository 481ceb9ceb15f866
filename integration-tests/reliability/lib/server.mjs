// One Medusa server instance for the reliability suite: boots this
// repository's app in this process (as bench/lib/app.mjs does, TypeScript
// through the bench's swc hook) and listens on PORT. A spec forks it once per
// instance, with DATABASE_URL and the Redis modules in its env
// (COUPON_REDIS_MODULES, REDIS_URL, COUPON_REDIS_NAMESPACE).
//
// With SEED_STORE=true it first seeds the store fixture of the HTTP tests
// (region, product, shipping option, publishable key, admin token). It reports
// over IPC: { type: "ready", baseUrl, seconds, fixture? }, or { type: "error" }.
import http from "node:http"
import { createRequire } from "node:module"
import path from "node:path"
import { fileURLToPath } from "node:url"

const require = createRequire(import.meta.url)
const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../../..")
const started = Date.now()

const send = (message) => process.send?.(message)

try {
  require("../../../bench/lib/register-ts.cjs")
  const express = require("express")
  const { default: loaders } = require("@medusajs/medusa/loaders/index")
  const app = express()
  const { container, shutdown } = await loaders({ directory: root, expressApp: app })
  const server = http.createServer(app)
  // many simultaneous checkouts: keep idle sockets open and do not cap them
  server.keepAliveTimeout = 120_000
  server.headersTimeout = 125_000
  server.requestTimeout = 0
  await new Promise((resolve) => server.listen(Number(process.env.PORT || 0), "127.0.0.1", resolve))
  const baseUrl = `http://127.0.0.1:${server.address().port}`

  let fixture
  if (process.env.SEED_STORE === "true") {
    const { createStoreFixture } = require("../../http/fixtures/store.ts")
    fixture = await createStoreFixture(container)
  }

  let stopping = false
  process.on("SIGTERM", async () => {
    if (stopping) {
      return
    }
    stopping = true
    server.closeAllConnections?.()
    await new Promise((resolve) => server.close(resolve))
    await shutdown().catch(() => {})
    process.exit(0)
  })
  send({ type: "ready", baseUrl, pid: process.pid, seconds: (Date.now() - started) / 1000, fixture })
} catch (error) {
  console.error(error)
  send({ type: "error", message: String(error?.stack ?? error) })
  process.exit(1)
}
