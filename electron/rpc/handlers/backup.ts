import { AppError } from '../../../shared/errors'
import { appendAudit } from '../../../db/ledger/audit'
import { checkFolder, type BackupService } from '../../core/backup-service'
import { signedIn, type HandlerContext, type HandlerMap } from '../context'
import { ownerApproval } from './owner-approval'

// Backups: anyone signed in may make one and see the list (a backup only adds a file); the
// owner sets where and how often, and only the owner restores, typing their PIN again, because a
// restore replaces everything entered since the backup.

function backupsOf(ctx: HandlerContext): BackupService {
  if (!ctx.backups) throw new AppError('CONFLICT', 'errors.restoreUnavailable')
  return ctx.backups
}

export const backupHandlers: Pick<HandlerMap, 'backup.settings' | 'backup.configure' | 'backup.run' | 'backup.list' | 'backup.inspect' | 'backup.restore' | 'backup.progress'> = {
  'backup.settings': async (_input, ctx) => backupsOf(ctx).settingsDto(),

  'backup.configure': async (input, ctx) => {
    const owner = signedIn(ctx)
    // Found out now rather than at tonight's backup.
    if (input.folder) checkFolder(input.folder)
    await ctx.write(async (trx) => {
      await trx
        .updateTable('settings')
        .set({
          ...(input.folder !== undefined && { backup_folder: input.folder }),
          ...(input.dailyAfterHour !== undefined && { backup_daily_after_hour: input.dailyAfterHour }),
          ...(input.keepDaily !== undefined && { backup_keep_daily: input.keepDaily }),
          ...(input.keepMonthly !== undefined && { backup_keep_monthly: input.keepMonthly }),
          updated_at_ms: ctx.nowMs,
        })
        .where('id', '=', 1)
        .execute()
      await appendAudit(trx, { atMs: ctx.nowMs, staffId: owner.id, action: 'backup.configure', entity: 'settings', entityId: 1, details: input })
    })
    return backupsOf(ctx).settingsDto()
  },

  'backup.run': async ({ folder, jobId }, ctx) => {
    const staff = signedIn(ctx)
    const backups = backupsOf(ctx)
    const result = await backups.run('manual', folder, backups.reportProgress(jobId))
    // Only the file's name and size: the audit log never holds what the backup contains.
    await ctx.write((trx) => appendAudit(trx, { atMs: ctx.nowMs, staffId: staff.id, action: 'backup.run', entity: 'backup', entityId: result.name, details: { file: result.file, sizeBytes: result.sizeBytes, durationMs: result.durationMs, removed: result.removed.length } }))
    return result
  },

  'backup.list': async ({ folder }, ctx) => backupsOf(ctx).list(folder),

  'backup.inspect': async ({ file }, ctx) => backupsOf(ctx).inspect(file),

  'backup.restore': async ({ file, pin, jobId }, ctx) => {
    const owner = signedIn(ctx)
    const backups = backupsOf(ctx)
    await ownerApproval(ctx, { staffId: owner.id, pin }, 'backup.restore', [])
    // Recorded in the ledger being replaced (kept aside), then in the restored one.
    await ctx.write((trx) => appendAudit(trx, { atMs: ctx.nowMs, staffId: owner.id, action: 'backup.restore.started', entity: 'backup', entityId: file, details: {} }))
    const result = await backups.restore(file, backups.reportProgress(jobId))
    const restored = backups.currentLedger()
    // The restored ledger's staff may differ: the owner is named, not linked.
    if (restored) await restored.db.transaction().execute((trx) => appendAudit(trx, { atMs: ctx.clock.now(), staffId: null, action: 'backup.restored', entity: 'backup', entityId: file, details: { by: owner.name, keptAsideAs: result.keptAsideAs } }))
    return result
  },

  'backup.progress': async ({ jobId }, ctx) => backupsOf(ctx).progressOf(jobId),
}
