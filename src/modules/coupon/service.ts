import type { Context } from "@medusajs/framework/types"
import { InjectManager, InjectTransactionManager, MedusaContext, MedusaService } from "@medusajs/framework/utils"
import type { Knex, SqlEntityManager } from "@medusajs/framework/mikro-orm/knex"
import { CouponError } from "./errors/coupon-error"
import {
  Coupon,
  CouponCode,
  CouponCodeBatch,
  CouponCustomerUsage,
  CouponDistribution,
  CouponAuditEntry,
  CouponCodeReveal,
  CouponCartShopper,
  CouponRedemption,
  CouponCodeReservation,
} from "./models"
import { CouponPluginOptions, parseCouponPluginOptions } from "./options"
import { composeRules, CouponRule, defaultCouponRules, periodLimitMessage } from "./rules"
import { periodOf, type UsagePeriod } from "./utils/period"
import { isReservable } from "./utils/reservation"
import { COUPON_SCOPE, incrementPeriodUsage, periodUsage, recordPeriodCounts, type PeriodCount } from "./repositories/period-usage"
import { hashCode, hashKeyFrom, isHashedCode } from "./codes/hash"
import { assignCodes, redeemedByDistribution, unassignDistribution } from "./repositories/assign-codes"
import { budgetAllows, budgetUsed } from "./repositories/budget"
import { hasCartShopper, insertCartShopper } from "./repositories/cart-shoppers"
import { insertRedemption } from "./repositories/insert-redemption"
import { incrementCodeUsage, incrementCouponUsage, incrementCustomerUsage } from "./repositories/usage-counters"
import { revertRedemptionRows } from "./repositories/revert-redemptions"
import { codeSummaries } from "./repositories/code-summaries"
import { adjustRedemptionRow, lockOrderRedemptions } from "./repositories/adjust-redemptions"
import type { RedemptionAfterCheckout } from "./ledger/redemption-after-checkout"
import { claimBatch, CodeBatchProgress, discardBatchCodes, failBatch, fillBatchChunk, listStaleBatches } from "./repositories/code-batches"
import { batchesWithRevealedCodes, forgetRevealedCodes, purgeRevealedCodes, readRevealedCodes } from "./repositories/code-reveals"
import { couponStats, StatsReader, topCoupons } from "./repositories/coupon-stats"
import { rebuildStatsRollups, recordStatsChange, snapshotOrders } from "./repositories/stats-rollups"
import { codeExportPage, CodeExportRow, redemptionExportPage, RedemptionExportRow } from "./repositories/export-pages"
import { deleteCodes, findLiveCodes, insertCodes } from "./repositories/insert-codes"
import { purgeExpiredReservations, reserveCode, reservingCart, settleReservations } from "./repositories/code-reservations"
import type {
  CodeAssignment,
  DistributeCodesInput,
  Recipient,
  CouponStats,
  CouponStatsInput,
  NewCouponCode,
  RedeemCodeInput,
  RedemptionFilters,
  RevertRedemptionsInput,
  RevertedRedemption,
  AdjustedRedemption,
  CouponCodeSummary,
  ExpiryBeforeAssignment,
  OrderRedemptionRow,
  TopCoupon,
} from "./types"

type InjectedDependencies = Record<string, unknown>

/** Medusa adds its own keys (the module's database config) to a module's options. */
const withoutFrameworkKeys = (options: unknown) => {
  if (!options || typeof options !== "object") {
    return options
  }
  const { database: _database, ...pluginOptions } = options as Record<string, unknown>
  return pluginOptions
}

class CouponModuleService extends MedusaService({
  Coupon,
  CouponCode,
  CouponCodeBatch,
  CouponRedemption,
  CouponCustomerUsage,
  CouponDistribution,
  CouponAuditEntry,
  CouponCodeReveal,
  CouponCartShopper,
  CouponCodeReservation,
}) {
  protected readonly options_: CouponPluginOptions
  protected rules_?: CouponRule[]
  protected readonly hashKey_: string | null

  constructor(container: InjectedDependencies, options?: unknown) {
    // eslint-disable-next-line prefer-rest-params
    super(...arguments)
    // fails start-up with one clear message when the plugin options are wrong
    this.options_ = parseCouponPluginOptions(withoutFrameworkKeys(options))
    // fails start-up when hash_codes is on without a key
    this.hashKey_ = hashKeyFrom(this.options_, process.env)
  }

  // eslint-disable-next-line @medusajs/service-methods-must-be-async -- the parsed options, read synchronously by routes and steps
  getOptions(): CouponPluginOptions {
    return this.options_
  }

  /**
   * The stored forms a typed code may have: itself, and its digest when a hash
   * key is set. A typed digest is never looked up as is: knowing a digest
   * (a leaked database) must not be enough to redeem its code.
   */
  // eslint-disable-next-line @medusajs/service-methods-must-be-async -- pure computation on the hash key, no I/O
  codeLookupForms(normalizedCode: string): string[] {
    if (!this.hashKey_) {
      return isHashedCode(normalizedCode) ? [] : [normalizedCode]
    }
    const digest = hashCode(this.hashKey_, normalizedCode)
    return isHashedCode(normalizedCode) ? [digest] : [normalizedCode, digest]
  }

  /** Hashes a batch's codes when it was created with hashing on; null otherwise. */
  protected batchHasher_(): ((code: string) => string) | null {
    const key = this.hashKey_
    return key ? (code: string) => hashCode(key, code) : null
  }

  /** The eligibility rules of this store: built-in ones plus the merchant's from the plugin options. */
  // eslint-disable-next-line @medusajs/service-methods-must-be-async -- built once from the options, no I/O
  getRules(): CouponRule[] {
    this.rules_ ??= composeRules(defaultCouponRules, this.options_.rules)
    return this.rules_
  }

  /**
   * Records the ledger rows of an order and counts them, all or nothing: a
   * cap that another checkout reached first makes the whole call throw with
   * that cap's reason, and nothing is written. Calling it again for the same
   * order and code changes nothing (the ledger's unique index).
   * Rows are locked code → coupon → customer, in id order, so that two
   * checkouts never wait on each other in a cycle.
   */
  @InjectTransactionManager()
  async redeemCodes(
    input: RedeemCodeInput[],
    @MedusaContext() sharedContext: Context = {}
  ): Promise<{ redemption_ids: string[]; redeemed_code_ids: string[] }> {
    const knex = this.knex_(sharedContext)
    await knex.raw("SET LOCAL lock_timeout = '5s'")

    const statsBefore = await snapshotOrders(
      knex,
      input.map((redemption) => redemption.order_id)
    )
    const ordered = [...input].sort((a, b) => `${a.coupon_id}/${a.code_id}`.localeCompare(`${b.coupon_id}/${b.code_id}`))
    const redemptionIds: string[] = []
    const redeemedCodeIds: string[] = []
    for (const redemption of ordered) {
      const inserted = await insertRedemption(knex, redemption)
      if (!inserted) {
        // this order already counted this code
        continue
      }
      const code = await incrementCodeUsage(knex, redemption.code_id)
      if (!code) {
        throw new CouponError("code_usage_limit_reached", `Code ${redemption.code} has already been used.`)
      }
      // the order's use ends this cart's reservation; one another cart holds (this cart's had expired) wins
      if (isReservable(code, this.options_) && (await settleReservations(knex, [redemption.code_id], redemption.cart_id ?? null)).length) {
        throw new CouponError("code_reserved", `Code ${redemption.code} is in use in another checkout.`)
      }
      const limits = await incrementCouponUsage(knex, redemption.coupon_id)
      if (!limits) {
        throw new CouponError("usage_limit_reached", `Code ${redemption.code} has reached its usage limit.`)
      }
      const periodCounts: PeriodCount[] = []
      if (limits.usage_limit_period && limits.usage_limit !== null) {
        periodCounts.push(
          await this.countInPeriod_(knex, redemption, COUPON_SCOPE, limits.usage_limit_period, limits.usage_limit, "coupon")
        )
      }
      if (!(await budgetAllows(knex, redemption.coupon_id, redemption.currency_code, redemption.discount_amount))) {
        throw new CouponError("budget_exhausted", `Code ${redemption.code}: this promotion has ended, its budget is used up.`)
      }
      const customerPeriod = limits.usage_limit_per_customer !== null ? limits.usage_limit_per_customer_period : null
      for (const key of [...redemption.customer_keys].sort()) {
        // a periodic per-customer cap counts per period; the all-time count is then uncapped
        if (!(await incrementCustomerUsage(knex, redemption.coupon_id, key, customerPeriod ? null : limits.usage_limit_per_customer))) {
          throw new CouponError("customer_limit_reached", `You have already used code ${redemption.code}.`)
        }
        if (customerPeriod) {
          periodCounts.push(await this.countInPeriod_(knex, redemption, key, customerPeriod, limits.usage_limit_per_customer!, "customer"))
        }
      }
      await recordPeriodCounts(knex, inserted, periodCounts)
      redemptionIds.push(inserted)
      redeemedCodeIds.push(redemption.code_id)
    }
    await recordStatsChange(knex, statsBefore)
    return { redemption_ids: redemptionIds, redeemed_code_ids: redeemedCodeIds }
  }

  /** Counts one use in the current period of a periodic cap, or refuses with when it resets. */
  protected async countInPeriod_(
    knex: Knex,
    redemption: RedeemCodeInput,
    scopeKey: string,
    period: UsagePeriod,
    limit: number,
    scope: "coupon" | "customer"
  ): Promise<PeriodCount> {
    const { start, resets_at } = periodOf(period, new Date(), this.options_.time_zone)
    const count = { scope_key: scopeKey, period, period_start: start }
    if (!(await incrementPeriodUsage(knex, redemption.coupon_id, count, limit))) {
      const message = periodLimitMessage(scope, period, resets_at, this.options_.time_zone)
      throw new CouponError("period_limit_reached", `Code ${redemption.code}: ${message}`)
    }
    return count
  }

  /** This period's count of a periodic cap, and when the period ends (for the eligibility rules). */
  @InjectTransactionManager()
  async periodUsage(
    couponId: string,
    scopeKeys: string[],
    period: UsagePeriod,
    @MedusaContext() sharedContext: Context = {}
  ): Promise<{ count: number; resets_at: Date }> {
    const { start, resets_at } = periodOf(period, new Date(), this.options_.time_zone)
    return { count: await periodUsage(this.knex_(sharedContext), couponId, scopeKeys, period, start), resets_at }
  }

  /**
   * Gives usage back for redemptions that are still counted, once: a second
   * call for the same rows finds nothing to revert. `remove` deletes the rows
   * instead of marking them reverted (a checkout that never became an order).
   */
  @InjectTransactionManager()
  async revertRedemptions(input: RevertRedemptionsInput, @MedusaContext() sharedContext: Context = {}): Promise<RevertedRedemption[]> {
    return await revertRedemptionRows(this.knex_(sharedContext), input)
  }

  /**
   * Brings an order's redemptions in line with the order as it now stands, in one
   * transaction with their counters: the rows are locked first, then `decide` reads
   * the order (so two adjustments of one order run one after the other, the later
   * one reading the later order) and says what each row now is (null: unchanged).
   */
  @InjectTransactionManager()
  async adjustOrderRedemptions(
    orderId: string,
    decide: (rows: OrderRedemptionRow[]) => Promise<Map<string, RedemptionAfterCheckout | null>>,
    @MedusaContext() sharedContext: Context = {}
  ): Promise<AdjustedRedemption[]> {
    const knex = this.knex_(sharedContext)
    const statsBefore = await snapshotOrders(knex, [orderId])
    const rows = await lockOrderRedemptions(knex, orderId)
    if (!rows.length) {
      return []
    }
    const next = await decide(rows)
    const adjusted: AdjustedRedemption[] = []
    for (const row of rows) {
      const state = next.get(row.id)
      const changed = state ? await adjustRedemptionRow(knex, row.id, state) : null
      if (changed) {
        adjusted.push(changed)
      }
    }
    await recordStatsChange(knex, statsBefore)
    return adjusted
  }

  /** Remembers the customer logged in on a store request that touched the cart (see CouponCartShopper). */
  @InjectTransactionManager()
  async rememberCartShopper(cartId: string, customerId: string, @MedusaContext() sharedContext: Context = {}): Promise<void> {
    await insertCartShopper(this.knex_(sharedContext), cartId, customerId)
  }

  /** Whether the customer was logged in on a store request that touched the cart. */
  @InjectTransactionManager()
  async wasCartShopper(cartId: string, customerId: string, @MedusaContext() sharedContext: Context = {}): Promise<boolean> {
    return await hasCartShopper(this.knex_(sharedContext), cartId, customerId)
  }

  /** Hands one unused code to each recipient, all or nothing (see assignCodes). */
  @InjectTransactionManager()
  async distributeCodes(
    input: DistributeCodesInput,
    @MedusaContext() sharedContext: Context = {}
  ): Promise<{ distribution_id: string; assignments: CodeAssignment[]; skipped: Recipient[]; expiry_before: ExpiryBeforeAssignment[] }> {
    const knex = this.knex_(sharedContext)
    await knex.raw("SET LOCAL lock_timeout = '10s'")
    return await assignCodes(knex, input)
  }

  @InjectTransactionManager()
  async undoDistribution(
    distributionId: string,
    expiryBefore: ExpiryBeforeAssignment[] = [],
    @MedusaContext() sharedContext: Context = {}
  ): Promise<void> {
    await unassignDistribution(this.knex_(sharedContext), distributionId, expiryBefore)
  }

  @InjectTransactionManager()
  async countRedeemedByDistribution(
    distributionIds: string[],
    @MedusaContext() sharedContext: Context = {}
  ): Promise<Record<string, number>> {
    return await redeemedByDistribution(this.knex_(sharedContext), distributionIds)
  }

  /** Each coupon's live code count, and its code when it has one (see code-summaries.ts). */
  @InjectManager()
  async summarizeCodes(couponIds: string[], @MedusaContext() sharedContext: Context = {}): Promise<Map<string, CouponCodeSummary>> {
    return await codeSummaries((sharedContext.manager as SqlEntityManager).getKnex(), couponIds)
  }

  /** The plain codes of a hashed batch; reading deletes nothing (see code-reveals.ts). */
  @InjectTransactionManager()
  async listRevealedCodes(batchId: string, @MedusaContext() sharedContext: Context = {}): Promise<string[]> {
    return await readRevealedCodes(this.knex_(sharedContext), batchId)
  }

  /** Deletes a hashed batch's plain codes once the admin has confirmed they were saved. */
  @InjectTransactionManager()
  async forgetRevealedCodes(batchId: string, @MedusaContext() sharedContext: Context = {}): Promise<number> {
    return await forgetRevealedCodes(this.knex_(sharedContext), batchId)
  }

  @InjectTransactionManager()
  async batchesWithRevealedCodes(batchIds: string[], @MedusaContext() sharedContext: Context = {}): Promise<Set<string>> {
    return await batchesWithRevealedCodes(this.knex_(sharedContext), batchIds)
  }

  /** Holds a single-use code for the cart for `reservation_minutes`; false when another cart holds it. */
  @InjectTransactionManager()
  async reserveCouponCode(codeId: string, cartId: string, @MedusaContext() sharedContext: Context = {}): Promise<boolean> {
    return await reserveCode(this.knex_(sharedContext), codeId, cartId, this.options_.reservation_minutes)
  }

  /** The cart holding a live reservation of the code, or null. */
  @InjectTransactionManager()
  async reservingCartOf(codeId: string, @MedusaContext() sharedContext: Context = {}): Promise<string | null> {
    return await reservingCart(this.knex_(sharedContext), codeId)
  }

  /** Ends the cart's reservations of these codes (and expired ones); returns the codes another cart still holds. */
  @InjectTransactionManager()
  async releaseCodeReservations(codeIds: string[], cartId: string, @MedusaContext() sharedContext: Context = {}): Promise<string[]> {
    return await settleReservations(this.knex_(sharedContext), codeIds, cartId)
  }

  /** Deletes expired reservations (their codes are free already: expiry is part of every check). */
  @InjectTransactionManager()
  async purgeExpiredReservations(@MedusaContext() sharedContext: Context = {}): Promise<number> {
    return await purgeExpiredReservations(this.knex_(sharedContext))
  }

  /** Deletes the plain codes whose download window (`plain_codes_retention_days`) has passed. */
  @InjectTransactionManager()
  async purgeRevealedCodes(@MedusaContext() sharedContext: Context = {}): Promise<number> {
    return await purgeRevealedCodes(this.knex_(sharedContext), this.options_.plain_codes_retention_days * 24 * 60 * 60)
  }

  /** Discount the coupon has given in one currency (redeemed orders only). */
  @InjectTransactionManager()
  async budgetUsed(couponId: string, currencyCode: string, @MedusaContext() sharedContext: Context = {}): Promise<number> {
    return await budgetUsed(this.knex_(sharedContext), couponId, currencyCode)
  }

  /** Claims a pending or running batch for a runner; null when there is nothing left to do. */
  @InjectTransactionManager()
  async claimCodeBatch(id: string, @MedusaContext() sharedContext: Context = {}): Promise<CodeBatchProgress | null> {
    return await claimBatch(this.knex_(sharedContext), id)
  }

  /** Adds the next chunk of a running batch's codes in one transaction. */
  @InjectTransactionManager()
  async fillCodeBatchChunk(id: string, chunkSize: number, @MedusaContext() sharedContext: Context = {}): Promise<CodeBatchProgress> {
    return await fillBatchChunk(this.knex_(sharedContext), id, chunkSize, this.batchHasher_())
  }

  @InjectTransactionManager()
  async failCodeBatch(id: string, message: string, @MedusaContext() sharedContext: Context = {}): Promise<void> {
    await failBatch(this.knex_(sharedContext), id, message)
  }

  /** Soft-deletes a failed batch's unredeemed codes and leaves the batch `failed`. */
  @InjectTransactionManager()
  async discardCodeBatch(id: string, message: string | null, @MedusaContext() sharedContext: Context = {}): Promise<void> {
    await discardBatchCodes(this.knex_(sharedContext), id, message)
  }

  @InjectTransactionManager()
  async listStaleCodeBatches(staleSeconds: number, @MedusaContext() sharedContext: Context = {}): Promise<string[]> {
    return await listStaleBatches(this.knex_(sharedContext), staleSeconds)
  }

  /** The given normalized codes that live codes already use. */
  @InjectTransactionManager()
  async findLiveCodes(codes: string[], @MedusaContext() sharedContext: Context = {}): Promise<string[]> {
    return await findLiveCodes(this.knex_(sharedContext), codes)
  }

  /** Inserts named codes, all or nothing; a code taken meanwhile throws a 422 naming it. */
  @InjectTransactionManager()
  async insertCouponCodes(
    couponId: string,
    codes: NewCouponCode[],
    @MedusaContext() sharedContext: Context = {}
  ): Promise<{ id: string; code: string }[]> {
    return await insertCodes(this.knex_(sharedContext), couponId, codes)
  }

  /** Soft-deletes codes a compensated step created (skipping any a shopper managed to redeem). */
  @InjectTransactionManager()
  async deleteNewCouponCodes(ids: string[], @MedusaContext() sharedContext: Context = {}): Promise<void> {
    await deleteCodes(this.knex_(sharedContext), ids)
  }

  @InjectTransactionManager()
  async listCodeExportPage(
    couponId: string,
    afterId: string | null,
    limit: number,
    @MedusaContext() sharedContext: Context = {}
  ): Promise<CodeExportRow[]> {
    return await codeExportPage(this.knex_(sharedContext), couponId, afterId, limit)
  }

  @InjectTransactionManager()
  async listRedemptionExportPage(
    filters: RedemptionFilters,
    after: { cursor: string; id: string } | null,
    limit: number,
    @MedusaContext() sharedContext: Context = {}
  ): Promise<RedemptionExportRow[]> {
    return await redemptionExportPage(this.knex_(sharedContext), filters, after, limit)
  }

  /** Redemption totals of one coupon or of the store, from SQL aggregates over redeemed rows. */
  @InjectManager()
  async getCouponStats(input: CouponStatsInput, @MedusaContext() sharedContext: Context = {}): Promise<CouponStats> {
    return await couponStats(this.statsReader_(sharedContext), input)
  }

  /** Recomputes the stats rollups from the ledger (the backfill; see repositories/stats-rollups.ts). */
  @InjectTransactionManager()
  async rebuildCouponStats(@MedusaContext() sharedContext: Context = {}): Promise<{ days: number; entries: number }> {
    const knex = this.knex_(sharedContext)
    await knex.raw("SET LOCAL work_mem = '256MB'")
    return await rebuildStatsRollups(knex)
  }

  @InjectManager()
  async getTopCoupons(input: CouponStatsInput, limit: number, @MedusaContext() sharedContext: Context = {}): Promise<TopCoupon[]> {
    return await topCoupons(this.statsReader_(sharedContext), input, limit)
  }

  /**
   * Analytics reads: inside a caller's transaction they run there, one after
   * the other; otherwise each takes a pooled connection of its own (so the
   * aggregates run side by side) in a short transaction whose work_mem keeps
   * the hash aggregates of ~100,000 rows in memory.
   */
  private statsReader_(sharedContext: Context): StatsReader {
    const transaction = (sharedContext.transactionManager as { getTransactionContext(): Knex } | undefined)?.getTransactionContext()
    if (transaction) {
      return (sql, bindings) => transaction.raw(sql, bindings)
    }
    const knex = (sharedContext.manager as SqlEntityManager).getKnex()
    return (sql, bindings) =>
      knex.transaction(async (trx): Promise<{ rows: Record<string, unknown>[] }> => {
        await trx.raw("SET LOCAL work_mem = '64MB'")
        return await trx.raw(sql, bindings)
      })
  }

  private knex_(sharedContext: Context): Knex {
    const manager = sharedContext.transactionManager as { getTransactionContext(): Knex } | undefined
    const knex = manager?.getTransactionContext()
    if (!knex) {
      // eslint-disable-next-line @medusajs/use-medusa-error-not-generic-error -- an invariant (every caller is decorated with @InjectTransactionManager): a bug, so a 500 with the message hidden
      throw new Error("coupon usage counters must run inside a transaction")
    }
    return knex
  }
}

export default CouponModuleService
