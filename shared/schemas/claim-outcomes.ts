import { z } from 'zod'
import { claimOutcomes, syncStatuses } from '../claims'
import { Id, JobId, requiredText, text } from './common'
import { BusinessDate } from './dates'
import { AmountMinor } from './workflow'

// Inputs of what comes back from a manufacturer: an answer on a claim, a remittance paying many
// claims at once; and of the sync outbox that sends batches to the manufacturer's endpoint.

const Limit = z.number({ error: 'validation.limit' }).int({ error: 'validation.limit' }).min(1, { error: 'validation.limit' }).max(200, { error: 'validation.limit' }).default(50)

export const ClaimOutcomeInput = z
  .strictObject({
    id: Id,
    outcome: z.enum(claimOutcomes, { error: 'validation.claimOutcome' }),
    /** Accepted: what the manufacturer approved (default: the amount claimed). */
    approvedMinor: AmountMinor.optional(),
    /** The manufacturer's reference for the claim. */
    reference: text(60).optional(),
    /** Rejected: the manufacturer's reason, as they gave it. */
    reason: text(500).default(''),
    /** The day of the answer; default today. */
    date: BusinessDate.optional(),
    note: text(500).default(''),
  })
  .superRefine((v, ctx) => {
    if (v.outcome === 'rejected' && v.reason === '') ctx.addIssue({ code: 'custom', message: 'validation.rejectionReason', path: ['reason'] })
    if (v.outcome === 'rejected' && v.approvedMinor !== undefined) ctx.addIssue({ code: 'custom', message: 'validation.approvedOnRejection', path: ['approvedMinor'] })
  })

/** A remittance line: money for one claim. Negative only to reverse an earlier line entered in error. */
const RemittanceAmount = z
  .number({ error: 'validation.amount' })
  .int({ error: 'validation.amountFraction' })
  .min(-100_000_000_00, { error: 'validation.amountTooLarge' })
  .max(100_000_000_00, { error: 'validation.amountTooLarge' })
  .refine((v) => v !== 0, { error: 'validation.amountZero' })

export const RemittanceInput = z
  .strictObject({
    manufacturerId: Id,
    /** The manufacturer's remittance advice or bank reference. */
    reference: requiredText(60),
    paidDate: BusinessDate,
    note: text(500).default(''),
    /** Only work out the differences; write nothing. */
    preview: z.boolean({ error: 'validation.boolean' }).default(false),
    lines: z
      .array(z.strictObject({ claimId: Id, amountMinor: RemittanceAmount }), { error: 'validation.remittanceLines' })
      .min(1, { error: 'validation.remittanceLines' })
      .max(5000, { error: 'validation.remittanceLines' }),
  })
  .superRefine((v, ctx) => {
    const at = v.lines.findIndex((l, i) => v.lines.findIndex((m) => m.claimId === l.claimId) !== i)
    if (at >= 0) ctx.addIssue({ code: 'custom', message: 'validation.remittanceClaimRepeated', path: ['lines', at, 'claimId'] })
  })

export const RemittanceListInput = z.strictObject({ manufacturerId: Id.optional(), beforeId: Id.optional(), limit: Limit })

export const BatchSubmittedInput = z.strictObject({
  id: Id,
  /** The portal's or courier's reference for the upload, if any. */
  reference: text(60).default(''),
  note: text(500).default(''),
})

export const ExportProgressInput = z.strictObject({ jobId: JobId })

export const SyncEnqueueInput = z.strictObject({ batchId: Id })

export const SyncStatusInput = z.strictObject({
  statuses: z.array(z.enum(syncStatuses, { error: 'validation.syncStatus' })).max(syncStatuses.length).default([]),
  batchId: Id.optional(),
  beforeId: Id.optional(),
  limit: Limit,
})

export const SyncRetryInput = z.strictObject({ id: Id })

/** A sync endpoint: an absolute http(s) URL; the handler insists on https:// except loopback in tests. */
export const SyncUrl = z
  .string({ error: 'validation.syncUrl' })
  .trim()
  .max(500, { error: 'validation.syncUrl' })
  .refine((v) => {
    try {
      const url = new URL(v)
      return (url.protocol === 'https:' || url.protocol === 'http:') && url.username === '' && url.password === ''
    } catch {
      return false
    }
  }, { error: 'validation.syncUrl' })

/** The API token the manufacturer issued; stored sealed, never shown again. */
export const SyncToken = z.string({ error: 'validation.syncToken' }).trim().min(8, { error: 'validation.syncToken' }).max(500, { error: 'validation.syncToken' }).regex(/^[\x21-\x7e]+$/, { error: 'validation.syncToken' })
