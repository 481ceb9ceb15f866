import { ChildProcess, fork, spawn } from "child_process"
import http from "http"
import { createWriteStream, mkdtempSync, readFileSync } from "fs"
import { tmpdir } from "os"
import path from "path"
import { Client } from "pg"
import {
  adminQuery,
  databaseUrl as pgDatabaseUrl,
  dropDatabase,
  quoted,
  recreateDatabase,
  serverConfig,
} from "../../../scripts/lib/pg-server.cjs"
import { Redis } from "ioredis"
import type { StoreFixture } from "../../http/fixtures/store"

/*
 * Helpers for specs that run real Medusa server processes against one fresh
 * PostgreSQL database and the Redis modules of a multi-instance deployment
 * (see redisModules() in medusa-config.ts).
 */

const root = path.resolve(__dirname, "../../..")
export const REDIS_URL = process.env.REDIS_URL || "redis://127.0.0.1:6379"

export { dropDatabase, recreateDatabase, serverConfig }

export const databaseUrl = (database: string) => pgDatabaseUrl(serverConfig(), database)

/** A pg client on the test database, for assertions and fault injection. */
export const connect = async (database: string, applicationName = "reliability-spec") => {
  const client = new Client({ ...serverConfig(), database, application_name: applicationName })
  await client.connect()
  return client
}

/** Deletes the keys of one run's namespace (queues, locks) from the shared Redis. */
export const cleanRedis = async (namespace: string) => {
  const redis = new Redis(REDIS_URL, { lazyConnect: true, maxRetriesPerRequest: 1 })
  try {
    await redis.connect()
    const stream = redis.scanStream({ match: `*${namespace}*`, count: 1000 })
    for await (const keys of stream as AsyncIterable<string[]>) {
      if (keys.length) {
        await redis.del(...keys)
      }
    }
  } finally {
    redis.disconnect()
  }
}

const logDir = mkdtempSync(path.join(tmpdir(), "coupons-reliability-"))

/** `medusa db:migrate` in a child process; resolves with the seconds it took. */
export const migrate = (env: NodeJS.ProcessEnv) =>
  new Promise<number>((resolve, reject) => {
    const started = Date.now()
    const logFile = path.join(logDir, `migrate-${Date.now()}.log`)
    const child = spawn(process.execPath, [require.resolve("@medusajs/cli/cli.js"), "db:migrate"], {
      cwd: root,
      env,
      stdio: ["ignore", "pipe", "pipe"],
    })
    const log = createWriteStream(logFile)
    child.stdout!.pipe(log)
    child.stderr!.pipe(log)
    child.on("error", reject)
    child.on("exit", (code) =>
      code === 0 ? resolve((Date.now() - started) / 1000) : reject(new Error(`medusa db:migrate exited with ${code}:\n${tail(logFile)}`))
    )
  })

/**
 * `database`, fresh and migrated. The first cluster spec of a jest run migrates it (`medusa db:migrate`,
 * about 20 s on 2 cores) and keeps a copy as the run's template (lib/global-setup.js names it,
 * lib/global-teardown.js drops it); the next ones copy that (under a second): a `db:migrate` on the
 * copy would find nothing to do, and still take as long. Every cluster spec runs the same modules
 * (the Redis ones of instanceEnv), so one migrated schema fits all. Resolves with what it did.
 */
export const migratedDatabase = async (database: string, env: NodeJS.ProcessEnv): Promise<string> => {
  const template = process.env.COUPONS_CLUSTER_DB_TEMPLATE
  const started = Date.now()
  const query = (sql: string, params?: unknown[]) => adminQuery(serverConfig(), sql, params)
  if (template && (await query("SELECT 1 FROM pg_database WHERE datname = $1", [template])).rowCount) {
    await dropDatabase(database)
    await query(`CREATE DATABASE ${quoted(database)} TEMPLATE ${quoted(template)}`)
    return `copied ${database} from the run's migrated database in ${((Date.now() - started) / 1000).toFixed(1)} s`
  }
  await recreateDatabase(database)
  const seconds = await migrate(env)
  if (!template) {
    return `migrated ${database} in ${seconds.toFixed(1)} s`
  }
  // nothing is connected to the database yet, so it can be copied as it is; a spec in a parallel
  // worker that made the template first (42P04: it exists) is as good
  await query(`CREATE DATABASE ${quoted(template)} TEMPLATE ${quoted(database)}`).catch((error: { code?: string }) => {
    if (error.code !== "42P04") {
      throw error
    }
  })
  return `migrated ${database} in ${seconds.toFixed(1)} s (kept as the run's migrated database)`
}

const tail = (file: string, chars = 4000) => {
  try {
    return readFileSync(file, "utf8").slice(-chars)
  } catch {
    return ""
  }
}

export type Instance = {
  name: string
  baseUrl: string
  pid: number
  seconds: number
  fixture?: StoreFixture
  child: ChildProcess
  logFile: string
  exited: Promise<number | null>
  /** SIGTERM, then SIGKILL after a grace period */
  stop: () => Promise<void>
  log: () => string
  /** whether the instance's whole log holds this text */
  logged: (text: string) => boolean
}

const running = new Set<ChildProcess>()

/** Forks integration-tests/reliability/lib/server.mjs and waits until it listens. */
export const startInstance = (name: string, env: NodeJS.ProcessEnv, { seed = false, timeoutMs = 180_000 } = {}): Promise<Instance> =>
  new Promise((resolve, reject) => {
    const logFile = path.join(logDir, `${name}-${Date.now()}.log`)
    const log = createWriteStream(logFile)
    const child = fork(path.join(__dirname, "server.mjs"), [], {
      cwd: root,
      env: { ...env, PORT: "0", SEED_STORE: seed ? "true" : "false" },
      stdio: ["ignore", "pipe", "pipe", "ipc"],
    })
    running.add(child)
    child.stdout!.pipe(log)
    child.stderr!.pipe(log)
    const exited = new Promise<number | null>((done) =>
      child.once("exit", (code, signal) => {
        running.delete(child)
        done(code ?? (signal ? -1 : null))
      })
    )
    const timer = setTimeout(() => {
      child.kill("SIGKILL")
      reject(new Error(`${name} did not start within ${timeoutMs / 1000} s:\n${tail(logFile)}`))
    }, timeoutMs)
    child.on("message", (message: any) => {
      if (message?.type === "ready") {
        clearTimeout(timer)
        resolve({
          name,
          baseUrl: message.baseUrl,
          pid: child.pid!,
          seconds: message.seconds,
          fixture: message.fixture,
          child,
          logFile,
          exited,
          log: () => tail(logFile),
          logged: (text: string) => readFileSync(logFile, "utf8").includes(text),
          stop: async () => {
            if (child.exitCode !== null || child.signalCode !== null) {
              return
            }
            child.kill("SIGTERM")
            const killer = setTimeout(() => child.kill("SIGKILL"), 15_000)
            await exited
            clearTimeout(killer)
          },
        })
      } else if (message?.type === "error") {
        clearTimeout(timer)
        reject(new Error(`${name} failed to start: ${message.message}\n${tail(logFile)}`))
      }
    })
    child.once("exit", (code) => {
      clearTimeout(timer)
      reject(new Error(`${name} exited with ${code} before it was ready:\n${tail(logFile)}`))
    })
  })

/** Kills every instance still running (afterAll, also after a failure). */
export const killAll = async () => {
  await Promise.all(
    [...running].map(
      (child) =>
        new Promise<void>((done) => {
          if (child.exitCode !== null || child.signalCode !== null) {
            return done()
          }
          child.once("exit", () => done())
          child.kill("SIGTERM")
          setTimeout(() => child.kill("SIGKILL"), 10_000).unref()
        })
    )
  )
}

export type Answer = { status: number; data: any; ms: number }

// node:http rather than fetch: fetch (undici) gives up on an answer after 300 s
// of waiting for headers, and 1,000 simultaneous checkouts on 2 cores wait longer
const agent = new http.Agent({ keepAlive: true, maxSockets: Infinity })

/** A JSON request; never throws on an HTTP status, only on a network failure (status 0). */
export const request = (
  baseUrl: string,
  method: string,
  url: string,
  body?: unknown,
  headers: Record<string, string> = {}
): Promise<Answer> =>
  new Promise((resolve) => {
    const started = Date.now()
    const payload = body === undefined ? undefined : JSON.stringify(body)
    const req = http.request(
      `${baseUrl}${url}`,
      {
        method,
        agent,
        headers: {
          ...headers,
          ...(payload === undefined ? {} : { "content-type": "application/json", "content-length": Buffer.byteLength(payload) }),
        },
      },
      (res) => {
        const chunks: Buffer[] = []
        res.on("data", (chunk) => chunks.push(chunk))
        res.on("end", () => {
          const text = Buffer.concat(chunks).toString("utf8")
          let data: any = text
          try {
            data = JSON.parse(text)
          } catch {
            // not JSON
          }
          resolve({ status: res.statusCode ?? 0, data, ms: Date.now() - started })
        })
        res.on("error", (error) => resolve({ status: 0, data: { message: error.message }, ms: Date.now() - started }))
      }
    )
    req.on("error", (error) => resolve({ status: 0, data: { message: error.message }, ms: Date.now() - started }))
    req.end(payload)
  })

/** The env of an instance: this run's database, Redis modules under this run's namespace, quiet logs. */
export const instanceEnv = (database: string, namespace: string, extra: NodeJS.ProcessEnv = {}): NodeJS.ProcessEnv => ({
  ...process.env,
  DATABASE_URL: databaseUrl(database),
  REDIS_URL,
  COUPON_REDIS_MODULES: process.env.RELIABILITY_REDIS_MODULES ?? "true",
  COUPON_REDIS_NAMESPACE: namespace,
  MEDUSA_ADMIN_DISABLE: "true",
  MEDUSA_DISABLE_TELEMETRY: "true",
  LOG_LEVEL: process.env.RELIABILITY_LOG_LEVEL || "warn",
  NODE_ENV: "development",
  ...extra,
})

export const percentile = (values: number[], p: number) => {
  if (!values.length) {
    return 0
  }
  const sorted = [...values].sort((a, b) => a - b)
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]
}

export const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))
