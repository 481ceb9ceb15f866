const { MetadataStorage } = require("@medusajs/framework/mikro-orm/core")

// each test file boots its own ORM; stale entity metadata from a previous file breaks it
MetadataStorage.clear()
