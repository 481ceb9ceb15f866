"use client"

// The plugin's drop-in for the cart the page already fetched, with the
// server actions above: no browser SDK, no request on page load.
import { applyCoupon, removeCoupon, validateCoupon } from "@lib/data/coupons"
import { HttpTypes } from "@medusajs/types"
import { CartCoupons } from "medusa-plugin-coupons-storefront"
import "medusa-plugin-coupons-storefront/styles.css"

const actions = { applyCoupon, removeCoupon, validateCoupon }

const Coupons = ({ cart }: { cart: HttpTypes.StoreCart }) => <CartCoupons cart={cart} actions={actions} />

export default Coupons
