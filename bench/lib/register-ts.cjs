// A small TypeScript require hook on @swc/core, for the bench only. The
// medusa CLI registers ts-node, which loads the TypeScript compiler (about
// 80 MB of resident memory before the app starts); swc transpiles natively
// for about a third of that, so the bench's peak RSS is mostly the app's.
const fs = require("fs")
const swc = require("@swc/core")

const options = (filename) => ({
  filename,
  jsc: {
    target: "es2021",
    parser: { syntax: "typescript", decorators: true },
    transform: { legacyDecorator: true, decoratorMetadata: true },
  },
  module: { type: "commonjs" },
})

require.extensions[".ts"] = (module, filename) => {
  const { code } = swc.transformSync(fs.readFileSync(filename, "utf8"), options(filename))
  module._compile(code, filename)
}
