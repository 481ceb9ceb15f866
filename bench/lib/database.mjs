// A fresh database for one bench run, migrated with the project's own CLI.
import { spawnSync } from "node:child_process"
import { createRequire } from "node:module"
import pg from "pg"

const require = createRequire(import.meta.url)

export const serverConfig = () => ({
  host: process.env.DB_HOST || "localhost",
  port: Number(process.env.DB_PORT || 5432),
  user: process.env.DB_USERNAME || "postgres",
  password: process.env.DB_PASSWORD || "",
})

export const databaseUrl = ({ host, port, user, password }, database) =>
  `postgres://${encodeURIComponent(user)}${password ? `:${encodeURIComponent(password)}` : ""}@${host}:${port}/${database}`

const admin = async (sql) => {
  const client = new pg.Client({ ...serverConfig(), database: "postgres" })
  await client.connect()
  try {
    await client.query(sql)
  } finally {
    await client.end()
  }
}

const quoted = (name) => {
  if (!/^[a-z0-9_]+$/.test(name)) {
    throw new Error(`bench database name must be lower-case letters, digits and _: ${name}`)
  }
  return `"${name}"`
}

export const recreateDatabase = async (name) => {
  await admin(`DROP DATABASE IF EXISTS ${quoted(name)} WITH (FORCE)`)
  await admin(`CREATE DATABASE ${quoted(name)}`)
}

export const dropDatabase = (name) => admin(`DROP DATABASE IF EXISTS ${quoted(name)} WITH (FORCE)`)

/** `medusa db:migrate` in a child process (its memory is not the bench's). */
export const migrate = (env) => {
  const result = spawnSync(process.execPath, [require.resolve("@medusajs/cli/cli.js"), "db:migrate"], {
    env,
    stdio: ["ignore", "ignore", "inherit"],
  })
  if (result.status !== 0) {
    throw new Error(`medusa db:migrate exited with ${result.status}`)
  }
}
