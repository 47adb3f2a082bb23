import type { Migration } from 'kysely'
import * as foundation from './0001_foundation'
import * as intake from './0002_intake'

// The static, ordered list of every migration this build knows. Append only.
export const migrations: Record<string, Migration> = {
  '0001_foundation': foundation,
  '0002_intake': intake,
}

export const latestMigration = Object.keys(migrations).at(-1) as string
