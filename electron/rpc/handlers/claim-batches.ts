import { randomBytes } from 'node:crypto'
import { mkdir, rename, rm, stat, writeFile } from 'node:fs/promises'
import path from 'node:path'
import { sql } from 'kysely'
import { hasErrors } from '../../../shared/claim-validation'
import { batchNumberOf } from '../../../shared/claims'
import type { BatchDetailDto, BatchExportDto } from '../../../shared/dto/claim-batches'
import { AppError } from '../../../shared/errors'
import { appendAudit } from '../../../db/ledger/audit'
import { batchDetail, exportFieldsOf, nextBatchSequence, openBatchesOf, pageBatches } from '../../../db/ledger/claim-batches'
import { batchExportFiles, sha256, type ExportFile } from '../../../db/ledger/claim-export'
import { submitBatch } from '../../../db/ledger/claim-lifecycle'
import type { ExportProgressDto } from '../../../shared/dto/claim-outcomes'
import { JobProgress } from '../../core/job-progress'
import { appendClaimEvents, claimLineRows, claimViews } from '../../../db/ledger/claims'
import { claimSummaries } from '../../../db/ledger/claims-view'
import { groupBy } from '../../../db/ledger/group-by'
import { findManufacturer } from '../../../db/ledger/catalog'
import { signedIn, type HandlerContext, type HandlerMap } from '../context'
import { fieldError } from './field-error'
import { checkWritableFolder } from './writable-folder'
import { shopDay } from './shop-day'

// Batches of ready claims, and their export to files. Staff work, like the claims themselves.
// A batch freezes its claims (status batched, an event each), the manufacturer's export profile
// and each claim's exported fields, all in one transaction with one audit row.

/** Long exports report here while they run; the screen polls batches.exportProgress. */
const exportProgress = new JobProgress<ExportProgressDto>()

export const batchHandlers: Pick<HandlerMap, 'batches.create' | 'batches.list' | 'batches.get' | 'batches.export' | 'batches.exportProgress' | 'batches.markSubmitted'> = {
  'batches.create': async ({ manufacturerId, claimIds, note }, ctx) => {
    const staff = signedIn(ctx)
    const { today } = await shopDay(ctx.db, ctx.nowMs)
    const id = await ctx.write(async (trx) => {
      const maker = await findManufacturer(trx, manufacturerId)
      if (!maker) throw fieldError(['manufacturerId'], 'errors.manufacturerNotFound', 'NOT_FOUND')
      const rows = new Map((await claimViews(trx, claimIds)).map((r) => [r.id, r]))
      const open = await openBatchesOf(trx, claimIds)
      // Checked again now: a rule, code list or date may have changed since the claim was made ready.
      const problems = new Map((await claimSummaries(trx, claimIds, today)).map((s) => [s.id, s.problems]))
      for (const [index, claimId] of claimIds.entries()) {
        const line = index + 1
        const row = rows.get(claimId)
        if (!row) throw fieldError(['claimIds', index], 'errors.batchClaimNotFound', 'NOT_FOUND', { line })
        if (row.manufacturer_id !== manufacturerId) throw fieldError(['claimIds', index], 'errors.batchClaimOtherManufacturer', 'CONFLICT', { claim: row.number, line, manufacturer: row.manufacturer_name })
        const batch = open.get(claimId)
        if (batch !== undefined) throw fieldError(['claimIds', index], 'errors.batchClaimInOpenBatch', 'CONFLICT', { claim: row.number, line, batch })
        if (row.status !== 'ready') throw fieldError(['claimIds', index], 'errors.batchClaimNotReady', 'CONFLICT', { claim: row.number, line, status: row.status })
        const found = problems.get(claimId) ?? []
        if (hasErrors(found)) throw fieldError(['claimIds', index], 'errors.batchClaimInvalid', 'CONFLICT', { claim: row.number, line, count: found.filter((p) => p.severity === 'error').length })
      }

      const settings = await trx.selectFrom('settings').select('currency').where('id', '=', 1).executeTakeFirstOrThrow()
      const lines = await claimLineRows(trx, claimIds)
      const ordered = claimIds.map((claimId) => rows.get(claimId)!)
      const sum = (pick: (r: (typeof ordered)[number]) => number) => ordered.reduce((total, r) => total + pick(r), 0)
      const number = batchNumberOf(maker.code, await nextBatchSequence(trx, manufacturerId))
      const batch = await trx
        .insertInto('claim_batches')
        .values({
          number,
          manufacturer_id: manufacturerId,
          manufacturer_code: maker.code,
          manufacturer_name: maker.name,
          status: 'open',
          currency: settings.currency,
          claim_count: ordered.length,
          labour_minor: sum((r) => r.labour_minor),
          parts_minor: sum((r) => r.parts_minor),
          total_minor: sum((r) => r.total_minor),
          export_profile_json: maker.export_profile_json,
          note,
          created_by_staff_id: staff.id,
          created_at_ms: ctx.nowMs,
          updated_at_ms: ctx.nowMs,
        })
        .returning('id')
        .executeTakeFirstOrThrow()
      // In bulk: a batch may hold thousands of claims (one statement per claim took seconds).
      const linesOf = groupBy(lines, (l) => l.claim_id)
      const items = ordered.map((row, position) => ({
        batch_id: batch.id,
        position,
        claim_id: row.id,
        claim_revision: row.revision,
        labour_minor: row.labour_minor,
        parts_minor: row.parts_minor,
        total_minor: row.total_minor,
        fields_json: JSON.stringify(exportFieldsOf(row, linesOf.get(row.id) ?? [], settings.currency)),
      }))
      for (let at = 0; at < items.length; at += 500) await trx.insertInto('claim_batch_items').values(items.slice(at, at + 500)).execute()
      await trx
        .updateTable('claims')
        .set({ status: 'batched', updated_at_ms: ctx.nowMs })
        .where('id', 'in', sql<number>`(SELECT value FROM json_each(${JSON.stringify(claimIds)}))`)
        .execute()
      await appendClaimEvents(
        trx,
        ordered.map((row) => ({ claimId: row.id, atMs: ctx.nowMs, staffId: staff.id, kind: 'batched', fromStatus: 'ready' as const, toStatus: 'batched' as const, revision: row.revision, data: { batch: number, batchId: batch.id } })),
      )
      await appendAudit(trx, {
        atMs: ctx.nowMs,
        staffId: staff.id,
        action: 'batches.create',
        entity: 'claim_batch',
        entityId: batch.id,
        details: { number, manufacturerId, claimIds, totalMinor: sum((r) => r.total_minor) },
      })
      return batch.id
    })
    return detailOrFail(ctx, id)
  },

  'batches.list': async (filter, ctx) => pageBatches(ctx.db, filter),

  'batches.get': async ({ id }, ctx) => detailOrFail(ctx, id),

  /**
   * Writes the batch's files into <folder>/<batch number>/: each to a temporary name, then renamed,
   * so a reader never sees half a file; on any failure the temporary files are removed.
   */
  'batches.export': async ({ id, folder, jobId }, ctx) => {
    const staff = signedIn(ctx)
    const report = (phase: ExportProgressDto['phase'], done: number, total: number) => {
      if (jobId) exportProgress.report({ jobId, phase, done, total })
    }
    report('preparing', 0, 0)
    try {
      const batch = await detailOrFail(ctx, id)
      checkWritableFolder(folder, { missing: 'errors.exportFolderMissing', notWritable: 'errors.exportFolderNotWritable' })
      const files = await batchExportFiles(batch, report)
      const target = path.join(folder, batch.number)
      report('writing', 0, files.length)
      await writeAll(folder, target, files)
      report('done', files.length, files.length)
      return await recordExport(ctx, staff.id, batch, target, files)
    } catch (error) {
      report('failed', 0, 0)
      throw error
    }
  },

  'batches.exportProgress': async ({ jobId }) => exportProgress.of(jobId),

  /** The clerk uploaded the batch's files to the manufacturer's portal (or posted them) by hand. */
  'batches.markSubmitted': async ({ id, reference, note }, ctx) => {
    const staff = signedIn(ctx)
    const { today } = await shopDay(ctx.db, ctx.nowMs)
    await ctx.write(async (trx) => {
      const batch = await trx.selectFrom('claim_batches').select(['id', 'number', 'status']).where('id', '=', id).executeTakeFirst()
      if (!batch) throw new AppError('NOT_FOUND', 'errors.batchNotFound')
      const queued = await trx.selectFrom('sync_outbox').select('status').where('batch_id', '=', id).executeTakeFirst()
      if (queued && queued.status !== 'failed') throw new AppError('CONFLICT', 'errors.batchQueuedForSync', { batch: batch.number })
      if (!(await submitBatch(trx, id, { atMs: ctx.nowMs, staffId: staff.id, date: today, note, reference }))) {
        throw new AppError('CONFLICT', 'errors.batchNotOpen', { batch: batch.number, status: batch.status })
      }
      await appendAudit(trx, { atMs: ctx.nowMs, staffId: staff.id, action: 'batches.markSubmitted', entity: 'claim_batch', entityId: id, details: { number: batch.number, reference, note } })
    })
    return detailOrFail(ctx, id)
  },
}

async function recordExport(ctx: HandlerContext, staffId: number, batch: BatchDetailDto, target: string, files: readonly ExportFile[]): Promise<BatchExportDto> {
  {
    const listed = files.map((f) => ({ name: f.name, bytes: f.content.length, sha256: sha256(f.content) }))
    await ctx.write((trx) => appendAudit(trx, { atMs: ctx.nowMs, staffId, action: 'batches.export', entity: 'claim_batch', entityId: batch.id, details: { folder: target, files: listed } }))
    return { batchId: batch.id, number: batch.number, folder: target, files: listed }
  }
}

async function detailOrFail(ctx: HandlerContext, id: number): Promise<BatchDetailDto> {
  const detail = await batchDetail(ctx.db, id)
  if (!detail) throw new AppError('NOT_FOUND', 'errors.batchNotFound')
  return detail
}

async function writeAll(folder: string, target: string, files: readonly { name: string; content: Buffer }[]): Promise<void> {
  const existed = await stat(target).then((s) => s.isDirectory(), () => false)
  const temps: string[] = []
  let created = false
  try {
    if (!existed) {
      await mkdir(target)
      created = true
    }
    const tag = randomBytes(6).toString('hex')
    for (const file of files) {
      const temp = path.join(target, `.${file.name}.${tag}.tmp`)
      temps.push(temp)
      await writeFile(temp, file.content, { flag: 'wx' })
    }
    // Data files first, the manifest last: a manifest present means its files are complete.
    for (const [index, file] of files.entries()) await rename(temps[index]!, path.join(target, file.name))
  } catch (error) {
    await Promise.all(temps.map((t) => rm(t, { force: true })))
    // Only a folder this export made is removed; whatever was there before is left as it was.
    if (created) await rm(target, { recursive: true, force: true }).catch(() => undefined)
    const code = (error as NodeJS.ErrnoException).code
    if (code === 'EACCES' || code === 'EPERM' || code === 'EROFS') throw fieldError(['folder'], 'errors.exportFolderNotWritable', 'CONFLICT', { folder })
    throw fieldError(['folder'], 'errors.exportFailed', 'CONFLICT', { folder })
  }
}
