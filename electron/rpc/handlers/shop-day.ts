import { businessDateOf } from '../../../shared/dates'
import { AppError } from '../../../shared/errors'
import type { Executor } from '../../../db/ledger/audit'

/** The shop's time zone and today's business date there. */
export async function shopDay(db: Executor, nowMs: number): Promise<{ timeZone: string; today: string }> {
  const row = await db.selectFrom('settings').select('time_zone').where('id', '=', 1).executeTakeFirst()
  if (!row) throw new AppError('NOT_FOUND', 'errors.setupRequired')
  return { timeZone: row.time_zone, today: businessDateOf(nowMs, row.time_zone) }
}
