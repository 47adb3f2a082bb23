import type { SyncAttemptResult, SyncStatus } from '../claims'

/** One claim on a remittance: what was claimed, approved and paid, and how far apart they are. */
export interface RemittanceLineDto {
  claimId: number
  claimNumber: string
  revision: number
  /** The claim's total as sent (the revision being paid). */
  claimedMinor: number
  /** What the manufacturer approved, if it said. */
  approvedMinor: number | null
  paidBeforeMinor: number
  amountMinor: number
  paidAfterMinor: number
  /** paidAfter − (approved, or claimed when nothing was approved): negative = short-paid. */
  differenceMinor: number
}

export interface RemittanceDto {
  /** null for a preview (nothing written). */
  id: number | null
  manufacturer: { id: number; code: string; name: string }
  reference: string
  paidDate: string
  note: string
  totalMinor: number
  /** Σ claimed/approved of the lines, to compare with the total at a glance. */
  claimedMinor: number
  expectedMinor: number
  differenceMinor: number
  enteredBy: string
  atMs: number
  lines: RemittanceLineDto[]
}

export interface RemittancePageDto {
  items: RemittanceDto[]
  nextBeforeId: number | null
}

export interface ExportProgressDto {
  jobId: string
  phase: 'preparing' | 'csv' | 'json' | 'writing' | 'done' | 'failed'
  /** Claims (or files, while writing) done of total. */
  done: number
  total: number
}

export interface SyncAttemptDto {
  attempt: number
  startedAtMs: number
  finishedAtMs: number
  httpStatus: number | null
  result: SyncAttemptResult
  /** What went wrong, in the server's words when it gave any ('' when acknowledged). */
  error: string
}

/** A batch in the outbox, with every attempt to send it. */
export interface OutboxItemDto {
  id: number
  batch: { id: number; number: string; claimCount: number; totalMinor: number }
  manufacturer: { id: number; code: string; name: string }
  status: SyncStatus
  idempotencyKey: string
  attempts: number
  nextAttemptAtMs: number | null
  lastError: string
  lastHttpStatus: number | null
  createdAtMs: number
  acknowledgedAtMs: number | null
  /** Per-claim answer counts once acknowledged. */
  acknowledgement: { received: number; rejected: number } | null
  history: SyncAttemptDto[]
}

export interface SyncStatusDto {
  items: OutboxItemDto[]
  nextBeforeId: number | null
  /** Counts over the whole outbox, for the badge on the claims screen. */
  counts: Record<SyncStatus, number>
}
