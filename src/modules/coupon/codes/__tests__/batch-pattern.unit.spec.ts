import { batchEntropyProblem, batchPatternProblem, resolveBatchPattern } from "../batch-pattern"
import { CHARSETS } from "../charsets"
import { createCodeSource } from "../random-codes"

const defaults = { code_format: "alphanumeric" as const, code_length: 10, code_charset: "unambiguous" }

describe("batch patterns", () => {
  describe("resolveBatchPattern", () => {
    it("should wrap a pattern or a length in prefix and suffix, else use the plugin's format", () => {
      expect(resolveBatchPattern({ pattern: "####-??", prefix: "sum-", suffix: "-x" }, defaults).pattern).toBe("SUM-####-??-X")
      expect(resolveBatchPattern({ length: 6, prefix: "A" }, defaults)).toEqual(
        expect.objectContaining({ pattern: "A******", charset: "unambiguous" })
      )
      expect(resolveBatchPattern({}, defaults).pattern).toBe("**********")
      expect(resolveBatchPattern({}, { ...defaults, code_format: "pattern", code_pattern: "WIN-####" }).pattern).toBe("WIN-####")
      expect(resolveBatchPattern({}, { ...defaults, code_format: "uuid" })).toEqual(
        expect.objectContaining({ pattern: "********-****-****-****-************", charset: "hex" })
      )
    })
  })

  describe("batchPatternProblem", () => {
    it("should refuse patterns without placeholders, of the wrong length, or with an edge dash", () => {
      expect(batchPatternProblem("SUMMER")).toContain("placeholder")
      expect(batchPatternProblem("#".repeat(65))).toContain("65 characters")
      expect(batchPatternProblem("-####")).toContain("must start and end")
      expect(batchPatternProblem("SUMMER-####-????")).toBeNull()
    })
  })

  describe("batchEntropyProblem", () => {
    it("should state the odds and a longer pattern when the space is under count × 1,000,000", () => {
      const resolved = resolveBatchPattern({ pattern: "SUMMER-####" }, defaults)
      const problem = batchEntropyProblem(resolved, 100)
      expect(problem).toContain("1 in 100")
      // 10^4 · 31^3 ≥ 100 · 10^6
      expect(problem).toContain('add 3 more random characters, e.g. "SUMMER-####***"')
      expect(batchEntropyProblem(resolveBatchPattern({ length: 12 }, defaults), 1_000_000)).toBeNull()
    })
  })

  describe("createCodeSource", () => {
    it("should draw codes of the pattern from every character of the alphabet", () => {
      const source = createCodeSource(resolveBatchPattern({ pattern: "X-**" }, defaults).slots)
      const codes = source.take(5_000)
      expect(codes.every((code) => /^X-[ABCDEFGHJKMNPQRSTUVWXYZ23456789]{2}$/.test(code))).toBe(true)
      const seen = new Set(codes.flatMap((code) => [...code.slice(2)]))
      expect(seen.size).toBe(CHARSETS.unambiguous.length)
    })
  })
})
