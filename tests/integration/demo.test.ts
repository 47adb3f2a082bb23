import { createHash } from 'node:crypto'
import type Database from 'better-sqlite3'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { openLedger, type Ledger } from '../../db/connection'
import { generateDemo, type DemoSummary } from '../../db/demo/generate'
import { auditRowHash, genesisHash } from '../../db/ledger/audit'
import { migrateLedger } from '../../db/migrate'
import { addDaysToDate, businessDateOf } from '../../shared/dates'
import { imeiCheckDigit, isValidImei } from '../../shared/identifiers'
import { formatTicketNumber } from '../../shared/tickets'
import { assessWarranty } from '../../shared/warranty'
import { demoClient, type DemoClient } from '../bench/context'

const end = '2026-11-27'

async function demoLedger(seed: number, days = 10): Promise<{ ledger: Ledger; summary: DemoSummary }> {
  const ledger = openLedger(':memory:')
  await migrateLedger(ledger)
  return { ledger, summary: await generateDemo(ledger, { seed, end, days }) }
}

/** SHA-256 over every row of every ledger table (the search indexes' own tables included). */
function contentChecksum(sqlite: Database.Database): string {
  const tables = sqlite
    .prepare(`SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name NOT LIKE 'kysely_%' ORDER BY name`)
    .all() as { name: string }[]
  const hash = createHash('sha256')
  for (const { name } of tables) {
    const rows = (sqlite.prepare(`SELECT * FROM "${name}"`).raw().all() as unknown[][]).map((row) => JSON.stringify(row)).sort()
    hash.update(`${name}\n${rows.join('\n')}\n`)
  }
  return hash.digest('hex')
}

const all = <T>(sqlite: Database.Database, query: string, ...params: unknown[]) => sqlite.prepare(query).all(...params) as T[]

describe('demo ledger', () => {
  let ledger: Ledger
  let summary: DemoSummary
  let client: DemoClient
  let checksum: string

  beforeAll(async () => {
    ;({ ledger, summary } = await demoLedger(7))
    checksum = contentChecksum(ledger.sqlite)
    client = await demoClient(ledger, end)
  })
  afterAll(() => ledger.close())

  it('is a busy shop: about fifty tickets a day, customers, devices, events and a stamp', () => {
    expect(summary.tickets).toBeGreaterThan(350)
    expect(summary.tickets).toBeLessThan(700)
    expect(summary.events).toBeGreaterThan(summary.tickets * 3)
    expect(summary.customers).toBeGreaterThan(summary.tickets / 2)
    const setup = ledger.sqlite.prepare(`SELECT details_json FROM audit_log WHERE id = 1`).get() as { details_json: string }
    expect(JSON.parse(setup.details_json).demo).toMatchObject({ seed: 7, days: 10, end })
    const counts = all<{ kind: string; n: number }>(ledger.sqlite, `SELECT kind, count(*) AS n FROM customers GROUP BY kind ORDER BY kind`)
    expect(counts.map((c) => c.kind)).toEqual(['consumer', 'dealer'])
  })

  it('is the same ledger for the same seed and a different one for another seed', async () => {
    const again = await demoLedger(7)
    const other = await demoLedger(8)
    try {
      expect(contentChecksum(again.ledger.sqlite)).toBe(checksum)
      expect(contentChecksum(other.ledger.sqlite)).not.toBe(checksum)
    } finally {
      again.ledger.close()
      other.ledger.close()
    }
  })

  it('gives every phone, tablet and wearable a valid IMEI and every laptop a serial', () => {
    const devices = all<{ imei: string | null; serial: string | null; category: string }>(
      ledger.sqlite,
      `SELECT d.imei, d.serial, dm.category FROM devices d JOIN device_models dm ON dm.id = d.model_id`,
    )
    for (const d of devices) {
      if (d.category === 'laptop') expect(d.serial).toMatch(/^[A-Z0-9]{6,}$/)
      else expect(isValidImei(d.imei ?? ''), d.imei ?? 'no IMEI').toBe(true)
    }
  })

  it('numbers tickets like the app, without gaps, and keeps the counters at the highest number', () => {
    const tickets = all<{ number: string; received_business_date: string; received_at_ms: number }>(ledger.sqlite, `SELECT number, received_business_date, received_at_ms FROM tickets ORDER BY id`)
    expect(new Set(tickets.map((t) => t.number)).size).toBe(tickets.length)
    const perPrefix = new Map<string, number>()
    for (const t of tickets) {
      expect(t.received_business_date).toBe(businessDateOf(t.received_at_ms, 'Asia/Shanghai'))
      const prefix = t.number.slice(0, 5)
      perPrefix.set(prefix, (perPrefix.get(prefix) ?? 0) + 1)
      expect(t.number).toBe(formatTicketNumber(t.received_business_date, perPrefix.get(prefix) as number))
    }
    const counters = all<{ prefix: string; last_sequence: number }>(ledger.sqlite, `SELECT prefix, last_sequence FROM ticket_number_counters ORDER BY prefix`)
    expect(Object.fromEntries(counters.map((c) => [c.prefix, c.last_sequence]))).toEqual(Object.fromEntries(perPrefix))
  })

  it('decides warranty and repeat repairs by the intake rules', () => {
    const rows = all<{ id: number; device_id: number; received_business_date: string; warranty_status: string; warranty_reason: string; warranty_ends_on: string | null; repeat_of_ticket_id: number | null; purchase_date: string | null; proof: string | null; months: number; proof_required: number }>(
      ledger.sqlite,
      `SELECT t.id, t.device_id, t.received_business_date, t.warranty_status, t.warranty_reason, t.warranty_ends_on, t.repeat_of_ticket_id,
              d.purchase_date, d.proof_of_purchase_ref AS proof, coalesce(dm.warranty_months, mf.warranty_months) AS months, mf.proof_required
       FROM tickets t JOIN devices d ON d.id = t.device_id JOIN device_models dm ON dm.id = d.model_id JOIN manufacturers mf ON mf.id = dm.manufacturer_id`,
    )
    const lastCollected = ledger.sqlite.prepare(
      `SELECT id FROM tickets WHERE device_id = ? AND id < ? AND status = 'collected' AND collected_business_date >= ? ORDER BY collected_business_date DESC, id DESC LIMIT 1`,
    )
    for (const t of rows) {
      const expected = assessWarranty({ warrantyMonths: t.months, proofRequired: t.proof_required === 1 }, { purchaseDate: t.purchase_date, proofOfPurchaseRef: t.proof, receivedDate: t.received_business_date })
      expect({ status: t.warranty_status, reason: t.warranty_reason, endsOn: t.warranty_ends_on }).toEqual(expected)
      const previous = lastCollected.get(t.device_id, t.id, addDaysToDate(t.received_business_date, -90)) as { id: number } | undefined
      expect(t.repeat_of_ticket_id).toBe(previous?.id ?? null)
    }
  })

  it('keeps an unbroken audit hash chain, which the app continues', () => {
    const rows = all<{ at_ms: number; staff_id: number | null; action: string; entity: string; entity_id: string; details_json: string; prev_hash: string; hash: string }>(ledger.sqlite, `SELECT * FROM audit_log ORDER BY id`)
    expect(rows.length).toBeGreaterThanOrEqual(summary.auditRows) // plus the sign-in of this test's client
    let prev = genesisHash
    for (const r of rows) {
      expect(r.prev_hash).toBe(prev)
      expect(r.hash).toBe(auditRowHash(prev, { atMs: r.at_ms, staffId: r.staff_id, action: r.action, entity: r.entity, entityId: r.entity_id, detailsJson: r.details_json }))
      prev = r.hash
    }
  })

  it('finds a ticket by the last four digits of its customer’s phone through tickets.search', async () => {
    const target = ledger.sqlite.prepare(`SELECT t.id, c.phone FROM tickets t JOIN customers c ON c.id = t.customer_id ORDER BY t.id DESC LIMIT 1 OFFSET 17`).get() as { id: number; phone: string }
    const found = await client.call('tickets.search', { query: target.phone.slice(-4), limit: 100 })
    expect(found.map((t) => t.id)).toContain(target.id)
    expect(found.every((t) => [t.customerPhone, t.imei ?? '', t.serial ?? '', t.number].some((f) => f.includes(target.phone.slice(-4))))).toBe(true)
  })

  it('takes a real intake through dispatch and continues the month’s numbering', async () => {
    const counter = ledger.sqlite.prepare(`SELECT last_sequence FROM ticket_number_counters WHERE prefix = 'R2611'`).get() as { last_sequence: number }
    const model = ledger.sqlite.prepare(`SELECT id FROM device_models WHERE model_code = 'A3092'`).get() as { id: number }
    const imei = `99000011223344${imeiCheckDigit('99000011223344')}`
    const ticket = await client.call('tickets.intake', {
      customer: { new: { name: '测试客户', phone: '139 0000 1234' } },
      device: { new: { modelId: model.id, imei }, purchaseDate: '2026-03-01', proofOfPurchaseRef: 'FP001' },
      reportedFault: '屏幕摔碎',
      promisedDate: '2026-11-30',
    })
    expect(ticket.number).toBe(formatTicketNumber(end, counter.last_sequence + 1))
    expect(ticket.warranty.status).toBe('in_warranty')

    const returning = ledger.sqlite
      .prepare(`SELECT device_id, id FROM tickets WHERE status = 'collected' AND device_id NOT IN (SELECT device_id FROM tickets WHERE status != 'collected') ORDER BY collected_business_date DESC, id DESC LIMIT 1`)
      .get() as { device_id: number; id: number }
    const again = await client.call('tickets.intake', { customer: { id: ticket.customer.id }, device: { id: returning.device_id }, reportedFault: '又坏了' })
    expect(again.number).toBe(formatTicketNumber(end, counter.last_sequence + 2))
    expect(again.repeatOfTicketId).toBe(returning.id)
  })
})
