import type Database from 'better-sqlite3'
import { buildInvoice } from '../../shared/invoice'
import type { PaymentKind, PaymentMethod } from '../../shared/payments'
import type { WarrantyStatus } from '../../shared/warranty'
import { dateOf, shopDayOf } from './calendar'
import type { EstimateRow, PlannedStep } from './lifecycle'
import { CashDrawer } from './money-days'
import { MoneyWriter } from './money-writer'
import type { PendingWrites } from './pending'
import type { Rng } from './random'
import type { DemoPart } from './parts-catalog'
import type { TicketPartsListener } from './stock-room'
import type { DemoWriter } from './writer'

// Payments on tickets and the cash drawer, as electron/rpc/handlers/payments.ts and cash.ts write
// them: a deposit now and then at intake or once the estimate is agreed, the rest at hand-back
// (just before the collect event, so tickets.collect finds the balance settled), a refund of what
// was paid beyond the final invoice (a declined repair's deposit less its fee, a cancelled
// ticket's deposit, a QR code scanned twice), each with its event and audit row. The invoice is
// priced as db/ledger/payments.ts loadInvoice prices it (shared/invoice.ts buildInvoice over the
// latest estimate and the parts used, net of returns, at their recorded sell price). Everything
// here draws from its own random streams, so tickets and stock come out as they would without it.

type Schedule = (atMs: number, write: () => void) => void

interface PartLine {
  movementId: number
  partId: number
  name: string
  sellPriceMinor: number
  quantity: number
  returned: number
}

interface Paid {
  id: number
  method: PaymentMethod
  amountMinor: number
  refundedMinor: number
}

/** A paid ticket's money facts while it is open. */
interface TicketMoney {
  ticketId: number
  dealer: boolean
  estimate: EstimateRow | null
  parts: PartLine[]
  payments: Paid[]
}

export interface IntakeMoney {
  ticketId: number
  receivedMs: number
  createdBy: number
  /** At intake: warranty work takes no deposit. */
  warrantyStatus: WarrantyStatus
  dealer: boolean
  /** The ticket's steps up to "now". */
  steps: PlannedStep[]
}

export interface MoneyShop {
  taxRateBp: number
  pricesIncludeTax: boolean
}

const second = 1000

export class TicketPayments implements TicketPartsListener {
  private readonly open = new Map<number, TicketMoney>()

  constructor(
    private readonly writer: MoneyWriter,
    private readonly ledger: DemoWriter,
    private readonly rng: Rng,
    private readonly schedule: Schedule,
    private readonly drawer: CashDrawer,
    private readonly ownerId: number,
    private readonly shop: MoneyShop,
    private readonly nowMs: number,
  ) {}

  used(ticketId: number, movementId: number, part: DemoPart, quantity: number): void {
    this.open.get(ticketId)?.parts.push({ movementId, partId: part.id, name: part.name, sellPriceMinor: part.sellPriceMinor, quantity, returned: 0 })
  }

  returned(ticketId: number, movementId: number, quantity: number): void {
    const line = this.open.get(ticketId)?.parts.find((l) => l.movementId === movementId)
    if (line) line.returned += quantity
  }

  /** Plans the ticket's money right after its intake is written (a deposit at the counter is written now). */
  afterIntake(t: IntakeMoney): void {
    const rng = this.rng
    const estimates = t.steps.filter((s) => s.estimate)
    const paidAtIntake = t.warrantyStatus !== 'in_warranty'
    if (!paidAtIntake && estimates.length === 0) return
    const money: TicketMoney = { ticketId: t.ticketId, dealer: t.dealer, estimate: estimates.at(-1)?.estimate ?? null, parts: [], payments: [] }
    this.open.set(t.ticketId, money)
    const step = (kind: string) => t.steps.find((s) => s.kind === kind)
    const approve = step('approve')
    const decline = step('decline')
    const complete = step('complete')
    const collect = step('collect')
    const cancel = step('cancel')

    // A deposit at the counter: a few walk-ins, for the parts to be ordered or as a pledge.
    let deposited = false
    if (paidAtIntake && !t.dealer && rng.chance(0.08)) {
      deposited = true
      const amountMinor = rng.pick([5000, 10_000, 10_000, 20_000, 30_000])
      const method = this.method(t.dealer, t.receivedMs)
      this.pay(money, t.receivedMs, t.createdBy, 'deposit', method, amountMinor)
      // Now and then the customer scans the shop's code twice: the second one goes back.
      if (method !== 'cash' && rng.chance(0.04)) {
        const twiceAt = t.receivedMs + rng.int(5, 40) * second
        const backAt = twiceAt + rng.int(60, 300) * second
        if (backAt <= this.nowMs) {
          this.schedule(twiceAt, () => this.pay(money, twiceAt, t.createdBy, 'deposit', method, amountMinor))
          this.schedule(backAt, () => {
            const twice = money.payments.at(-1) as Paid
            this.refund(money, backAt, t.createdBy, twice, amountMinor, '顾客重复扫码付款，原路退回')
          })
        }
      }
    }

    // A deposit once the estimate is agreed in person or by message, on dearer repairs.
    if (approve && !deposited && approve.data.via !== 'phone' && rng.chance(0.2)) {
      const at = approve.atMs + rng.int(15, 90) * second
      const share = rng.pick([0.3, 0.5, 0.5])
      if (at <= this.nowMs) {
        this.schedule(at, () => {
          const balance = this.invoiceTotal(money, { completed: false, declined: false, feeMinor: null }) - paidOf(money)
          const amountMinor = Math.min(balance, Math.max(5000, Math.round((balance * share) / 5000) * 5000))
          if (balance < 20_000 || amountMinor <= 0) return
          this.pay(money, at, approve.staffId, 'deposit', this.method(money.dealer, at), amountMinor)
        })
      }
    }

    // A cancelled ticket's deposits go back.
    if (cancel) {
      const at = cancel.atMs - rng.int(20, 60) * second
      this.schedule(at, () => {
        for (const p of money.payments) {
          const refundable = p.amountMinor - p.refundedMinor
          if (refundable > 0) this.refund(money, at, cancel.staffId, p, refundable, '取消维修，退回定金')
        }
        this.open.delete(t.ticketId)
      })
      return
    }

    // Hand-back: the balance of the final invoice is settled just before the collect event.
    if (collect) {
      const at = collect.atMs - rng.int(20, 120) * second
      const facts = { completed: complete !== undefined, declined: decline !== undefined, feeMinor: (decline?.data.diagnosisFeeMinor as number | undefined) ?? null }
      this.schedule(at, () => {
        this.settle(money, at, collect.staffId, facts)
        this.open.delete(t.ticketId)
      })
    }
  }

  private settle(money: TicketMoney, atMs: number, staffId: number, facts: InvoiceFacts): void {
    const balance = this.invoiceTotal(money, facts) - paidOf(money)
    if (balance > 0) {
      this.pay(money, atMs, staffId, 'payment', this.method(money.dealer, atMs), balance)
      return
    }
    // Paid more than is owed: the difference goes back, from the latest payment first.
    let excess = -balance
    const reason = facts.declined ? '客户不修，定金扣除检测费后退回' : '定金多于实际费用，退回差额'
    for (const p of [...money.payments].reverse()) {
      if (excess <= 0) break
      const amount = Math.min(excess, p.amountMinor - p.refundedMinor)
      if (amount <= 0) continue
      this.refund(money, atMs, staffId, p, amount, reason)
      excess -= amount
    }
  }

  /** The invoice total as loadInvoice computes it for the ticket now. */
  private invoiceTotal(money: TicketMoney, facts: InvoiceFacts): number {
    const used = new Map<number, { partId: number; name: string; quantity: number; sellPriceMinor: number }>()
    for (const line of money.parts) {
      const entry = used.get(line.partId) ?? { partId: line.partId, name: line.name, quantity: 0, sellPriceMinor: line.sellPriceMinor }
      entry.quantity += line.quantity - line.returned
      used.set(line.partId, entry)
    }
    const invoice = buildInvoice({
      estimateLines: (money.estimate?.lines ?? []).map((l) => ({ kind: l.kind, description: l.description, quantity: l.quantity, unitPriceMinor: l.unitPriceMinor, partId: l.partId ?? null })),
      partsUsed: [...used.values()].filter((p) => p.quantity > 0),
      declined: facts.declined,
      diagnosisFeeMinor: facts.feeMinor,
      completed: facts.completed,
      taxRateBp: this.shop.taxRateBp,
      pricesIncludeTax: this.shop.pricesIncludeTax,
    })
    return invoice.totalMinor
  }

  /** payments.record (takePayment): the row, the ticket's deposit/payment event, the audit row. */
  private pay(money: TicketMoney, atMs: number, staffId: number, kind: PaymentKind, wanted: PaymentMethod, amountMinor: number): void {
    // Cash goes through the open drawer; with none open the customer pays by phone.
    const cashSessionId = wanted === 'cash' ? this.drawer.sessionId : null
    const method: PaymentMethod = wanted === 'cash' && cashSessionId === null ? 'wechat' : wanted
    const tenderedMinor = method === 'cash' ? this.tendered(amountMinor) : null
    const reference = this.reference(method, atMs)
    const id = this.writer.insertPayment({
      ticketId: money.ticketId,
      atMs,
      businessDate: dateOf(shopDayOf(atMs)),
      staffId,
      kind,
      method,
      amountMinor,
      tenderedMinor,
      changeMinor: tenderedMinor === null ? null : tenderedMinor - amountMinor,
      reference,
      refundOfPaymentId: null,
      reason: '',
      approvedByStaffId: null,
      cashSessionId,
    })
    if (cashSessionId !== null) this.drawer.take(amountMinor)
    money.payments.push({ id, method, amountMinor, refundedMinor: 0 })
    const data = { paymentId: id, kind, method, amountMinor, ...(tenderedMinor !== null && { tenderedMinor }) }
    this.ledger.insertEvent({ ticketId: money.ticketId, atMs, staffId, kind: kind === 'deposit' ? 'deposit' : 'payment', from: null, to: null, note: '', dataJson: JSON.stringify(data) })
    this.ledger.appendAudit(atMs, staffId, 'payments.record', 'payment', id, { ticketId: money.ticketId, ...data, reference })
  }

  /** payments.refund with the owner's approval: a negative row pointing at the payment. */
  private refund(money: TicketMoney, atMs: number, staffId: number, original: Paid, amountMinor: number, reason: string): void {
    // Cash handed back must be in the drawer; otherwise it goes back by WeChat.
    const cash = original.method === 'cash' && this.drawer.sessionId !== null && amountMinor <= this.drawer.expectedMinor
    const method: PaymentMethod = original.method === 'cash' && !cash ? 'wechat' : original.method
    const cashSessionId = method === 'cash' ? this.drawer.sessionId : null
    const id = this.writer.insertPayment({
      ticketId: money.ticketId,
      atMs,
      businessDate: dateOf(shopDayOf(atMs)),
      staffId,
      kind: 'refund',
      method,
      amountMinor: -amountMinor,
      tenderedMinor: null,
      changeMinor: null,
      reference: '',
      refundOfPaymentId: original.id,
      reason,
      approvedByStaffId: this.ownerId,
      cashSessionId,
    })
    if (cashSessionId !== null) this.drawer.take(-amountMinor)
    original.refundedMinor += amountMinor
    money.payments.push({ id, method, amountMinor: -amountMinor, refundedMinor: 0 })
    const data = { paymentId: id, refundOf: original.id, amountMinor, method, approvedBy: this.ownerId }
    this.ledger.insertEvent({ ticketId: money.ticketId, atMs, staffId, kind: 'refund', from: null, to: null, note: reason, dataJson: JSON.stringify(data) })
    this.ledger.appendAudit(atMs, staffId, 'payments.refund', 'payment', id, { ...data, reason })
  }

  /** A Chinese counter's mix: WeChat Pay and Alipay most, cash less every year, dealers by bank transfer. */
  private method(dealer: boolean, atMs: number): PaymentMethod {
    const year = Number(dateOf(shopDayOf(atMs)).slice(0, 4))
    const cash = Math.max(8, 28 - 2 * (year - 2016))
    return this.rng.weighted<PaymentMethod>(
      dealer
        ? [['bank_transfer', 45], ['wechat', 28], ['alipay', 12], ['cash', 10], ['card', 3], ['other', 2]]
        : [['wechat', 44], ['alipay', 30], ['cash', cash], ['card', 7], ['bank_transfer', 0.5], ['other', 0.8]],
    )
  }

  /** Cash: the exact amount, or the next ¥50 / ¥100 note up. */
  private tendered(amountMinor: number): number {
    if (this.rng.chance(0.4)) return amountMinor
    const note = this.rng.chance(0.5) ? 5000 : 10_000
    return Math.ceil(amountMinor / note) * note + (amountMinor % note === 0 && this.rng.chance(0.3) ? note : 0)
  }

  private reference(method: PaymentMethod, atMs: number): string {
    const rng = this.rng
    const ymd = dateOf(shopDayOf(atMs)).replaceAll('-', '')
    switch (method) {
      case 'cash':
        return ''
      case 'wechat':
        return `42000${rng.digits(5)}${ymd}${rng.digits(10)}`
      case 'alipay':
        return `${ymd}22001${rng.digits(15)}`
      case 'card':
        return `银联 尾号${rng.digits(4)} 参考号${rng.digits(12)}`
      case 'bank_transfer':
        return `网银转账 流水号${rng.digits(16)}`
      case 'other':
        return rng.pick([`美团团购券 ${rng.digits(12)}`, `数字人民币 ${rng.digits(16)}`, `抖音团购券 ${rng.digits(12)}`])
    }
  }
}

interface InvoiceFacts {
  completed: boolean
  declined: boolean
  feeMinor: number | null
}

function paidOf(money: TicketMoney): number {
  return money.payments.reduce((sum, p) => sum + p.amountMinor, 0)
}

export interface MoneySide {
  tickets: TicketPayments
  drawer: CashDrawer
  writer: MoneyWriter
}

/** The money side wired once, on its own random streams. */
export function moneySide(
  sqlite: Database.Database,
  ledger: DemoWriter,
  rng: Rng,
  pending: PendingWrites,
  staff: { owner: number; counter: readonly (readonly [number, number])[] },
  shop: MoneyShop,
  nowMs: number,
  endDay: number,
): MoneySide {
  const writer = new MoneyWriter(sqlite)
  const schedule = (atMs: number, write: () => void) => pending.schedule(atMs, write)
  const drawer = new CashDrawer(writer, ledger, rng.fork('drawer'), schedule, nowMs, endDay, staff.counter, staff.owner)
  const tickets = new TicketPayments(writer, ledger, rng.fork('tickets'), schedule, drawer, staff.owner, shop, nowMs)
  return { tickets, drawer, writer }
}
