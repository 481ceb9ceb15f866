import { bulkEntityIds } from "../bulk-ids"

describe("bulkEntityIds", () => {
  it("should make distinct ids in Medusa's prefix_ULID format with the current time", () => {
    const ids = bulkEntityIds("cpncode", 10_000)
    expect(new Set(ids).size).toBe(10_000)
    expect(ids.every((id) => /^cpncode_[0-9A-HJKMNP-TV-Z]{26}$/.test(id))).toBe(true)
    const decoded = [...ids[0].slice(8, 18)].reduce((time, char) => time * 32 + "0123456789ABCDEFGHJKMNPQRSTVWXYZ".indexOf(char), 0)
    expect(Math.abs(decoded - Date.now())).toBeLessThan(5_000)
  })
})
