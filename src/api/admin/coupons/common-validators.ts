import { z } from "@medusajs/framework/zod"
import { isStorableDate, STORABLE_DATE_MESSAGE } from "../../../modules/coupon/schemas/storable-date"

/** `?status=a&status=b` and `?status=a` alike. */
export const oneOrMany = <T extends z.ZodTypeAny>(schema: T) =>
  z.union([schema, z.array(schema)]).transform((value) => (Array.isArray(value) ? value : [value]))

export const booleanParam = z.preprocess(
  (value) => (value === "true" ? true : value === "false" ? false : value),
  z.boolean({ error: 'must be "true" or "false"' })
)

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/

export const emailText = z.string().trim().toLowerCase().max(320).regex(EMAIL, "must be an email address")

/** A date PostgreSQL can store as written: years 1..9999 (a later or earlier one would be a 500). */
export const storableDate = z.coerce.date().refine(isStorableDate, STORABLE_DATE_MESSAGE)

/** A date range in query params: `created_at[gte]=…` (Medusa's `$gte` spelling works too). */
export const dateRangeParam = z
  .object({
    gte: storableDate.optional(),
    gt: storableDate.optional(),
    lte: storableDate.optional(),
    lt: storableDate.optional(),
    $gte: storableDate.optional(),
    $gt: storableDate.optional(),
    $lte: storableDate.optional(),
    $lt: storableDate.optional(),
  })
  .strict()
  .transform((range) => ({
    gte: range.gte ?? range.$gte,
    gt: range.gt ?? range.$gt,
    lte: range.lte ?? range.$lte,
    lt: range.lt ?? range.$lt,
  }))

const DATE_ONLY = /^\d{4}-\d{2}-\d{2}$/

/** A window start: a date (midnight UTC) or a timestamp. */
export const fromParam = storableDate

/** A window end, exclusive: a date means "through that day" (the next midnight UTC), a timestamp is used as is. */
export const toParam = z
  .string()
  .trim()
  .refine((text) => !Number.isNaN(Date.parse(text)), "must be a date or a timestamp")
  .transform((text) => {
    const date = new Date(text)
    return DATE_ONLY.test(text) ? new Date(date.getTime() + 86_400_000) : date
  })
  .refine(isStorableDate, STORABLE_DATE_MESSAGE)

const integerParam = z.preprocess((value) => (typeof value === "string" && value.trim() !== "" ? Number(value) : value), z.number().int())

const orderParam = (orderable: readonly string[]) =>
  z
    .string()
    .trim()
    .refine(
      (value) => orderable.includes(value.replace(/^-/, "")),
      `order must be one of ${orderable.join(", ")} (prefix - for descending)`
    )

/**
 * Paging and sorting of a list, bounded so that a bad value is a 400, never
 * a database error: `order` is one of the listed fields, `-field` descending.
 */
export const pagingParams = ({
  limit,
  maxLimit = 1_000,
  orderable,
  order,
}: {
  limit: number
  maxLimit?: number
  orderable: readonly string[]
  order?: string
}) => ({
  offset: integerParam.pipe(z.number().min(0)).optional().default(0),
  limit: integerParam.pipe(z.number().min(1).max(maxLimit)).optional().default(limit),
  order: order ? orderParam(orderable).optional().default(order) : orderParam(orderable).optional(),
})
