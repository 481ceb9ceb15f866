// The one home of "which PostgreSQL, and make me a database": the dev script,
// the test runners, the benchmarks and the reliability cluster all use it.
// CommonJS, so that the ESM scripts and the TypeScript specs (jest) share it.
const pg = require("pg")

/** The local server from DB_HOST / DB_PORT / DB_USERNAME / DB_PASSWORD ("localhost": Medusa's test runner turns SSL on for any other host). */
const serverConfig = () => ({
  host: process.env.DB_HOST || "localhost",
  port: Number(process.env.DB_PORT || 5432),
  user: process.env.DB_USERNAME || "postgres",
  password: process.env.DB_PASSWORD || "",
})

const databaseUrl = ({ host, port, user, password }, database) =>
  `postgres://${encodeURIComponent(user)}${password ? `:${encodeURIComponent(password)}` : ""}@${host}:${port}/${database}`

const canConnect = async (server) => {
  const client = new pg.Client({ ...server, database: "postgres", connectionTimeoutMillis: 2000 })
  try {
    await client.connect()
    await client.end()
    return true
  } catch {
    return false
  }
}

const adminQuery = async (server, sql, params) => {
  const client = new pg.Client({ ...server, database: "postgres" })
  await client.connect()
  try {
    return await client.query(sql, params)
  } finally {
    await client.end()
  }
}

const quoted = (name) => `"${name.replace(/"/g, '""')}"`

/** A fresh, empty database (an earlier one of the same name is dropped, its sessions ended). */
const recreateDatabase = async (name, server = serverConfig()) => {
  await adminQuery(server, `DROP DATABASE IF EXISTS ${quoted(name)} WITH (FORCE)`)
  await adminQuery(server, `CREATE DATABASE ${quoted(name)}`)
}

const dropDatabase = (name, server = serverConfig()) => adminQuery(server, `DROP DATABASE IF EXISTS ${quoted(name)} WITH (FORCE)`)

/** Creates the database unless it exists; true when it was created. */
const ensureDatabaseExists = async (server, name) => {
  const { rowCount } = await adminQuery(server, "SELECT 1 FROM pg_database WHERE datname = $1", [name])
  if (rowCount) {
    return false
  }
  await adminQuery(server, `CREATE DATABASE ${quoted(name)}`)
  return true
}

module.exports = { serverConfig, databaseUrl, canConnect, adminQuery, quoted, recreateDatabase, dropDatabase, ensureDatabaseExists }
