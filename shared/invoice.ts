import { estimateTotals, type EstimateLineKind, type EstimateTotals } from './repair'

// A paid ticket's invoice, built from what was agreed and what was used. Pure, so the ledger, the
// UI's previews and the tests all compute the same lines and totals.

export type InvoiceLineSource = 'estimate' | 'parts_used' | 'diagnosis_fee'

export interface InvoiceLine {
  kind: EstimateLineKind
  description: string
  quantity: number
  unitPriceMinor: number
  lineTotalMinor: number
  partId: number | null
  source: InvoiceLineSource
}

export interface InvoiceInput {
  /** The latest estimate's lines, or none when no estimate was written. */
  estimateLines: readonly { kind: EstimateLineKind; description: string; quantity: number; unitPriceMinor: number; partId: number | null }[]
  /** Parts on the ticket, net of returns, per catalogue part (quantity > 0 only). */
  partsUsed: readonly { partId: number; name: string; quantity: number; sellPriceMinor: number }[]
  /** The customer declined the repair: only the diagnosis fee (if any) is owed. */
  declined: boolean
  diagnosisFeeMinor: number | null
  /** The repair is done: quoted catalogue parts are billed as actually used. */
  completed: boolean
  taxRateBp: number
  pricesIncludeTax: boolean
}

export interface Invoice extends EstimateTotals {
  lines: InvoiceLine[]
}

/**
 * Labour and fee lines come from the estimate as quoted. A quoted part line naming a catalogue
 * part bills what was actually fitted once the repair is done (at the quoted price); before that
 * it stands as quoted. Parts fitted that the estimate did not name are added at the catalogue's
 * sell price. A declined repair owes only its diagnosis fee.
 */
export function buildInvoice(input: InvoiceInput): Invoice {
  const lines: InvoiceLine[] = []
  if (input.declined) {
    if (input.diagnosisFeeMinor !== null && input.diagnosisFeeMinor > 0) {
      lines.push({ kind: 'fee', description: '', quantity: 1, unitPriceMinor: input.diagnosisFeeMinor, lineTotalMinor: input.diagnosisFeeMinor, partId: null, source: 'diagnosis_fee' })
    }
  } else {
    const used = new Map(input.partsUsed.map((p) => [p.partId, p]))
    const quotedParts = new Set<number>()
    for (const line of input.estimateLines) {
      if (line.partId === null) {
        lines.push({ ...line, lineTotalMinor: line.quantity * line.unitPriceMinor, source: 'estimate' })
        continue
      }
      // The same catalogue part quoted on two lines bills its usage once, on the first.
      const firstQuote = !quotedParts.has(line.partId)
      quotedParts.add(line.partId)
      const quantity = input.completed ? (firstQuote ? (used.get(line.partId)?.quantity ?? 0) : 0) : line.quantity
      if (quantity > 0) lines.push({ ...line, quantity, lineTotalMinor: quantity * line.unitPriceMinor, source: 'estimate' })
    }
    for (const part of input.partsUsed) {
      if (quotedParts.has(part.partId) || part.quantity <= 0) continue
      lines.push({ kind: 'part', description: part.name, quantity: part.quantity, unitPriceMinor: part.sellPriceMinor, lineTotalMinor: part.quantity * part.sellPriceMinor, partId: part.partId, source: 'parts_used' })
    }
  }
  return { lines, ...estimateTotals(lines, input.taxRateBp, input.pricesIncludeTax) }
}
