import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { createHarness, expectError, setUpShop, type Harness } from '../support/harness'
import { modelId, newPhoneIntake } from '../support/intake'
import { diagnosis } from '../support/workflow'

// Period metrics against hand-computed expectations on a few tickets in November 2026 (Shanghai).

let h: Harness
beforeEach(async () => {
  h = await createHarness()
  await setUpShop(h)
})
afterEach(() => h.close())

const shanghai = (day: number, hour: number) => Date.UTC(2026, 10, day, hour - 8)

async function intake(serial: string, warranty: boolean, promisedDate: string | null, deviceId?: number) {
  const base = await newPhoneIntake(h, { promisedDate })
  const device = deviceId
    ? { id: deviceId, purchaseDate: '2026-06-01', proofOfPurchaseRef: 'INV' }
    : warranty
      ? { new: { modelId: await modelId(h, 'moto g54'), serial }, purchaseDate: '2026-06-01', proofOfPurchaseRef: 'INV' }
      : { new: { modelId: await modelId(h, 'Galaxy S24'), serial }, purchaseDate: null }
  return h.call('tickets.intake', { ...base, device })
}

async function repairToReady(id: number, warranty: boolean, priceMinor: number, client = 'counter', testResult: 'passed' | 'passed_with_notes' = 'passed') {
  if (warranty) await h.call('tickets.diagnose', { ...diagnosis(id), warranty: { decision: 'confirm', note: '' } })
  else {
    await h.call('tickets.diagnose', diagnosis(id))
    await h.call('tickets.estimate', { id, lines: [{ kind: 'labour', description: '维修', quantity: 1, unitPriceMinor: priceMinor }] })
    await h.call('tickets.decide', { id, decision: 'approved', via: 'phone' })
  }
  await h.call('tickets.startRepair', { id })
  await h.call('tickets.complete', { id, workDone: 'done', testResult }, client)
  await h.call('tickets.markReady', { id, contactedVia: 'phone' })
}

async function collect(id: number, owedMinor: number) {
  if (owedMinor > 0) await h.call('payments.record', { ticketId: id, amountMinor: owedMinor, method: 'card' })
  await h.call('tickets.collect', { id, collectedBy: '客户' })
}

describe('period metrics', () => {
  it('computes turnaround, on-time, repeat, first-time-fix, technicians and revenue by hand-checked figures', async () => {
    await h.call('staff.create', { name: '李师傅', role: 'technician', pin: '1357' })
    const li = (await h.call('auth.staffChoices', {})).find((s) => s.name === '李师傅')!
    await h.call('auth.signIn', { staffId: li.id, pin: '1357' }, 'li')

    // T1 warranty: received 1st 10:00, ready 3rd 10:00 (48 h), promised the 3rd; handed back the 4th.
    h.clock.set(shanghai(1, 10))
    const t1 = await intake('TK-1', true, '2026-11-03')
    h.clock.set(shanghai(3, 10))
    await repairToReady(t1.id, true, 0)
    h.clock.set(shanghai(4, 10))
    await collect(t1.id, 0)
    // T2 paid: received 5th 10:00, ready 16:00 (6 h), promised the 5th; completed by 李师傅.
    h.clock.set(shanghai(5, 10))
    const t2 = await intake('TK-2', false, '2026-11-05')
    h.clock.set(shanghai(5, 16))
    await repairToReady(t2.id, false, 10_000, 'li')
    await collect(t2.id, 10_000)
    // T3 paid: received 10th 09:00, ready 12th 21:00 (60 h), promised the 11th (late).
    h.clock.set(shanghai(10, 9))
    const t3 = await intake('TK-3', false, '2026-11-11')
    h.clock.set(shanghai(12, 21))
    await repairToReady(t3.id, false, 25_000, 'counter', 'passed_with_notes')
    h.clock.set(shanghai(13, 10))
    await collect(t3.id, 25_000)
    // T1's device comes back on the 20th: a repeat within 30 days of hand-back.
    h.clock.set(shanghai(20, 10))
    const t1Device = (await h.call('tickets.get', { id: t1.id })).device.id
    const again = await intake('', true, null, t1Device)
    expect(again.repeatOf?.id).toBe(t1.id)

    const report = await h.call('reports.period', { from: '2026-11-01', to: '2026-11-30' })
    expect(report.turnaround).toEqual({
      all: { count: 3, medianHours: 48, p90Hours: 60 },
      warranty: { count: 1, medianHours: 48, p90Hours: 48 },
      paid: { count: 2, medianHours: 6, p90Hours: 60 },
    })
    expect(report.onTime).toEqual({ withPromise: 3, onTime: 2, rate: 2 / 3 })
    expect(report.repeats).toEqual({ warrantyCompleted: 1, within30: 1, within90: 1, rate30: 1, rate90: 1 })
    expect(report.firstTimeFix).toEqual({ repaired: 3, fixedFirstTime: 2, rate: 2 / 3 })
    expect(report.technicians).toEqual([
      { staffId: 1, name: '王店主', completed: 2, warranty: 1, paid: 1, revenueNetMinor: 25_000 },
      { staffId: li.id, name: '李师傅', completed: 1, warranty: 0, paid: 1, revenueNetMinor: 10_000 },
    ])
    expect(report.byKind).toEqual([
      { tier: 'L2', warranty: false, tickets: 2, revenueNetMinor: 35_000, partsCostMinor: 0, grossMarginMinor: 35_000 },
      { tier: 'L2', warranty: true, tickets: 1, revenueNetMinor: 0, partsCostMinor: 0, grossMarginMinor: 0 },
    ])
    expect(report.topFaults).toEqual([{ code: 'D04', description: expect.any(String), count: 3 }])
    expect(report.topModels.map((m) => [m.modelName, m.count])).toEqual([['Galaxy S24', 2], ['moto g54', 2]])
    expect(report.revenue).toMatchObject({ tickets: 2, labourMinor: 35_000, totalMinor: 35_000, netMinor: 35_000, grossMarginMinor: 35_000 })

    // A window that holds only T2.
    const fifth = await h.call('reports.period', { from: '2026-11-05', to: '2026-11-05' })
    expect(fifth.turnaround.all).toEqual({ count: 1, medianHours: 6, p90Hours: 6 })
    expect(fifth.repeats.rate30).toBeNull()
  })

  it('refuses reversed ranges and ranges over 366 days, naming the limit', async () => {
    expect(expectError(await h.raw('reports.period', { from: '2026-11-30', to: '2026-11-01' })).issues?.[0]).toMatchObject({ path: ['to'], messageKey: 'validation.rangeReversed' })
    expect(expectError(await h.raw('reports.period', { from: '2025-01-01', to: '2026-01-02' })).issues?.[0]).toMatchObject({ path: ['to'], messageKey: 'validation.rangeTooLong', message: expect.stringContaining('366') })
    expect((await h.call('reports.period', { from: '2024-01-01', to: '2024-12-31' })).turnaround.all.count).toBe(0)
  })
})
