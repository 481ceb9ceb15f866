// The Medusa app of this repository, booted in this process (as the test
// runner does) so that the batch workflow runs here and its memory shows in
// this process's peak RSS.
import { execFileSync } from "node:child_process"
import http from "node:http"
import { createRequire } from "node:module"

const require = createRequire(import.meta.url)

/**
 * Boots the app of `directory`. The project is TypeScript: by default it is
 * transpiled on require (register-ts.cjs); with `compiled: true` it is
 * transpiled ahead of time in a child process (compile-app.mjs) and the app
 * boots from that JavaScript, as `medusa start` boots a built app, so that no
 * compiler is resident in this process (about 25 MB of RSS).
 */
export const startApp = async (directory, { compiled = false } = {}) => {
  if (compiled) {
    const script = new URL("./compile-app.mjs", import.meta.url).pathname
    directory = execFileSync(process.execPath, [script], { cwd: directory, encoding: "utf8" }).trim()
    // medusa-config's module paths are resolved from the working directory
    process.chdir(directory)
  } else {
    require("./register-ts.cjs")
  }
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
