import type { Transaction } from 'kysely'
import { AppError } from '../../../shared/errors'
import type { PaymentResultDto } from '../../../shared/dto/payments'
import type { PaymentMethod } from '../../../shared/payments'
import { appendAudit } from '../../../db/ledger/audit'
import { loadCashSession, openSessionId } from '../../../db/ledger/cash'
import { findPayment, insertPayment, loadInvoice, paymentsOfDay } from '../../../db/ledger/payments'
import { appendTicketEvent, findTicket, type TicketRow } from '../../../db/ledger/tickets'
import type { DB } from '../../../db/schema'
import { signedIn, type HandlerContext, type HandlerMap } from '../context'
import { fieldError } from './field-error'
import { ownerApproval } from './owner-approval'
import { shopDay } from './shop-day'
import { ticketOrFail } from './transition'

export const paymentHandlers: Pick<HandlerMap, 'invoices.forTicket' | 'payments.record' | 'payments.refund' | 'payments.list'> = {
  'invoices.forTicket': async ({ id }, ctx) => loadInvoice(ctx.db, await ticketOrFail(ctx.db, id)),

  'payments.record': async ({ ticketId, ...money }, ctx) => {
    const paymentId = await ctx.write(async (trx) => {
      const ticket = await findTicket(trx, ticketId)
      if (!ticket) throw fieldError(['ticketId'], 'errors.ticketNotFound', 'NOT_FOUND')
      return takePayment(trx, ctx, ticket, money, [])
    })
    return paymentResult(ctx, ticketId, paymentId)
  },

  'payments.refund': async ({ paymentId, amountMinor, reason, method, approval }, ctx) => {
    const staff = signedIn(ctx)
    const original = await findPayment(ctx.db, paymentId)
    if (!original) throw fieldError(['paymentId'], 'errors.paymentNotFound', 'NOT_FOUND')
    const owner = await ownerApproval(ctx, approval, 'payments.refund')
    const { today } = await shopDay(ctx.db, ctx.nowMs)
    const refundId = await ctx.write(async (trx) => {
      // Read again inside the transaction: another refund may have landed since.
      const payment = await findPayment(trx, paymentId)
      if (!payment || payment.kind === 'refund') throw fieldError(['paymentId'], 'errors.refundOfRefund', 'CONFLICT')
      if (amountMinor > payment.refundableMinor) throw fieldError(['amountMinor'], 'errors.refundTooMuch', 'CONFLICT', { refundable: payment.refundableMinor })
      const refundMethod = method ?? payment.method
      const cashSessionId = await drawerFor(trx, refundMethod, ['method'])
      if (cashSessionId !== null) {
        // Cash handed back must be in the drawer.
        const drawer = await loadCashSession(trx, cashSessionId)
        if (drawer && amountMinor > drawer.expectedMinor) throw fieldError(['amountMinor'], 'errors.drawerTooLittle', 'CONFLICT', { expected: drawer.expectedMinor })
      }
      const id = await insertPayment(trx, {
        ticketId: payment.ticket.id,
        atMs: ctx.nowMs,
        businessDate: today,
        staffId: staff.id,
        kind: 'refund',
        method: refundMethod,
        amountMinor: -amountMinor,
        refundOfPaymentId: payment.id,
        reason,
        approvedByStaffId: owner.id,
        cashSessionId,
      })
      const data = { paymentId: id, refundOf: payment.id, amountMinor, method: refundMethod, approvedBy: owner.id }
      await appendTicketEvent(trx, { ticketId: payment.ticket.id, atMs: ctx.nowMs, staffId: staff.id, kind: 'refund', fromStatus: null, toStatus: null, note: reason, data })
      await appendAudit(trx, { atMs: ctx.nowMs, staffId: staff.id, action: 'payments.refund', entity: 'payment', entityId: id, details: { ...data, reason } })
      return id
    })
    return paymentResult(ctx, original.ticket.id, refundId)
  },

  'payments.list': async ({ date, ticketId }, ctx) => {
    const { today } = await shopDay(ctx.db, ctx.nowMs)
    return paymentsOfDay(ctx.db, date ?? today, ticketId)
  },
}

export interface Money {
  amountMinor: number
  method: PaymentMethod
  tenderedMinor?: number | undefined
  reference: string
}

/**
 * Records a deposit or payment on a ticket inside the caller's transaction (intake uses it too).
 * Paid work only, not cancelled; once the ticket is priced no more than the balance is taken —
 * cash handed over beyond it comes back as change.
 */
export async function takePayment(trx: Transaction<DB>, ctx: HandlerContext, ticket: TicketRow, money: Money, path: (string | number)[]): Promise<number> {
  const staff = signedIn(ctx)
  const { today } = await shopDay(trx, ctx.nowMs)
  if (ticket.warranty_status === 'in_warranty') throw new AppError('CONFLICT', 'errors.paymentOnWarranty')
  if (ticket.status === 'cancelled') throw new AppError('CONFLICT', 'errors.paymentOnCancelled')
  const invoice = await loadInvoice(trx, ticket)
  if (invoice.priced && money.amountMinor > invoice.balanceMinor) {
    throw fieldError([...path, 'amountMinor'], invoice.balanceMinor <= 0 ? 'errors.nothingOwed' : 'errors.overpayment', 'CONFLICT', { balance: Math.max(0, invoice.balanceMinor) })
  }
  const cashSessionId = await drawerFor(trx, money.method, [...path, 'method'])
  const tendered = money.method === 'cash' ? (money.tenderedMinor ?? money.amountMinor) : null
  const kind = invoice.final ? 'payment' : 'deposit'
  const id = await insertPayment(trx, {
    ticketId: ticket.id,
    atMs: ctx.nowMs,
    businessDate: today,
    staffId: staff.id,
    kind,
    method: money.method,
    amountMinor: money.amountMinor,
    tenderedMinor: tendered,
    changeMinor: tendered === null ? null : tendered - money.amountMinor,
    reference: money.reference,
    cashSessionId,
  })
  const data = { paymentId: id, kind, method: money.method, amountMinor: money.amountMinor, ...(tendered !== null && { tenderedMinor: tendered }) }
  await appendTicketEvent(trx, { ticketId: ticket.id, atMs: ctx.nowMs, staffId: staff.id, kind: kind === 'deposit' ? 'deposit' : 'payment', fromStatus: null, toStatus: null, data })
  await appendAudit(trx, { atMs: ctx.nowMs, staffId: staff.id, action: 'payments.record', entity: 'payment', entityId: id, details: { ticketId: ticket.id, ...data, reference: money.reference } })
  return id
}

/** Cash goes through the open drawer, which must be open; other methods through none. */
async function drawerFor(trx: Transaction<DB>, method: PaymentMethod, path: (string | number)[]): Promise<number | null> {
  if (method !== 'cash') return null
  const session = await openSessionId(trx)
  if (session === undefined) throw fieldError(path, 'errors.drawerNotOpen', 'CONFLICT')
  return session
}

async function paymentResult(ctx: HandlerContext, ticketId: number, paymentId: number): Promise<PaymentResultDto> {
  const payment = await findPayment(ctx.db, paymentId)
  if (!payment) throw new Error(`payment ${paymentId} vanished`)
  return { payment, invoice: await loadInvoice(ctx.db, await ticketOrFail(ctx.db, ticketId)) }
}
