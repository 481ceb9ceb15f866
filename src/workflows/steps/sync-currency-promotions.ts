import type { CreatePromotionDTO, IPromotionModuleService } from "@medusajs/framework/types"
import { Modules } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { findAllCouponPromotions } from "../utils/backing-promotion"
import {
  applicationMethodFor,
  backingPromotionData,
  currencyPairCodes,
  promotionStatusFor,
  taxInclusiveTwinCode,
  twinStatusFor,
} from "../utils/promotion-data"

type Coupon = Parameters<typeof backingPromotionData>[0]

export type SyncCurrencyPromotionsStepInput = { coupon: Coupon; backing_code: string }

/** A currency pair's promotion as it was, to put back. */
type Previous = { id: string; status: string; value: number; currency_code: string | null }

type Undo = { created: string[]; updated: Previous[] }

export const syncCurrencyPromotionsStepId = "sync-coupon-currency-promotions"

/**
 * Gives a fixed coupon's extra currencies (amounts besides its primary one)
 * their pair of promotions: created for a new currency, updated (amount,
 * status) for a kept one, made inactive for a currency it no longer has (kept,
 * as a cart may still name it until its next refresh). Returns the pairs kept,
 * for the rules sync; compensation deletes what it created and restores the rest.
 */
export const syncCurrencyPromotionsStep = createStep(
  syncCurrencyPromotionsStepId,
  async ({ coupon, backing_code }: SyncCurrencyPromotionsStepInput, { container }) => {
    const service = container.resolve<IPromotionModuleService>(Modules.PROMOTION)
    const wanted = currencyPairCodes(coupon, backing_code)
    // the backing promotion and its twin are the primary currency's (updated by the coupon's workflow)
    const own = new Set([backing_code, taxInclusiveTwinCode(backing_code)])
    const existing = (await findAllCouponPromotions(container, [backing_code])).filter((promotion) => !own.has(promotion.code))
    const byCode = new Map(existing.map((promotion) => [promotion.code, promotion]))
    const undo: Undo = { created: [], updated: [] }
    const kept: { id: string; tax_inclusive: boolean }[] = []

    const toCreate: CreatePromotionDTO[] = []
    const toUpdate: { id: string; status: "active" | "inactive"; application_method?: ReturnType<typeof applicationMethodFor> }[] = []
    for (const { currency, code, twin } of wanted) {
      for (const [promotionCode, taxInclusive] of [
        [code, false],
        [twin, true],
      ] as const) {
        const found = byCode.get(promotionCode)
        if (!found) {
          toCreate.push(backingPromotionData(coupon, promotionCode, taxInclusive, currency))
          continue
        }
        toUpdate.push({
          id: found.id,
          status: taxInclusive ? twinStatusFor(coupon) : promotionStatusFor(coupon.status),
          application_method: applicationMethodFor(coupon, currency),
        })
        kept.push({ id: found.id, tax_inclusive: taxInclusive })
      }
    }
    const wantedCodes = new Set(wanted.flatMap(({ code, twin }) => [code, twin]))
    for (const promotion of existing) {
      if (!wantedCodes.has(promotion.code) && promotion.status !== "inactive") {
        toUpdate.push({ id: promotion.id, status: "inactive" })
      }
    }

    if (toUpdate.length) {
      const before = await service.listPromotions({ id: toUpdate.map((update) => update.id) }, { relations: ["application_method"] })
      undo.updated = before.map((promotion) => ({
        id: promotion.id,
        status: promotion.status as string,
        value: Number(promotion.application_method?.value ?? 0),
        currency_code: promotion.application_method?.currency_code ?? null,
      }))
      await service.updatePromotions(
        toUpdate.map(({ id, status, application_method }) => ({
          id,
          status,
          ...(application_method
            ? {
                application_method: {
                  value: application_method.value,
                  currency_code: (application_method as { currency_code?: string }).currency_code,
                },
              }
            : {}),
        })) as never
      )
    }
    if (toCreate.length) {
      const created = await service.createPromotions(toCreate)
      undo.created = created.map((promotion) => promotion.id)
      kept.push(...created.map((promotion) => ({ id: promotion.id, tax_inclusive: !!promotion.is_tax_inclusive })))
    }
    return new StepResponse(kept, undo)
  },
  async (undo, { container }) => {
    if (!undo) {
      return
    }
    const service = container.resolve<IPromotionModuleService>(Modules.PROMOTION)
    if (undo.created.length) {
      await service.deletePromotions(undo.created)
    }
    if (undo.updated.length) {
      await service.updatePromotions(
        undo.updated.map(({ id, status, value, currency_code }) => ({
          id,
          status,
          application_method: { value, ...(currency_code ? { currency_code } : {}) },
        })) as never
      )
    }
  }
)
