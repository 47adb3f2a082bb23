import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { ClaimDetailDto } from '../../shared/dto/claims'
import { createHarness, expectError, setUpShop, type Harness } from '../support/harness'
import { claimEventRows, claimIdOf, completedWarrantyRepair, day, motoClaimRules } from '../support/claims'
import { modelId, newPhoneIntake } from '../support/intake'
import { createPart, manufacturerId } from '../support/stock'
import { diagnosis } from '../support/workflow'

// claims.validate through the real ledger: every rule with a claim that fails it (the claim
// stays draft, nothing written) and the same claim put right (it becomes ready).

let h: Harness
let moto: number
beforeEach(async () => {
  h = await createHarness()
  await setUpShop(h)
  moto = await manufacturerId(h, 'MOTO')
  await motoClaimRules(h)
})
afterEach(() => h.close())

const keys = (claim: ClaimDetailDto) => claim.problems.map((p) => [p.severity, p.messageKey, p.field.join('.')])

/** Validates a claim that must fail: it stays draft, every problem is listed, and nothing is written. */
async function failsWith(claimId: number, expected: unknown[]) {
  const before = h.digest()
  const checked = await h.call('claims.validate', { id: claimId })
  expect(checked.status).toBe('draft')
  expect(keys(checked)).toEqual(expected)
  expect(h.digest()).toBe(before)
  return checked
}

async function passes(claimId: number) {
  const checked = await h.call('claims.validate', { id: claimId })
  expect([checked.status, checked.problems.filter((p) => p.severity === 'error')]).toEqual(['ready', []])
  return checked
}

/** A completed Motorola warranty repair with no parts (labour only). */
async function labourOnlyClaim(intake: Parameters<typeof newPhoneIntake>[1] = {}) {
  const ticket = await h.call('tickets.intake', await newPhoneIntake(h, { device: { new: { modelId: await modelId(h, 'moto g54'), serial: `SN-${Math.random().toString(36).slice(2, 9)}` }, purchaseDate: '2026-03-01', proofOfPurchaseRef: 'INV-1' }, promisedDate: null, ...intake }))
  await h.call('tickets.diagnose', { ...diagnosis(ticket.id), warranty: { decision: 'confirm', note: '' } })
  await h.call('tickets.startRepair', { id: ticket.id })
  await h.call('tickets.complete', { id: ticket.id, workDone: '清洁尾插', testResult: 'passed' })
  return { ticket, claimId: claimIdOf(h, ticket.id) }
}

describe('claims.validate', () => {
  it('makes a sound draft ready, with an event and an audit row', async () => {
    const r = await completedWarrantyRepair(h)
    const ready = await passes(r.claimId)
    expect(ready.problems).toEqual([])
    expect(claimEventRows(h, r.claimId).at(-1)).toMatchObject({ kind: 'validated', from_status: 'draft', to_status: 'ready', data: { problems: [] } })
    expect(h.ledger.sqlite.prepare(`SELECT count(*) AS n FROM audit_log WHERE action = 'claims.validate'`).get()).toEqual({ n: 1 })
    // Checking a ready claim again that still passes writes nothing.
    const before = h.digest()
    await passes(r.claimId)
    expect(h.digest()).toBe(before)
  })

  it('needs the labour rate of the repair’s tier', async () => {
    await h.call('manufacturers.updateClaimRules', { manufacturerId: moto, labourRates: { L2: null } })
    const { claimId } = await labourOnlyClaim()
    const failed = await failsWith(claimId, [['error', 'claimProblem.labourRateMissing', 'repairTier']])
    expect(failed.problems[0]!.params).toEqual({ tier: 'L2' })
    expect(failed.labourMinor).toBe(0)
    await h.call('manufacturers.updateClaimRules', { manufacturerId: moto, labourRates: { L2: 4500 } })
    expect((await passes(claimId)).labourMinor).toBe(4500)
  })

  it('names each required field the manufacturer wants', async () => {
    await h.call('manufacturers.updateClaimRules', { manufacturerId: moto, requiredFields: ['imei', 'customer_phone', 'purchase_date'] })
    const { claimId } = await labourOnlyClaim()
    await h.call('claims.update', { id: claimId, customerPhone: '' })
    await failsWith(claimId, [
      ['error', 'claimProblem.missing.imei', 'imei'],
      ['error', 'claimProblem.missing.customer_phone', 'customerPhone'],
    ])
    await h.call('claims.update', { id: claimId, imei: '490154203237518', customerPhone: '021 5555 0100' })
    await passes(claimId)
  })

  it('checks the IMEI check digit', async () => {
    const { claimId } = await labourOnlyClaim()
    await h.call('claims.update', { id: claimId, imei: '490154203237519' })
    const failed = await failsWith(claimId, [['error', 'claimProblem.imeiCheckDigit', 'imei']])
    expect(failed.problems[0]!.params).toEqual({ imei: '490154203237519' })
    await h.call('claims.update', { id: claimId, imei: '490154203237518' })
    await passes(claimId)
  })

  it('needs a purchase date (and the proof Motorola asks for)', async () => {
    const { claimId } = await labourOnlyClaim()
    await h.call('claims.update', { id: claimId, purchaseDate: null, proofOfPurchaseRef: '' })
    await failsWith(claimId, [
      ['error', 'claimProblem.purchaseDateMissing', 'purchaseDate'],
      ['error', 'claimProblem.missing.proof_of_purchase', 'proofOfPurchaseRef'],
    ])
    await h.call('claims.update', { id: claimId, purchaseDate: '2026-03-01', proofOfPurchaseRef: 'INV-1' })
    await passes(claimId)
  })

  it('refuses a purchase after the device came in, or one out of warranty', async () => {
    const { claimId } = await labourOnlyClaim()
    await h.call('claims.update', { id: claimId, purchaseDate: '2026-11-28' })
    expect((await failsWith(claimId, [['error', 'claimProblem.purchaseAfterReceived', 'purchaseDate']])).problems[0]!.params).toEqual({ purchaseDate: '2026-11-28', receivedDate: '2026-11-27' })
    // moto g54: 12 months. Bought 2025-11-26: covered through 2026-11-26, the day before it came in.
    await h.call('claims.update', { id: claimId, purchaseDate: '2025-11-26' })
    expect((await failsWith(claimId, [['error', 'claimProblem.outOfWarranty', 'purchaseDate']])).problems[0]!.params).toEqual({ endsOn: '2026-11-26', receivedDate: '2026-11-27' })
    await h.call('claims.update', { id: claimId, purchaseDate: '2025-11-27' })
    await passes(claimId)
  })

  it('keeps the repair dates in order', async () => {
    const { claimId } = await labourOnlyClaim()
    await h.call('claims.update', { id: claimId, repairStartedDate: '2026-11-26' })
    await failsWith(claimId, [['error', 'claimProblem.repairBeforeReceived', 'repairStartedDate']])
    await h.call('claims.update', { id: claimId, repairStartedDate: '2026-11-27' })
    await passes(claimId)
  })

  it('takes fault codes only from Motorola’s active list', async () => {
    const { claimId } = await labourOnlyClaim()
    await h.call('claims.update', { id: claimId, faultCodes: { symptom: 'S99' } })
    expect((await failsWith(claimId, [['error', 'claimProblem.faultCodeNotInList.symptom', 'faultCodes.symptom']])).problems[0]!.params).toEqual({ code: 'S99' })
    await h.call('claims.update', { id: claimId, faultCodes: { symptom: 'S01' } })
    await passes(claimId)
    // A code Motorola retires afterwards: the ready claim fails its next check and goes back to draft.
    await h.call('faultCodes.upsert', { manufacturerId: moto, kind: 'defect', code: 'D04', description: 'retired', active: false })
    const back = await h.call('claims.validate', { id: claimId })
    expect([back.status, keys(back)]).toEqual(['draft', [['error', 'claimProblem.faultCodeNotInList.defect', 'faultCodes.defect']]])
    expect(claimEventRows(h, claimId).at(-1)).toMatchObject({ kind: 'validated', from_status: 'ready', to_status: 'draft', data: { problems: [{ code: 'faultCodeNotInList', severity: 'error', field: 'faultCodes.defect' }] } })
  })

  it('leaves out codes the manufacturer does not use, unless it requires them', async () => {
    const { claimId } = await labourOnlyClaim()
    await h.call('claims.update', { id: claimId, faultCodes: { condition: '' } })
    await failsWith(claimId, [['error', 'claimProblem.missingFaultCode.condition', 'faultCodes.condition']])
    await h.call('manufacturers.updateClaimRules', { manufacturerId: moto, requiredFields: ['imei_or_serial', 'purchase_date'] })
    await passes(claimId)
  })

  it('needs part numbers, and serials of serialized parts when Motorola asks for them', async () => {
    await h.call('manufacturers.updateClaimRules', { manufacturerId: moto, requiredFields: ['imei_or_serial', 'purchase_date', 'parts_serials'] })
    const board = await createPart(h, { serialized: true, manufacturerPartNumber: '', name: '主板 mainboard' })
    await h.call('stock.receive', { pool: `consigned:${moto}`, supplier: 'Motorola', lines: [{ partId: board.id, quantity: 1 }] })
    const ticket = await h.call('tickets.intake', await newPhoneIntake(h, { device: { new: { modelId: await modelId(h, 'moto g54'), serial: 'SN-MB-1' }, purchaseDate: '2026-03-01', proofOfPurchaseRef: 'INV-1' } }))
    await h.call('tickets.diagnose', { ...diagnosis(ticket.id), warranty: { decision: 'confirm', note: '' } })
    const used = await h.call('tickets.useParts', { id: ticket.id, lines: [{ partId: board.id, quantity: 1, serial: 'MB-NEW-1' }] })
    await h.call('tickets.startRepair', { id: ticket.id })
    await h.call('tickets.complete', { id: ticket.id, workDone: '更换主板', testResult: 'passed' })
    const claimId = claimIdOf(h, ticket.id)
    const failed = await failsWith(claimId, [
      ['error', 'claimProblem.partNumberMissing', 'parts.0.partNumber'],
      ['error', 'claimProblem.missingOldSerial', 'parts.0.oldSerial'],
    ])
    expect(failed.problems[0]!.params).toEqual({ line: 1, name: '主板 mainboard' })
    await h.call('claims.update', { id: claimId, parts: [{ movementId: used.lines[0]!.movementId, partNumber: '5D68C19922', oldSerial: 'MB-OLD-1' }] })
    await passes(claimId)
  })

  it('warns in the last week of the claim window and refuses after it', async () => {
    const { claimId } = await labourOnlyClaim()
    // Completed 2026-11-27, 30 days: submit by 2026-12-27.
    h.clock.advance(22 * day) // 2026-12-19: 8 days left
    const warned = await passes(claimId)
    expect(warned.problems).toEqual([])
    h.clock.advance(day)
    expect((await h.call('claims.get', { id: claimId })).problems).toEqual([{ code: 'claimWindowClosing', severity: 'warning', field: [], messageKey: 'claimProblem.claimWindowClosing', params: { deadline: '2026-12-27', daysLeft: 7 } }])
    h.clock.advance(8 * day)
    const late = await h.call('claims.validate', { id: claimId })
    expect([late.status, late.problems]).toEqual(['draft', [{ code: 'claimWindowExceeded', severity: 'error', field: ['completedDate'], messageKey: 'claimProblem.claimWindowExceeded', params: { deadline: '2026-12-27', days: 1 } }]])
    // A longer window from Motorola puts it right.
    await h.call('manufacturers.updateClaimRules', { manufacturerId: moto, claimWindowDays: 60 })
    expect((await passes(claimId)).deadline).toBe('2027-01-26')
  })

  it('flags a repeat repair within 30 days of the last hand-back, without holding the claim back', async () => {
    const first = await labourOnlyClaim({ customer: { new: { name: '王五', phone: '137 0000 1111' } } })
    await h.call('tickets.markReady', { id: first.ticket.id, contactedVia: 'phone' })
    await h.call('tickets.collect', { id: first.ticket.id, collectedBy: '王五' })
    const device = (await h.call('tickets.get', { id: first.ticket.id })).device
    h.clock.advance(12 * day)
    const again = await labourOnlyClaim({ customer: { id: (await h.call('tickets.get', { id: first.ticket.id })).customer.id }, device: { id: device.id } })
    const checked = await passes(again.claimId)
    expect(checked.problems).toEqual([{ code: 'repeatRepair', severity: 'warning', field: [], messageKey: 'claimProblem.repeatRepair', params: { ticket: first.ticket.number, days: 12 } }])
    expect(checked.repeatOf).toEqual({ ticketId: first.ticket.id, ticketNumber: first.ticket.number, collectedDate: '2026-11-27' })
    // Back after 40 days (still a repeat within 90 for the shop's own figures): the manufacturer pays.
    await h.call('tickets.markReady', { id: again.ticket.id, contactedVia: 'phone' })
    await h.call('tickets.collect', { id: again.ticket.id, collectedBy: '王五' })
    h.clock.advance(40 * day)
    const third = await labourOnlyClaim({ customer: { id: (await h.call('tickets.get', { id: first.ticket.id })).customer.id }, device: { id: device.id } })
    expect((await passes(third.claimId)).problems).toEqual([])
    expect((await h.call('claims.get', { id: third.claimId })).repeatOf).toMatchObject({ ticketNumber: again.ticket.number })
  })

  it('refuses the claim of a ticket cancelled after completion', async () => {
    const { ticket, claimId } = await labourOnlyClaim()
    await h.call('tickets.cancel', { id: ticket.id, reason: '客户取回未修机器' })
    await failsWith(claimId, [['error', 'claimProblem.ticketCancelled', '']])
  })

  it('only checks a rejected claim (its next revision starts when it is corrected)', async () => {
    const { claimId } = await labourOnlyClaim()
    h.ledger.sqlite.prepare(`UPDATE claims SET status = 'rejected' WHERE id = ?`).run(claimId)
    const before = h.digest()
    const checked = await h.call('claims.validate', { id: claimId })
    expect([checked.status, checked.problems]).toEqual(['rejected', []])
    expect(h.digest()).toBe(before)
  })

  it.each(['batched', 'submitted', 'accepted', 'paid'])('refuses to check a %s claim, and writes nothing', async (status) => {
    const { claimId } = await labourOnlyClaim()
    h.ledger.sqlite.prepare('UPDATE claims SET status = ? WHERE id = ?').run(status, claimId)
    const before = h.digest()
    expect(expectError(await h.raw('claims.validate', { id: claimId }))).toMatchObject({ code: 'CONFLICT', messageKey: 'errors.claimNotEditable', params: { status } })
    expect(expectError(await h.raw('claims.validate', { id: 777 }))).toMatchObject({ code: 'NOT_FOUND', messageKey: 'errors.claimNotFound' })
    expect(h.digest()).toBe(before)
  })
})
