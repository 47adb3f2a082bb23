import { sql } from 'kysely'
import { claimBatchWireSchema, syncStatuses, type SyncStatus } from '../../shared/claims'
import type { BatchDetailDto } from '../../shared/dto/claim-batches'
import type { OutboxItemDto, SyncAttemptDto, SyncStatusDto } from '../../shared/dto/claim-outcomes'
import { currencyDigits, minorToDecimalString } from '../../shared/money'
import type { ClaimBatchRequest } from '../../shared/sync-wire'
import type { Executor } from './audit'
import { compiledOnce } from './compiled'

// The sync outbox read back for the screen, and the request body a queued batch is sent as
// (built once, from what the batch froze, and stored: every retry sends the same bytes).

export function batchRequestBody(batch: BatchDetailDto): ClaimBatchRequest {
  const money = (minor: number) => minorToDecimalString(minor, currencyDigits(batch.currency))
  return {
    schema: claimBatchWireSchema,
    batch: {
      number: batch.number,
      manufacturer_code: batch.manufacturer.code,
      created_at: new Date(batch.createdAtMs).toISOString(),
      currency: batch.currency,
      claim_count: batch.claimCount,
      totals: { labour: money(batch.labourMinor), parts: money(batch.partsMinor), total: money(batch.totalMinor) },
    },
    claims: batch.claims.map((c) => c.fields as ClaimBatchRequest['claims'][number]),
  }
}

function outboxQuery(db: Executor) {
  return db
    .selectFrom('sync_outbox as o')
    .innerJoin('claim_batches as b', 'b.id', 'o.batch_id')
    .innerJoin('manufacturers as m', 'm.id', 'o.manufacturer_id')
    .select([
      'o.id',
      'o.status',
      'o.idempotency_key',
      'o.attempts',
      'o.next_attempt_at_ms',
      'o.last_error',
      'o.last_http_status',
      'o.ack_json',
      'o.created_at_ms',
      'o.acknowledged_at_ms',
      'b.id as batch_id',
      'b.number as batch_number',
      'b.claim_count',
      'b.total_minor',
      'm.id as manufacturer_id',
      'm.code as manufacturer_code',
      'm.name as manufacturer_name',
    ])
}

type OutboxRow = Awaited<ReturnType<ReturnType<typeof outboxQuery>['executeTakeFirstOrThrow']>>

/**
 * Counts of an acknowledgement, remembered by the batch's Idempotency-Key: an acknowledgement is
 * recorded once and never changes (a trigger sees to it), and the key is unique to its batch in any
 * ledger, so the outbox screen, which refreshes every few seconds, parses each answer only once.
 */
const ackCountsByKey = new Map<string, { received: number; rejected: number }>()

function ackCounts(key: string, ackJson: string | null): OutboxItemDto['acknowledgement'] {
  if (ackJson === null) return null
  const known = ackCountsByKey.get(key)
  if (known) return known
  const ack = JSON.parse(ackJson) as { claims?: { status?: string }[] }
  const claims = ack.claims ?? []
  const counts = { received: claims.filter((c) => c.status === 'received').length, rejected: claims.filter((c) => c.status === 'rejected').length }
  if (ackCountsByKey.size >= 10_000) ackCountsByKey.clear()
  ackCountsByKey.set(key, counts)
  return counts
}

// Compiled once: the outbox screen asks every few seconds.
const attemptsOf = compiledOnce((db) =>
  db.selectFrom('sync_attempts').selectAll().where('outbox_id', 'in', sql<number>`(SELECT value FROM json_each(${'[]'}))`).orderBy('outbox_id').orderBy('attempt'),
)
const countsByStatus = compiledOnce((db) => db.selectFrom('sync_outbox').select(['status', (eb) => eb.fn.countAll<number>().as('n')]).groupBy('status'))

async function historyOf(db: Executor, outboxIds: readonly number[]): Promise<Map<number, SyncAttemptDto[]>> {
  const byOutbox = new Map<number, SyncAttemptDto[]>(outboxIds.map((id) => [id, []]))
  if (outboxIds.length === 0) return byOutbox
  const rows = await attemptsOf(db, [JSON.stringify(outboxIds)])
  for (const r of rows) {
    byOutbox.get(r.outbox_id)?.push({ attempt: r.attempt, startedAtMs: r.started_at_ms, finishedAtMs: r.finished_at_ms, httpStatus: r.http_status, result: r.result, error: r.error })
  }
  return byOutbox
}

function toDto(row: OutboxRow, history: SyncAttemptDto[]): OutboxItemDto {
  return {
    id: row.id,
    batch: { id: row.batch_id, number: row.batch_number, claimCount: row.claim_count, totalMinor: row.total_minor },
    manufacturer: { id: row.manufacturer_id, code: row.manufacturer_code, name: row.manufacturer_name },
    status: row.status,
    idempotencyKey: row.idempotency_key,
    attempts: row.attempts,
    nextAttemptAtMs: row.status === 'queued' ? row.next_attempt_at_ms : null,
    lastError: row.last_error,
    lastHttpStatus: row.last_http_status,
    createdAtMs: row.created_at_ms,
    acknowledgedAtMs: row.acknowledged_at_ms,
    acknowledgement: ackCounts(row.idempotency_key, row.ack_json),
    history,
  }
}

export async function outboxItem(db: Executor, id: number): Promise<OutboxItemDto | undefined> {
  const row = await outboxQuery(db).where('o.id', '=', id).executeTakeFirst()
  if (!row) return undefined
  return toDto(row, (await historyOf(db, [id])).get(id) ?? [])
}

export interface OutboxFilter {
  statuses: readonly SyncStatus[]
  batchId?: number | undefined
  beforeId?: number | undefined
  limit: number
}

/** Newest first, with the counts per status over the whole outbox. */
export async function pageOutbox(db: Executor, filter: OutboxFilter): Promise<SyncStatusDto> {
  let q = outboxQuery(db)
  if (filter.statuses.length > 0) q = q.where('o.status', 'in', [...filter.statuses])
  if (filter.batchId !== undefined) q = q.where('o.batch_id', '=', filter.batchId)
  if (filter.beforeId !== undefined) q = q.where('o.id', '<', filter.beforeId)
  const rows = await q.orderBy('o.id', 'desc').limit(filter.limit + 1).execute()
  const page = rows.slice(0, filter.limit)
  const history = await historyOf(db, page.map((r) => r.id))
  const counted = await countsByStatus(db, [])
  const counts = Object.fromEntries(syncStatuses.map((s) => [s, 0])) as Record<SyncStatus, number>
  for (const c of counted) counts[c.status] = Number(c.n)
  return { items: page.map((r) => toDto(r, history.get(r.id) ?? [])), nextBeforeId: rows.length > filter.limit ? (page.at(-1)?.id ?? null) : null, counts }
}
