import { addToCart } from "@lib/data/cart"
import { listProducts } from "@lib/data/products"
import { getRegion } from "@lib/data/regions"
import { convertToLocale } from "@lib/util/money"

export const dynamic = "force-dynamic"

export default async function Products() {
  const region = await getRegion(process.env.NEXT_PUBLIC_DEFAULT_REGION || "us")
  if (!region) {
    return <p>No region for this country: create one in the admin.</p>
  }
  const products = await listProducts(region.id)
  return (
    <>
      <h1>Products</h1>
      <ul className="products">
        {products.map((product) => {
          const variant = product.variants?.[0]
          const price = variant?.calculated_price?.calculated_amount
          return (
            <li key={product.id}>
              <h2>{product.title}</h2>
              <p>{price != null ? convertToLocale({ amount: price, currency_code: region.currency_code }) : "—"}</p>
              {variant && (
                <form action={addToCart}>
                  <input type="hidden" name="variant_id" value={variant.id} />
                  <button type="submit" name="next" value="/cart" aria-label={`Add ${product.title} to cart`}>
                    Add to cart
                  </button>{" "}
                  <button
                    type="submit"
                    name="next"
                    value="/components-cart"
                    className="link-button"
                    aria-label={`Add ${product.title} to cart, coupon components`}
                  >
                    (coupon components)
                  </button>
                </form>
              )}
            </li>
          )
        })}
      </ul>
    </>
  )
}
