import type { Migration } from 'kysely'
import * as foundation from './0001_foundation'

// The static, ordered list of every migration this build knows. Append only.
export const migrations: Record<string, Migration> = {
  '0001_foundation': foundation,
}

export const latestMigration = Object.keys(migrations).at(-1) as string
