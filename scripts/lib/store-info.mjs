// Small read-only look-ups in a Medusa database, for the dev script's checks
// and summary (cheaper than booting Medusa just to ask).
import pg from "pg"

const withClient = async (connectionString, fn) => {
  const client = new pg.Client({ connectionString })
  await client.connect()
  try {
    return await fn(client)
  } finally {
    await client.end()
  }
}

/** Whether an admin user with this email exists (what `medusa user` would fail on). */
export const adminUserExists = (connectionString, email) =>
  withClient(connectionString, async (client) => {
    const { rowCount } = await client.query(`SELECT 1 FROM "user" WHERE lower(email) = lower($1) AND deleted_at IS NULL`, [email])
    return rowCount > 0
  })

/** The token of the oldest live publishable API key, or null. */
export const publishableKeyToken = (connectionString) =>
  withClient(connectionString, async (client) => {
    const { rows } = await client.query(
      `SELECT token FROM api_key
        WHERE type = 'publishable' AND revoked_at IS NULL AND deleted_at IS NULL
        ORDER BY created_at LIMIT 1`
    )
    return rows[0]?.token ?? null
  })
