import { hasErrors } from '../../../shared/claim-validation'
import { isEditableClaim, type ClaimStatus } from '../../../shared/claims'
import type { ClaimDetailDto } from '../../../shared/dto/claims'
import { AppError } from '../../../shared/errors'
import { appendAudit } from '../../../db/ledger/audit'
import { appendClaimEvent, findClaim, pageClaimIds } from '../../../db/ledger/claims'
import { claimDetail, claimSummaries, problemsOfClaim } from '../../../db/ledger/claims-view'
import { signedIn, type HandlerContext, type HandlerMap } from '../context'
import { editClaim } from './claims-edit'
import { shopDay } from './shop-day'

// Claims are staff work: the counter technician knows the device, codes and parts best, and the
// claims clerk is often not the owner. Every change is an event and an audit row naming who.

export const claimHandlers: Pick<HandlerMap, 'claims.list' | 'claims.get' | 'claims.update' | 'claims.validate'> = {
  'claims.list': async (filter, ctx) => {
    const { today } = await shopDay(ctx.db, ctx.nowMs)
    const page = await pageClaimIds(ctx.db, filter)
    return { items: await claimSummaries(ctx.db, page.ids, today), nextBeforeId: page.nextBeforeId }
  },

  'claims.get': async ({ id }, ctx) => claimDetailOrFail(ctx, id),

  'claims.update': async (input, ctx) => {
    await ctx.write((trx) => editClaim(trx, ctx, input))
    return claimDetailOrFail(ctx, input.id)
  },

  /**
   * Checks a draft or ready claim: with no errors it is ready (warnings allowed), otherwise draft
   * with every problem listed. A rejected claim is only checked: it becomes a draft of its next
   * revision when it is corrected (claims.update).
   */
  'claims.validate': async ({ id }, ctx) => {
    const staff = signedIn(ctx)
    const { today } = await shopDay(ctx.db, ctx.nowMs)
    await ctx.write(async (trx) => {
      const claim = await findClaim(trx, id)
      if (!claim) throw new AppError('NOT_FOUND', 'errors.claimNotFound')
      if (!isEditableClaim(claim.status)) throw new AppError('CONFLICT', 'errors.claimNotEditable', { claim: claim.number, status: claim.status })
      if (claim.status === 'rejected') return
      const problems = await problemsOfClaim(trx, id, today)
      const to: ClaimStatus = hasErrors(problems) ? 'draft' : 'ready'
      if (to === claim.status) return
      await trx.updateTable('claims').set({ status: to, updated_at_ms: ctx.nowMs }).where('id', '=', id).execute()
      const data = { problems: problems.map((p) => ({ code: p.code, severity: p.severity, field: p.field.join('.') })) }
      await appendClaimEvent(trx, { claimId: id, atMs: ctx.nowMs, staffId: staff.id, kind: 'validated', fromStatus: claim.status, toStatus: to, revision: claim.revision, data })
      await appendAudit(trx, { atMs: ctx.nowMs, staffId: staff.id, action: 'claims.validate', entity: 'claim', entityId: id, details: { from: claim.status, to, ...data } })
    })
    return claimDetailOrFail(ctx, id)
  },
}

/** A claim as the screens see it today (its problems checked against today's date). */
export async function claimDetailOrFail(ctx: HandlerContext, id: number): Promise<ClaimDetailDto> {
  const { today } = await shopDay(ctx.db, ctx.nowMs)
  const detail = await claimDetail(ctx.db, id, today)
  if (!detail) throw new AppError('NOT_FOUND', 'errors.claimNotFound')
  return detail
}
