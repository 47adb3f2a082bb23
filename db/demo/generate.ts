import { addDaysToDate, addMonthsToDate } from '../../shared/dates'
import type { Ledger } from '../connection'
import { readClaimRules, updateClaimRules } from '../ledger/claims-rules'
import { insertSettings, updateSettings } from '../ledger/settings'
import { insertStaff } from '../ledger/staff'
import { closingMinute, dateOf, dayOf, shopInstant } from './calendar'
import { installCatalog } from './catalog'
import { ClaimsDesk, demoClaimRules } from './claims-desk'
import { moneySide } from './money-side'
import { PendingWrites } from './pending'
import { demoPinHash, demoStaff } from './pins'
import { Rng } from './random'
import { ShopSimulation } from './simulation'
import { stockSide } from './stock-side'
import { DemoWriter } from './writer'

export const demoShop = {
  shopName: '好修通讯维修店',
  address: '上海市徐汇区漕溪北路 88 号',
  phone: '02155550100',
  currency: 'CNY',
  timeZone: 'Asia/Shanghai',
  locale: 'zh-CN',
}

/**
 * The demo shop's tax: 13 % VAT (repair services, general taxpayer), prices quoted with the tax
 * included as Chinese shops quote them. Set by the owner right after setup (a settings.update
 * audit row), so every estimate carries it.
 */
export const demoTax = { taxRateBp: 1300, pricesIncludeTax: true }

/** Bumped whenever the generator's output changes, so cached demo ledgers are rebuilt. */
export const generatorVersion = 7

export interface DemoOptions {
  seed: number
  /** Last business day of the demo (shop-local); "now" is its closing time. */
  end: string
  /** Days of trading up to and including `end`. */
  days: number
  onYear?(progress: { year: string; tickets: number; ms: number }): void
}

export interface DemoSummary {
  start: string
  end: string
  nowMs: number
  tickets: number
  customers: number
  devices: number
  events: number
  auditRows: number
  parts: number
  stockMovements: number
  payments: number
  cashSessions: number
  claims: { claims: number; batches: number; remittances: number; payments: number; events: number; outbox: number; receivableMinor: number; unexpectedErrors: number; statuses: Record<string, number> }
  repeats: number
  statuses: Record<string, number>
}

/** Days in `years` whole years ending on `end` (inclusive). */
export function daysInYears(end: string, years: number): number {
  const start = addDaysToDate(addMonthsToDate(end, -Math.round(years * 12)), 1)
  return dayOf(end) - dayOf(start) + 1
}

/**
 * Fills a freshly migrated, empty ledger with a busy shop's history. Deterministic: the same
 * seed, end and days give the same rows in every ledger table.
 */
export async function generateDemo(ledger: Ledger, options: DemoOptions): Promise<DemoSummary> {
  if (ledger.sqlite.prepare('SELECT 1 FROM settings').get()) throw new Error('the demo fills an empty ledger only; this one is set up already')
  const endDay = dayOf(options.end)
  const startDay = endDay - options.days + 1
  const setupMs = shopInstant(startDay, 8 * 60)
  const nowMs = shopInstant(endDay, closingMinute)
  const rng = new Rng(options.seed)

  const hashes = demoStaff.map((s) => demoPinHash(s.pin, options.seed, s.name))
  const taxSetMs = setupMs + 6 * 60_000
  const rulesSetMs = setupMs + 8 * 60_000
  const { staffIds, catalog, taxChanges, ruleChanges } = await ledger.db.transaction().execute(async (trx) => {
    await insertSettings(trx, demoShop, setupMs)
    const ids: number[] = []
    for (const [i, s] of demoStaff.entries()) ids.push((await insertStaff(trx, { name: s.name, role: s.role, pinHash: hashes[i] as string }, setupMs)).id)
    const installed = await installCatalog(trx, setupMs)
    const taxed = await updateSettings(trx, demoTax, taxSetMs)
    // The owner enters each manufacturer's claim rules (manufacturers.updateClaimRules) before the first claim.
    const rules: { manufacturerId: number; details: Record<string, unknown> }[] = []
    for (const maker of installed.makers) {
      const changes = demoClaimRules[maker.code]
      if (!changes) throw new Error(`demo: no claim rules for ${maker.code}`)
      const before = await readClaimRules(trx, maker.id)
      await updateClaimRules(trx, maker.id, changes, rulesSetMs)
      rules.push({ manufacturerId: maker.id, details: { before, changes } })
    }
    return { staffIds: ids, catalog: installed, taxChanges: taxed, ruleChanges: rules }
  })
  const [ownerId, ...technicianIds] = staffIds as [number, ...number[]]

  const writer = new DemoWriter(ledger.sqlite)
  ledger.sqlite.transaction(() => {
    writer.appendAudit(setupMs, ownerId, 'setup.complete', 'settings', 1, {
      shop: demoShop,
      owner: { id: ownerId, name: demoStaff[0]?.name },
      demo: { seed: options.seed, days: options.days, end: options.end, generatorVersion },
    })
    technicianIds.forEach((id, i) => writer.appendAudit(setupMs + (i + 1) * 60_000, ownerId, 'staff.create', 'staff', id, { name: demoStaff[i + 1]?.name, role: 'technician' }))
    for (const a of catalog.additions) writer.appendAudit(setupMs + 5 * 60_000, ownerId, a.action, a.entity, a.entityId, a.details)
    writer.appendAudit(taxSetMs, ownerId, 'settings.update', 'settings', 1, taxChanges)
    for (const r of ruleChanges) writer.appendAudit(rulesSetMs, ownerId, 'manufacturers.updateClaimRules', 'manufacturer', r.manufacturerId, r.details)
  })()

  const restoreIndexes = deferIndexes(ledger.sqlite)
  const restoreLevels = deferStockLevels(ledger.sqlite)
  const shop = { ...demoTax, faultCodes: catalog.faultCodes }
  const staff = { owner: ownerId, technicians: technicianIds }
  const shopRng = rng.fork('shop')
  const pending = new PendingWrites()
  const stock = stockSide(ledger.sqlite, writer, rng.fork('stock'), pending, catalog.models, catalog.makers, staff, nowMs, startDay)
  // Who stands at the counter, as the simulation weighs them (the owner a little less than each technician).
  const counter = [[ownerId, 19] as const, ...technicianIds.map((id) => [id, 27] as const)]
  const money = moneySide(ledger.sqlite, writer, rng.fork('money'), pending, { owner: ownerId, counter }, demoTax, nowMs, endDay)
  stock.room.ticketParts = money.tickets
  const claims = new ClaimsDesk(ledger.sqlite, writer, rng.fork('claims'), (atMs, write) => pending.schedule(atMs, write), catalog.makers, catalog.faultCodes, { owner: ownerId, counter }, nowMs)
  stock.room.warrantyParts = claims
  const simulation = new ShopSimulation(writer, shopRng, catalog.models, staff, shop, nowMs, endDay, pending, stock, money, claims)
  let day = startDay
  while (day <= endDay) {
    const year = dateOf(day).slice(0, 4)
    const lastDay = Math.min(endDay, dayOf(`${year}-12-31`))
    const started = performance.now()
    const before = simulation.tickets
    ledger.sqlite.transaction(() => {
      for (let d = day; d <= lastDay; d++) simulation.simulateDay(d)
      writer.saveCounters(simulation.counters)
    })()
    options.onYear?.({ year, tickets: simulation.tickets - before, ms: performance.now() - started })
    day = lastDay + 1
  }
  // Steps planned for the last days that the year loop has not reached yet (all before "now").
  ledger.sqlite.transaction(() => {
    simulation.flush(nowMs)
    stock.room.finish()
    restoreLevels()
    restoreIndexes()
  })()

  return {
    start: dateOf(startDay),
    end: options.end,
    nowMs,
    tickets: simulation.tickets,
    customers: simulation.customerCount,
    devices: simulation.deviceCount,
    events: writer.eventRows,
    auditRows: writer.auditRows,
    parts: stock.room.partsCreated,
    stockMovements: stock.writer.movements,
    payments: money.writer.payments,
    cashSessions: money.writer.sessions,
    claims: {
      claims: claims.writer.claims,
      batches: claims.writer.batches,
      remittances: claims.writer.remittances,
      payments: claims.writer.payments,
      events: claims.writer.events,
      outbox: claims.writer.outboxRows,
      receivableMinor: claims.writer.receivableMinor,
      unexpectedErrors: claims.unexpectedErrors,
      statuses: Object.fromEntries(ledger.sqlite.prepare(`SELECT status, count(*) AS n FROM claims GROUP BY status ORDER BY status`).raw().all() as [string, number][]),
    },
    repeats: simulation.repeats,
    statuses: Object.fromEntries([...simulation.statuses].sort(([a], [b]) => a.localeCompare(b))),
  }
}

/**
 * Drops the secondary indexes of the tables the simulation fills row by row and returns what
 * rebuilds them exactly (their own CREATE INDEX statements): one sort at the end is cheaper than
 * two million scattered index inserts. Nothing reads these tables while the demo is generated.
 */
function deferIndexes(sqlite: Ledger['sqlite']): () => void {
  const indexes = sqlite
    .prepare(`SELECT name, sql FROM sqlite_master WHERE type = 'index' AND sql IS NOT NULL AND tbl_name IN ('tickets', 'ticket_events', 'audit_log', 'diagnoses', 'stock_movements', 'defective_parts') ORDER BY rowid`)
    .all() as { name: string; sql: string }[]
  for (const index of indexes) sqlite.exec(`DROP INDEX "${index.name}"`)
  return () => {
    for (const index of indexes) sqlite.exec(index.sql)
  }
}

/**
 * Drops the trigger that keeps stock_levels as movements are appended (it costs more than the
 * insert itself) and returns what sums the levels once, exactly as the trigger would have left
 * them (a row for every part and pool ever moved), and restores the trigger. The stock room
 * refuses a negative level itself, so the demo still never takes more than is on hand.
 */
function deferStockLevels(sqlite: Ledger['sqlite']): () => void {
  const trigger = sqlite.prepare(`SELECT sql FROM sqlite_master WHERE type = 'trigger' AND name = 'stock_movements_level'`).pluck().get() as string
  sqlite.exec('DROP TRIGGER stock_movements_level')
  return () => {
    sqlite.exec('INSERT INTO stock_levels (part_id, pool, on_hand) SELECT part_id, pool, sum(quantity) FROM stock_movements GROUP BY part_id, pool')
    sqlite.exec(trigger)
  }
}
