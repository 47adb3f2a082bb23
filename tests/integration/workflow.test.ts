import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { createHarness, expectError, setUpShop, type Harness } from '../support/harness'
import { diagnosis, paidTicket, warrantyTicket } from '../support/workflow'

let h: Harness
let ownerId: number
beforeEach(async () => {
  h = await createHarness()
  ownerId = await setUpShop(h)
})
afterEach(() => h.close())

const events = (ticketId: number) =>
  h.ledger.sqlite.prepare('SELECT kind, from_status, to_status, staff_id FROM ticket_events WHERE ticket_id = ? ORDER BY id').all(ticketId) as {
    kind: string
    from_status: string
    to_status: string
    staff_id: number
  }[]

describe('a paid repair from diagnosis to collection', () => {
  it('walks every step, one event and one audit row each', async () => {
    await h.call('settings.update', { taxRateBp: 1300, pricesIncludeTax: false })
    const ticket = await paidTicket(h)
    expect((await h.call('tickets.work', { id: ticket.id })).actions).toEqual(['startDiagnosis', 'diagnose', 'cancel'])
    await h.call('tickets.startDiagnosis', { id: ticket.id })
    const diagnosed = await h.call('tickets.diagnose', diagnosis(ticket.id))
    expect(diagnosed).toMatchObject({ status: 'awaiting_approval', paid: true, diagnosis: { repairTier: 'L2', warrantyDecision: 'not_applicable', faultCodes: { symptom: 'S01' } } })
    expect(diagnosed.actions).toEqual(['estimate', 'decline', 'cancel'])

    const estimated = await h.call('tickets.estimate', {
      id: ticket.id,
      lines: [
        { kind: 'labour', description: '更换尾插 labour', quantity: 1, unitPriceMinor: 8000 },
        { kind: 'part', description: '尾插小板 charging board', quantity: 1, unitPriceMinor: 4550 },
      ],
    })
    expect(estimated.estimate).toMatchObject({ revision: 1, linesMinor: 12550, netMinor: 12550, taxMinor: 1632, totalMinor: 14182, taxRateBp: 1300, pricesIncludeTax: false })
    expect(estimated.actions).toContain('approve')

    h.clock.advance(3_600_000)
    const approved = await h.call('tickets.decide', { id: ticket.id, decision: 'approved', via: 'phone' })
    expect(approved).toMatchObject({ status: 'awaiting_parts', decision: { decision: 'approved', via: 'phone', atMs: h.clock.now(), staffName: '王店主' } })
    await h.call('tickets.startRepair', { id: ticket.id })
    const done = await h.call('tickets.complete', { id: ticket.id, workDone: '更换尾插小板', testResult: 'passed' })
    expect(done).toMatchObject({ status: 'in_repair', completion: { workDone: '更换尾插小板', testResult: 'passed' } })
    expect(done.actions).toEqual(['markReady', 'cancel'])
    const ready = await h.call('tickets.markReady', { id: ticket.id, contactedVia: 'wechat' })
    expect(ready).toMatchObject({ status: 'ready', outcome: 'repaired', contactedVia: 'wechat' })
    h.clock.set(Date.UTC(2026, 10, 28, 15, 30)) // 23:30 on the 28th in Shanghai
    // Hand-back waits for the money.
    expect(expectError(await h.raw('tickets.collect', { id: ticket.id, collectedBy: '张三' }))).toMatchObject({ code: 'CONFLICT', messageKey: 'errors.balanceDue', params: { balance: 14182 } })
    await h.call('payments.record', { ticketId: ticket.id, amountMinor: 14182, method: 'wechat' })
    const collected = await h.call('tickets.collect', { id: ticket.id, collectedBy: '张三' })
    expect(collected).toMatchObject({ status: 'collected', collectedBy: '张三', actions: [] })
    const row = h.ledger.sqlite.prepare('SELECT collected_business_date, completed_business_date FROM tickets WHERE id = ?').get(ticket.id)
    expect(row).toEqual({ collected_business_date: '2026-11-28', completed_business_date: '2026-11-27' })

    expect(events(ticket.id).map((e) => [e.kind, e.from_status, e.to_status])).toEqual([
      ['intake', null, 'received'],
      ['startDiagnosis', 'received', 'diagnosing'],
      ['diagnose', 'diagnosing', 'awaiting_approval'],
      ['estimate', 'awaiting_approval', 'awaiting_approval'],
      ['approve', 'awaiting_approval', 'awaiting_parts'],
      ['startRepair', 'awaiting_parts', 'in_repair'],
      ['complete', 'in_repair', 'in_repair'],
      ['markReady', 'in_repair', 'ready'],
      ['payment', null, null],
      ['collect', 'ready', 'collected'],
    ])
    const audit = (h.ledger.sqlite.prepare(`SELECT action FROM audit_log WHERE entity = 'ticket' AND entity_id = ? ORDER BY id`).all(String(ticket.id)) as { action: string }[]).map((r) => r.action)
    expect(audit).toEqual(['tickets.intake', 'tickets.startDiagnosis', 'tickets.diagnose', 'tickets.estimate', 'tickets.approve', 'tickets.startRepair', 'tickets.complete', 'tickets.markReady', 'tickets.collect'])
  })

  it('computes tax inside tax-inclusive prices, rounding half up once on the total', async () => {
    await h.call('settings.update', { taxRateBp: 600, pricesIncludeTax: true })
    const ticket = await paidTicket(h)
    await h.call('tickets.diagnose', diagnosis(ticket.id))
    const work = await h.call('tickets.estimate', { id: ticket.id, lines: [{ kind: 'labour', description: 'screen', quantity: 3, unitPriceMinor: 3333 }] })
    // 9999 × 6 / 106 = 565.98… → 566
    expect(work.estimate).toMatchObject({ linesMinor: 9999, taxMinor: 566, netMinor: 9433, totalMinor: 9999 })
  })

  it('keeps every estimate revision and shows the latest', async () => {
    const ticket = await paidTicket(h)
    await h.call('tickets.diagnose', diagnosis(ticket.id))
    await h.call('tickets.estimate', { id: ticket.id, lines: [{ kind: 'labour', description: 'a', quantity: 1, unitPriceMinor: 100 }] })
    const second = await h.call('tickets.estimate', { id: ticket.id, lines: [{ kind: 'labour', description: 'b', quantity: 2, unitPriceMinor: 100 }] })
    expect(second.estimate).toMatchObject({ revision: 2, totalMinor: 200 })
    expect(h.ledger.sqlite.prepare('SELECT count(*) AS n FROM estimate_lines').get()).toEqual({ n: 2 })
    expect(() => h.ledger.sqlite.exec('UPDATE estimates SET total_minor = 1')).toThrow(/append-only/)
  })
})

describe('warranty work', () => {
  it('skips approval, refuses it, and records what a claim needs at completion', async () => {
    const ticket = await warrantyTicket(h)
    const diagnosed = await h.call('tickets.diagnose', diagnosis(ticket.id, { warranty: { decision: 'confirm' } }))
    expect(diagnosed).toMatchObject({ status: 'awaiting_parts', paid: false, diagnosis: { warrantyDecision: 'confirmed' } })
    expect(expectError(await h.raw('tickets.decide', { id: ticket.id, decision: 'approved', via: 'phone' }))).toMatchObject({ code: 'ILLEGAL_TRANSITION' })
    await h.call('tickets.startRepair', { id: ticket.id })
    await h.call('tickets.complete', { id: ticket.id, workDone: 'replaced charging board', testResult: 'passed' })
    const complete = h.ledger.sqlite.prepare(`SELECT data_json FROM ticket_events WHERE ticket_id = ? AND kind = 'complete'`).get(ticket.id) as { data_json: string }
    expect(JSON.parse(complete.data_json).claimFacts).toMatchObject({
      receivedAtMs: ticket.receivedAtMs,
      completedAtMs: h.clock.now(),
      technicianId: ownerId,
      repairTier: 'L2',
      faultCodes: { condition: '1', symptom: 'S01', defect: 'D04', repair: 'R04' },
    })
  })

  it('turns into paid work when voided at diagnosis; declined, it goes back unrepaired with a fee', async () => {
    const ticket = await warrantyTicket(h)
    const voided = await h.call('tickets.diagnose', diagnosis(ticket.id, { warranty: { decision: 'void', voidReason: 'liquid_damage', note: 'LCI red' } }))
    expect(voided).toMatchObject({ status: 'awaiting_approval', paid: true, diagnosis: { warrantyDecision: 'voided', voidReason: 'liquid_damage' } })
    expect((await h.call('tickets.get', { id: ticket.id })).warrantyStatus).toBe('void')
    await h.call('tickets.estimate', { id: ticket.id, lines: [{ kind: 'part', description: 'main board', quantity: 1, unitPriceMinor: 88000 }] })
    const declined = await h.call('tickets.decide', { id: ticket.id, decision: 'declined', via: 'in_person', diagnosisFeeMinor: 5000 })
    expect(declined).toMatchObject({ status: 'declined', diagnosisFeeMinor: 5000, decision: { decision: 'declined' } })
    expect(declined.actions).toEqual(['markReady', 'cancel'])
    const ready = await h.call('tickets.markReady', { id: ticket.id, contactedVia: 'phone' })
    expect(ready).toMatchObject({ status: 'ready', outcome: 'unrepaired' })
    expect(expectError(await h.raw('tickets.collect', { id: ticket.id, collectedBy: '张三' })).params).toEqual({ balance: 5000 })
    await h.call('payments.record', { ticketId: ticket.id, amountMinor: 5000, method: 'card' })
    expect((await h.call('tickets.collect', { id: ticket.id, collectedBy: '张三' })).status).toBe('collected')
  })

  it('needs the warranty decision on a warranty ticket and refuses it on paid work', async () => {
    const w = await warrantyTicket(h)
    expect(expectError(await h.raw('tickets.diagnose', diagnosis(w.id))).issues?.[0]).toMatchObject({ path: ['warranty'], messageKey: 'validation.warrantyDecisionRequired' })
    const p = await paidTicket(h)
    expect(expectError(await h.raw('tickets.diagnose', diagnosis(p.id, { warranty: { decision: 'confirm' } }))).issues?.[0]?.path).toEqual(['warranty'])
    expect(expectError(await h.raw('tickets.diagnose', diagnosis(w.id, { warranty: { decision: 'void' } }))).issues?.[0]?.path).toEqual(['warranty', 'voidReason'])
  })
})

describe('refusals write nothing', () => {
  it('names both states for an action out of order', async () => {
    const ticket = await paidTicket(h)
    const before = h.counts()
    const error = expectError(await h.raw('tickets.collect', { id: ticket.id, collectedBy: 'x' }))
    expect(error).toMatchObject({ code: 'ILLEGAL_TRANSITION', messageKey: 'errors.illegalTransition', params: { from: 'received', to: 'collected' } })
    expect(error.message).toMatch(/received.*collected/)
    expect(h.counts()).toEqual(before)
  })

  it('refuses a diagnosis on a collected ticket', async () => {
    const ticket = await warrantyTicket(h)
    h.ledger.sqlite.prepare(`UPDATE tickets SET status = 'collected' WHERE id = ?`).run(ticket.id)
    const before = h.counts()
    expect(expectError(await h.raw('tickets.diagnose', diagnosis(ticket.id, { warranty: { decision: 'confirm' } })))).toMatchObject({ code: 'ILLEGAL_TRANSITION', params: { from: 'collected' } })
    expect(h.counts()).toEqual(before)
  })

  it('refuses fault codes that are not in the manufacturer’s active list', async () => {
    const ticket = await paidTicket(h)
    const before = h.counts()
    const error = expectError(await h.raw('tickets.diagnose', diagnosis(ticket.id, { faultCodes: { condition: '1', symptom: 'S99', defect: 'D04', repair: 'R04' } })))
    expect(error.issues?.[0]).toMatchObject({ path: ['faultCodes', 'symptom'], messageKey: 'validation.faultCodeNotInList' })
    const samsung = (await h.call('manufacturers.list', {})).find((m) => m.code === 'SAMSUNG')!
    await h.call('faultCodes.upsert', { manufacturerId: samsung.id, kind: 'defect', code: 'D04', description: 'retired', active: false })
    expect(expectError(await h.raw('tickets.diagnose', diagnosis(ticket.id))).issues?.[0]?.path).toEqual(['faultCodes', 'defect'])
    expect(h.counts().diagnoses).toBe(before.diagnoses)
  })

  it.each([
    [-100, 'validation.amountNegative'],
    [12.5, 'validation.amountFraction'],
    ['12.50', 'validation.amount'],
  ])('refuses the amount %j at its line', async (amount, key) => {
    const ticket = await paidTicket(h)
    await h.call('tickets.diagnose', diagnosis(ticket.id))
    const before = h.counts()
    const error = expectError(await h.raw('tickets.estimate', { id: ticket.id, lines: [{ kind: 'labour', description: 'x', quantity: 1, unitPriceMinor: amount }] }))
    expect(error.issues?.[0]).toMatchObject({ path: ['lines', 0, 'unitPriceMinor'], messageKey: key })
    expect(h.counts()).toEqual(before)
  })

  it('refuses approval without an estimate, and a fee on an approval', async () => {
    const ticket = await paidTicket(h)
    await h.call('tickets.diagnose', diagnosis(ticket.id))
    expect(expectError(await h.raw('tickets.decide', { id: ticket.id, decision: 'approved', via: 'phone' }))).toMatchObject({ code: 'ILLEGAL_TRANSITION', messageKey: 'errors.noEstimate' })
    expect(expectError(await h.raw('tickets.decide', { id: ticket.id, decision: 'approved', via: 'phone', diagnosisFeeMinor: 100 })).issues?.[0]?.path).toEqual(['diagnosisFeeMinor'])
  })

  it('keeps collected and cancelled final', async () => {
    const ticket = await paidTicket(h)
    await h.call('tickets.cancel', { id: ticket.id, reason: '客户取回 / customer took it back' })
    const before = h.counts()
    for (const [channel, input] of [
      ['tickets.startDiagnosis', { id: ticket.id }],
      ['tickets.cancel', { id: ticket.id, reason: 'again' }],
      ['tickets.assign', { id: ticket.id, staffId: ownerId }],
    ] as const) {
      expect(expectError(await h.raw(channel, input)).code, channel).toBe('ILLEGAL_TRANSITION')
    }
    expect(h.counts()).toEqual(before)
    expect((await h.call('tickets.work', { id: ticket.id })).cancelReason).toBe('客户取回 / customer took it back')
  })

  it('refuses a cancel without a reason and a ready device cancelled instead of collected', async () => {
    const ticket = await paidTicket(h)
    expect(expectError(await h.raw('tickets.cancel', { id: ticket.id, reason: ' ' })).issues?.[0]?.path).toEqual(['reason'])
    h.ledger.sqlite.prepare(`UPDATE tickets SET status = 'ready' WHERE id = ?`).run(ticket.id)
    expect(expectError(await h.raw('tickets.cancel', { id: ticket.id, reason: 'x' })).code).toBe('ILLEGAL_TRANSITION')
  })
})

describe('assignment, notes and the counter board', () => {
  it('assigns, notes, and shows what waits on whom', async () => {
    const tech = await h.call('staff.create', { name: '李师傅', role: 'technician', pin: '1357' })
    const a = await paidTicket(h)
    const b = await warrantyTicket(h)
    const c = await paidTicket(h)
    await h.call('tickets.assign', { id: a.id, staffId: tech.id })
    await h.call('tickets.assign', { id: b.id, staffId: tech.id })
    await h.call('tickets.addNote', { id: a.id, note: '客户要求保留数据' })
    await h.call('tickets.diagnose', diagnosis(a.id))
    await h.call('tickets.diagnose', diagnosis(b.id, { warranty: { decision: 'confirm' } }))
    expect(expectError(await h.raw('tickets.assign', { id: c.id, staffId: 999 })).issues?.[0]?.path).toEqual(['staffId'])

    await h.call('auth.signIn', { staffId: tech.id, pin: '1357' }, 'bench')
    const board = await h.call('tickets.board', {}, 'bench')
    expect(board.counts).toEqual({ received: 1, diagnosing: 0, awaiting_approval: 1, awaiting_parts: 1, in_repair: 0, ready: 0, declined: 0 })
    expect(board.waitingOnCustomer.map((t) => t.id)).toEqual([a.id])
    expect(board.waitingOnParts.map((t) => t.id)).toEqual([b.id])
    expect(board.myQueue.map((t) => t.id)).toEqual([b.id, a.id])
    expect(board.queueOf).toEqual({ staffId: tech.id, staffName: '李师傅' })
    expect((await h.call('tickets.board', { staffId: ownerId }, 'bench')).myQueue).toEqual([])
    expect(board.overdue).toEqual([])
    h.clock.set(Date.UTC(2026, 11, 1, 2, 0))
    expect((await h.call('tickets.board', {}, 'bench')).overdue.map((t) => t.id).sort()).toEqual([a.id, b.id, c.id].sort())

    const kinds = events(a.id).map((e) => e.kind)
    expect(kinds).toEqual(['intake', 'assign', 'note', 'diagnose'])
  })
})
