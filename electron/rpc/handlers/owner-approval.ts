import { AppError } from '../../../shared/errors'
import { appendAudit } from '../../../db/ledger/audit'
import { findStaff, type StaffRow } from '../../../db/ledger/staff'
import type { HandlerContext } from '../context'
import { fieldError } from './field-error'

/**
 * An owner approves one action at the counter by typing their PIN, whoever is signed in.
 * Checked before the action's transaction (scrypt is slow), with the same lock-out as sign-in.
 * A wrong PIN is FORBIDDEN, not UNAUTHENTICATED: the person signed in stays signed in.
 */
export async function ownerApproval(ctx: HandlerContext, approval: { staffId: number; pin: string }, action: string, path: (string | number)[] = ['approval']): Promise<StaffRow> {
  const approver = await findStaff(ctx.db, approval.staffId)
  if (!approver || approver.active !== 1 || approver.role !== 'owner') throw fieldError([...path, 'staffId'], 'errors.approvalNotOwner', 'FORBIDDEN')
  // Counted before the slow check (see PinGuard.beginAttempt): parallel guesses get no extra tries.
  const waitMs = ctx.pinGuard.beginAttempt(approver.id, ctx.nowMs)
  if (waitMs > 0) throw new AppError('RATE_LIMITED', 'errors.pinLocked', { retryAfterSeconds: Math.ceil(waitMs / 1000) })
  if (!(await ctx.verifyPin(approval.pin, approver.pin_hash))) {
    await ctx.write((trx) => appendAudit(trx, { atMs: ctx.nowMs, staffId: ctx.staff?.id ?? null, action: 'approval.failed', entity: 'staff', entityId: approver.id, details: { action } }))
    throw fieldError([...path, 'pin'], 'errors.approvalWrongPin', 'FORBIDDEN')
  }
  ctx.pinGuard.recordSuccess(approver.id)
  return approver
}
