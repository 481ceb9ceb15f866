import type { Metadata } from "next"
import Link from "next/link"
import "./globals.css"

export const metadata: Metadata = { title: "Coupons demo storefront (Next.js)" }

export default function RootLayout({ children }: { children: React.ReactNode }) {
  return (
    <html lang="en">
      <body>
        <header>
          <strong>Coupons demo · Next.js</strong>
          <Link href="/">Products</Link>
          <Link href="/cart">Starter cart</Link>
          <Link href="/components-cart">Components cart</Link>
        </header>
        <main>{children}</main>
      </body>
    </html>
  )
}
