import { RateLimiterRes } from "rate-limiter-flexible"
import { allowedFailuresOf, ATTEMPT_KEY_KINDS, type AttemptCounters, type AttemptKeyKind } from "./stores"

export type AttemptKeys = Partial<Record<AttemptKeyKind, string | null | undefined>>

/** What a failed attempt turned out to be: within the allowance, or the failure over it (answered 429). */
export type FailedAttemptVerdict = { over_limit: false } | { over_limit: true; retry_after_seconds: number }

export type AttemptReservation =
  | {
      allowed: true
      /** gives the points back: the attempt did not fail */
      release: () => Promise<void>
      /** the attempt failed: keeps the points and remembers the refusal, so repeating it is not counted again */
      failed: () => Promise<FailedAttemptVerdict>
    }
  | { allowed: false; retry_after_seconds: number; limited_by: AttemptKeyKind[] }

export type ReserveOptions = {
  /** the attempt's code with the cart (or address) it was tried on: a refusal already counted is not counted again */
  refusal?: string | null
}

const secondsOf = (ms: number) => Math.max(1, Math.ceil(ms / 1000))

/**
 * Failed code attempts counted per IP, cart and customer. With a limit of N,
 * N failures are answered with their reason; the next attempt is still looked
 * up, so a right code applies, and if it fails too it is answered 429; every
 * attempt after that is refused before the code is looked at, until the
 * window ends. An attempt takes a point from every key before the lookup,
 * atomically in the shared store, so parallel guesses cannot slip past; an
 * attempt that did not fail gives its points back. A code refused on a cart
 * is counted once: asking again (as a storefront does to learn the reason)
 * costs nothing.
 */
export class CouponAttemptLimiter {
  constructor(private readonly counters: AttemptCounters) {}

  async reserve(keys: AttemptKeys, { refusal }: ReserveOptions = {}): Promise<AttemptReservation> {
    const present = ATTEMPT_KEY_KINDS.filter((kind) => !!keys[kind])
    if (refusal && (await this.alreadyRefused(refusal))) {
      return this.repeat(keys, present)
    }
    const outcomes = await Promise.allSettled(present.map((kind) => this.counters[kind].consume(keys[kind] as string)))

    const taken = present.filter((_, index) => outcomes[index].status === "fulfilled")
    const release = async () => {
      await Promise.allSettled(taken.map((kind) => this.counters[kind].reward(keys[kind] as string)))
    }
    const over = present
      .map((kind, index) => ({ kind, outcome: outcomes[index] }))
      .filter(
        (entry): entry is { kind: AttemptKeyKind; outcome: PromiseRejectedResult } =>
          entry.outcome.status === "rejected" && entry.outcome.reason instanceof RateLimiterRes
      )
    if (over.length) {
      await release()
      const ms = Math.max(...over.map(({ outcome }) => (outcome.reason as RateLimiterRes).msBeforeNext))
      return { allowed: false, retry_after_seconds: secondsOf(ms), limited_by: over.map(({ kind }) => kind) }
    }
    // a store error with the in-memory insurance failing too leaves that key uncounted, never the shopper stuck
    const lastLook = present
      .map((kind, index) => ({ kind, outcome: outcomes[index] }))
      .filter(
        (entry): entry is { kind: AttemptKeyKind; outcome: PromiseFulfilledResult<RateLimiterRes> } =>
          entry.outcome.status === "fulfilled" && entry.outcome.value.consumedPoints > allowedFailuresOf(this.counters[entry.kind])
      )
    const failed = async (): Promise<FailedAttemptVerdict> => {
      if (refusal) {
        await this.counters.refusals.consume(refusal).catch(() => undefined)
      }
      if (!lastLook.length) {
        return { over_limit: false }
      }
      await Promise.allSettled(
        lastLook
          .filter(({ kind }) => this.counters[kind].blockDuration > 0)
          .map(({ kind }) => this.counters[kind].block(keys[kind] as string, this.counters[kind].blockDuration))
      )
      const ms = Math.max(
        ...lastLook.map(({ kind, outcome }) => Math.max(outcome.value.msBeforeNext, this.counters[kind].blockDuration * 1000))
      )
      return { over_limit: true, retry_after_seconds: secondsOf(ms) }
    }
    return { allowed: true, release, failed }
  }

  private async alreadyRefused(refusal: string) {
    const seen = await this.counters.refusals.get(refusal).catch(() => null)
    return !!seen && seen.consumedPoints > 0
  }

  /** A refusal asked again: nothing is counted, but a shopper over the limit stays refused. */
  private async repeat(keys: AttemptKeys, present: AttemptKeyKind[]): Promise<AttemptReservation> {
    const states = await Promise.all(present.map((kind) => this.counters[kind].get(keys[kind] as string).catch(() => null)))
    const over = present
      .map((kind, index) => ({ kind, state: states[index] }))
      .filter(({ kind, state }) => !!state && state.consumedPoints > allowedFailuresOf(this.counters[kind]))
    if (over.length) {
      const ms = Math.max(...over.map(({ state }) => (state as RateLimiterRes).msBeforeNext))
      return { allowed: false, retry_after_seconds: secondsOf(ms), limited_by: over.map(({ kind }) => kind) }
    }
    return { allowed: true, release: async () => undefined, failed: async () => ({ over_limit: false }) }
  }

  /** Failed attempts counted so far per key (for tests and support tooling). */
  async counts(keys: AttemptKeys): Promise<Partial<Record<AttemptKeyKind, number>>> {
    const present = ATTEMPT_KEY_KINDS.filter((kind) => !!keys[kind])
    const results = await Promise.all(present.map((kind) => this.counters[kind].get(keys[kind] as string)))
    return Object.fromEntries(present.map((kind, index) => [kind, results[index]?.consumedPoints ?? 0]))
  }
}
