// One migrated database per jest run for the cluster specs (see migratedDatabase in
// cluster.ts): the first migrates, the others copy it. The name is unique per run.
module.exports = async () => {
  process.env.COUPONS_CLUSTER_DB_TEMPLATE = `coupons_rel_migrated_${process.pid}_${Date.now().toString(36)}`
}
