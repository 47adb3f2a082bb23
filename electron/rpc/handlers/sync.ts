import { randomUUID } from 'node:crypto'
import type { OutboxItemDto } from '../../../shared/dto/claim-outcomes'
import { AppError } from '../../../shared/errors'
import { appendAudit } from '../../../db/ledger/audit'
import { batchDetail } from '../../../db/ledger/claim-batches'
import { batchRequestBody, outboxItem, pageOutbox } from '../../../db/ledger/sync-outbox'
import { signedIn, type HandlerContext, type HandlerMap } from '../context'
import { checkSyncUrl } from './claims-rules'
import { fieldError } from './field-error'

// The sync outbox: a batch queued for its manufacturer's endpoint is sent by the background
// worker (electron/core/sync-worker.ts), never by the call that queues it, so the counter never
// waits on the network. One outbox row per batch and one Idempotency-Key per row, for life.

export const syncHandlers: Pick<HandlerMap, 'sync.enqueue' | 'sync.status' | 'sync.retry'> = {
  'sync.enqueue': async ({ batchId }, ctx) => {
    const staff = signedIn(ctx)
    const id = await ctx.write(async (trx) => {
      const batch = await batchDetail(trx, batchId)
      if (!batch) throw fieldError(['batchId'], 'errors.batchNotFound', 'NOT_FOUND')
      const queued = await trx.selectFrom('sync_outbox').select('id').where('batch_id', '=', batchId).executeTakeFirst()
      if (queued) throw fieldError(['batchId'], 'errors.batchAlreadyQueued', 'CONFLICT', { batch: batch.number })
      if (batch.status !== 'open') throw fieldError(['batchId'], 'errors.batchNotOpen', 'CONFLICT', { batch: batch.number, status: batch.status })
      const maker = await trx.selectFrom('manufacturers').select(['sync_url', 'name']).where('id', '=', batch.manufacturer.id).executeTakeFirstOrThrow()
      if (!maker.sync_url) throw fieldError(['batchId'], 'errors.syncNotConfigured', 'CONFLICT', { manufacturer: maker.name })
      checkSyncUrl(maker.sync_url, ctx.sync?.allowLoopbackHttp ?? false)
      const row = await trx
        .insertInto('sync_outbox')
        .values({
          batch_id: batchId,
          manufacturer_id: batch.manufacturer.id,
          idempotency_key: `${batch.number}-${randomUUID()}`,
          payload_json: JSON.stringify(batchRequestBody(batch)),
          status: 'queued',
          next_attempt_at_ms: ctx.nowMs,
          last_http_status: null,
          ack_json: null,
          created_by_staff_id: staff.id,
          created_at_ms: ctx.nowMs,
          updated_at_ms: ctx.nowMs,
          acknowledged_at_ms: null,
        })
        .returning('id')
        .executeTakeFirstOrThrow()
      await appendAudit(trx, { atMs: ctx.nowMs, staffId: staff.id, action: 'sync.enqueue', entity: 'claim_batch', entityId: batchId, details: { outboxId: row.id, batch: batch.number } })
      return row.id
    })
    ctx.sync?.wake()
    return itemOrFail(ctx, id)
  },

  'sync.status': async (filter, ctx) => pageOutbox(ctx.db, filter),

  /** A failed (or waiting) batch is tried again now, under the same key with the same body. */
  'sync.retry': async ({ id }, ctx) => {
    const staff = signedIn(ctx)
    await ctx.write(async (trx) => {
      const row = await trx.selectFrom('sync_outbox').select(['status', 'batch_id']).where('id', '=', id).executeTakeFirst()
      if (!row) throw new AppError('NOT_FOUND', 'errors.outboxItemNotFound')
      if (row.status === 'acknowledged' || row.status === 'sending') throw new AppError('CONFLICT', 'errors.outboxNotRetryable', { status: row.status })
      await trx.updateTable('sync_outbox').set({ status: 'queued', next_attempt_at_ms: ctx.nowMs, updated_at_ms: ctx.nowMs }).where('id', '=', id).execute()
      await appendAudit(trx, { atMs: ctx.nowMs, staffId: staff.id, action: 'sync.retry', entity: 'claim_batch', entityId: row.batch_id, details: { outboxId: id, from: row.status } })
    })
    ctx.sync?.wake()
    return itemOrFail(ctx, id)
  },
}

async function itemOrFail(ctx: HandlerContext, id: number): Promise<OutboxItemDto> {
  const item = await outboxItem(ctx.db, id)
  if (!item) throw new AppError('NOT_FOUND', 'errors.outboxItemNotFound')
  return item
}
