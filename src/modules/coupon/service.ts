import type { Context } from "@medusajs/framework/types"
import {
  InjectTransactionManager,
  MedusaContext,
  MedusaService,
} from "@medusajs/framework/utils"
import type { Knex } from "@medusajs/framework/mikro-orm/knex"
import { CouponError } from "./errors/coupon-error"
import {
  Coupon,
  CouponCode,
  CouponCodeBatch,
  CouponCustomerUsage,
  CouponRedemption,
} from "./models"
import { CouponPluginOptions, parseCouponPluginOptions } from "./options"
import { insertRedemption } from "./repositories/insert-redemption"
import {
  incrementCodeUsage,
  incrementCouponUsage,
  incrementCustomerUsage,
} from "./repositories/usage-counters"
import { revertRedemptionRows } from "./repositories/revert-redemptions"
import type { RedeemCodeInput, RevertRedemptionsInput, RevertedRedemption } from "./types"

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
}) {
  protected readonly options_: CouponPluginOptions

  constructor(container: InjectedDependencies, options?: unknown) {
    // eslint-disable-next-line prefer-rest-params
    super(...arguments)
    // fails start-up with one clear message when the plugin options are wrong
    this.options_ = parseCouponPluginOptions(withoutFrameworkKeys(options))
  }

  getOptions(): CouponPluginOptions {
    return this.options_
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

    const ordered = [...input].sort((a, b) =>
      `${a.coupon_id}/${a.code_id}`.localeCompare(`${b.coupon_id}/${b.code_id}`)
    )
    const redemptionIds: string[] = []
    const redeemedCodeIds: string[] = []
    for (const redemption of ordered) {
      const inserted = await insertRedemption(knex, redemption)
      if (!inserted) {
        // this order already counted this code
        continue
      }
      if (!(await incrementCodeUsage(knex, redemption.code_id))) {
        throw new CouponError("code_usage_limit_reached", `Code ${redemption.code} has already been used.`)
      }
      if (!(await incrementCouponUsage(knex, redemption.coupon_id))) {
        throw new CouponError("usage_limit_reached", `Code ${redemption.code} has reached its usage limit.`)
      }
      for (const key of [...redemption.customer_keys].sort()) {
        if (!(await incrementCustomerUsage(knex, redemption.coupon_id, key, redemption.usage_limit_per_customer))) {
          throw new CouponError("customer_limit_reached", `You have already used code ${redemption.code}.`)
        }
      }
      redemptionIds.push(inserted)
      redeemedCodeIds.push(redemption.code_id)
    }
    return { redemption_ids: redemptionIds, redeemed_code_ids: redeemedCodeIds }
  }

  /**
   * Gives usage back for redemptions that are still counted, once: a second
   * call for the same rows finds nothing to revert. `remove` deletes the rows
   * instead of marking them reverted (a checkout that never became an order).
   */
  @InjectTransactionManager()
  async revertRedemptions(
    input: RevertRedemptionsInput,
    @MedusaContext() sharedContext: Context = {}
  ): Promise<RevertedRedemption[]> {
    return await revertRedemptionRows(this.knex_(sharedContext), input)
  }

  private knex_(sharedContext: Context): Knex {
    const manager = sharedContext.transactionManager as { getTransactionContext(): Knex } | undefined
    const knex = manager?.getTransactionContext()
    if (!knex) {
      throw new Error("coupon usage counters must run inside a transaction")
    }
    return knex
  }
}

export default CouponModuleService
