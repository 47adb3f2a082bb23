/** The audit log's hash chain, walked from its first row. */
export interface AuditVerifyDto {
  ok: boolean
  /** Rows whose link and content were checked and found whole (before the first broken one). */
  checked: number
  checkedAtMs: number
  /** The first row whose link to the row before (`link`: a row removed, inserted or reordered) or own content (`content`: edited) does not hold. */
  firstBroken: { id: number; atMs: number; action: string; reason: 'link' | 'content' } | null
}
