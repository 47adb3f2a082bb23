import { cnyDenominationsMinor, expectedCash, type DrawerFigures } from '../../shared/payments'
import { dateOf, isClosed, shopDayOf, shopInstant, weekdayOf } from './calendar'
import type { MoneyWriter } from './money-writer'
import type { Rng } from './random'
import type { DemoWriter } from './writer'

// The cash drawer day by day, as electron/rpc/handlers/cash.ts writes it: opened in the morning
// with a float by whoever is first in, now and then a paid in or out, closed in the evening with
// the count (usually right, now and then a few yuan over or short, sometimes counted note by
// note). The drawer's figures are kept here as the day's cash rows land, so the close's expected
// is what db/ledger/cash.ts loadCashSession sums. The last day's drawer is still open at "now".

type Schedule = (atMs: number, write: () => void) => void

interface OpenDrawer extends DrawerFigures {
  id: number
  businessDate: string
}

const paidOutReasons: readonly (readonly [string, number, number])[] = [
  ['买桶装水', 1500, 3000],
  ['顺丰寄件运费', 1200, 4500],
  ['清洁用品（酒精、无尘布）', 1000, 6000],
  ['打印纸、标签纸', 2000, 8000],
  ['同城闪送取件', 1500, 5000],
  ['员工午饭', 3000, 9000],
]
const paidInReasons: readonly (readonly [string, number, number])[] = [
  ['补充零钱（银行换的零钞）', 20_000, 50_000],
  ['老板补备用金', 10_000, 30_000],
]
const shortNotes = ['找零多给了顾客', '清点差异，原因不明', '']
const overNotes = ['顾客没要零钱', '清点差异，原因不明', '']

export class CashDrawer {
  private open: OpenDrawer | null = null

  constructor(
    private readonly writer: MoneyWriter,
    private readonly ledger: DemoWriter,
    private readonly rng: Rng,
    private readonly schedule: Schedule,
    private readonly nowMs: number,
    private readonly endDay: number,
    private readonly counter: readonly (readonly [number, number])[],
    private readonly ownerId: number,
  ) {}

  /** The open session's id (cash must go through it), or null when the drawer is shut. */
  get sessionId(): number | null {
    return this.open?.id ?? null
  }

  /** What the open drawer should hold now (float + cash in − refunds + paid in − paid out). */
  get expectedMinor(): number {
    return this.open ? expectedCash(this.open) : 0
  }

  /** A cash payment (positive) or refund (negative) through the open drawer. */
  take(amountMinor: number): void {
    if (!this.open) throw new Error('demo: cash with the drawer shut')
    if (amountMinor > 0) this.open.cashInMinor += amountMinor
    else this.open.cashRefundsMinor -= amountMinor
  }

  /** Plans the day's drawer: opening, paid in/out, and the evening close (not on the last day). */
  planDay(day: number): void {
    if (isClosed(day)) return
    const rng = this.rng
    const weekend = weekdayOf(day) === 0 || weekdayOf(day) === 6
    const openAt = shopInstant(day, 9 * 60 + rng.int(0, 20)) + rng.int(0, 59) * 1000
    const opener = rng.weighted(this.counter)
    const floatMinor = weekend ? 100_000 : rng.chance(0.8) ? 50_000 : 80_000
    if (openAt > this.nowMs) return
    this.schedule(openAt, () => this.openSession(openAt, opener, floatMinor))
    if (rng.chance(0.22)) this.planMovement(day, 'paid_out', rng.pick(paidOutReasons))
    if (rng.chance(0.04)) this.planMovement(day, 'paid_in', rng.pick(paidInReasons))
    if (day >= this.endDay) return
    const closeAt = shopInstant(day, 20 * 60 + rng.int(3, 25)) + rng.int(0, 59) * 1000
    const closer = rng.chance(0.7) ? this.ownerId : rng.weighted(this.counter)
    this.schedule(closeAt, () => this.close(closeAt, closer))
  }

  private planMovement(day: number, kind: 'paid_in' | 'paid_out', [reason, min, max]: readonly [string, number, number]): void {
    const rng = this.rng
    const at = shopInstant(day, 10 * 60 + rng.int(0, 9 * 60)) + rng.int(0, 59) * 1000
    const staffId = kind === 'paid_in' ? this.ownerId : rng.weighted(this.counter)
    const amountMinor = Math.round(rng.int(min, max) / 100) * 100
    if (at > this.nowMs) return
    this.schedule(at, () => {
      const open = this.open
      // cash.movement refuses a paid out beyond what the drawer holds.
      if (!open || (kind === 'paid_out' && amountMinor > expectedCash(open))) return
      const id = this.writer.insertMovement(open.id, at, open.businessDate, staffId, kind, amountMinor, reason)
      if (kind === 'paid_in') open.paidInMinor += amountMinor
      else open.paidOutMinor += amountMinor
      this.ledger.appendAudit(at, staffId, 'cash.movement', 'cash_movement', id, { session: open.id, kind, amountMinor, reason })
    })
  }

  private openSession(atMs: number, staffId: number, floatMinor: number): void {
    if (this.open) throw new Error('demo: the drawer is open already')
    const businessDate = dateOf(shopDayOf(atMs))
    const note = ''
    const id = this.writer.openSession(atMs, businessDate, staffId, floatMinor, note)
    this.open = { id, businessDate, floatMinor, cashInMinor: 0, cashRefundsMinor: 0, paidInMinor: 0, paidOutMinor: 0 }
    this.ledger.appendAudit(atMs, staffId, 'cash.open', 'cash_session', id, { floatMinor, note })
  }

  private close(atMs: number, staffId: number): void {
    const open = this.open
    if (!open) return
    const rng = this.rng
    const expectedMinor = expectedCash(open)
    const off = rng.chance(0.12) ? (rng.chance(0.65) ? -1 : 1) * rng.int(1, 5) * 100 : 0
    const countedMinor = Math.max(0, expectedMinor + off)
    const note = off < 0 ? rng.pick(shortNotes) : off > 0 ? rng.pick(overNotes) : ''
    const denominations = rng.chance(0.35) ? countedIn(countedMinor) : null
    const denominationsJson = denominations ? JSON.stringify(denominations) : null
    this.writer.closeSession({ sessionId: open.id, closedAtMs: atMs, businessDate: dateOf(shopDayOf(atMs)), closedByStaffId: staffId, expectedMinor, countedMinor, denominationsJson, note })
    this.ledger.appendAudit(atMs, staffId, 'cash.close', 'cash_session', open.id, { expectedMinor, countedMinor, overShortMinor: countedMinor - expectedMinor, note })
    this.open = null
  }
}

/** The count note by note (largest first), when the amount is made of CNY notes and coins. */
function countedIn(amountMinor: number): { valueMinor: number; count: number }[] | null {
  let rest = amountMinor
  const out: { valueMinor: number; count: number }[] = []
  for (const valueMinor of cnyDenominationsMinor) {
    const count = Math.floor(rest / valueMinor)
    if (count > 0) out.push({ valueMinor, count })
    rest -= count * valueMinor
  }
  return rest === 0 ? out : null
}
