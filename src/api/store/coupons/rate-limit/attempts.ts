import { RateLimiterRes } from "rate-limiter-flexible"
import { ATTEMPT_KEY_KINDS, type AttemptCounters, type AttemptKeyKind } from "./stores"

export type AttemptKeys = Partial<Record<AttemptKeyKind, string | null | undefined>>

export type AttemptReservation =
  | { allowed: true; /** gives the point back: the attempt did not fail */ release: () => Promise<void> }
  | { allowed: false; retry_after_seconds: number; limited_by: AttemptKeyKind[] }

/**
 * Failed code attempts counted per IP, cart and customer. An attempt takes a
 * point from every key it has before the code is looked at, atomically in the
 * shared store, so parallel guesses cannot slip past the limit; an attempt
 * that did not fail gives its points back.
 */
export class CouponAttemptLimiter {
  constructor(private readonly counters: AttemptCounters) {}

  async reserve(keys: AttemptKeys): Promise<AttemptReservation> {
    const present = ATTEMPT_KEY_KINDS.filter((kind) => !!keys[kind])
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
    if (!over.length) {
      // a store error with the in-memory insurance failing too leaves that key uncounted, never the shopper stuck
      return { allowed: true, release }
    }
    await release()
    const ms = Math.max(...over.map(({ outcome }) => (outcome.reason as RateLimiterRes).msBeforeNext))
    return {
      allowed: false,
      retry_after_seconds: Math.max(1, Math.ceil(ms / 1000)),
      limited_by: over.map(({ kind }) => kind),
    }
  }

  /** Failed attempts counted so far per key (for tests and support tooling). */
  async counts(keys: AttemptKeys): Promise<Partial<Record<AttemptKeyKind, number>>> {
    const present = ATTEMPT_KEY_KINDS.filter((kind) => !!keys[kind])
    const results = await Promise.all(present.map((kind) => this.counters[kind].get(keys[kind] as string)))
    return Object.fromEntries(present.map((kind, index) => [kind, results[index]?.consumedPoints ?? 0]))
  }
}
