import { emailDomainMatches } from "../index"

describe("emailDomainMatches", () => {
  describe("with an exact domain", () => {
    it("should match an address at that domain", () => {
      expect(emailDomainMatches("a@example.com", "example.com")).toBe(true)
    })

    it("should not match a subdomain, a look-alike or a longer domain", () => {
      expect(emailDomainMatches("a@mail.example.com", "example.com")).toBe(false)
      expect(emailDomainMatches("a@badexample.com", "example.com")).toBe(false)
      expect(emailDomainMatches("a@example.com.evil.io", "example.com")).toBe(false)
    })

    it("should ignore case and surrounding spaces on both sides", () => {
      expect(emailDomainMatches("A@EXAMPLE.COM ", " Example.Com")).toBe(true)
    })

    it("should accept a pattern written with a leading @", () => {
      expect(emailDomainMatches("a@example.com", "@example.com")).toBe(true)
      expect(emailDomainMatches("a@badexample.com", "@example.com")).toBe(false)
    })

    it("should take the domain after the last @", () => {
      expect(emailDomainMatches('"x@example.com"@evil.io', "example.com")).toBe(false)
    })
  })

  describe("with a wildcard domain", () => {
    it("should match the base domain and any depth of subdomain", () => {
      expect(emailDomainMatches("a@example.com", "*.example.com")).toBe(true)
      expect(emailDomainMatches("a@mail.example.com", "*.example.com")).toBe(true)
      expect(emailDomainMatches("a@x.y.example.com", "*.example.com")).toBe(true)
    })

    it("should not match a domain that only ends with the same letters", () => {
      expect(emailDomainMatches("a@badexample.com", "*.example.com")).toBe(false)
    })

    it("should not match a domain that merely starts with the base", () => {
      expect(emailDomainMatches("a@example.com.evil.io", "*.example.com")).toBe(false)
    })

    it("should ignore case", () => {
      expect(emailDomainMatches("a@MAIL.Example.com", "*.EXAMPLE.COM")).toBe(true)
    })
  })

  describe("with a malformed email", () => {
    it.each(["", "example.com", "@example.com", "a@"])("should not match %p", (email) => {
      expect(emailDomainMatches(email, "example.com")).toBe(false)
      expect(emailDomainMatches(email, "*.example.com")).toBe(false)
    })
  })
})
