import { useEffect, useState } from 'react'

/** `value`, but only after it has stopped changing for `delayMs`: search-as-you-type without a call per key. */
export function useDebouncedValue<T>(value: T, delayMs = 150): T {
  const [settled, setSettled] = useState(value)
  useEffect(() => {
    const timer = setTimeout(() => setSettled(value), delayMs)
    return () => clearTimeout(timer)
  }, [value, delayMs])
  return settled
}
