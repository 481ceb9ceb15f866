import { displayCode, hashCode, hashKeyFrom, isHashedCode, MIN_HASH_KEY_LENGTH } from "../hash"

const KEY = "k".repeat(MIN_HASH_KEY_LENGTH)

describe("hashed codes", () => {
  it("should turn a code into a keyed digest no shopper can type", () => {
    const digest = hashCode(KEY, "SPRING-ABC123")
    expect(digest).toMatch(/^#[0-9A-F]{63}$/)
    expect(isHashedCode(digest)).toBe(true)
    expect(hashCode(KEY, "SPRING-ABC123")).toBe(digest)
    // another key, another digest: the database alone does not reveal codes
    expect(hashCode("x".repeat(MIN_HASH_KEY_LENGTH), "SPRING-ABC123")).not.toBe(digest)
    expect(hashCode(KEY, "SPRING-ABC124")).not.toBe(digest)
  })

  it("should show a hashed code by its last four characters only", () => {
    expect(displayCode({ code: hashCode(KEY, "SPRING-ABC123"), code_last4: "C123" })).toBe("****C123")
    expect(displayCode({ code: "WELCOME10", code_last4: null })).toBe("WELCOME10")
  })

  it("should refuse start-up when hash_codes is on without a usable key, naming the variable", () => {
    const options = { hash_codes: true, hash_key_env: "COUPON_CODE_HASH_KEY" }
    expect(() => hashKeyFrom(options, {})).toThrow(/hash_codes is on but the environment variable COUPON_CODE_HASH_KEY is not set/)
    expect(() => hashKeyFrom(options, { COUPON_CODE_HASH_KEY: "short" })).toThrow(/holds 5 characters; hash_codes needs at least 32/)
    expect(hashKeyFrom(options, { COUPON_CODE_HASH_KEY: KEY })).toBe(KEY)
  })

  it("should still find hashed codes when hashing was switched off later but the key is set", () => {
    expect(hashKeyFrom({ hash_codes: false, hash_key_env: "COUPON_CODE_HASH_KEY" }, { COUPON_CODE_HASH_KEY: KEY })).toBe(KEY)
    expect(hashKeyFrom({ hash_codes: false, hash_key_env: "COUPON_CODE_HASH_KEY" }, {})).toBeNull()
  })
})
