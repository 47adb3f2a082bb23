import { z } from 'zod'
import { AbsolutePath, JobId, Pin } from './common'

// Inputs of the backup channels. Paths are typed by the owner (web mode has no folder picker).

/** An absolute path, and never a NUL (which would cut the path short where the file system reads it). */
const PathWithoutNul = (error: string) => AbsolutePath(error).refine((v) => !v.includes('\0'), { error })

export const BackupFolder = PathWithoutNul('validation.backupFolder')
export const BackupFile = PathWithoutNul('validation.backupFile')

const count = (min: number, max: number) =>
  z.number({ error: 'validation.backupKeep' }).int({ error: 'validation.backupKeep' }).min(min, { error: 'validation.backupKeep' }).max(max, { error: 'validation.backupKeep' })

export const BackupConfigureInput = z
  .strictObject({
    /** null: back to the default folder beside the ledger. */
    folder: BackupFolder.nullable().optional(),
    dailyAfterHour: z.number({ error: 'validation.backupHour' }).int({ error: 'validation.backupHour' }).min(0, { error: 'validation.backupHour' }).max(23, { error: 'validation.backupHour' }).optional(),
    keepDaily: count(1, 90).optional(),
    keepMonthly: count(0, 120).optional(),
  })
  .refine((v) => Object.keys(v).length > 0, { error: 'validation.nothingToChange' })

export const BackupRunInput = z.strictObject({ folder: BackupFolder.optional(), jobId: JobId.optional() })

export const BackupListInput = z.strictObject({ folder: BackupFolder.optional() })

export const BackupInspectInput = z.strictObject({ file: BackupFile })

/** The owner types their PIN again to confirm: a restore replaces everything since the backup. */
export const BackupRestoreInput = z.strictObject({ file: BackupFile, pin: Pin, jobId: JobId.optional() })

export const BackupProgressInput = z.strictObject({ jobId: JobId })
