import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { createHarness, expectError, setUpShop, type Harness } from '../support/harness'
import { createPart, manufacturerId, paidTicketAwaitingParts, sumOfMovements, warrantyTicketAwaitingParts } from '../support/stock'
import { paidTicket } from '../support/workflow'

let h: Harness
let moto: number
let samsung: number
beforeEach(async () => {
  h = await createHarness()
  await setUpShop(h)
  moto = await manufacturerId(h, 'MOTO')
  samsung = await manufacturerId(h, 'SAMSUNG')
})
afterEach(() => h.close())

async function stockedPart(shop: number, consigned: number, overrides = {}) {
  const part = await createPart(h, overrides)
  if (shop > 0) await h.call('stock.receive', { pool: 'shop', supplier: 'S', lines: [{ partId: part.id, quantity: shop, unitCostMinor: 4000 }] })
  if (consigned > 0) await h.call('stock.receive', { pool: `consigned:${moto}`, supplier: 'M', lines: [{ partId: part.id, quantity: consigned }] })
  return part
}

describe('parts on a warranty ticket', () => {
  it('takes the manufacturer’s consigned stock first and keeps the removed part as defective', async () => {
    const part = await stockedPart(3, 1)
    const ticket = await warrantyTicketAwaitingParts(h)
    const result = await h.call('tickets.useParts', { id: ticket.id, lines: [{ partId: part.id, quantity: 1 }] })
    expect(result).toMatchObject({ warranty: true, pools: [`consigned:${moto}`, 'shop'] })
    expect(result.lines).toEqual([expect.objectContaining({ partId: part.id, pool: `consigned:${moto}`, quantity: 1, returned: 0, netQuantity: 1, unitCostMinor: 0, staffName: '王店主' })])
    // 2026-11-27 + Motorola's 30 return days
    expect(result.defective).toEqual([expect.objectContaining({ partId: part.id, quantity: 1, returnByDate: '2026-12-27', daysLeft: 30, overdue: false, shipment: null, ticket: { id: ticket.id, number: ticket.number } })])
    expect(sumOfMovements(h, part.id)).toEqual({ shop: 3, defective: 1 })
    // Consigned is empty now: the next one comes from the shop (Motorola allows it).
    const second = await h.call('tickets.useParts', { id: ticket.id, lines: [{ partId: part.id, quantity: 2, keepDefective: false }] })
    expect(second.lines.map((l) => [l.pool, l.quantity, l.unitCostMinor])).toEqual([[`consigned:${moto}`, 1, 0], ['shop', 2, 4000]])
    expect(second.defective).toHaveLength(1)
    const events = h.ledger.sqlite.prepare(`SELECT kind, data_json FROM ticket_events WHERE ticket_id = ? AND kind = 'partsUsed'`).all(ticket.id) as { data_json: string }[]
    expect(events).toHaveLength(2)
    expect(JSON.parse(events[0]!.data_json).parts[0]).toMatchObject({ partId: part.id, pool: `consigned:${moto}`, returnBy: '2026-12-27' })
  })

  it('refuses shop stock when the manufacturer does not allow it', async () => {
    await h.call('manufacturers.update', { id: moto, shopStockForWarranty: false })
    const part = await stockedPart(3, 0)
    const ticket = await warrantyTicketAwaitingParts(h)
    const before = h.counts()
    expect(expectError(await h.raw('tickets.useParts', { id: ticket.id, lines: [{ partId: part.id, quantity: 1 }] }))).toMatchObject({ code: 'CONFLICT', messageKey: 'errors.noPoolForTicket', params: { sku: part.sku, quantity: 1 } })
    expect(expectError(await h.raw('tickets.useParts', { id: ticket.id, lines: [{ partId: part.id, quantity: 1, pool: 'shop' }] })).issues?.[0]).toMatchObject({ path: ['lines', 0, 'pool'], messageKey: 'errors.poolShopNotAllowed' })
    expect(h.counts()).toEqual(before)
  })

  it('records serials of serialized parts, one at a time', async () => {
    const board = await stockedPart(0, 2, { serialized: true, name: '主板 mainboard' })
    const ticket = await warrantyTicketAwaitingParts(h)
    expect(expectError(await h.raw('tickets.useParts', { id: ticket.id, lines: [{ partId: board.id, quantity: 1 }] })).issues?.[0]).toMatchObject({ path: ['lines', 0, 'serial'], messageKey: 'validation.serialRequired' })
    expect(expectError(await h.raw('tickets.useParts', { id: ticket.id, lines: [{ partId: board.id, quantity: 2, serial: 'MB123' }] })).issues?.[0]).toMatchObject({ path: ['lines', 0, 'quantity'], messageKey: 'validation.serialOne' })
    const used = await h.call('tickets.useParts', { id: ticket.id, lines: [{ partId: board.id, quantity: 1, serial: 'mb-new-001', oldSerial: 'MB-OLD-777' }] })
    expect(used.lines[0]).toMatchObject({ serial: 'MB-NEW-001', oldSerial: 'MB-OLD-777' })
    expect(used.defective[0]).toMatchObject({ oldSerial: 'MB-OLD-777' })
    const plain = await stockedPart(1, 0)
    expect(expectError(await h.raw('tickets.useParts', { id: ticket.id, lines: [{ partId: plain.id, quantity: 1, serial: 'X123' }] })).issues?.[0]).toMatchObject({ messageKey: 'validation.serialNotSerialized' })
  })
})

describe('parts on paid work', () => {
  it('uses shop stock only, at its average cost, with no defective part', async () => {
    const part = await stockedPart(2, 5)
    const ticket = await paidTicketAwaitingParts(h)
    const result = await h.call('tickets.useParts', { id: ticket.id, lines: [{ partId: part.id, quantity: 2 }] })
    expect(result).toMatchObject({ warranty: false, pools: ['shop'], defective: [] })
    expect(result.lines[0]).toMatchObject({ pool: 'shop', quantity: 2, unitCostMinor: 4000, sellPriceMinor: 12_000 })
    expect(sumOfMovements(h, part.id)).toEqual({ [`consigned:${moto}`]: 5 })
  })

  it('refuses consigned parts, another manufacturer’s, defective ones and more than on hand; nothing written', async () => {
    const part = await stockedPart(1, 5)
    await h.call('stock.receive', { pool: `consigned:${samsung}`, supplier: 'S', lines: [{ partId: part.id, quantity: 1 }] })
    const ticket = await paidTicketAwaitingParts(h)
    const before = h.counts()
    const refusal = async (line: object) => expectError(await h.raw('tickets.useParts', { id: ticket.id, lines: [{ partId: part.id, quantity: 1, ...line }] }))
    expect((await refusal({ pool: `consigned:${moto}` })).issues?.[0]).toMatchObject({ path: ['lines', 0, 'pool'], messageKey: 'errors.poolConsignedOnPaid' })
    expect((await refusal({ pool: 'defective' })).issues?.[0]).toMatchObject({ messageKey: 'errors.poolDefective' })
    expect(await refusal({ quantity: 2 })).toMatchObject({ messageKey: 'errors.noPoolForTicket' })
    expect(await refusal({ quantity: 2, pool: 'shop' })).toMatchObject({ messageKey: 'errors.insufficientStock', params: { onHand: 1, quantity: 2 } })
    expect(expectError(await h.raw('tickets.useParts', { id: ticket.id, lines: [{ partId: part.id, quantity: 1 }, { partId: part.id, quantity: 1 }] })).messageKey).toBe('errors.noPoolForTicket')
    expect(expectError(await h.raw('tickets.useParts', { id: ticket.id, lines: [{ partId: part.id, quantity: 0 }] })).issues?.[0]).toMatchObject({ messageKey: 'validation.stockQuantity' })
    expect(expectError(await h.raw('tickets.useParts', { id: ticket.id, lines: [{ partId: part.id, quantity: -1 }] })).code).toBe('INVALID_INPUT')
    expect(h.counts()).toEqual(before)

    const warranty = await warrantyTicketAwaitingParts(h)
    const before2 = h.counts()
    expect((await expectError(await h.raw('tickets.useParts', { id: warranty.id, lines: [{ partId: part.id, quantity: 1, pool: `consigned:${samsung}` }] }))).issues?.[0]).toMatchObject({ messageKey: 'errors.poolOtherManufacturer' })
    expect(h.counts()).toEqual(before2)
  })

  it('refuses parts before the repair is approved', async () => {
    const part = await stockedPart(1, 0)
    const ticket = await paidTicket(h)
    expect(expectError(await h.raw('tickets.useParts', { id: ticket.id, lines: [{ partId: part.id, quantity: 1 }] }))).toMatchObject({ code: 'CONFLICT', messageKey: 'errors.partsNotNow', params: { status: 'received' } })
  })
})

describe('returning unused parts', () => {
  it('puts them back in their pool, restores the average, and releases the defective part', async () => {
    const part = await stockedPart(4, 2)
    const ticket = await warrantyTicketAwaitingParts(h)
    const used = await h.call('tickets.useParts', { id: ticket.id, lines: [{ partId: part.id, quantity: 2 }] })
    const line = used.lines[0]!
    const back = await h.call('tickets.returnPart', { id: ticket.id, movementId: line.movementId, quantity: 1, reason: '多领了一个' })
    expect(back.lines[0]).toMatchObject({ quantity: 2, returned: 1, netQuantity: 1 })
    expect(back.defective[0]).toMatchObject({ quantity: 1 })
    expect(sumOfMovements(h, part.id)).toEqual({ shop: 4, [`consigned:${moto}`]: 1, defective: 1 })
    expect(expectError(await h.raw('tickets.returnPart', { id: ticket.id, movementId: line.movementId, quantity: 2 }))).toMatchObject({ code: 'CONFLICT', messageKey: 'errors.returnTooMany', params: { left: 1 } })
    const other = await paidTicketAwaitingParts(h)
    expect(expectError(await h.raw('tickets.returnPart', { id: other.id, movementId: line.movementId, quantity: 1 })).issues?.[0]).toMatchObject({ path: ['movementId'], messageKey: 'errors.movementNotOnTicket' })
    // All back: nothing is owed to Motorola for this ticket any more.
    const all = await h.call('tickets.returnPart', { id: ticket.id, movementId: line.movementId, quantity: 1 })
    expect(all.defective[0]).toMatchObject({ quantity: 0 })
    // Past its return-by date a part no longer owed is not overdue either.
    h.clock.advance(40 * 86_400_000)
    expect((await h.call('tickets.parts', { id: ticket.id })).defective[0]).toMatchObject({ quantity: 0, overdue: false })
    expect((await h.call('rma.list', {})).owed).toEqual([])
  })

  it('returns shop parts at the cost they left at', async () => {
    const part = await stockedPart(2, 0)
    const ticket = await paidTicketAwaitingParts(h)
    const used = await h.call('tickets.useParts', { id: ticket.id, lines: [{ partId: part.id, quantity: 1 }] })
    await h.call('stock.receive', { pool: 'shop', supplier: 'S', lines: [{ partId: part.id, quantity: 1, unitCostMinor: 6000 }] })
    expect((await h.call('parts.get', { id: part.id })).averageCostMinor).toBe(5000)
    await h.call('tickets.returnPart', { id: ticket.id, movementId: used.lines[0]!.movementId, quantity: 1 })
    // (2 × 50.00 + 1 × 40.00) / 3 = 46.67
    expect((await h.call('parts.get', { id: part.id })).averageCostMinor).toBe(4667)
  })
})

describe('estimate lines linked to the catalogue', () => {
  it('keeps the part id on a part line and refuses it on labour', async () => {
    const part = await stockedPart(1, 0)
    const ticket = await paidTicket(h)
    await h.call('tickets.diagnose', { id: ticket.id, findings: 'x', faultCodes: { condition: '1', symptom: 'S01', defect: 'D04', repair: 'R04' }, repairTier: 'L1' })
    const work = await h.call('tickets.estimate', { id: ticket.id, lines: [{ kind: 'part', description: part.name, quantity: 1, unitPriceMinor: 11_000, partId: part.id }] })
    expect(work.estimate?.lines[0]).toMatchObject({ partId: part.id, unitPriceMinor: 11_000 })
    expect(expectError(await h.raw('tickets.estimate', { id: ticket.id, lines: [{ kind: 'labour', description: 'x', quantity: 1, unitPriceMinor: 1, partId: part.id }] })).issues?.[0]).toMatchObject({ path: ['lines', 0, 'partId'], messageKey: 'validation.partLineKind' })
    expect(expectError(await h.raw('tickets.estimate', { id: ticket.id, lines: [{ kind: 'part', description: 'x', quantity: 1, unitPriceMinor: 1, partId: 9999 }] })).issues?.[0]).toMatchObject({ path: ['lines', 0, 'partId'], messageKey: 'errors.partNotFound' })
  })
})
