import type Database from 'better-sqlite3'
import { createHash } from 'node:crypto'
import type { ChannelName, InputOf } from '../../shared/contract'
import type { Result } from '../../shared/errors'
import { readyMotoClaims } from './claim-batches'
import { motoClaimRules } from './claims'
import { shop, type Harness } from './harness'
import { modelId } from './intake'
import { ownerApprovalOf, pricedTicket, readyForPickup } from './payments'
import { manufacturerId, warrantyTicketAwaitingParts } from './stock'
import { paidTicket } from './workflow'
import { isPlainObject, setOwn, type FieldHints } from './fuzz-values'

// The ledger the boundary fuzzer works on: a shop with staff, tickets in several states, parts,
// claims, a batch and a payment, so a mutated valid input reaches real rows. Built through the
// contract only, so the same builder serves the in-process harness and the HTTP server.

/** What the fixture builder needs: a signed-in caller and the SQLite handle. */
export interface Caller {
  call: Harness['call']
  raw(channel: string, input: unknown): Promise<Result<unknown>>
  ledger: Harness['ledger']
}

export interface Fixture {
  ownerId: number
  techId: number
  moto: number
  samsung: number
  modelId: number
  customerId: number
  deviceId: number
  /** Received, not yet diagnosed. */
  newTicket: number
  /** Warranty, diagnosed, waiting for parts. */
  warrantyTicket: number
  /** Paid work, ready for pick-up, partly paid. */
  readyTicket: number
  partId: number
  movementId: number
  defectiveId: number
  paymentId: number
  claimIds: number[]
  batchId: number
}

export const ownerPin = '246810'
export const techPin = '135790'

export async function buildFixture(c: Caller): Promise<Fixture> {
  const h = c as unknown as Harness
  const session = await c.call('setup.complete', { shop, owner: { name: '王店主', pin: ownerPin } })
  const tech = await c.call('staff.create', { name: '李技师', role: 'technician', pin: techPin })
  await motoClaimRules(h)
  const claimIds = await readyMotoClaims(h)
  const moto = await manufacturerId(h, 'MOTO')
  const batch = await c.call('batches.create', { manufacturerId: moto, claimIds: claimIds.slice(0, 2), note: 'fuzz' })
  const ready = await pricedTicket(h, 20_000)
  await readyForPickup(h, ready.id)
  const { payment } = await c.call('payments.record', { ticketId: ready.id, amountMinor: 5_000, method: 'card' })
  await c.call('cash.open', { floatMinor: 10_000 })
  const awaiting = await warrantyTicketAwaitingParts(h)
  const fresh = await paidTicket(h)
  const one = (sql: string) => (c.ledger.sqlite.prepare(sql).get() as { id: number } | undefined)?.id ?? 1
  return {
    ownerId: session.staff.id,
    techId: tech.id,
    moto,
    samsung: await manufacturerId(h, 'SAMSUNG'),
    modelId: await modelId(h, 'moto g54'),
    customerId: one('SELECT id FROM customers ORDER BY id LIMIT 1'),
    deviceId: one('SELECT id FROM devices ORDER BY id LIMIT 1'),
    newTicket: fresh.id,
    warrantyTicket: awaiting.id,
    readyTicket: ready.id,
    partId: one('SELECT id FROM parts ORDER BY id LIMIT 1'),
    movementId: one(`SELECT id FROM stock_movements WHERE kind = 'consume' ORDER BY id LIMIT 1`),
    defectiveId: one('SELECT id FROM defective_parts ORDER BY id LIMIT 1'),
    paymentId: payment.id,
    claimIds,
    batchId: batch.id,
  }
}

type Seeds = { [C in ChannelName]?: InputOf<C>[] }

/**
 * Valid inputs per channel, aimed at the fixture's rows. A channel missing here gets one derived
 * from its schema (deriveSample) when that parses. `dir` is a scratch folder for file-writing channels.
 */
export function seedsFor(f: Fixture, dir: string): Seeds {
  const ticket = f.readyTicket
  const approval = { staffId: f.ownerId, pin: ownerPin }
  return {
    'app.info': [{}],
    'setup.complete': [{ shop, owner: { name: '张店主', pin: '1234' } }],
    'auth.signIn': [{ staffId: f.techId, pin: techPin }, { staffId: f.ownerId, pin: '0000' }],
    'auth.setLocale': [{ locale: 'en' }, { locale: null }],
    'settings.update': [{ shopName: '好修', receiptFooter: '谢谢' }, { taxRateBp: 1300, pricesIncludeTax: true, currency: 'CNY', timeZone: 'Asia/Shanghai', locale: 'zh-CN' }],
    'staff.list': [{ includeInactive: true }],
    'staff.create': [{ name: '赵学徒', role: 'technician', pin: '2468' }],
    'staff.update': [{ id: f.techId, name: '李师傅' }, { id: f.techId, active: true, role: 'technician', pin: techPin }],
    'customers.search': [{ query: '张', limit: 5 }, { query: '138' }],
    'customers.get': [{ id: f.customerId }],
    'customers.create': [{ name: '王五', phone: '139 0013 9000', email: 'w@example.com', kind: 'consumer', notes: '' }],
    'customers.update': [{ id: f.customerId, name: '张三丰', notes: 'VIP' }],
    'manufacturers.list': [{ includeInactive: true }],
    'manufacturers.create': [{ code: 'ZZ', name: 'Zed', warrantyMonths: 12, proofRequired: true }],
    'manufacturers.update': [{ id: f.samsung, name: 'Samsung', warrantyMonths: 24 }],
    'models.search': [{ query: 'moto', manufacturerId: f.moto, limit: 10 }],
    'models.create': [{ manufacturerId: f.moto, modelCode: 'XT9999', marketingName: 'moto fuzz', category: 'phone', warrantyMonths: null }],
    'devices.history': [{ deviceId: f.deviceId }, { identifier: '490154203237518' }],
    'tickets.intake': [
      {
        customer: { id: f.customerId },
        device: { new: { modelId: f.modelId, serial: 'FUZZ-001' }, purchaseDate: null },
        reportedFault: '不开机',
        condition: ['dents'],
        accessories: ['charger'],
        promisedDate: '2026-11-30',
        deposit: { amountMinor: 1000, method: 'cash', tenderedMinor: 2000 },
      },
    ],
    'tickets.list': [{ statuses: ['received'], overdue: false, limit: 10 }],
    'tickets.get': [{ id: ticket }],
    'tickets.search': [{ query: 'moto', limit: 5 }],
    'tickets.work': [{ id: ticket }],
    'tickets.assign': [{ id: f.newTicket, staffId: f.techId, note: '' }],
    'tickets.startDiagnosis': [{ id: f.newTicket, note: '' }],
    'tickets.diagnose': [{ id: f.newTicket, findings: '进水', faultCodes: { condition: '1', symptom: 'S01', defect: 'D04', repair: 'R04' }, repairTier: 'L1' }],
    'tickets.estimate': [{ id: f.newTicket, lines: [{ kind: 'part', description: '屏幕', quantity: 1, unitPriceMinor: 30_000, partId: f.partId }], note: '' }],
    'tickets.decide': [{ id: f.newTicket, decision: 'approved', via: 'phone' }],
    'tickets.startRepair': [{ id: f.newTicket }],
    'tickets.complete': [{ id: f.newTicket, workDone: '更换', testResult: 'passed' }],
    'tickets.markReady': [{ id: f.newTicket, contactedVia: 'sms' }],
    'tickets.collect': [{ id: ticket, collectedBy: '张三', override: { reason: '熟客', approval } }],
    'tickets.cancel': [{ id: f.newTicket, reason: '客户取消' }],
    'tickets.addNote': [{ id: ticket, note: '已电话通知' }],
    'tickets.board': [{ staffId: f.techId }, {}],
    'tickets.parts': [{ id: f.warrantyTicket }],
    'tickets.useParts': [{ id: f.warrantyTicket, lines: [{ partId: f.partId, quantity: 1, keepDefective: true }], note: '' }],
    'tickets.returnPart': [{ id: f.warrantyTicket, movementId: f.movementId, quantity: 1, reason: '' }],
    'parts.search': [{ query: 'moto', modelId: f.modelId, lowStockOnly: false, limit: 10 }],
    'parts.get': [{ id: f.partId }],
    'parts.create': [{ sku: 'FZ-1', name: 'fuzz part', sellPriceMinor: 100, modelIds: [f.modelId] }],
    'parts.update': [{ id: f.partId, binLocation: 'B-1', reorderPoint: 3 }],
    'stock.receive': [{ pool: 'shop', supplier: '华强北', lines: [{ partId: f.partId, quantity: 2, unitCostMinor: 1000 }] }],
    'stock.adjust': [{ partId: f.partId, pool: 'shop', quantity: 1, reason: '盘盈' }],
    'stock.transfer': [{ partId: f.partId, from: 'shop', to: `consigned:${f.moto}`, quantity: 1, reason: '调拨' }],
    'stock.scrap': [{ partId: f.partId, pool: 'shop', quantity: 1, reason: '损坏' }],
    'stock.stocktake': [{ pool: 'shop', counts: [{ partId: f.partId, counted: 3 }], dryRun: true }],
    'stock.levels': [{ query: '', lowStockOnly: true }],
    'stock.movements': [{ partId: f.partId, limit: 10 }],
    'rma.list': [{ manufacturerId: f.moto, includeShipped: true }],
    'rma.ship': [{ manufacturerId: f.moto, defectiveIds: [f.defectiveId], carrier: '顺丰', trackingNumber: 'SF123' }],
    'invoices.forTicket': [{ id: ticket }],
    'payments.record': [{ ticketId: ticket, amountMinor: 1000, method: 'cash', tenderedMinor: 2000, reference: '' }],
    'payments.refund': [{ paymentId: f.paymentId, amountMinor: 100, reason: '多收', approval }],
    'payments.list': [{ date: '2026-11-27' }, { ticketId: ticket }],
    'cash.open': [{ floatMinor: 0 }],
    'cash.close': [{ countedMinor: 10_000, denominations: [{ valueMinor: 10_000, count: 1 }] }],
    'cash.status': [{}],
    'cash.movement': [{ kind: 'paid_in', amountMinor: 500, reason: '找零' }],
    'reports.daily': [{ date: '2026-11-27' }],
    'reports.period': [{ from: '2026-11-01', to: '2026-11-30' }],
    'faultCodes.list': [{ manufacturerId: f.moto, includeInactive: true }],
    'faultCodes.upsert': [{ manufacturerId: f.moto, kind: 'symptom', code: 'S99', description: 'fuzz' }],
    'manufacturers.claimRules': [{ manufacturerId: f.moto }],
    'manufacturers.updateClaimRules': [
      { manufacturerId: f.moto, labourRates: { L1: 3000, L2: null }, partsMarkupBp: 1000, requiredFields: ['imei'] },
      { manufacturerId: f.moto, exportProfile: { formats: ['csv', 'json'], columns: [{ field: 'claim_number', header: 'No.' }] }, syncUrl: 'https://claims.example.invalid/api', syncToken: 'token-0123456789' },
    ],
    'claims.list': [{ statuses: ['ready'], manufacturerId: f.moto, limit: 10 }],
    'claims.get': [{ id: f.claimIds[2]! }],
    'claims.update': [{ id: f.claimIds[2]!, customerName: '张三', customerPhone: '', faultCodes: { symptom: 'S01' }, note: '更正' }],
    'claims.validate': [{ id: f.claimIds[2]! }],
    'batches.create': [{ manufacturerId: f.moto, claimIds: [f.claimIds[2]!], note: '' }],
    'batches.list': [{ statuses: ['open'], manufacturerId: f.moto, limit: 10 }],
    'batches.get': [{ id: f.batchId }],
    'batches.export': [{ id: f.batchId, folder: dir, jobId: 'fuzz-job-0001' }],
    'batches.exportProgress': [{ jobId: 'fuzz-job-0001' }],
    'batches.markSubmitted': [{ id: f.batchId, reference: 'PORTAL-1', note: '' }],
    'claims.recordOutcome': [
      { id: f.claimIds[0]!, outcome: 'accepted', approvedMinor: 1000, reference: 'MOT-1', date: '2026-11-27' },
      { id: f.claimIds[1]!, outcome: 'rejected', reason: 'IMEI 不符' },
    ],
    'claims.recordPayment': [{ manufacturerId: f.moto, reference: 'REM-1', paidDate: '2026-11-27', preview: true, lines: [{ claimId: f.claimIds[0]!, amountMinor: 1000 }] }],
    'claims.remittances': [{ manufacturerId: f.moto, limit: 10 }],
    'sync.enqueue': [{ batchId: f.batchId }],
    'sync.status': [{ statuses: ['queued'], batchId: f.batchId, limit: 10 }],
    'sync.retry': [{ id: 1 }],
    'backup.configure': [{ folder: dir, dailyAfterHour: 3, keepDaily: 7, keepMonthly: 12 }],
    'backup.run': [{ folder: dir, jobId: 'fuzz-backup-01' }],
    'backup.list': [{ folder: dir }],
    'backup.inspect': [{ file: `${dir}/missing.sqlite3` }],
    // A wrong PIN and a file that is no backup: a restore must never replace the fuzzed ledger.
    'backup.restore': [{ file: `${dir}/missing.sqlite3`, pin: '0000' }],
    'backup.progress': [{ jobId: 'fuzz-backup-01' }],
  }
}

/** Field values by name for channels without a seed (see deriveSample). */
export function hintsFor(f: Fixture, dir: string): FieldHints {
  return {
    id: 1,
    staffId: f.techId,
    manufacturerId: f.moto,
    modelId: f.modelId,
    partId: f.partId,
    ticketId: f.readyTicket,
    batchId: f.batchId,
    claimId: f.claimIds[0],
    paymentId: f.paymentId,
    deviceId: f.deviceId,
    customerId: f.customerId,
    movementId: f.movementId,
    phone: '138 0013 8000',
    imei: '490154203237518',
    serial: 'SN-12345',
    pin: ownerPin,
    pool: 'shop',
    currency: 'CNY',
    timeZone: 'Asia/Shanghai',
    locale: 'en',
    date: '2026-11-27',
    from: '2026-11-01',
    to: '2026-11-30',
    paidDate: '2026-11-27',
    purchaseDate: '2026-03-01',
    folder: dir,
    file: `${dir}/missing.sqlite3`,
    jobId: 'fuzz-job-0001',
    code: 'ZZ',
    sku: 'FZ-2',
    syncUrl: 'https://claims.example.invalid/api',
    syncToken: 'token-0123456789',
  }
}

const absolute = (s: string) => {
  const t = s.trim()
  return t.startsWith('/') || t.startsWith('\\\\') || /^[A-Za-z]:/.test(t)
}

const inside = (s: string, dir: string) => (s === dir || s.startsWith(`${dir}/`)) && !s.includes('..') && !s.includes('\\')

/**
 * Keeps the fuzzer inside `dir`: every path-like string (anywhere in the input, any channel)
 * becomes a path under it, and the backup channels always get a folder there rather than the
 * default one beside the ledger.
 */
export function confine(channel: string, input: unknown, dir: string): unknown {
  const seen = new Set<unknown>()
  const visit = (v: unknown): unknown => {
    if (typeof v === 'string') return absolute(v) && !inside(v, dir) ? `${dir}/p-${v.replace(/[^A-Za-z0-9_-]/g, '_').slice(0, 32)}` : v
    if (v === null || typeof v !== 'object' || seen.has(v)) return v
    seen.add(v)
    if (Array.isArray(v)) {
      for (let i = 0; i < Math.min(v.length, 10_000); i++) v[i] = visit(v[i])
    } else if (isPlainObject(v)) {
      for (const key of Object.keys(v)) setOwn(v, key, visit(v[key]))
    }
    return v
  }
  const out = visit(input)
  if (/^backup\.(run|list|configure)$/.test(channel) && isPlainObject(out)) {
    if (out.folder === undefined || out.folder === null) setOwn(out, 'folder', dir)
  }
  return out
}

const appendOnlyCache = new WeakMap<Database.Database, Set<string>>()

/** Tables whose rows the ledger's own triggers refuse to UPDATE or DELETE (the audit log, events, movements…). */
function appendOnlyTables(sqlite: Database.Database): Set<string> {
  let found = appendOnlyCache.get(sqlite)
  if (!found) {
    const triggers = sqlite.prepare(`SELECT tbl_name, sql FROM sqlite_master WHERE type = 'trigger'`).all() as { tbl_name: string; sql: string }[]
    const refuses = (table: string, op: string) =>
      triggers.some((t) => t.tbl_name === table && new RegExp(`BEFORE ${op} ON "?${table}"?\\s+BEGIN SELECT RAISE\\(ABORT`, 'i').test(t.sql))
    found = new Set(triggers.map((t) => t.tbl_name).filter((t) => refuses(t, 'UPDATE') && refuses(t, 'DELETE')))
    appendOnlyCache.set(sqlite, found)
  }
  return found
}

/**
 * A checksum of every row of every table, as Harness.digest() computes it, optionally leaving
 * tables out. An append-only table (its triggers refuse UPDATE and DELETE) can only grow, so its
 * row count stands for its rows: the audit log is most of a fuzzed ledger.
 */
export function digestOf(sqlite: Database.Database, leaveOut: readonly string[] = []): string {
  const tables = sqlite.prepare(`SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name`).all() as { name: string }[]
  const appendOnly = appendOnlyTables(sqlite)
  const hash = createHash('sha256')
  for (const { name } of tables) {
    if (leaveOut.includes(name)) continue
    if (appendOnly.has(name)) {
      hash.update(`${name}\n${JSON.stringify(sqlite.prepare(`SELECT count(*) AS n FROM "${name}"`).get())}\n`)
      continue
    }
    const rows = (sqlite.prepare(`SELECT * FROM "${name}"`).all() as unknown[]).map((r) => JSON.stringify(r)).sort()
    hash.update(`${name}\n${rows.join('\n')}\n`)
  }
  return hash.digest('hex')
}

/** Rows changed by this connection so far (also counts changes later rolled back): a cheap "maybe changed". */
export function totalChanges(sqlite: Database.Database): number {
  return (sqlite.prepare('SELECT total_changes() AS n').get() as { n: number }).n
}
