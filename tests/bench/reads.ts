import type Database from 'better-sqlite3'
import { Rng } from '../../db/demo/random'
import { ftsQuery } from '../../db/ledger/fts'
import type { DemoClient } from './context'
import { floorSql, type ListFilter } from './floor-sql'
import { stats, time, type Row } from './measure'

// Search-as-you-type, the ticket list and the ticket page: each through dispatch and beside it
// the same SQL by hand, with inputs drawn from the demo data itself.

export interface ReadCase {
  operation: string
  budgetMs: number
  inputs: unknown[]
  app(input: unknown): Promise<unknown[]>
  floor(input: unknown): unknown[]
  /** The floor's SQL and parameters for one input (or each of its statements), for EXPLAIN QUERY PLAN when a row fails. */
  explain(input: unknown): { sql: string; params: unknown[] } | { sql: string; params: unknown[] }[]
}

// At least this many timings per side; cheap reads get more (up to the cap, within a few seconds
// each) so that their p95 is not decided by one garbage collection among a dozen tail samples.
const minSamples = 240
const maxSamples = 3000
const secondsPerSide = 1.5
const limit = 20

function sample<T>(sqlite: Database.Database, rng: Rng, query: string, count: number): T[] {
  const { n } = sqlite.prepare(`SELECT max(id) AS n FROM tickets`).get() as { n: number }
  const st = sqlite.prepare(query)
  const out: T[] = []
  for (let guard = 0; out.length < count && guard < count * 50; guard++) {
    const row = st.get(rng.int(1, n)) as T | undefined
    if (row !== undefined) out.push(row)
  }
  return out
}

/** Every prefix of `text` from `from` to `to` characters: what the box holds after each keystroke. */
function keystrokes(texts: string[], from: number, to: number): string[] {
  return texts.flatMap((t) => Array.from({ length: Math.min(to, [...t].length) - from + 1 }, (_, i) => [...t].slice(0, from + i).join('')))
}

export function readCases(sqlite: Database.Database, client: DemoClient, today: string): ReadCase[] {
  const rng = new Rng(4242)
  const tz = sqlite.prepare(floorSql.timeZone)
  const fts = sqlite.prepare(floorSql.searchFts)
  const prefix = sqlite.prepare(floorSql.searchNamePrefix)

  const search = (operation: string, queries: string[]): ReadCase => ({
    operation,
    budgetMs: 10,
    inputs: queries,
    app: (q) => client.call('tickets.search', { query: q as string, limit }),
    floor: (q) => {
      tz.get()
      const match = ftsQuery(q as string)
      return match ? fts.all(match, limit, limit) : prefix.all(`${(q as string).replace(/[\\%_]/g, (c) => `\\${c}`)}%`, limit)
    },
    explain: (q) => {
      const match = ftsQuery(q as string)
      return match ? { sql: floorSql.searchFts, params: [match, limit, limit] } : { sql: floorSql.searchNamePrefix, params: [`${q as string}%`, limit] }
    },
  })

  const phones = sample<{ phone: string }>(sqlite, rng, `SELECT c.phone FROM tickets t JOIN customers c ON c.id = t.customer_id WHERE t.id = ?`, 80).map((r) => r.phone.slice(-4))
  const names = sample<{ name: string }>(sqlite, rng, `SELECT c.name FROM tickets t JOIN customers c ON c.id = t.customer_id WHERE t.id = ? AND length(c.name) = 2 AND c.name GLOB '[^A-Za-z]*'`, 150).map((r) => r.name)
  const imeis = sample<{ imei: string }>(sqlite, rng, `SELECT d.imei FROM tickets t JOIN devices d ON d.id = t.device_id WHERE t.id = ? AND d.imei IS NOT NULL`, 80)
  const numbers = sample<{ number: string }>(sqlite, rng, `SELECT number FROM tickets WHERE id = ?`, 300).map((r) => r.number)
  const models = ['iPhone 15', 'Mate 60 Pro', 'Redmi Note 13 Pro', 'Galaxy S24', 'nova 12', 'Reno10', 'ThinkPad X1', 'Watch GT 4', 'P30', 'Xiaomi 14']

  const list = (operation: string, filter: ListFilter): ReadCase => {
    const { sql, params } = floorSql.list(filter, today)
    const st = sqlite.prepare(sql)
    return {
      operation,
      budgetMs: 5,
      inputs: [filter],
      app: async () => (await client.call('tickets.list', { ...filter })).items,
      floor: () => {
        tz.get()
        return st.all(...params).slice(0, 50)
      },
      explain: () => ({ sql, params }),
    }
  }

  const detailSt = sqlite.prepare(floorSql.detail)
  const eventsSt = sqlite.prepare(floorSql.events)
  const repeatSt = sqlite.prepare(floorSql.repeatOf)
  const ticketIds = sample<{ id: number }>(sqlite, rng, `SELECT id FROM tickets WHERE id = ?`, 300).map((r) => r.id)

  return [
    search('search phone last-4, 3–4 digits (trigram)', keystrokes(phones, 3, 4)),
    search('search Chinese name, 2 chars (name-prefix)', keystrokes(names, 2, 2)),
    search('search IMEI fragment, 3–6 digits (trigram)', keystrokes(imeis.map((r) => r.imei.slice(8, 14)), 3, 6)),
    search('search IMEI scanned, 15 digits (trigram)', imeis.map((r) => r.imei)),
    search('search ticket number, scanned (trigram)', numbers),
    search('search model name, typed (trigram)', keystrokes(models, 3, 20)),
    list('tickets.list first page (default filters)', {}),
    list('tickets.list awaiting_parts + overdue', { statuses: ['awaiting_parts'], overdue: true }),
    list('tickets.list 3 open statuses + overdue', { statuses: ['awaiting_parts', 'in_repair', 'ready'], overdue: true }),
    list('tickets.list status collected', { statuses: ['collected'] }),
    list('tickets.list collected + cancelled', { statuses: ['collected', 'cancelled'] }),
    list('tickets.list warranty void', { warrantyStatus: 'void' }),
    list('tickets.list technician', { assignedStaffId: client.context.sessions.get(client.context.clientKey)?.staffId as number }),
    {
      operation: 'tickets.get detail',
      budgetMs: 5,
      inputs: ticketIds,
      app: async (id) => (await client.call('tickets.get', { id: id as number })).events,
      floor: (id) => {
        tz.get()
        const t = detailSt.get(id) as { repeat_of_ticket_id: number | null }
        if (t.repeat_of_ticket_id !== null) repeatSt.get(t.repeat_of_ticket_id)
        return eventsSt.all(id)
      },
      explain: (id) => ({ sql: floorSql.detail, params: [id] }),
    },
  ]
}

/** Checks both ways return the same rows, and warms both up (JIT, page cache) before any timing. */
export async function warmUp(c: ReadCase): Promise<void> {
  for (const [i, input] of c.inputs.slice(0, 50).entries()) {
    const [a, b] = [await c.app(input), c.floor(input)]
    if (i < 5 && a.length !== b.length) console.warn(`  ! ${c.operation}: app returned ${a.length} rows, floor ${b.length} for ${JSON.stringify(input)}`)
  }
}

/** Times one case both ways, interleaved in blocks so drift hits both alike. */
export async function measureRead(c: ReadCase): Promise<Row> {
  const app: number[] = []
  const floor: number[] = []
  const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length
  const meanMs = Math.max(mean(await time(c.inputs, (i) => c.app(i), 30)), mean(await time(c.inputs, (i) => c.floor(i), 30)))
  const perBlock = Math.ceil(Math.min(maxSamples, Math.max(minSamples, (secondsPerSide * 1000) / meanMs)) / 3)
  for (let block = 0; block < 3; block++) {
    app.push(...(await time(c.inputs, (i) => c.app(i), perBlock, block * perBlock)))
    floor.push(...(await time(c.inputs, (i) => c.floor(i), perBlock, block * perBlock)))
  }
  return { operation: c.operation, app: stats(app), floor: stats(floor), budgetMs: c.budgetMs, maxRatio: 3 }
}
