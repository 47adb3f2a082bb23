import type Database from 'better-sqlite3'
import { addDaysToDate, addMonthsToDate } from '../../shared/dates'
import type { DemoClient } from './context'
import { stats, time, type Row } from './measure'

// The owner's reports on the 10-year ledger through the real dispatch: the daily report for the
// busiest demo day and for today, the period metrics for a month and for a year. No floor: the
// budget alone counts. A report that misses it is profiled query by query (every statement kysely
// prepares on the connection is timed) with the plan of the slowest.

interface ReportCase {
  operation: string
  budgetMs: number
  samples: number
  run(): Promise<unknown>
}

export interface ReportRows {
  rows: Row[]
  /** Prints where the time of the missing reports goes. */
  explainMisses(): Promise<void>
}

export async function measureReports(sqlite: Database.Database, owner: DemoClient, today: string): Promise<ReportRows> {
  const busiest = sqlite
    .prepare(`SELECT business_date FROM payments WHERE business_date < ? GROUP BY business_date ORDER BY count(*) DESC, business_date DESC LIMIT 1`)
    .pluck()
    .get(today) as string
  const lastMonth = addMonthsToDate(`${today.slice(0, 7)}-01`, -1)
  const cases: ReportCase[] = [
    { operation: `reports.daily busiest day (${busiest})`, budgetMs: 50, samples: 40, run: () => owner.call('reports.daily', { date: busiest }) },
    { operation: `reports.daily today (${today})`, budgetMs: 50, samples: 40, run: () => owner.call('reports.daily', { date: today }) },
    {
      operation: `reports.period month (${lastMonth.slice(0, 7)})`,
      budgetMs: 500,
      samples: 15,
      run: () => owner.call('reports.period', { from: lastMonth, to: addDaysToDate(addMonthsToDate(lastMonth, 1), -1) }),
    },
    { operation: `reports.period year (to ${today})`, budgetMs: 500, samples: 10, run: () => owner.call('reports.period', { from: addDaysToDate(addMonthsToDate(today, -12), 1), to: today }) },
  ]
  const rows: Row[] = []
  for (const c of cases) {
    const samples = await time([null], () => c.run(), c.samples, 0, 3)
    rows.push({ operation: c.operation, app: stats(samples), budgetMs: c.budgetMs, maxRatio: Number.POSITIVE_INFINITY })
    process.stdout.write('.')
  }
  return {
    rows,
    explainMisses: async () => {
      for (const [i, c] of cases.entries()) {
        const row = rows[i] as Row
        if (row.app.p95 > c.budgetMs) await profile(sqlite, c, row)
      }
    },
  }
}

interface QueryTiming {
  sql: string
  calls: number
  ms: number
  slowest: { ms: number; params: unknown[] }
}

/** Runs the report once with every prepared statement timed; prints the costliest and the plan of the worst. */
async function profile(sqlite: Database.Database, c: ReportCase, row: Row): Promise<void> {
  const timings = new Map<string, QueryTiming>()
  // The ledger keeps its prepared statements (db/connection.ts), so time them on the prototype.
  const proto = Object.getPrototypeOf(sqlite.prepare('SELECT 1')) as Record<'all' | 'get' | 'run', (...args: unknown[]) => unknown>
  const originals = { all: proto.all, get: proto.get, run: proto.run }
  for (const name of ['all', 'get', 'run'] as const) {
    const run = originals[name]
    proto[name] = function (this: Database.Statement, ...args: unknown[]) {
      const started = performance.now()
      try {
        return run.apply(this, args)
      } finally {
        const ms = performance.now() - started
        const entry = timings.get(this.source) ?? { sql: this.source, calls: 0, ms: 0, slowest: { ms: 0, params: [] } }
        entry.calls++
        entry.ms += ms
        if (ms > entry.slowest.ms) entry.slowest = { ms, params: args.flat() }
        timings.set(this.source, entry)
      }
    }
  }
  const started = performance.now()
  try {
    await c.run()
  } finally {
    Object.assign(proto, originals)
  }
  const total = performance.now() - started
  const list = [...timings.values()].sort((a, b) => b.ms - a.ms)
  const inSql = list.reduce((sum, q) => sum + q.ms, 0)
  console.log(`\n- ${row.operation}: p95 ${row.app.p95.toFixed(1)} ms against ${c.budgetMs} ms; one profiled run ${total.toFixed(1)} ms, of which ${inSql.toFixed(1)} ms in ${list.reduce((s, q) => s + q.calls, 0)} SQL statements:`)
  for (const q of list.slice(0, 6)) console.log(`    ${q.ms.toFixed(1).padStart(8)} ms  ×${String(q.calls).padEnd(4)} ${q.sql.replace(/\s+/g, ' ').slice(0, 150)}`)
  for (const worst of list.slice(0, 2)) {
    console.log(`  plan of ${worst.sql.replace(/\s+/g, ' ').slice(0, 80)}… (slowest call ${worst.slowest.ms.toFixed(1)} ms):`)
    for (const step of sqlite.prepare(`EXPLAIN QUERY PLAN ${worst.sql}`).all(worst.slowest.params) as { detail: string }[]) console.log(`    ${step.detail}`)
  }
}
