// The money half of the fake ledger: payments (deposits, payments and refund rows) and cash drawer
// sessions, with their DTOs as the real ledger answers them (expected cash by shared/payments.ts).
// The channels over it are in fake-payment-channels.ts; tests seed it through paymentsOf(server).
import type { CashMovementDto, CashSessionDto, PaymentDto } from '../../shared/dto/payments'
import { expectedCash, type PaymentKind, type PaymentMethod } from '../../shared/payments'
import type { FakeLedger } from './fake-ledger'
import type { FakeServer } from './fake-server'

export interface PaymentRecord {
  id: number
  ticketId: number
  atMs: number
  businessDate: string
  staffName: string
  kind: PaymentKind
  method: PaymentMethod
  amountMinor: number
  tenderedMinor: number | null
  changeMinor: number | null
  reference: string
  refundOfPaymentId: number | null
  reason: string
  approvedByName: string | null
  drawerId: number | null
}

export interface DrawerRecord {
  id: number
  openedAtMs: number
  businessDate: string
  openedByName: string
  floatMinor: number
  movements: CashMovementDto[]
  closing: CashSessionDto['closing']
}

/** The money half of one fake ledger; tests may seed it (openDrawer, pay) before rendering. */
export class FakePayments {
  readonly payments: PaymentRecord[] = []
  readonly drawers: DrawerRecord[] = []
  readonly overrideNotes = new Map<number, string>()

  constructor(private readonly ledger: FakeLedger) {}

  openDrawer(floatMinor: number, byName = 'Li Wei'): DrawerRecord {
    const drawer: DrawerRecord = { id: this.ledger.id(), openedAtMs: this.ledger.now(), businessDate: this.ledger.today(), openedByName: byName, floatMinor, movements: [], closing: null }
    this.drawers.push(drawer)
    return drawer
  }

  /** Seeds money taken on a ticket (no checks): a deposit unless the invoice is final. */
  pay(ticketId: number, amountMinor: number, method: PaymentMethod, byName = 'Li Wei', kind: PaymentKind = 'payment'): PaymentRecord {
    const record: PaymentRecord = {
      id: this.ledger.id(),
      ticketId,
      atMs: this.ledger.now(),
      businessDate: this.ledger.today(),
      staffName: byName,
      kind,
      method,
      amountMinor,
      tenderedMinor: method === 'cash' ? amountMinor : null,
      changeMinor: method === 'cash' ? 0 : null,
      reference: '',
      refundOfPaymentId: null,
      reason: '',
      approvedByName: null,
      drawerId: method === 'cash' ? (this.openDrawerRecord()?.id ?? null) : null,
    }
    this.payments.push(record)
    return record
  }

  openDrawerRecord(): DrawerRecord | undefined {
    return this.drawers.find((d) => d.closing === null)
  }

  paymentDto(p: PaymentRecord): PaymentDto {
    const ticket = this.ledger.tickets.find((t) => t.id === p.ticketId)!
    const customer = this.ledger.customers.find((c) => c.id === ticket.customerId)!
    const refundedMinor = -this.payments.filter((r) => r.refundOfPaymentId === p.id).reduce((sum, r) => sum + r.amountMinor, 0)
    const { drawerId: _drawer, ticketId: _ticket, ...rest } = p
    return { ...rest, ticket: { id: ticket.id, number: ticket.number, customerName: customer.name }, refundedMinor, refundableMinor: p.kind === 'refund' ? 0 : p.amountMinor - refundedMinor }
  }

  drawerDto(d: DrawerRecord): CashSessionDto {
    const cash = this.payments.filter((p) => p.drawerId === d.id)
    const figures = {
      floatMinor: d.floatMinor,
      cashInMinor: cash.filter((p) => p.amountMinor > 0).reduce((sum, p) => sum + p.amountMinor, 0),
      cashRefundsMinor: -cash.filter((p) => p.amountMinor < 0).reduce((sum, p) => sum + p.amountMinor, 0),
      paidInMinor: d.movements.filter((m) => m.kind === 'paid_in').reduce((sum, m) => sum + m.amountMinor, 0),
      paidOutMinor: d.movements.filter((m) => m.kind === 'paid_out').reduce((sum, m) => sum + m.amountMinor, 0),
    }
    const { id, openedAtMs, businessDate, openedByName, movements, closing } = d
    return { id, openedAtMs, businessDate, openedByName, ...figures, expectedMinor: expectedCash(figures), movements, closing }
  }
}

const books = new WeakMap<FakeLedger, FakePayments>()

/** The fake server's payments, created on first use. */
export function paymentsOf(server: Pick<FakeServer, 'ledger'>): FakePayments {
  let book = books.get(server.ledger)
  if (!book) {
    book = new FakePayments(server.ledger)
    books.set(server.ledger, book)
  }
  return book
}
