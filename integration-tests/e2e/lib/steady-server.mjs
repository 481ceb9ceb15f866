const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms))

/** /health answering for a few seconds in a row: the watcher is not in the middle of a restart. */
export const waitForSteadyServer = async (base, { steadyMs = 3_000, timeoutMs = 180_000 } = {}) => {
  const deadline = Date.now() + timeoutMs
  let since = null
  while (Date.now() < deadline) {
    const ok = await fetch(`${base}/health`, { signal: AbortSignal.timeout(2_000) }).then(
      (r) => r.ok,
      () => false
    )
    since = ok ? (since ?? Date.now()) : null
    if (since !== null && Date.now() - since >= steadyMs) {
      return
    }
    await sleep(250)
  }
  throw new Error(`${base}/health did not answer steadily`)
}
