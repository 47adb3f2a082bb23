import fc from 'fast-check'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createHarness, setUpShop, type Harness } from '../support/harness'
import { createPart, manufacturerId, paidTicketAwaitingParts, warrantyTicketAwaitingParts } from '../support/stock'

// Random sequences of stock operations through the real dispatch: whatever is accepted or
// refused, on hand per part and pool equals the sum of its movements, is never negative, a
// refused call writes nothing, and the moving-average cost stays within the receipt costs.

let h: Harness
let pools: string[]
let parts: number[]
let tickets: number[]
let moto: number
beforeAll(async () => {
  h = await createHarness()
  await setUpShop(h)
  moto = await manufacturerId(h, 'MOTO')
  pools = ['shop', `consigned:${moto}`, 'defective']
  tickets = [(await warrantyTicketAwaitingParts(h)).id, (await paidTicketAwaitingParts(h)).id]
})
afterAll(() => h.close())

const index = (n: number) => fc.integer({ min: 0, max: n - 1 })
const quantity = fc.integer({ min: 1, max: 6 })

const operation = fc.oneof(
  fc.record({ op: fc.constant('receive' as const), part: index(2), pool: index(3), quantity, cost: fc.integer({ min: 0, max: 90_000 }) }),
  fc.record({ op: fc.constant('adjust' as const), part: index(2), pool: index(3), quantity: fc.integer({ min: -6, max: 6 }) }),
  fc.record({ op: fc.constant('transfer' as const), part: index(2), from: index(3), to: index(3), quantity }),
  fc.record({ op: fc.constant('scrap' as const), part: index(2), pool: index(3), quantity }),
  fc.record({ op: fc.constant('stocktake' as const), part: index(2), pool: index(3), counted: fc.integer({ min: 0, max: 8 }) }),
  fc.record({ op: fc.constant('use' as const), part: index(2), ticket: index(2), quantity, pool: fc.option(index(3), { nil: undefined }) }),
  fc.record({ op: fc.constant('return' as const), ticket: index(2), line: fc.nat(), quantity }),
  fc.record({ op: fc.constant('ship' as const), pick: fc.array(fc.nat(), { minLength: 1, maxLength: 3 }) }),
  fc.record({ op: fc.constant('reprice' as const), part: index(2), price: fc.integer({ min: 0, max: 90_000 }) }),
)
type Operation = typeof operation extends fc.Arbitrary<infer T> ? T : never

async function run(o: Operation) {
  switch (o.op) {
    case 'receive':
      return h.raw('stock.receive', { pool: pools[o.pool], supplier: 'S', lines: [{ partId: parts[o.part], quantity: o.quantity, ...(o.pool === 0 && { unitCostMinor: o.cost }) }] })
    case 'adjust':
      return h.raw('stock.adjust', { partId: parts[o.part], pool: pools[o.pool], quantity: o.quantity, reason: 'r' })
    case 'transfer':
      return h.raw('stock.transfer', { partId: parts[o.part], from: pools[o.from], to: pools[o.to], quantity: o.quantity, reason: 'r' })
    case 'scrap':
      return h.raw('stock.scrap', { partId: parts[o.part], pool: pools[o.pool], quantity: o.quantity, reason: 'r' })
    case 'stocktake':
      return h.raw('stock.stocktake', { pool: pools[o.pool], counts: [{ partId: parts[o.part], counted: o.counted }] })
    case 'use':
      return h.raw('tickets.useParts', { id: tickets[o.ticket], lines: [{ partId: parts[o.part], quantity: o.quantity, ...(o.pool !== undefined && { pool: pools[o.pool] }) }] })
    case 'ship': {
      const owed = (await h.call('rma.list', {})).owed.flatMap((g) => g.owed)
      const ids = [...new Set(o.pick.map((i) => owed[i % Math.max(owed.length, 1)]?.id ?? 999_999))]
      return h.raw('rma.ship', { manufacturerId: moto, defectiveIds: ids, carrier: 'SF', trackingNumber: 'T' })
    }
    case 'reprice':
      return h.raw('parts.update', { id: parts[o.part], sellPriceMinor: o.price })
    case 'return': {
      const lines = (await h.call('tickets.parts', { id: tickets[o.ticket]! })).lines
      const line = lines[o.line % Math.max(lines.length, 1)]
      return h.raw('tickets.returnPart', { id: tickets[o.ticket], movementId: line?.movementId ?? 1, quantity: o.quantity })
    }
  }
}

const receiptCosts = (partId: number) =>
  (h.ledger.sqlite.prepare(`SELECT unit_cost_minor AS c FROM stock_movements WHERE part_id = ? AND kind = 'receive' AND pool = 'shop'`).all(partId) as { c: number }[]).map((r) => r.c)

describe('stock ledger (property)', () => {
  it('keeps on hand = sum of movements ≥ 0 and the average within the receipt costs', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(operation, { minLength: 1, maxLength: 30 }), async (ops) => {
        // Fresh parts each run, so a counterexample stands on its own.
        parts = [(await createPart(h)).id, (await createPart(h)).id]
        for (const o of ops) {
          const before = h.digest()
          const result = await run(o)
          if (!result.ok) {
            expect(result.error.code).not.toBe('INTERNAL')
            expect(h.digest()).toBe(before)
          }
        }
        const levels = h.ledger.sqlite.prepare('SELECT part_id, pool, on_hand FROM stock_levels WHERE on_hand <> 0 ORDER BY part_id, pool').all()
        const sums = h.ledger.sqlite.prepare('SELECT part_id, pool, sum(quantity) AS on_hand FROM stock_movements GROUP BY part_id, pool HAVING on_hand <> 0 ORDER BY part_id, pool').all()
        expect(levels).toEqual(sums)
        const negative = h.ledger.sqlite.prepare('SELECT count(*) AS n FROM stock_levels WHERE on_hand < 0').get()
        expect(negative).toEqual({ n: 0 })
        for (const partId of parts) {
          const costs = receiptCosts(partId)
          const { average_cost_minor: average } = h.ledger.sqlite.prepare('SELECT average_cost_minor FROM parts WHERE id = ?').get(partId) as { average_cost_minor: number }
          if (costs.length === 0) expect(average).toBe(0)
          else {
            expect(average).toBeGreaterThanOrEqual(Math.min(...costs))
            expect(average).toBeLessThanOrEqual(Math.max(...costs))
          }
        }
        // What is owed to the manufacturer never exceeds what sits in the defective pool.
        const owed = (await h.call('rma.list', {})).owed.flatMap((g) => g.owed).reduce((sum, d) => sum + d.quantity, 0)
        const defective = h.ledger.sqlite.prepare(`SELECT coalesce(sum(on_hand), 0) AS n FROM stock_levels WHERE pool = 'defective'`).get() as { n: number }
        expect(owed).toBe(defective.n)
      }),
      { numRuns: 60 },
    )
  }, 60_000)
})
