import { AppError } from '../../../shared/errors'
import { loadTicketDetail } from '../../../db/ledger/ticket-detail'
import { listTickets, searchTickets } from '../../../db/ledger/tickets'
import type { HandlerMap } from '../context'
import { intakeHandler } from './intake'
import { shopDay } from './shop-day'

export const ticketHandlers: Pick<HandlerMap, 'tickets.intake' | 'tickets.list' | 'tickets.get' | 'tickets.search'> = {
  'tickets.intake': intakeHandler,

  'tickets.list': async (filter, ctx) => {
    const { today } = await shopDay(ctx.db, ctx.nowMs)
    return listTickets(ctx.db, filter, today)
  },

  'tickets.get': async ({ id }, ctx) => {
    const { today } = await shopDay(ctx.db, ctx.nowMs)
    const detail = await loadTicketDetail(ctx.db, id, today)
    if (!detail) throw new AppError('NOT_FOUND', 'errors.ticketNotFound')
    return detail
  },

  'tickets.search': async ({ query, limit }, ctx) => {
    const { today } = await shopDay(ctx.db, ctx.nowMs)
    return searchTickets(ctx.db, query, limit, today)
  },
}
