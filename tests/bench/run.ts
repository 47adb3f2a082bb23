import fs from 'node:fs'
import path from 'node:path'
import { parseArgs } from 'node:util'
import { openLedger } from '../../db/connection'
import { closingMinute, dayOf, shopInstant } from '../../db/demo/calendar'
import { businessDateOf } from '../../shared/dates'
import { cachedDemoLedger, workingCopy } from './cache'
import { claimReadCases, measureBatchExport } from './claims'
import { demoClient } from './context'
import { measureIntakes } from './intake'
import { passes, printTable, type Row } from './measure'
import { invoiceCase, measurePayments } from './payments'
import { measureRead, readCases, warmUp, type ReadCase } from './reads'
import { measureReports } from './reports'
import { levelsCase, measureUseParts } from './stock'
import { boardCase, measureTransitions } from './workflow'

// npm run bench [-- --years N]: builds (or reuses) a demo ledger in .bench/, then times the
// counter's hot paths (search, lists, ticket page, board, stock list, intake, workflow steps,
// parts on a ticket, payments and invoices, the claims screen's lists and detail, batches, the sync
// outbox and remittances) through the real dispatch beside hand-written SQL, the owner's reports,
// and a 5,000-claim batch made and exported, against their budgets. Prints; never fails.

async function main(): Promise<void> {
  const { values } = parseArgs({ options: { years: { type: 'string', default: '10' }, seed: { type: 'string', default: '20261127' } } })
  const spec = { seed: Number(values.seed), years: Number(values.years), end: '2026-11-27' }
  const dir = path.resolve('.bench')
  const pristine = await cachedDemoLedger(dir, spec)
  const working = workingCopy(pristine, path.join(dir, 'run.sqlite3'))
  const ledger = openLedger(working)
  try {
    const client = await demoClient(ledger, spec.end)
    const today = businessDateOf(shopInstant(dayOf(spec.end), closingMinute), 'Asia/Shanghai')
    const { n } = ledger.sqlite.prepare('SELECT count(*) AS n FROM tickets').get() as { n: number }
    console.log(`\nLedger: ${n.toLocaleString('en')} tickets; journal ${ledger.sqlite.pragma('journal_mode', { simple: true })}, synchronous ${ledger.sqlite.pragma('synchronous', { simple: true })} (2 = FULL); clock ${today} 20:00 Asia/Shanghai\n`)

    const rows: Row[] = []
    const cases = [...readCases(ledger.sqlite, client, today), boardCase(ledger.sqlite, client, today), levelsCase(ledger.sqlite, client), invoiceCase(ledger.sqlite, client), ...claimReadCases(ledger.sqlite, client)]
    for (const c of cases) await warmUp(c)
    for (const c of cases) {
      rows.push(await measureRead(c))
      process.stdout.write('.')
    }
    // Reports before the writes below add to today's figures.
    const reports = await measureReports(ledger.sqlite, await demoClient(ledger, spec.end, '王店主'), today)
    rows.push(...reports.rows)
    rows.push(...(await measureIntakes(ledger.sqlite, client, today)))
    rows.push(...(await measureTransitions(ledger.sqlite, client, today)))
    rows.push(...(await measureUseParts(ledger.sqlite, client, today)))
    rows.push(...(await measurePayments(ledger.sqlite, client, today)))
    // Last: it turns 5,000 of the working copy's paid claims back into ready ones.
    rows.push(...(await measureBatchExport(ledger.sqlite, client, today)))
    console.log('\n')
    printTable(rows)

    const failed = rows.filter((r) => !passes(r))
    if (failed.length === 0) {
      console.log(`\nAll ${rows.length} figures within budget (${spec.years} years of data).`)
      return
    }
    console.log(`\n${failed.length} of ${rows.length} figures MISS their budget:`)
    for (const r of failed) explain(ledger.sqlite, cases.find((c) => c.operation === r.operation), r)
    await reports.explainMisses()
  } finally {
    ledger.close()
    for (const f of [working, `${working}-wal`, `${working}-shm`]) fs.rmSync(f, { force: true })
  }
}

/** Says where a miss comes from: the SQL itself (floor slow too: plan shown) or the layers above it. */
function explain(sqlite: import('better-sqlite3').Database, c: ReadCase | undefined, row: Row): void {
  if (!row.floor) return // the reports explain themselves (per-query timings, printed with the report rows)
  const overheadMs = row.app.p50 - row.floor.p50
  const sqlSlow = row.floor.p95 > row.budgetMs / 2
  console.log(
    `\n- ${row.operation}: ` +
      (sqlSlow
        ? `the SQL itself is slow (floor p95 ${row.floor.p95.toFixed(2)} ms against a ${row.budgetMs} ms budget)`
        : `the SQL is fast (floor p95 ${row.floor.p95.toFixed(3)} ms); dispatch + kysely + mapping add ${overheadMs.toFixed(3)} ms per call at p50`),
  )
  if (!c || !sqlSlow) return
  for (const { sql, params } of [c.explain(c.inputs[0])].flat()) {
    console.log(`  floor plan of ${sql.replace(/\s+/g, ' ').slice(0, 110)}${sql.length > 110 ? '…' : ''} for ${JSON.stringify(params)}:`)
    for (const step of sqlite.prepare(`EXPLAIN QUERY PLAN ${sql}`).all(...params) as { detail: string }[]) console.log(`    ${step.detail}`)
  }
}

main().catch((error: unknown) => {
  console.error(error)
  process.exitCode = 1
})
