// Runs in each spec file's module registry (jest setupFiles), before the spec loads
// medusaIntegrationTestRunner: its "create the database, run every migration, sync
// the links" becomes "copy the run's migrated template" once that template exists.
// Migrations and link sync still run on the copy and find nothing to do, unless a
// spec's configuration adds modules, which they then migrate on top.
const templates = require("@medusajs/test-utils/dist/medusa-test-runner-utils/postgres-template")
const useDb = require("@medusajs/test-utils/dist/medusa-test-runner-utils/use-db")
const { Client } = require("@medusajs/framework/pg")
const { quoted } = require("../../scripts/lib/pg-server.cjs")

const template = process.env.COUPONS_TEST_DB_TEMPLATE
// the runner's own defaults for the maintenance connection (postgres-template.js)
const defaults = { user: "postgres", database: "postgres", password: "", port: 5432, host: "localhost" }

// one session per step; the advisory lock (released with the session) keeps spec
// files run by parallel workers from copying or making the template at the same time
const locked = async (creds, step) => {
  const client = new Client({ ...defaults, ...creds })
  await client.connect()
  try {
    await client.query("select pg_advisory_lock(hashtext($1))", [template])
    const exists = (await client.query("select 1 from pg_database where datname = $1", [template])).rows.length > 0
    return await step(client, exists)
  } finally {
    await client.end()
  }
}

// the database this file's runner asked for
let created = null

const createDatabase = templates.createDatabase
templates.createDatabase = (options, creds) =>
  locked(creds, async (client, exists) => {
    const named = "select 1 from pg_database where datname = $1"
    // a database kept from before (a fixed dbName) is used as it is, as the runner does
    const kept = (await client.query(named, [options.databaseName])).rows.length > 0
    if (exists && !kept) {
      await client.query(`CREATE DATABASE ${quoted(options.databaseName)} TEMPLATE ${quoted(template)}`)
    } else if (!kept) {
      await createDatabase(options, creds)
    }
    // only a database this file migrated from empty becomes the template
    created = { name: options.databaseName, fresh: !exists && !kept, creds }
  })

const syncLinks = useDb.syncLinks
useDb.syncLinks = async (...args) => {
  await syncLinks(...args)
  if (created?.fresh) {
    await locked(created.creds, async (_client, exists) => {
      if (!exists) {
        await templates.createPostgresDatabaseTemplate({ databaseName: created.name, templateName: template })
      }
    })
  }
}

// Before each test the runner drops the test's database and copies the template
// again. DROP DATABASE waits for a checkpoint (seconds on a busy machine), so the
// old database is renamed out of the way instead and dropped in the background,
// while the test runs; the runner's cleanup waits for those drops.
let drops = Promise.resolve()
let renamed = 0
const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms))
templates.restorePostgresDatabaseFromTemplate = async ({ databaseName, templateName }) => {
  const client = new Client({ ...defaults, ...(created?.creds ?? {}) })
  await client.connect()
  try {
    const old = `${databaseName}-was-${++renamed}`
    await client.query(`ALTER DATABASE ${quoted(databaseName)} WITH ALLOW_CONNECTIONS false`)
    for (let attempt = 0; ; attempt++) {
      await client.query("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = $1 AND pid <> pg_backend_pid()", [
        databaseName,
      ])
      try {
        await client.query(`ALTER DATABASE ${quoted(databaseName)} RENAME TO ${quoted(old)}`)
        break
      } catch (error) {
        if (!/being accessed by other users/.test(String(error.message)) || attempt >= 40) throw error
        await sleep(25 * (attempt + 1))
      }
    }
    await client.query(`CREATE DATABASE ${quoted(databaseName)} TEMPLATE ${quoted(templateName)}`)
    drops = drops.then(() => templates.dropDatabase({ databaseName: old }, created?.creds ?? {}).catch(() => undefined))
  } finally {
    await client.end()
  }
}

const closeWaitingroomClient = templates.closeWaitingroomClient
templates.closeWaitingroomClient = async () => {
  await drops
  await closeWaitingroomClient()
}
