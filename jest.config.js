const { loadEnv } = require("@medusajs/framework/utils")
loadEnv("test", process.cwd())

const swc = [
  "@swc/jest",
  {
    jsc: {
      target: "es2021",
      parser: { syntax: "typescript", tsx: true, decorators: true },
      transform: { react: { runtime: "automatic" } },
    },
  },
]

const suites = {
  unit: ["**/src/**/__tests__/**/*.unit.spec.[jt]s"],
  "integration:modules": ["**/src/modules/*/__tests__/**/*.module.spec.[jt]s"],
  "integration:http": ["**/integration-tests/http/**/*.spec.[jt]s"],
  "integration:reliability": ["**/integration-tests/reliability/**/*.spec.[jt]s"],
  storefront: ["**/storefront-components/**/__tests__/**/*.spec.tsx"],
}

// the storefront components run in a browser-like DOM, without the server's setup
const storefront = process.env.TEST_TYPE === "storefront"
// the HTTP spec files each boot the app on a database of their own
const withTemplate = process.env.TEST_TYPE === "integration:http"

module.exports = {
  transform: { "^.+\\.[jt]sx?$": swc },
  testEnvironment: storefront ? "jsdom" : "node",
  moduleFileExtensions: ["js", "cjs", "ts", "tsx", "json"],
  // examples/ are apps of their own (own node_modules, React 19)
  modulePathIgnorePatterns: ["dist/", "<rootDir>/.medusa/", "<rootDir>/.data/", "<rootDir>/examples/"],
  setupFiles: storefront ? [] : ["./integration-tests/setup.js"],
  setupFilesAfterEnv: storefront ? ["<rootDir>/storefront-components/__tests__/setup.ts"] : [],
  testMatch: suites[process.env.TEST_TYPE] ?? suites.unit,
  // migrate once per run, copy per spec file (integration-tests/db-template)
  ...(withTemplate && {
    globalSetup: "<rootDir>/integration-tests/db-template/global-setup.js",
    globalTeardown: "<rootDir>/integration-tests/db-template/global-teardown.js",
  }),
  // the cluster specs migrate one database per run and copy it (migratedDatabase in lib/cluster.ts)
  ...(process.env.TEST_TYPE === "integration:reliability" && {
    globalSetup: "<rootDir>/integration-tests/reliability/lib/global-setup.js",
    globalTeardown: "<rootDir>/integration-tests/reliability/lib/global-teardown.js",
  }),
}
