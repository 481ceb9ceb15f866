// Spawning helpers for the scripts. Every command runs in its own process
// group, so that stopping it also stops what it spawned: `medusa develop`
// forks the real server and does not stop it when it is itself killed, and
// `medusa db:migrate` runs `db:migrate:search` as a separate process.
import { spawn, spawnSync } from "node:child_process"
import { createRequire } from "node:module"

const require = createRequire(import.meta.url)
const posix = process.platform !== "win32"
const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms))

/** The project's own Medusa CLI, run with this node (no npx in between). */
export const medusaCommand = (args) => [process.execPath, [require.resolve("@medusajs/cli/cli.js"), ...args]]

const groupAlive = (pid) => {
  try {
    process.kill(-pid, 0)
    return true
  } catch {
    return false
  }
}

/**
 * Spawns a command with inherited stdio in a new process group. `stop()`
 * sends SIGTERM to the group, then SIGKILL after `graceMs`; `done` resolves
 * with the leader's exit code once the whole group is gone.
 */
const spawnGroup = (command, args, { cwd = process.cwd(), env = process.env, graceMs = 10_000 } = {}) => {
  const child = spawn(command, args, { cwd, env, stdio: "inherit", detached: posix })
  const signalGroup = (signal) => {
    try {
      if (posix) {
        process.kill(-child.pid, signal)
      } else {
        child.kill(signal)
      }
    } catch {
      // already gone
    }
  }
  let stopping = false
  let killTimer
  const done = new Promise((resolve, reject) => {
    child.on("error", reject)
    child.on("exit", async (code, signal) => {
      // the leader can exit before what it spawned: wait for the group
      const deadline = Date.now() + (stopping ? graceMs : 0)
      while (posix && groupAlive(child.pid) && Date.now() < deadline) {
        await sleep(200)
      }
      if (stopping && posix && groupAlive(child.pid)) {
        signalGroup("SIGKILL")
      }
      clearTimeout(killTimer)
      resolve({ code, signal, stopped: stopping })
    })
  })
  const stop = () => {
    if (!stopping) {
      stopping = true
      signalGroup("SIGTERM")
      killTimer = setTimeout(() => signalGroup("SIGKILL"), graceMs)
    }
    return done
  }
  return { child, done, stop }
}

/**
 * Runs a command to completion; the returned promise resolves with the seconds
 * it took and rejects on a non-zero exit. It also carries `stop()`.
 */
export const run = (command, args, { label = [command, ...args].join(" "), ...options } = {}) => {
  const started = Date.now()
  const { done, stop } = spawnGroup(command, args, options)
  const finished = done.then(({ code, signal }) => {
    if (code !== 0) {
      throw new Error(`${label} exited with ${signal ?? `code ${code}`}`)
    }
    return (Date.now() - started) / 1000
  })
  return Object.assign(finished, { stop })
}

export const runMedusa = (args, options) => run(...medusaCommand(args), { label: `medusa ${args[0]}`, ...options })

/** Starts a long-running server: `{ child, done, stop }`, `done` resolving with the exit code. */
export const startServer = (command, args, options) => {
  const server = spawnGroup(command, args, options)
  const done = server.done.then(({ code, signal, stopped }) => (stopped ? 0 : (code ?? (signal ? 1 : 0))))
  return { ...server, done, stop: () => server.stop().then(() => done) }
}

/** Polls a URL until it answers 2xx; resolves with the seconds it took, or null on timeout. */
export const waitForHttp = async (url, { timeoutMs = 300_000, intervalMs = 500, isCancelled = () => false } = {}) => {
  const started = Date.now()
  while (Date.now() - started < timeoutMs && !isCancelled()) {
    try {
      const response = await fetch(url, { signal: AbortSignal.timeout(2_000) })
      if (response.ok) {
        return (Date.now() - started) / 1000
      }
    } catch {
      // not up yet
    }
    await sleep(intervalMs)
  }
  return null
}

/** `medusa db:migrate` in a child process, waited for (its memory is not the caller's); throws on failure. */
export const migrateSync = (env) => {
  const [node, args] = medusaCommand(["db:migrate"])
  const result = spawnSync(node, args, { env, stdio: ["ignore", "ignore", "inherit"] })
  if (result.status !== 0) {
    throw new Error(`medusa db:migrate exited with ${result.status}`)
  }
}
