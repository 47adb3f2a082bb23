import Database from 'better-sqlite3'
import { Kysely, SqliteDialect } from 'kysely'
import type { DB } from './schema'

export interface Ledger {
  sqlite: Database.Database
  db: Kysely<DB>
  path: string
  close(): void
}

export interface OpenOptions {
  /** Path to the compiled better_sqlite3.node (the Electron build when running inside Electron). */
  nativeBinding?: string
}

/** Opens (creating if needed) a ledger file, or ':memory:' for tests, with the ledger's pragmas. */
export function openLedger(path: string, options: OpenOptions = {}): Ledger {
  const sqlite = new Database(path, options.nativeBinding ? { nativeBinding: options.nativeBinding } : {})
  applyPragmas(sqlite)
  const db = new Kysely<DB>({ dialect: new SqliteDialect({ database: withStatementCache(sqlite) }) })
  let closed = false
  return {
    sqlite,
    db,
    path,
    close() {
      if (closed) return
      closed = true
      sqlite.close()
    },
  }
}

export function applyPragmas(sqlite: Database.Database): void {
  sqlite.pragma('journal_mode = WAL')
  // A committed payment must survive a power cut: fsync on every commit, WAL included.
  sqlite.pragma('synchronous = FULL')
  sqlite.pragma('foreign_keys = ON')
  sqlite.pragma('busy_timeout = 5000')
  // A checkpoint copies the WAL into the database file and fsyncs it: several milliseconds. Left
  // at SQLite's default (1,000 pages) one counter action in ~25 pays for it; the app checkpoints
  // while idle instead (see idleCheckpoints) and this is only the backstop.
  sqlite.pragma(`wal_autocheckpoint = ${walAutocheckpointPages}`)
}

export const walAutocheckpointPages = 10_000

/**
 * Checkpoints the WAL every `intervalMs` while the app runs, off the path of any one commit.
 * PASSIVE never waits for readers and never blocks writers for long. Returns a stop function.
 */
export function idleCheckpoints(sqlite: Database.Database, intervalMs = 30_000): () => void {
  const timer = setInterval(() => {
    if (sqlite.open && !sqlite.inTransaction) sqlite.pragma('wal_checkpoint(PASSIVE)')
  }, intervalMs)
  timer.unref()
  return () => clearInterval(timer)
}

/**
 * kysely's SQLite driver prepares every query anew; preparing costs about as much as running a
 * small query. The ledger's queries come from a fixed set of shapes, so keep their statements.
 */
export function withStatementCache(sqlite: Database.Database, limit = 500) {
  const cache = new Map<string, Database.Statement>()
  return {
    close: () => sqlite.close(),
    prepare(sql: string): Database.Statement {
      let statement = cache.get(sql)
      if (!statement) {
        statement = sqlite.prepare(sql)
        if (cache.size >= limit) cache.delete(cache.keys().next().value as string)
        cache.set(sql, statement)
      }
      return statement
    },
  }
}
