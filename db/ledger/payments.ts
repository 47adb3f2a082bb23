import { sql } from 'kysely'
import type { InvoiceDto, MethodTotalsDto, PaymentDto, PaymentListDto } from '../../shared/dto/payments'
import { invoiceFigures } from '../../shared/invoice'
import { paymentMethods, type PaymentKind, type PaymentMethod } from '../../shared/payments'
import type { Executor } from './audit'
import { compiledOnce } from './compiled'
import { readSettings } from './settings'
import { ticketPartLines } from './ticket-parts'
import type { TicketRow } from './tickets'
import { latestEstimate } from './work'

export interface NewPayment {
  ticketId: number
  atMs: number
  businessDate: string
  staffId: number
  kind: PaymentKind
  method: PaymentMethod
  /** Signed: negative for a refund. */
  amountMinor: number
  tenderedMinor?: number | null
  changeMinor?: number | null
  reference?: string
  refundOfPaymentId?: number | null
  reason?: string
  approvedByStaffId?: number | null
  cashSessionId: number | null
}

export async function insertPayment(db: Executor, p: NewPayment): Promise<number> {
  const { id } = await db
    .insertInto('payments')
    .values({
      ticket_id: p.ticketId,
      at_ms: p.atMs,
      business_date: p.businessDate,
      staff_id: p.staffId,
      kind: p.kind,
      method: p.method,
      amount_minor: p.amountMinor,
      tendered_minor: p.tenderedMinor ?? null,
      change_minor: p.changeMinor ?? null,
      reference: p.reference ?? '',
      refund_of_payment_id: p.refundOfPaymentId ?? null,
      reason: p.reason ?? '',
      approved_by_staff_id: p.approvedByStaffId ?? null,
      cash_session_id: p.cashSessionId,
    })
    .returning('id')
    .executeTakeFirstOrThrow()
  return id
}

interface PaymentRow {
  id: number
  ticket_id: number
  ticket_number: string
  customer_name: string
  at_ms: number
  business_date: string
  staff_name: string
  kind: PaymentKind
  method: PaymentMethod
  amount_minor: number
  tendered_minor: number | null
  change_minor: number | null
  reference: string
  refund_of_payment_id: number | null
  reason: string
  approved_by_name: string | null
  refunded_minor: number
}

/** Payments matching a filter, oldest first, each with what has been refunded of it. */
export async function paymentRows(db: Executor, filter: { ticketId?: number; businessDate?: string; ids?: number[] }): Promise<PaymentDto[]> {
  const where = [sql`1 = 1`]
  if (filter.ticketId !== undefined) where.push(sql`p.ticket_id = ${filter.ticketId}`)
  if (filter.businessDate !== undefined) where.push(sql`p.business_date = ${filter.businessDate}`)
  if (filter.ids !== undefined) where.push(sql`p.id IN (SELECT value FROM json_each(${JSON.stringify(filter.ids)}))`)
  const { rows } = await sql<PaymentRow>`
    SELECT p.id, p.ticket_id, t.number AS ticket_number, c.name AS customer_name, p.at_ms, p.business_date, s.name AS staff_name,
           p.kind, p.method, p.amount_minor, p.tendered_minor, p.change_minor, p.reference, p.refund_of_payment_id, p.reason,
           a.name AS approved_by_name,
           coalesce((SELECT -sum(r.amount_minor) FROM payments r WHERE r.refund_of_payment_id = p.id), 0) AS refunded_minor
    FROM payments p
    JOIN tickets t ON t.id = p.ticket_id
    JOIN customers c ON c.id = t.customer_id
    JOIN staff s ON s.id = p.staff_id
    LEFT JOIN staff a ON a.id = p.approved_by_staff_id
    WHERE ${sql.join(where, sql` AND `)}
    ORDER BY p.id`.execute(db)
  return rows.map((r) => ({
    id: r.id,
    ticket: { id: r.ticket_id, number: r.ticket_number, customerName: r.customer_name },
    atMs: r.at_ms,
    businessDate: r.business_date,
    staffName: r.staff_name,
    kind: r.kind,
    method: r.method,
    amountMinor: r.amount_minor,
    tenderedMinor: r.tendered_minor,
    changeMinor: r.change_minor,
    reference: r.reference,
    refundOfPaymentId: r.refund_of_payment_id,
    reason: r.reason,
    approvedByName: r.approved_by_name,
    refundedMinor: r.refunded_minor,
    refundableMinor: r.kind === 'refund' ? 0 : r.amount_minor - r.refunded_minor,
  }))
}

export async function findPayment(db: Executor, id: number): Promise<PaymentDto | undefined> {
  return (await paymentRows(db, { ids: [id] }))[0]
}

/** The day's payments with totals per method (payments, refunds, net). */
export async function paymentsOfDay(db: Executor, date: string, ticketId?: number): Promise<PaymentListDto> {
  const payments = await paymentRows(db, { businessDate: date, ...(ticketId !== undefined && { ticketId }) })
  const totals: MethodTotalsDto[] = []
  for (const method of paymentMethods) {
    const rows = payments.filter((p) => p.method === method)
    if (rows.length === 0) continue
    const paymentsMinor = rows.filter((p) => p.amountMinor > 0).reduce((sum, p) => sum + p.amountMinor, 0)
    const refundsMinor = rows.filter((p) => p.amountMinor < 0).reduce((sum, p) => sum - p.amountMinor, 0)
    totals.push({ method, paymentsMinor, refundsMinor, netMinor: paymentsMinor - refundsMinor, count: rows.length })
  }
  return { date, payments, totals, netMinor: totals.reduce((sum, t) => sum + t.netMinor, 0) }
}

/**
 * A ticket's invoice: the lines from the estimate and the parts used (shared/invoice.ts), taxed
 * as the estimate was quoted (or per today's settings for a declined repair's fee), with what
 * has been paid and what is still due.
 */
const customerName = compiledOnce((db) => db.selectFrom('customers').select('name').where('id', '=', 0))

export async function loadInvoice(db: Executor, ticket: TicketRow): Promise<InvoiceDto> {
  const [customer] = await customerName(db, [ticket.customer_id])
  if (!customer) throw new Error(`ticket ${ticket.id} has no customer`)
  const payments = await paymentRows(db, { ticketId: ticket.id })
  const paidMinor = payments.reduce((sum, p) => sum + p.amountMinor, 0)
  const base = { ticketId: ticket.id, ticketNumber: ticket.number, customerName: customer.name, payments, paidMinor, collectOverrideNote: ticket.collect_override_note }
  if (ticket.warranty_status === 'in_warranty') {
    return { ...base, ...invoiceFigures({ warranty: true, estimate: null, partsUsed: [], declined: false, diagnosisFeeMinor: null, completed: false, shopTax: noTax, paidMinor }) }
  }
  const estimate = await latestEstimate(db, ticket.id)
  // The estimate carries the tax it was quoted with; only an unquoted ticket needs today's.
  const settings = estimate ? null : await readSettings(db)
  const used = new Map<number, { partId: number; name: string; quantity: number; sellPriceMinor: number }>()
  for (const line of await ticketPartLines(db, ticket.id)) {
    const entry = used.get(line.partId) ?? { partId: line.partId, name: line.name, quantity: 0, sellPriceMinor: line.sellPriceMinor }
    entry.quantity += line.netQuantity
    used.set(line.partId, entry)
  }
  return {
    ...base,
    ...invoiceFigures({
      warranty: false,
      estimate,
      partsUsed: [...used.values()],
      declined: ticket.customer_decision === 'declined',
      diagnosisFeeMinor: ticket.diagnosis_fee_minor,
      completed: ticket.completed_at_ms !== null,
      shopTax: settings ?? noTax,
      paidMinor,
    }),
  }
}

const noTax = { taxRateBp: 0, pricesIncludeTax: true }
