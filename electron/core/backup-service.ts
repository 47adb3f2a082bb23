import fs from 'node:fs'
import Database from 'better-sqlite3'
import os from 'node:os'
import path from 'node:path'
import { businessDateOf } from '../../shared/dates'
import type { BackupDto, BackupKind, BackupProgressDto, BackupRunDto, BackupSettingsDto, RestoreDto } from '../../shared/dto/backup'
import { AppError } from '../../shared/errors'
import type { Ledger } from '../../db/connection'
import { backupLedger, BackupVerifyError, readContents, type Progress } from '../../db/backup/backup'
import { backupsToPrune, defaultBackupFolder, listBackupFiles, sidecarOf, toBackupDto } from '../../db/backup/files'
import { migrations } from '../../db/migrations/index'
import { fieldError as namedFieldError } from '../rpc/handlers/field-error'
import { checkWritableFolder } from '../rpc/handlers/writable-folder'
import type { Clock } from './clock'
import { JobProgress } from './job-progress'

// Backups of the open ledger: on demand, once a day after a set hour, before every migration;
// listed from the folder with what each holds; restored by replacing the ledger file (the current
// one kept aside first). The ledger service owns the connection, so a restore hands it a new one
// through `replaceLedger`.

export interface BackupServiceOptions {
  databasePath: string
  clock: Clock
  nativeBinding?: string
  log?: (message: string, error?: unknown) => void
  /** The open ledger (it changes after a restore). */
  current(): Ledger | null
  /** Closes the current ledger, runs `install` on its path, opens and migrates the result. */
  replaceLedger?(install: () => Promise<void> | void, progress: Progress): Promise<void>
}

interface Settings {
  folder: string | null
  dailyAfterHour: number
  keepDaily: number
  keepMonthly: number
  timeZone: string
}

const hourTickMs = 10 * 60_000

export class BackupService {
  private running: Promise<unknown> | undefined
  private timer: NodeJS.Timeout | undefined
  private readonly progress = new JobProgress<BackupProgressDto>()

  constructor(private readonly options: BackupServiceOptions) {}

  private memoryFolder: string | undefined

  get defaultFolder(): string {
    if (this.options.databasePath !== ':memory:') return defaultBackupFolder(this.options.databasePath)
    // An in-memory ledger (tests) backs up into a temp folder of its own, never shared with another.
    this.memoryFolder ??= fs.mkdtempSync(path.join(os.tmpdir(), 'repair-ledger-memory-backups-'))
    return this.memoryFolder
  }

  /** The settings row's backup columns; the defaults when the ledger has none yet. */
  private settings(): Settings {
    const sqlite = this.options.current()?.sqlite
    const fallback: Settings = { folder: null, dailyAfterHour: 18, keepDaily: 7, keepMonthly: 12, timeZone: 'UTC' }
    if (!sqlite) return fallback
    try {
      const row = sqlite.prepare('SELECT backup_folder, backup_daily_after_hour, backup_keep_daily, backup_keep_monthly, time_zone FROM settings WHERE id = 1').get() as
        | { backup_folder: string | null; backup_daily_after_hour: number; backup_keep_daily: number; backup_keep_monthly: number; time_zone: string }
        | undefined
      if (!row) return fallback
      return { folder: row.backup_folder, dailyAfterHour: row.backup_daily_after_hour, keepDaily: row.backup_keep_daily, keepMonthly: row.backup_keep_monthly, timeZone: row.time_zone }
    } catch {
      // A ledger from before the backup settings (or a damaged one): the defaults.
      return fallback
    }
  }

  /** PIN hashes of the active owners recorded in a backup (to confirm a restore when the ledger itself cannot be trusted). */
  ownerPinHashesOf(file: string): string[] {
    const db = new Database(file, { readonly: true, fileMustExist: true, ...(this.options.nativeBinding && { nativeBinding: this.options.nativeBinding }) })
    try {
      return (db.prepare(`SELECT pin_hash FROM staff WHERE role = 'owner' AND active = 1`).all() as { pin_hash: string }[]).map((r) => r.pin_hash)
    } finally {
      db.close()
    }
  }

  /** The ledger open now (after a restore, the restored one). */
  currentLedger(): Ledger | null {
    return this.options.current()
  }

  folder(): string {
    return this.settings().folder ?? this.defaultFolder
  }

  settingsDto(): BackupSettingsDto {
    const s = this.settings()
    const folder = s.folder ?? this.defaultFolder
    return { folder: s.folder, effectiveFolder: folder, dailyAfterHour: s.dailyAfterHour, keepDaily: s.keepDaily, keepMonthly: s.keepMonthly, lastBackupAtMs: listBackupFiles(folder)[0]?.createdAtMs ?? null }
  }

  reportProgress(jobId: string | undefined): Progress {
    return (phase, done, total) => {
      if (jobId) this.progress.report({ jobId, phase, done, total })
    }
  }

  progressOf(jobId: string): BackupProgressDto | null {
    return this.progress.of(jobId)
  }

  /** One backup or restore at a time: the second waits for the first. */
  private async exclusive<T>(work: () => Promise<T>): Promise<T> {
    while (this.running) await this.running.catch(() => undefined)
    const run = work()
    this.running = run
    try {
      return await run
    } finally {
      if (this.running === run) this.running = undefined
    }
  }

  /** A verified backup in `folder` (default: the configured one), then the retention rule. */
  async run(kind: BackupKind, folder: string | undefined, progress: Progress = () => {}): Promise<BackupRunDto> {
    return this.exclusive(async () => {
      const ledger = this.options.current()
      if (!ledger) throw new AppError('CONFLICT', 'errors.ledgerDamaged')
      const target = folder ?? this.folder()
      if (folder === undefined && target === this.defaultFolder) fs.mkdirSync(target, { recursive: true })
      checkFolder(target)
      removeLeftovers(target)
      const started = Date.now()
      let result
      try {
        result = await backupLedger(ledger.sqlite, target, kind, this.options.clock.now(), progress, this.options.nativeBinding)
      } catch (error) {
        progress('failed', 0, 0)
        if (error instanceof BackupVerifyError) throw new AppError('CONFLICT', 'errors.backupFailedCheck', { problem: error.problem.slice(0, 200) })
        const code = (error as NodeJS.ErrnoException).code
        if (code === 'ENOSPC') throw new AppError('CONFLICT', 'errors.backupDiskFull', { folder: target })
        throw fieldError(['folder'], 'errors.backupFolderNotWritable', { folder: target })
      }
      progress('pruning', 0, 1)
      const s = this.settings()
      const removed = kind === 'daily' || kind === 'monthly' ? this.prune(target, s.keepDaily, s.keepMonthly) : []
      progress('done', 1, 1)
      return { file: result.file, name: result.name, kind, createdAtMs: result.createdAtMs, sizeBytes: result.sizeBytes, contents: result.contents, durationMs: Date.now() - started, removed }
    })
  }

  private prune(folder: string, keepDaily: number, keepMonthly: number): string[] {
    const doomed = backupsToPrune(listBackupFiles(folder), keepDaily, keepMonthly)
    for (const entry of doomed) {
      fs.rmSync(entry.file, { force: true })
      fs.rmSync(sidecarOf(entry.file), { force: true })
    }
    return doomed.map((d) => d.file)
  }

  /** Before a migration changes an existing ledger: a verified backup (the default folder if the configured one is unusable). */
  async beforeMigration(ledger: Ledger): Promise<string> {
    void ledger
    try {
      return (await this.run('pre-migration', undefined)).file
    } catch (error) {
      this.options.log?.('pre-migration backup to the backup folder failed; trying the default folder', error)
      fs.mkdirSync(this.defaultFolder, { recursive: true })
      return (await this.run('pre-migration', this.defaultFolder)).file
    }
  }

  list(folder?: string): { folder: string; items: BackupDto[] } {
    const target = folder ?? this.folder()
    // The default folder appears with the first backup; any other must be there (a stick not plugged in says so).
    if (target !== this.defaultFolder && !fs.statSync(target, { throwIfNoEntry: false })?.isDirectory()) throw fieldError(['folder'], 'errors.backupFolderMissing', { folder: target })
    const items = listBackupFiles(target).map((entry) => toBackupDto(entry, entry.sidecar?.contents ?? this.contentsOrUnknown(entry.file)))
    return { folder: target, items }
  }

  private contentsOrUnknown(file: string) {
    try {
      return readContents(file, false, this.options.nativeBinding)
    } catch (error) {
      return { schemaVersion: 'unknown', shopName: null, tickets: 0, lastTicketNumber: null, payments: 0, lastPaymentAtMs: null, integrity: error instanceof Error ? error.message.slice(0, 200) : 'unreadable' }
    }
  }

  /** What a backup holds, read from the file (full integrity check). */
  inspect(file: string): BackupDto {
    const name = path.basename(file)
    const stat = fs.statSync(file, { throwIfNoEntry: false })
    if (!stat?.isFile()) throw fieldError(['file'], 'errors.backupNotFound', { file })
    const listed = listBackupFiles(path.dirname(file)).find((e) => e.name === name)
    const contents = this.contentsOrUnknown(file)
    const full = contents.schemaVersion === 'unknown' ? contents : { ...contents, integrity: this.fullIntegrity(file) }
    return { file, name, kind: listed?.kind ?? 'manual', createdAtMs: listed?.createdAtMs ?? stat.mtimeMs, sizeBytes: stat.size, contents: full }
  }

  private fullIntegrity(file: string): string {
    try {
      return readContents(file, true, this.options.nativeBinding).integrity
    } catch (error) {
      return error instanceof Error ? error.message.slice(0, 200) : 'unreadable'
    }
  }

  /**
   * Replaces the ledger with the backup: the backup is checked first, the current ledger file is
   * moved aside (never deleted), the backup copied into its place, opened and migrated.
   */
  async restore(file: string, progress: Progress = () => {}): Promise<RestoreDto> {
    const replace = this.options.replaceLedger
    if (!replace || this.options.databasePath === ':memory:') throw new AppError('CONFLICT', 'errors.restoreUnavailable')
    return this.exclusive(async () => {
      const started = Date.now()
      const backup = this.inspect(file)
      if (backup.contents.integrity !== 'ok') throw fieldError(['file'], 'errors.backupDamaged', { problem: backup.contents.integrity })
      if (backup.contents.schemaVersion !== 'none' && !(backup.contents.schemaVersion in migrations)) throw fieldError(['file'], 'errors.backupTooNew', { version: backup.contents.schemaVersion })
      const live = path.resolve(this.options.databasePath)
      const stamp = new Date(this.options.clock.now()).toISOString().replace(/[-:]/g, '').replace('.', '')
      const aside = `${live}.before-restore-${stamp}`
      await replace(() => {
        progress('keeping-aside', 0, 1)
        for (const suffix of ['', '-wal', '-shm']) if (fs.existsSync(live + suffix)) fs.renameSync(live + suffix, aside + suffix)
        progress('restoring', 0, 1)
        const temp = `${live}.restoring`
        fs.copyFileSync(file, temp)
        fs.renameSync(temp, live)
        progress('restoring', 1, 1)
      }, progress)
      progress('done', 1, 1)
      return { restoredFrom: file, keptAsideAs: aside, contents: readContents(live, false, this.options.nativeBinding), durationMs: Date.now() - started }
    })
  }

  /** Once a day, at the first start (or check) at or after the set hour: a daily backup, monthly the first of each month. */
  startDaily(): void {
    const tick = () => {
      this.dailyIfDue().catch((error: unknown) => this.options.log?.('daily backup failed', error))
    }
    tick()
    this.timer = setInterval(tick, hourTickMs)
    this.timer.unref()
  }

  stop(): void {
    if (this.timer) clearInterval(this.timer)
  }

  async dailyIfDue(): Promise<BackupRunDto | null> {
    if (!this.options.current()) return null
    const s = this.settings()
    const now = this.options.clock.now()
    const today = businessDateOf(now, s.timeZone)
    const hour = Number(new Intl.DateTimeFormat('en-GB', { timeZone: s.timeZone, hour: '2-digit', hourCycle: 'h23' }).format(new Date(now)))
    if (hour < s.dailyAfterHour) return null
    const folder = s.folder ?? this.defaultFolder
    const automatic = listBackupFiles(folder).filter((e) => e.kind === 'daily' || e.kind === 'monthly')
    if (automatic.some((e) => businessDateOf(e.createdAtMs, s.timeZone) === today)) return null
    const month = today.slice(0, 7)
    const kind: BackupKind = automatic.some((e) => e.kind === 'monthly' && businessDateOf(e.createdAtMs, s.timeZone).startsWith(month)) ? 'daily' : 'monthly'
    return this.run(kind, undefined)
  }
}

/**
 * Removes half-written backups left by a process that was killed mid-backup (a power cut): their
 * temporary names carry the writer's process id, and only those of processes no longer running go.
 */
export function removeLeftovers(folder: string): string[] {
  const removed: string[] = []
  for (const name of fs.readdirSync(folder)) {
    const match = /^\.repair-ledger-.*\.(\d+)\.partial$/.exec(name)
    if (!match || isRunning(Number(match[1]))) continue
    fs.rmSync(path.join(folder, name), { force: true })
    removed.push(name)
  }
  return removed
}

function isRunning(pid: number): boolean {
  if (pid === process.pid) return true
  try {
    process.kill(pid, 0)
    return true
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM'
  }
}

/** The backup folder exists and can be written to (named in the refusal otherwise). */
export function checkFolder(folder: string): void {
  checkWritableFolder(folder, { missing: 'errors.backupFolderMissing', notWritable: 'errors.backupFolderNotWritable' })
}

/** A refusal naming an input field (CONFLICT: the input was well-formed, the folder or file is not usable). */
function fieldError(pathTo: (string | number)[], messageKey: string, params: Record<string, string>): AppError {
  return namedFieldError(pathTo, messageKey, 'CONFLICT', params)
}
