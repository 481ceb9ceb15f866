// Matches how the code was written before Prettier came in, so that the one
// formatting commit stays small: no semicolons, double quotes, long lines
// (a width of 140 changed the fewest lines of the widths tried), trailing
// commas where ES5 allows them.
export default {
  semi: false,
  singleQuote: false,
  printWidth: 140,
  trailingComma: "es5",
}
