import { latestMigration } from '../../db/migrations/index'
import { AppError, type Result } from '../../shared/errors'
import { BackupInspectInput, BackupListInput, BackupProgressInput, BackupRestoreInput } from '../../shared/schemas/backup'
import type { DispatchContext } from '../rpc/context'
import { failure } from '../rpc/dispatch'
import { englishMessage } from '../rpc/messages'
import { toFieldIssues } from '../rpc/zod-issues'

// What the app answers while its ledger is damaged: who it is (and that the ledger is damaged),
// the backups, and a restore. Nothing else: a damaged ledger is never read or written. There is no
// trustworthy staff table to sign in with, so a restore is confirmed with the PIN of an owner of
// the backup being restored.

type DamagedContext = Omit<DispatchContext, 'db'> & { problem: string }

const ownerOfDamaged = 0

export async function damagedCall(channel: string, rawInput: unknown, ctx: DamagedContext): Promise<Result<unknown>> {
  const backups = ctx.backups
  try {
    const input = rawInput === undefined ? {} : rawInput
    switch (channel) {
      case 'app.info':
        return { ok: true, value: { ...ctx.info, schemaVersion: latestMigration, ledger: { state: 'damaged', problem: ctx.problem } } }
      case 'backup.list': {
        const parsed = BackupListInput.safeParse(input)
        if (!parsed.success) return invalid(parsed.error)
        return { ok: true, value: backups!.list(parsed.data.folder) }
      }
      case 'backup.inspect': {
        const parsed = BackupInspectInput.safeParse(input)
        if (!parsed.success) return invalid(parsed.error)
        return { ok: true, value: backups!.inspect(parsed.data.file) }
      }
      case 'backup.progress': {
        const parsed = BackupProgressInput.safeParse(input)
        if (!parsed.success) return invalid(parsed.error)
        return { ok: true, value: backups!.progressOf(parsed.data.jobId) }
      }
      case 'backup.restore': {
        const parsed = BackupRestoreInput.safeParse(input)
        if (!parsed.success) return invalid(parsed.error)
        const nowMs = ctx.clock.now()
        const waitMs = ctx.pinGuard.beginAttempt(ownerOfDamaged, nowMs)
        if (waitMs > 0) throw new AppError('RATE_LIMITED', 'errors.pinLocked', { retryAfterSeconds: Math.ceil(waitMs / 1000) })
        if (!(await isOwnerPinOf(parsed.data.file, parsed.data.pin, ctx))) throw new AppError('FORBIDDEN', 'errors.restoreWrongPin')
        ctx.pinGuard.recordSuccess(ownerOfDamaged)
        return { ok: true, value: await backups!.restore(parsed.data.file, backups!.reportProgress(parsed.data.jobId)) }
      }
      default:
        return failure('CONFLICT', 'errors.ledgerDamaged', { problem: ctx.problem.slice(0, 200) })
    }
  } catch (error) {
    if (error instanceof AppError) return failure(error.code, error.messageKey, error.params, error.issues)
    ctx.log?.(`channel ${channel} failed on a damaged ledger`, error)
    return failure('INTERNAL', 'errors.internal')
  }
}

function invalid(error: Parameters<typeof toFieldIssues>[0]): Result<unknown> {
  return failure('INVALID_INPUT', 'errors.invalidInput', undefined, toFieldIssues(error, englishMessage))
}

/** The PIN matches an active owner of the backup (read from the backup file, never the damaged ledger). */
async function isOwnerPinOf(file: string, pin: string, ctx: DamagedContext): Promise<boolean> {
  let hashes: string[]
  try {
    // Opened with the app's own SQLite build (the Electron one in the desktop app).
    hashes = ctx.backups!.ownerPinHashesOf(file)
  } catch {
    throw new AppError('CONFLICT', 'errors.backupDamaged', { problem: 'unreadable' })
  }
  for (const hash of hashes) if (await ctx.verifyPin(pin, hash)) return true
  return false
}
