import fc from 'fast-check'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { paymentMethods } from '../../shared/payments'
import { createHarness, setUpShop, type Harness } from '../support/harness'
import { ownerApprovalOf, pricedTicket } from '../support/payments'

// Random payments, refunds and drawer movements through the real dispatch: paid is the sum of
// the rows, the balance never goes below zero, a refused call writes nothing, and the drawer
// expects its float plus its own cash rows.

let h: Harness
let approval: { staffId: number; pin: string }
beforeAll(async () => {
  h = await createHarness()
  await setUpShop(h)
  approval = await ownerApprovalOf(h)
})
afterAll(() => h.close())

const amount = fc.oneof(fc.integer({ min: 1, max: 30_000 }), fc.constantFrom(0, -1, 0.5, 50_000))
const operation = fc.oneof(
  fc.record({ op: fc.constant('pay' as const), ticket: fc.nat(2), amount, method: fc.constantFrom(...paymentMethods), tenderedExtra: fc.option(fc.nat(5000), { nil: undefined }) }),
  fc.record({ op: fc.constant('refund' as const), pick: fc.nat(), amount, method: fc.option(fc.constantFrom(...paymentMethods), { nil: undefined }) }),
  fc.record({ op: fc.constant('move' as const), kind: fc.constantFrom('paid_in' as const, 'paid_out' as const), amount }),
)

describe('payments and the drawer (property)', () => {
  it('keep paid = sum of rows, balance ≥ 0 and the drawer = float + its cash rows', async () => {
    await fc.assert(
      fc.asyncProperty(fc.integer({ min: 0, max: 20_000 }), fc.array(operation, { minLength: 1, maxLength: 25 }), async (float, ops) => {
        const tickets = [await pricedTicket(h, 25_000), await pricedTicket(h, 9999), await pricedTicket(h, 1)]
        const drawer = await h.call('cash.open', { floatMinor: float })
        for (const o of ops) {
          const before = h.digest()
          let result
          if (o.op === 'pay') {
            const cash = o.method === 'cash' && o.tenderedExtra !== undefined && Number.isInteger(o.amount)
            result = await h.raw('payments.record', { ticketId: tickets[o.ticket]!.id, amountMinor: o.amount, method: o.method, ...(cash && { tenderedMinor: o.amount + o.tenderedExtra! }) })
          } else if (o.op === 'refund') {
            const rows = h.ledger.sqlite.prepare(`SELECT id FROM payments WHERE kind <> 'refund' AND ticket_id IN (${tickets.map((t) => t.id).join(',')}) ORDER BY id`).all() as { id: number }[]
            const paymentId = rows.length > 0 ? rows[o.pick % rows.length]!.id : 1
            result = await h.raw('payments.refund', { paymentId, amountMinor: o.amount, reason: 'r', approval, ...(o.method && { method: o.method }) })
          } else {
            result = await h.raw('cash.movement', { kind: o.kind, amountMinor: o.amount, reason: 'r' })
          }
          if (!result.ok) {
            expect(result.error.code).not.toBe('INTERNAL')
            expect(h.digest()).toBe(before)
          }
        }
        for (const ticket of tickets) {
          const invoice = await h.call('invoices.forTicket', { id: ticket.id })
          const { sum } = h.ledger.sqlite.prepare('SELECT coalesce(sum(amount_minor), 0) AS sum FROM payments WHERE ticket_id = ?').get(ticket.id) as { sum: number }
          expect(invoice.paidMinor).toBe(sum)
          expect(invoice.balanceMinor).toBe(invoice.totalMinor - sum)
          expect(invoice.balanceMinor).toBeGreaterThanOrEqual(0)
        }
        const session = (await h.call('cash.status', {})).open!
        const cash = h.ledger.sqlite.prepare('SELECT coalesce(sum(amount_minor), 0) AS n FROM payments WHERE cash_session_id = ?').get(drawer.id) as { n: number }
        const moves = h.ledger.sqlite.prepare(`SELECT coalesce(sum(CASE kind WHEN 'paid_in' THEN amount_minor ELSE -amount_minor END), 0) AS n FROM cash_movements WHERE session_id = ?`).get(drawer.id) as { n: number }
        expect(session.expectedMinor).toBe(float + cash.n + moves.n)
        expect(session.expectedMinor).toBeGreaterThanOrEqual(0)
        const closed = await h.call('cash.close', { countedMinor: session.expectedMinor })
        expect(closed.closing?.overShortMinor).toBe(0)
      }),
      { numRuns: 30 },
    )
  }, 60_000)
})
