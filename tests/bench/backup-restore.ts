import { copyFileSync, existsSync, mkdirSync, mkdtempSync, rmSync, statSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { fixedClock } from '../../electron/core/clock'
import { openLedgerService } from '../../electron/core/ledger-service'
import { hashPin } from '../../electron/core/pin-hash'

// Backup and restore times on the 10-year demo ledger (the bench's cached copy, built by
// `npm run bench`): an online backup verified after writing, then a restore of it. Prints figures;
// asserts nothing. Run: npx tsx tests/bench/backup-restore.ts [path to a demo ledger]

async function main(): Promise<void> {
  const source = path.resolve(process.argv[2] ?? '.bench/demo-10y.sqlite3')
  if (!existsSync(source)) throw new Error(`no demo ledger at ${source}: run npm run bench first`)
  const dir = mkdtempSync(path.join(tmpdir(), 'bench-backup-'))
  try {
    const dbPath = path.join(dir, 'ledger.sqlite3')
    copyFileSync(source, dbPath)
    const service = await openLedgerService({ databasePath: dbPath, transport: 'direct', version: 'bench', sync: false, dailyBackups: false, clock: fixedClock(Date.now()), log: () => {} })
    // A known owner PIN for the restore: the demo's own owner, PIN reset on this copy only.
    const owner = service.ledger.sqlite.prepare(`SELECT id FROM staff WHERE role = 'owner' AND active = 1 ORDER BY id LIMIT 1`).get() as { id: number }
    service.ledger.sqlite.prepare('UPDATE staff SET pin_hash = ? WHERE id = ?').run(await hashPin('246810'), owner.id)
    const signIn = await service.call('bench', 'auth.signIn', { staffId: owner.id, pin: '246810' })
    if (!signIn.ok) throw new Error(JSON.stringify(signIn.error))
    const folder = path.join(dir, 'usb')
    mkdirSync(folder)
    const size = statSync(dbPath).size
    let started = performance.now()
    const backup = await service.call('bench', 'backup.run', { folder })
    const backupMs = performance.now() - started
    if (!backup.ok) throw new Error(JSON.stringify(backup.error))
    const made = backup.value as { file: string; sizeBytes: number; contents: { tickets: number } }
    started = performance.now()
    const restored = await service.call('bench', 'backup.restore', { file: made.file, pin: '246810' })
    const restoreMs = performance.now() - started
    if (!restored.ok) throw new Error(JSON.stringify(restored.error))
    service.close()
    const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(0)} MB`
    console.log(`ledger ${mb(size)}, ${made.contents.tickets.toLocaleString('en')} tickets`)
    console.log(`backup.run (online copy + full integrity check + counts): ${(backupMs / 1000).toFixed(1)} s → ${mb(made.sizeBytes)}`)
    console.log(`backup.restore (check backup, keep current aside, copy, reopen, migrate): ${(restoreMs / 1000).toFixed(1)} s`)
  } finally {
    rmSync(dir, { recursive: true, force: true })
  }
}

main().catch((error: unknown) => {
  console.error(error)
  process.exit(1)
})
