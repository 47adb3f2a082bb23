import { useEffect, useRef } from 'react'

/** Puts keyboard focus on an element when a screen or form first appears. */
export function useFocusOnMount<T extends HTMLElement>() {
  const ref = useRef<T>(null)
  useEffect(() => {
    ref.current?.focus()
  }, [])
  return ref
}

/** After a failed submit, focus the first field marked invalid inside `form`. */
export function focusFirstInvalid(form: HTMLElement | null) {
  const target = form?.querySelector<HTMLElement>('[aria-invalid="true"]')
  target?.focus()
}
