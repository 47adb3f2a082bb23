import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { createHarness, expectError, setUpShop, type Harness } from '../support/harness'
import { modelId, newPhoneIntake } from '../support/intake'
import { createPart, manufacturerId, sumOfMovements, warrantyTicketAwaitingParts } from '../support/stock'
import { diagnosis } from '../support/workflow'

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

const day = 86_400_000

/** A Samsung phone in warranty, diagnosed and waiting for parts. */
async function samsungWarrantyTicket() {
  const ticket = await h.call('tickets.intake', await newPhoneIntake(h, { device: { new: { modelId: await modelId(h, 'Galaxy S24'), serial: `S-${Math.random().toString(36).slice(2, 9)}` }, purchaseDate: '2026-06-01', proofOfPurchaseRef: 'INV-9' } }))
  await h.call('tickets.diagnose', { ...diagnosis(ticket.id), warranty: { decision: 'confirm', note: '' } })
  return ticket
}

async function useConsigned(ticketId: number, makerId: number, partId: number) {
  await h.call('stock.receive', { pool: `consigned:${makerId}`, supplier: 'M', lines: [{ partId, quantity: 1 }] })
  return h.call('tickets.useParts', { id: ticketId, lines: [{ partId, quantity: 1, pool: `consigned:${makerId}` }] })
}

describe('RMA: defective parts owed to manufacturers', () => {
  it('lists what is owed per manufacturer, overdue first, and ships it out of the defective pool', async () => {
    await h.call('manufacturers.update', { id: samsung, defectiveReturnDays: 5 })
    const part = await createPart(h, { modelIds: [] })
    const motoTicket = await warrantyTicketAwaitingParts(h)
    await useConsigned(motoTicket.id, moto, part.id)
    const samsungTicket = await samsungWarrantyTicket()
    await useConsigned(samsungTicket.id, samsung, part.id)
    h.clock.advance(7 * day)

    const list = await h.call('rma.list', {})
    expect(list.owed.map((g) => [g.manufacturer.code, g.overdueCount, g.owed.length])).toEqual([['SAMSUNG', 1, 1], ['MOTO', 0, 1]])
    expect(list.owed[0]!.owed[0]).toMatchObject({ overdue: true, daysLeft: -2, returnByDate: '2026-12-02', ticket: { number: samsungTicket.number } })
    expect(list.owed[1]!.owed[0]).toMatchObject({ overdue: false, daysLeft: 23 })

    const owedId = list.owed[0]!.owed[0]!.id
    const shipment = await h.call('rma.ship', { manufacturerId: samsung, defectiveIds: [owedId], carrier: '顺丰', trackingNumber: 'SF1234567890', note: '11月旧件' })
    expect(shipment).toMatchObject({ manufacturer: { id: samsung }, carrier: '顺丰', trackingNumber: 'SF1234567890', businessDate: '2026-12-04', items: [{ id: owedId, quantity: 1, overdue: false, shipment: { trackingNumber: 'SF1234567890' } }] })
    expect(sumOfMovements(h, part.id)).toEqual({ defective: 1 })
    const after = await h.call('rma.list', { includeShipped: true })
    expect(after.owed.map((g) => g.manufacturer.code)).toEqual(['MOTO'])
    expect(after.shipments.map((s) => s.id)).toEqual([shipment.id])
    expect(h.ledger.sqlite.prepare(`SELECT count(*) AS n FROM audit_log WHERE action = 'rma.ship'`).get()).toEqual({ n: 1 })
  })

  it('refuses shipping twice, another manufacturer’s parts or unknown ones; nothing written', async () => {
    const part = await createPart(h)
    const ticket = await warrantyTicketAwaitingParts(h)
    const used = await useConsigned(ticket.id, moto, part.id)
    const id = used.defective[0]!.id
    const before = h.counts()
    const ship = async (input: object) => expectError(await h.raw('rma.ship', { manufacturerId: moto, defectiveIds: [id], carrier: 'SF', trackingNumber: 'T1', ...input }))
    expect((await ship({ manufacturerId: samsung })).issues?.[0]).toMatchObject({ path: ['defectiveIds', 0], messageKey: 'errors.defectiveOtherManufacturer' })
    expect((await ship({ defectiveIds: [id, 424242] })).issues?.[0]).toMatchObject({ path: ['defectiveIds', 1], messageKey: 'errors.defectiveNotFound' })
    expect((await ship({ defectiveIds: [id, id] })).issues?.[0]).toMatchObject({ path: ['defectiveIds', 1], messageKey: 'validation.duplicatePart' })
    expect((await ship({ trackingNumber: '', defectiveIds: [] })).issues?.map((i) => i.path.join('.')).sort()).toEqual(['defectiveIds', 'trackingNumber'])
    expect(h.counts()).toEqual(before)
    await h.call('rma.ship', { manufacturerId: moto, defectiveIds: [id], carrier: 'SF', trackingNumber: 'T1' })
    const twice = h.counts()
    expect((await ship({})).issues?.[0]).toMatchObject({ messageKey: 'errors.defectiveAlreadyShipped' })
    // The new part cannot come back unused once the old one went to Motorola.
    expect(expectError(await h.raw('tickets.returnPart', { id: ticket.id, movementId: used.lines[0]!.movementId, quantity: 1 })).messageKey).toBe('errors.returnShipped')
    expect(h.counts()).toEqual(twice)
  })
})
