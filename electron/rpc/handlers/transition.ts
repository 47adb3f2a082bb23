import type { Transaction, Updateable } from 'kysely'
import { AppError } from '../../../shared/errors'
import { decide, targetOf, type FlowFacts, type TicketAction } from '../../../shared/ticket-flow'
import type { TicketStatus } from '../../../shared/tickets'
import { appendAudit } from '../../../db/ledger/audit'
import { appendTicketEvent, findTicket, type TicketRow } from '../../../db/ledger/tickets'
import { flowFacts, loadTicketWork } from '../../../db/ledger/work'
import type { DB, TicketsTable } from '../../../db/schema'
import type { TicketWorkDto } from '../../../shared/dto/workflow'
import { signedIn, type HandlerContext } from '../context'

export interface Step {
  /** Facts the action itself changes before the state machine decides (a voided warranty). */
  facts?: (facts: FlowFacts) => FlowFacts
  /** Checks and extra rows, inside the transaction, before the status changes. */
  before?: (trx: Transaction<DB>, ticket: TicketRow, to: TicketStatus) => Promise<Record<string, unknown> | void>
  /** Columns the action sets on the ticket besides its status. */
  patch?: (ticket: TicketRow, to: TicketStatus) => Updateable<TicketsTable>
  note?: string
}

export async function ticketOrFail(trx: Transaction<DB> | HandlerContext['db'], id: number): Promise<TicketRow> {
  const ticket = await findTicket(trx, id)
  if (!ticket) throw new AppError('NOT_FOUND', 'errors.ticketNotFound')
  return ticket
}

/**
 * One workflow action: the shared state machine decides, then the status, the action's own
 * columns, one event row and one audit row are written in one transaction.
 */
export async function transition(ctx: HandlerContext, id: number, action: TicketAction, step: Step = {}): Promise<TicketWorkDto> {
  const staff = signedIn(ctx)
  await ctx.write(async (trx) => {
    const ticket = await ticketOrFail(trx, id)
    const facts = (step.facts ?? ((f) => f))(await flowFacts(trx, ticket))
    const verdict = decide(action, ticket.status, facts)
    const to = targetOf(action, facts)
    if (!verdict.ok) {
      const key = verdict.reason === 'illegal' ? 'errors.illegalTransition' : verdict.messageKey
      throw new AppError('ILLEGAL_TRANSITION', key, { from: ticket.status, to })
    }
    const data = (await step.before?.(trx, ticket, to)) ?? {}
    await trx
      .updateTable('tickets')
      .set({ ...(step.patch?.(ticket, to) ?? {}), status: to, updated_at_ms: ctx.nowMs })
      .where('id', '=', id)
      .execute()
    await appendTicketEvent(trx, { ticketId: id, atMs: ctx.nowMs, staffId: staff.id, kind: action, fromStatus: ticket.status, toStatus: to, note: step.note ?? '', data })
    await appendAudit(trx, { atMs: ctx.nowMs, staffId: staff.id, action: `tickets.${action}`, entity: 'ticket', entityId: id, details: { from: ticket.status, to, ...data } })
  })
  return loadTicketWork(ctx.db, await ticketOrFail(ctx.db, id))
}
