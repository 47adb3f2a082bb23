import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { handlers } from '../../electron/rpc/handlers/index'
import { createHarness, expectError, setUpShop, type Harness } from '../support/harness'
import { ownerApprovalOf, pricedTicket, readyForPickup } from '../support/payments'

// PIN brute force through the real dispatch: sign-in and the owner's approval PIN (refunds,
// hand-back overrides) share one lock-out per staff member that grows with every wrong PIN,
// refuses even the right PIN while it lasts, holds whichever client or path asks, and cannot be
// slipped past by sending many guesses at once while the slow scrypt check of one is running.
// (auth.test.ts covers the first lock of 5 s, the first doubling and entry after the wait.)

const ownerPin = '246810'
let h: Harness
let ownerId: number
beforeEach(async () => {
  h = await createHarness()
  ownerId = await setUpShop(h)
})
afterEach(() => h.close())

const auditCount = (action: string) => (h.ledger.sqlite.prepare('SELECT count(*) AS n FROM audit_log WHERE action = ?').get(action) as { n: number }).n

const signIn = (pin: string, clientKey = 'till') => h.raw('auth.signIn', { staffId: ownerId, pin }, clientKey)

/** Seconds of the current lock, read by trying the right PIN (which must be refused while locked). */
async function lockSeconds(attempt: (pin: string) => Promise<unknown>): Promise<number> {
  const result = expectError((await attempt(ownerPin)) as never)
  expect(result).toMatchObject({ code: 'RATE_LIMITED', messageKey: 'errors.pinLocked' })
  return (result.params as { retryAfterSeconds: number }).retryAfterSeconds
}

describe('sign-in lock-out', () => {
  it('grows with every wrong PIN after the lock, refuses the right PIN throughout, and is capped', async () => {
    for (let i = 0; i < 3; i++) expect(expectError(await signIn('0000')).code).toBe('UNAUTHENTICATED')
    const locks: number[] = []
    for (let round = 0; round < 9; round++) {
      const seconds = await lockSeconds(signIn)
      locks.push(seconds)
      // Still locked one second before the end: the right PIN is refused then too.
      h.clock.advance(seconds * 1000 - 1000)
      expect(await lockSeconds(signIn)).toBe(1)
      h.clock.advance(1000)
      expect(expectError(await signIn('0000')).code).toBe('UNAUTHENTICATED')
    }
    expect(locks).toEqual([5, 10, 20, 40, 80, 160, 300, 300, 300])
    expect(await h.call('auth.current', {}, 'till')).toBeNull()
  })

  it('locks the staff member, not the client: another window or browser tab is refused too', async () => {
    for (let i = 0; i < 3; i++) expectError(await signIn('0000', `tab-${i}`))
    expect(await lockSeconds((pin) => signIn(pin, 'another-tab'))).toBe(5)
    expect(await lockSeconds((pin) => signIn(pin, 'ipc:7'))).toBe(5)
    // Someone else may still sign in meanwhile.
    const tech = await h.call('staff.create', { name: '李师傅', role: 'technician', pin: '1357' })
    expect((await h.call('auth.signIn', { staffId: tech.id, pin: '1357' }, 'bench')).staff.id).toBe(tech.id)
  })

  it('writes nothing for a refused attempt while locked', async () => {
    for (let i = 0; i < 3; i++) expectError(await signIn('0000'))
    const before = h.digest()
    for (let i = 0; i < 5; i++) expect(expectError(await signIn(i % 2 ? ownerPin : '1111')).code).toBe('RATE_LIMITED')
    expect(h.digest()).toBe(before)
  })

  it('cannot be slipped past by many guesses sent at once', async () => {
    const results = await Promise.all(Array.from({ length: 20 }, (_, i) => signIn(String(100000 + i), `tab-${i}`)))
    const codes = results.map((r) => expectError(r).code)
    expect(codes.filter((c) => c === 'UNAUTHENTICATED').length).toBeLessThanOrEqual(3)
    expect(codes.filter((c) => c === 'RATE_LIMITED').length).toBeGreaterThanOrEqual(17)
    // Only the guesses actually checked are recorded as failed sign-ins.
    expect(auditCount('auth.signInFailed')).toBeLessThanOrEqual(3)
    expect(await lockSeconds(signIn)).toBeGreaterThanOrEqual(5)
  })

  it('lets the right PIN in among parallel attempts only while not locked', async () => {
    const [right, ...wrong] = await Promise.all([signIn(ownerPin, 'a'), signIn('0001', 'b'), signIn('0002', 'c')])
    expect(right.ok).toBe(true)
    for (const r of wrong) expect(expectError(r).code).toBe('UNAUTHENTICATED')
  })
})

describe('owner approval PIN (refunds, hand-back overrides)', () => {
  async function techSignedIn() {
    const tech = await h.call('staff.create', { name: '李师傅', role: 'technician', pin: '1357' })
    await h.call('auth.signIn', { staffId: tech.id, pin: '1357' }, 'tech')
    return tech
  }

  async function paidPayment() {
    await techSignedIn()
    const ticket = await pricedTicket(h, 20_000)
    const { payment } = await h.call('payments.record', { ticketId: ticket.id, amountMinor: 20_000, method: 'wechat' }, 'tech')
    return payment
  }

  const refund = (paymentId: number, pin: string) =>
    h.raw('payments.refund', { paymentId, amountMinor: 1000, reason: '部分退款', approval: { staffId: ownerId, pin } }, 'tech')

  it('refunds: wrong PINs lock the approval with a growing wait, refusing the right PIN meanwhile', async () => {
    const payment = await paidPayment()
    for (let i = 0; i < 3; i++) expect(expectError(await refund(payment.id, '000000'))).toMatchObject({ code: 'FORBIDDEN', issues: [{ messageKey: 'errors.approvalWrongPin' }] })
    const before = h.digest()
    expect(await lockSeconds((pin) => refund(payment.id, pin))).toBe(5)
    expect(h.digest()).toBe(before)
    h.clock.advance(5000)
    expectError(await refund(payment.id, '000000'))
    expect(await lockSeconds((pin) => refund(payment.id, pin))).toBe(10)
    h.clock.advance(10_000)
    expectError(await refund(payment.id, '000000'))
    expect(await lockSeconds((pin) => refund(payment.id, pin))).toBe(20)
    h.clock.advance(20_000)
    const done = await refund(payment.id, ownerPin)
    expect(done.ok).toBe(true)
    // The right PIN reset the count: the next wrong one is an ordinary refusal again.
    expect(expectError(await refund(payment.id, '000000')).code).toBe('FORBIDDEN')
    // The technician stays signed in through all of it.
    expect((await h.call('auth.current', {}, 'tech'))?.staff.name).toBe('李师傅')
  })

  it('hand-back override: the same lock-out on tickets.collect', async () => {
    const ticket = await pricedTicket(h, 8000)
    await readyForPickup(h, ticket.id)
    await h.call('payments.record', { ticketId: ticket.id, amountMinor: 3000, method: 'card' })
    const collect = (pin: string) => h.raw('tickets.collect', { id: ticket.id, collectedBy: '张三', override: { reason: '老客户，下周付', approval: { staffId: ownerId, pin } } })
    for (let i = 0; i < 3; i++) expect(expectError(await collect('999999')).code).toBe('FORBIDDEN')
    expect(await lockSeconds(collect)).toBe(5)
    h.clock.advance(5000)
    expectError(await collect('999999'))
    expect(await lockSeconds(collect)).toBe(10)
    h.clock.advance(10_000)
    expect(((await collect(ownerPin)) as { ok: boolean }).ok).toBe(true)
  })

  it('shares one lock with sign-in: guessing on one path locks the other', async () => {
    const payment = await paidPayment()
    for (let i = 0; i < 3; i++) expectError(await refund(payment.id, '000000'))
    expect(await lockSeconds(signIn)).toBe(5)
    h.clock.advance(5000)
    expect(expectError(await signIn('0000')).code).toBe('UNAUTHENTICATED')
    expect(await lockSeconds((pin) => refund(payment.id, pin))).toBe(10)
  })

  it('cannot be slipped past by many approvals sent at once', async () => {
    const payment = await paidPayment()
    const results = await Promise.all(Array.from({ length: 20 }, (_, i) => refund(payment.id, String(200000 + i))))
    const codes = results.map((r) => expectError(r).code)
    expect(codes.filter((c) => c === 'FORBIDDEN').length).toBeLessThanOrEqual(3)
    expect(codes.filter((c) => c === 'RATE_LIMITED').length).toBeGreaterThanOrEqual(17)
    expect(auditCount('approval.failed')).toBeLessThanOrEqual(3)
    expect(h.ledger.sqlite.prepare(`SELECT count(*) AS n FROM payments WHERE refund_of_payment_id = ?`).get(payment.id)).toEqual({ n: 0 })
  })

  it('a refused approval by a non-owner never touches the owner’s count', async () => {
    const tech = await techSignedIn()
    const ticket = await pricedTicket(h, 20_000)
    const { payment } = await h.call('payments.record', { ticketId: ticket.id, amountMinor: 20_000, method: 'wechat' }, 'tech')
    for (let i = 0; i < 5; i++) {
      const r = await h.raw('payments.refund', { paymentId: payment.id, amountMinor: 1000, reason: 'x', approval: { staffId: tech.id, pin: '1357' } }, 'tech')
      expect(expectError(r).issues?.[0]).toMatchObject({ messageKey: 'errors.approvalNotOwner' })
    }
    expect((await h.call('payments.refund', { paymentId: payment.id, amountMinor: 1000, reason: 'x', approval: await ownerApprovalOf(h) }, 'tech')).payment.kind).toBe('refund')
  })

  // The restore confirmation (being built alongside) goes through the same owner approval.
  it.skipIf(typeof (handlers as Record<string, unknown>)['backup.restore'] !== 'function')('backup.restore: the owner’s PIN confirmation is locked out the same way', async () => {
    const restore = (pin: string) => h.raw('backup.restore', { file: '/nonexistent/ledger-backup.sqlite3', pin })
    for (let i = 0; i < 3; i++) expect(expectError(await restore('000000')).code).toBe('FORBIDDEN')
    expect(await lockSeconds(restore)).toBe(5)
    expect(await lockSeconds(signIn)).toBe(5)
  })
})
