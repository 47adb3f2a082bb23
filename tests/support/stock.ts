import type { InputOf } from '../../shared/contract'
import type { Harness } from './harness'
import { modelId } from './intake'
import { diagnosis, paidTicket, warrantyTicket } from './workflow'

/** The seeded manufacturer with this code (MOTO, SAMSUNG, …). */
export async function manufacturerId(h: Harness, code: string): Promise<number> {
  const maker = (await h.call('manufacturers.list', { includeInactive: true })).find((m) => m.code === code)
  if (!maker) throw new Error(`no seeded manufacturer ${code}`)
  return maker.id
}

/** A catalogue part fitting the moto g54 (the warranty ticket's model) unless told otherwise. */
export async function createPart(h: Harness, overrides: Partial<InputOf<'parts.create'>> = {}) {
  return h.call('parts.create', {
    sku: `SKU-${Math.random().toString(36).slice(2, 8).toUpperCase()}`,
    manufacturerPartNumber: '5D68C22600',
    name: 'moto g54 尾插小板 charging board',
    modelIds: [await modelId(h, 'moto g54')],
    sellPriceMinor: 12_000,
    reorderPoint: 2,
    binLocation: 'A-03',
    ...overrides,
  })
}

/** A warranty ticket (Motorola) diagnosed and waiting for parts. */
export async function warrantyTicketAwaitingParts(h: Harness) {
  const ticket = await warrantyTicket(h)
  await h.call('tickets.diagnose', { ...diagnosis(ticket.id), warranty: { decision: 'confirm', note: '' } })
  return ticket
}

/** A paid ticket (Samsung) estimated, approved and waiting for parts. */
export async function paidTicketAwaitingParts(h: Harness) {
  const ticket = await paidTicket(h)
  await h.call('tickets.diagnose', diagnosis(ticket.id))
  await h.call('tickets.estimate', { id: ticket.id, lines: [{ kind: 'labour', description: '更换尾插', quantity: 1, unitPriceMinor: 8000 }] })
  await h.call('tickets.decide', { id: ticket.id, decision: 'approved', via: 'in_person' })
  return ticket
}

/** On hand of a part per pool, straight from the movements (the truth), not stock_levels. */
export function sumOfMovements(h: Harness, partId: number): Record<string, number> {
  const rows = h.ledger.sqlite.prepare('SELECT pool, sum(quantity) AS n FROM stock_movements WHERE part_id = ? GROUP BY pool').all(partId) as { pool: string; n: number }[]
  return Object.fromEntries(rows.filter((r) => r.n !== 0).map((r) => [r.pool, r.n]))
}
