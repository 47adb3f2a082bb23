import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { createHarness, expectError, setUpShop, type Harness } from '../support/harness'
import { claimEventRows, claimIdOf, completedWarrantyRepair, day, motoClaimRules, stockForClaim } from '../support/claims'
import { modelId, newPhoneIntake } from '../support/intake'
import { paidTicketAwaitingParts, warrantyTicketAwaitingParts } from '../support/stock'
import { diagnosis } from '../support/workflow'

// Claims are built by tickets.complete from the ticket, its device, diagnosis and parts, priced by
// the manufacturer's rules, and follow the ticket's parts until they are sent.

let h: Harness
beforeEach(async () => {
  h = await createHarness()
  await setUpShop(h)
  await motoClaimRules(h)
})
afterEach(() => h.close())

/** Signs in technician 李师傅 on the 'bench' client and returns their id. */
async function technicianAtBench(): Promise<number> {
  const tech = await h.call('staff.create', { name: '李师傅', role: 'technician', pin: '1357' })
  await h.call('auth.signIn', { staffId: tech.id, pin: '1357' }, 'bench')
  return tech.id
}

describe('a claim built when a warranty repair is completed', () => {
  it('snapshots the ticket, device, diagnosis, technician and parts, priced by hand-checked rules', async () => {
    const techId = await technicianAtBench()
    const stock = await stockForClaim(h)
    // Received 2026-11-27 09:30, repair started the next day, completed at 00:30 on the 29th in
    // Shanghai (16:30 UTC on the 28th): the shop's own date counts.
    const ticket = await h.call(
      'tickets.intake',
      await newPhoneIntake(h, { customer: { new: { name: '陈小姐', phone: '139 1234 5678' } }, device: { new: { modelId: await modelId(h, 'moto g54'), imei: '356938035643809' }, purchaseDate: '2026-05-04', proofOfPurchaseRef: 'JD-8841' } }),
    )
    await h.call('tickets.diagnose', { ...diagnosis(ticket.id), repairTier: 'L3', warranty: { decision: 'confirm', note: '' } })
    await h.call('tickets.useParts', { id: ticket.id, lines: [{ partId: stock.board.id, quantity: 1 }, { partId: stock.flex.id, quantity: 2, keepDefective: false }] })
    h.clock.advance(day)
    await h.call('tickets.startRepair', { id: ticket.id }, 'bench')
    h.clock.set(Date.UTC(2026, 10, 28, 16, 30))
    await h.call('tickets.complete', { id: ticket.id, workDone: '更换尾插小板和排线', testResult: 'passed' }, 'bench')

    const claimId = claimIdOf(h, ticket.id)
    const claim = await h.call('claims.get', { id: claimId })
    expect(claim).toMatchObject({
      number: `C-${ticket.number}`,
      revision: 1,
      status: 'draft',
      ticket: { id: ticket.id, number: ticket.number },
      manufacturer: { id: stock.moto, code: 'MOTO', name: 'Motorola' },
      model: { code: 'XT2343-1', name: 'moto g54' },
      modelName: 'moto g54',
      imei: '356938035643809',
      serial: null,
      purchaseDate: '2026-05-04',
      proofOfPurchaseRef: 'JD-8841',
      customerName: '陈小姐',
      customerPhone: '13912345678',
      receivedDate: '2026-11-27',
      repairStartedDate: '2026-11-28',
      completedDate: '2026-11-29',
      deadline: '2026-12-29',
      faultCodes: { condition: '1', symptom: 'S01', defect: 'D04', repair: 'R04' },
      repairTier: 'L3',
      technician: { id: techId, name: '李师傅' },
      partsMarkupBp: 1500,
      repeatOf: null,
      problems: [],
    })
    // Labour L3 = 80.00. Board: Motorola's own consigned stock, claimed at 0 and owed back.
    // Flex: 2 × 33.33 from shop stock × 1.15 = 76.659 → 76.66. Total 156.66.
    expect(claim.lines).toEqual([
      expect.objectContaining({ position: 0, partId: stock.board.id, partNumber: '5P68C22600', name: 'moto g54 尾插小板 charging board', quantity: 1, pool: `consigned:${stock.moto}`, unitCostMinor: 0, amountMinor: 0, returnRequired: true, serialized: false }),
      expect.objectContaining({ position: 1, partId: stock.flex.id, partNumber: 'SC98C11442', quantity: 2, pool: 'shop', unitCostMinor: 3333, amountMinor: 7666, returnRequired: false, defectivePartId: null }),
    ])
    expect(claim.lines[0]!.defectivePartId).toBeGreaterThan(0)
    expect([claim.labourMinor, claim.partsMinor, claim.totalMinor]).toEqual([8000, 7666, 15_666])
    expect(claim.events).toEqual([expect.objectContaining({ kind: 'created', staffName: '李师傅', toStatus: 'draft', revision: 1, data: expect.objectContaining({ ticketId: ticket.id, totalMinor: 15_666 }) })])
    expect(h.ledger.sqlite.prepare(`SELECT entity_id, staff_id FROM audit_log WHERE action = 'claims.create'`).all()).toEqual([{ entity_id: String(claimId), staff_id: techId }])
    // The completion event still carries the facts it always did.
    const complete = h.ledger.sqlite.prepare(`SELECT data_json FROM ticket_events WHERE ticket_id = ? AND kind = 'complete'`).get(ticket.id) as { data_json: string }
    expect(Object.keys(JSON.parse(complete.data_json))).toEqual(['workDone', 'testResult', 'claimFacts'])
  })

  it('builds nothing for paid work or a warranty voided at diagnosis', async () => {
    const paid = await paidTicketAwaitingParts(h)
    await h.call('tickets.startRepair', { id: paid.id })
    await h.call('tickets.complete', { id: paid.id, workDone: 'x', testResult: 'passed' })
    const voided = await h.call('tickets.intake', await newPhoneIntake(h, { device: { new: { modelId: await modelId(h, 'moto g54'), serial: 'VOID-001' }, purchaseDate: '2026-03-01', proofOfPurchaseRef: 'I' } }))
    await h.call('tickets.diagnose', { ...diagnosis(voided.id), warranty: { decision: 'void', voidReason: 'liquid_damage', note: '进水' } })
    await h.call('tickets.estimate', { id: voided.id, lines: [{ kind: 'labour', description: 'x', quantity: 1, unitPriceMinor: 100 }] })
    await h.call('tickets.decide', { id: voided.id, decision: 'approved', via: 'phone' })
    await h.call('tickets.startRepair', { id: voided.id })
    await h.call('tickets.complete', { id: voided.id, workDone: 'x', testResult: 'passed' })
    expect(h.counts()).toMatchObject({ claims: 0, claim_lines: 0, claim_events: 0 })
    expect((await h.call('claims.list', {})).items).toEqual([])
  })

  it('is built in the completion’s transaction: if the claim fails, the ticket is not completed', async () => {
    const ticket = await warrantyTicketAwaitingParts(h)
    await h.call('tickets.startRepair', { id: ticket.id })
    h.ledger.sqlite.exec(`CREATE TRIGGER claims_fail BEFORE INSERT ON claims BEGIN SELECT RAISE(ABORT, 'disk full'); END`)
    const before = h.digest()
    expect(expectError(await h.raw('tickets.complete', { id: ticket.id, workDone: 'x', testResult: 'passed' })).code).toBe('INTERNAL')
    expect(h.digest()).toBe(before)
    h.ledger.sqlite.exec('DROP TRIGGER claims_fail')
    await h.call('tickets.complete', { id: ticket.id, workDone: 'x', testResult: 'passed' })
    expect(claimIdOf(h, ticket.id)).toBeGreaterThan(0)
  })
})

describe('parts changed on the ticket after completion', () => {
  it('rebuilds the claim’s lines when parts are used on the completed ticket; a ready claim goes back to draft', async () => {
    const r = await completedWarrantyRepair(h)
    expect((await h.call('claims.validate', { id: r.claimId })).status).toBe('ready')
    // Still in repair after completion: one more flex cable turned out to be needed.
    await h.call('tickets.useParts', { id: r.ticket.id, lines: [{ partId: r.flex.id, quantity: 1, pool: 'shop', keepDefective: false }] })
    const claim = await h.call('claims.get', { id: r.claimId })
    expect(claim.status).toBe('draft')
    // 1 × 33.33 × 1.15 = 38.3295 → 38.33; labour L2 45.00.
    expect(claim.lines.map((l) => [l.quantity, l.pool, l.amountMinor])).toEqual([[1, `consigned:${r.moto}`, 0], [2, 'shop', 7666], [1, 'shop', 3833]])
    expect([claim.labourMinor, claim.partsMinor, claim.totalMinor]).toEqual([4500, 11_499, 15_999])
    const last = claimEventRows(h, r.claimId).at(-1)!
    expect(last).toMatchObject({ kind: 'partsChanged', from_status: 'ready', to_status: 'draft', data: { cause: 'tickets.useParts', before: { totalMinor: 12_166 }, after: { totalMinor: 15_999 } } })
  })

  it('takes parts returned unused off the claim, and drops a line returned in full', async () => {
    const r = await completedWarrantyRepair(h)
    await h.call('tickets.markReady', { id: r.ticket.id, contactedVia: 'phone' })
    const [board, flex] = (await h.call('claims.get', { id: r.claimId })).lines
    await h.call('tickets.returnPart', { id: r.ticket.id, movementId: flex!.movementId, quantity: 1, reason: '多领了一根' })
    let claim = await h.call('claims.get', { id: r.claimId })
    // 1 × 33.33 × 1.15 = 38.33
    expect(claim.lines.map((l) => [l.movementId, l.quantity, l.amountMinor])).toEqual([[board!.movementId, 1, 0], [flex!.movementId, 1, 3833]])
    await h.call('tickets.returnPart', { id: r.ticket.id, movementId: board!.movementId, quantity: 1, reason: '旧件修复' })
    claim = await h.call('claims.get', { id: r.claimId })
    expect(claim.lines.map((l) => [l.position, l.movementId])).toEqual([[0, flex!.movementId]])
    expect([claim.partsMinor, claim.totalMinor]).toEqual([3833, 8333])
    expect(claimEventRows(h, r.claimId).map((e) => [e.kind, (e.data as { cause?: string }).cause])).toEqual([
      ['created', undefined],
      ['partsChanged', 'tickets.returnPart'],
      ['partsChanged', 'tickets.returnPart'],
    ])
  })

  it('refuses to change the parts of a repair whose claim has gone to the manufacturer; nothing written', async () => {
    const r = await completedWarrantyRepair(h)
    const flex = (await h.call('claims.get', { id: r.claimId })).lines[1]!
    // Batching arrives with the next part of the claims work; a batched claim is set here by hand.
    h.ledger.sqlite.prepare(`UPDATE claims SET status = 'batched' WHERE id = ?`).run(r.claimId)
    const before = h.digest()
    expect(expectError(await h.raw('tickets.useParts', { id: r.ticket.id, lines: [{ partId: r.flex.id, quantity: 1 }] }))).toMatchObject({
      code: 'CONFLICT',
      messageKey: 'errors.claimFrozenParts',
      params: { claim: `C-${r.ticket.number}`, status: 'batched' },
    })
    expect(expectError(await h.raw('tickets.returnPart', { id: r.ticket.id, movementId: flex.movementId, quantity: 1 })).messageKey).toBe('errors.claimFrozenParts')
    expect(h.digest()).toBe(before)
  })

  it('leaves other tickets’ parts alone: a ticket without a claim uses parts as before', async () => {
    await completedWarrantyRepair(h)
    const open = await warrantyTicketAwaitingParts(h)
    const part = (await h.call('parts.search', { query: 'flex' }))[0]!
    await h.call('tickets.useParts', { id: open.id, lines: [{ partId: part.id, quantity: 1 }] })
    expect(h.counts()).toMatchObject({ claims: 1, claim_events: 1 })
  })
})

describe('a claim once sent cannot change, whoever asks', () => {
  it('has triggers that refuse changing a batched claim’s fields or lines, and deleting claims or their history', async () => {
    const r = await completedWarrantyRepair(h)
    const db = h.ledger.sqlite
    db.prepare(`UPDATE claims SET status = 'submitted' WHERE id = ?`).run(r.claimId)
    expect(() => db.prepare(`UPDATE claims SET imei = '490154203237518' WHERE id = ?`).run(r.claimId)).toThrow(/cannot change/)
    expect(() => db.prepare(`UPDATE claims SET labour_minor = 1, total_minor = 7667 WHERE id = ?`).run(r.claimId)).toThrow(/cannot change/)
    expect(() => db.prepare(`UPDATE claim_lines SET quantity = 9 WHERE claim_id = ?`).run(r.claimId)).toThrow(/cannot change/)
    expect(() => db.prepare(`DELETE FROM claim_lines WHERE claim_id = ?`).run(r.claimId)).toThrow(/cannot change/)
    expect(() => db.prepare(`UPDATE claims SET number = 'C-X' WHERE id = ?`).run(r.claimId)).toThrow(/keeps its number/)
    expect(() => db.prepare(`DELETE FROM claims`).run()).toThrow(/never deleted/)
    expect(() => db.prepare(`UPDATE claim_events SET note = 'x'`).run()).toThrow(/append-only/)
    expect(() => db.prepare(`DELETE FROM claim_events`).run()).toThrow(/append-only/)
    // The manufacturer's answer is a status change, which stays possible.
    db.prepare(`UPDATE claims SET status = 'accepted' WHERE id = ?`).run(r.claimId)
    // A draft's lines may be rebuilt, and its totals must add up.
    db.prepare(`UPDATE claims SET status = 'draft' WHERE id = ?`).run(r.claimId)
    expect(() => db.prepare(`UPDATE claims SET labour_minor = 1 WHERE id = ?`).run(r.claimId)).toThrow(/CHECK/)
  })
})

describe('defective parts and their claims', () => {
  it('names the claim of each defective part in the RMA list and on the ticket', async () => {
    const r = await completedWarrantyRepair(h)
    const owed = (await h.call('rma.list', {})).owed[0]!.owed
    expect(owed).toEqual([expect.objectContaining({ partId: r.board.id, claim: { id: r.claimId, number: `C-${r.ticket.number}` } })])
    const claim = await h.call('claims.get', { id: r.claimId })
    expect(claim.lines[0]!.defectivePartId).toBe(owed[0]!.id)
    const open = await warrantyTicketAwaitingParts(h)
    const parts = await h.call('tickets.useParts', { id: open.id, lines: [{ partId: r.board.id, quantity: 1 }] })
    expect(parts.defective[0]).toMatchObject({ claim: null })
  })
})

describe('rules changed while claims wait', () => {
  it('reprices claims not yet sent, with an event each, and leaves sent ones alone', async () => {
    const first = await completedWarrantyRepair(h)
    const second = await completedWarrantyRepair(h)
    h.ledger.sqlite.prepare(`UPDATE claims SET status = 'batched' WHERE id = ?`).run(second.claimId)
    const sent = h.ledger.sqlite.prepare('SELECT * FROM claim_lines WHERE claim_id = ?').all(second.claimId)
    await h.call('manufacturers.updateClaimRules', { manufacturerId: first.moto, labourRates: { L2: 5000 }, partsMarkupBp: 2000 })
    // L2 50.00; flex 2 × 33.33 × 1.20 = 79.992 → 79.99
    const repriced = await h.call('claims.get', { id: first.claimId })
    expect([repriced.labourMinor, repriced.partsMinor, repriced.totalMinor, repriced.partsMarkupBp]).toEqual([5000, 7999, 12_999, 2000])
    expect(repriced.events.at(-1)).toMatchObject({ kind: 'repriced', staffName: '王店主', data: { before: { totalMinor: 12_166 }, after: { totalMinor: 12_999 } } })
    const untouched = await h.call('claims.get', { id: second.claimId })
    expect([untouched.totalMinor, untouched.events.length]).toEqual([12_166, 1])
    expect(h.ledger.sqlite.prepare('SELECT * FROM claim_lines WHERE claim_id = ?').all(second.claimId)).toEqual(sent)
    // The same rules again change nothing and add no event.
    await h.call('manufacturers.updateClaimRules', { manufacturerId: first.moto, partsMarkupBp: 2000 })
    expect((await h.call('claims.get', { id: first.claimId })).events).toHaveLength(2)
  })
})
