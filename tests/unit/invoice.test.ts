import { describe, expect, it } from 'vitest'
import { buildInvoice, type InvoiceInput } from '../../shared/invoice'

const base: InvoiceInput = { estimateLines: [], partsUsed: [], declined: false, diagnosisFeeMinor: null, completed: false, taxRateBp: 0, pricesIncludeTax: true }
const screen = { kind: 'part' as const, description: 'screen', quantity: 1, unitPriceMinor: 30_000, partId: 7 }
const labour = { kind: 'labour' as const, description: 'fit', quantity: 1, unitPriceMinor: 8000, partId: null }

describe('buildInvoice', () => {
  it('stands on the quote before the repair is done', () => {
    const invoice = buildInvoice({ ...base, estimateLines: [labour, screen] })
    expect(invoice.lines.map((l) => [l.description, l.quantity, l.source])).toEqual([['fit', 1, 'estimate'], ['screen', 1, 'estimate']])
    expect(invoice.totalMinor).toBe(38_000)
  })

  it('bills quoted catalogue parts as fitted once done, and adds unquoted ones at the catalogue price', () => {
    const invoice = buildInvoice({
      ...base,
      completed: true,
      estimateLines: [labour, { ...screen, quantity: 1 }, { ...screen, description: 'screen again' }],
      partsUsed: [{ partId: 7, name: 'Screen', quantity: 2, sellPriceMinor: 32_000 }, { partId: 9, name: 'Glue', quantity: 1, sellPriceMinor: 300 }],
    })
    expect(invoice.lines.map((l) => [l.description, l.quantity, l.unitPriceMinor, l.source])).toEqual([
      ['fit', 1, 8000, 'estimate'],
      ['screen', 2, 30_000, 'estimate'],
      ['Glue', 1, 300, 'parts_used'],
    ])
  })

  it('drops a quoted part that was never fitted, and bills only the fee when declined', () => {
    expect(buildInvoice({ ...base, completed: true, estimateLines: [labour, screen] }).lines).toHaveLength(1)
    const declined = buildInvoice({ ...base, declined: true, diagnosisFeeMinor: 5000, estimateLines: [labour, screen], taxRateBp: 600, pricesIncludeTax: true })
    expect(declined).toMatchObject({ lines: [{ kind: 'fee', source: 'diagnosis_fee', lineTotalMinor: 5000 }], totalMinor: 5000, taxMinor: 283 })
    expect(buildInvoice({ ...base, declined: true, diagnosisFeeMinor: 0 }).lines).toEqual([])
  })
})
