// The official starter's middleware, the part the cart needs: every shopper
// gets a `_medusa_cache_id` cookie, which names their cache tags ("carts-<id>").
import { NextRequest, NextResponse } from "next/server"

export function middleware(request: NextRequest) {
  if (request.cookies.get("_medusa_cache_id")) {
    return NextResponse.next()
  }
  const response = NextResponse.redirect(request.nextUrl.href, 307)
  response.cookies.set("_medusa_cache_id", crypto.randomUUID(), { maxAge: 60 * 60 * 24 })
  return response
}

export const config = {
  matcher: ["/((?!api|_next/static|_next/image|favicon.ico).*)"],
}
