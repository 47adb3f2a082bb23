import Database from 'better-sqlite3'

export interface DemoStamp {
  seed: number
  days: number
  end: string
  generatorVersion: number
}

/** The demo parameters recorded in a demo ledger's first audit row, or null for any other file. */
export function readDemoStamp(file: string): DemoStamp | null {
  let sqlite: Database.Database | undefined
  try {
    sqlite = new Database(file, { readonly: true, fileMustExist: true })
    const row = sqlite.prepare(`SELECT details_json FROM audit_log WHERE id = 1 AND action = 'setup.complete'`).get() as { details_json: string } | undefined
    const demo = row ? (JSON.parse(row.details_json) as { demo?: DemoStamp }).demo : undefined
    return demo ?? null
  } catch {
    return null
  } finally {
    sqlite?.close()
  }
}

/** True when `file` is a ledger this generator wrote, so overwriting it loses nothing real. */
export function isDemoLedger(file: string): boolean {
  return readDemoStamp(file) !== null
}
