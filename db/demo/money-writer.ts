import type Database from 'better-sqlite3'
import type { PaymentKind, PaymentMethod } from '../../shared/payments'

// Bulk writes of payments and the cash drawer with prepared statements, as writer.ts does for
// tickets. Ids are the tables' own (they start empty), returned to the caller for the events and
// audit rows that name them.

export interface PaymentInsert {
  ticketId: number
  atMs: number
  businessDate: string
  staffId: number
  kind: PaymentKind
  method: PaymentMethod
  /** Signed: negative for a refund. */
  amountMinor: number
  tenderedMinor: number | null
  changeMinor: number | null
  reference: string
  refundOfPaymentId: number | null
  reason: string
  approvedByStaffId: number | null
  cashSessionId: number | null
}

export interface ClosingInsert {
  sessionId: number
  closedAtMs: number
  businessDate: string
  closedByStaffId: number
  expectedMinor: number
  countedMinor: number
  denominationsJson: string | null
  note: string
}

export class MoneyWriter {
  private readonly payment: Database.Statement
  private readonly session: Database.Statement
  private readonly closing: Database.Statement
  private readonly movement: Database.Statement
  payments = 0
  sessions = 0
  closings = 0
  movements = 0

  constructor(sqlite: Database.Database) {
    this.payment = sqlite.prepare(
      `INSERT INTO payments (ticket_id, at_ms, business_date, staff_id, kind, method, amount_minor, tendered_minor, change_minor, reference,
         refund_of_payment_id, reason, approved_by_staff_id, cash_session_id)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    )
    this.session = sqlite.prepare(`INSERT INTO cash_sessions (opened_at_ms, business_date, opened_by_staff_id, float_minor, note) VALUES (?, ?, ?, ?, ?)`)
    this.closing = sqlite.prepare(
      `INSERT INTO cash_closings (session_id, closed_at_ms, business_date, closed_by_staff_id, expected_minor, counted_minor, over_short_minor, denominations_json, note)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    )
    this.movement = sqlite.prepare(`INSERT INTO cash_movements (session_id, at_ms, business_date, staff_id, kind, amount_minor, reason) VALUES (?, ?, ?, ?, ?, ?, ?)`)
  }

  insertPayment(p: PaymentInsert): number {
    this.payments++
    return Number(
      this.payment.run(p.ticketId, p.atMs, p.businessDate, p.staffId, p.kind, p.method, p.amountMinor, p.tenderedMinor, p.changeMinor, p.reference, p.refundOfPaymentId, p.reason, p.approvedByStaffId, p.cashSessionId)
        .lastInsertRowid,
    )
  }

  openSession(atMs: number, businessDate: string, staffId: number, floatMinor: number, note: string): number {
    this.sessions++
    return Number(this.session.run(atMs, businessDate, staffId, floatMinor, note).lastInsertRowid)
  }

  closeSession(c: ClosingInsert): void {
    this.closings++
    this.closing.run(c.sessionId, c.closedAtMs, c.businessDate, c.closedByStaffId, c.expectedMinor, c.countedMinor, c.countedMinor - c.expectedMinor, c.denominationsJson, c.note)
  }

  insertMovement(sessionId: number, atMs: number, businessDate: string, staffId: number, kind: 'paid_in' | 'paid_out', amountMinor: number, reason: string): number {
    this.movements++
    return Number(this.movement.run(sessionId, atMs, businessDate, staffId, kind, amountMinor, reason).lastInsertRowid)
  }
}
