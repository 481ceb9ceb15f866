import type { IPromotionModuleService } from "@medusajs/framework/types"
import { Modules } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { buyRulesFor, NativeRule, targetRulesFor, taxModeRulesFor } from "../utils/promotion-data"

export type SyncBackingPromotionRulesStepInput = {
  /** the backing promotion and its tax-inclusive twin */
  promotions: { id: string; tax_inclusive: boolean }[]
  coupon: Parameters<typeof targetRulesFor>[0]
}

type StoredRule = { id: string; attribute: string; operator: string; values?: { value: string }[] }
type RuleSet = { rules: NativeRule[]; target_rules: NativeRule[]; buy_rules: NativeRule[] }

export const syncBackingPromotionRulesStepId = "sync-coupon-backing-promotion-rules"

const asNative = (rules: StoredRule[] = []): NativeRule[] =>
  rules.map((rule) => ({
    attribute: rule.attribute,
    operator: rule.operator as NativeRule["operator"],
    values: (rule.values ?? []).map((value) => value.value).sort(),
  }))

const sameRules = (a: NativeRule[], b: NativeRule[]) => {
  const key = (rules: NativeRule[]) =>
    JSON.stringify(
      rules
        .map((rule) => ({ ...rule, values: [...rule.values].sort() }))
        .sort((x, y) => x.attribute.localeCompare(y.attribute) || x.operator.localeCompare(y.operator))
    )
  return key(a) === key(b)
}

/** Replaces the rules of a promotion with the given set, returning what it held before. */
const replaceRules = async (promotions: IPromotionModuleService, promotionId: string, wanted: RuleSet): Promise<RuleSet> => {
  const promotion = await promotions.retrievePromotion(promotionId, {
    relations: [
      "rules",
      "rules.values",
      "application_method",
      "application_method.target_rules",
      "application_method.target_rules.values",
      "application_method.buy_rules",
      "application_method.buy_rules.values",
    ],
  })
  const method = promotion.application_method as unknown as { target_rules?: StoredRule[]; buy_rules?: StoredRule[] }
  const own = (promotion as unknown as { rules?: StoredRule[] }).rules
  const before: RuleSet = { rules: asNative(own), target_rules: asNative(method?.target_rules), buy_rules: asNative(method?.buy_rules) }
  if (!sameRules(before.rules, wanted.rules)) {
    const ids = (own ?? []).map((rule) => rule.id)
    if (ids.length) {
      await promotions.removePromotionRules(promotionId, ids)
    }
    if (wanted.rules.length) {
      await promotions.addPromotionRules(promotionId, wanted.rules as never)
    }
  }
  if (!sameRules(before.target_rules, wanted.target_rules)) {
    const ids = (method?.target_rules ?? []).map((rule) => rule.id)
    if (ids.length) {
      await promotions.removePromotionTargetRules(promotionId, ids)
    }
    if (wanted.target_rules.length) {
      await promotions.addPromotionTargetRules(promotionId, wanted.target_rules as never)
    }
  }
  if (!sameRules(before.buy_rules, wanted.buy_rules)) {
    const ids = (method?.buy_rules ?? []).map((rule) => rule.id)
    if (ids.length) {
      await promotions.removePromotionBuyRules(promotionId, ids)
    }
    if (wanted.buy_rules.length) {
      await promotions.addPromotionBuyRules(promotionId, wanted.buy_rules as never)
    }
  }
  return before
}

/**
 * Keeps the promotions' target and buy rules equal to the coupon's targets,
 * and their tax rules to its discount type; compensation puts the old ones back.
 */
export const syncBackingPromotionRulesStep = createStep(
  syncBackingPromotionRulesStepId,
  async ({ promotions, coupon }: SyncBackingPromotionRulesStepInput, { container }) => {
    const service = container.resolve<IPromotionModuleService>(Modules.PROMOTION)
    const previous: { promotion_id: string; before: RuleSet }[] = []
    // a coupon from before twins keeps no tax rule: its backing promotion alone serves every cart
    const paired = promotions.length > 1
    for (const promotion of promotions) {
      const before = await replaceRules(service, promotion.id, {
        rules: paired ? taxModeRulesFor(coupon, promotion.tax_inclusive) : [],
        target_rules: targetRulesFor(coupon),
        buy_rules: buyRulesFor(coupon),
      })
      previous.push({ promotion_id: promotion.id, before })
    }
    return new StepResponse(void 0, previous)
  },
  async (previous, { container }) => {
    const service = container.resolve<IPromotionModuleService>(Modules.PROMOTION)
    for (const { promotion_id, before } of previous ?? []) {
      await replaceRules(service, promotion_id, before)
    }
  }
)
