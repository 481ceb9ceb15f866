import { randomFillSync } from "crypto"
import type { PatternSlot } from "./pattern"

const POOL_BYTES = 64 * 1024

/**
 * Bytes from the OS's cryptographic source, read 64 KiB at a time: one system
 * call per pool instead of one `randomInt` call per character, which is what
 * makes a million codes cheap.
 */
export class RandomBytePool {
  private readonly pool = Buffer.allocUnsafe(POOL_BYTES)
  private offset = POOL_BYTES

  next(): number {
    if (this.offset === POOL_BYTES) {
      randomFillSync(this.pool)
      this.offset = 0
    }
    return this.pool[this.offset++]
  }

  /** An index below `size` (1–256) without modulo bias: bytes past the last whole multiple of `size` are drawn again. */
  index(size: number): number {
    const limit = 256 - (256 % size)
    for (;;) {
      const byte = this.next()
      if (byte < limit) {
        return byte % size
      }
    }
  }
}

const PRINTABLE_ASCII = /^[\x21-\x7e]*$/

/**
 * A source of codes for one pattern (one character per slot). `joined(n, ",")`
 * writes n codes straight into one buffer and returns them as one string, so
 * a chunk of 10,000 codes costs one allocation instead of 10,000 strings.
 * Codes are not checked against each other or the store.
 */
export const createCodeSource = (slots: PatternSlot[]) => {
  const parts = slots.map((slot) => ("literal" in slot ? slot.literal : slot.alphabet))
  if (slots.some((slot) => "alphabet" in slot && (slot.alphabet.length < 1 || slot.alphabet.length > 256))) {
    // eslint-disable-next-line @medusajs/use-medusa-error-not-generic-error -- an invariant (patterns are validated when the batch is created): a bug, so a 500 with the message hidden
    throw new Error("a pattern alphabet must have 1 to 256 characters")
  }
  if (
    !parts.every((part) => part.length >= 1 && PRINTABLE_ASCII.test(part)) ||
    slots.some((slot) => "literal" in slot && slot.literal.length !== 1)
  ) {
    // eslint-disable-next-line @medusajs/use-medusa-error-not-generic-error -- an invariant, as above
    throw new Error("a pattern must be printable ASCII, one character per slot")
  }
  const literal = slots.map((slot) => "literal" in slot)
  const codes = parts.map((part) => Buffer.from(part, "latin1"))
  const bytes = new RandomBytePool()
  const width = slots.length

  const used = new Set(parts.join(""))
  const joined = (count: number, separator: string): string => {
    if (used.has(separator)) {
      // eslint-disable-next-line @medusajs/use-medusa-error-not-generic-error -- an invariant: callers pass separators the charsets never contain
      throw new Error(`the separator "${separator}" occurs in the pattern's characters`)
    }
    if (count <= 0) {
      return ""
    }
    const stride = width + 1
    const buffer = Buffer.allocUnsafe(count * stride - 1)
    const separatorByte = separator.charCodeAt(0)
    let offset = 0
    for (let i = 0; i < count; i++) {
      if (i > 0) {
        buffer[offset++] = separatorByte
      }
      for (let s = 0; s < width; s++) {
        const part = codes[s]
        buffer[offset++] = literal[s] ? part[0] : part[bytes.index(part.length)]
      }
    }
    return buffer.toString("latin1")
  }

  return {
    /** `count` codes separated by `separator` (one character that no code contains) */
    joined,
    take: (count: number): string[] => (count > 0 ? joined(count, "\n").split("\n") : []),
  }
}
