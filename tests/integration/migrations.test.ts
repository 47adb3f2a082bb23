import { createHash } from 'node:crypto'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { sql, type Kysely, type Migration } from 'kysely'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { openLedger } from '../../db/connection'
import { LedgerTooNewError, appliedMigrations, migrateLedger } from '../../db/migrate'
import { migrations } from '../../db/migrations/index'

const upTo = (last: string) => Object.fromEntries(Object.entries(migrations).slice(0, Object.keys(migrations).indexOf(last) + 1))

let dir: string
beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ledger-migrate-'))
})
afterEach(() => fs.rmSync(dir, { recursive: true, force: true }))

const sha = (file: string) => createHash('sha256').update(fs.readFileSync(file)).digest('hex')

// A stand-in for the next real migration, to prove the upgrade path keeps data.
const addColumn: Migration = {
  async up(db: Kysely<unknown>) {
    await sql`ALTER TABLE staff ADD COLUMN phone TEXT NOT NULL DEFAULT ''`.execute(db)
  },
}

describe('ledger file', () => {
  it('opens with WAL, synchronous=FULL, foreign keys and a busy timeout', () => {
    const ledger = openLedger(path.join(dir, 'l.sqlite3'))
    expect(ledger.sqlite.pragma('journal_mode', { simple: true })).toBe('wal')
    expect(ledger.sqlite.pragma('synchronous', { simple: true })).toBe(2)
    expect(ledger.sqlite.pragma('foreign_keys', { simple: true })).toBe(1)
    expect(ledger.sqlite.pragma('busy_timeout', { simple: true })).toBe(5000)
    ledger.close()
  })
})

describe('0001_foundation', () => {
  it('creates every foundation table as STRICT', async () => {
    const ledger = openLedger(':memory:')
    await migrateLedger(ledger, { migrations: upTo('0001_foundation') })
    const tables = ledger.sqlite.prepare(`SELECT name, sql FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'kysely%'`).all() as { name: string; sql: string }[]
    expect(tables.map((t) => t.name).sort()).toEqual(
      ['audit_log', 'customers', 'device_models', 'devices', 'manufacturers', 'settings', 'staff', 'ticket_events', 'tickets'].sort(),
    )
    for (const table of tables) expect(table.sql, table.name).toMatch(/\)\s*STRICT$/)
    expect(() => ledger.sqlite.prepare(`INSERT INTO customers (name, created_at_ms, updated_at_ms) VALUES ('A', 'soon', 1)`).run()).toThrow(/cannot store TEXT value in INTEGER column/)
    ledger.close()
  })

  it('keeps ticket events append-only and checks IMEIs and references', async () => {
    const ledger = openLedger(':memory:')
    await migrateLedger(ledger, { migrations: upTo('0001_foundation') })
    const db = ledger.sqlite
    db.exec(`
      INSERT INTO staff (id, name, role, pin_hash, created_at_ms, updated_at_ms) VALUES (1, 'Owner', 'owner', 'x', 0, 0);
      INSERT INTO customers (id, name, created_at_ms, updated_at_ms) VALUES (1, 'Zhang San', 0, 0);
      INSERT INTO manufacturers (id, code, name, created_at_ms, updated_at_ms) VALUES (1, 'MOTO', 'Motorola', 0, 0);
      INSERT INTO device_models (id, manufacturer_id, model_code, marketing_name, category, created_at_ms) VALUES (1, 1, 'XT2343', 'moto g54', 'phone', 0);
      INSERT INTO devices (id, model_id, imei, created_at_ms, updated_at_ms) VALUES (1, 1, '490154203237518', 0, 0);
      INSERT INTO tickets (id, number, customer_id, device_id, received_at_ms, received_business_date, reported_fault, warranty_status, status, created_by_staff_id, updated_at_ms)
        VALUES (1, 'R2611-0001', 1, 1, 0, '2026-11-27', 'no power', 'in_warranty', 'received', 1, 0);
      INSERT INTO ticket_events (ticket_id, at_ms, staff_id, kind, to_status) VALUES (1, 0, 1, 'intake', 'received');
    `)
    expect(() => db.exec(`UPDATE ticket_events SET note = 'changed'`)).toThrow(/append-only/)
    expect(() => db.exec('DELETE FROM ticket_events')).toThrow(/append-only/)
    expect(() => db.exec(`INSERT INTO devices (model_id, imei, created_at_ms, updated_at_ms) VALUES (1, '12345', 0, 0)`)).toThrow(/CHECK/)
    expect(() => db.exec(`INSERT INTO devices (model_id, created_at_ms, updated_at_ms) VALUES (1, 0, 0)`)).toThrow(/CHECK/)
    expect(() => db.exec(`INSERT INTO devices (model_id, serial, created_at_ms, updated_at_ms) VALUES (99, 'S1', 0, 0)`)).toThrow(/FOREIGN KEY/)
    ledger.close()
  })
})

describe('migrating an existing ledger', () => {
  it('copies the file aside, then migrates it keeping every row', async () => {
    const file = path.join(dir, 'ledger.sqlite3')
    const v1 = openLedger(file)
    await migrateLedger(v1, { migrations: upTo('0001_foundation') })
    v1.sqlite.exec(`INSERT INTO staff (name, role, pin_hash, created_at_ms, updated_at_ms) VALUES ('Owner', 'owner', 'h', 1, 1)`)
    const rowsBefore = v1.sqlite.prepare('SELECT * FROM staff').all()
    v1.close()

    const v2 = openLedger(file)
    const result = await migrateLedger(v2, { migrations: { ...upTo('0001_foundation'), '0002_staff_phone': addColumn }, now: () => Date.UTC(2026, 10, 27) })
    expect(result.applied).toEqual(['0002_staff_phone'])
    expect(result.backupPath).toBe(`${file}.before-migrate-0001_foundation-2026-11-27T00-00-00-000Z.sqlite3`)
    const rowsAfter = v2.sqlite.prepare('SELECT * FROM staff').all() as Record<string, unknown>[]
    expect(rowsAfter).toEqual((rowsBefore as Record<string, unknown>[]).map((r) => ({ ...r, phone: '' })))
    v2.close()

    const backup = openLedger(result.backupPath!)
    expect(appliedMigrations(backup)).toEqual(['0001_foundation'])
    expect(backup.sqlite.prepare('SELECT * FROM staff').all()).toEqual(rowsBefore)
    backup.close()
  })

  it('takes no copy of a brand-new ledger and does nothing when up to date', async () => {
    const file = path.join(dir, 'new.sqlite3')
    const ledger = openLedger(file)
    expect((await migrateLedger(ledger)).backupPath).toBeNull()
    expect(await migrateLedger(ledger)).toEqual({ applied: [], backupPath: null })
    ledger.close()
    expect(fs.readdirSync(dir).filter((f) => f.includes('before-migrate'))).toEqual([])
  })

  it('refuses a ledger from a newer build and leaves the file untouched', async () => {
    const file = path.join(dir, 'newer.sqlite3')
    const newer = openLedger(file)
    await migrateLedger(newer, { migrations: { ...migrations, '0099_from_the_future': addColumn } })
    newer.sqlite.pragma('wal_checkpoint(TRUNCATE)')
    newer.close()
    const hashBefore = sha(file)

    const older = openLedger(file)
    const attempt = migrateLedger(older)
    await expect(attempt).rejects.toBeInstanceOf(LedgerTooNewError)
    await expect(attempt).rejects.toThrow(/newer version of Repair Ledger.*0099_from_the_future.*has not been changed/)
    older.close()
    expect(sha(file)).toBe(hashBefore)
    expect(fs.readdirSync(dir).filter((f) => f.includes('before-migrate'))).toEqual([])
  })
})

describe('0002_intake', () => {
  it('indexes the tickets that were already there and keeps the index in step with edits', async () => {
    const ledger = openLedger(':memory:')
    await migrateLedger(ledger, { migrations: upTo('0001_foundation') })
    ledger.sqlite.exec(`
      INSERT INTO staff (id, name, role, pin_hash, created_at_ms, updated_at_ms) VALUES (1, 'Owner', 'owner', 'x', 0, 0);
      INSERT INTO customers (id, name, phone, created_at_ms, updated_at_ms) VALUES (1, '张三', '13800138000', 0, 0);
      INSERT INTO manufacturers (id, code, name, created_at_ms, updated_at_ms) VALUES (1, 'MOTO', 'Motorola', 0, 0);
      INSERT INTO device_models (id, manufacturer_id, model_code, marketing_name, category, created_at_ms) VALUES (1, 1, 'XT2343', 'moto g54', 'phone', 0);
      INSERT INTO devices (id, model_id, imei, created_at_ms, updated_at_ms) VALUES (1, 1, '490154203237518', 0, 0);
      INSERT INTO tickets (id, number, customer_id, device_id, received_at_ms, received_business_date, reported_fault, warranty_status, status, created_by_staff_id, updated_at_ms)
        VALUES (1, 'R2611-0001', 1, 1, 0, '2026-11-27', 'no power', 'in_warranty', 'received', 1, 0);
    `)
    const before = ledger.sqlite.prepare('SELECT * FROM tickets').all() as Record<string, unknown>[]
    await migrateLedger(ledger, { migrations: upTo('0002_intake') })
    const after = ledger.sqlite.prepare('SELECT * FROM tickets').all()
    expect(after).toEqual(before.map((t) => ({ ...t, warranty_ends_on: null, warranty_override_note: null, collected_at_ms: null, collected_business_date: null })))
    const find = (q: string) => (ledger.sqlite.prepare('SELECT rowid FROM ticket_search WHERE ticket_search MATCH ?').all(q) as { rowid: number }[]).map((r) => r.rowid)
    expect(find('"8000"')).toEqual([1])
    expect(find('"3237518"')).toEqual([1])
    expect(find('"moto g54"')).toEqual([1])
    ledger.sqlite.exec(`UPDATE customers SET phone = '13900139999' WHERE id = 1`)
    expect(find('"8000"')).toEqual([])
    expect(find('"9999"')).toEqual([1])
    expect((ledger.sqlite.prepare('SELECT rowid FROM customer_search WHERE customer_search MATCH ?').all('"9999"') as unknown[]).length).toBe(1)
    ledger.close()
  })
})

describe('0003_ticket_list_indexes', () => {
  it('keeps every ticket and lets a warranty filter walk an index instead of the table', async () => {
    const ledger = openLedger(':memory:')
    await migrateLedger(ledger, { migrations: upTo('0002_intake') })
    const plan = () =>
      (ledger.sqlite.prepare(`EXPLAIN QUERY PLAN SELECT id FROM tickets WHERE warranty_status = 'void' ORDER BY id DESC LIMIT 51`).all() as { detail: string }[])
        .map((r) => r.detail)
        .join(' | ')
    expect(plan()).toMatch(/SCAN tickets/)
    const before = ledger.sqlite.prepare('SELECT * FROM tickets').all()
    await migrateLedger(ledger, { migrations: upTo('0003_ticket_list_indexes') })
    expect(ledger.sqlite.prepare('SELECT * FROM tickets').all()).toEqual(before)
    expect(plan()).toMatch(/SEARCH tickets USING (COVERING )?INDEX tickets_warranty/)
    ledger.close()
  })
})

describe('0004_repair_workflow', () => {
  it('keeps tickets, adds empty workflow columns and gives existing manufacturers the default fault codes', async () => {
    const ledger = openLedger(':memory:')
    await migrateLedger(ledger, { migrations: upTo('0003_ticket_list_indexes') })
    ledger.sqlite.exec(`INSERT INTO manufacturers (id, code, name, created_at_ms, updated_at_ms) VALUES (1, 'MOTO', 'Motorola', 5, 5), (2, 'APPLE', 'Apple', 6, 6)`)
    await migrateLedger(ledger, { migrations: upTo('0004_repair_workflow') })
    const codes = ledger.sqlite.prepare(`SELECT manufacturer_id, kind, count(*) AS n FROM fault_codes GROUP BY manufacturer_id, kind ORDER BY 1, 2`).all()
    expect(codes).toEqual([
      { manufacturer_id: 1, kind: 'condition', n: 4 },
      { manufacturer_id: 1, kind: 'defect', n: 8 },
      { manufacturer_id: 1, kind: 'repair', n: 8 },
      { manufacturer_id: 1, kind: 'symptom', n: 10 },
      { manufacturer_id: 2, kind: 'condition', n: 4 },
      { manufacturer_id: 2, kind: 'defect', n: 8 },
      { manufacturer_id: 2, kind: 'repair', n: 8 },
      { manufacturer_id: 2, kind: 'symptom', n: 10 },
    ])
    expect(() => ledger.sqlite.exec(`INSERT INTO staff (id, name, role, pin_hash, created_at_ms, updated_at_ms) VALUES (1, 'O', 'owner', 'x', 0, 0)`)).not.toThrow()
    ledger.close()
  })
})

describe('0005_queue_index', () => {
  it('keeps every ticket and reads a technician’s queue per status from an index', async () => {
    const ledger = openLedger(':memory:')
    await migrateLedger(ledger, { migrations: upTo('0004_repair_workflow') })
    const plan = () =>
      (ledger.sqlite.prepare(`EXPLAIN QUERY PLAN SELECT id FROM tickets WHERE status = 'in_repair' AND assigned_staff_id = 3 ORDER BY id DESC LIMIT 51`).all() as { detail: string }[])
        .map((r) => r.detail)
        .join(' | ')
    expect(plan()).not.toMatch(/tickets_assigned_status/)
    const before = ledger.sqlite.prepare('SELECT * FROM tickets').all()
    await migrateLedger(ledger)
    expect(ledger.sqlite.prepare('SELECT * FROM tickets').all()).toEqual(before)
    expect(plan()).toMatch(/COVERING INDEX tickets_assigned_status \(assigned_staff_id=\? AND status=\?\)/)
    ledger.close()
  })
})

describe('checkpoints', () => {
  it('keeps checkpoints off the commit path and empties the WAL while idle', async () => {
    const { idleCheckpoints, walAutocheckpointPages } = await import('../../db/connection')
    const file = path.join(dir, 'idle.sqlite3')
    const ledger = openLedger(file)
    expect(ledger.sqlite.pragma('wal_autocheckpoint', { simple: true })).toBe(walAutocheckpointPages)
    await migrateLedger(ledger)
    ledger.sqlite.exec(`INSERT INTO staff (name, role, pin_hash, created_at_ms, updated_at_ms) VALUES ('O', 'owner', 'x', 0, 0)`)
    const walPages = () => (ledger.sqlite.pragma('wal_checkpoint(NOOP)') as { log: number; checkpointed: number }[])[0]!
    expect(walPages().log).toBeGreaterThan(walPages().checkpointed)
    const stop = idleCheckpoints(ledger.sqlite, 20)
    await new Promise((resolve) => setTimeout(resolve, 80))
    stop()
    expect(walPages().checkpointed).toBe(walPages().log)
    ledger.close()
  })
})
