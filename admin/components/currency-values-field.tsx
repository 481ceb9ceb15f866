import { Input, Text } from "@medusajs/ui"
import type { CurrencyInputs } from "../lib/currency-values"

/**
 * One amount input per currency (the store's currencies, then any other the
 * coupon already names); an empty input leaves that currency out, and the
 * coupon then does not apply in it.
 */
export const CurrencyValuesField = ({
  id,
  value,
  onChange,
}: {
  id: string
  value: CurrencyInputs
  onChange: (value: CurrencyInputs) => void
}) => (
  <div className="grid grid-cols-2 gap-2 md:grid-cols-3" id={id}>
    {Object.entries(value).map(([currency, text]) => (
      <label key={currency} className="flex items-center gap-x-2">
        <Text size="small" className="text-ui-fg-subtle w-10 uppercase">
          {currency}
        </Text>
        <Input
          id={`${id}-${currency}`}
          aria-label={currency.toUpperCase()}
          type="number"
          min={0}
          step="any"
          value={text}
          onChange={(event) => onChange({ ...value, [currency]: event.target.value })}
        />
      </label>
    ))}
  </div>
)
