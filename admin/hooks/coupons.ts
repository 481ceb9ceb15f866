import { FetchError } from "@medusajs/js-sdk"
import { useEffect, useRef } from "react"
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query"
import { sdk } from "../lib/sdk"
import type { AdminCoupon, AdminCouponList } from "../lib/types"

/** Query keys in the dashboard's own factory shape, so invalidation stays precise. */
export const couponQueryKeys = {
  all: ["coupons"] as const,
  lists: () => [...couponQueryKeys.all, "list"] as const,
  list: (query: Record<string, unknown>) => [...couponQueryKeys.lists(), query] as const,
  details: () => [...couponQueryKeys.all, "detail"] as const,
  detail: (id: string) => [...couponQueryKeys.details(), id] as const,
}

export const useCoupons = (query: Record<string, unknown>) =>
  useQuery<AdminCouponList, FetchError>({
    queryKey: couponQueryKeys.list(query),
    queryFn: () => sdk.client.fetch<AdminCouponList>("/admin/coupons", { query }),
    placeholderData: (previous) => previous,
  })

export const useCoupon = (id: string) =>
  useQuery<{ coupon: AdminCoupon }, FetchError>({
    queryKey: couponQueryKeys.detail(id),
    queryFn: () => sdk.client.fetch<{ coupon: AdminCoupon }>(`/admin/coupons/${id}`),
  })

export const useCreateCoupon = () => {
  const client = useQueryClient()
  return useMutation<{ coupon: AdminCoupon }, FetchError, Record<string, unknown>>({
    mutationFn: (body) => sdk.client.fetch("/admin/coupons", { method: "POST", body }),
    onSuccess: () => client.invalidateQueries({ queryKey: couponQueryKeys.lists() }),
  })
}

export const useUpdateCoupon = (id: string) => {
  const client = useQueryClient()
  return useMutation<{ coupon: AdminCoupon }, FetchError, Record<string, unknown>>({
    mutationFn: (body) => sdk.client.fetch(`/admin/coupons/${id}`, { method: "POST", body }),
    onSuccess: ({ coupon }) => {
      client.setQueryData(couponQueryKeys.detail(id), { coupon })
      // the history gained an entry
      void client.invalidateQueries({ queryKey: [...couponQueryKeys.detail(id), "audit"] })
      return client.invalidateQueries({ queryKey: couponQueryKeys.lists() })
    },
  })
}

export const useDeleteCoupon = (id: string) => {
  const client = useQueryClient()
  return useMutation<{ id: string; deleted: boolean }, FetchError, void>({
    mutationFn: () => sdk.client.fetch(`/admin/coupons/${id}`, { method: "DELETE" }),
    onSuccess: () => {
      client.removeQueries({ queryKey: couponQueryKeys.detail(id) })
      return client.invalidateQueries({ queryKey: couponQueryKeys.lists() })
    },
  })
}

export type AdminCouponBatch = {
  id: string
  status: "pending" | "running" | "completed" | "failed"
  requested_count: number
  generated_count: number
  error: string | null
  created_at: string
  /** a hashed batch whose plain codes can still be downloaded, until receipt is confirmed or the date below */
  plain_codes_downloadable: boolean
  plain_codes_downloadable_until: string | null
}

/**
 * The coupon's latest batches, newest first, polled while one is still
 * generating. A batch that ends brought its codes: the coupon's codes and
 * counts are read again then (a worker may finish it well after the page loaded).
 */
export const useCouponBatches = (id: string) => {
  const client = useQueryClient()
  const query = useQuery<{ batches: AdminCouponBatch[] }, FetchError>({
    queryKey: [...couponQueryKeys.detail(id), "batches"],
    queryFn: () => sdk.client.fetch(`/admin/coupons/${id}/code-batches`, { query: { limit: 100 } }),
    refetchInterval: (query) =>
      query.state.data?.batches.some((batch) => batch.status === "pending" || batch.status === "running") ? 1000 : false,
  })
  const ended = (query.data?.batches ?? [])
    .filter((batch) => batch.status === "completed" || batch.status === "failed")
    .map((batch) => batch.id)
    .join(",")
  const seen = useRef<string | null>(null)
  useEffect(() => {
    if (query.data && seen.current !== null && seen.current !== ended) {
      void client.invalidateQueries({ queryKey: couponQueryKeys.detail(id) })
    }
    if (query.data) {
      seen.current = ended
    }
  }, [client, id, ended, query.data])
  return query
}

/** The admin saved a hashed batch's plain codes: the server deletes them. */
export const useConfirmPlainCodes = (id: string) => {
  const client = useQueryClient()
  return useMutation<{ id: string; deleted: boolean }, FetchError, string>({
    mutationFn: (batchId) => sdk.client.fetch(`/admin/coupons/${id}/code-batches/${batchId}/codes/confirm`, { method: "POST" }),
    onSuccess: () => client.invalidateQueries({ queryKey: [...couponQueryKeys.detail(id), "batches"] }),
  })
}

export const useGenerateCodes = (id: string) => {
  const client = useQueryClient()
  return useMutation<{ batch: AdminCouponBatch }, FetchError, Record<string, unknown>>({
    mutationFn: (body) => sdk.client.fetch(`/admin/coupons/${id}/code-batches`, { method: "POST", body }),
    onSuccess: () => client.invalidateQueries({ queryKey: couponQueryKeys.detail(id) }),
  })
}

export const useDuplicateCoupon = (id: string) => {
  const client = useQueryClient()
  return useMutation<{ coupon: AdminCoupon }, FetchError, void>({
    mutationFn: () => sdk.client.fetch(`/admin/coupons/${id}/duplicate`, { method: "POST" }),
    onSuccess: () => client.invalidateQueries({ queryKey: couponQueryKeys.lists() }),
  })
}
