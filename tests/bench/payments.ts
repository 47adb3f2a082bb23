import type Database from 'better-sqlite3'
import { Rng } from '../../db/demo/random'
import { addDaysToDate } from '../../shared/dates'
import { estimateTotals } from '../../shared/repair'
import type { DemoClient } from './context'
import { floorIntake } from './floor-sql'
import { floorInvoice, floorMoneySql, floorRecordPayment } from './floor-money'
import { stats, type Row } from './measure'
import type { ReadCase } from './reads'

// Money at the counter on the 10-year ledger: a payment taken on a priced ticket in repair
// (durable; by WeChat, and in cash through today's open drawer), each app call paired with the
// same write by hand on a ticket of its own; and the invoice of collected paid tickets as a read.

const lines = [
  { kind: 'part' as const, description: '屏幕总成 screen assembly', quantity: 1, unitPriceMinor: 68_000, partId: null },
  { kind: 'labour' as const, description: '人工费 labour (L2)', quantity: 1, unitPriceMinor: 12_000, partId: null },
]

const methods = [
  { label: 'payments.record deposit, WeChat (durable)', method: 'wechat' as const, reference: '4200001234202611271234567890' },
  { label: 'payments.record deposit, cash + drawer (durable)', method: 'cash' as const, reference: '' },
]

export async function measurePayments(sqlite: Database.Database, client: DemoClient, today: string, samples = 200): Promise<Row[]> {
  const staffId = client.context.sessions.get(client.context.clientKey)?.staffId as number
  const warmup = 10
  const needed = 2 * (warmup + samples)
  const intake = floorIntake(sqlite)
  const newest = sqlite.prepare(`SELECT max(id) FROM tickets`).pluck()
  const devices = sqlite.prepare(`SELECT id, owner_customer_id AS owner FROM devices ORDER BY id DESC LIMIT ?`).all(needed) as { id: number; owner: number }[]
  const tax = sqlite.prepare(`SELECT tax_rate_bp, prices_include_tax FROM settings`).get() as { tax_rate_bp: number; prices_include_tax: number }
  const totals = estimateTotals(lines, tax.tax_rate_bp, tax.prices_include_tax === 1)
  // Setup, not timed: tickets taken in, estimated, approved and in repair (what a deposit is taken on).
  const inRepair = sqlite.prepare(
    `UPDATE tickets SET status = 'in_repair', warranty_status = 'out_of_warranty', warranty_reason = 'no_proof', diagnosed_at_ms = ?, repair_tier = 'L2',
       customer_decision = 'approved', decision_via = 'in_person', decided_at_ms = ?, decided_by_staff_id = ?, repair_started_at_ms = ?, assigned_staff_id = ? WHERE id = ?`,
  )
  const estimate = sqlite.prepare(
    `INSERT INTO estimates (ticket_id, revision, at_ms, staff_id, lines_minor, net_minor, tax_minor, total_minor, tax_rate_bp, prices_include_tax, note) VALUES (?, 1, ?, ?, ?, ?, ?, ?, ?, ?, '')`,
  )
  const line = sqlite.prepare(`INSERT INTO estimate_lines (estimate_id, position, kind, description, quantity, unit_price_minor, line_total_minor, part_id) VALUES (?, ?, ?, ?, ?, ?, ?, NULL)`)
  const floor = floorRecordPayment(sqlite)
  if (sqlite.prepare(floorMoneySql.openDrawer).get() === undefined) throw new Error('bench: the demo leaves today’s drawer open; none is')

  const rows: Row[] = []
  for (const m of methods) {
    const tickets: number[] = []
    sqlite.transaction(() => {
      for (let i = 0; tickets.length < needed; i++) {
        const d = devices[i % devices.length] as { id: number; owner: number }
        client.clock.advance(1000)
        const now = client.clock.now()
        intake({ customer: { id: d.owner }, device: { id: d.id }, staffId, today, sinceDate: addDaysToDate(today, -90), nowMs: now })
        const id = newest.get() as number
        inRepair.run(now, now, staffId, now, staffId, id)
        const estimateId = estimate.run(id, now, staffId, totals.linesMinor, totals.netMinor, totals.taxMinor, totals.totalMinor, tax.tax_rate_bp, tax.prices_include_tax).lastInsertRowid
        lines.forEach((l, position) => line.run(estimateId, position, l.kind, l.description, l.quantity, l.unitPriceMinor, l.quantity * l.unitPriceMinor))
        tickets.push(id)
      }
    })()
    const timings = { app: [] as number[], floor: [] as number[] }
    for (let i = 0; i < warmup + samples; i++) {
      const amountMinor = 10_000 + 5_000 * (i % 4)
      client.clock.advance(1500)
      let started = performance.now()
      await client.call('payments.record', { ticketId: tickets[2 * i] as number, amountMinor, method: m.method, reference: m.reference })
      const app = performance.now() - started
      client.clock.advance(1500)
      started = performance.now()
      floor({ ticketId: tickets[2 * i + 1] as number, staffId, nowMs: client.clock.now(), today, method: m.method, amountMinor, reference: m.reference })
      const floorMs = performance.now() - started
      if (i < warmup) continue
      timings.app.push(app)
      timings.floor.push(floorMs)
    }
    rows.push({ operation: m.label, app: stats(timings.app), floor: stats(timings.floor), budgetMs: 5, maxRatio: 3 })
  }
  return rows
}

/** invoices.forTicket on random collected paid tickets beside loadInvoice's reads by hand. */
export function invoiceCase(sqlite: Database.Database, client: DemoClient): ReadCase {
  const rng = new Rng(8080)
  const { n } = sqlite.prepare(`SELECT max(id) AS n FROM tickets`).get() as { n: number }
  const pick = sqlite.prepare(`SELECT id FROM tickets WHERE id = ? AND status = 'collected' AND warranty_status <> 'in_warranty'`).pluck()
  const ids: number[] = []
  for (let guard = 0; ids.length < 300 && guard < 30_000; guard++) {
    const id = pick.get(rng.int(1, n)) as number | undefined
    if (id !== undefined) ids.push(id)
  }
  const floor = floorInvoice(sqlite)
  return {
    operation: 'invoices.forTicket collected paid',
    budgetMs: 5,
    inputs: ids,
    app: async (id) => {
      const invoice = await client.call('invoices.forTicket', { id: id as number })
      return [...invoice.lines, ...invoice.payments]
    },
    floor: (id) => floor(id as number).rows,
    explain: (id) => [
      { sql: floorMoneySql.payments, params: [id] },
      { sql: floorMoneySql.parts, params: [id] },
    ],
  }
}
