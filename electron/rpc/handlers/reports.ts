import { dailyReport } from '../../../db/ledger/reports/daily'
import { periodReport } from '../../../db/ledger/reports/period'
import type { HandlerMap } from '../context'
import { shopDay } from './shop-day'

export const reportHandlers: Pick<HandlerMap, 'reports.daily' | 'reports.period'> = {
  'reports.daily': async ({ date }, ctx) => {
    const { today } = await shopDay(ctx.db, ctx.nowMs)
    // One transaction: a snapshot, so a payment taken meanwhile shows everywhere or nowhere.
    return ctx.db.transaction().execute((trx) => dailyReport(trx, date, today))
  },
  'reports.period': async ({ from, to }, ctx) => ctx.db.transaction().execute((trx) => periodReport(trx, from, to)),
}
