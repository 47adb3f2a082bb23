import { sql } from 'kysely'
import { buildInvoice, type Invoice } from '../../../shared/invoice'
import type { EstimateLineKind } from '../../../shared/repair'
import type { Executor } from '../audit'
import { groupBy } from '../group-by'

// Paid work of many tickets at once, for reports: each ticket's invoice (shared/invoice.ts, the
// same rule as the counter's) and the cost of the parts it used, read in three statements
// whatever the number of tickets.

export interface PaidWork {
  ticketId: number
  invoice: Invoice
  /** Shop-stock parts at their cost when used, net of returns. */
  partsCostMinor: number
}

/** What the invoice rule needs from each ticket row (read by the caller with its own query). */
export interface PaidTicketFacts {
  id: number
  customer_decision: string | null
  diagnosis_fee_minor: number | null
  completed_at_ms: number | null
}

/** The ticket columns PaidTicketFacts needs, for the callers' SELECTs. */
export const paidTicketColumns = sql.raw('t.id, t.customer_decision, t.diagnosis_fee_minor, t.completed_at_ms')

/** Invoices and parts cost of the given paid tickets. */
export async function paidWorkOf(db: Executor, tickets: readonly PaidTicketFacts[], fallbackTax: { taxRateBp: number; pricesIncludeTax: boolean }): Promise<PaidWork[]> {
  if (tickets.length === 0) return []
  const idJson = JSON.stringify(tickets.map((t) => t.id))
  // Lines come unordered (no sort over a year of tickets); each ticket's are put in order below.
  const lines = (await sql<{ ticket_id: number; position: number; kind: EstimateLineKind; quantity: number; unit_price_minor: number; part_id: number | null; tax_rate_bp: number; prices_include_tax: number }>`
    SELECT e.ticket_id, l.position, l.kind, l.quantity, l.unit_price_minor, l.part_id, e.tax_rate_bp, e.prices_include_tax
    FROM estimates e JOIN estimate_lines l ON l.estimate_id = e.id
    WHERE e.ticket_id IN (SELECT value FROM json_each(${idJson}))
      AND e.revision = (SELECT max(revision) FROM estimates x WHERE x.ticket_id = e.ticket_id)`.execute(db)).rows
  // The raw part movements, summed here: the price billed is the one at the ticket's first use
  // of the part (as the counter's invoice bills it), the cost is the shop stock's at each use.
  const movements = (await sql<{ id: number; ticket_id: number; part_id: number; name: string; catalogue_price: number; kind: string; pool: string; quantity: number; unit_cost_minor: number | null; unit_price_minor: number | null }>`
    SELECT m.id, m.ticket_id, m.part_id, p.name, p.sell_price_minor AS catalogue_price, m.kind, m.pool, m.quantity, m.unit_cost_minor, m.unit_price_minor
    FROM stock_movements m JOIN parts p ON p.id = m.part_id
    WHERE m.ticket_id IN (SELECT value FROM json_each(${idJson})) AND m.kind IN ('consume', 'return') AND m.pool <> 'defective'`.execute(db)).rows
  const used: { ticket_id: number; part_id: number; name: string; sell_price_minor: number; quantity: number; cost_minor: number; first: number }[] = []
  const usedKey = new Map<string, (typeof used)[number]>()
  for (const m of movements) {
    const key = `${m.ticket_id}:${m.part_id}`
    let entry = usedKey.get(key)
    if (!entry) {
      entry = { ticket_id: m.ticket_id, part_id: m.part_id, name: m.name, sell_price_minor: m.catalogue_price, quantity: 0, cost_minor: 0, first: Number.MAX_SAFE_INTEGER }
      usedKey.set(key, entry)
      used.push(entry)
    }
    entry.quantity -= m.quantity
    if (m.pool === 'shop') entry.cost_minor -= m.quantity * (m.unit_cost_minor ?? 0)
    if (m.kind === 'consume' && m.id < entry.first) {
      entry.first = m.id
      entry.sell_price_minor = m.unit_price_minor ?? m.catalogue_price
    }
  }
  const linesOf = groupBy(lines, (l) => l.ticket_id)
  for (const list of linesOf.values()) list.sort((a, b) => a.position - b.position)
  const usedOf = groupBy(used, (u) => u.ticket_id)
  return tickets.map((t) => {
    const estimate = linesOf.get(t.id) ?? []
    const parts = usedOf.get(t.id) ?? []
    const invoice = buildInvoice({
      // Reports only add lines up: their descriptions are never read, so never fetched (a year is 20,000 lines).
      estimateLines: estimate.map((l) => ({ kind: l.kind, description: '', quantity: l.quantity, unitPriceMinor: l.unit_price_minor, partId: l.part_id })),
      partsUsed: parts.filter((p) => p.quantity > 0).map((p) => ({ partId: p.part_id, name: p.name, quantity: p.quantity, sellPriceMinor: p.sell_price_minor })),
      declined: t.customer_decision === 'declined',
      diagnosisFeeMinor: t.diagnosis_fee_minor,
      completed: t.completed_at_ms !== null,
      taxRateBp: estimate[0]?.tax_rate_bp ?? fallbackTax.taxRateBp,
      pricesIncludeTax: estimate[0] ? estimate[0].prices_include_tax === 1 : fallbackTax.pricesIncludeTax,
    })
    return { ticketId: t.id, invoice, partsCostMinor: parts.reduce((sum, p) => sum + p.cost_minor, 0) }
  })
}

export interface RevenueSplit {
  tickets: number
  labourMinor: number
  partsMinor: number
  feesMinor: number
  taxMinor: number
  totalMinor: number
  /** Total less tax. */
  netMinor: number
  partsCostMinor: number
  /** Net revenue less parts cost. */
  grossMarginMinor: number
}

/** Sums invoices by line kind (amounts as entered), tax, net, parts cost and gross margin. */
export function splitRevenue(work: readonly PaidWork[]): RevenueSplit {
  const split = { tickets: work.length, labourMinor: 0, partsMinor: 0, feesMinor: 0, taxMinor: 0, totalMinor: 0, netMinor: 0, partsCostMinor: 0, grossMarginMinor: 0 }
  for (const w of work) {
    for (const line of w.invoice.lines) {
      if (line.kind === 'labour') split.labourMinor += line.lineTotalMinor
      else if (line.kind === 'part') split.partsMinor += line.lineTotalMinor
      else split.feesMinor += line.lineTotalMinor
    }
    split.taxMinor += w.invoice.taxMinor
    split.totalMinor += w.invoice.totalMinor
    split.netMinor += w.invoice.totalMinor - w.invoice.taxMinor
    split.partsCostMinor += w.partsCostMinor
  }
  split.grossMarginMinor = split.netMinor - split.partsCostMinor
  return split
}
