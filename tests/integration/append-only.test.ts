import { beforeAll, afterAll, describe, expect, it } from 'vitest'
import { createHarness, setUpShop, type Harness } from '../support/harness'
import { motoClaimRules } from '../support/claims'
import { readyMotoClaims } from '../support/claim-batches'
import { pricedTicket } from '../support/payments'
import { manufacturerId } from '../support/stock'

// History is append-only in the database itself: whoever writes to the file through SQLite —
// the app with a bug, or a script — cannot change or remove a row of these tables. Corrections
// are new rows (a refund, a reversing movement, a reversal line).

const historyTables = [
  'audit_log',
  'ticket_events',
  'payments',
  'stock_movements',
  'claim_events',
  'claim_batch_items',
  'claim_remittances',
  'claim_payments',
  'claim_receivables',
] as const

let h: Harness
beforeAll(async () => {
  h = await createHarness()
  await setUpShop(h)
  await motoClaimRules(h)
  const ticket = await pricedTicket(h, 12_000)
  await h.call('payments.record', { ticketId: ticket.id, method: 'card', amountMinor: 5_000 })
  const moto = await manufacturerId(h, 'MOTO')
  const batch = await h.call('batches.create', { manufacturerId: moto, claimIds: await readyMotoClaims(h) })
  await h.call('batches.markSubmitted', { id: batch.id })
  await h.call('claims.recordPayment', { manufacturerId: moto, reference: 'RA-1', paidDate: '2026-11-27', lines: [{ claimId: batch.claims[0]!.claimId, amountMinor: 100 }] })
})
afterAll(() => h.close())

describe('append-only history', () => {
  it.each(historyTables)('%s refuses UPDATE and DELETE of its rows', (table) => {
    if (table === 'claim_batch_items') {
      // WITHOUT ROWID: address the row by its key.
      const item = h.ledger.sqlite.prepare('SELECT batch_id, position FROM claim_batch_items LIMIT 1').get() as { batch_id: number; position: number }
      expect(() => h.ledger.sqlite.prepare('UPDATE claim_batch_items SET position = position WHERE batch_id = ? AND position = ?').run(item.batch_id, item.position)).toThrow(/append-only/)
      expect(() => h.ledger.sqlite.prepare('DELETE FROM claim_batch_items WHERE batch_id = ? AND position = ?').run(item.batch_id, item.position)).toThrow(/append-only/)
      return
    }
    const row = h.ledger.sqlite.prepare(`SELECT rowid AS r FROM "${table}" LIMIT 1`).get() as { r: number } | undefined
    expect(row, `${table} has rows to try`).toBeDefined()
    const column = (h.ledger.sqlite.prepare(`SELECT name FROM pragma_table_info(?) WHERE pk = 0 LIMIT 1`).get(table) as { name: string }).name
    expect(() => h.ledger.sqlite.prepare(`UPDATE "${table}" SET "${column}" = "${column}" WHERE rowid = ?`).run(row!.r)).toThrow(/append-only/)
    expect(() => h.ledger.sqlite.prepare(`DELETE FROM "${table}" WHERE rowid = ?`).run(row!.r)).toThrow(/append-only/)
  })
})
