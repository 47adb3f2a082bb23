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

export interface InvoiceFigures {
  kind: 'paid' | 'warranty'
  priced: boolean
  final: boolean
  lines: InvoiceLine[]
  linesMinor: number
  netMinor: number
  taxMinor: number
  totalMinor: number
  taxRateBp: number
  pricesIncludeTax: boolean
  balanceMinor: number
}

/**
 * A ticket's invoice figures from what the ledger knows: warranty work has none (anything paid
 * is a credit); paid work bills per `buildInvoice`, taxed as its estimate was quoted, else per
 * the shop's settings. Used by the ledger and by the UI tests' fake, so both bill alike.
 */
export function invoiceFigures(facts: {
  warranty: boolean
  estimate: { lines: InvoiceInput['estimateLines']; taxRateBp: number; pricesIncludeTax: boolean } | null
  partsUsed: InvoiceInput['partsUsed']
  declined: boolean
  diagnosisFeeMinor: number | null
  completed: boolean
  shopTax: { taxRateBp: number; pricesIncludeTax: boolean }
  paidMinor: number
}): InvoiceFigures {
  if (facts.warranty) {
    return { kind: 'warranty', priced: false, final: false, lines: [], linesMinor: 0, netMinor: 0, taxMinor: 0, totalMinor: 0, taxRateBp: 0, pricesIncludeTax: false, balanceMinor: 0 - facts.paidMinor }
  }
  const taxRateBp = facts.estimate?.taxRateBp ?? facts.shopTax.taxRateBp
  const pricesIncludeTax = facts.estimate?.pricesIncludeTax ?? facts.shopTax.pricesIncludeTax
  const invoice = buildInvoice({
    estimateLines: facts.estimate?.lines ?? [],
    partsUsed: facts.partsUsed.filter((p) => p.quantity > 0),
    declined: facts.declined,
    diagnosisFeeMinor: facts.diagnosisFeeMinor,
    completed: facts.completed,
    taxRateBp,
    pricesIncludeTax,
  })
  return {
    kind: 'paid',
    priced: facts.declined || facts.estimate !== null || invoice.lines.length > 0,
    final: facts.declined || facts.completed,
    ...invoice,
    taxRateBp,
    pricesIncludeTax,
    balanceMinor: invoice.totalMinor - facts.paidMinor,
  }
}
