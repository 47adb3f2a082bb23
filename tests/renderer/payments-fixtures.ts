import { afterEach, beforeEach, vi } from 'vitest'
import type { EstimateDto, EstimateLineDto } from '../../shared/dto/workflow'
import { estimateTotals } from '../../shared/repair'
import type { TicketStatus } from '../../shared/tickets'
import { paymentsOf } from './fake-payments'
import { fixedNowMs } from './fake-server'
import { sampleDiagnosis, workshop } from './workflow-fixtures'

// Paid tickets at the money end of the workflow. The fake's "today" is 2026-11-27 (Asia/Shanghai),
// tax 13 % inside the prices.

/**
 * The renderer takes "today" from the real clock in the shop's zone: pin the clock (only Date, so
 * timers and user-event run normally) to the fake ledger's 2026-11-27 14:30 Asia/Shanghai.
 */
export function pinTheClock() {
  beforeEach(() => {
    vi.useFakeTimers({ toFake: ['Date'] })
    vi.setSystemTime(fixedNowMs)
  })
  afterEach(() => {
    vi.useRealTimers()
  })
}

export function estimateOf(lines: Omit<EstimateLineDto, 'lineTotalMinor' | 'partId'>[]): EstimateDto {
  const full = lines.map((line) => ({ ...line, lineTotalMinor: line.quantity * line.unitPriceMinor, partId: null }))
  return { revision: 1, atMs: Date.UTC(2026, 10, 26, 3, 0), staffName: 'Wang Fang', lines: full, ...estimateTotals(full, 1300, true), taxRateBp: 1300, pricesIncludeTax: true }
}

/** A paid repair quoted at `lines`, approved and done, in `status` (ready for pick-up unless said). */
export function paidRepair(signedInAs: 'Li Wei' | 'Wang Fang' = 'Li Wei', lines = [{ kind: 'labour' as const, description: 'Replace charging port', quantity: 1, unitPriceMinor: 12550 }], status: TicketStatus = 'ready') {
  const shop = workshop(signedInAs)
  const ticket = shop.ticketAt(status)
  shop.ledger.setWork(ticket.id, {
    paid: true,
    diagnosis: sampleDiagnosis,
    estimate: estimateOf(lines),
    decision: { decision: 'approved', via: 'phone', atMs: Date.UTC(2026, 10, 26, 4, 0), staffName: 'Li Wei' },
    repairStartedAtMs: Date.UTC(2026, 10, 26, 5, 0),
    completion: { atMs: Date.UTC(2026, 10, 27, 2, 0), workDone: 'Replaced the charging port', testResult: 'passed' },
    ...(status === 'ready' ? { outcome: 'repaired' as const, readyAtMs: Date.UTC(2026, 10, 27, 3, 0), contactedVia: 'sms' as const } : {}),
  })
  return { ...shop, ticket, payments: paymentsOf(shop.server) }
}
