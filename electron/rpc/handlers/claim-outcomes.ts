import { payableClaimStatuses } from '../../../shared/claims'
import type { RemittanceDto } from '../../../shared/dto/claim-outcomes'
import { AppError } from '../../../shared/errors'
import { appendAudit } from '../../../db/ledger/audit'
import { findManufacturer } from '../../../db/ledger/catalog'
import { acceptClaim, closeBatchIfDone, ensureSubmitted, latestBatchOf, payClaim, rejectClaim } from '../../../db/ledger/claim-lifecycle'
import { findClaim } from '../../../db/ledger/claims'
import { pageRemittances, remittanceDetail } from '../../../db/ledger/remittances'
import { signedIn, type HandlerMap } from '../context'
import { claimDetailOrFail } from './claims'
import { fieldError } from './field-error'
import { shopDay } from './shop-day'

// What the manufacturer answers and pays. Staff work: the clerk who sends claims also reads the
// manufacturer's answers and remittance advice. Each write is one transaction with one audit row.

/** Thrown to roll a preview back after it has worked everything out exactly as a real write would. */
class PreviewDone extends Error {
  constructor(readonly remittance: RemittanceDto) {
    super('preview')
  }
}

export const claimOutcomeHandlers: Pick<HandlerMap, 'claims.recordOutcome' | 'claims.recordPayment' | 'claims.remittances'> = {
  /** Accepted (with the amount approved) or rejected (with the reason), on a claim sent or batched. */
  'claims.recordOutcome': async (input, ctx) => {
    const staff = signedIn(ctx)
    const { today } = await shopDay(ctx.db, ctx.nowMs)
    const date = input.date ?? today
    if (date > today) throw fieldError(['date'], 'errors.claimDateInFuture')
    await ctx.write(async (trx) => {
      const found = await findClaim(trx, input.id)
      if (!found) throw new AppError('NOT_FOUND', 'errors.claimNotFound')
      if (found.status !== 'batched' && found.status !== 'submitted') {
        throw new AppError('CONFLICT', 'errors.claimNotAwaitingAnswer', { claim: found.number, status: found.status })
      }
      const step = { atMs: ctx.nowMs, staffId: staff.id, date, note: input.note }
      const claim = await ensureSubmitted(trx, found, step)
      const after =
        input.outcome === 'accepted'
          ? await acceptClaim(trx, claim, input.approvedMinor ?? claim.total_minor, input.reference, step)
          : await rejectClaim(trx, claim, input.reason, input.reference, step)
      const batch = await latestBatchOf(trx, claim.id)
      if (batch) await closeBatchIfDone(trx, batch.id, ctx.nowMs)
      await appendAudit(trx, {
        atMs: ctx.nowMs,
        staffId: staff.id,
        action: 'claims.recordOutcome',
        entity: 'claim',
        entityId: claim.id,
        details: { outcome: input.outcome, date, revision: claim.revision, approvedMinor: after.approved_minor, reason: input.reason, reference: input.reference ?? null },
      })
    })
    return claimDetailOrFail(ctx, input.id)
  },

  /**
   * A remittance: one payment advice covering many claims of one manufacturer. A preview works
   * out every line exactly as the real entry would (in a transaction rolled back), so the
   * differences the clerk confirms are the ones that will be kept.
   */
  'claims.recordPayment': async (input, ctx) => {
    const staff = signedIn(ctx)
    const { today } = await shopDay(ctx.db, ctx.nowMs)
    if (input.paidDate > today) throw fieldError(['paidDate'], 'errors.claimDateInFuture')
    try {
      const id = await ctx.write(async (trx) => {
        const maker = await findManufacturer(trx, input.manufacturerId)
        if (!maker) throw fieldError(['manufacturerId'], 'errors.manufacturerNotFound', 'NOT_FOUND')
        const used = await trx.selectFrom('claim_remittances').select('id').where('manufacturer_id', '=', maker.id).where('reference', '=', input.reference).executeTakeFirst()
        if (used) throw fieldError(['reference'], 'errors.remittanceReferenceUsed', 'CONFLICT', { reference: input.reference })
        const claims = []
        for (const [index, line] of input.lines.entries()) {
          const claim = await findClaim(trx, line.claimId)
          const at = ['lines', index, 'claimId']
          if (!claim) throw fieldError(at, 'errors.remittanceClaimNotFound', 'NOT_FOUND', { line: index + 1 })
          if (claim.manufacturer_id !== maker.id) throw fieldError(at, 'errors.remittanceClaimOtherManufacturer', 'CONFLICT', { claim: claim.number, line: index + 1, manufacturer: maker.name })
          if (!payableClaimStatuses.includes(claim.status)) throw fieldError(at, 'errors.remittanceClaimNotPayable', 'CONFLICT', { claim: claim.number, line: index + 1, status: claim.status })
          if (claim.paid_minor + line.amountMinor < 0) throw fieldError(['lines', index, 'amountMinor'], 'errors.remittanceReversalTooLarge', 'CONFLICT', { claim: claim.number, line: index + 1, paid: claim.paid_minor })
          claims.push(claim)
        }
        const total = input.lines.reduce((sum, l) => sum + l.amountMinor, 0)
        const remittance = await trx
          .insertInto('claim_remittances')
          .values({ manufacturer_id: maker.id, reference: input.reference, paid_date: input.paidDate, note: input.note, line_count: input.lines.length, total_minor: total, staff_id: staff.id, at_ms: ctx.nowMs })
          .returning('id')
          .executeTakeFirstOrThrow()
        const step = { atMs: ctx.nowMs, staffId: staff.id, date: input.paidDate, note: input.note }
        const batches = new Set<number>()
        for (const [index, line] of input.lines.entries()) {
          const claim = await ensureSubmitted(trx, claims[index]!, step)
          await trx.insertInto('claim_payments').values({ remittance_id: remittance.id, claim_id: claim.id, claim_revision: claim.revision, amount_minor: line.amountMinor, at_ms: ctx.nowMs }).execute()
          await payClaim(trx, claim, { remittanceId: remittance.id, reference: input.reference, amountMinor: line.amountMinor }, step)
          const batch = await latestBatchOf(trx, claim.id)
          if (batch) batches.add(batch.id)
        }
        for (const batchId of batches) await closeBatchIfDone(trx, batchId, ctx.nowMs)
        const detail = await remittanceDetail(trx, remittance.id)
        if (!detail) throw new Error('remittance vanished')
        if (input.preview) throw new PreviewDone({ ...detail, id: null })
        await appendAudit(trx, {
          atMs: ctx.nowMs,
          staffId: staff.id,
          action: 'claims.recordPayment',
          entity: 'claim_remittance',
          entityId: remittance.id,
          details: { manufacturerId: maker.id, reference: input.reference, paidDate: input.paidDate, totalMinor: total, lines: input.lines },
        })
        return remittance.id
      })
      const detail = await remittanceDetail(ctx.db, id)
      if (!detail) throw new Error('remittance vanished')
      return detail
    } catch (error) {
      if (error instanceof PreviewDone) return error.remittance
      throw error
    }
  },

  'claims.remittances': async (filter, ctx) => pageRemittances(ctx.db, filter),
}
