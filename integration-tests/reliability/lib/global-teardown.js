const { dropDatabase } = require("../../../scripts/lib/pg-server.cjs")

module.exports = async () => {
  if (process.env.COUPONS_CLUSTER_DB_TEMPLATE) {
    await dropDatabase(process.env.COUPONS_CLUSTER_DB_TEMPLATE)
  }
}
