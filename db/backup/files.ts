import fs from 'node:fs'
import path from 'node:path'
import type { BackupContentsDto, BackupDto, BackupKind } from '../../shared/dto/backup'

// Backup files in a folder: `repair-ledger-<UTC instant>-<kind>.sqlite3`, each beside a small
// `.json` sidecar saying what it is and what it holds (counts only: never a secret, a PIN hash or a
// customer's details). The folder listing is the truth; a backup copied in by hand without its
// sidecar is still listed (its contents read from the file when asked).

const prefix = 'repair-ledger-'
const pattern = /^repair-ledger-(\d{8}T\d{6}(?:\d{3})?Z)-(manual|daily|monthly|pre-migration|before-restore)\.sqlite3$/

export interface BackupSidecar {
  kind: BackupKind
  createdAtMs: number
  sizeBytes: number
  sha256: string
  contents: BackupContentsDto
}

/** The default folder: beside the ledger, so a fresh install backs up without any setting. */
export function defaultBackupFolder(databasePath: string): string {
  return path.join(path.dirname(path.resolve(databasePath)), 'backups')
}

export function backupFileName(kind: BackupKind, atMs: number): string {
  const stamp = new Date(atMs).toISOString().replace(/[-:]/g, '').replace('.', '')
  return `${prefix}${stamp}-${kind}.sqlite3`
}

export function parseBackupName(name: string): { kind: BackupKind; createdAtMs: number } | null {
  const match = pattern.exec(name)
  if (!match) return null
  const s = match[1]!
  const iso = `${s.slice(0, 4)}-${s.slice(4, 6)}-${s.slice(6, 8)}T${s.slice(9, 11)}:${s.slice(11, 13)}:${s.slice(13, 15)}.${s.length > 16 ? s.slice(15, 18) : '000'}Z`
  return { kind: match[2] as BackupKind, createdAtMs: Date.parse(iso) }
}

export const sidecarOf = (file: string) => `${file}.json`

export function readSidecar(file: string): BackupSidecar | null {
  try {
    return JSON.parse(fs.readFileSync(sidecarOf(file), 'utf8')) as BackupSidecar
  } catch {
    return null
  }
}

/** Backups in a folder, newest first; those without a sidecar carry what their name says. */
export function listBackupFiles(folder: string): { file: string; name: string; kind: BackupKind; createdAtMs: number; sizeBytes: number; sidecar: BackupSidecar | null }[] {
  let names: string[]
  try {
    names = fs.readdirSync(folder)
  } catch {
    return []
  }
  const found = []
  for (const name of names) {
    const parsed = parseBackupName(name)
    if (!parsed) continue
    const file = path.join(folder, name)
    const size = fs.statSync(file, { throwIfNoEntry: false })?.size
    if (size === undefined) continue
    found.push({ file, name, ...parsed, sizeBytes: size, sidecar: readSidecar(file) })
  }
  return found.sort((a, b) => b.createdAtMs - a.createdAtMs || b.name.localeCompare(a.name))
}

export function toBackupDto(entry: ReturnType<typeof listBackupFiles>[number], contents: BackupContentsDto): BackupDto {
  return { file: entry.file, name: entry.name, kind: entry.kind, createdAtMs: entry.createdAtMs, sizeBytes: entry.sizeBytes, contents }
}

/**
 * Which automatic backups to remove: all daily and monthly ones beyond the newest `keepDaily`,
 * except the newest `keepMonthly` monthly ones. Manual, pre-migration and before-restore backups
 * are the owner's to remove.
 */
export function backupsToPrune<T extends { kind: BackupKind; createdAtMs: number }>(entries: readonly T[], keepDaily: number, keepMonthly: number): T[] {
  const automatic = entries.filter((e) => e.kind === 'daily' || e.kind === 'monthly').sort((a, b) => b.createdAtMs - a.createdAtMs)
  const keep = new Set<T>(automatic.slice(0, keepDaily))
  for (const monthly of automatic.filter((e) => e.kind === 'monthly').slice(0, keepMonthly)) keep.add(monthly)
  return automatic.filter((e) => !keep.has(e))
}
