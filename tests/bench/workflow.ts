import type Database from 'better-sqlite3'
import { addDaysToDate } from '../../shared/dates'
import type { DemoClient } from './context'
import { boardPlans, floorBoard, floorIntake, floorTransitions } from './floor-sql'
import { stats, type Row } from './measure'
import type { ReadCase } from './reads'

// The repair workflow on the 10-year ledger: durable status transitions (startDiagnosis, then a
// full diagnosis with fault codes) through dispatch beside the same writes by hand, and the
// counter board (a read case, measured with the other reads).

const codes = { condition: '1', symptom: 'S02', defect: 'D04', repair: 'R04' }
const findings = '尾插氧化，充电板接触不良 / corroded charging port'

/**
 * Takes in fresh tickets for the transitions (by hand: the intake itself is measured elsewhere),
 * then times startDiagnosis and diagnose on them, each app call paired with a floor call on a
 * ticket of its own.
 */
export async function measureTransitions(sqlite: Database.Database, client: DemoClient, today: string, samples = 200): Promise<Row[]> {
  const staffId = client.context.sessions.get(client.context.clientKey)?.staffId as number
  const warmup = 10
  const needed = 2 * (warmup + samples)
  const intake = floorIntake(sqlite)
  const { maxDevice } = sqlite.prepare(`SELECT max(id) AS maxDevice FROM devices`).get() as { maxDevice: number }
  const device = sqlite.prepare(`SELECT id, owner_customer_id AS owner FROM devices WHERE id = ?`)
  const newest = sqlite.prepare(`SELECT max(id) AS id FROM tickets`).pluck()
  const tickets: number[] = []
  for (let i = 0; tickets.length < needed; i++) {
    const d = device.get(maxDevice - i) as { id: number; owner: number }
    client.clock.advance(1000)
    intake({ customer: { id: d.owner }, device: { id: d.id }, staffId, today, sinceDate: addDaysToDate(today, -90), nowMs: client.clock.now() })
    tickets.push(newest.get() as number)
  }
  const floor = floorTransitions(sqlite)

  const rows: Row[] = []
  const pairs = Array.from({ length: warmup + samples }, (_, i) => ({ app: tickets[2 * i] as number, floor: tickets[2 * i + 1] as number }))
  const steps = [
    {
      label: 'tickets.startDiagnosis (durable)',
      app: (id: number) => client.call('tickets.startDiagnosis', { id }),
      floor: (id: number) => floor.startDiagnosis({ id, staffId, nowMs: client.clock.now() }),
    },
    {
      label: 'tickets.diagnose + fault codes (durable)',
      app: (id: number) => client.call('tickets.diagnose', { id, findings, faultCodes: codes, repairTier: 'L2' }),
      floor: (id: number) => floor.diagnose({ id, staffId, nowMs: client.clock.now(), findings, codes, tier: 'L2' }),
    },
  ]
  for (const step of steps) {
    const timings = { app: [] as number[], floor: [] as number[] }
    for (const [i, pair] of pairs.entries()) {
      client.clock.advance(1500)
      let started = performance.now()
      await step.app(pair.app)
      const app = performance.now() - started
      client.clock.advance(1500)
      started = performance.now()
      step.floor(pair.floor)
      const floorMs = performance.now() - started
      if (i < warmup) continue
      timings.app.push(app)
      timings.floor.push(floorMs)
    }
    rows.push({ operation: step.label, app: stats(timings.app), floor: stats(timings.floor), budgetMs: 5, maxRatio: 3 })
  }
  return rows
}

/** tickets.board for the signed-in technician beside the same queries by hand. */
export function boardCase(sqlite: Database.Database, client: DemoClient, today: string): ReadCase {
  const staffId = client.context.sessions.get(client.context.clientKey)?.staffId as number
  const floor = floorBoard(sqlite, today, staffId)
  return {
    operation: 'tickets.board (counts + 4 lists)',
    budgetMs: 5,
    inputs: [{}],
    app: async () => {
      const b = await client.call('tickets.board', {})
      return [...b.overdue, ...b.waitingOnCustomer, ...b.waitingOnParts, ...b.myQueue]
    },
    floor: () => floor(),
    explain: () => boardPlans(today, staffId),
  }
}
