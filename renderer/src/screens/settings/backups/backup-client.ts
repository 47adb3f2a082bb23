import type { QueryClient } from '@tanstack/react-query'
import { useEffect, useState } from 'react'
import type { BackupProgressDto } from '../../../../../shared/dto/backup'
import { RpcFailure, type RpcClient } from '../../../api'
import { clientStateRoot } from '../../../client-state'

// What the backup screens share (Settings → Backups and the damaged-ledger screen): query keys,
// job ids, progress polling, number formats, PIN refusals and the reload after a restore.

export const backupKeys = {
  root: ['backups'] as const,
  settings: ['backups', 'settings'] as const,
  list: (folder: string | null) => ['backups', 'list', folder] as const,
  inspect: (file: string) => ['backups', 'inspect', file] as const,
}

/** How often a running backup or restore is asked how far it has got. */
export const backupPollMs = 250

/** A job id the ledger accepts ([A-Za-z0-9_-]{8,64}), fresh for every run. */
export function newJobId(prefix: 'backup' | 'restore'): string {
  const bytes = new Uint8Array(12)
  globalThis.crypto.getRandomValues(bytes)
  return `${prefix}-${Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('')}`
}

/** While `active`, asks `backup.progress` every 250 ms; the last answer (null before the first). */
export function useBackupProgress(client: RpcClient, jobId: string | null, active: boolean): BackupProgressDto | null {
  const [progress, setProgress] = useState<BackupProgressDto | null>(null)
  useEffect(() => {
    setProgress(null)
    if (!active || !jobId) return
    let stopped = false
    const poll = async () => {
      try {
        const next = await client.call('backup.progress', { jobId })
        if (!stopped && next) setProgress(next)
      } catch {
        // Progress is a courtesy: the job's own answer says how it ended.
      }
    }
    void poll()
    const timer = window.setInterval(() => void poll(), backupPollMs)
    return () => {
      stopped = true
      window.clearInterval(timer)
    }
  }, [client, jobId, active])
  return progress
}

/** The time zone of this computer: the damaged screen has no shop settings to read one from. */
export function localTimeZone(): string {
  return Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC'
}

/** "12.4 MB"-like text. */
export function formatBytes(bytes: number, locale: string): string {
  const units = ['byte', 'kilobyte', 'megabyte', 'gigabyte'] as const
  let value = bytes
  let unit = 0
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024
    unit++
  }
  return new Intl.NumberFormat(locale, { style: 'unit', unit: units[unit], unitDisplay: 'short', maximumFractionDigits: unit === 0 ? 0 : 1 }).format(value)
}

/** "2.3 s"-like text. */
export function formatDuration(ms: number, locale: string): string {
  return new Intl.NumberFormat(locale, { style: 'unit', unit: 'second', unitDisplay: 'short', maximumFractionDigits: 1 }).format(ms / 1000)
}

/** A refused PIN (wrong, not an owner of the backup, or too many tries): shown at the PIN field. */
export function isPinRefusal(error: unknown): boolean {
  if (!(error instanceof RpcFailure)) return false
  return pinRefusals.has(error.error.messageKey) || (error.error.issues ?? []).some((issue) => issue.path[0] === 'pin')
}

const pinRefusals = new Set(['errors.wrongPin', 'errors.approvalWrongPin', 'errors.restoreWrongPin', 'errors.pinLocked'])

/**
 * The moment a restore succeeds, everything cached describes the old ledger: it is marked stale
 * (not refetched yet, so the result stays on screen) and the old ledger's screen state dropped.
 */
export function markStaleAfterRestore(queryClient: QueryClient): void {
  queryClient.removeQueries({ queryKey: [clientStateRoot] })
  void queryClient.invalidateQueries({ refetchType: 'none' })
}

/**
 * After a restore everything the app holds describes the old ledger: screen state is dropped and
 * every query asked again. If the session did not survive (the restored ledger's staff may
 * differ), the session query answers null and the sign-in screen appears.
 */
export async function reloadAfterRestore(queryClient: QueryClient): Promise<void> {
  queryClient.removeQueries({ queryKey: [clientStateRoot] })
  await queryClient.invalidateQueries()
}
