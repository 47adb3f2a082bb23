import { z } from 'zod'
import { claimBatchStatuses } from '../claims'
import { AbsolutePath, Id, JobId, text } from './common'

// Inputs of the batch channels: making a batch of ready claims, listing, reading and exporting one.

export const BatchCreateInput = z
  .strictObject({
    manufacturerId: Id,
    claimIds: z.array(Id, { error: 'validation.batchClaims' }).min(1, { error: 'validation.batchClaims' }).max(5000, { error: 'validation.batchClaims' }),
    note: text(500).default(''),
  })
  .superRefine((v, ctx) => {
    const at = v.claimIds.findIndex((id, i) => v.claimIds.indexOf(id) !== i)
    if (at >= 0) ctx.addIssue({ code: 'custom', message: 'validation.batchClaimRepeated', path: ['claimIds', at] })
  })

export const BatchListInput = z.strictObject({
  statuses: z.array(z.enum(claimBatchStatuses, { error: 'validation.batchStatus' })).max(claimBatchStatuses.length).default([]),
  manufacturerId: Id.optional(),
  beforeId: Id.optional(),
  limit: z.number({ error: 'validation.limit' }).int({ error: 'validation.limit' }).min(1, { error: 'validation.limit' }).max(200, { error: 'validation.limit' }).default(50),
})

export const BatchGetInput = z.strictObject({ id: Id })

export const BatchExportInput = z.strictObject({ id: Id, folder: AbsolutePath('validation.exportFolder'), jobId: JobId.optional() })
