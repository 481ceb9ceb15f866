// The Medusa app of this repository, booted in this process (as the test
// runner does) so that the batch workflow runs here and its memory shows in
// this process's peak RSS.
import http from "node:http"
import { createRequire } from "node:module"

const require = createRequire(import.meta.url)

export const startApp = async (directory) => {
  // the project is TypeScript: transpile it on require (see register-ts.cjs)
  require("./register-ts.cjs")
  const express = require("express")
  const { default: loaders } = require("@medusajs/medusa/loaders/index")
  const app = express()
  const { container, shutdown } = await loaders({ directory, expressApp: app })
  const server = http.createServer(app)
  await new Promise((resolve) => server.listen(0, "127.0.0.1", resolve))
  const baseUrl = `http://127.0.0.1:${server.address().port}`
  return {
    container,
    baseUrl,
    stop: async () => {
      await new Promise((resolve) => server.close(resolve))
      await shutdown()
    },
  }
}

/** An admin bearer token, made as the HTTP tests make theirs. */
export const adminToken = async (container) => {
  const { ContainerRegistrationKeys, Modules, generateJwtToken } = require("@medusajs/framework/utils")
  const user = await container.resolve(Modules.USER).createUsers({ email: `bench-${Date.now()}@bench.local` })
  const authIdentity = await container.resolve(Modules.AUTH).createAuthIdentities({
    provider_identities: [{ provider: "emailpass", entity_id: user.email }],
    app_metadata: { user_id: user.id },
  })
  const { projectConfig } = container.resolve(ContainerRegistrationKeys.CONFIG_MODULE)
  return generateJwtToken(
    { actor_id: user.id, actor_type: "user", auth_identity_id: authIdentity.id, app_metadata: { user_id: user.id } },
    { secret: projectConfig.http.jwtSecret, expiresIn: "1d" }
  )
}

/** A tiny JSON client for the admin API. */
export const adminClient = (baseUrl, token) => {
  const call = async (method, path, body) => {
    const response = await fetch(`${baseUrl}${path}`, {
      method,
      headers: { authorization: `Bearer ${token}`, ...(body ? { "content-type": "application/json" } : {}) },
      body: body ? JSON.stringify(body) : undefined,
    })
    const data = await response.json()
    if (!response.ok) {
      throw new Error(`${method} ${path} → ${response.status}: ${data.message}`)
    }
    return data
  }
  return { get: (path) => call("GET", path), post: (path, body) => call("POST", path, body) }
}
