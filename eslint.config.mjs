// One ESLint config for the whole repository: the server (src/), the admin
// screens (admin/ and their src/admin entries), the storefront components, the
// scripts, the benchmarks and the tests. `npm run lint` runs it with
// --max-warnings=0, so a warning fails like an error.
import js from "@eslint/js"
import medusa from "@medusajs/eslint-plugin"
import prettier from "eslint-config-prettier"
import i18next from "eslint-plugin-i18next"
import reactHooks from "eslint-plugin-react-hooks"
import globals from "globals"
import tseslint from "typescript-eslint"

const tests = ["integration-tests/**", "**/__tests__/**", "**/*.spec.{ts,tsx}"]
// code that runs in the shopper's or the merchant's browser
const browser = ["admin/**", "src/admin/**", "storefront-components/{index.ts,src/**,__consumer__/**,demo/**/*.tsx}", "examples/*/src/**"]
// what the package ships (server, admin, storefront): no console, no `any`
const shipped = ["src/**", "admin/**", "storefront-components/{index.ts,src/**}"]

// Medusa's recommended rules (zod from @medusajs/framework/zod, MedusaError,
// workflow constructor rules, route and module conventions), on the server
// source only. Its own first block is a global ignore of every test folder;
// it is left out so the tests are still linted by the rules below. The admin
// code in admin/ is left out too: it is not a Medusa admin route or widget
// folder (src/admin/ holds those entries), so the path-keyed admin rules would
// misfire on its components.
const [, ...medusaRecommended] = medusa.configs.recommended
const medusaServer = medusaRecommended.map((block) => ({
  ...block,
  // examples/ are storefronts (Next.js apps on the store API), not Medusa server code
  ignores: [...(block.ignores ?? []), "admin/**", "storefront-components/**", "examples/**", "scripts/**", "bench/**", ...tests],
}))

export default tseslint.config(
  {
    ignores: [
      "**/node_modules/**",
      "**/.medusa/**",
      "**/dist/**",
      "**/coverage/**",
      // the example storefront's `next build` output and generated types
      "**/.next/**",
      "**/next-env.d.ts",
      ".data/**",
      ".cache/**",
      "tmp/**",
      "docs/**",
      "uploads/**",
      "static/**",
      "test-results/**",
    ],
  },
  js.configs.recommended,
  tseslint.configs.recommended,
  ...medusaServer,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_", caughtErrors: "none" }],
      // `void promise` marks a deliberately unawaited call
      "no-void": "off",
    },
  },
  {
    // The module service's public methods open their own transaction with
    // @InjectTransactionManager (they lock rows and must be all-or-nothing when
    // called outside a workflow too); the rules want @InjectManager plus a
    // protected transactional twin per method, which doubles each method
    // without changing what runs. The private knex_/statsReader_ helpers take
    // the context the public method's decorator already filled.
    files: ["src/modules/*/service.ts"],
    rules: {
      "@medusajs/use-inject-manager-on-public-methods": "off",
      "@medusajs/medusa-context-on-context-param": "off",
    },
  },
  {
    files: browser,
    languageOptions: { globals: { ...globals.browser } },
    plugins: { "react-hooks": reactHooks },
    rules: {
      ...reactHooks.configs.flat["recommended-latest"].rules,
      // only says that React Compiler would skip a component (react-hook-form's
      // watch()); nothing here is built with the compiler
      "react-hooks/incompatible-library": "off",
    },
  },
  {
    // No literal UI text in the admin screens: every word goes through t() of
    // the `coupons` namespace (src/admin/i18n). "jsx-only" checks JSX text,
    // strings in JSX expressions and the attributes named below (what a user
    // reads or hears), never class names, ids or other props.
    files: ["admin/**/*.tsx", "src/admin/**/*.tsx"],
    plugins: { i18next },
    rules: {
      "i18next/no-literal-string": [
        "error",
        {
          mode: "jsx-only",
          "jsx-attributes": {
            include: [
              "placeholder",
              "aria-label",
              "title",
              "alt",
              "label",
              "sortLabel",
              "tooltip",
              "heading",
              "description",
              "hint",
              "emptyHint",
              "noneLabel",
              "emptyState",
              "header",
            ],
          },
          // react-hook-form's field names and the translation calls themselves
          callees: { exclude: ["t", "i18n(ext)?", "register", "field", "watch", "error", "getValues", "setValue", "require"] },
          // the defaults (punctuation, UPPER_CASE, emoji), plus signs used as values: − — ∞ · →
          words: { exclude: ["[0-9!-/:-@[-`{-~]+", "[A-Z_-]+", "[\\s−—∞·→×]+", /^\p{Emoji}+$/u] },
        },
      ],
    },
  },
  {
    files: shipped,
    rules: {
      "no-console": "error",
      "@typescript-eslint/no-explicit-any": "error",
    },
  },
  {
    // CommonJS files loaded by jest and Medusa's config loader
    files: ["**/*.js", "**/*.cjs"],
    languageOptions: { sourceType: "commonjs", globals: { ...globals.node } },
    rules: { "@typescript-eslint/no-require-imports": "off" },
  },
  {
    files: tests,
    languageOptions: { globals: { ...globals.node, ...globals.jest } },
    rules: {
      // tests read untyped JSON responses and Medusa's container (resolve()
      // of a core module) where a typed shape would only restate the response;
      // shipped code stays without `any` (see `shipped` above)
      "@typescript-eslint/no-explicit-any": "off",
    },
  },
  // last: turns off the stylistic rules Prettier owns
  prettier
)
