import { FetchError } from "@medusajs/js-sdk"
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query"
import { AdminRequestError, postAdminJson } from "../lib/admin-fetch"
import { sdk } from "../lib/sdk"
import { couponQueryKeys } from "./coupons"

export type AdminCouponCode = {
  id: string
  code: string
  status: "active" | "disabled"
  usage_count: number
  usage_limit: number | null
  expires_at: string | null
  assigned_email: string | null
  assigned_customer_id: string | null
  batch_id: string | null
}

const codesKey = (id: string, query?: Record<string, unknown>) =>
  [...couponQueryKeys.detail(id), "codes", ...(query ? [query] : [])] as const

export const useCouponCodes = (id: string, query: Record<string, unknown>) =>
  useQuery<{ codes: AdminCouponCode[]; count: number }, FetchError>({
    queryKey: codesKey(id, query),
    queryFn: () => sdk.client.fetch(`/admin/coupons/${id}/codes`, { query }),
    placeholderData: (previous) => previous,
  })

export const useUpdateCouponCode = (id: string) => {
  const client = useQueryClient()
  return useMutation<unknown, FetchError, { code_id: string; status: "active" | "disabled" }>({
    mutationFn: ({ code_id, ...body }) => sdk.client.fetch(`/admin/coupons/${id}/codes/${code_id}`, { method: "POST", body }),
    onSuccess: () => client.invalidateQueries({ queryKey: codesKey(id) }),
  })
}

export const useImportCodes = (id: string) => {
  const client = useQueryClient()
  // its refusal lists each bad line in `errors`, which only a request of our own keeps
  return useMutation<{ imported: number }, AdminRequestError, string>({
    mutationFn: (csv) => postAdminJson(`/admin/coupons/${id}/codes/import`, { csv }),
    onSuccess: () => client.invalidateQueries({ queryKey: codesKey(id) }),
  })
}
