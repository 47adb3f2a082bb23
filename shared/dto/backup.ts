/** Why a backup was made. */
export type BackupKind = 'manual' | 'daily' | 'monthly' | 'pre-migration' | 'before-restore'

/** What a backup holds, read from the backup file itself. */
export interface BackupContentsDto {
  /** The last migration applied in it. */
  schemaVersion: string
  shopName: string | null
  tickets: number
  lastTicketNumber: string | null
  payments: number
  lastPaymentAtMs: number | null
  /** `ok`, or SQLite's first complaint from its integrity check. */
  integrity: string
}

export interface BackupDto {
  /** Full path of the backup file. */
  file: string
  name: string
  kind: BackupKind
  createdAtMs: number
  sizeBytes: number
  contents: BackupContentsDto
}

export interface BackupSettingsDto {
  /** Where backups go (a USB stick, a network share); null = the default folder beside the ledger. */
  folder: string | null
  /** The folder actually used. */
  effectiveFolder: string
  /** The daily backup runs at the first start (or the first hour tick) at or after this local hour. */
  dailyAfterHour: number
  /** How many daily and monthly backups are kept; older ones are removed after a new one is verified. */
  keepDaily: number
  keepMonthly: number
  lastBackupAtMs: number | null
}

export interface BackupListDto {
  folder: string
  items: BackupDto[]
}

export interface BackupRunDto extends BackupDto {
  durationMs: number
  /** Older backups removed by the retention rule after this one was verified. */
  removed: string[]
}

export interface RestoreDto {
  restoredFrom: string
  /** The ledger as it was before the restore, kept beside it. */
  keptAsideAs: string
  contents: BackupContentsDto
  durationMs: number
}

export interface BackupProgressDto {
  jobId: string
  phase: 'copying' | 'verifying' | 'pruning' | 'keeping-aside' | 'restoring' | 'migrating' | 'done' | 'failed'
  /** Pages (copying, restoring) or steps done of total. */
  done: number
  total: number
}

/** Whether the ledger opened healthy; a damaged one is never used silently. */
export type LedgerHealthDto = { state: 'ok' } | { state: 'damaged'; problem: string }
