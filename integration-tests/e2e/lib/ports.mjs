import net from "node:net"

const isFree = (port) =>
  new Promise((resolve) => {
    const server = net.createServer()
    server.once("error", () => resolve(false))
    server.once("listening", () => server.close(() => resolve(true)))
    server.listen(port)
  })

/** The first port from `from` on that nothing listens on. */
export const freePort = async (from = 8000) => {
  for (let port = from; port < from + 100; port++) {
    if (await isFree(port)) {
      return port
    }
  }
  throw new Error(`no free port in ${from}-${from + 99}`)
}
