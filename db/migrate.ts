import { Migrator, type Kysely, type MigrationProvider } from 'kysely'
import { migrations as knownMigrations } from './migrations/index'
import type { Ledger } from './connection'

export class LedgerTooNewError extends Error {
  constructor(readonly unknownMigrations: string[], readonly path: string) {
    super(
      `This ledger (${path}) was written by a newer version of Repair Ledger ` +
        `(unknown migrations: ${unknownMigrations.join(', ')}). It has not been changed. ` +
        `Install the newer version to open it.`,
    )
    this.name = 'LedgerTooNewError'
  }
}

export class MigrationFailedError extends Error {
  constructor(readonly migration: string, cause: unknown) {
    super(`Migration ${migration} failed: ${cause instanceof Error ? cause.message : String(cause)}`, { cause })
    this.name = 'MigrationFailedError'
  }
}

export interface MigrateResult {
  applied: string[]
  /** Copy of the file taken before migrating an existing ledger; null for new or in-memory ones. */
  backupPath: string | null
}

export interface MigrateOptions {
  migrations?: Record<string, import('kysely').Migration>
  now?: () => number
  /** Makes the copy taken before migrating an existing ledger; default: VACUUM INTO beside it. */
  backup?: (ledger: Ledger) => Promise<string>
}

const migrationTable = 'kysely_migration'

/**
 * Brings the ledger to the newest schema this build knows. Refuses, untouched, a ledger that has
 * migrations this build does not know; copies an existing file aside before changing it.
 */
export async function migrateLedger(ledger: Ledger, options: MigrateOptions = {}): Promise<MigrateResult> {
  const migrations = options.migrations ?? knownMigrations
  const applied = appliedMigrations(ledger)
  const unknown = applied.filter((name) => !(name in migrations))
  if (unknown.length > 0) throw new LedgerTooNewError(unknown, ledger.path)

  const pending = Object.keys(migrations).filter((name) => !applied.includes(name))
  if (pending.length === 0) return { applied: [], backupPath: null }

  const existing = hasUserTables(ledger) && ledger.path !== ':memory:'
  const backupPath = !existing ? null : options.backup ? await options.backup(ledger) : copyAside(ledger, applied.at(-1) ?? 'none', options.now ?? Date.now)
  const migrator = new Migrator({ db: ledger.db as Kysely<unknown>, provider: staticProvider(migrations) })
  const { results, error } = await migrator.migrateToLatest()
  if (error) {
    const failed = results?.find((r) => r.status === 'Error')?.migrationName ?? 'unknown'
    throw new MigrationFailedError(failed, error)
  }
  return { applied: (results ?? []).filter((r) => r.status === 'Success').map((r) => r.migrationName), backupPath }
}

export function appliedMigrations(ledger: Ledger): string[] {
  const table = ledger.sqlite
    .prepare(`SELECT name FROM sqlite_master WHERE type = 'table' AND name = ?`)
    .get(migrationTable)
  if (!table) return []
  return (ledger.sqlite.prepare(`SELECT name FROM ${migrationTable} ORDER BY name`).all() as { name: string }[]).map((r) => r.name)
}

function hasUserTables(ledger: Ledger): boolean {
  const row = ledger.sqlite
    .prepare(`SELECT count(*) AS n FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'`)
    .get() as { n: number }
  return row.n > 0
}

function copyAside(ledger: Ledger, fromVersion: string, now: () => number): string {
  const stamp = new Date(now()).toISOString().replace(/[:.]/g, '-')
  const target = `${ledger.path}.before-migrate-${fromVersion}-${stamp}.sqlite3`
  // VACUUM INTO writes a consistent, compacted copy even with a WAL open.
  ledger.sqlite.prepare('VACUUM INTO ?').run(target)
  return target
}

function staticProvider(migrations: Record<string, import('kysely').Migration>): MigrationProvider {
  return { getMigrations: async () => migrations }
}
