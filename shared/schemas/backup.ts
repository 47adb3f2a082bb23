import { z } from 'zod'
import { Pin } from './common'

// Inputs of the backup channels. Paths are typed by the owner (web mode has no folder picker).

/** An absolute path on this computer (POSIX, drive letter or UNC). */
const AbsolutePath = (error: string) =>
  z
    .string({ error })
    .trim()
    .min(1, { error })
    .max(1000, { error })
    .refine((v) => v.startsWith('/') || /^[A-Za-z]:[\\/]/.test(v) || v.startsWith('\\\\'), { error })
    .refine((v) => !v.includes('\0'), { error })

export const BackupFolder = AbsolutePath('validation.backupFolder')
export const BackupFile = AbsolutePath('validation.backupFile')

const JobId = z.string({ error: 'validation.jobId' }).regex(/^[A-Za-z0-9_-]{8,64}$/, { error: 'validation.jobId' })

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
