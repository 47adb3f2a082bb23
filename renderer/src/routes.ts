import { useSyncExternalStore } from 'react'
import { isBusinessDate } from '../../shared/dates'

/** The left navigation, in order; Alt+1 … Alt+7 follow this order. */
export const routes = ['counter', 'tickets', 'parts', 'payments', 'reports', 'claims', 'settings'] as const
export type Route = (typeof routes)[number]

export const defaultRoute: Route = 'counter'

/** Print-only documents of a ticket, rendered without the app shell. */
export const printLayouts = ['receipt-80', 'receipt-a4', 'label', 'job-sheet', 'handback-80', 'handback-a4'] as const
export type PrintLayout = (typeof printLayouts)[number]

/** A ticket's money papers: its invoice, and one payment's receipt (the payment named in the address). */
export const invoiceLayouts = ['invoice-80', 'invoice-a4'] as const
export type InvoiceLayout = (typeof invoiceLayouts)[number]
export const paymentReceiptLayouts = ['payment-80', 'payment-a4'] as const
export type PaymentReceiptLayout = (typeof paymentReceiptLayouts)[number]
export type MoneyPrintLayout = InvoiceLayout | PaymentReceiptLayout

/** The parts screen's sections: the list, a delivery, a stocktake, defective parts owed (RMA). */
export const partsSections = ['list', 'receive', 'stocktake', 'rma'] as const
export type PartsSection = (typeof partsSections)[number]

/** The reports screen's sections: one day's report, metrics over a period. */
export const reportsSections = ['daily', 'period'] as const
export type ReportsSection = (typeof reportsSections)[number]

/** What the hash points at: a navigation screen, one ticket, a ticket's print document, or a parts section. */
export type View =
  | { kind: 'screen'; route: Route }
  | { kind: 'ticket'; route: 'tickets'; ticketId: number }
  | { kind: 'print'; route: 'tickets'; ticketId: number; layout: PrintLayout }
  | { kind: 'money-print'; route: 'tickets'; ticketId: number; layout: MoneyPrintLayout; paymentId: number | null }
  | { kind: 'parts'; route: 'parts'; section: PartsSection }
  | { kind: 'reports'; route: 'reports'; section: ReportsSection }
  | { kind: 'report-print'; route: 'reports'; date: string }

/** '#/tickets/12/print/label' → a print view; '#/parts/rma' → a parts section; '#/settings' → a screen; anything unknown → the counter. */
export function parseView(hash: string): View {
  const parts = hash.replace(/^#\/?/, '').split('/')
  const [first, second, third, fourth] = parts
  if (first === 'tickets' && second && /^[1-9]\d{0,15}$/.test(second)) {
    const ticketId = Number(second)
    if (parts.length === 2) return { kind: 'ticket', route: 'tickets', ticketId }
    if (parts.length === 4 && third === 'print' && isPrintLayout(fourth)) return { kind: 'print', route: 'tickets', ticketId, layout: fourth }
    const money = parseMoneyPrint(ticketId, parts)
    if (money) return money
  }
  if (first === 'parts' && parts.length <= 2) {
    const section = second ?? 'list'
    if ((partsSections as readonly string[]).includes(section)) return { kind: 'parts', route: 'parts', section: section as PartsSection }
  }
  if (first === 'reports') {
    const report = parseReportsView(parts)
    if (report) return report
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

/** '#/parts' for the list, '#/parts/receive' and so on for the other sections. */
export function partsHref(section: PartsSection): string {
  return section === 'list' ? '#/parts' : `#/parts/${section}`
}

export function printHref(ticketId: number, layout: PrintLayout): string {
  return `#/tickets/${ticketId}/print/${layout}`
}

/** '#/tickets/12/print/invoice-a4': the ticket's invoice on paper. */
export function invoicePrintHref(ticketId: number, layout: InvoiceLayout): string {
  return `#/tickets/${ticketId}/print/${layout}`
}

/** '#/tickets/12/print/payment-80/7': the receipt of payment 7 of ticket 12. */
export function paymentReceiptHref(ticketId: number, paymentId: number, layout: PaymentReceiptLayout): string {
  return `#/tickets/${ticketId}/print/${layout}/${paymentId}`
}

/** A ticket's invoice ('…/print/invoice-80') or one payment's receipt ('…/print/payment-80/7'), else null. */
function parseMoneyPrint(ticketId: number, parts: string[]): View | null {
  const [, , third, layout, paymentId] = parts
  if (third !== 'print') return null
  if (parts.length === 4 && (invoiceLayouts as readonly string[]).includes(layout ?? '')) return { kind: 'money-print', route: 'tickets', ticketId, layout: layout as InvoiceLayout, paymentId: null }
  if (parts.length === 5 && (paymentReceiptLayouts as readonly string[]).includes(layout ?? '') && /^[1-9]\d{0,15}$/.test(paymentId ?? '')) {
    return { kind: 'money-print', route: 'tickets', ticketId, layout: layout as PaymentReceiptLayout, paymentId: Number(paymentId) }
  }
  return null
}

/** '#/reports' for the daily report, '#/reports/period' for the period metrics. */
export function reportsHref(section: ReportsSection): string {
  return section === 'daily' ? '#/reports' : `#/reports/${section}`
}

/** The printable daily report of one business date, e.g. '#/reports/daily/2026-11-27/print'. */
export function dailyReportPrintHref(date: string): string {
  return `#/reports/daily/${date}/print`
}

/** '#/reports', '#/reports/period' → a section; '#/reports/daily/<date>/print' → the daily report's paper. */
function parseReportsView(parts: string[]): View | null {
  const [, second, third, fourth] = parts
  if (parts.length <= 2) {
    const section = second ?? 'daily'
    return (reportsSections as readonly string[]).includes(section) ? { kind: 'reports', route: 'reports', section: section as ReportsSection } : null
  }
  if (parts.length === 4 && second === 'daily' && fourth === 'print' && isBusinessDate(third ?? '')) return { kind: 'report-print', route: 'reports', date: third! }
  return null
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
