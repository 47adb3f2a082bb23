import type { CashSessionDto } from '../../shared/dto/payments'
import { expectedCash } from '../../shared/payments'
import type { Executor } from './audit'

/** The drawer session opened and not yet closed, if any (there is at most one). */
export async function openSessionId(db: Executor): Promise<number | undefined> {
  const row = await db
    .selectFrom('cash_sessions as cs')
    .leftJoin('cash_closings as cc', 'cc.session_id', 'cs.id')
    .select('cs.id')
    .where('cc.session_id', 'is', null)
    .orderBy('cs.id', 'desc')
    .limit(1)
    .executeTakeFirst()
  return row?.id
}

export async function lastClosedSessionId(db: Executor): Promise<number | undefined> {
  const row = await db.selectFrom('cash_closings').select('session_id').orderBy('session_id', 'desc').limit(1).executeTakeFirst()
  return row?.session_id
}

/** One drawer session with its cash figures summed from its own rows. */
export async function loadCashSession(db: Executor, id: number): Promise<CashSessionDto | undefined> {
  const session = await db
    .selectFrom('cash_sessions as cs')
    .innerJoin('staff as s', 's.id', 'cs.opened_by_staff_id')
    .selectAll('cs')
    .select('s.name as opened_by_name')
    .where('cs.id', '=', id)
    .executeTakeFirst()
  if (!session) return undefined
  const cash = await db
    .selectFrom('payments')
    .select((eb) => [
      eb.fn.coalesce(eb.fn.sum<number>(eb.case().when('amount_minor', '>', 0).then(eb.ref('amount_minor')).else(0).end()), eb.lit(0)).as('cash_in'),
      eb.fn.coalesce(eb.fn.sum<number>(eb.case().when('amount_minor', '<', 0).then(eb.neg(eb.ref('amount_minor'))).else(0).end()), eb.lit(0)).as('cash_refunds'),
    ])
    .where('cash_session_id', '=', id)
    .executeTakeFirstOrThrow()
  const movements = await db
    .selectFrom('cash_movements as m')
    .innerJoin('staff as s', 's.id', 'm.staff_id')
    .select(['m.id', 'm.at_ms', 's.name as staff_name', 'm.kind', 'm.amount_minor', 'm.reason'])
    .where('m.session_id', '=', id)
    .orderBy('m.id')
    .execute()
  const closing = await db
    .selectFrom('cash_closings as cc')
    .innerJoin('staff as s', 's.id', 'cc.closed_by_staff_id')
    .selectAll('cc')
    .select('s.name as closed_by_name')
    .where('cc.session_id', '=', id)
    .executeTakeFirst()
  const figures = {
    floatMinor: session.float_minor,
    cashInMinor: Number(cash.cash_in),
    cashRefundsMinor: Number(cash.cash_refunds),
    paidInMinor: movements.filter((m) => m.kind === 'paid_in').reduce((sum, m) => sum + m.amount_minor, 0),
    paidOutMinor: movements.filter((m) => m.kind === 'paid_out').reduce((sum, m) => sum + m.amount_minor, 0),
  }
  return {
    id: session.id,
    openedAtMs: session.opened_at_ms,
    businessDate: session.business_date,
    openedByName: session.opened_by_name,
    ...figures,
    expectedMinor: expectedCash(figures),
    movements: movements.map((m) => ({ id: m.id, atMs: m.at_ms, staffName: m.staff_name, kind: m.kind, amountMinor: m.amount_minor, reason: m.reason })),
    closing: closing
      ? {
          closedAtMs: closing.closed_at_ms,
          businessDate: closing.business_date,
          closedByName: closing.closed_by_name,
          expectedMinor: closing.expected_minor,
          countedMinor: closing.counted_minor,
          overShortMinor: closing.over_short_minor,
          denominations: closing.denominations_json === null ? null : (JSON.parse(closing.denominations_json) as { valueMinor: number; count: number }[]),
          note: closing.note,
        }
      : null,
  }
}
