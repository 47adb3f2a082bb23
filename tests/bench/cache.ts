import fs from 'node:fs'
import path from 'node:path'
import { openLedger } from '../../db/connection'
import { daysInYears, generateDemo, generatorVersion } from '../../db/demo/generate'
import { migrateLedger } from '../../db/migrate'
import { latestMigration } from '../../db/migrations/index'

export interface DemoSpec {
  seed: number
  years: number
  end: string
}

/**
 * A pristine demo ledger for `spec` in `dir`, built once and reused while its stamp (seed, days,
 * end, generator version, schema) still matches. Callers work on a copy, never on this file.
 */
export async function cachedDemoLedger(dir: string, spec: DemoSpec): Promise<string> {
  const days = daysInYears(spec.end, spec.years)
  const stamp = JSON.stringify({ seed: spec.seed, days, end: spec.end, generatorVersion, schema: latestMigration })
  const file = path.join(dir, `demo-${spec.years}y.sqlite3`)
  const stampFile = `${file}.stamp.json`
  if (fs.existsSync(file) && fs.existsSync(stampFile) && fs.readFileSync(stampFile, 'utf8') === stamp) {
    console.log(`Reusing ${path.relative(process.cwd(), file)} (${stamp})`)
    return file
  }

  fs.mkdirSync(dir, { recursive: true })
  for (const f of [stampFile, file, `${file}-wal`, `${file}-shm`]) fs.rmSync(f, { force: true })
  console.log(`Building ${path.relative(process.cwd(), file)}: ${spec.years} years of demo data (seed ${spec.seed}, up to ${spec.end})`)
  const started = performance.now()
  const ledger = openLedger(file)
  try {
    await migrateLedger(ledger)
    ledger.sqlite.pragma('cache_size = -262144')
    const summary = await generateDemo(ledger, {
      ...spec,
      days,
      onYear: ({ year, tickets, ms }) => console.log(`  ${year}: ${tickets.toLocaleString('en')} tickets in ${(ms / 1000).toFixed(1)} s`),
    })
    ledger.sqlite.pragma('wal_checkpoint(TRUNCATE)')
    console.log(`  ${summary.tickets.toLocaleString('en')} tickets, ${summary.customers.toLocaleString('en')} customers in ${((performance.now() - started) / 1000).toFixed(1)} s`)
  } finally {
    ledger.close()
  }
  fs.writeFileSync(stampFile, stamp)
  return file
}

/** A fresh working copy of the pristine ledger (the benchmark writes intakes into it). */
export function workingCopy(pristine: string, target: string): string {
  for (const f of [target, `${target}-wal`, `${target}-shm`]) fs.rmSync(f, { force: true })
  fs.copyFileSync(pristine, target)
  return target
}
