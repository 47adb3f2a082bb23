import { sql } from 'kysely'
import type { DailyReportDto, DrawerSessionSummaryDto } from '../../../shared/dto/reports'
import { addDaysToDate, startOfBusinessDate } from '../../../shared/dates'
import { openTicketStatuses, type TicketStatus } from '../../../shared/tickets'
import type { WarrantyStatus } from '../../../shared/warranty'
import type { Executor } from '../audit'
import { loadCashSession } from '../cash'
import { paymentsOfDay } from '../payments'
import { readSettings } from '../settings'
import { summariesOf } from '../tickets'
import { dailyClaims } from './claims'
import { paidTicketColumns, paidWorkOf, splitRevenue, type PaidTicketFacts } from './paid-work'

// The owner's daily report for one business date. Every figure is read from the ledger's rows
// of that day (payments, drawer sessions, ticket dates, stock movements); "open" means open at
// the end of that day, rebuilt from the ticket events, so yesterday's report reads the same today.

const overdueListed = 50

export async function dailyReport(db: Executor, date: string, today: string): Promise<DailyReportDto> {
  const settings = await readSettings(db)
  if (!settings) throw new Error('settings missing')
  const tz = settings.timeZone
  const end = startOfBusinessDate(addDaysToDate(date, 1), tz)

  const day = await paymentsOfDay(db, date)
  const paymentsMinor = day.totals.reduce((sum, t) => sum + t.paymentsMinor, 0)
  const refundsMinor = day.totals.reduce((sum, t) => sum + t.refundsMinor, 0)

  const counts = (await sql<{ received: number; completed: number; collected: number; cancelled: number }>`
    SELECT (SELECT count(*) FROM tickets WHERE received_business_date = ${date}) AS received,
           (SELECT count(*) FROM tickets WHERE completed_business_date = ${date}) AS completed,
           (SELECT count(*) FROM tickets WHERE collected_business_date = ${date}) AS collected,
           (SELECT count(*) FROM tickets WHERE cancelled_at_ms >= ${startOfBusinessDate(date, tz)} AND cancelled_at_ms < ${end}) AS cancelled`.execute(db)).rows[0]!

  const open = await openAtEndOf(db, date, end, today)
  const openByStatus: Partial<Record<TicketStatus, number>> = {}
  for (const t of open) openByStatus[t.status] = (openByStatus[t.status] ?? 0) + 1

  const received: Partial<Record<WarrantyStatus, number>> = {}
  for (const r of (await sql<{ warranty_status: WarrantyStatus; n: number }>`
    SELECT warranty_status, count(*) AS n FROM tickets WHERE received_business_date = ${date} GROUP BY warranty_status`.execute(db)).rows) {
    received[r.warranty_status] = r.n
  }
  const completedMix = (await sql<{ warranty: number; paid: number }>`
    SELECT coalesce(sum(warranty_status = 'in_warranty'), 0) AS warranty, coalesce(sum(warranty_status <> 'in_warranty'), 0) AS paid
    FROM tickets WHERE completed_business_date = ${date}`.execute(db)).rows[0]!

  const paidTickets = (await sql<PaidTicketFacts>`
    SELECT ${paidTicketColumns} FROM tickets t WHERE t.collected_business_date = ${date} AND t.warranty_status <> 'in_warranty'`.execute(db)).rows
  const paidWork = splitRevenue(await paidWorkOf(db, paidTickets, settings))

  const warrantyParts = (await sql<{ manufacturer_id: number; manufacturer_name: string; quantity: number; consigned_quantity: number; shop_quantity: number; shop_cost_minor: number }>`
    SELECT mf.id AS manufacturer_id, mf.name AS manufacturer_name,
           -sum(m.quantity) AS quantity,
           -sum(CASE WHEN m.pool <> 'shop' THEN m.quantity ELSE 0 END) AS consigned_quantity,
           -sum(CASE WHEN m.pool = 'shop' THEN m.quantity ELSE 0 END) AS shop_quantity,
           -sum(CASE WHEN m.pool = 'shop' THEN m.quantity * coalesce(m.unit_cost_minor, 0) ELSE 0 END) AS shop_cost_minor
    FROM stock_movements m
    JOIN tickets t ON t.id = m.ticket_id
    JOIN devices d ON d.id = t.device_id
    JOIN device_models dm ON dm.id = d.model_id
    JOIN manufacturers mf ON mf.id = dm.manufacturer_id
    WHERE m.business_date = ${date} AND m.kind IN ('consume', 'return') AND m.pool <> 'defective' AND t.warranty_status = 'in_warranty'
    GROUP BY mf.id ORDER BY mf.name`.execute(db)).rows

  const claims = await dailyClaims(db, date, startOfBusinessDate(date, tz), end)

  const overdueIds = open.filter((t) => t.promised_date !== null && t.promised_date < date).map((t) => t.id).sort((a, b) => b - a)
  const repeatIds = (await sql<{ id: number }>`
    SELECT id FROM tickets WHERE received_business_date = ${date} AND repeat_of_ticket_id IS NOT NULL ORDER BY id DESC`.execute(db)).rows.map((r) => r.id)

  const sessions = await drawerSessions(db, date)
  const closed = sessions.filter((s) => s.countedMinor !== null)
  return {
    date,
    shop: { name: settings.shopName, address: settings.address, phone: settings.phone, currency: settings.currency },
    takings: { totals: day.totals, paymentsMinor, refundsMinor, netMinor: paymentsMinor - refundsMinor },
    drawer: {
      sessions,
      expectedMinor: sessions.reduce((sum, s) => sum + s.expectedMinor, 0),
      countedMinor: closed.length === 0 ? null : closed.reduce((sum, s) => sum + (s.countedMinor ?? 0), 0),
      overShortMinor: closed.length === 0 ? null : closed.reduce((sum, s) => sum + (s.overShortMinor ?? 0), 0),
    },
    tickets: counts,
    openByStatus,
    openTotal: open.length,
    mix: { received, completedWarranty: completedMix.warranty, completedPaid: completedMix.paid },
    paidWork,
    warrantyParts: warrantyParts.map((w) => ({
      manufacturerId: w.manufacturer_id,
      manufacturerName: w.manufacturer_name,
      quantity: w.quantity,
      consignedQuantity: w.consigned_quantity,
      shopQuantity: w.shop_quantity,
      shopCostMinor: w.shop_cost_minor,
    })),
    claims,
    overdue: await summariesOf(db, overdueIds.slice(0, overdueListed), date),
    repeats: await summariesOf(db, repeatIds, date),
  }
}

interface OpenTicket {
  id: number
  status: TicketStatus
  promised_date: string | null
}

/**
 * Tickets open at `end` (the next day's first instant) with their status then. Candidates are
 * the tickets open now plus those handed back or cancelled since; each one's status at `end` is
 * its last status event before it.
 */
async function openAtEndOf(db: Executor, date: string, end: number, today: string): Promise<OpenTicket[]> {
  const openNow = JSON.stringify(openTicketStatuses)
  if (date >= today) {
    return (await sql<OpenTicket>`
      SELECT id, status, promised_date FROM tickets
      WHERE status IN (SELECT value FROM json_each(${openNow})) AND received_at_ms < ${end}`.execute(db)).rows
  }
  const rows = (await sql<OpenTicket>`
    WITH candidates AS (
      SELECT id FROM tickets WHERE status IN (SELECT value FROM json_each(${openNow}))
      UNION SELECT id FROM tickets INDEXED BY tickets_collected_received WHERE collected_business_date > ${date} AND received_business_date <= ${date}
      UNION SELECT id FROM tickets INDEXED BY tickets_cancelled_at WHERE cancelled_at_ms >= ${end}
    )
    SELECT t.id, t.promised_date,
           (SELECT e.to_status FROM ticket_events e WHERE e.ticket_id = t.id AND e.at_ms < ${end} AND e.to_status IS NOT NULL ORDER BY e.at_ms DESC, e.id DESC LIMIT 1) AS status
    FROM candidates c JOIN tickets t ON t.id = c.id
    WHERE t.received_at_ms < ${end}`.execute(db)).rows
  return rows.filter((r) => r.status !== null && openTicketStatuses.includes(r.status))
}

async function drawerSessions(db: Executor, date: string): Promise<DrawerSessionSummaryDto[]> {
  const ids = (await sql<{ id: number }>`SELECT id FROM cash_sessions WHERE business_date = ${date} ORDER BY id`.execute(db)).rows
  const sessions: DrawerSessionSummaryDto[] = []
  for (const { id } of ids) {
    const s = await loadCashSession(db, id)
    if (!s) continue
    sessions.push({
      id: s.id,
      openedByName: s.openedByName,
      floatMinor: s.floatMinor,
      expectedMinor: s.closing?.expectedMinor ?? s.expectedMinor,
      countedMinor: s.closing?.countedMinor ?? null,
      overShortMinor: s.closing?.overShortMinor ?? null,
      closedByName: s.closing?.closedByName ?? null,
    })
  }
  return sessions
}
