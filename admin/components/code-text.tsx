import { Text } from "@medusajs/ui"

/** A coupon code as every table shows it: small and monospaced, so O and 0 stay apart. */
export const CodeText = ({ code }: { code: string }) => (
  <Text size="small" className="font-mono">
    {code}
  </Text>
)
