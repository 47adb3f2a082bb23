import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { createHarness, expectError, setUpShop, type Harness } from '../support/harness'
import { modelId, newPhoneIntake } from '../support/intake'
import { ownerApprovalOf } from '../support/payments'
import { createPart, manufacturerId } from '../support/stock'
import { diagnosis } from '../support/workflow'

// A small day built by hand in a Shanghai shop, and every figure of its daily report checked.

let h: Harness
beforeEach(async () => {
  h = await createHarness()
  await setUpShop(h)
})
afterEach(() => h.close())

/** An instant in Shanghai (UTC+8) on a November 2026 day. */
const shanghai = (day: number, hour: number, minute = 0, second = 0) => Date.UTC(2026, 10, day, hour - 8, minute, second)

async function paidIntake(serial: string, extra: object = {}) {
  return h.call('tickets.intake', await newPhoneIntake(h, { device: { new: { modelId: await modelId(h, 'Galaxy S24'), serial }, purchaseDate: null }, promisedDate: null, ...extra }))
}

async function price(id: number, lines: { kind: 'labour' | 'part'; description: string; quantity: number; unitPriceMinor: number; partId?: number }[]) {
  await h.call('tickets.diagnose', diagnosis(id))
  await h.call('tickets.estimate', { id, lines })
  await h.call('tickets.decide', { id, decision: 'approved', via: 'in_person' })
}

describe('daily report', () => {
  it('tells the whole day exactly', async () => {
    await h.call('settings.update', { taxRateBp: 600, pricesIncludeTax: true })
    const moto = await manufacturerId(h, 'MOTO')
    const screen = await createPart(h, { sku: 'SS-LCD', name: '三星屏幕', sellPriceMinor: 30_000 })

    // The 25th: a ticket promised for the 26th that is still open (overdue on the 27th).
    h.clock.set(shanghai(25, 10))
    const overdue = await paidIntake('OVERDUE-1', { promisedDate: '2026-11-26' })
    await h.call('stock.receive', { pool: 'shop', supplier: 'S', lines: [{ partId: screen.id, quantity: 2, unitCostMinor: 12_000 }] })
    await h.call('stock.receive', { pool: `consigned:${moto}`, supplier: 'M', lines: [{ partId: screen.id, quantity: 1 }] })

    // The 26th: a declined repair handed back; its device returns on the 27th as a repeat.
    h.clock.set(shanghai(26, 11))
    const earlier = await paidIntake('REPEAT-DEV')
    await h.call('tickets.diagnose', diagnosis(earlier.id))
    await h.call('tickets.estimate', { id: earlier.id, lines: [{ kind: 'labour', description: 'x', quantity: 1, unitPriceMinor: 100 }] })
    await h.call('tickets.decide', { id: earlier.id, decision: 'declined', via: 'phone' })
    await h.call('tickets.markReady', { id: earlier.id, contactedVia: 'phone' })
    await h.call('tickets.collect', { id: earlier.id, collectedBy: '张三' })

    // The 27th.
    h.clock.set(shanghai(27, 9))
    await h.call('cash.open', { floatMinor: 50_000 })
    const a = await paidIntake('A-1', { deposit: { amountMinor: 5000, method: 'cash' } })
    await price(a.id, [
      { kind: 'labour', description: '更换屏幕', quantity: 1, unitPriceMinor: 15_000 },
      { kind: 'part', description: '三星屏幕', quantity: 1, unitPriceMinor: 30_000, partId: screen.id },
    ])
    await h.call('tickets.useParts', { id: a.id, lines: [{ partId: screen.id, quantity: 1 }] })
    await h.call('tickets.startRepair', { id: a.id })
    await h.call('tickets.complete', { id: a.id, workDone: '更换屏幕', testResult: 'passed' })
    await h.call('tickets.markReady', { id: a.id, contactedVia: 'wechat' })
    await h.call('payments.record', { ticketId: a.id, amountMinor: 40_000, method: 'wechat' })
    await h.call('tickets.collect', { id: a.id, collectedBy: '张三' })

    const b = await h.call('tickets.intake', await newPhoneIntake(h, { device: { new: { modelId: await modelId(h, 'moto g54'), serial: 'B-WARRANTY' }, purchaseDate: '2026-06-01', proofOfPurchaseRef: 'INV' }, promisedDate: null }))
    await h.call('tickets.diagnose', { ...diagnosis(b.id), warranty: { decision: 'confirm', note: '' } })
    await h.call('tickets.useParts', { id: b.id, lines: [{ partId: screen.id, quantity: 1 }] })
    await h.call('tickets.startRepair', { id: b.id })
    await h.call('tickets.complete', { id: b.id, workDone: '更换屏幕', testResult: 'passed' })

    const c = await paidIntake('C-1', { deposit: { amountMinor: 2000, method: 'card' } })
    await h.call('tickets.cancel', { id: c.id, reason: '客户不修了' })
    const cDeposit = (await h.call('invoices.forTicket', { id: c.id })).payments[0]!
    await h.call('payments.refund', { paymentId: cDeposit.id, amountMinor: 2000, reason: '取消退定金', approval: await ownerApprovalOf(h) })

    const repeatDevice = (await h.call('tickets.get', { id: earlier.id })).device.id
    const d = await h.call('tickets.intake', { ...(await newPhoneIntake(h, { promisedDate: null })), device: { id: repeatDevice, purchaseDate: null } })
    expect(d.repeatOf?.id).toBe(earlier.id)

    const g = await paidIntake('G-1')
    await price(g.id, [{ kind: 'labour', description: '刷机', quantity: 1, unitPriceMinor: 8000 }])
    const hTicket = await paidIntake('H-1')
    await price(hTicket.id, [{ kind: 'labour', description: '刷机', quantity: 1, unitPriceMinor: 1000 }])

    h.clock.set(shanghai(27, 21))
    await h.call('cash.close', { countedMinor: 54_900 })
    // Time-zone edges: 23:59:30 local is still the 27th; 00:00:30 is the 28th.
    h.clock.set(shanghai(27, 23, 59, 30))
    await h.call('payments.record', { ticketId: g.id, amountMinor: 8000, method: 'alipay' })
    h.clock.set(shanghai(28, 0, 0, 30))
    await h.call('payments.record', { ticketId: hTicket.id, amountMinor: 1000, method: 'card' })

    const report = await h.call('reports.daily', { date: '2026-11-27' })
    expect(report.shop).toMatchObject({ name: '好修通讯维修店', currency: 'CNY' })
    expect(report.takings).toEqual({
      totals: [
        { method: 'cash', paymentsMinor: 5000, refundsMinor: 0, netMinor: 5000, count: 1 },
        { method: 'card', paymentsMinor: 2000, refundsMinor: 2000, netMinor: 0, count: 2 },
        { method: 'wechat', paymentsMinor: 40_000, refundsMinor: 0, netMinor: 40_000, count: 1 },
        { method: 'alipay', paymentsMinor: 8000, refundsMinor: 0, netMinor: 8000, count: 1 },
      ],
      paymentsMinor: 55_000,
      refundsMinor: 2000,
      netMinor: 53_000,
    })
    expect(report.drawer).toEqual({
      sessions: [{ id: 1, openedByName: '王店主', floatMinor: 50_000, expectedMinor: 55_000, countedMinor: 54_900, overShortMinor: -100, closedByName: '王店主' }],
      expectedMinor: 55_000,
      countedMinor: 54_900,
      overShortMinor: -100,
    })
    expect(report.tickets).toEqual({ received: 6, completed: 2, collected: 1, cancelled: 1 })
    expect(report.openByStatus).toEqual({ received: 2, awaiting_parts: 2, in_repair: 1 })
    expect(report.openTotal).toBe(5)
    expect(report.mix).toEqual({ received: { in_warranty: 1, out_of_warranty: 5 }, completedWarranty: 1, completedPaid: 1 })
    // 450.00 tax-inclusive at 6 %: tax = 45 000 × 600 / 10 600 = 2 547.17 → 2 547
    expect(report.paidWork).toEqual({ tickets: 1, labourMinor: 15_000, partsMinor: 30_000, feesMinor: 0, taxMinor: 2547, totalMinor: 45_000, netMinor: 42_453, partsCostMinor: 12_000, grossMarginMinor: 30_453 })
    expect(report.warrantyParts).toEqual([{ manufacturerId: moto, manufacturerName: 'Motorola', quantity: 1, consignedQuantity: 1, shopQuantity: 0, shopCostMinor: 0 }])
    expect(report.claims).toEqual({ warrantyCompleted: 1, unsent: 1, submittedCount: 0, submittedMinor: 0, acceptedCount: 0, approvedMinor: 0, rejectedCount: 0, rejectedMinor: 0, paidCount: 0, paidMinor: 0, receivableMinor: 0 })
    expect(report.overdue.map((t) => t.id)).toEqual([overdue.id])
    expect(report.repeats.map((t) => t.id)).toEqual([d.id])

    const next = await h.call('reports.daily', { date: '2026-11-28' })
    expect(next.takings.totals).toEqual([{ method: 'card', paymentsMinor: 1000, refundsMinor: 0, netMinor: 1000, count: 1 }])
    expect(next.tickets).toEqual({ received: 0, completed: 0, collected: 0, cancelled: 0 })
    expect(next.openTotal).toBe(5)
  })

  it('reads a past day as it stood at its end', async () => {
    h.clock.set(shanghai(26, 10))
    const t = await paidIntake('PAST-1')
    await h.call('tickets.startDiagnosis', { id: t.id })
    h.clock.set(shanghai(27, 10))
    await h.call('tickets.cancel', { id: t.id, reason: 'x' })
    expect((await h.call('reports.daily', { date: '2026-11-26' })).openByStatus).toEqual({ diagnosing: 1 })
    expect((await h.call('reports.daily', { date: '2026-11-27' })).openByStatus).toEqual({})
  })

  it('refuses dates that do not exist and technicians', async () => {
    expect(expectError(await h.raw('reports.daily', { date: '2026-02-30' })).issues?.[0]).toMatchObject({ path: ['date'], messageKey: 'validation.date' })
    await h.call('staff.create', { name: '李师傅', role: 'technician', pin: '1357' })
    const tech = (await h.call('auth.staffChoices', {})).find((s) => s.name === '李师傅')!
    await h.call('auth.signIn', { staffId: tech.id, pin: '1357' }, 'tech')
    expect(expectError(await h.raw('reports.daily', { date: '2026-11-27' }, 'tech')).code).toBe('FORBIDDEN')
  })
})
