import { parseCouponPluginOptions } from "../options"

const errorOf = (raw: unknown): string => {
  try {
    parseCouponPluginOptions(raw)
  } catch (error) {
    return (error as Error).message
  }
  throw new Error("expected the options to be refused")
}

const DEFAULTS = {
  code_format: "alphanumeric",
  code_length: 10,
  code_charset: "unambiguous",
  default_expiration_days: 30,
  default_usage_limit_per_customer: 1,
  default_discount_type: "percentage",
  allowed_domains: [],
  normalize_email_aliases: true,
  combine_with_automatic_promotions: true,
  max_codes_per_cart: null,
  revert_usage_on_cancel: true,
  give_back: { full_return: true, full_refund: true },
  uniform_refusals: false,
  rules: [],
  code_assigned_template: "coupon-code-assigned",
  code_assigned_channel: "email",
  hash_codes: false,
  plain_codes_retention_days: 7,
  hash_key_env: "COUPON_CODE_HASH_KEY",
  stale_batch_seconds: 120,
  reservation_minutes: 15,
  open_carts_refresh: "request",
  time_zone: "UTC",
  rate_limit: {
    enabled: true,
    failed_attempts_per_ip: { points: 30, duration_seconds: 900 },
    failed_attempts_per_cart: { points: 10, duration_seconds: 900 },
    failed_attempts_per_customer: { points: 10, duration_seconds: 900 },
    block_seconds: 0,
    store_prefix: "coupon_rate_limit",
  },
}

describe("coupon plugin options", () => {
  describe("parseCouponPluginOptions", () => {
    describe("defaults", () => {
      it("should fill every default for empty options", () => {
        expect(parseCouponPluginOptions({})).toEqual(DEFAULTS)
      })

      it.each([undefined, null])("should treat %p options as empty", (raw) => {
        expect(parseCouponPluginOptions(raw)).toEqual(DEFAULTS)
      })

      it("should keep given values and default the rest", () => {
        expect(
          parseCouponPluginOptions({
            code_length: 16,
            code_charset: "hex",
            default_expiration_days: null,
            default_usage_limit_per_customer: null,
            default_discount_type: "fixed",
            revert_usage_on_cancel: false,
          })
        ).toEqual({
          ...DEFAULTS,
          code_length: 16,
          code_charset: "hex",
          default_expiration_days: null,
          default_usage_limit_per_customer: null,
          default_discount_type: "fixed",
          revert_usage_on_cancel: false,
        })
      })

      it("should trim and lower-case allowed domains", () => {
        expect(parseCouponPluginOptions({ allowed_domains: [" Example.COM ", "*.Shop.example.com"] }).allowed_domains).toEqual([
          "example.com",
          "*.shop.example.com",
        ])
      })
    })

    describe("bad values", () => {
      it("should name each bad path in one error", () => {
        const message = errorOf({ code_length: 2, allowed_domains: ["example.com", "not a domain"] })
        expect(message).toMatch(/^medusa-plugin-coupons: invalid plugin options: /)
        expect(message.match(/invalid plugin options/g)).toHaveLength(1)
        expect(message).toContain("code_length:")
        expect(message).toContain("allowed_domains.1: must be a domain such as example.com or *.example.com")
        expect(message).not.toContain("allowed_domains.0")
      })

      it.each([
        ["code_length", 5],
        ["code_length", 33],
        ["code_length", 10.5],
        ["code_length", "12"],
        ["default_expiration_days", 0],
        ["default_expiration_days", -1],
        ["default_usage_limit_per_customer", 0],
        ["code_format", "emoji"],
        ["code_charset", "greek"],
        ["default_discount_type", "bogo"],
        ["revert_usage_on_cancel", "yes"],
        ["allowed_domains", "example.com"],
      ])("should refuse %s = %p", (key, value) => {
        expect(errorOf({ [key]: value })).toContain(`${key}:`)
      })

      it.each([
        ["code_length", 6],
        ["code_length", 32],
      ])("should accept the bound %s = %p", (key, value) => {
        expect(parseCouponPluginOptions({ [key]: value })).toMatchObject({ [key]: value })
      })

      it.each(["example", "exa mple.com", "*example.com", "*.", "http://example.com", "a@example.com"])(
        "should refuse the allowed domain %p",
        (domain) => {
          expect(errorOf({ allowed_domains: [domain] })).toContain("allowed_domains.0:")
        }
      )

      it("should refuse options that are not an object", () => {
        expect(errorOf("code_length=10")).toContain("(options):")
      })
    })

    describe("unknown keys", () => {
      it("should refuse an unknown key and name it", () => {
        const message = errorOf({ code_lenght: 12 })
        expect(message).toContain("code_lenght")
        expect(message).toContain("(options):")
      })

      it("should report an unknown key together with the other bad values", () => {
        const message = errorOf({ code_patern: "X-####", code_length: 3 })
        expect(message).toContain("code_patern")
        expect(message).toContain("code_length:")
      })
    })

    describe("rate_limit", () => {
      it("should default the windows it is not given", () => {
        expect(
          parseCouponPluginOptions({ rate_limit: { failed_attempts_per_cart: { points: 5, duration_seconds: 60 }, block_seconds: 600 } })
            .rate_limit
        ).toEqual({
          ...DEFAULTS.rate_limit,
          failed_attempts_per_cart: { points: 5, duration_seconds: 60 },
          block_seconds: 600,
        })
      })

      it("should keep a switched off limiter switched off", () => {
        expect(parseCouponPluginOptions({ rate_limit: { enabled: false } }).rate_limit.enabled).toBe(false)
      })

      it.each([
        [{ enabled: "no" }, "rate_limit.enabled:"],
        [{ failed_attempts_per_ip: { points: 0, duration_seconds: 60 } }, "rate_limit.failed_attempts_per_ip.points:"],
        [{ failed_attempts_per_cart: { points: 1.5, duration_seconds: 60 } }, "rate_limit.failed_attempts_per_cart.points:"],
        [{ failed_attempts_per_customer: { points: 3, duration_seconds: 0 } }, "rate_limit.failed_attempts_per_customer.duration_seconds:"],
        [{ failed_attempts_per_ip: { points: 3 } }, "rate_limit.failed_attempts_per_ip.duration_seconds:"],
        [{ failed_attempts_per_ip: 30 }, "rate_limit.failed_attempts_per_ip:"],
        [{ block_seconds: -1 }, "rate_limit.block_seconds:"],
        [{ store_prefix: "rate-limit; DROP" }, "rate_limit.store_prefix: must be a lower-case SQL identifier"],
        [{ per_ip: { points: 3, duration_seconds: 60 } }, "per_ip"],
        ["yes", "rate_limit:"],
      ])("should refuse rate_limit = %p", (rate_limit, expected) => {
        const message = errorOf({ rate_limit })
        expect(message).toMatch(/^medusa-plugin-coupons: invalid plugin options: /)
        expect(message).toContain(expected)
      })

      it("should refuse an unknown key inside a window and name it", () => {
        const message = errorOf({ rate_limit: { failed_attempts_per_cart: { points: 3, duration_seconds: 60, window: 1 } } })
        expect(message).toContain("rate_limit.failed_attempts_per_cart")
        expect(message).toContain("window")
      })
    })

    describe("code_pattern", () => {
      it("should accept a pattern with placeholders and keep it", () => {
        expect(parseCouponPluginOptions({ code_format: "pattern", code_pattern: "SUMMER-####-????" })).toMatchObject({
          code_format: "pattern",
          code_pattern: "SUMMER-####-????",
        })
      })

      it("should accept a lower-case pattern", () => {
        expect(parseCouponPluginOptions({ code_format: "pattern", code_pattern: "vip-***" }).code_pattern).toBe("vip-***")
      })

      it.each([undefined, ""])('should require code_pattern (%p) when code_format is "pattern"', (code_pattern) => {
        expect(errorOf({ code_format: "pattern", code_pattern })).toContain('code_pattern: is required when code_format is "pattern"')
      })

      it("should refuse a pattern without a placeholder", () => {
        expect(errorOf({ code_format: "pattern", code_pattern: "SUMMER-10" })).toContain("code_pattern: needs at least one placeholder")
      })

      it.each(["SUMMER ####", "-SUMMER-###", "SUMMER-###-", "SUM!###", "##"])(
        "should refuse the pattern %p that cannot make a well-formed code",
        (code_pattern) => {
          expect(errorOf({ code_format: "pattern", code_pattern })).toContain(
            "code_pattern: may only contain letters, digits, - and _ besides the placeholders"
          )
        }
      )

      it("should refuse a code_pattern that is not a string", () => {
        expect(errorOf({ code_format: "pattern", code_pattern: 1234 })).toContain("code_pattern:")
      })

      it("should not check code_pattern when code_format is not pattern", () => {
        expect(parseCouponPluginOptions({ code_format: "alphanumeric", code_pattern: "SUMMER" }).code_pattern).toBe("SUMMER")
      })

      it("should report a pattern problem alongside a value of the wrong type", () => {
        const message = errorOf({ code_format: "pattern", code_length: "12" })
        expect(message).toContain("code_length:")
        expect(message).toContain('code_pattern: is required when code_format is "pattern"')
      })

      it("should report a pattern problem alongside an unknown key", () => {
        const message = errorOf({ code_format: "pattern", code_pattern: "SUMMER", colour: "red" })
        expect(message).toContain("colour")
        expect(message).toContain("code_pattern: needs at least one placeholder")
      })
    })
  })
  describe("merchant rules", () => {
    const rule = { name: "vip-only", reason: "vip_only", check: () => true, message: "VIPs only." }

    it("should keep the merchant's rules as given, functions included", () => {
      const parsed = parseCouponPluginOptions({ rules: [rule, { ...rule, name: "other", message: () => "Computed." }] })
      expect(parsed.rules).toHaveLength(2)
      expect(parsed.rules[0].check).toBe(rule.check)
    })

    it("should refuse a rule without a function check or with a reason that is not snake_case, naming both", () => {
      const message = errorOf({ rules: [{ ...rule, check: "true", reason: "VIP only" }] })
      expect(message).toContain("rules.0.check: must be a function (context) => boolean")
      expect(message).toContain("rules.0.reason: must be a snake_case code such as vip_only")
    })

    it("should let the distribution notification be switched off or renamed", () => {
      expect(parseCouponPluginOptions({ code_assigned_template: null }).code_assigned_template).toBeNull()
      expect(parseCouponPluginOptions({ code_assigned_template: "my-template", code_assigned_channel: "sms" })).toMatchObject({
        code_assigned_template: "my-template",
        code_assigned_channel: "sms",
      })
    })
  })
})
