/**
 * Seeds the demo store once: currencies, two regions, tax regions, a stock
 * location with a "Standard Shipping" option, four products with stock, and
 * sample coupons (one of them already expired). Run by `npm run dev` through
 *
 *   npx medusa exec ./scripts/seed-demo.ts
 *
 * A finished seed marks the store (metadata.demo_seeded_at); later runs see
 * the mark and skip. Modelled on Medusa's starter seed.
 */
import type { ExecArgs, MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys, Modules, ProductStatus } from "@medusajs/framework/utils"
import {
  createApiKeysWorkflow,
  createInventoryLevelsWorkflow,
  createProductsWorkflow,
  createRegionsWorkflow,
  createShippingOptionsWorkflow,
  createShippingProfilesWorkflow,
  createStockLocationsWorkflow,
  createTaxRegionsWorkflow,
  linkSalesChannelsToApiKeyWorkflow,
  linkSalesChannelsToStockLocationWorkflow,
  updateStoresWorkflow,
} from "@medusajs/medusa/core-flows"
import { CHARSETS, generateDistinctCodes, parsePattern } from "../src/modules/coupon/codes"
import type CouponModuleService from "../src/modules/coupon/service"
import { createCouponWorkflow, CreateCouponWorkflowInput } from "../src/workflows/create-coupon"

const SEED_MARK = "demo_seeded_at"
const US = ["us"]
const EUROPE = ["de", "fr", "es", "it", "nl"]
const IMAGES = "https://medusa-public-images.s3.eu-west-1.amazonaws.com"

type Logger = { info(message: string): void }

export default async function seedDemo({ container }: ExecArgs) {
  const logger = container.resolve(ContainerRegistrationKeys.LOGGER)
  const query = container.resolve(ContainerRegistrationKeys.QUERY)
  const link = container.resolve(ContainerRegistrationKeys.LINK)
  const storeService = container.resolve(Modules.STORE)
  const salesChannelService = container.resolve(Modules.SALES_CHANNEL)
  const fulfillmentService = container.resolve(Modules.FULFILLMENT)

  const [store] = await storeService.listStores({}, { take: 1 })
  if (store.metadata?.[SEED_MARK]) {
    logger.info(`Demo data already seeded on ${store.metadata[SEED_MARK]}; skipping.`)
    return
  }

  // The app's start-up (also under `medusa exec`) creates the store, the
  // default sales channel and a default publishable key.
  const [salesChannel] = await salesChannelService.listSalesChannels({ id: store.default_sales_channel_id! })

  logger.info("Seeding store currencies and regions...")
  await updateStoresWorkflow(container).run({
    input: {
      selector: { id: store.id },
      update: {
        name: "Medusa Coupons Demo",
        supported_currencies: [{ currency_code: "usd", is_default: true }, { currency_code: "eur" }],
      },
    },
  })
  const { result: regions } = await createRegionsWorkflow(container).run({
    input: {
      regions: [
        { name: "United States", currency_code: "usd", countries: US, payment_providers: ["pp_system_default"] },
        { name: "Europe", currency_code: "eur", countries: EUROPE, payment_providers: ["pp_system_default"] },
      ],
    },
  })
  await createTaxRegionsWorkflow(container).run({
    input: [...US, ...EUROPE].map((country_code) => ({ country_code, provider_id: "tp_system" })),
  })

  logger.info("Seeding stock location and shipping...")
  const {
    result: [stockLocation],
  } = await createStockLocationsWorkflow(container).run({
    input: { locations: [{ name: "Main Warehouse", address: { city: "New York", country_code: "US", address_1: "" } }] },
  })
  await updateStoresWorkflow(container).run({
    input: {
      selector: { id: store.id },
      update: { default_location_id: stockLocation.id, default_region_id: regions[0].id },
    },
  })
  await link.create({
    [Modules.STOCK_LOCATION]: { stock_location_id: stockLocation.id },
    [Modules.FULFILLMENT]: { fulfillment_provider_id: "manual_manual" },
  })
  await linkSalesChannelsToStockLocationWorkflow(container).run({
    input: { id: stockLocation.id, add: [salesChannel.id] },
  })

  let [shippingProfile] = await fulfillmentService.listShippingProfiles({ type: "default" })
  if (!shippingProfile) {
    const { result } = await createShippingProfilesWorkflow(container).run({
      input: { data: [{ name: "Default Shipping Profile", type: "default" }] },
    })
    shippingProfile = result[0]
  }
  const fulfillmentSet = await fulfillmentService.createFulfillmentSets({
    name: "Main Warehouse delivery",
    type: "shipping",
    service_zones: [
      {
        name: "US and Europe",
        geo_zones: [...US, ...EUROPE].map((country_code) => ({ country_code, type: "country" as const })),
      },
    ],
  })
  await link.create({
    [Modules.STOCK_LOCATION]: { stock_location_id: stockLocation.id },
    [Modules.FULFILLMENT]: { fulfillment_set_id: fulfillmentSet.id },
  })
  await createShippingOptionsWorkflow(container).run({
    input: [
      {
        name: "Standard Shipping",
        price_type: "flat",
        provider_id: "manual_manual",
        service_zone_id: fulfillmentSet.service_zones[0].id,
        shipping_profile_id: shippingProfile.id,
        type: { label: "Standard", description: "Ship in 2-3 days.", code: "standard" },
        prices: [
          { currency_code: "usd", amount: 10 },
          { currency_code: "eur", amount: 10 },
        ],
        rules: [
          { attribute: "enabled_in_store", value: "true", operator: "eq" },
          { attribute: "is_return", value: "false", operator: "eq" },
        ],
      },
    ],
  })

  const publishableKey = await ensurePublishableKey(container, salesChannel.id)

  logger.info("Seeding products and stock...")
  const product = (title: string, handle: string, image: string, sizes: string[], price: { usd: number; eur: number }) => ({
    title,
    handle,
    description: `The ${title.toLowerCase()} of the coupons demo store.`,
    status: ProductStatus.PUBLISHED,
    shipping_profile_id: shippingProfile.id,
    thumbnail: `${IMAGES}/${image}`,
    images: [{ url: `${IMAGES}/${image}` }],
    options: [{ title: "Size", values: sizes }],
    variants: sizes.map((size) => ({
      title: size,
      sku: `${handle.toUpperCase()}-${size.toUpperCase().replace(/\W+/g, "")}`,
      options: { Size: size },
      manage_inventory: true,
      prices: [
        { currency_code: "usd", amount: price.usd },
        { currency_code: "eur", amount: price.eur },
      ],
    })),
    sales_channels: [{ id: salesChannel.id }],
  })
  await createProductsWorkflow(container).run({
    input: {
      products: [
        product("Medusa T-Shirt", "t-shirt", "tee-black-front.png", ["S", "M", "L", "XL"], { usd: 20, eur: 18 }),
        product("Medusa Sweatshirt", "sweatshirt", "sweatshirt-vintage-front.png", ["S", "M", "L", "XL"], { usd: 40, eur: 36 }),
        product("Medusa Sweatpants", "sweatpants", "sweatpants-gray-front.png", ["S", "M", "L", "XL"], { usd: 35, eur: 32 }),
        product("Medusa Shorts", "shorts", "shorts-vintage-front.png", ["S", "M", "L", "XL"], { usd: 25, eur: 22 }),
      ],
    },
  })
  const { data: inventoryItems } = await query.graph({ entity: "inventory_item", fields: ["id"] })
  await createInventoryLevelsWorkflow(container).run({
    input: {
      inventory_levels: inventoryItems.map((item) => ({
        inventory_item_id: item.id,
        location_id: stockLocation.id,
        stocked_quantity: 1_000,
      })),
    },
  })

  await seedCoupons(container, logger)

  await updateStoresWorkflow(container).run({
    input: { selector: { id: store.id }, update: { metadata: { ...store.metadata, [SEED_MARK]: new Date().toISOString() } } },
  })
  logger.info(`Demo data seeded. Publishable API key: ${publishableKey}`)
}

/** The default publishable key (made at start-up), linked to the sales channel; its token. */
async function ensurePublishableKey(container: MedusaContainer, salesChannelId: string): Promise<string> {
  const query = container.resolve(ContainerRegistrationKeys.QUERY)
  const { data: keys } = await query.graph({
    entity: "api_key",
    fields: ["id", "token", "sales_channels.id"],
    filters: { type: "publishable", revoked_at: null },
  })
  const existing = keys[0]
  const key =
    existing ??
    (
      await createApiKeysWorkflow(container).run({
        input: { api_keys: [{ title: "Webshop", type: "publishable", created_by: "" }] },
      })
    ).result[0]
  if (!existing?.sales_channels?.some((channel) => channel?.id === salesChannelId)) {
    await linkSalesChannelsToApiKeyWorkflow(container).run({ input: { id: key.id, add: [salesChannelId] } })
  }
  return key.token
}

/**
 * Sample coupons through the plugin's own workflow (coupon, shared code and
 * backing promotion together): three shared codes, an expired one (SUMMER25)
 * and a bulk coupon with 100 generated single-use codes.
 */
async function seedCoupons(container: MedusaContainer, logger: Logger) {
  const coupons = container.resolve<CouponModuleService>("coupon")
  logger.info("Seeding coupons...")

  const create = async (input: CreateCouponWorkflowInput) => (await createCouponWorkflow(container).run({ input })).result
  await create({
    name: "Welcome 10 %",
    status: "active",
    discount_type: "percentage",
    discount_value: 10,
    code: "WELCOME10",
    ends_at: null,
  })
  await create({
    name: "5 USD off",
    status: "active",
    discount_type: "fixed",
    discount_value: 5,
    currency_code: "usd",
    code: "SAVE5",
    ends_at: null,
  })
  await create({
    name: "Free shipping",
    status: "active",
    discount_type: "free_shipping",
    discount_value: 0,
    target: "shipping",
    code: "FREESHIP",
    ends_at: null,
  })
  // already over: the storefront shows its "expired" message (starts_at before ends_at, both past)
  await create({
    name: "Summer 2025",
    status: "active",
    discount_type: "percentage",
    discount_value: 20,
    code: "SUMMER25",
    starts_at: "2025-06-01T00:00:00.000Z",
    ends_at: "2025-08-31T23:59:59.000Z",
  })
  const spring = await create({
    name: "Spring giveaway",
    status: "active",
    discount_type: "percentage",
    discount_value: 15,
    usage_limit_per_customer: 1,
  })

  const pattern = "SPRING-********"
  const count = 100
  const batch = await coupons.createCouponCodeBatches({
    coupon_id: spring.id,
    requested_count: count,
    settings: { pattern, charset: "unambiguous", usage_limit: 1, expires_at: null },
    status: "running",
  })
  const codes = generateDistinctCodes(parsePattern(pattern, CHARSETS.unambiguous), count)
  await coupons.createCouponCodes(codes.map((code) => ({ coupon_id: spring.id, batch_id: batch.id, code, usage_limit: 1 })))
  await coupons.updateCouponCodeBatches({
    id: batch.id,
    status: "completed",
    generated_count: codes.length,
    completed_at: new Date(),
  })

  // conditions: buy 2 T-shirts get 1 free, a VIP group code, a first-order code
  const query = container.resolve(ContainerRegistrationKeys.QUERY)
  const { data: tees } = await query.graph({ entity: "product", fields: ["id"], filters: { handle: "t-shirt" } })
  await create({
    name: "Buy 2 tees, get 1 free",
    status: "active",
    discount_type: "buy_get",
    discount_value: 100,
    buy_quantity: 2,
    get_quantity: 1,
    buy_targets: { product_ids: [tees[0].id] },
    targets: { product_ids: [tees[0].id] },
    code: "TEE3FOR2",
    ends_at: null,
  })
  const [vip] = await container.resolve(Modules.CUSTOMER).createCustomerGroups([{ name: "VIP customers" }])
  await create({
    name: "VIP 20 %",
    status: "active",
    discount_type: "percentage",
    discount_value: 20,
    customer_group_ids: [vip.id],
    code: "VIP20",
    ends_at: null,
  })
  await create({
    name: "First order 15 %",
    status: "active",
    discount_type: "percentage",
    discount_value: 15,
    first_order_only: true,
    code: "FIRST15",
    ends_at: null,
  })
  logger.info(
    `Coupons: WELCOME10, SAVE5, FREESHIP, SUMMER25 (expired), TEE3FOR2, VIP20, FIRST15 and ${codes.length} codes like ${codes[0]}.`
  )
}
