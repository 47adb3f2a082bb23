import fs from 'node:fs'
import path from 'node:path'
import { parseArgs } from 'node:util'
import { isBusinessDate } from '../../shared/dates'
import { openLedger } from '../connection'
import { migrateLedger } from '../migrate'
import { daysInYears, generateDemo } from './generate'
import { isDemoLedger } from './marker'
import { demoStaff } from './pins'
import { seedFrom } from './random'

// npm run demo -- --years N [--out FILE] [--seed S] [--end YYYY-MM-DD] [--force]

const usage = 'usage: npm run demo -- --years N [--out FILE] [--seed S] [--end YYYY-MM-DD] [--force]'

export const defaultEnd = '2026-11-27'
export const defaultSeed = 20261127

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      years: { type: 'string' },
      days: { type: 'string' },
      out: { type: 'string' },
      seed: { type: 'string' },
      end: { type: 'string' },
      force: { type: 'boolean', default: false },
      help: { type: 'boolean', default: false },
    },
  })
  if (values.help) return console.log(usage)
  const end = values.end ?? defaultEnd
  if (!isBusinessDate(end)) throw new Error(`--end must be a date YYYY-MM-DD, got ${end}\n${usage}`)
  const years = Number(values.years ?? 1)
  if (!values.days && !(years > 0 && years <= 40)) throw new Error(`--years must be a number above 0 and up to 40\n${usage}`)
  const days = values.days ? Number(values.days) : daysInYears(end, years)
  if (!Number.isInteger(days) || days < 1 || days > 40 * 366) throw new Error(`--days must be a whole number from 1\n${usage}`)
  const seed = values.seed === undefined ? defaultSeed : seedFrom(values.seed)
  const out = path.resolve(values.out ?? process.env.REPAIR_LEDGER_DB?.trim() ?? 'demo-ledger.sqlite3')

  if (fs.existsSync(out) && !values.force && !isDemoLedger(out)) {
    throw new Error(`${out} exists and is not a demo ledger; refusing to overwrite it (pass --force if you really mean it)`)
  }
  for (const suffix of ['', '-wal', '-shm']) fs.rmSync(out + suffix, { force: true })

  const started = performance.now()
  console.log(`Demo ledger ${out}\nseed ${seed}, ${days} days up to ${end}`)
  const ledger = openLedger(out)
  try {
    await migrateLedger(ledger)
    // Bulk generation only: a bigger page cache for this connection; durability settings unchanged.
    ledger.sqlite.pragma('cache_size = -262144')
    const summary = await generateDemo(ledger, {
      seed,
      end,
      days,
      onYear: ({ year, tickets, ms }) => console.log(`  ${year}: ${tickets.toLocaleString('en')} tickets in ${(ms / 1000).toFixed(1)} s`),
    })
    ledger.sqlite.pragma('wal_checkpoint(TRUNCATE)')
    const seconds = (performance.now() - started) / 1000
    const open = Object.entries(summary.statuses).filter(([s]) => s !== 'collected' && s !== 'cancelled')
    console.log(
      [
        `${summary.start} … ${summary.end}: ${summary.tickets.toLocaleString('en')} tickets, ${summary.customers.toLocaleString('en')} customers, ` +
          `${summary.devices.toLocaleString('en')} devices, ${summary.events.toLocaleString('en')} events, ${summary.auditRows.toLocaleString('en')} audit rows`,
        `parts: ${summary.parts.toLocaleString('en')} in the catalogue, ${summary.stockMovements.toLocaleString('en')} stock movements`,
        `money: ${summary.payments.toLocaleString('en')} payments and refunds, ${summary.cashSessions.toLocaleString('en')} drawer sessions`,
        `claims: ${summary.claims.claims.toLocaleString('en')} (${Object.entries(summary.claims.statuses).map(([s, n]) => `${s} ${n}`).join(', ')}), ` +
          `${summary.claims.batches.toLocaleString('en')} batches, ${summary.claims.remittances.toLocaleString('en')} remittances, owed ¥${(summary.claims.receivableMinor / 100).toLocaleString('en')}`,
        `repeat repairs: ${summary.repeats.toLocaleString('en')} (${((100 * summary.repeats) / Math.max(1, summary.tickets)).toFixed(1)} %)`,
        `statuses: ${Object.entries(summary.statuses).map(([s, n]) => `${s} ${n}`).join(', ')}`,
        `open now: ${open.reduce((sum, [, n]) => sum + n, 0)}`,
        `staff (name, role, PIN): ${demoStaff.map((s) => `${s.name} ${s.role} ${s.pin}`).join(' · ')}`,
        `done in ${seconds.toFixed(1)} s (${(fs.statSync(out).size / 1024 / 1024).toFixed(0)} MiB)`,
      ].join('\n'),
    )
  } finally {
    ledger.close()
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error)
  process.exitCode = 1
})
