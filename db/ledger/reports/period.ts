import { sql } from 'kysely'
import type { DurationStatsDto, PeriodReportDto } from '../../../shared/dto/reports'
import { addDaysToDate, businessDateOf, daysBetween, startOfBusinessDate } from '../../../shared/dates'
import type { Executor } from '../audit'
import { readSettings } from '../settings'
import { periodClaims } from './claims'
import { medianAndP90 } from './nearest-rank'
import { paidTicketColumns, paidWorkOf, splitRevenue, type PaidTicketFacts, type PaidWork } from './paid-work'

// Period metrics over business dates `from`…`to` (inclusive). The definitions are written out in
// docs/reports.md beside the screen; each query below says which one it implements.

const topN = 10
const hour = 3_600_000

interface ReadyRow {
  received_at_ms: number
  ready_at_ms: number
  promised_date: string | null
  warranty: number
}

interface CompletedRow extends PaidTicketFacts {
  warranty: number
  repair_tier: string | null
  outcome: string | null
  test_result: string | null
  collected_business_date: string | null
  completer_id: number | null
  completer_name: string | null
  /** When the device first came back as a repeat of this ticket, if it did. */
  repeat_received: string | null
  repeat_within_30?: number
  repeat_within_90?: number
}

export async function periodReport(db: Executor, from: string, to: string): Promise<PeriodReportDto> {
  const settings = await readSettings(db)
  if (!settings) throw new Error('settings missing')
  const start = startOfBusinessDate(from, settings.timeZone)
  const end = startOfBusinessDate(addDaysToDate(to, 1), settings.timeZone)

  // Turnaround and on-time: repairs made ready for pick-up within the period.
  const ready = (await sql<ReadyRow>`
    SELECT received_at_ms, ready_at_ms, promised_date, warranty_status = 'in_warranty' AS warranty
    FROM tickets WHERE ready_at_ms >= ${start} AND ready_at_ms < ${end} AND outcome = 'repaired'`.execute(db)).rows
  const hours = (rows: ReadyRow[]) => rows.map((r) => (r.ready_at_ms - r.received_at_ms) / hour)
  const promised = ready.filter((r) => r.promised_date !== null)
  const onTime = promised.filter((r) => businessDateOf(r.ready_at_ms, settings.timeZone) <= (r.promised_date as string)).length

  // Completed in the period (by completion date), with who completed them and whether the same
  // device came back as a repeat within 30 / 90 days of hand-back.
  const completed = (await sql<CompletedRow>`
    SELECT ${paidTicketColumns}, t.warranty_status = 'in_warranty' AS warranty, t.repair_tier, t.outcome, t.test_result, t.collected_business_date,
           t.completed_by_staff_id AS completer_id, s.name AS completer_name,
           (SELECT min(r.received_business_date) FROM tickets r WHERE r.repeat_of_ticket_id = t.id) AS repeat_received
    FROM tickets t
    LEFT JOIN staff s ON s.id = t.completed_by_staff_id
    WHERE t.completed_business_date BETWEEN ${from} AND ${to}`.execute(db)).rows
  // A repeat counts within N days of the hand-back (the repeat flag itself reaches 90 days).
  for (const c of completed) {
    const days = c.repeat_received !== null && c.collected_business_date !== null ? daysBetween(c.collected_business_date, c.repeat_received) : null
    c.repeat_within_30 = days !== null && days <= 30 ? 1 : 0
    c.repeat_within_90 = days !== null && days <= 90 ? 1 : 0
  }
  const repaired = completed.filter((c) => c.outcome === null || c.outcome === 'repaired')
  const warrantyRepairs = repaired.filter((c) => c.warranty === 1)
  const fixedFirstTime = repaired.filter((c) => c.repeat_within_30 === 0 && c.test_result !== 'failed').length

  // Paid work completed or handed back in the period, read once for both uses.
  const collectedPaid = (await sql<PaidTicketFacts>`
    SELECT ${paidTicketColumns} FROM tickets t WHERE t.collected_business_date BETWEEN ${from} AND ${to} AND t.warranty_status <> 'in_warranty'`.execute(db)).rows
  const paidFacts = new Map<number, PaidTicketFacts>([...completed.filter((c) => c.warranty === 0), ...collectedPaid].map((t) => [t.id, t]))
  const paidWork = new Map((await paidWorkOf(db, [...paidFacts.values()], settings)).map((w) => [w.ticketId, w]))
  const warrantyCompletedIds = completed.filter((c) => c.warranty === 1).map((c) => c.id)
  const warrantyCost = await shopPartsCost(db, warrantyCompletedIds)

  const technicians = new Map<number, PeriodReportDto['technicians'][number]>()
  const kinds = new Map<string, PeriodReportDto['byKind'][number]>()
  for (const c of completed) {
    const work = paidWork.get(c.id)
    const revenue = work ? work.invoice.totalMinor - work.invoice.taxMinor : 0
    const cost = work ? work.partsCostMinor : (warrantyCost.get(c.id) ?? 0)
    if (c.completer_id !== null) {
      const tech = technicians.get(c.completer_id) ?? { staffId: c.completer_id, name: c.completer_name ?? '', completed: 0, warranty: 0, paid: 0, revenueNetMinor: 0 }
      tech.completed += 1
      if (c.warranty === 1) tech.warranty += 1
      else tech.paid += 1
      tech.revenueNetMinor += revenue
      technicians.set(c.completer_id, tech)
    }
    const tier = c.repair_tier ?? 'none'
    const key = `${tier}:${c.warranty}`
    const kind = kinds.get(key) ?? { tier, warranty: c.warranty === 1, tickets: 0, revenueNetMinor: 0, partsCostMinor: 0, grossMarginMinor: 0 }
    kind.tickets += 1
    kind.revenueNetMinor += revenue
    kind.partsCostMinor += cost
    kind.grossMarginMinor = kind.revenueNetMinor - kind.partsCostMinor
    kinds.set(key, kind)
  }

  const topFaults = (await sql<{ code: string; description: string; count: number }>`
    SELECT d.defect_code AS code, coalesce(min(fc.description), '') AS description, count(*) AS count
    FROM tickets t
    JOIN diagnoses d ON d.id = (SELECT max(x.id) FROM diagnoses x WHERE x.ticket_id = t.id)
    JOIN devices dv ON dv.id = t.device_id
    JOIN device_models dm ON dm.id = dv.model_id
    LEFT JOIN fault_codes fc ON fc.manufacturer_id = dm.manufacturer_id AND fc.kind = 'defect' AND fc.code = d.defect_code
    WHERE t.completed_business_date BETWEEN ${from} AND ${to}
    GROUP BY d.defect_code ORDER BY count DESC, code LIMIT ${topN}`.execute(db)).rows
  const topModels = (await sql<{ modelName: string; manufacturerName: string; count: number }>`
    SELECT dm.marketing_name AS modelName, mf.name AS manufacturerName, count(*) AS count
    FROM tickets t JOIN devices d ON d.id = t.device_id JOIN device_models dm ON dm.id = d.model_id JOIN manufacturers mf ON mf.id = dm.manufacturer_id
    WHERE t.received_business_date BETWEEN ${from} AND ${to}
    GROUP BY dm.id ORDER BY count DESC, modelName LIMIT ${topN}`.execute(db)).rows
  const parts = (await sql<{ partId: number; sku: string; name: string; quantity: number; shopCostMinor: number }>`
    SELECT p.id AS partId, p.sku, p.name, -sum(m.quantity) AS quantity,
           -sum(CASE WHEN m.pool = 'shop' THEN m.quantity * coalesce(m.unit_cost_minor, 0) ELSE 0 END) AS shopCostMinor
    FROM stock_movements m JOIN parts p ON p.id = m.part_id
    WHERE m.business_date BETWEEN ${from} AND ${to} AND m.kind IN ('consume', 'return') AND m.pool <> 'defective'
    GROUP BY p.id HAVING quantity <> 0 ORDER BY quantity DESC, p.sku LIMIT 20`.execute(db)).rows


  return {
    from,
    to,
    turnaround: { all: durationStats(hours(ready)), warranty: durationStats(hours(ready.filter((r) => r.warranty === 1))), paid: durationStats(hours(ready.filter((r) => r.warranty === 0))) },
    onTime: { withPromise: promised.length, onTime, rate: ratio(onTime, promised.length) },
    repeats: {
      warrantyCompleted: warrantyRepairs.length,
      within30: warrantyRepairs.filter((c) => c.repeat_within_30 === 1).length,
      within90: warrantyRepairs.filter((c) => c.repeat_within_90 === 1).length,
      rate30: ratio(warrantyRepairs.filter((c) => c.repeat_within_30 === 1).length, warrantyRepairs.length),
      rate90: ratio(warrantyRepairs.filter((c) => c.repeat_within_90 === 1).length, warrantyRepairs.length),
    },
    firstTimeFix: { repaired: repaired.length, fixedFirstTime, rate: ratio(fixedFirstTime, repaired.length) },
    technicians: [...technicians.values()].sort((a, b) => b.completed - a.completed || a.name.localeCompare(b.name)),
    topFaults,
    topModels,
    parts,
    byKind: [...kinds.values()].sort((a, b) => a.tier.localeCompare(b.tier) || Number(a.warranty) - Number(b.warranty)),
    revenue: splitRevenue(collectedPaid.map((t) => paidWork.get(t.id)).filter((w): w is PaidWork => w !== undefined)),
    claims: await periodClaims(db, start, end),
  }
}

/** Cost of the shop's own stock used on each ticket (consigned parts cost the shop nothing). */
async function shopPartsCost(db: Executor, ids: readonly number[]): Promise<Map<number, number>> {
  if (ids.length === 0) return new Map()
  const rows = (await sql<{ ticket_id: number; cost: number }>`
    SELECT ticket_id, -sum(quantity * coalesce(unit_cost_minor, 0)) AS cost FROM stock_movements
    WHERE ticket_id IN (SELECT value FROM json_each(${JSON.stringify(ids)})) AND kind IN ('consume', 'return') AND pool = 'shop'
    GROUP BY ticket_id`.execute(db)).rows
  return new Map(rows.map((r) => [r.ticket_id, r.cost]))
}

/** Median and 90th percentile by nearest rank, in hours with one decimal. */
export function durationStats(hours: number[]): DurationStatsDto {
  const { count, median, p90 } = medianAndP90(hours)
  const round = (h: number | null) => (h === null ? null : Math.round(h * 10) / 10)
  return { count, medianHours: round(median), p90Hours: round(p90) }
}

function ratio(part: number, whole: number): number | null {
  return whole === 0 ? null : part / whole
}
