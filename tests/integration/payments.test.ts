import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { createHarness, expectError, setUpShop, type Harness } from '../support/harness'
import { newPhoneIntake, modelId } from '../support/intake'
import { ownerApprovalOf, pricedTicket, readyForPickup } from '../support/payments'
import { createPart } from '../support/stock'
import { warrantyTicket } from '../support/workflow'

let h: Harness
beforeEach(async () => {
  h = await createHarness()
  await setUpShop(h)
})
afterEach(() => h.close())

const signInTechnician = async () => {
  await h.call('staff.create', { name: '李师傅', role: 'technician', pin: '1357' })
  const tech = (await h.call('auth.staffChoices', {})).find((s) => s.name === '李师傅')!
  await h.call('auth.signIn', { staffId: tech.id, pin: '1357' }, 'tech')
  return tech
}

describe('invoice', () => {
  it('bills the approved estimate, with tax as quoted, and the parts actually fitted once done', async () => {
    await h.call('settings.update', { taxRateBp: 1300, pricesIncludeTax: false })
    const part = await createPart(h, { name: '屏幕总成 screen', sellPriceMinor: 30_000 })
    const extra = await createPart(h, { name: '防水胶 adhesive', sellPriceMinor: 500 })
    await h.call('stock.receive', { pool: 'shop', supplier: 'S', lines: [{ partId: part.id, quantity: 3, unitCostMinor: 15_000 }, { partId: extra.id, quantity: 5, unitCostMinor: 100 }] })
    const fresh = await pricedTicketWithParts(part.id)
    const quoted = await h.call('invoices.forTicket', { id: fresh.id })
    expect(quoted).toMatchObject({ kind: 'paid', priced: true, final: false, linesMinor: 66_000, taxMinor: 8580, totalMinor: 74_580, paidMinor: 0, balanceMinor: 74_580 })
    await h.call('tickets.useParts', { id: fresh.id, lines: [{ partId: part.id, quantity: 1 }, { partId: extra.id, quantity: 2 }] })
    await h.call('tickets.startRepair', { id: fresh.id })
    await h.call('tickets.complete', { id: fresh.id, workDone: '更换屏幕', testResult: 'passed' })
    const final = await h.call('invoices.forTicket', { id: fresh.id })
    expect(final.lines.map((l) => [l.kind, l.quantity, l.unitPriceMinor, l.source])).toEqual([
      ['labour', 1, 10_000, 'estimate'],
      ['part', 1, 28_000, 'estimate'],
      ['part', 2, 500, 'parts_used'],
    ])
    // 39 000 + 13 % = 5 070 tax, rounded half up once on the total
    expect(final).toMatchObject({ final: true, linesMinor: 39_000, taxMinor: 5070, totalMinor: 44_070, balanceMinor: 44_070 })
  })

  it('keeps a settled invoice and past reports when the catalogue price changes later', async () => {
    const glue = await createPart(h, { name: '防水胶 adhesive', sellPriceMinor: 500 })
    await h.call('stock.receive', { pool: 'shop', supplier: 'S', lines: [{ partId: glue.id, quantity: 5, unitCostMinor: 100 }] })
    const ticket = await pricedTicket(h, 8000)
    await h.call('tickets.useParts', { id: ticket.id, lines: [{ partId: glue.id, quantity: 2 }] })
    await readyForPickup(h, ticket.id)
    await h.call('payments.record', { ticketId: ticket.id, amountMinor: 9000, method: 'card' })
    await h.call('tickets.collect', { id: ticket.id, collectedBy: '张三' })
    const before = await h.call('reports.daily', { date: '2026-11-27' })
    await h.call('parts.update', { id: glue.id, sellPriceMinor: 2000 })
    expect(await h.call('invoices.forTicket', { id: ticket.id })).toMatchObject({ totalMinor: 9000, balanceMinor: 0 })
    expect((await h.call('reports.daily', { date: '2026-11-27' })).paidWork).toEqual(before.paidWork)
    expect(before.paidWork.totalMinor).toBe(9000)
  })

  it('has no customer invoice for warranty work and refuses payments on it', async () => {
    const ticket = await warrantyTicket(h)
    const invoice = await h.call('invoices.forTicket', { id: ticket.id })
    expect(invoice).toMatchObject({ kind: 'warranty', priced: false, lines: [], totalMinor: 0 })
    // Not -0: Electron's structured clone keeps the sign and the UI would print "-¥0.00".
    expect(Object.is(invoice.balanceMinor, 0)).toBe(true)
    expect(expectError(await h.raw('payments.record', { ticketId: ticket.id, amountMinor: 100, method: 'card' }))).toMatchObject({ code: 'CONFLICT', messageKey: 'errors.paymentOnWarranty' })
  })
})

async function pricedTicketWithParts(partId: number) {
  const intake = await h.call('tickets.intake', await newPhoneIntake(h, { device: { new: { modelId: await modelId(h, 'Galaxy S24'), serial: `P-${Math.random().toString(36).slice(2, 9)}` }, purchaseDate: null } }))
  await h.call('tickets.diagnose', { id: intake.id, findings: 'cracked LCD', faultCodes: { condition: '1', symptom: 'S01', defect: 'D04', repair: 'R04' }, repairTier: 'L2' })
  await h.call('tickets.estimate', {
    id: intake.id,
    lines: [
      { kind: 'labour', description: '更换屏幕', quantity: 1, unitPriceMinor: 10_000 },
      { kind: 'part', description: '屏幕总成', quantity: 2, unitPriceMinor: 28_000, partId },
    ],
  })
  await h.call('tickets.decide', { id: intake.id, decision: 'approved', via: 'phone' })
  return intake
}

describe('payments', () => {
  it('takes a deposit at intake and the rest later, each an append-only row with staff and time', async () => {
    await h.call('cash.open', { floatMinor: 20_000 })
    const intake = await h.call('tickets.intake', await newPhoneIntake(h, { device: { new: { modelId: await modelId(h, 'Galaxy S24'), serial: 'DEP-1' }, purchaseDate: null }, deposit: { amountMinor: 5000, method: 'cash', tenderedMinor: 10_000 } }))
    const afterIntake = await h.call('invoices.forTicket', { id: intake.id })
    expect(afterIntake).toMatchObject({ priced: false, paidMinor: 5000, balanceMinor: -5000 })
    expect(afterIntake.payments[0]).toMatchObject({ kind: 'deposit', method: 'cash', amountMinor: 5000, tenderedMinor: 10_000, changeMinor: 5000, staffName: '王店主', businessDate: '2026-11-27' })
    await h.call('tickets.diagnose', { id: intake.id, findings: 'x', faultCodes: { condition: '1', symptom: 'S01', defect: 'D04', repair: 'R04' }, repairTier: 'L1' })
    await h.call('tickets.estimate', { id: intake.id, lines: [{ kind: 'labour', description: '刷机', quantity: 1, unitPriceMinor: 15_000 }] })
    await h.call('tickets.decide', { id: intake.id, decision: 'approved', via: 'phone' })
    await readyForPickup(h, intake.id)
    const { payment, invoice } = await h.call('payments.record', { ticketId: intake.id, amountMinor: 10_000, method: 'alipay', reference: '2026112722001' })
    expect(payment).toMatchObject({ kind: 'payment', method: 'alipay', reference: '2026112722001', tenderedMinor: null, changeMinor: null })
    expect(invoice).toMatchObject({ final: true, totalMinor: 15_000, paidMinor: 15_000, balanceMinor: 0 })
    expect((await h.call('tickets.collect', { id: intake.id, collectedBy: '张三' })).status).toBe('collected')
    expect(() => h.ledger.sqlite.exec('UPDATE payments SET amount_minor = 1')).toThrow(/append-only/)
    expect(() => h.ledger.sqlite.exec('DELETE FROM payments')).toThrow(/append-only/)
  })

  it('refuses zero, negative, fractional, over-balance, cancelled and cash-without-drawer payments, writing nothing', async () => {
    const ticket = await pricedTicket(h, 10_000)
    const before = h.counts()
    const pay = async (input: object) => expectError(await h.raw('payments.record', { ticketId: ticket.id, amountMinor: 100, method: 'card', ...input }))
    expect((await pay({ amountMinor: 0 })).issues?.[0]).toMatchObject({ path: ['amountMinor'], messageKey: 'validation.amountZero' })
    expect((await pay({ amountMinor: -5 })).issues?.[0]).toMatchObject({ messageKey: 'validation.amountNegative' })
    expect((await pay({ amountMinor: 10.5 })).issues?.[0]).toMatchObject({ messageKey: 'validation.amountFraction' })
    expect((await pay({ method: 'bitcoin' })).issues?.[0]).toMatchObject({ path: ['method'], messageKey: 'validation.paymentMethod' })
    expect(await pay({ amountMinor: 10_001 })).toMatchObject({ code: 'CONFLICT', messageKey: 'errors.overpayment', params: { balance: 10_000 } })
    expect(await pay({ method: 'cash' })).toMatchObject({ code: 'CONFLICT', messageKey: 'errors.drawerNotOpen' })
    expect((await pay({ method: 'card', tenderedMinor: 200 })).issues?.[0]).toMatchObject({ path: ['tenderedMinor'], messageKey: 'validation.tenderedCashOnly' })
    expect(h.counts()).toEqual(before)
    await h.call('cash.open', { floatMinor: 0 })
    // Cash beyond the balance comes back as change; the payment itself is the balance.
    const { payment } = await h.call('payments.record', { ticketId: ticket.id, amountMinor: 10_000, method: 'cash', tenderedMinor: 20_000 })
    expect(payment).toMatchObject({ amountMinor: 10_000, changeMinor: 10_000 })
    expect(expectError(await h.raw('payments.record', { ticketId: ticket.id, amountMinor: 1, method: 'card' }))).toMatchObject({ messageKey: 'errors.nothingOwed' })
    const cancelled = await pricedTicket(h, 5000)
    await h.call('tickets.cancel', { id: cancelled.id, reason: '客户不修了' })
    expect(expectError(await h.raw('payments.record', { ticketId: cancelled.id, amountMinor: 1, method: 'card' })).messageKey).toBe('errors.paymentOnCancelled')
  })
})

describe('refunds', () => {
  it('needs the owner’s PIN and a reason, refunds at most what was paid, as a negative row linked to it', async () => {
    const tech = await signInTechnician()
    const ticket = await pricedTicket(h, 20_000)
    const { payment } = await h.call('payments.record', { ticketId: ticket.id, amountMinor: 20_000, method: 'wechat' }, 'tech')
    const approval = await ownerApprovalOf(h)
    const before = h.counts()
    const refund = async (input: object) => expectError(await h.raw('payments.refund', { paymentId: payment.id, amountMinor: 5000, reason: '屏幕有色差，部分退款', approval, ...input }, 'tech'))
    expect(await refund({ approval: { staffId: tech.id, pin: '1357' } })).toMatchObject({ code: 'FORBIDDEN', issues: [{ path: ['approval', 'staffId'], messageKey: 'errors.approvalNotOwner' }] })
    expect(await refund({ amountMinor: 20_001 })).toMatchObject({ code: 'CONFLICT', messageKey: 'errors.refundTooMuch', params: { refundable: 20_000 } })
    expect((await refund({ reason: '' })).issues?.[0]).toMatchObject({ path: ['reason'] })
    expect(h.counts()).toEqual(before)
    const wrong = await refund({ approval: { ...approval, pin: '000000' } })
    expect(wrong).toMatchObject({ code: 'FORBIDDEN', issues: [{ path: ['approval', 'pin'], messageKey: 'errors.approvalWrongPin' }] })
    // A wrong PIN is itself audited, and nothing else is written.
    expect(h.counts()).toEqual({ ...before, audit_log: before.audit_log! + 1 })
    expect((await h.call('auth.current', {}, 'tech'))?.staff.name).toBe('李师傅')

    const first = await h.call('payments.refund', { paymentId: payment.id, amountMinor: 5000, reason: '屏幕有色差，部分退款', approval }, 'tech')
    expect(first.payment).toMatchObject({ kind: 'refund', method: 'wechat', amountMinor: -5000, refundOfPaymentId: payment.id, approvedByName: '王店主', staffName: '李师傅', reason: '屏幕有色差，部分退款' })
    expect(first.invoice).toMatchObject({ paidMinor: 15_000, balanceMinor: 5000 })
    expect(first.invoice.payments.find((p) => p.id === payment.id)).toMatchObject({ refundedMinor: 5000, refundableMinor: 15_000 })
    expect(expectError(await h.raw('payments.refund', { paymentId: first.payment.id, amountMinor: 1, reason: 'x', approval })).messageKey).toBe('errors.refundOfRefund')
    expect(expectError(await h.raw('payments.refund', { paymentId: payment.id, amountMinor: 15_001, reason: 'x', approval })).params).toEqual({ refundable: 15_000 })
  })

  it('refunds a cancelled ticket’s cash deposit from the drawer', async () => {
    await h.call('cash.open', { floatMinor: 10_000 })
    const intake = await h.call('tickets.intake', await newPhoneIntake(h, { device: { new: { modelId: await modelId(h, 'Galaxy S24'), serial: 'DEP-2' }, purchaseDate: null }, deposit: { amountMinor: 3000, method: 'cash' } }))
    await h.call('tickets.cancel', { id: intake.id, reason: '客户取消' })
    const depositId = (await h.call('invoices.forTicket', { id: intake.id })).payments[0]!.id
    const { invoice } = await h.call('payments.refund', { paymentId: depositId, amountMinor: 3000, reason: '取消退定金', approval: await ownerApprovalOf(h) })
    expect(invoice).toMatchObject({ paidMinor: 0 })
    expect((await h.call('cash.status', {})).open).toMatchObject({ floatMinor: 10_000, cashInMinor: 3000, cashRefundsMinor: 3000, expectedMinor: 10_000 })
  })
})

describe('hand-back gate', () => {
  it('refuses collecting paid work with money owed unless the owner approves with a reason', async () => {
    const ticket = await pricedTicket(h, 8000)
    await readyForPickup(h, ticket.id)
    await h.call('payments.record', { ticketId: ticket.id, amountMinor: 3000, method: 'card' })
    const before = h.counts()
    expect(expectError(await h.raw('tickets.collect', { id: ticket.id, collectedBy: '张三' }))).toMatchObject({ code: 'CONFLICT', messageKey: 'errors.balanceDue', params: { balance: 5000 } })
    expect(expectError(await h.raw('tickets.collect', { id: ticket.id, collectedBy: '张三', override: { reason: '老客户，下周付', approval: { staffId: 1, pin: '999999' } } }))).toMatchObject({
      code: 'FORBIDDEN',
      issues: [{ path: ['override', 'approval', 'pin'], messageKey: 'errors.approvalWrongPin' }],
    })
    expect(h.counts()).toEqual({ ...before, audit_log: before.audit_log! + 1 })
    const collected = await h.call('tickets.collect', { id: ticket.id, collectedBy: '张三', override: { reason: '老客户，下周付', approval: await ownerApprovalOf(h) } })
    expect(collected.status).toBe('collected')
    expect(await h.call('invoices.forTicket', { id: ticket.id })).toMatchObject({ balanceMinor: 5000, collectOverrideNote: '老客户，下周付' })
    const event = h.ledger.sqlite.prepare(`SELECT data_json FROM ticket_events WHERE ticket_id = ? AND kind = 'collect'`).get(ticket.id) as { data_json: string }
    expect(JSON.parse(event.data_json).override).toMatchObject({ reason: '老客户，下周付', balanceMinor: 5000 })
    // The customer pays later: still possible on a collected ticket.
    expect((await h.call('payments.record', { ticketId: ticket.id, amountMinor: 5000, method: 'bank_transfer' })).invoice.balanceMinor).toBe(0)
  })

  it('asks no PIN when nothing is owed, so an override sent along does not block a settled hand-back', async () => {
    const ticket = await pricedTicket(h, 3000)
    await readyForPickup(h, ticket.id)
    await h.call('payments.record', { ticketId: ticket.id, amountMinor: 3000, method: 'card' })
    const collected = await h.call('tickets.collect', { id: ticket.id, collectedBy: '张三', override: { reason: 'x', approval: { staffId: 1, pin: '000000' } } })
    expect(collected.status).toBe('collected')
    expect((await h.call('invoices.forTicket', { id: ticket.id })).collectOverrideNote).toBeNull()
  })

  it('lists the day’s payments with totals per method', async () => {
    await h.call('cash.open', { floatMinor: 0 })
    const a = await pricedTicket(h, 10_000)
    const b = await pricedTicket(h, 4000)
    const { payment } = await h.call('payments.record', { ticketId: a.id, amountMinor: 10_000, method: 'cash' })
    await h.call('payments.record', { ticketId: b.id, amountMinor: 4000, method: 'wechat' })
    await h.call('payments.refund', { paymentId: payment.id, amountMinor: 2500, reason: '优惠', approval: await ownerApprovalOf(h) })
    h.clock.advance(86_400_000)
    const c = await pricedTicket(h, 1000)
    await h.call('payments.record', { ticketId: c.id, amountMinor: 1000, method: 'card' })
    const day = await h.call('payments.list', { date: '2026-11-27' })
    expect(day.totals).toEqual([
      { method: 'cash', paymentsMinor: 10_000, refundsMinor: 2500, netMinor: 7500, count: 2 },
      { method: 'wechat', paymentsMinor: 4000, refundsMinor: 0, netMinor: 4000, count: 1 },
    ])
    expect(day.netMinor).toBe(11_500)
    expect((await h.call('payments.list', {})).payments.map((p) => [p.ticket.id, p.businessDate])).toEqual([[c.id, '2026-11-28']])
    expect(expectError(await h.raw('payments.list', { date: '2026-02-30' })).issues?.[0]).toMatchObject({ path: ['date'] })
  })
})
