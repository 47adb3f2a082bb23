import { AppError } from '../../../shared/errors'
import { finalStatuses } from '../../../shared/ticket-flow'
import { openTicketStatuses } from '../../../shared/tickets'
import { appendAudit } from '../../../db/ledger/audit'
import { findManufacturer } from '../../../db/ledger/catalog'
import { listFaultCodes, upsertFaultCode } from '../../../db/ledger/fault-codes'
import { findStaff } from '../../../db/ledger/staff'
import { appendTicketEvent, listTickets } from '../../../db/ledger/tickets'
import { loadTicketWork } from '../../../db/ledger/work'
import { signedIn, type HandlerMap } from '../context'
import { fieldError } from './field-error'
import { shopDay } from './shop-day'
import { ticketOrFail } from './transition'

// Everything around the workflow that is not a status change: the work view, assignment, notes,
// the counter board and the fault-code lists.

const boardListSize = 50

export const ticketCareHandlers: Pick<HandlerMap, 'tickets.work' | 'tickets.assign' | 'tickets.addNote' | 'tickets.board' | 'faultCodes.list' | 'faultCodes.upsert'> = {
  'tickets.work': async ({ id }, ctx) => loadTicketWork(ctx.db, await ticketOrFail(ctx.db, id)),

  'tickets.assign': async ({ id, staffId, note }, ctx) => {
    const staff = signedIn(ctx)
    await ctx.write(async (trx) => {
      const ticket = await ticketOrFail(trx, id)
      if (finalStatuses.includes(ticket.status)) throw new AppError('ILLEGAL_TRANSITION', 'errors.illegalTransition', { from: ticket.status, to: ticket.status })
      if (staffId !== null) {
        const assignee = await findStaff(trx, staffId)
        if (!assignee || assignee.active !== 1) throw fieldError(['staffId'], 'validation.unknownStaff')
      }
      await trx.updateTable('tickets').set({ assigned_staff_id: staffId, updated_at_ms: ctx.nowMs }).where('id', '=', id).execute()
      const data = { from: ticket.assigned_staff_id, to: staffId }
      await appendTicketEvent(trx, { ticketId: id, atMs: ctx.nowMs, staffId: staff.id, kind: 'assign', fromStatus: ticket.status, toStatus: ticket.status, note, data })
      await appendAudit(trx, { atMs: ctx.nowMs, staffId: staff.id, action: 'tickets.assign', entity: 'ticket', entityId: id, details: data })
    })
    return loadTicketWork(ctx.db, await ticketOrFail(ctx.db, id))
  },

  'tickets.addNote': async ({ id, note }, ctx) => {
    const staff = signedIn(ctx)
    await ctx.write(async (trx) => {
      const ticket = await ticketOrFail(trx, id)
      await appendTicketEvent(trx, { ticketId: id, atMs: ctx.nowMs, staffId: staff.id, kind: 'note', fromStatus: ticket.status, toStatus: ticket.status, note })
      await appendAudit(trx, { atMs: ctx.nowMs, staffId: staff.id, action: 'tickets.addNote', entity: 'ticket', entityId: id })
    })
    return loadTicketWork(ctx.db, await ticketOrFail(ctx.db, id))
  },

  'tickets.board': async ({ staffId }, ctx) => {
    const me = signedIn(ctx)
    const queueOwner = staffId === undefined ? me : await findStaff(ctx.db, staffId)
    if (!queueOwner) throw fieldError(['staffId'], 'validation.unknownStaff')
    const { today } = await shopDay(ctx.db, ctx.nowMs)
    const page = (filter: { statuses: (typeof openTicketStatuses)[number][]; overdue?: boolean; assignedStaffId?: number }) =>
      listTickets(ctx.db, { overdue: false, limit: boardListSize, ...filter }, today).then((p) => p.items)
    const [countRows, overdue, waitingOnCustomer, waitingOnParts, myQueue] = await Promise.all([
      ctx.db
        .selectFrom('tickets')
        .select(['status', (eb) => eb.fn.countAll<number>().as('n')])
        .where('status', 'in', [...openTicketStatuses])
        .groupBy('status')
        .execute(),
      page({ statuses: [...openTicketStatuses], overdue: true }),
      page({ statuses: ['awaiting_approval', 'declined', 'ready'] }),
      page({ statuses: ['awaiting_parts'] }),
      page({ statuses: [...openTicketStatuses], assignedStaffId: queueOwner.id }),
    ])
    const counts = Object.fromEntries(openTicketStatuses.map((s) => [s, Number(countRows.find((r) => r.status === s)?.n ?? 0)]))
    return { counts, overdue, waitingOnCustomer, waitingOnParts, myQueue, queueOf: { staffId: queueOwner.id, staffName: queueOwner.name } }
  },

  'faultCodes.list': async ({ manufacturerId, includeInactive }, ctx) => listFaultCodes(ctx.db, manufacturerId, includeInactive),

  'faultCodes.upsert': async (input, ctx) => {
    const owner = signedIn(ctx)
    return ctx.write(async (trx) => {
      if (!(await findManufacturer(trx, input.manufacturerId))) throw fieldError(['manufacturerId'], 'errors.manufacturerNotFound')
      const code = await upsertFaultCode(trx, input, ctx.nowMs)
      await appendAudit(trx, { atMs: ctx.nowMs, staffId: owner.id, action: 'faultCodes.upsert', entity: 'fault_code', entityId: code.id, details: input })
      return code
    })
  },
}
