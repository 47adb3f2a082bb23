import type { InputOf } from '../../../../shared/contract'
import type { PartDto } from '../../../../shared/dto/stock'
import { DecimalParseError } from '../../../../shared/money'
import type { PoolKey } from '../../../../shared/stock'
import { parseAmount, parseQuantity } from './stock-numbers'

// The delivery form's lines as typed, and the one place they become the ledger's input.

export interface ReceiveLineDraft {
  /** Stable React key: lines are added and removed in the middle. */
  key: number
  part: PartDto | null
  /** The part box's text: what is typed, or the picked part's label. */
  query: string
  quantity: string
  unitCost: string
}

export interface Problem {
  path: string
  messageKey: string
  params?: Record<string, number>
}

let nextKey = 1

export function emptyReceiveLine(): ReceiveLineDraft {
  return { key: nextKey++, part: null, query: '', quantity: '1', unitCost: '' }
}

/** A line nobody started: Enter adds one ahead of need, so it is dropped rather than refused. */
export function isBlank(line: ReceiveLineDraft): boolean {
  return line.part === null && line.query.trim() === '' && line.unitCost.trim() === '' && ['', '1'].includes(line.quantity.trim())
}

export function receiveFieldPaths(count: number): string[] {
  const paths = ['pool', 'supplier', 'deliveryNote', 'lines']
  for (let index = 0; index < count; index++) for (const field of ['partId', 'quantity', 'unitCostMinor']) paths.push(`lines.${index}.${field}`)
  return paths
}

type ReceiveLine = InputOf<'stock.receive'>['lines'][number]

/**
 * The lines as the ledger takes them, or the problems found by path (`lines.1.unitCostMinor`).
 * Bought stock (the shop pool) needs a unit cost; consigned stock costs the shop nothing.
 */
export function parseReceiveLines(drafts: readonly ReceiveLineDraft[], pool: PoolKey, currency: string): { lines: ReceiveLine[]; problems: Problem[] } {
  const lines: ReceiveLine[] = []
  const problems: Problem[] = []
  const seen = new Set<number>()
  drafts.forEach((draft, index) => {
    const at = (field: string) => `lines.${index}.${field}`
    const quantity = parseQuantity(draft.quantity)
    if (!draft.part) problems.push({ path: at('partId'), messageKey: 'receive.choosePart' })
    else if (seen.has(draft.part.id)) problems.push({ path: at('partId'), messageKey: 'validation.duplicatePart' })
    if (quantity === null) problems.push({ path: at('quantity'), messageKey: 'validation.stockQuantity' })
    let unitCostMinor: number | undefined
    if (pool === 'shop') {
      const cost = draft.unitCost.trim() === '' ? new DecimalParseError('validation.unitCostRequired') : parseAmount(draft.unitCost, currency)
      if (cost instanceof DecimalParseError) problems.push({ path: at('unitCostMinor'), messageKey: cost.messageKey, ...(cost.params ? { params: cost.params } : {}) })
      else unitCostMinor = cost
    }
    if (draft.part) seen.add(draft.part.id)
    if (draft.part && quantity !== null) lines.push({ partId: draft.part.id, quantity, ...(unitCostMinor !== undefined ? { unitCostMinor } : {}) })
  })
  if (drafts.length === 0) problems.push({ path: 'lines', messageKey: 'validation.lines' })
  return { lines, problems }
}
