import { createHash } from 'node:crypto'
import type { Kysely, Transaction } from 'kysely'
import type { DB } from '../schema'
import { compiledOnce } from './compiled'

export type Executor = Kysely<DB> | Transaction<DB>

export interface AuditEntry {
  atMs: number
  staffId: number | null
  action: string
  entity: string
  entityId: string | number
  details?: Record<string, unknown>
}

export const genesisHash = '0'.repeat(64)

/** Hash of one audit row, chained to the row before it so an edited or removed row shows. */
export function auditRowHash(prevHash: string, row: { atMs: number; staffId: number | null; action: string; entity: string; entityId: string; detailsJson: string }): string {
  const content = JSON.stringify([row.atMs, row.staffId, row.action, row.entity, row.entityId, row.detailsJson])
  return createHash('sha256').update(prevHash).update('\n').update(content).digest('hex')
}

/** Appends one audit row. Call inside the transaction of the write it records. */
const lastHash = compiledOnce((db) => db.selectFrom('audit_log').select('hash').orderBy('id', 'desc').limit(1))

export async function appendAudit(trx: Executor, entry: AuditEntry): Promise<void> {
  const [last] = await lastHash(trx, [1])
  const prevHash = last?.hash ?? genesisHash
  const row = {
    atMs: entry.atMs,
    staffId: entry.staffId,
    action: entry.action,
    entity: entry.entity,
    entityId: String(entry.entityId),
    detailsJson: JSON.stringify(entry.details ?? {}),
  }
  await trx
    .insertInto('audit_log')
    .values({
      at_ms: row.atMs,
      staff_id: row.staffId,
      action: row.action,
      entity: row.entity,
      entity_id: row.entityId,
      details_json: row.detailsJson,
      prev_hash: prevHash,
      hash: auditRowHash(prevHash, row),
    })
    .execute()
}
