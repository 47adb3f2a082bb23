import { businessDateOf } from '../../../shared/dates'
import { AppError } from '../../../shared/errors'
import type { Executor } from '../../../db/ledger/audit'
import { compiledOnce } from '../../../db/ledger/compiled'

/** The shop's time zone and today's business date there. */
const shopTimeZone = compiledOnce((db) => db.selectFrom('settings').select('time_zone').where('id', '=', 1))

export async function shopDay(db: Executor, nowMs: number): Promise<{ timeZone: string; today: string }> {
  const [row] = await shopTimeZone(db, [1])
  if (!row) throw new AppError('NOT_FOUND', 'errors.setupRequired')
  return { timeZone: row.time_zone, today: businessDateOf(nowMs, row.time_zone) }
}
