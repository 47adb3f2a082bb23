import { sql, type Kysely } from 'kysely'

// Where and how often the ledger is backed up, on the shop's settings row. Frozen once landed.
const statements = [
  // NULL: the default folder beside the ledger (<ledger folder>/backups).
  `ALTER TABLE settings ADD COLUMN backup_folder TEXT`,
  `ALTER TABLE settings ADD COLUMN backup_daily_after_hour INTEGER NOT NULL DEFAULT 18 CHECK (backup_daily_after_hour BETWEEN 0 AND 23)`,
  `ALTER TABLE settings ADD COLUMN backup_keep_daily INTEGER NOT NULL DEFAULT 7 CHECK (backup_keep_daily BETWEEN 1 AND 90)`,
  `ALTER TABLE settings ADD COLUMN backup_keep_monthly INTEGER NOT NULL DEFAULT 12 CHECK (backup_keep_monthly BETWEEN 0 AND 120)`,
]

export async function up(db: Kysely<unknown>): Promise<void> {
  for (const statement of statements) await sql.raw(statement).execute(db)
}
