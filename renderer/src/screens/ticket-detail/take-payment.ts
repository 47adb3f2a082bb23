import { useEffect, useRef } from 'react'

// The payment section is asked to open its form from elsewhere on the ticket page (the hand-back
// gate's "Take payment") and by Alt+P. A window event keeps the two sections independent.

const takePaymentEvent = 'repair-ledger:take-payment'

export function requestTakePayment(): void {
  window.dispatchEvent(new Event(takePaymentEvent))
}

/** Calls `onRequest` on a request from the page or on Alt+P (by physical key, so layouts do not matter). */
export function useTakePaymentRequests(onRequest: () => void): void {
  const latest = useRef(onRequest)
  latest.current = onRequest
  useEffect(() => {
    const onEvent = () => latest.current()
    const onKeyDown = (event: KeyboardEvent) => {
      if (!event.altKey || event.ctrlKey || event.metaKey || event.shiftKey) return
      if (event.code !== 'KeyP' && event.key.toLowerCase() !== 'p') return
      event.preventDefault()
      latest.current()
    }
    window.addEventListener(takePaymentEvent, onEvent)
    window.addEventListener('keydown', onKeyDown)
    return () => {
      window.removeEventListener(takePaymentEvent, onEvent)
      window.removeEventListener('keydown', onKeyDown)
    }
  }, [])
}
