// The official starter's error mapper (src/lib/util/medusa-error.ts), without
// its console output. The js-sdk's FetchError has neither `response` nor
// `request`, so the starter's messages take the last branch, as they do here.
type StarterError = {
  message: string
  config?: { url: string; baseURL: string }
  response?: { data: { message?: string } | string }
  request?: unknown
}

export default function medusaError(error: StarterError): never {
  if (error.response) {
    const data = error.response.data
    const message = typeof data === "string" ? data : data.message || ""
    throw new Error(message.charAt(0).toUpperCase() + message.slice(1) + ".")
  } else if (error.request) {
    throw new Error("No response received: " + error.request)
  } else {
    throw new Error("Error setting up the request: " + error.message)
  }
}
