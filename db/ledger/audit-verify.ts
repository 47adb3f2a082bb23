import type { AuditVerifyDto } from '../../shared/dto/audit'
import { auditRowHash, genesisHash, type Executor } from './audit'

// Walks the audit log's hash chain from the first row: each row must name the hash of the row
// before it, and its own hash must match its content. The first row that does not is reported;
// an edited row breaks its own hash, a removed or inserted row breaks the link of the next.

const pageRows = 5000

export async function verifyAuditChain(db: Executor, checkedAtMs: number): Promise<AuditVerifyDto> {
  let prev = genesisHash
  let afterId = 0
  let checked = 0
  for (;;) {
    const rows = await db.selectFrom('audit_log').selectAll().where('id', '>', afterId).orderBy('id').limit(pageRows).execute()
    for (const row of rows) {
      const broken = (reason: 'link' | 'content'): AuditVerifyDto => ({ ok: false, checked, checkedAtMs, firstBroken: { id: row.id, atMs: row.at_ms, action: row.action, reason } })
      if (row.prev_hash !== prev) return broken('link')
      const expected = auditRowHash(prev, { atMs: row.at_ms, staffId: row.staff_id, action: row.action, entity: row.entity, entityId: row.entity_id, detailsJson: row.details_json })
      if (row.hash !== expected) return broken('content')
      prev = row.hash
      checked++
    }
    if (rows.length < pageRows) return { ok: true, checked, checkedAtMs, firstBroken: null }
    afterId = rows.at(-1)!.id
  }
}
