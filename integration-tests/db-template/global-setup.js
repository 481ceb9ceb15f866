// One database migrated once per jest run: the first spec file migrates its own
// database and copies it here (see use-template.js); the others start from a copy.
// The name is unique per run, so runs started side by side never share one.
module.exports = async () => {
  process.env.COUPONS_TEST_DB_TEMPLATE = `coupons-migrated-${process.pid}-${Date.now().toString(36)}`
}
