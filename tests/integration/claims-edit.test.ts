import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { createHarness, expectError, setUpShop, type Harness } from '../support/harness'
import { claimEventRows, claimIdOf, completedWarrantyRepair, motoClaimRules } from '../support/claims'
import { modelId, newPhoneIntake } from '../support/intake'
import { createPart, manufacturerId } from '../support/stock'
import { diagnosis } from '../support/workflow'

// claims.update, claims.get and claims.list: the clerk's corrections, who may make them, and
// what is refused without writing anything.

let h: Harness
beforeEach(async () => {
  h = await createHarness()
  await setUpShop(h)
  await motoClaimRules(h)
})
afterEach(() => h.close())

const setStatus = (claimId: number, status: string) => h.ledger.sqlite.prepare('UPDATE claims SET status = ? WHERE id = ?').run(status, claimId)

describe('correcting a claim', () => {
  it('saves the corrected fields, recomputes labour for a new tier, and records who changed what', async () => {
    const r = await completedWarrantyRepair(h)
    const razr = await modelId(h, 'razr 40 ultra')
    const edited = await h.call('claims.update', {
      id: r.claimId,
      modelId: razr,
      imei: '4901 5420 3237 518',
      purchaseDate: '2026-02-14',
      proofOfPurchaseRef: 'JD-0214',
      customerName: '张三丰',
      customerPhone: '',
      faultCodes: { symptom: 'S02' },
      repairTier: 'L1',
      note: '客户补交发票',
    })
    expect(edited).toMatchObject({
      status: 'draft',
      revision: 1,
      model: { id: razr, name: 'razr 40 ultra' },
      imei: '490154203237518',
      purchaseDate: '2026-02-14',
      proofOfPurchaseRef: 'JD-0214',
      customerName: '张三丰',
      customerPhone: '',
      faultCodes: { condition: '1', symptom: 'S02', defect: 'D04', repair: 'R04' },
      repairTier: 'L1',
      // L1 30.00 + parts 76.66
      labourMinor: 3000,
      totalMinor: 10_666,
    })
    const event = claimEventRows(h, r.claimId).at(-1)!
    expect(event).toMatchObject({ kind: 'edited', from_status: null, to_status: null, revision: 1, note: '客户补交发票' })
    expect(event.data.changes).toEqual([
      { field: 'modelId', from: expect.any(Number), to: razr },
      { field: 'imei', from: null, to: '490154203237518' },
      { field: 'purchaseDate', from: '2026-03-01', to: '2026-02-14' },
      { field: 'proofOfPurchaseRef', from: 'INV-1', to: 'JD-0214' },
      { field: 'customerName', from: '张三', to: '张三丰' },
      { field: 'customerPhone', from: '13800138000', to: '' },
      { field: 'repairTier', from: 'L2', to: 'L1' },
      { field: 'faultCodes.symptom', from: 'S01', to: 'S02' },
    ])
    expect(event.data.amounts).toMatchObject({ before: { labourMinor: 4500 }, after: { labourMinor: 3000 } })
    expect(h.ledger.sqlite.prepare(`SELECT count(*) AS n FROM audit_log WHERE action = 'claims.update' AND entity_id = ?`).get(String(r.claimId))).toEqual({ n: 1 })
    // The ticket and the device keep what was recorded at the counter.
    expect((await h.call('tickets.get', { id: r.ticket.id })).device).toMatchObject({ imei: null, purchaseDate: '2026-03-01' })
  })

  it('lets a technician correct a claim (claims are staff work)', async () => {
    const r = await completedWarrantyRepair(h)
    const tech = await h.call('staff.create', { name: '李师傅', role: 'technician', pin: '1357' })
    await h.call('auth.signIn', { staffId: tech.id, pin: '1357' }, 'bench')
    await h.call('claims.update', { id: r.claimId, technicianId: tech.id }, 'bench')
    expect((await h.call('claims.get', { id: r.claimId }, 'bench')).technician).toEqual({ id: tech.id, name: '李师傅' })
    expect((await h.call('claims.list', {}, 'bench')).items).toHaveLength(1)
  })

  it('keeps part numbers and serials typed on a line when the lines are rebuilt', async () => {
    const r = await completedWarrantyRepair(h)
    const [board] = (await h.call('claims.get', { id: r.claimId })).lines
    await h.call('claims.update', { id: r.claimId, parts: [{ movementId: board!.movementId, partNumber: '5P68C22600-B', oldSerial: 'old-77', newSerial: 'NEW-88' }] })
    await h.call('tickets.useParts', { id: r.ticket.id, lines: [{ partId: r.flex.id, quantity: 1 }] })
    const claim = await h.call('claims.get', { id: r.claimId })
    expect(claim.lines).toHaveLength(3)
    expect(claim.lines[0]).toMatchObject({ movementId: board!.movementId, partNumber: '5P68C22600-B', oldSerial: 'OLD-77', newSerial: 'NEW-88' })
    expect(claimEventRows(h, r.claimId).map((e) => e.kind)).toEqual(['created', 'edited', 'partsChanged'])
  })

  it('sends a ready claim back to draft, and starts the next revision of a rejected one', async () => {
    const r = await completedWarrantyRepair(h)
    await h.call('claims.validate', { id: r.claimId })
    expect((await h.call('claims.update', { id: r.claimId, customerName: '张三 (先生)' })).status).toBe('draft')
    expect(claimEventRows(h, r.claimId).at(-1)).toMatchObject({ kind: 'edited', from_status: 'ready', to_status: 'draft', revision: 1 })
    // The manufacturer's rejection is recorded by the next part of the claims work; set by hand here.
    setStatus(r.claimId, 'rejected')
    const resubmit = await h.call('claims.update', { id: r.claimId, proofOfPurchaseRef: 'INV-1-盖章', note: '厂家要求盖章发票' })
    expect(resubmit).toMatchObject({ status: 'draft', revision: 2 })
    expect(claimEventRows(h, r.claimId).at(-1)).toMatchObject({ kind: 'edited', from_status: 'rejected', to_status: 'draft', revision: 2, note: '厂家要求盖章发票' })
  })

  it('writes nothing for an edit that changes nothing', async () => {
    const r = await completedWarrantyRepair(h)
    const before = h.digest()
    const same = await h.call('claims.update', { id: r.claimId, customerName: '张三', serial: r.ticket.serial ?? '', faultCodes: { condition: '1' } })
    expect(same.status).toBe('draft')
    expect(h.digest()).toBe(before)
  })

  it.each(['batched', 'submitted', 'accepted', 'paid'])('refuses to change a %s claim, and writes nothing', async (status) => {
    const r = await completedWarrantyRepair(h)
    setStatus(r.claimId, status)
    const before = h.digest()
    expect(expectError(await h.raw('claims.update', { id: r.claimId, customerName: '李四' }))).toMatchObject({
      code: 'CONFLICT',
      messageKey: 'errors.claimNotEditable',
      params: { claim: `C-${r.ticket.number}`, status },
    })
    expect(h.digest()).toBe(before)
  })

  it('refuses bad input naming the field, and writes nothing', async () => {
    const r = await completedWarrantyRepair(h)
    const flexLine = (await h.call('claims.get', { id: r.claimId })).lines[1]!
    const before = h.digest()
    const refusal = async (input: object) => expectError(await h.raw('claims.update', { id: r.claimId, ...input }))
    const issue = async (input: object) => (await refusal(input)).issues?.[0]
    expect(await issue({ modelId: await modelId(h, 'Galaxy S24') })).toMatchObject({ path: ['modelId'], messageKey: 'errors.claimModelOtherManufacturer' })
    expect(await issue({ modelId: 9999 })).toMatchObject({ path: ['modelId'], messageKey: 'errors.modelNotFound' })
    expect(await issue({ technicianId: 9999 })).toMatchObject({ path: ['technicianId'], messageKey: 'errors.staffNotFound' })
    expect(await issue({ parts: [{ movementId: 9999, oldSerial: 'ABC1' }] })).toMatchObject({ path: ['parts', 0, 'movementId'], messageKey: 'errors.claimLineNotFound' })
    expect(await issue({ parts: [{ movementId: flexLine.movementId }, { movementId: flexLine.movementId }] })).toMatchObject({ path: ['parts', 1, 'movementId'], messageKey: 'validation.claimLineRepeated' })
    expect(await issue({ imei: '49015420323751' })).toMatchObject({ path: ['imei'], messageKey: 'validation.claimImei' })
    expect(await issue({ purchaseDate: '2026-02-30' })).toMatchObject({ path: ['purchaseDate'], messageKey: 'validation.date' })
    expect(await issue({ customerPhone: 'call me' })).toMatchObject({ path: ['customerPhone'] })
    expect(await issue({ customerName: ' ' })).toMatchObject({ path: ['customerName'], messageKey: 'validation.required' })
    expect(await issue({ repairTier: 'L4' })).toMatchObject({ path: ['repairTier'], messageKey: 'validation.repairTier' })
    expect(await issue({ status: 'ready' })).toMatchObject({ path: ['status'], messageKey: 'validation.unknownField' })
    expect(await issue({ note: '' })).toMatchObject({ messageKey: 'validation.nothingToChange' })
    expect(expectError(await h.raw('claims.update', { id: 9999, customerName: 'x' }))).toMatchObject({ code: 'NOT_FOUND', messageKey: 'errors.claimNotFound' })
    expect(h.digest()).toBe(before)
  })
})

describe('reading claims', () => {
  async function warrantyClaimFor(model: string, serial: string) {
    const ticket = await h.call('tickets.intake', await newPhoneIntake(h, { device: { new: { modelId: await modelId(h, model), serial }, purchaseDate: '2026-06-01', proofOfPurchaseRef: 'INV' } }))
    await h.call('tickets.diagnose', { ...diagnosis(ticket.id), warranty: { decision: 'confirm', note: '' } })
    await h.call('tickets.startRepair', { id: ticket.id })
    await h.call('tickets.complete', { id: ticket.id, workDone: 'x', testResult: 'passed' })
    return claimIdOf(h, ticket.id)
  }

  it('lists newest first, filtered by status and manufacturer, a page at a time', async () => {
    const samsung = await manufacturerId(h, 'SAMSUNG')
    const ids = []
    for (let i = 0; i < 5; i++) ids.push(await warrantyClaimFor(i % 2 === 0 ? 'moto g54' : 'Galaxy S24', `SN-LIST-${i}`))
    await h.call('claims.validate', { id: ids[0]! })
    await h.call('claims.validate', { id: ids[4]! })
    const all = await h.call('claims.list', { limit: 2 })
    expect(all.items.map((c) => c.id)).toEqual([ids[4], ids[3]])
    const next = await h.call('claims.list', { limit: 2, beforeId: all.nextBeforeId! })
    expect(next.items.map((c) => c.id)).toEqual([ids[2], ids[1]])
    const last = await h.call('claims.list', { limit: 2, beforeId: next.nextBeforeId! })
    expect([last.items.map((c) => c.id), last.nextBeforeId]).toEqual([[ids[0]], null])

    expect((await h.call('claims.list', { statuses: ['ready'] })).items.map((c) => c.id)).toEqual([ids[4], ids[0]])
    expect((await h.call('claims.list', { statuses: ['ready', 'draft'], limit: 3 })).items.map((c) => c.id)).toEqual([ids[4], ids[3], ids[2]])
    // Samsung has no labour rates yet: its drafts say so in the list.
    const samsungPage = await h.call('claims.list', { manufacturerId: samsung })
    expect(samsungPage.items.map((c) => c.id)).toEqual([ids[3], ids[1]])
    expect(samsungPage.items[0]!.problems.map((p) => p.messageKey)).toEqual(['claimProblem.labourRateMissing'])
    expect((await h.call('claims.list', { manufacturerId: samsung, statuses: ['ready'] })).items).toEqual([])
    expect(expectError(await h.raw('claims.list', { statuses: ['lost'] })).issues?.[0]).toMatchObject({ path: ['statuses', 0], messageKey: 'validation.claimStatus' })
  })

  it('shows a frozen claim without validation problems, and answers NOT_FOUND for an unknown one', async () => {
    const id = await warrantyClaimFor('Galaxy S24', 'SN-FROZEN')
    expect((await h.call('claims.get', { id })).problems).not.toEqual([])
    setStatus(id, 'submitted')
    expect((await h.call('claims.get', { id })).problems).toEqual([])
    expect(expectError(await h.raw('claims.get', { id: 4242 }))).toMatchObject({ code: 'NOT_FOUND', messageKey: 'errors.claimNotFound' })
  })

  it('shows serialized parts with their serials as fitted', async () => {
    const board = await createPart(h, { serialized: true, name: '主板 mainboard', manufacturerPartNumber: 'MB-5D68' })
    const moto = await manufacturerId(h, 'MOTO')
    await h.call('stock.receive', { pool: `consigned:${moto}`, supplier: 'Motorola', lines: [{ partId: board.id, quantity: 1 }] })
    const ticket = await h.call('tickets.intake', await newPhoneIntake(h, { device: { new: { modelId: await modelId(h, 'moto g54'), serial: 'SN-MB' }, purchaseDate: '2026-06-01', proofOfPurchaseRef: 'INV' } }))
    await h.call('tickets.diagnose', { ...diagnosis(ticket.id), warranty: { decision: 'confirm', note: '' } })
    await h.call('tickets.useParts', { id: ticket.id, lines: [{ partId: board.id, quantity: 1, serial: 'MB-NEW-1', oldSerial: 'MB-OLD-1' }] })
    await h.call('tickets.startRepair', { id: ticket.id })
    await h.call('tickets.complete', { id: ticket.id, workDone: '更换主板', testResult: 'passed' })
    expect((await h.call('claims.get', { id: claimIdOf(h, ticket.id) })).lines[0]).toMatchObject({ serialized: true, newSerial: 'MB-NEW-1', oldSerial: 'MB-OLD-1', returnRequired: true })
  })
})
