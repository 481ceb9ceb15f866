import { readdirSync, readFileSync, statSync } from "node:fs"
import path from "node:path"
import de from "../json/de.json"
import en from "../json/en.json"

type Tree = { [key: string]: string | Tree }

const root = path.resolve(__dirname, "../../../..")

/** "list.empty.heading" → text, for every leaf. */
const leaves = (tree: Tree, prefix = ""): Record<string, string> =>
  Object.entries(tree).reduce<Record<string, string>>((all, [key, value]) => {
    const name = prefix ? `${prefix}.${key}` : key
    return typeof value === "string" ? { ...all, [name]: value } : { ...all, ...leaves(value, name) }
  }, {})

const sourceFiles = (dir: string): string[] =>
  readdirSync(dir).flatMap((entry) => {
    const file = path.join(dir, entry)
    if (statSync(file).isDirectory()) {
      return entry === "__tests__" || entry === "node_modules" ? [] : sourceFiles(file)
    }
    return /\.tsx?$/.test(entry) ? [file] : []
  })

// a kind's name comes as `label` and as `lower` (English lower-cases it mid-sentence, German keeps its nouns)
const variables = (text: string) =>
  [...new Set([...text.matchAll(/{{\s*(\w+)/g)].map((match) => (match[1] === "lower" ? "label" : match[1])))].sort()

const english = leaves(en)
const german = leaves(de)
const sources = [...sourceFiles(path.join(root, "admin")), ...sourceFiles(path.join(root, "src/admin"))].map((file) => ({
  file: path.relative(root, file),
  text: readFileSync(file, "utf8"),
}))

/** A key as `t` resolves it: itself, or its plural forms when called with a count. */
const known = (key: string) => key in english || `${key}_one` in english || `${key}_other` in english

describe("admin translations (src/admin/i18n)", () => {
  it("should have the same keys in English and German", () => {
    expect(Object.keys(german).sort()).toEqual(Object.keys(english).sort())
  })

  it("should have no empty text", () => {
    const empty = [...Object.entries(english), ...Object.entries(german)].filter(([, text]) => !text.trim()).map(([key]) => key)
    expect(empty).toEqual([])
  })

  it("should use the same {{variables}} in both languages", () => {
    const differ = Object.keys(english).filter((key) => german[key] && variables(english[key]).join() !== variables(german[key]).join())
    expect(differ).toEqual([])
  })

  it('should know every t("key") the admin screens call', () => {
    const missing = sources.flatMap(({ file, text }) =>
      [...text.matchAll(/\bt\(\s*"([^"]+)"/g)]
        .map((match) => match[1])
        .filter((key) => !known(key))
        .map((key) => `${file}: ${key}`)
    )
    expect(missing).toEqual([])
  })

  it("should know the group of every t(`group.${…}`) key built at run time", () => {
    const missing = sources.flatMap(({ file, text }) =>
      [...text.matchAll(/\bt\(\s*`([\w.]+\.)\$\{/g)]
        .map((match) => match[1])
        .filter((prefix) => !Object.keys(english).some((key) => key.startsWith(prefix)))
        .map((prefix) => `${file}: ${prefix}`)
    )
    expect(missing).toEqual([])
  })

  it("should know the sidebar label, a key of the coupons namespace", () => {
    const page = readFileSync(path.join(root, "src/admin/routes/coupons/page.tsx"), "utf8")
    const label = page.match(/label:\s*"([^"]+)"/)?.[1]
    expect(page).toMatch(/translationNs:\s*"coupons"/)
    expect(label && known(label)).toBe(true)
  })
  // the lint rule (jsx-only) reads JSX; text handed over in objects and calls is checked here
  it("should leave no literal text in toasts, prompts or table columns", () => {
    const props = "header|heading|title|description|label|sortLabel|placeholder|confirmText|cancelText|verificationInstruction"
    const literal = new RegExp(`(?:\\btoast\\.\\w+\\(|\\b(?:${props}):)\\s*["'\`][^"'\`]*[A-Za-z]`)
    const found = sources.flatMap(({ file, text }) =>
      text
        .split("\n")
        .map((line, index) => ({ line, number: index + 1 }))
        // a route's sidebar label is a key of the namespace (translationNs)
        .filter(({ line }) => literal.test(line) && !line.includes("defineRouteConfig"))
        .map(({ line, number }) => `${file}:${number}: ${line.trim()}`)
    )
    expect(found).toEqual([])
  })
})
