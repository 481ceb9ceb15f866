import { MedusaError } from "@medusajs/framework/utils"
import { z } from "@medusajs/framework/zod"
import { CHARSET_NAMES } from "./codes/charsets"
import { CODE_FORMAT } from "./codes/normalize"
import { patternHasPlaceholder } from "./codes/pattern"
import { isTimeZone } from "./utils/period"
import { CART_PARTS, type CartPart, type CouponSnapshot, type FoundContext } from "./rules/types"

const domain = z
  .string()
  .trim()
  .toLowerCase()
  .regex(/^(\*\.)?[a-z0-9-]+(\.[a-z0-9-]+)+$/, "must be a domain such as example.com or *.example.com")

const isFunction = (value: unknown) => typeof value === "function"

/** A merchant's own eligibility rule (see CouponRule in rules/types.ts). */
const merchantRule = z
  .object({
    name: z.string().trim().min(1),
    /** the stable code shoppers' storefronts see, e.g. "vip_only" */
    reason: z.string().regex(/^[a-z][a-z0-9_]{1,63}$/, "must be a snake_case code such as vip_only"),
    /** the parts of the cart it reads (rules/types.ts CartPart); without it the loader loads every part */
    reads: z
      .union([z.array(z.enum(CART_PARTS)), z.custom<(coupon: CouponSnapshot) => CartPart[]>(isFunction)], {
        error: `must be a list of ${CART_PARTS.join(", ")} or a function (coupon) => that list`,
      })
      .optional(),
    check: z.custom<(context: FoundContext) => boolean>(isFunction, "must be a function (context) => boolean"),
    message: z.union([z.string().min(1), z.custom<(context: FoundContext) => string>(isFunction)], {
      error: "must be a string or a function (context) => string",
    }),
  })
  .strict()

/** At most `points` failed attempts per `duration_seconds`, counted for one key (an IP, a cart, a customer). */
const failureWindow = (points: number, duration_seconds: number) =>
  z
    .object({
      points: z.number().int().min(1).max(1_000_000),
      duration_seconds: z
        .number()
        .int()
        .min(1)
        .max(7 * 24 * 60 * 60),
    })
    .strict()
    .default({ points, duration_seconds })

/**
 * Brute-force protection of the store routes that take a code: failed
 * attempts (a code that does not apply) are counted per IP, per cart and per
 * logged-in customer in Redis (with `redisUrl`) or else in PostgreSQL, so that
 * every server instance sees the same counters; successful attempts are free.
 */
const RateLimitOptionsSchema = z
  .object({
    enabled: z.boolean().default(true),
    failed_attempts_per_ip: failureWindow(30, 15 * 60),
    failed_attempts_per_cart: failureWindow(10, 15 * 60),
    failed_attempts_per_customer: failureWindow(10, 15 * 60),
    /** once a key is over its limit, refuse it for this long instead of until its window ends; 0 for the window */
    block_seconds: z
      .number()
      .int()
      .min(0)
      .max(7 * 24 * 60 * 60)
      .default(0),
    /** table (PostgreSQL) or key prefix (Redis) of the counters */
    store_prefix: z
      .string()
      .regex(/^[a-z_][a-z0-9_]{0,39}$/, "must be a lower-case SQL identifier of at most 40 characters")
      .default("coupon_rate_limit"),
  })
  .strict()

export type CouponRateLimitOptions = z.output<typeof RateLimitOptionsSchema>

type CodePatternFields = { code_format?: string; code_pattern?: string }

/** Why a pattern option is unusable, or null. */
const codePatternProblem = ({ code_format, code_pattern }: CodePatternFields): string | null => {
  if (code_format !== "pattern") {
    return null
  }
  if (!code_pattern) {
    return 'is required when code_format is "pattern"'
  }
  if (!patternHasPlaceholder(code_pattern)) {
    return "needs at least one placeholder (# digit, ? letter, * any character)"
  }
  if (!CODE_FORMAT.test(code_pattern.toUpperCase().replace(/[#?*]/g, "A"))) {
    return "may only contain letters, digits, - and _ besides the placeholders"
  }
  return null
}

export const CouponPluginOptionsSchema = z
  .object({
    /** how generated codes look */
    code_format: z.enum(["alphanumeric", "uuid", "pattern"]).default("alphanumeric"),
    /** random characters in a generated alphanumeric code */
    code_length: z.number().int().min(6).max(32).default(10),
    /** used when code_format is "pattern": # digit, ? letter, * any of the charset */
    code_pattern: z.string().optional(),
    /** character set for `*` and for alphanumeric codes */
    code_charset: z.enum(CHARSET_NAMES as [string, ...string[]]).default("unambiguous"),
    /** days until a new coupon expires when no end is given; null for no default end */
    default_expiration_days: z.number().int().positive().nullable().default(30),
    default_usage_limit_per_customer: z.number().int().positive().nullable().default(1),
    default_discount_type: z.enum(["percentage", "fixed", "free_shipping"]).default("percentage"),
    /** email domains every new coupon is limited to unless the coupon says otherwise */
    allowed_domains: z.array(domain).default([]),
    /** per-customer caps count an email's aliases as the address: +tag dropped, and Gmail's dots and googlemail.com */
    normalize_email_aliases: z.boolean().default(true),
    /** Medusa's automatic promotions stack with every coupon; false: a coupon that is not combinable is refused beside one */
    combine_with_automatic_promotions: z.boolean().default(true),
    /** the most codes one cart may hold (coupon codes and Medusa's own typed codes); null: no limit */
    max_codes_per_cart: z.number().int().min(1).max(100).nullable().default(null),
    /** give usage back when an order that used a code is canceled (the same as give_back.cancel, kept for existing configs) */
    revert_usage_on_cancel: z.boolean().default(true),
    /**
     * What an order's code gives back after checkout: its usage (the code's, the
     * coupon's, the customer's) and its spend budget, exactly once. A partial return
     * always gives back the budget share of the returned lines and keeps the usage.
     */
    give_back: z
      .object({
        /** a canceled order; unset follows revert_usage_on_cancel */
        cancel: z.boolean().optional(),
        /** every line returned (received or dismissed) */
        full_return: z.boolean().default(true),
        /** everything paid refunded */
        full_refund: z.boolean().default(true),
      })
      .strict()
      .default({ full_return: true, full_refund: true }),
    /**
     * Answer unknown, disabled, expired, used-up and not-yours codes alike
     * (`invalid_code`, one message) where a shopper types a code, so the answers
     * do not tell which codes exist; completion still says why
     */
    uniform_refusals: z.boolean().default(false),
    /**
     * minutes a single-use code (a code whose usage_limit is 1) stays held by the
     * cart that applied it: another cart hears `code_reserved` until the reservation
     * expires or the first cart removes the code; 0 turns reservations off
     */
    reservation_minutes: z
      .number()
      .int()
      .min(0)
      .max(7 * 24 * 60)
      .default(15),
    /**
     * where an edited coupon or code reaches the open carts that hold it: "request"
     * re-checks them within the admin's request (the edit shows on them at once);
     * "background" hands them to the instance that runs subscribers (the worker of a
     * split deployment), so an edit held by many carts does not keep the admin
     * waiting. Either way a cart completes at the coupon as it then is.
     */
    open_carts_refresh: z.enum(["request", "background"]).default("request"),
    /** the store's calendar (IANA zone): periodic caps (usage_limit_period) count days, weeks (from Monday) and months in it */
    time_zone: z.string().trim().refine(isTimeZone, "must be an IANA time zone such as Europe/Berlin").default("UTC"),
    /** the merchant's own rules, checked after the built-in ones; one with a built-in rule's name replaces it */
    rules: z.array(merchantRule).default([]),
    /** Notification Module template of the "your code" message a distribution sends; null sends none */
    code_assigned_template: z.string().trim().min(1).nullable().default("coupon-code-assigned"),
    code_assigned_channel: z.string().trim().min(1).default("email"),
    /** store single-use generated codes as keyed digests (plus their last 4 characters); the plain codes are downloadable until receipt is confirmed */
    hash_codes: z.boolean().default(false),
    /** days after a hashed batch completed that its plain codes stay downloadable unless the admin confirms receipt sooner */
    plain_codes_retention_days: z.number().int().min(1).max(365).default(7),
    /** the environment variable holding the HMAC key for hash_codes */
    hash_key_env: z
      .string()
      .trim()
      .regex(/^[A-Z_][A-Z0-9_]*$/, "must be an environment variable name")
      .default("COUPON_CODE_HASH_KEY"),
    /** a code batch left pending or running without progress for this long (its process stopped) is resumed by the scheduled job */
    stale_batch_seconds: z
      .number()
      .int()
      .min(5)
      .max(24 * 60 * 60)
      .default(120),
    /** limits on failed code attempts in the store (see RateLimitOptionsSchema) */
    rate_limit: RateLimitOptionsSchema.default(RateLimitOptionsSchema.parse({})),
  })
  .strict()
  .refine((options) => codePatternProblem(options) === null, {
    path: ["code_pattern"],
    error: (issue) => codePatternProblem(issue.input as CodePatternFields) ?? undefined,
    // zod skips refinements once any other option is malformed (an unknown key, a
    // string for a number); run anyway so that one error lists every bad value,
    // unless the two fields this reads are themselves malformed
    when: (payload) =>
      typeof payload.value === "object" &&
      payload.value !== null &&
      !payload.issues.some((issue) => ["code_format", "code_pattern"].includes(String(issue.path?.[0]))),
  })

export type CouponPluginOptionsInput = z.input<typeof CouponPluginOptionsSchema>
export type CouponPluginOptions = z.output<typeof CouponPluginOptionsSchema>

/** Parses plugin options, throwing one error that lists every bad value. */
export const parseCouponPluginOptions = (raw: unknown): CouponPluginOptions => {
  const result = CouponPluginOptionsSchema.safeParse(raw ?? {})
  if (result.success) {
    return result.data
  }
  const problems = result.error.issues.map((issue) => `${issue.path.join(".") || "(options)"}: ${issue.message}`).join("; ")
  throw new MedusaError(MedusaError.Types.INVALID_DATA, `medusa-plugin-coupons: invalid plugin options: ${problems}`)
}
