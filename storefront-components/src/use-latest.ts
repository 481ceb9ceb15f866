import { useRef } from "react"

/** A ref that always holds the latest value: callbacks read it without re-subscribing effects. */
export const useLatest = <T>(value: T) => {
  const ref = useRef(value)
  // eslint-disable-next-line react-hooks/refs -- the point of the hook: the ref is written during render and read only in callbacks and effects
  ref.current = value
  return ref
}
