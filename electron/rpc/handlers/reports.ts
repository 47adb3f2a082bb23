import { dailyReport } from '../../../db/ledger/reports/daily'
import { periodReport } from '../../../db/ledger/reports/period'
import type { HandlerMap } from '../context'
import { shopDay } from './shop-day'

export const reportHandlers: Pick<HandlerMap, 'reports.daily' | 'reports.period'> = {
  'reports.daily': async ({ date }, ctx) => {
    const { today } = await shopDay(ctx.db, ctx.nowMs)
    return dailyReport(ctx.db, date, today)
  },
  'reports.period': async ({ from, to }, ctx) => periodReport(ctx.db, from, to),
}
