// Invoices, payments, refunds and the cash drawer in the fake server, with the real shared rules:
// the invoice from shared/invoice.ts (estimate, parts fitted, declined fee), expected cash from
// shared/payments.ts, and the ledger's refusals with the same codes, keys, params and field paths
// (electron/rpc/handlers/payments.ts, cash.ts, workflow.ts). It also stands in front of two
// channels other parts serve: an intake's deposit and the hand-back gate.
import type { ChannelName, ParsedInputOf } from '../../shared/contract'
import type { StaffDto } from '../../shared/dto/auth'
import type { InvoiceDto, MethodTotalsDto } from '../../shared/dto/payments'
import type { ShopSettingsDto } from '../../shared/dto/settings'
import type { TicketPartsDto } from '../../shared/dto/stock'
import type { ErrorCode, MessageParams, Result } from '../../shared/errors'
import { invoiceFigures } from '../../shared/invoice'
import { paymentMethods, type PaymentMethod } from '../../shared/payments'
import type { TicketRecord } from './fake-ledger'
import { handleLedgerChannel } from './fake-ledger-channels'
import { paymentsOf, type PaymentRecord } from './fake-payments'
import type { FakeServer } from './fake-server'
import { handleTicketPartsChannel } from './fake-ticket-parts'
import { handleWorkflowChannel } from './fake-workflow'

type Answer = Result<unknown>
const ok = (value: unknown): Answer => ({ ok: true, value })
const fail = (code: ErrorCode, messageKey: string, params?: MessageParams): Answer => ({ ok: false, error: { code, messageKey, message: messageKey, ...(params ? { params } : {}) } })
/** A refusal naming one field, as the ledger's fieldError() builds it. */
const fieldFail = (path: (string | number)[], messageKey: string, code: ErrorCode, params?: MessageParams): Answer => ({
  ok: false,
  error: { code, messageKey, message: messageKey, ...(params ? { params } : {}), issues: [{ path, messageKey, message: messageKey, ...(params ? { params } : {}) }] },
})

export interface PaymentContext {
  server: FakeServer
  me: StaffDto
  settings: ShopSettingsDto
}

/** Answers a payment, invoice or drawer channel (and gates intake and collect), or undefined. */
export function handlePaymentChannel(ctx: PaymentContext, channel: ChannelName, rawInput: unknown): Answer | undefined {
  const input = rawInput as never
  switch (channel) {
    case 'invoices.forTicket': {
      const ticket = ticketOf(ctx, (input as { id: number }).id)
      return ticket ? ok(invoiceOf(ctx, ticket)) : fail('NOT_FOUND', 'errors.ticketNotFound')
    }
    case 'payments.record': {
      const { ticketId, ...money } = input as ParsedInputOf<'payments.record'>
      const ticket = ticketOf(ctx, ticketId)
      if (!ticket) return fail('NOT_FOUND', 'errors.ticketNotFound')
      const taken = takePayment(ctx, ticket, money, [])
      return 'ok' in taken ? taken : ok({ payment: book(ctx).paymentDto(taken), invoice: invoiceOf(ctx, ticket) })
    }
    case 'payments.refund':
      return refund(ctx, input as ParsedInputOf<'payments.refund'>)
    case 'payments.list':
      return ok(dayList(ctx, input as ParsedInputOf<'payments.list'>))
    case 'cash.status': {
      const drawers = book(ctx).drawers
      const open = drawers.find((d) => d.closing === null)
      const lastClosed = [...drawers].reverse().find((d) => d.closing !== null)
      return ok({ open: open ? book(ctx).drawerDto(open) : null, lastClosed: lastClosed ? book(ctx).drawerDto(lastClosed) : null })
    }
    case 'cash.open': {
      const { floatMinor } = input as ParsedInputOf<'cash.open'>
      if (book(ctx).openDrawerRecord()) return fail('CONFLICT', 'errors.drawerAlreadyOpen')
      return ok(book(ctx).drawerDto(book(ctx).openDrawer(floatMinor, ctx.me.name)))
    }
    case 'cash.movement': {
      const { kind, amountMinor, reason } = input as ParsedInputOf<'cash.movement'>
      const drawer = book(ctx).openDrawerRecord()
      if (!drawer) return fail('CONFLICT', 'errors.drawerNotOpen')
      const expected = book(ctx).drawerDto(drawer).expectedMinor
      if (kind === 'paid_out' && amountMinor > expected) return fail('CONFLICT', 'errors.drawerTooLittle', { expected })
      drawer.movements.push({ id: ctx.server.ledger.id(), atMs: ctx.server.ledger.now(), staffName: ctx.me.name, kind, amountMinor, reason })
      return ok(book(ctx).drawerDto(drawer))
    }
    case 'cash.close': {
      const { countedMinor, denominations, note } = input as ParsedInputOf<'cash.close'>
      const drawer = book(ctx).openDrawerRecord()
      if (!drawer) return fail('CONFLICT', 'errors.drawerNotOpen')
      const expectedMinor = book(ctx).drawerDto(drawer).expectedMinor
      const { ledger } = ctx.server
      drawer.closing = { closedAtMs: ledger.now(), businessDate: ledger.today(), closedByName: ctx.me.name, expectedMinor, countedMinor, overShortMinor: countedMinor - expectedMinor, denominations: denominations ?? null, note }
      return ok(book(ctx).drawerDto(drawer))
    }
    case 'tickets.intake':
      return intakeWithDeposit(ctx, input as ParsedInputOf<'tickets.intake'>)
    case 'tickets.collect':
      return collectWhenSettled(ctx, input as ParsedInputOf<'tickets.collect'>)
    default:
      return undefined
  }
}

const book = (ctx: PaymentContext) => paymentsOf(ctx.server)
const ticketOf = (ctx: PaymentContext, id: number) => ctx.server.ledger.tickets.find((t) => t.id === id)
const staffDtos = (ctx: PaymentContext): StaffDto[] => ctx.server.staff.map(({ pin: _pin, ...staff }) => staff)

/** Parts fitted to the ticket, net of returns, per catalogue part — read through the parts channel. */
function partsUsed(ctx: PaymentContext, ticket: TicketRecord) {
  const answer = handleTicketPartsChannel({ ledger: ctx.server.ledger, stock: ctx.server.stock, me: ctx.me }, 'tickets.parts', { id: ticket.id })
  const used = new Map<number, { partId: number; name: string; quantity: number; sellPriceMinor: number }>()
  if (!answer?.ok) return []
  for (const line of (answer.value as TicketPartsDto).lines) {
    const entry = used.get(line.partId) ?? { partId: line.partId, name: line.name, quantity: 0, sellPriceMinor: line.sellPriceMinor }
    entry.quantity += line.netQuantity
    used.set(line.partId, entry)
  }
  return [...used.values()].filter((p) => p.quantity > 0)
}

function invoiceOf(ctx: PaymentContext, ticket: TicketRecord): InvoiceDto {
  const { ledger } = ctx.server
  const customer = ledger.customers.find((c) => c.id === ticket.customerId)!
  const payments = book(ctx).payments.filter((p) => p.ticketId === ticket.id).map((p) => book(ctx).paymentDto(p))
  const paidMinor = payments.reduce((sum, p) => sum + p.amountMinor, 0)
  const base = { ticketId: ticket.id, ticketNumber: ticket.number, customerName: customer.name, payments, paidMinor, collectOverrideNote: book(ctx).overrideNotes.get(ticket.id) ?? null }
  const work = ticket.warranty.status === 'in_warranty' ? null : ledger.workOf(ticket)
  return {
    ...base,
    ...invoiceFigures({
      warranty: work === null,
      estimate: work?.estimate ?? null,
      partsUsed: work ? partsUsed(ctx, ticket) : [],
      declined: work?.decision?.decision === 'declined',
      diagnosisFeeMinor: work?.diagnosisFeeMinor ?? null,
      completed: work !== null && work.completion !== null,
      shopTax: ctx.settings,
      paidMinor,
    }),
  }
}

interface Money {
  amountMinor: number
  method: PaymentMethod
  tenderedMinor?: number | undefined
  reference: string
}

/** payments.record and an intake's deposit: the ledger's takePayment(), refusals first. */
function takePayment(ctx: PaymentContext, ticket: TicketRecord, money: Money, path: (string | number)[]): PaymentRecord | Answer {
  if (ticket.warranty.status === 'in_warranty') return fail('CONFLICT', 'errors.paymentOnWarranty')
  if (ticket.status === 'cancelled') return fail('CONFLICT', 'errors.paymentOnCancelled')
  const invoice = invoiceOf(ctx, ticket)
  if (invoice.priced && money.amountMinor > invoice.balanceMinor) {
    return fieldFail([...path, 'amountMinor'], invoice.balanceMinor <= 0 ? 'errors.nothingOwed' : 'errors.overpayment', 'CONFLICT', { balance: Math.max(0, invoice.balanceMinor) })
  }
  const drawer = money.method === 'cash' ? book(ctx).openDrawerRecord() : undefined
  if (money.method === 'cash' && !drawer) return fieldFail([...path, 'method'], 'errors.drawerNotOpen', 'CONFLICT')
  const record = book(ctx).pay(ticket.id, money.amountMinor, money.method, ctx.me.name, invoice.final ? 'payment' : 'deposit')
  const tendered = money.method === 'cash' ? (money.tenderedMinor ?? money.amountMinor) : null
  Object.assign(record, { tenderedMinor: tendered, changeMinor: tendered === null ? null : tendered - money.amountMinor, reference: money.reference, drawerId: drawer?.id ?? null })
  addEvent(ctx, ticket, record.kind, '', { paymentId: record.id, amountMinor: record.amountMinor })
  return record
}

/** An owner's PIN typed at the counter: FORBIDDEN on the field, the person signed in stays signed in. */
function ownerApproval(ctx: PaymentContext, approval: { staffId: number; pin: string }): { name: string } | Answer {
  const approver = ctx.server.staff.find((s) => s.id === approval.staffId)
  if (!approver || !approver.active || approver.role !== 'owner') return fieldFail(['approval', 'staffId'], 'errors.approvalNotOwner', 'FORBIDDEN')
  if (approver.pin !== approval.pin) return fieldFail(['approval', 'pin'], 'errors.approvalWrongPin', 'FORBIDDEN')
  return { name: approver.name }
}

function refund(ctx: PaymentContext, r: ParsedInputOf<'payments.refund'>): Answer {
  const original = book(ctx).payments.find((p) => p.id === r.paymentId)
  if (!original) return fieldFail(['paymentId'], 'errors.paymentNotFound', 'NOT_FOUND')
  const owner = ownerApproval(ctx, r.approval)
  if ('ok' in owner) return owner
  if (original.kind === 'refund') return fieldFail(['paymentId'], 'errors.refundOfRefund', 'CONFLICT')
  const refundable = book(ctx).paymentDto(original).refundableMinor
  if (r.amountMinor > refundable) return fieldFail(['amountMinor'], 'errors.refundTooMuch', 'CONFLICT', { refundable })
  const method = r.method ?? original.method
  const drawer = method === 'cash' ? book(ctx).openDrawerRecord() : undefined
  if (method === 'cash' && !drawer) return fieldFail(['method'], 'errors.drawerNotOpen', 'CONFLICT')
  if (drawer) {
    const expected = book(ctx).drawerDto(drawer).expectedMinor
    if (r.amountMinor > expected) return fieldFail(['amountMinor'], 'errors.drawerTooLittle', 'CONFLICT', { expected })
  }
  const record = book(ctx).pay(original.ticketId, -r.amountMinor, method, ctx.me.name, 'refund')
  Object.assign(record, { tenderedMinor: null, changeMinor: null, refundOfPaymentId: original.id, reason: r.reason, approvedByName: owner.name, drawerId: drawer?.id ?? null })
  const ticket = ticketOf(ctx, original.ticketId)!
  addEvent(ctx, ticket, 'refund', r.reason, { paymentId: record.id, refundOf: original.id, amountMinor: r.amountMinor })
  return ok({ payment: book(ctx).paymentDto(record), invoice: invoiceOf(ctx, ticket) })
}

function dayList(ctx: PaymentContext, { date, ticketId }: ParsedInputOf<'payments.list'>) {
  const day = date ?? ctx.server.ledger.today()
  const payments = book(ctx)
    .payments.filter((p) => p.businessDate === day && (ticketId === undefined || p.ticketId === ticketId))
    .map((p) => book(ctx).paymentDto(p))
  const totals: MethodTotalsDto[] = []
  for (const method of paymentMethods) {
    const rows = payments.filter((p) => p.method === method)
    if (rows.length === 0) continue
    const paymentsMinor = rows.filter((p) => p.amountMinor > 0).reduce((sum, p) => sum + p.amountMinor, 0)
    const refundsMinor = -rows.filter((p) => p.amountMinor < 0).reduce((sum, p) => sum + p.amountMinor, 0)
    totals.push({ method, paymentsMinor, refundsMinor, netMinor: paymentsMinor - refundsMinor, count: rows.length })
  }
  return { date: day, payments, totals, netMinor: totals.reduce((sum, t) => sum + t.netMinor, 0) }
}

/**
 * The intake itself is the ledger part's; a deposit is taken with it, in the same "transaction":
 * when the deposit is refused, the ticket (and a customer or device it added) is taken back out.
 */
function intakeWithDeposit(ctx: PaymentContext, input: ParsedInputOf<'tickets.intake'>): Answer | undefined {
  if (!input.deposit) return undefined
  const { ledger } = ctx.server
  const before = { tickets: ledger.tickets.length, customers: ledger.customers.length, devices: ledger.devices.length }
  const answer = handleLedgerChannel(ledger, 'tickets.intake', input, ctx.me, staffDtos(ctx))
  if (!answer?.ok) return answer
  const ticket = ticketOf(ctx, (answer.value as { id: number }).id)!
  const taken = takePayment(ctx, ticket, input.deposit, ['deposit'])
  if ('ok' in taken) {
    ledger.tickets.length = before.tickets
    ledger.customers.length = before.customers
    ledger.devices.length = before.devices
    return taken
  }
  return ok(ledger.ticketDto(ticket))
}

/** Paid work goes back only settled, or with an owner's approval and a reason kept on the ticket. */
function collectWhenSettled(ctx: PaymentContext, input: ParsedInputOf<'tickets.collect'>): Answer | undefined {
  const ticket = ticketOf(ctx, input.id)
  if (!ticket) return undefined
  const invoice = invoiceOf(ctx, ticket)
  const unsettled = invoice.kind === 'paid' && invoice.balanceMinor !== 0
  // The owner's PIN is checked only when it is needed: money is owed (or a credit is due).
  if (input.override && unsettled) {
    const owner = ownerApproval(ctx, input.override.approval)
    if ('ok' in owner) return owner
  }
  // Out of order is the workflow's refusal (ILLEGAL_TRANSITION), as in the ledger.
  if (unsettled && !input.override && ticket.status === 'ready') {
    return invoice.balanceMinor > 0 ? fail('CONFLICT', 'errors.balanceDue', { balance: invoice.balanceMinor }) : fail('CONFLICT', 'errors.creditDue', { credit: -invoice.balanceMinor })
  }
  const answer = handleWorkflowChannel({ ledger: ctx.server.ledger, me: ctx.me, staff: staffDtos(ctx), settings: ctx.settings }, 'tickets.collect', input)
  if (answer?.ok && unsettled && input.override) book(ctx).overrideNotes.set(ticket.id, input.override.reason)
  return answer
}

function addEvent(ctx: PaymentContext, ticket: TicketRecord, kind: string, note: string, data: Record<string, unknown>) {
  ticket.events.push({ id: ctx.server.ledger.id(), atMs: ctx.server.ledger.now(), staffName: ctx.me.name, kind, fromStatus: null, toStatus: null, note, data })
}
