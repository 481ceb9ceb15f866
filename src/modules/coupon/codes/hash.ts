import { createHmac } from "node:crypto"
import { MedusaError } from "@medusajs/framework/utils"

/*
 * Hashed codes (plugin option `hash_codes`) are stored as a keyed HMAC of the
 * normalized code: "#" and 63 hex digits, a form no shopper can type (codes
 * are letters, digits, - and _), so a digest is never mistaken for a code.
 * The key lives only in the environment: the database alone cannot tell
 * which code a digest belongs to.
 */

export const HASHED_PREFIX = "#"

export const MIN_HASH_KEY_LENGTH = 32

export const hashCode = (key: string, normalizedCode: string): string =>
  HASHED_PREFIX + createHmac("sha256", key).update(normalizedCode, "utf8").digest("hex").toUpperCase().slice(0, 63)

export const isHashedCode = (code: string): boolean => code.startsWith(HASHED_PREFIX)

/** What admins and exports show for a hashed code: its last four characters. */
export const maskedCode = (last4: string | null | undefined): string => `****${last4 ?? ""}`

/** The code as it may be shown: itself, or masked when only its digest is stored. */
export const displayCode = (code: { code: string; code_last4?: string | null }): string =>
  isHashedCode(code.code) ? maskedCode(code.code_last4) : code.code

/**
 * Refuses start-up when hashing is on without a usable key: codes hashed with
 * a missing or changed key could never be redeemed.
 */
export const hashKeyFrom = (options: { hash_codes: boolean; hash_key_env: string }, env: NodeJS.ProcessEnv): string | null => {
  const key = env[options.hash_key_env]
  if (!options.hash_codes) {
    return key && key.length >= MIN_HASH_KEY_LENGTH ? key : null
  }
  if (!key) {
    throw new MedusaError(
      MedusaError.Types.INVALID_DATA,
      `medusa-plugin-coupons: hash_codes is on but the environment variable ${options.hash_key_env} is not set; set it to a random secret of at least ${MIN_HASH_KEY_LENGTH} characters (and keep it: codes hashed with it cannot be redeemed without it)`
    )
  }
  if (key.length < MIN_HASH_KEY_LENGTH) {
    throw new MedusaError(
      MedusaError.Types.INVALID_DATA,
      `medusa-plugin-coupons: the environment variable ${options.hash_key_env} holds ${key.length} characters; hash_codes needs at least ${MIN_HASH_KEY_LENGTH}`
    )
  }
  return key
}
