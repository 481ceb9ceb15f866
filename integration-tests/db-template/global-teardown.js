const {
  dropPostgresDatabaseTemplate,
  closeWaitingroomClient,
} = require("@medusajs/test-utils/dist/medusa-test-runner-utils/postgres-template")

module.exports = async () => {
  const template = process.env.COUPONS_TEST_DB_TEMPLATE
  if (template) {
    await dropPostgresDatabaseTemplate(template)
    await closeWaitingroomClient()
  }
}
