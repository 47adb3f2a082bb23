import { AppError } from '../../../shared/errors'
import { appendAudit } from '../../../db/ledger/audit'
import { findStaff, listStaffChoices, toStaffDto, updateStaffRow } from '../../../db/ledger/staff'
import { signedIn, type HandlerMap } from '../context'

export const authHandlers: Pick<
  HandlerMap,
  'auth.staffChoices' | 'auth.signIn' | 'auth.signOut' | 'auth.current' | 'auth.setLocale'
> = {
  'auth.staffChoices': async (_input, ctx) => listStaffChoices(ctx.db),

  'auth.signIn': async ({ staffId, pin }, ctx) => {
    const staff = await findStaff(ctx.db, staffId)
    if (!staff) throw new AppError('NOT_FOUND', 'errors.staffNotFound')
    if (staff.active !== 1) throw new AppError('FORBIDDEN', 'errors.staffInactive')
    // Counted before the slow check, so parallel guesses are locked out as they arrive.
    const waitMs = ctx.pinGuard.beginAttempt(staffId, ctx.nowMs)
    if (waitMs > 0) throw new AppError('RATE_LIMITED', 'errors.pinLocked', { retryAfterSeconds: Math.ceil(waitMs / 1000) })

    const ok = await ctx.verifyPin(pin, staff.pin_hash)
    await ctx.write((trx) =>
      appendAudit(trx, { atMs: ctx.nowMs, staffId, action: ok ? 'auth.signIn' : 'auth.signInFailed', entity: 'staff', entityId: staffId }),
    )
    if (!ok) {
      throw new AppError('UNAUTHENTICATED', 'errors.wrongPin')
    }
    ctx.pinGuard.recordSuccess(staffId)
    ctx.sessions.set(ctx.clientKey, { staffId, signedInAtMs: ctx.nowMs })
    return { staff: toStaffDto(staff), signedInAtMs: ctx.nowMs }
  },

  'auth.signOut': async (_input, ctx) => {
    if (ctx.staff) {
      const staffId = ctx.staff.id
      await ctx.write((trx) => appendAudit(trx, { atMs: ctx.nowMs, staffId, action: 'auth.signOut', entity: 'staff', entityId: staffId }))
    }
    ctx.sessions.delete(ctx.clientKey)
    return { signedOut: true }
  },

  'auth.current': async (_input, ctx) => {
    const session = ctx.sessions.get(ctx.clientKey)
    if (!ctx.staff || !session) return null
    return { staff: toStaffDto(ctx.staff), signedInAtMs: session.signedInAtMs }
  },

  'auth.setLocale': async ({ locale }, ctx) => {
    const staff = signedIn(ctx)
    const row = await ctx.write(async (trx) => {
      const updated = await updateStaffRow(trx, staff.id, { locale }, ctx.nowMs)
      await appendAudit(trx, {
        atMs: ctx.nowMs,
        staffId: staff.id,
        action: 'auth.setLocale',
        entity: 'staff',
        entityId: staff.id,
        details: { from: staff.locale, to: locale },
      })
      return updated
    })
    return toStaffDto(row)
  },
}
