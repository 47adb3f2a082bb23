import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { createHarness, expectError, setUpShop, type Harness } from '../support/harness'
import { ownerApprovalOf, pricedTicket } from '../support/payments'

let h: Harness
beforeEach(async () => {
  h = await createHarness()
  await setUpShop(h)
})
afterEach(() => h.close())

describe('cash drawer', () => {
  it('expects float + cash in − cash refunds + paid in − paid out, and records over/short at close', async () => {
    expect(await h.call('cash.status', {})).toEqual({ open: null, lastClosed: null })
    const opened = await h.call('cash.open', { floatMinor: 50_000, note: '早班' })
    expect(opened).toMatchObject({ floatMinor: 50_000, expectedMinor: 50_000, openedByName: '王店主', businessDate: '2026-11-27', closing: null })
    const a = await pricedTicket(h, 12_000)
    const b = await pricedTicket(h, 8000)
    const { payment } = await h.call('payments.record', { ticketId: a.id, amountMinor: 12_000, method: 'cash', tenderedMinor: 20_000 })
    await h.call('payments.record', { ticketId: b.id, amountMinor: 8000, method: 'wechat' })
    await h.call('payments.refund', { paymentId: payment.id, amountMinor: 2000, reason: '优惠', approval: await ownerApprovalOf(h) })
    await h.call('cash.movement', { kind: 'paid_out', amountMinor: 1500, reason: '买胶水' })
    const status = await h.call('cash.movement', { kind: 'paid_in', amountMinor: 10_000, reason: '老板补零钱' })
    // 50 000 + 12 000 − 2 000 + 10 000 − 1 500 (the WeChat payment is not in the drawer)
    expect(status).toMatchObject({ cashInMinor: 12_000, cashRefundsMinor: 2000, paidInMinor: 10_000, paidOutMinor: 1500, expectedMinor: 68_500 })
    expect(status.movements.map((m) => [m.kind, m.amountMinor, m.reason])).toEqual([['paid_out', 1500, '买胶水'], ['paid_in', 10_000, '老板补零钱']])

    const denominations = [{ valueMinor: 10_000, count: 6 }, { valueMinor: 5000, count: 1 }, { valueMinor: 1000, count: 3 }]
    expect(expectError(await h.raw('cash.close', { countedMinor: 68_500, denominations })).issues?.[0]).toMatchObject({ path: ['denominations'], messageKey: 'validation.denominationsSum' })
    const closed = await h.call('cash.close', { countedMinor: 68_000, denominations, note: '少五块' })
    expect(closed.closing).toMatchObject({ expectedMinor: 68_500, countedMinor: 68_000, overShortMinor: -500, closedByName: '王店主', denominations, note: '少五块' })
    expect(await h.call('cash.status', {})).toMatchObject({ open: null, lastClosed: { id: closed.id, closing: { overShortMinor: -500 } } })
    expect(h.ledger.sqlite.prepare(`SELECT action FROM audit_log WHERE action LIKE 'cash.%' ORDER BY id`).all()).toEqual([
      { action: 'cash.open' }, { action: 'cash.movement' }, { action: 'cash.movement' }, { action: 'cash.close' },
    ])
  })

  it('allows one open session, refuses closing or moving cash with none, and paying out more than it holds', async () => {
    const before = h.counts()
    expect(expectError(await h.raw('cash.close', { countedMinor: 0 }))).toMatchObject({ code: 'CONFLICT', messageKey: 'errors.drawerNotOpen' })
    expect(expectError(await h.raw('cash.movement', { kind: 'paid_in', amountMinor: 100, reason: 'x' })).messageKey).toBe('errors.drawerNotOpen')
    expect(expectError(await h.raw('cash.open', { floatMinor: -1 })).issues?.[0]).toMatchObject({ path: ['floatMinor'] })
    expect(h.counts()).toEqual(before)
    await h.call('cash.open', { floatMinor: 1000 })
    const open = h.counts()
    expect(expectError(await h.raw('cash.open', { floatMinor: 1000 })).messageKey).toBe('errors.drawerAlreadyOpen')
    expect(expectError(await h.raw('cash.movement', { kind: 'paid_out', amountMinor: 1001, reason: 'x' }))).toMatchObject({ messageKey: 'errors.drawerTooLittle', params: { expected: 1000 } })
    expect(expectError(await h.raw('cash.movement', { kind: 'paid_out', amountMinor: 0, reason: 'x' })).issues?.[0]).toMatchObject({ messageKey: 'validation.amountZero' })
    expect(h.counts()).toEqual(open)
    // A cash refund cannot hand back more than the drawer holds (pay by card, refund in cash).
    const ticket = await pricedTicket(h, 5000)
    const { payment } = await h.call('payments.record', { ticketId: ticket.id, amountMinor: 5000, method: 'card' })
    const paid = h.counts()
    expect(expectError(await h.raw('payments.refund', { paymentId: payment.id, amountMinor: 1500, method: 'cash', reason: 'x', approval: await ownerApprovalOf(h) }))).toMatchObject({ messageKey: 'errors.drawerTooLittle', params: { expected: 1000 } })
    expect(h.counts()).toEqual(paid)
    expect(() => h.ledger.sqlite.exec('DELETE FROM cash_sessions')).toThrow(/append-only/)
    // A new day's session after closing.
    await h.call('cash.close', { countedMinor: 1000 })
    expect((await h.call('cash.open', { floatMinor: 1000 })).id).toBeGreaterThan(1)
  })
})
