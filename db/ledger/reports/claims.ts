import { sql } from 'kysely'
import { daysBetween } from '../../../shared/dates'
import type { ClaimPaymentDaysDto, DailyClaimsDto, ManufacturerClaimsDto, PeriodClaimsDto } from '../../../shared/dto/reports'
import type { Executor } from '../audit'
import { medianAndP90 } from './nearest-rank'

// Warranty claims in the owner's reports (definitions in docs/reports.md). Sent, answered and
// paid are read from the claim events and remittance lines entered in the period; what is owed is
// the running balance of claim_receivables at the period's end, so a past day reads the same later.

/** Owed by manufacturers just before `endMs`: one index seek on the running balance. */
async function receivableAt(db: Executor, endMs: number): Promise<number> {
  const row = await db.selectFrom('claim_receivables').select('balance_minor').where('at_ms', '<', endMs).orderBy('at_ms', 'desc').orderBy('id', 'desc').limit(1).executeTakeFirst()
  return row?.balance_minor ?? 0
}

interface EventTotals {
  manufacturer_id: number
  submitted: number
  submitted_minor: number
  accepted: number
  approved_minor: number
  rejected: number
  rejected_minor: number
}

/** Submitted, accepted and rejected in [startMs, endMs), per manufacturer. */
async function eventTotals(db: Executor, startMs: number, endMs: number): Promise<EventTotals[]> {
  return (await sql<EventTotals>`
    SELECT c.manufacturer_id,
           coalesce(sum(e.kind = 'submitted'), 0) AS submitted,
           coalesce(sum(CASE WHEN e.kind = 'submitted' THEN json_extract(e.data_json, '$.amountMinor') END), 0) AS submitted_minor,
           coalesce(sum(e.kind = 'accepted'), 0) AS accepted,
           coalesce(sum(CASE WHEN e.kind = 'accepted' THEN json_extract(e.data_json, '$.approvedMinor') END), 0) AS approved_minor,
           coalesce(sum(e.kind = 'rejected'), 0) AS rejected,
           coalesce(sum(CASE WHEN e.kind = 'rejected' THEN json_extract(e.data_json, '$.amountMinor') END), 0) AS rejected_minor
    FROM claim_events e INDEXED BY claim_events_kind_at
    JOIN claims c ON c.id = e.claim_id
    WHERE e.kind IN ('submitted', 'accepted', 'rejected') AND e.at_ms >= ${startMs} AND e.at_ms < ${endMs}
    GROUP BY c.manufacturer_id`.execute(db)).rows
}

/** Remittance lines entered in [startMs, endMs), per manufacturer. */
async function paidTotals(db: Executor, startMs: number, endMs: number): Promise<{ manufacturer_id: number; claims: number; paid_minor: number }[]> {
  return (await sql<{ manufacturer_id: number; claims: number; paid_minor: number }>`
    SELECT c.manufacturer_id, count(DISTINCT p.claim_id) AS claims, coalesce(sum(p.amount_minor), 0) AS paid_minor
    FROM claim_payments p JOIN claims c ON c.id = p.claim_id
    WHERE p.at_ms >= ${startMs} AND p.at_ms < ${endMs}
    GROUP BY c.manufacturer_id`.execute(db)).rows
}

/**
 * Claims not yet sent (draft or ready) at `endMs`. A claim unchanged since then is as it is now;
 * one changed since is read back from its events.
 */
async function unsentAt(db: Executor, endMs: number): Promise<number> {
  const row = (await sql<{ n: number }>`
    SELECT (SELECT count(*) FROM claims WHERE status IN ('draft', 'ready') AND created_at_ms < ${endMs} AND updated_at_ms < ${endMs})
         + (SELECT count(*) FROM claims c INDEXED BY claims_updated
             WHERE c.updated_at_ms >= ${endMs} AND c.created_at_ms < ${endMs}
               AND (SELECT e.to_status FROM claim_events e WHERE e.claim_id = c.id AND e.to_status IS NOT NULL AND e.at_ms < ${endMs} ORDER BY e.id DESC LIMIT 1) IN ('draft', 'ready')) AS n`.execute(db)).rows[0]
  return row?.n ?? 0
}

export async function dailyClaims(db: Executor, date: string, startMs: number, endMs: number): Promise<DailyClaimsDto> {
  const completed = (await sql<{ n: number }>`
    SELECT count(*) AS n FROM tickets INDEXED BY tickets_completed_date WHERE completed_business_date = ${date} AND warranty_status = 'in_warranty'`.execute(db)).rows[0]!.n
  const events = await eventTotals(db, startMs, endMs)
  const paid = await paidTotals(db, startMs, endMs)
  const sum = <T>(rows: T[], pick: (r: T) => number) => rows.reduce((total, r) => total + Number(pick(r)), 0)
  return {
    warrantyCompleted: completed,
    unsent: await unsentAt(db, endMs),
    submittedCount: sum(events, (e) => e.submitted),
    submittedMinor: sum(events, (e) => e.submitted_minor),
    acceptedCount: sum(events, (e) => e.accepted),
    approvedMinor: sum(events, (e) => e.approved_minor),
    rejectedCount: sum(events, (e) => e.rejected),
    rejectedMinor: sum(events, (e) => e.rejected_minor),
    paidCount: sum(paid, (p) => p.claims),
    paidMinor: sum(paid, (p) => p.paid_minor),
    receivableMinor: await receivableAt(db, endMs),
  }
}

interface FirstPayment {
  manufacturer_id: number
  paid_date: string
  submitted_date: string | null
  expected_minor: number
  paid_minor: number
}

/** Median and 90th percentile by nearest rank, whole days. */
function dayStats(days: number[]): ClaimPaymentDaysDto {
  const { count, median, p90 } = medianAndP90(days)
  return { count, medianDays: median, p90Days: p90 }
}

/** What each manufacturer owed at `endMs`: owed now, less what changed since. */
async function receivableByManufacturer(db: Executor, endMs: number): Promise<Map<number, number>> {
  const now = (await sql<{ manufacturer_id: number; owed: number }>`
    SELECT manufacturer_id, coalesce(sum(CASE WHEN status = 'accepted' THEN coalesce(approved_minor, total_minor) ELSE total_minor END), 0) AS owed
    FROM claims WHERE status IN ('submitted', 'accepted') GROUP BY manufacturer_id`.execute(db)).rows
  const since = (await sql<{ manufacturer_id: number; delta: number }>`
    SELECT c.manufacturer_id, sum(r.delta_minor) AS delta
    FROM claim_receivables r JOIN claims c ON c.id = r.claim_id
    WHERE r.at_ms >= ${endMs} GROUP BY c.manufacturer_id`.execute(db)).rows
  const owed = new Map(now.map((r) => [r.manufacturer_id, r.owed]))
  for (const r of since) owed.set(r.manufacturer_id, (owed.get(r.manufacturer_id) ?? 0) - r.delta)
  return owed
}

export async function periodClaims(db: Executor, startMs: number, endMs: number): Promise<PeriodClaimsDto> {
  const events = new Map((await eventTotals(db, startMs, endMs)).map((e) => [e.manufacturer_id, e]))
  const paid = new Map((await paidTotals(db, startMs, endMs)).map((p) => [p.manufacturer_id, p]))
  // Claims first paid in the period: days from submission to the payment date, and any shortfall.
  const firsts = (await sql<FirstPayment>`
    SELECT c.manufacturer_id, json_extract(e.data_json, '$.date') AS paid_date, c.submitted_date,
           coalesce(c.approved_minor, c.total_minor) AS expected_minor, c.paid_minor
    FROM claim_events e INDEXED BY claim_events_kind_at JOIN claims c ON c.id = e.claim_id
    WHERE e.kind = 'paid' AND e.at_ms >= ${startMs} AND e.at_ms < ${endMs}`.execute(db)).rows
  const owed = await receivableByManufacturer(db, endMs)
  const makers = await db.selectFrom('manufacturers').select(['id', 'name']).orderBy('name').execute()

  const rowFor = (id: number, name: string): ManufacturerClaimsDto => {
    const e = events.get(id)
    const mine = firsts.filter((f) => f.manufacturer_id === id)
    const accepted = Number(e?.accepted ?? 0)
    const rejected = Number(e?.rejected ?? 0)
    return {
      manufacturerId: id,
      manufacturerName: name,
      submittedCount: Number(e?.submitted ?? 0),
      submittedMinor: Number(e?.submitted_minor ?? 0),
      acceptedCount: accepted,
      rejectedCount: rejected,
      rejectionRate: accepted + rejected === 0 ? null : rejected / (accepted + rejected),
      paidMinor: Number(paid.get(id)?.paid_minor ?? 0),
      daysToPayment: dayStats(mine.filter((f) => f.submitted_date !== null).map((f) => daysBetween(f.submitted_date as string, f.paid_date))),
      receivableMinor: owed.get(id) ?? 0,
    }
  }
  const byManufacturer = makers.map((m) => rowFor(m.id, m.name)).filter((r) => r.submittedCount + r.acceptedCount + r.rejectedCount + r.paidMinor + r.receivableMinor !== 0 || r.daysToPayment.count > 0)
  const total = (pick: (r: ManufacturerClaimsDto) => number) => byManufacturer.reduce((sum, r) => sum + pick(r), 0)
  const accepted = total((r) => r.acceptedCount)
  const rejected = total((r) => r.rejectedCount)
  return {
    submittedCount: total((r) => r.submittedCount),
    submittedMinor: total((r) => r.submittedMinor),
    acceptedCount: accepted,
    rejectedCount: rejected,
    rejectionRate: accepted + rejected === 0 ? null : rejected / (accepted + rejected),
    paidMinor: total((r) => r.paidMinor),
    daysToPayment: dayStats(firsts.filter((f) => f.submitted_date !== null).map((f) => daysBetween(f.submitted_date as string, f.paid_date))),
    receivableMinor: await receivableAt(db, endMs),
    shortPaidMinor: firsts.reduce((sum, f) => sum + Math.max(0, f.expected_minor - f.paid_minor), 0),
    byManufacturer,
  }
}

