/** `?coupon=CODE` from the current address (null outside a browser). */
export const readUrlParam = (param: string): string | null => {
  if (typeof window === "undefined") {
    return null
  }
  return new URLSearchParams(window.location.search).get(param)
}

/** Drops the parameter without a navigation or a new history entry (and keeps the router's history state). */
export const removeUrlParam = (param: string): void => {
  if (typeof window === "undefined") {
    return
  }
  const url = new URL(window.location.href)
  if (!url.searchParams.has(param)) {
    return
  }
  url.searchParams.delete(param)
  window.history.replaceState(window.history.state, "", `${url.pathname}${url.search}${url.hash}`)
}
