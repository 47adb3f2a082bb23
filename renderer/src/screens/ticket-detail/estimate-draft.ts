import type { EstimateDto } from '../../../../shared/dto/workflow'
import { DecimalParseError, currencyDigits, minorToDecimalString, parseMoney } from '../../../../shared/money'
import { estimateTotals, type EstimateLineKind, type EstimateTotals } from '../../../../shared/repair'

// The estimate form's lines as typed (text), and the one place they become integer minor units.

export interface LineDraft {
  /** Stable React key: lines are added and removed in the middle. */
  key: number
  kind: EstimateLineKind
  description: string
  quantity: string
  unitPrice: string
  /** The catalogue part a part line quotes (its description and price are filled in, still editable). */
  partId: number | null
  /** The part box's text: what is typed, or the picked part's label. */
  partQuery: string
}

export interface EstimateLineInput {
  kind: EstimateLineKind
  description: string
  quantity: number
  unitPriceMinor: number
  partId?: number
}

/** A problem with one typed field: its path as the ledger names it, and the message key. */
export interface LineProblem {
  path: string
  messageKey: string
  params?: Record<string, number>
}

let nextKey = 1

export function emptyLine(kind: EstimateLineKind = 'labour'): LineDraft {
  return { key: nextKey++, kind, description: '', quantity: '1', unitPrice: '', partId: null, partQuery: '' }
}

/** A revision starts from the last estimate; a first estimate from one empty labour line. */
export function initialLines(estimate: EstimateDto | null, currency: string): LineDraft[] {
  if (!estimate) return [emptyLine()]
  const digits = currencyDigits(currency)
  return estimate.lines.map((line) => ({
    key: nextKey++,
    kind: line.kind,
    description: line.description,
    quantity: String(line.quantity),
    unitPrice: minorToDecimalString(line.unitPriceMinor, digits),
    partId: line.partId,
    // The estimate keeps the part's id, not its SKU: the linked line shows its own description.
    partQuery: line.partId !== null ? line.description : '',
  }))
}

export function lineFieldPaths(count: number): string[] {
  const paths = ['lines', 'note']
  for (let index = 0; index < count; index++) for (const field of ['kind', 'description', 'quantity', 'unitPriceMinor', 'partId']) paths.push(`lines.${index}.${field}`)
  return paths
}

function parseQuantity(text: string): number | null {
  const trimmed = text.trim()
  if (!/^\d{1,3}$/.test(trimmed)) return null
  const quantity = Number(trimmed)
  return quantity >= 1 ? quantity : null
}

/** The ledger's ceiling for one amount (shared/schemas/workflow.ts AmountMinor). */
const maxAmountMinor = 100_000_000_00

function parsePrice(text: string, currency: string): number | DecimalParseError {
  try {
    const minor = parseMoney(text, currency)
    return minor > maxAmountMinor ? new DecimalParseError('validation.amountTooLarge') : minor
  } catch (error) {
    if (error instanceof DecimalParseError) return error
    throw error
  }
}

/** Each typed line as the ledger takes it, or the problems found, by path (`lines.0.unitPriceMinor`). */
export function parseLines(drafts: readonly LineDraft[], currency: string): { lines: EstimateLineInput[]; problems: LineProblem[] } {
  const lines: EstimateLineInput[] = []
  const problems: LineProblem[] = []
  drafts.forEach((draft, index) => {
    const at = (field: string) => `lines.${index}.${field}`
    const quantity = parseQuantity(draft.quantity)
    const price = parsePrice(draft.unitPrice, currency)
    if (!draft.description.trim()) problems.push({ path: at('description'), messageKey: 'validation.required' })
    if (quantity === null) problems.push({ path: at('quantity'), messageKey: 'validation.quantity' })
    if (price instanceof DecimalParseError) problems.push({ path: at('unitPriceMinor'), messageKey: price.messageKey, ...(price.params ? { params: price.params } : {}) })
    const partId = draft.kind === 'part' && draft.partId !== null ? { partId: draft.partId } : {}
    if (quantity !== null && typeof price === 'number') lines.push({ kind: draft.kind, description: draft.description, quantity, unitPriceMinor: price, ...partId })
  })
  if (drafts.length === 0) problems.push({ path: 'lines', messageKey: 'validation.lines' })
  return { lines, problems }
}

/** What the customer would pay for the lines typed so far (lines that do not parse yet count as nothing). */
export function previewTotals(drafts: readonly LineDraft[], currency: string, taxRateBp: number, pricesIncludeTax: boolean): EstimateTotals {
  return estimateTotals(parseLines(drafts, currency).lines, taxRateBp, pricesIncludeTax)
}
