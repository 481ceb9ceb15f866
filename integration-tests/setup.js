const { MetadataStorage } = require("@medusajs/framework/mikro-orm/core")

// each test file boots its own ORM; stale entity metadata from a previous file breaks it
MetadataStorage.clear()

// the run's migrated template database (integration-tests/db-template)
if (process.env.COUPONS_TEST_DB_TEMPLATE) {
  require("./db-template/use-template")
}

// the store's failed-code limiter stays on in every test app, with limits no
// ordinary suite reaches; integration-tests/http/store-coupons-rate-limit.spec.ts
// passes small ones through the runner's env
for (const name of ["COUPON_RATE_LIMIT_PER_IP", "COUPON_RATE_LIMIT_PER_CART", "COUPON_RATE_LIMIT_PER_CUSTOMER"]) {
  process.env[name] ??= "100000"
}

// the test apps keep their store's calendar far from UTC (UTC+14, where the local date is a day
// ahead of UTC's from 10:00 UTC), so periodic caps are tested on a calendar that is not UTC's
process.env.COUPON_TIME_ZONE ??= "Pacific/Kiritimati"
