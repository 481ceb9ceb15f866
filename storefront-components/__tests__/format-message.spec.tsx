import { formatMessage } from "../src/format-message"
import { defaultMessages, mergeMessages } from "../src/messages"

describe("formatMessage", () => {
  it("fills placeholders", () => {
    expect(formatMessage("Code {code} applied.", { code: "SAVE10" })).toBe("Code SAVE10 applied.")
  })

  it("drops an optional section whose value is missing, keeps it otherwise", () => {
    const message = "Code {code} applied.[ You save {amount}.]"
    expect(formatMessage(message, { code: "A" })).toBe("Code A applied.")
    expect(formatMessage(message, { code: "A", amount: "$5.00" })).toBe("Code A applied. You save $5.00.")
  })

  it("leaves out a missing placeholder outside a section", () => {
    expect(formatMessage("Hello {name}!", {})).toBe("Hello !")
  })

  it("calls a function message with the values", () => {
    expect(formatMessage(({ code }) => `¡${code}!`, { code: "HOLA" })).toBe("¡HOLA!")
  })
})

describe("mergeMessages", () => {
  it("overrides strings and single reasons, keeping the other defaults", () => {
    const merged = mergeMessages({ apply: "Use" }, { reasons: { expired: "Gone." } })
    expect(merged.apply).toBe("Use")
    expect(merged.reasons.expired).toBe("Gone.")
    expect(merged.reasons.not_found).toBe(defaultMessages.reasons.not_found)
    expect(merged.label).toBe(defaultMessages.label)
  })
})
