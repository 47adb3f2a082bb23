import { AppError } from '../../../shared/errors'
import type { CashSessionDto } from '../../../shared/dto/payments'
import { appendAudit, type Executor } from '../../../db/ledger/audit'
import { lastClosedSessionId, loadCashSession, openSessionId } from '../../../db/ledger/cash'
import { signedIn, type HandlerMap } from '../context'
import { shopDay } from './shop-day'

export const cashHandlers: Pick<HandlerMap, 'cash.open' | 'cash.close' | 'cash.status' | 'cash.movement'> = {
  'cash.open': async ({ floatMinor, note }, ctx) => {
    const staff = signedIn(ctx)
    const { today } = await shopDay(ctx.db, ctx.nowMs)
    const id = await ctx.write(async (trx) => {
      if ((await openSessionId(trx)) !== undefined) throw new AppError('CONFLICT', 'errors.drawerAlreadyOpen')
      const { id } = await trx
        .insertInto('cash_sessions')
        .values({ opened_at_ms: ctx.nowMs, business_date: today, opened_by_staff_id: staff.id, float_minor: floatMinor, note })
        .returning('id')
        .executeTakeFirstOrThrow()
      await appendAudit(trx, { atMs: ctx.nowMs, staffId: staff.id, action: 'cash.open', entity: 'cash_session', entityId: id, details: { floatMinor, note } })
      return id
    })
    return sessionOrFail(ctx.db, id)
  },

  'cash.movement': async ({ kind, amountMinor, reason }, ctx) => {
    const staff = signedIn(ctx)
    const { today } = await shopDay(ctx.db, ctx.nowMs)
    const sessionId = await ctx.write(async (trx) => {
      const session = await requireOpen(trx)
      if (kind === 'paid_out') {
        const current = await sessionOrFail(trx, session)
        if (amountMinor > current.expectedMinor) throw new AppError('CONFLICT', 'errors.drawerTooLittle', { expected: current.expectedMinor })
      }
      const { id } = await trx
        .insertInto('cash_movements')
        .values({ session_id: session, at_ms: ctx.nowMs, business_date: today, staff_id: staff.id, kind, amount_minor: amountMinor, reason })
        .returning('id')
        .executeTakeFirstOrThrow()
      await appendAudit(trx, { atMs: ctx.nowMs, staffId: staff.id, action: 'cash.movement', entity: 'cash_movement', entityId: id, details: { session, kind, amountMinor, reason } })
      return session
    })
    return sessionOrFail(ctx.db, sessionId)
  },

  'cash.close': async ({ countedMinor, denominations, note }, ctx) => {
    const staff = signedIn(ctx)
    const { today } = await shopDay(ctx.db, ctx.nowMs)
    const sessionId = await ctx.write(async (trx) => {
      const session = await sessionOrFail(trx, await requireOpen(trx))
      const overShort = countedMinor - session.expectedMinor
      await trx
        .insertInto('cash_closings')
        .values({
          session_id: session.id,
          closed_at_ms: ctx.nowMs,
          business_date: today,
          closed_by_staff_id: staff.id,
          expected_minor: session.expectedMinor,
          counted_minor: countedMinor,
          over_short_minor: overShort,
          denominations_json: denominations ? JSON.stringify(denominations) : null,
          note,
        })
        .execute()
      await appendAudit(trx, { atMs: ctx.nowMs, staffId: staff.id, action: 'cash.close', entity: 'cash_session', entityId: session.id, details: { expectedMinor: session.expectedMinor, countedMinor, overShortMinor: overShort, note } })
      return session.id
    })
    return sessionOrFail(ctx.db, sessionId)
  },

  'cash.status': async (_input, ctx) => {
    const open = await openSessionId(ctx.db)
    const last = await lastClosedSessionId(ctx.db)
    return {
      open: open === undefined ? null : await sessionOrFail(ctx.db, open),
      lastClosed: last === undefined ? null : await sessionOrFail(ctx.db, last),
    }
  },
}

async function requireOpen(db: Executor): Promise<number> {
  const id = await openSessionId(db)
  if (id === undefined) throw new AppError('CONFLICT', 'errors.drawerNotOpen')
  return id
}

async function sessionOrFail(db: Executor, id: number): Promise<CashSessionDto> {
  const session = await loadCashSession(db, id)
  if (!session) throw new Error(`cash session ${id} vanished`)
  return session
}
