import { createHash } from 'node:crypto'
import fs from 'node:fs'
import path from 'node:path'
import Database from 'better-sqlite3'
import type { BackupContentsDto, BackupKind, BackupProgressDto } from '../../shared/dto/backup'
import { backupFileName, sidecarOf, type BackupSidecar } from './files'

// Online backups with SQLite's backup API: pages are copied a step at a time between turns of the
// event loop, so the counter keeps working while a backup runs (a write meanwhile restarts the copy
// of what changed, and the copy ends consistent). Each backup is written under a temporary name,
// checked (integrity, counts), then renamed, with its sidecar written last.

export type Progress = (phase: BackupProgressDto['phase'], done: number, total: number) => void

/** Tables that only ever grow: a backup holds at least what they held when it started. */
const appendOnlyTables = ['audit_log', 'ticket_events', 'payments', 'stock_movements', 'claim_events'] as const

export class BackupVerifyError extends Error {
  constructor(readonly file: string, readonly problem: string) {
    super(`backup ${file} failed its check: ${problem}`)
    this.name = 'BackupVerifyError'
  }
}

function tableExists(db: Database.Database, name: string): boolean {
  return db.prepare(`SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?`).get(name) !== undefined
}

function countOf(db: Database.Database, table: string): number {
  return tableExists(db, table) ? (db.prepare(`SELECT count(*) AS n FROM "${table}"`).get() as { n: number }).n : 0
}

/** What a ledger file holds (read-only; never changes the file). `full` runs the complete integrity check. */
export function readContents(file: string, full = true, nativeBinding?: string): BackupContentsDto {
  const db = new Database(file, { readonly: true, fileMustExist: true, ...(nativeBinding && { nativeBinding }) })
  try {
    const integrity = (db.pragma(full ? 'integrity_check(1)' : 'quick_check(1)', { simple: true }) as string) ?? 'unknown'
    const schemaVersion = tableExists(db, 'kysely_migration') ? ((db.prepare('SELECT max(name) AS v FROM kysely_migration').get() as { v: string | null }).v ?? 'none') : 'none'
    const shop = tableExists(db, 'settings') ? (db.prepare('SELECT shop_name FROM settings WHERE id = 1').get() as { shop_name: string } | undefined) : undefined
    const lastTicket = tableExists(db, 'tickets') ? (db.prepare('SELECT number FROM tickets ORDER BY id DESC LIMIT 1').get() as { number: string } | undefined) : undefined
    const lastPayment = tableExists(db, 'payments') ? (db.prepare('SELECT max(at_ms) AS at FROM payments').get() as { at: number | null }) : { at: null }
    return {
      schemaVersion,
      shopName: shop?.shop_name ?? null,
      tickets: countOf(db, 'tickets'),
      lastTicketNumber: lastTicket?.number ?? null,
      payments: countOf(db, 'payments'),
      lastPaymentAtMs: lastPayment.at,
      integrity,
    }
  } finally {
    db.close()
  }
}

function sha256File(file: string): string {
  const hash = createHash('sha256')
  const fd = fs.openSync(file, 'r')
  try {
    const buffer = Buffer.allocUnsafe(1 << 20)
    for (;;) {
      const read = fs.readSync(fd, buffer, 0, buffer.length, null)
      if (read === 0) break
      hash.update(buffer.subarray(0, read))
    }
  } finally {
    fs.closeSync(fd)
  }
  return hash.digest('hex')
}

export interface BackupResult extends BackupSidecar {
  file: string
  name: string
}

/**
 * Backs the open ledger up into `folder` as a `kind` backup. The folder must exist and be writable.
 * Nothing is left behind on failure; a backup that fails its check is removed and reported.
 */
export async function backupLedger(source: Database.Database, folder: string, kind: BackupKind, nowMs: number, progress: Progress = () => {}, nativeBinding?: string): Promise<BackupResult> {
  const name = backupFileName(kind, nowMs)
  const file = path.join(folder, name)
  const temp = path.join(folder, `.${name}.${process.pid}.partial`)
  const before = Object.fromEntries(appendOnlyTables.map((t) => [t, countOf(source, t)]))
  try {
    await source.backup(temp, {
      progress({ totalPages, remainingPages }) {
        progress('copying', totalPages - remainingPages, totalPages)
        return 200
      },
    })
    // A plain rollback-journal file: self-contained, and read later without -wal/-shm beside it.
    const standalone = new Database(temp, nativeBinding ? { nativeBinding } : {})
    try {
      standalone.pragma('journal_mode = DELETE')
    } finally {
      standalone.close()
    }
    progress('verifying', 0, 1)
    const contents = readContents(temp, true, nativeBinding)
    if (contents.integrity !== 'ok') throw new BackupVerifyError(file, contents.integrity)
    const copy = new Database(temp, { readonly: true, ...(nativeBinding && { nativeBinding }) })
    try {
      for (const table of appendOnlyTables) {
        const n = countOf(copy, table)
        if (n < before[table]!) throw new BackupVerifyError(file, `${table} has ${n} rows, the ledger had ${before[table]} when the backup began`)
      }
    } finally {
      copy.close()
    }
    progress('verifying', 1, 1)
    fs.renameSync(temp, file)
    const sidecar: BackupSidecar = { kind, createdAtMs: nowMs, sizeBytes: fs.statSync(file).size, sha256: sha256File(file), contents }
    fs.writeFileSync(sidecarOf(file), `${JSON.stringify(sidecar, null, 2)}\n`)
    return { ...sidecar, file, name }
  } catch (error) {
    fs.rmSync(temp, { force: true })
    throw error
  }
}
