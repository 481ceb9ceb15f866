import { useRef } from "react"

/** A ref that always holds the latest value: callbacks read it without re-subscribing effects. */
export const useLatest = <T,>(value: T) => {
  const ref = useRef(value)
  ref.current = value
  return ref
}
