import { existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, openSync, writeSync, closeSync, statSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import Database from 'better-sqlite3'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { fixedClock } from '../../electron/core/clock'
import { openLedgerService, type LedgerService } from '../../electron/core/ledger-service'
import { openLedger } from '../../db/connection'
import { migrateLedger } from '../../db/migrate'
import { migrations } from '../../db/migrations/index'
import type { ChannelName, InputOf, OutputOf } from '../../shared/contract'
import type { Result } from '../../shared/errors'
import { shop, startMs } from '../support/harness'

// Backups and restore against a real ledger file through the ledger service (the same object the
// desktop app and web mode call): online backups verified after writing, the daily rule with
// retention, a backup before every migration, restore with the owner's PIN (the current ledger
// kept aside), and a damaged ledger at start that is never used, only restored.

const ownerPin = '246810'
let dir: string
let dbPath: string
let service: LedgerService
const clock = fixedClock(startMs)

async function open(): Promise<LedgerService> {
  service = await openLedgerService({ databasePath: dbPath, transport: 'direct', version: 'test', clock, sync: false, dailyBackups: false, log: () => {} })
  return service
}

function raw(channel: string, input: unknown, client = 'owner'): Promise<Result<unknown>> {
  return service.call(client, channel, input)
}

async function call<C extends ChannelName>(channel: C, input: InputOf<C>, client = 'owner'): Promise<OutputOf<C>> {
  const result = await raw(channel, input, client)
  if (!result.ok) throw new Error(`${channel} failed: ${JSON.stringify(result.error)}`)
  return result.value as OutputOf<C>
}

async function error(channel: string, input: unknown, client = 'owner') {
  const result = await raw(channel, input, client)
  if (result.ok) throw new Error(`${channel} should have failed`)
  return result.error
}

async function setUp(): Promise<void> {
  await call('setup.complete', { shop, owner: { name: '王店主', pin: ownerPin } })
}

async function intake(serial: string) {
  const [model] = await call('models.search', { query: 'moto g54' })
  return call('tickets.intake', { customer: { new: { name: '张三', phone: '13800138000' } }, device: { new: { modelId: model!.id, serial }, purchaseDate: null }, reportedFault: '不开机', promisedDate: null })
}

const ticketCount = (file: string) => {
  const db = new Database(file, { readonly: true })
  try {
    return (db.prepare('SELECT count(*) AS n FROM tickets').get() as { n: number }).n
  } finally {
    db.close()
  }
}

beforeEach(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'backup-'))
  dbPath = path.join(dir, 'ledger.sqlite3')
  clock.set(startMs)
})
afterEach(() => {
  service?.close()
  rmSync(dir, { recursive: true, force: true })
})

describe('backup.run and backup.list', () => {
  it('writes a verified backup while the counter keeps working, and lists it with what it holds', async () => {
    await open()
    await setUp()
    for (let i = 0; i < 5; i++) await intake(`SN-A${i}`)
    const folder = path.join(dir, 'usb')
    mkdirSync(folder)
    // Intakes while the backup runs: both finish, the backup holds at least what was there when it began.
    const [backup] = await Promise.all([call('backup.run', { folder, jobId: 'job-000001' }), intake('SN-DURING')])
    expect(backup).toMatchObject({ kind: 'manual', contents: { integrity: 'ok', shopName: shop.shopName } })
    expect(backup.contents.tickets).toBeGreaterThanOrEqual(5)
    expect(backup.sizeBytes).toBe(statSync(backup.file).size)
    expect(ticketCount(backup.file)).toBe(backup.contents.tickets)
    expect(readdirSync(folder).sort()).toEqual([backup.name, `${backup.name}.json`])
    // A backup cut off by a power cut leaves its temporary file: the next backup clears it (not a live writer's).
    writeFileSync(path.join(folder, '.repair-ledger-20261127T010000000Z-daily.sqlite3.999999999.partial'), 'half')
    writeFileSync(path.join(folder, `.repair-ledger-20261127T010000000Z-daily.sqlite3.${process.pid}.partial`), 'mine')
    clock.advance(1000)
    const next = await call('backup.run', { folder })
    expect(readdirSync(folder).filter((f) => f.endsWith('.partial'))).toEqual([`.repair-ledger-20261127T010000000Z-daily.sqlite3.${process.pid}.partial`])
    rmSync(path.join(folder, `.repair-ledger-20261127T010000000Z-daily.sqlite3.${process.pid}.partial`))
    rmSync(next.file)
    rmSync(`${next.file}.json`)
    expect(await call('backup.progress', { jobId: 'job-000001' })).toMatchObject({ phase: 'done' })

    const listed = await call('backup.list', { folder })
    expect(listed.items).toEqual([expect.objectContaining({ file: backup.file, kind: 'manual', sizeBytes: backup.sizeBytes, contents: backup.contents })])
    expect(await call('backup.inspect', { file: backup.file })).toMatchObject({ name: backup.name, contents: { integrity: 'ok', tickets: backup.contents.tickets } })
    // The sidecar holds counts only: no PIN hash, no customer.
    const sidecar = readFileSync(`${backup.file}.json`, 'utf8')
    expect(sidecar).not.toMatch(/scrypt|张三|13800138000/)
  })

  it('refuses a folder that is missing, naming it, and leaves nothing behind', async () => {
    await open()
    await setUp()
    const missing = path.join(dir, 'no-such-usb')
    const refused = await error('backup.run', { folder: missing })
    expect(refused).toMatchObject({ code: 'CONFLICT', messageKey: 'errors.backupFolderMissing', issues: [{ path: ['folder'] }] })
    expect((await error('backup.run', { folder: 'relative/path' })).issues?.[0]).toMatchObject({ path: ['folder'], messageKey: 'validation.backupFolder' })
    // Told when the folder is set, not at tonight's backup; a stick that is not plugged in says so.
    expect(await error('backup.configure', { folder: missing })).toMatchObject({ messageKey: 'errors.backupFolderMissing', issues: [{ path: ['folder'] }] })
    expect(await error('backup.list', { folder: missing })).toMatchObject({ messageKey: 'errors.backupFolderMissing' })
    expect((await call('backup.list', {})).items).toEqual([]) // the default folder, before its first backup
    expect(existsSync(missing)).toBe(false)
  })
})

describe('the daily backup', () => {
  it('runs at the first check after the set hour, monthly first, and keeps the last N daily + N monthly', async () => {
    await open()
    await setUp()
    const folder = path.join(dir, 'daily')
    mkdirSync(folder)
    await call('backup.configure', { folder, dailyAfterHour: 18, keepDaily: 3, keepMonthly: 2 })
    // 09:30 in Shanghai: not yet.
    expect(await service.backups.dailyIfDue()).toBeNull()
    const day = 86_400_000
    const kinds: string[] = []
    for (let i = 0; i < 40; i++) {
      clock.set(Date.UTC(2026, 10, 20, 11, 0) + i * day) // 19:00 in Shanghai, 20 Nov → 29 Dec
      const made = await service.backups.dailyIfDue()
      kinds.push(made?.kind ?? 'none')
      expect(await service.backups.dailyIfDue()).toBeNull() // once a day
    }
    expect(kinds[0]).toBe('monthly') // first of November's
    expect(kinds.filter((k) => k === 'monthly')).toHaveLength(2) // November, December
    const left = (await call('backup.list', {})).items
    expect(left.filter((b) => b.kind === 'daily' || b.kind === 'monthly').length).toBe(5) // the 3 newest + November's and December's monthly
    expect(left.filter((b) => b.kind === 'monthly')).toHaveLength(2)
    expect((await call('backup.settings', {})).lastBackupAtMs).toBe(left[0]!.createdAtMs)
  })
})

describe('before a migration', () => {
  it('makes a verified backup of the ledger before any migration changes it', async () => {
    // A ledger as an older version left it: every migration but the newest.
    const names = Object.keys(migrations)
    const older = Object.fromEntries(names.slice(0, -1).map((n) => [n, migrations[n]!]))
    const ledger = openLedger(dbPath)
    await migrateLedger(ledger, { migrations: older })
    ledger.close()
    await open()
    const backups = (await raw('backup.list', {}, 'anyone')) as Result<unknown>
    expect(backups.ok).toBe(false) // signed out: staff only
    const folder = path.join(dir, 'backups')
    const files = readdirSync(folder).filter((f) => f.endsWith('-pre-migration.sqlite3'))
    expect(files).toHaveLength(1)
    const db = new Database(path.join(folder, files[0]!), { readonly: true })
    expect((db.prepare('SELECT max(name) AS v FROM kysely_migration').get() as { v: string }).v).toBe(names.at(-2))
    db.close()
  })
})

describe('backup.restore', () => {
  it('needs the owner’s PIN, keeps the current ledger aside, and brings the backup back', async () => {
    await open()
    await setUp()
    await intake('SN-1')
    const backup = await call('backup.run', {})
    await intake('SN-2')
    await intake('SN-3')
    expect(await error('backup.restore', { file: backup.file, pin: '999999' })).toMatchObject({ code: 'FORBIDDEN' })
    expect((await call('tickets.list', {})).items).toHaveLength(3)

    const restored = await call('backup.restore', { file: backup.file, pin: ownerPin, jobId: 'restore-01' })
    expect(restored).toMatchObject({ restoredFrom: backup.file, contents: { tickets: 1, integrity: 'ok' } })
    expect(ticketCount(restored.keptAsideAs)).toBe(3)
    // Everyone signs in again, on the restored ledger.
    expect(await error('tickets.list', {})).toMatchObject({ code: 'UNAUTHENTICATED' })
    const [owner] = await call('auth.staffChoices', {})
    await call('auth.signIn', { staffId: owner!.id, pin: ownerPin })
    expect((await call('tickets.list', {})).items.map((t) => t.serial)).toEqual(['SN-1'])
    expect(await call('audit.verify', {})).toMatchObject({ ok: true })
    const actions = (service.ledger.sqlite.prepare(`SELECT action FROM audit_log ORDER BY id DESC LIMIT 2`).all() as { action: string }[]).map((r) => r.action)
    expect(actions).toEqual(['auth.signIn', 'backup.restored'])
  })
})

describe('a damaged ledger at start', () => {
  it('is never used: the app offers the backups and restores one with an owner PIN of that backup', async () => {
    await open()
    await setUp()
    await intake('SN-OK')
    const backup = await call('backup.run', {})
    await intake('SN-LOST')
    service.close()

    // Damage the ledger file: overwrite pages in its middle.
    const size = statSync(dbPath).size
    const fd = openSync(dbPath, 'r+')
    for (let at = 4096 * 3; at < size - 4096; at += 4096 * 2) writeSync(fd, Buffer.alloc(512, 0x5a), 0, 512, at + 100)
    closeSync(fd)
    for (const suffix of ['-wal', '-shm']) rmSync(dbPath + suffix, { force: true })

    await open()
    const info = await call('app.info', {}, 'anyone')
    expect(info.ledger).toMatchObject({ state: 'damaged', problem: expect.any(String) })
    expect(await error('setup.status', {}, 'anyone')).toMatchObject({ code: 'CONFLICT', messageKey: 'errors.ledgerDamaged' })
    expect((await call('backup.list', {}, 'anyone')).items.map((b) => b.file)).toEqual([backup.file])
    expect(await error('backup.restore', { file: backup.file, pin: '111111' }, 'anyone')).toMatchObject({ code: 'FORBIDDEN', messageKey: 'errors.restoreWrongPin' })

    const restored = await call('backup.restore', { file: backup.file, pin: ownerPin }, 'anyone')
    expect(existsSync(restored.keptAsideAs)).toBe(true)
    expect((await call('app.info', {}, 'anyone')).ledger).toEqual({ state: 'ok' })
    const [owner] = await call('auth.staffChoices', {}, 'anyone')
    await call('auth.signIn', { staffId: owner!.id, pin: ownerPin }, 'anyone')
    expect((await call('tickets.list', {}, 'anyone')).items.map((t) => t.serial)).toEqual(['SN-OK'])
  })
})

