import type Database from 'better-sqlite3'
import { addDaysToDate } from '../../shared/dates'
import type { DemoClient } from './context'
import { floorIntake } from './floor-sql'
import { floorLevels, floorStockSql, floorUseParts } from './floor-stock'
import { stats, type Row } from './measure'
import type { ReadCase } from './reads'

// Parts and the stock ledger on the 10-year ledger: the stock list (every part with its levels)
// as a read case, and a part going onto a ticket in repair (durable) as paid work from shop stock
// and as warranty work from the manufacturer's consigned stock, which also books the removed
// part as owed. Each app call is paired with a floor call on a ticket of its own.

/** stock.levels for the whole catalogue beside the same two reads by hand. */
export function levelsCase(sqlite: Database.Database, client: DemoClient): ReadCase {
  const floor = floorLevels(sqlite)
  return {
    operation: 'stock.levels all parts',
    budgetMs: 5,
    inputs: [{}],
    app: () => client.call('stock.levels', {}),
    floor: () => floor(),
    explain: () => [
      { sql: floorStockSql.parts, params: [] },
      { sql: floorStockSql.levels, params: [] },
    ],
  }
}

/** The demo's Mate 60 Pro: a busy Huawei (consigning, shop stock allowed) with both parts stocked. */
const modelCode = 'ALN-AL00'

interface UseCase {
  label: string
  warranty: boolean
  sku: string
  pool: 'shop' | 'consigned'
}

const useCases: UseCase[] = [
  { label: 'tickets.useParts paid, shop stock (durable)', warranty: false, sku: `BAT-${modelCode}`, pool: 'shop' },
  { label: 'tickets.useParts warranty, consigned + owed (durable)', warranty: true, sku: `SCR-${modelCode}`, pool: 'consigned' },
]

export async function measureUseParts(sqlite: Database.Database, client: DemoClient, today: string, samples = 200): Promise<Row[]> {
  const staffId = client.context.sessions.get(client.context.clientKey)?.staffId as number
  const warmup = 10
  const needed = 2 * (warmup + samples)
  const model = sqlite.prepare(`SELECT dm.id, dm.manufacturer_id, mf.defective_return_days AS days FROM device_models dm JOIN manufacturers mf ON mf.id = dm.manufacturer_id WHERE model_code = ?`).get(modelCode) as
    | { id: number; manufacturer_id: number; days: number }
    | undefined
  if (!model) throw new Error(`bench: no demo model ${modelCode}`)
  const devices = sqlite.prepare(`SELECT id, owner_customer_id AS owner FROM devices WHERE model_id = ? ORDER BY id DESC LIMIT ?`).all(model.id, needed) as { id: number; owner: number }[]
  const partId = sqlite.prepare(`SELECT id FROM parts WHERE sku = ?`).pluck()
  const intake = floorIntake(sqlite)
  const newest = sqlite.prepare(`SELECT max(id) FROM tickets`).pluck()
  // Setup, not timed: tickets taken in and put in repair, and stock enough for every call.
  const inRepair = sqlite.prepare(`UPDATE tickets SET status = 'in_repair', warranty_status = ?, warranty_reason = ?, repair_started_at_ms = ?, assigned_staff_id = ? WHERE id = ?`)
  const floor = floorUseParts(sqlite)
  const returnBy = addDaysToDate(today, model.days)

  const rows: Row[] = []
  for (const c of useCases) {
    const part = partId.get(c.sku) as number | undefined
    if (part === undefined) throw new Error(`bench: no demo part ${c.sku}`)
    const pool = c.pool === 'shop' ? 'shop' : (`consigned:${model.manufacturer_id}` as const)
    await client.call('stock.receive', { pool, supplier: 'bench', deliveryNote: '', lines: [{ partId: part, quantity: needed + 10, ...(pool === 'shop' && { unitCostMinor: 5000 }) }] })
    const tickets: number[] = []
    for (let i = 0; tickets.length < needed; i++) {
      const d = devices[i % devices.length] as { id: number; owner: number }
      client.clock.advance(1000)
      intake({ customer: { id: d.owner }, device: { id: d.id }, staffId, today, sinceDate: addDaysToDate(today, -90), nowMs: client.clock.now() })
      const id = newest.get() as number
      inRepair.run(c.warranty ? 'in_warranty' : 'out_of_warranty', c.warranty ? 'within_period' : 'no_proof', client.clock.now(), staffId, id)
      tickets.push(id)
    }
    const timings = { app: [] as number[], floor: [] as number[] }
    for (let i = 0; i < warmup + samples; i++) {
      client.clock.advance(1500)
      let started = performance.now()
      await client.call('tickets.useParts', { id: tickets[2 * i] as number, lines: [{ partId: part, quantity: 1, keepDefective: true }] })
      const app = performance.now() - started
      client.clock.advance(1500)
      started = performance.now()
      floor({ ticketId: tickets[2 * i + 1] as number, partId: part, staffId, nowMs: client.clock.now(), today, returnBy })
      const floorMs = performance.now() - started
      if (i < warmup) continue
      timings.app.push(app)
      timings.floor.push(floorMs)
    }
    rows.push({ operation: c.label, app: stats(timings.app), floor: stats(timings.floor), budgetMs: 5, maxRatio: 3 })
  }
  return rows
}
