import type { InputOf } from '../../shared/contract'
import type { Harness } from './harness'
import { createPart, manufacturerId, warrantyTicketAwaitingParts } from './stock'

export const day = 86_400_000

/** Motorola's claim rates used across the claim tests: L1 30.00, L2 45.00, L3 80.00, parts cost + 15 %. */
export async function motoClaimRules(h: Harness, overrides: Partial<InputOf<'manufacturers.updateClaimRules'>> = {}) {
  return h.call('manufacturers.updateClaimRules', { manufacturerId: await manufacturerId(h, 'MOTO'), labourRates: { L1: 3000, L2: 4500, L3: 8000 }, partsMarkupBp: 1500, ...overrides })
}

/** Parts for a moto g54 warranty repair: charging boards in Motorola's consigned stock, flex cables the shop bought at 33.33. */
export async function stockForClaim(h: Harness) {
  const moto = await manufacturerId(h, 'MOTO')
  const board = await createPart(h, { manufacturerPartNumber: '5P68C22600', name: 'moto g54 尾插小板 charging board' })
  const flex = await createPart(h, { manufacturerPartNumber: 'SC98C11442', name: 'moto g54 排线 flex cable', sellPriceMinor: 6000 })
  await h.call('stock.receive', { pool: `consigned:${moto}`, supplier: 'Motorola', lines: [{ partId: board.id, quantity: 2 }] })
  await h.call('stock.receive', { pool: 'shop', supplier: '华强北', lines: [{ partId: flex.id, quantity: 5, unitCostMinor: 3333 }] })
  return { moto, board, flex }
}

/** A Motorola warranty ticket repaired with 1 consigned board and 2 shop flex cables, completed. */
export async function completedWarrantyRepair(h: Harness) {
  const stock = await stockForClaim(h)
  const ticket = await warrantyTicketAwaitingParts(h)
  await h.call('tickets.useParts', { id: ticket.id, lines: [{ partId: stock.board.id, quantity: 1 }, { partId: stock.flex.id, quantity: 2, keepDefective: false }] })
  await h.call('tickets.startRepair', { id: ticket.id })
  await h.call('tickets.complete', { id: ticket.id, workDone: '更换尾插小板和排线', testResult: 'passed' })
  return { ...stock, ticket, claimId: claimIdOf(h, ticket.id) }
}

/** The id of a ticket's claim (0 when it has none). */
export function claimIdOf(h: Harness, ticketId: number): number {
  const row = h.ledger.sqlite.prepare('SELECT id FROM claims WHERE ticket_id = ?').get(ticketId) as { id: number } | undefined
  return row?.id ?? 0
}

/** Rows of a claim's history, oldest first. */
export function claimEventRows(h: Harness, claimId: number) {
  return (h.ledger.sqlite.prepare('SELECT kind, from_status, to_status, revision, note, data_json FROM claim_events WHERE claim_id = ? ORDER BY id').all(claimId) as {
    kind: string
    from_status: string | null
    to_status: string | null
    revision: number
    note: string
    data_json: string
  }[]).map((r) => ({ ...r, data: JSON.parse(r.data_json) as Record<string, unknown> }))
}
