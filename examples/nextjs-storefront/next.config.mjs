import path from "node:path"
import { fileURLToPath } from "node:url"

/** @type {import("next").NextConfig} */
const nextConfig = {
  // an app of its own inside the plugin's repository: trace from here, not from the plugin's lockfile
  outputFileTracingRoot: path.dirname(fileURLToPath(import.meta.url)),
  eslint: { ignoreDuringBuilds: true },
}

export default nextConfig
