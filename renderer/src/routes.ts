import { useSyncExternalStore } from 'react'

/** The left navigation, in order; Alt+1 … Alt+7 follow this order. */
export const routes = ['counter', 'tickets', 'parts', 'payments', 'reports', 'claims', 'settings'] as const
export type Route = (typeof routes)[number]

export const defaultRoute: Route = 'counter'

/** Print-only documents of a ticket, rendered without the app shell. */
export const printLayouts = ['receipt-80', 'receipt-a4', 'label', 'job-sheet', 'handback-80', 'handback-a4'] as const
export type PrintLayout = (typeof printLayouts)[number]

/** What the hash points at: a navigation screen, one ticket, or a ticket's print document. */
export type View =
  | { kind: 'screen'; route: Route }
  | { kind: 'ticket'; route: 'tickets'; ticketId: number }
  | { kind: 'print'; route: 'tickets'; ticketId: number; layout: PrintLayout }

/** '#/tickets/12/print/label' → a print view; '#/settings' → a screen; anything unknown → the counter. */
export function parseView(hash: string): View {
  const parts = hash.replace(/^#\/?/, '').split('/')
  const [first, second, third, fourth] = parts
  if (first === 'tickets' && second && /^[1-9]\d{0,15}$/.test(second)) {
    const ticketId = Number(second)
    if (parts.length === 2) return { kind: 'ticket', route: 'tickets', ticketId }
    if (parts.length === 4 && third === 'print' && isPrintLayout(fourth)) return { kind: 'print', route: 'tickets', ticketId, layout: fourth }
  }
  if (parts.length === 1 && (routes as readonly string[]).includes(first ?? '')) return { kind: 'screen', route: first as Route }
  return { kind: 'screen', route: defaultRoute }
}

export function routeHref(route: Route): string {
  return `#/${route}`
}

export function ticketHref(ticketId: number): string {
  return `#/tickets/${ticketId}`
}

export function printHref(ticketId: number, layout: PrintLayout): string {
  return `#/tickets/${ticketId}/print/${layout}`
}

function isPrintLayout(value: string | undefined): value is PrintLayout {
  return (printLayouts as readonly string[]).includes(value ?? '')
}

function subscribe(onChange: () => void) {
  window.addEventListener('hashchange', onChange)
  return () => window.removeEventListener('hashchange', onChange)
}

/** Moves to a hash (a new history entry, so Back returns). */
export function goTo(href: string): void {
  if (window.location.hash !== href) window.location.hash = href
}

/** The current hash, re-rendering on change. Hash routing: reloads keep the screen, and app:// needs no fallback. */
export function useHash(): string {
  return useSyncExternalStore(subscribe, () => window.location.hash)
}
