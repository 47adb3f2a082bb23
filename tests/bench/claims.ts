import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import v8 from 'node:v8'
import vm from 'node:vm'
import type Database from 'better-sqlite3'
import { Rng } from '../../db/demo/random'
import type { DemoClient } from './context'
import { stats, type Row } from './measure'
import type { ReadCase } from './reads'

// Warranty claims on the 10-year ledger: the claims screen's lists and detail, the batches, the
// sync outbox and the remittances through the real dispatch beside the same reads by hand; and a
// 5,000-claim batch made and exported (budget for both together, heap after GC across repeats).

const page = 20

/** The claim row with what its summary and checks read (db/ledger/claims.ts claimQuery), for ids given as JSON. */
const claimRowsSql = `
  SELECT c.*, t.number, t.status, mf.code, mf.name, mf.warranty_months, mf.proof_required, mf.claim_window_days, mf.labour_l1_minor, mf.labour_l2_minor,
         mf.labour_l3_minor, mf.required_claim_fields_json, dm.model_code, dm.marketing_name, dm.warranty_months, s.name, prev.id, prev.number, prev.collected_business_date,
         (SELECT i.batch_id FROM claim_batch_items i WHERE i.claim_id = c.id ORDER BY i.batch_id DESC LIMIT 1),
         (SELECT b.number FROM claim_batch_items i JOIN claim_batches b ON b.id = i.batch_id WHERE i.claim_id = c.id ORDER BY i.batch_id DESC LIMIT 1)
  FROM claims c JOIN tickets t ON t.id = c.ticket_id JOIN manufacturers mf ON mf.id = c.manufacturer_id JOIN device_models dm ON dm.id = c.model_id
  JOIN staff s ON s.id = c.technician_staff_id LEFT JOIN tickets prev ON prev.id = t.repeat_of_ticket_id
  WHERE c.id IN (SELECT value FROM json_each(?)) ORDER BY c.id DESC`
const claimLinesSql = `SELECT * FROM claim_lines WHERE claim_id IN (SELECT value FROM json_each(?)) ORDER BY claim_id, position`
const faultCodesSql = `SELECT manufacturer_id, kind, code FROM fault_codes WHERE manufacturer_id IN (SELECT value FROM json_each(?)) AND active = 1`

interface ClaimFilter {
  statuses?: ('draft' | 'ready' | 'batched' | 'submitted' | 'accepted' | 'rejected' | 'paid')[]
  manufacturerId?: number
}

export function claimReadCases(sqlite: Database.Database, client: DemoClient): ReadCase[] {
  const rows = sqlite.prepare(claimRowsSql)
  const lines = sqlite.prepare(claimLinesSql)
  const codes = sqlite.prepare(faultCodesSql)
  const events = sqlite.prepare(`SELECT e.*, s.name FROM claim_events e JOIN staff s ON s.id = e.staff_id WHERE e.claim_id = ? ORDER BY e.id`)
  const tz = sqlite.prepare(`SELECT time_zone FROM settings WHERE id = 1`)

  /** The page of ids, then rows, lines and the fault codes the editable ones are checked against. */
  const claimsFloor = (ids: number[]) => {
    tz.get()
    const json = JSON.stringify(ids)
    const found = rows.raw().all(json) as unknown[][]
    lines.all(json)
    codes.all(JSON.stringify([...new Set(found.map((r) => r[3]))]))
    return found
  }
  const list = (operation: string, filter: ClaimFilter): ReadCase => {
    const where = [filter.statuses?.length ? `status IN (${filter.statuses.map(() => '?').join(', ')})` : '', filter.manufacturerId !== undefined ? 'manufacturer_id = ?' : ''].filter(Boolean)
    const sql = `SELECT id FROM claims ${where.length ? `WHERE ${where.join(' AND ')}` : ''} ORDER BY id DESC LIMIT ${page + 1}`
    const params = [...(filter.statuses ?? []), ...(filter.manufacturerId !== undefined ? [filter.manufacturerId] : [])]
    const ids = sqlite.prepare(sql).pluck()
    return {
      operation,
      budgetMs: 10,
      inputs: [filter],
      app: async () => (await client.call('claims.list', { statuses: filter.statuses ?? [], ...(filter.manufacturerId !== undefined && { manufacturerId: filter.manufacturerId }), limit: page })).items,
      floor: () => claimsFloor((ids.all(...params) as number[]).slice(0, page)),
      explain: () => ({ sql, params }),
    }
  }

  const rng = new Rng(8080)
  const max = (sqlite.prepare(`SELECT max(id) FROM claims`).pluck().get() as number | null) ?? 0
  const claimIds = Array.from({ length: 300 }, () => rng.int(1, Math.max(1, max)))
  const busiestMaker = sqlite.prepare(`SELECT manufacturer_id FROM claims GROUP BY manufacturer_id ORDER BY count(*) DESC LIMIT 1`).pluck().get() as number
  const smallMaker = sqlite.prepare(`SELECT manufacturer_id FROM claims GROUP BY manufacturer_id ORDER BY count(*) LIMIT 1`).pluck().get() as number

  const batchesSql = `SELECT b.*, s.name FROM claim_batches b JOIN staff s ON s.id = b.created_by_staff_id ORDER BY b.id DESC LIMIT ${page + 1}`
  const batches = sqlite.prepare(batchesSql)
  const outboxSql = `SELECT o.id, o.status, o.idempotency_key, o.attempts, o.next_attempt_at_ms, o.last_error, o.last_http_status, o.ack_json, o.created_at_ms, o.acknowledged_at_ms, b.id, b.number, b.claim_count, b.total_minor, m.code, m.name FROM sync_outbox o JOIN claim_batches b ON b.id = o.batch_id JOIN manufacturers m ON m.id = o.manufacturer_id ORDER BY o.id DESC LIMIT ${page + 1}`
  const outbox = sqlite.prepare(outboxSql)
  const attempts = sqlite.prepare(`SELECT * FROM sync_attempts WHERE outbox_id IN (SELECT value FROM json_each(?)) ORDER BY outbox_id, attempt`)
  const outboxCounts = sqlite.prepare(`SELECT status, count(*) FROM sync_outbox GROUP BY status`)
  const remittancesSql = `SELECT r.*, m.code, m.name, s.name FROM claim_remittances r JOIN manufacturers m ON m.id = r.manufacturer_id JOIN staff s ON s.id = r.staff_id ORDER BY r.id DESC LIMIT ${page + 1}`
  const remittances = sqlite.prepare(remittancesSql)
  const remittanceLines = sqlite.prepare(
    `SELECT p.*, c.number, c.total_minor, c.approved_minor,
            coalesce((SELECT sum(q.amount_minor) FROM claim_payments q WHERE q.claim_id = p.claim_id AND q.id < p.id), 0)
     FROM claim_payments p JOIN claims c ON c.id = p.claim_id WHERE p.remittance_id IN (SELECT value FROM json_each(?)) ORDER BY p.id`,
  )

  return [
    list('claims.list all, first page', {}),
    list('claims.list status ready', { statuses: ['ready'] }),
    list('claims.list draft + ready + rejected (to work on)', { statuses: ['draft', 'ready', 'rejected'] }),
    list('claims.list busiest manufacturer', { manufacturerId: busiestMaker }),
    list('claims.list smallest manufacturer, paid', { manufacturerId: smallMaker, statuses: ['paid'] }),
    {
      operation: 'claims.get detail',
      budgetMs: 10,
      inputs: claimIds,
      app: async (id) => (await client.call('claims.get', { id: id as number })).events,
      floor: (id) => {
        claimsFloor([id as number])
        return events.all(id)
      },
      explain: (id) => ({ sql: claimRowsSql, params: [JSON.stringify([id])] }),
    },
    {
      operation: 'batches.list first page',
      budgetMs: 5,
      inputs: [null],
      app: async () => (await client.call('batches.list', { statuses: [], limit: page })).items,
      floor: () => batches.all().slice(0, page),
      explain: () => ({ sql: batchesSql, params: [] }),
    },
    {
      operation: 'sync.status first page',
      budgetMs: 5,
      inputs: [null],
      app: async () => (await client.call('sync.status', { statuses: [], limit: page })).items,
      floor: () => {
        const found = (outbox.all() as { id: number }[]).slice(0, page)
        attempts.all(JSON.stringify(found.map((o) => o.id)))
        outboxCounts.all()
        return found
      },
      explain: () => ({ sql: outboxSql, params: [] }),
    },
    {
      operation: `claims.remittances first page (${page})`,
      budgetMs: 20,
      inputs: [null],
      app: async () => (await client.call('claims.remittances', { limit: page })).items,
      floor: () => {
        const found = (remittances.all() as { id: number }[]).slice(0, page)
        remittanceLines.all(JSON.stringify(found.map((r) => r.id)))
        return found
      },
      explain: () => ({ sql: remittancesSql, params: [] }),
    },
  ]
}

const batchSize = 5_000
const runs = 3

/** A function that collects garbage now (node started without --expose-gc: the flag set at run time). */
function collector(): () => void {
  v8.setFlagsFromString('--expose-gc')
  const gc = vm.runInNewContext('gc') as () => void
  return () => {
    gc()
    gc()
  }
}

/**
 * batches.create with 5,000 ready claims of one manufacturer, then batches.export of that batch to
 * a temporary folder: the two together against a 2 s budget, repeated, with the heap after GC
 * before and after the repeats (it must stay flat: nothing of a batch kept once it is written).
 *
 * Where the 5,000 ready claims come from (an honest stand-in, on the working copy only): the
 * demo's newest 5,000 paid claims of its busiest manufacturer are put back to `ready` and their
 * dates (purchase, received, started, completed) moved by the same number of days so that they
 * were completed three days ago: a status-only update is what migration 0011's triggers allow on a
 * frozen claim, and once ready the dates are editable as claims.update would edit them. Each such
 * claim is then what a clerk would batch: valid, of one manufacturer, in no open batch (their old
 * batches are closed). Between runs the batch just made is marked submitted and its claims made
 * ready again by the same status-only updates, so each run batches the same 5,000 claims afresh.
 */
export async function measureBatchExport(sqlite: Database.Database, client: DemoClient, today: string): Promise<Row[]> {
  const maker = sqlite.prepare(`SELECT manufacturer_id FROM claims WHERE status = 'paid' GROUP BY manufacturer_id ORDER BY count(*) DESC LIMIT 1`).pluck().get() as number | undefined
  if (maker === undefined) return []
  // Received well inside the warranty (a month to spare): moved dates keep it in, whatever the month lengths.
  const ids = sqlite
    .prepare(`SELECT id FROM claims WHERE manufacturer_id = ? AND status = 'paid' AND received_date <= date(purchase_date, '+11 months') ORDER BY id DESC LIMIT ?`)
    .pluck()
    .all(maker, batchSize) as number[]
  if (ids.length < batchSize) console.warn(`  ! only ${ids.length} paid claims to batch`)
  const target = sqlite.prepare(`SELECT date(?, '-3 days')`).pluck().get(today) as string
  const json = JSON.stringify(ids)
  sqlite.transaction(() => {
    sqlite.prepare(`UPDATE claims SET status = 'ready' WHERE id IN (SELECT value FROM json_each(?))`).run(json)
    const shift = `'+' || CAST(julianday(?) - julianday(completed_date) AS INTEGER) || ' days'`
    sqlite
      .prepare(
        `UPDATE claims SET purchase_date = date(purchase_date, ${shift}), received_date = date(received_date, ${shift}), repair_started_date = date(repair_started_date, ${shift}),
           completed_date = date(completed_date, ${shift}) WHERE id IN (SELECT value FROM json_each(?))`,
      )
      .run(target, target, target, target, json)
  })()
  const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'bench-claims-'))
  const gc = collector()
  const heapMb = () => process.memoryUsage().heapUsed / 1024 / 1024
  const create: number[] = []
  const exported: number[] = []
  const total: number[] = []
  const heap: number[] = []
  try {
    gc()
    heap.push(heapMb())
    for (let run = 0; run < runs; run++) {
      const started = performance.now()
      const batch = await client.call('batches.create', { manufacturerId: maker, claimIds: ids, note: 'bench' }).catch((error: unknown) => {
        console.log(`\n  ! the 5,000-claim batch was refused, not measured: ${error instanceof Error ? error.message.slice(0, 300) : String(error)}`)
        return null
      })
      if (!batch) return []
      const made = performance.now()
      const files = await client.call('batches.export', { id: batch.id, folder })
      const done = performance.now()
      create.push(made - started)
      exported.push(done - made)
      total.push(done - started)
      if (run === 0) console.log(`\n  5,000-claim batch ${batch.number}: ${files.files.map((f) => `${f.name} ${(f.bytes / 1024 / 1024).toFixed(1)} MB`).join(', ')}`)
      // Ready again for the next run: the batch counts as sent, its claims back to ready (status only).
      sqlite.transaction(() => {
        sqlite.prepare(`UPDATE claim_batches SET status = 'submitted', submitted_at_ms = updated_at_ms WHERE id = ?`).run(batch.id)
        sqlite.prepare(`UPDATE claims SET status = 'ready' WHERE id IN (SELECT value FROM json_each(?))`).run(json)
      })()
      fs.rmSync(files.folder, { recursive: true, force: true })
      gc()
      heap.push(heapMb())
    }
  } finally {
    fs.rmSync(folder, { recursive: true, force: true })
  }
  const growth = (heap.at(-1) as number) - (heap[0] as number)
  console.log(
    `  heap used after GC: ${heap.map((h) => h.toFixed(1)).join(' → ')} MB over ${runs} runs (growth ${growth >= 0 ? '+' : ''}${growth.toFixed(1)} MB${growth > 20 ? ' — NOT FLAT: more than 20 MB kept' : ', flat'})`,
  )
  console.log(`  per run: create ${create.map((t) => t.toFixed(0)).join(' / ')} ms, export ${exported.map((t) => t.toFixed(0)).join(' / ')} ms`)
  return [
    { operation: 'batches.create 5,000 claims', app: stats(create), budgetMs: 2000, maxRatio: Number.POSITIVE_INFINITY },
    { operation: 'batches.export 5,000 claims', app: stats(exported), budgetMs: 2000, maxRatio: Number.POSITIVE_INFINITY },
    { operation: 'batches.create + export 5,000 claims', app: stats(total), budgetMs: 2000, maxRatio: Number.POSITIVE_INFINITY },
  ]
}
