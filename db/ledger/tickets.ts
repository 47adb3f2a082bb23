import { sql, type Selectable } from 'kysely'
import type { TicketEventDto, TicketSummaryDto } from '../../shared/dto/tickets'
import { isValidImei } from '../../shared/identifiers'
import { openTicketStatuses, type TicketStatus } from '../../shared/tickets'
import type { WarrantyStatus } from '../../shared/warranty'
import type { TicketsTable } from '../schema'
import type { Executor } from './audit'
import { compiledOnce } from './compiled'
import { escapeLike, ftsQuery } from './fts'

export type TicketRow = Selectable<TicketsTable>

/** One select for every list of tickets: the row plus what a list shows of its customer and device. */
export function summaryQuery(db: Executor) {
  return db
    .selectFrom('tickets as t')
    .innerJoin('customers as c', 'c.id', 't.customer_id')
    .innerJoin('devices as d', 'd.id', 't.device_id')
    .innerJoin('device_models as dm', 'dm.id', 'd.model_id')
    .innerJoin('manufacturers as mf', 'mf.id', 'dm.manufacturer_id')
    .leftJoin('staff as s', 's.id', 't.assigned_staff_id')
    .select([
      't.id',
      't.number',
      't.status',
      't.warranty_status',
      't.received_at_ms',
      't.received_business_date',
      't.promised_date',
      't.repeat_of_ticket_id',
      'c.name as customer_name',
      'c.phone as customer_phone',
      'mf.name as manufacturer_name',
      'dm.marketing_name as model_name',
      'd.imei',
      'd.serial',
      's.name as assigned_staff_name',
    ])
}

type SummaryRow = Awaited<ReturnType<ReturnType<typeof summaryQuery>['executeTakeFirstOrThrow']>>

// Every list ends by reading the summaries of a page of ids: one statement compiled once, the ids
// passed as one JSON array, newest first.
const summariesOfIds = compiledOnce((db) =>
  summaryQuery(db)
    .where('t.id', 'in', sql<number>`(SELECT value FROM json_each(${'[]'}))`)
    .orderBy('t.id', 'desc'),
)

export async function summariesOf(db: Executor, ids: readonly number[], today: string): Promise<TicketSummaryDto[]> {
  if (ids.length === 0) return []
  return (await summariesOfIds(db, [JSON.stringify(ids)])).map((r) => toSummaryDto(r, today))
}

export function isOverdue(status: TicketStatus, promisedDate: string | null, today: string): boolean {
  return promisedDate !== null && promisedDate < today && openTicketStatuses.includes(status)
}

export function toSummaryDto(row: SummaryRow, today: string): TicketSummaryDto {
  return {
    id: row.id,
    number: row.number,
    status: row.status,
    warrantyStatus: row.warranty_status,
    receivedAtMs: row.received_at_ms,
    receivedDate: row.received_business_date,
    promisedDate: row.promised_date,
    overdue: isOverdue(row.status, row.promised_date, today),
    customerName: row.customer_name,
    customerPhone: row.customer_phone,
    manufacturerName: row.manufacturer_name,
    modelName: row.model_name,
    imei: row.imei,
    serial: row.serial,
    assignedStaffName: row.assigned_staff_name,
    repeatOfTicketId: row.repeat_of_ticket_id,
  }
}

export interface TicketFilter {
  statuses: TicketStatus[]
  warrantyStatus?: WarrantyStatus | undefined
  assignedStaffId?: number | undefined
  overdue: boolean
  beforeId?: number | undefined
  limit: number
}

/**
 * Newest first, a page at a time (keyset on id). With a status filter each status is read from
 * its own index newest-first and the pages merged: one `status IN (…)` would make SQLite sort
 * every collected ticket of ten years to show fifty.
 */
export async function listTickets(db: Executor, filter: TicketFilter, today: string): Promise<{ items: TicketSummaryDto[]; nextBeforeId: number | null }> {
  // Only open tickets can be overdue; null means any status.
  const wanted = filter.statuses.length > 0 ? filter.statuses : null
  const statuses = filter.overdue ? (wanted ?? [...openTicketStatuses]).filter((s) => openTicketStatuses.includes(s)) : wanted
  if (statuses?.length === 0) return { items: [], nextBeforeId: null }
  const idsPerStatus = statuses ? statuses.map((status) => pageIds(db, filter, today, status)) : [pageIds(db, filter, today, undefined)]
  const ids = (await Promise.all(idsPerStatus))
    .flat()
    .sort((a, b) => b - a)
    .slice(0, filter.limit + 1)
  const page = ids.slice(0, filter.limit)
  return {
    items: await summariesOf(db, page, today),
    nextBeforeId: ids.length > filter.limit ? (page.at(-1) ?? null) : null,
  }
}

async function pageIds(db: Executor, filter: TicketFilter, today: string, status: TicketStatus | undefined): Promise<number[]> {
  let q = db.selectFrom('tickets').select('id')
  if (status !== undefined) q = q.where('status', '=', status)
  if (filter.warrantyStatus) q = q.where('warranty_status', '=', filter.warrantyStatus)
  if (filter.assignedStaffId !== undefined) q = q.where('assigned_staff_id', '=', filter.assignedStaffId)
  if (filter.overdue) q = q.where('promised_date', '<', today)
  if (filter.beforeId !== undefined) q = q.where('id', '<', filter.beforeId)
  const rows = await q.orderBy('id', 'desc').limit(filter.limit + 1).execute()
  return rows.map((r) => r.id)
}

/**
 * Tickets matching every typed term in number, customer name or phone, IMEI, serial or model.
 * A scanned ticket number or IMEI goes straight to its index; terms of 3+ characters use the
 * trigram index; a 2-character query (a Chinese name) matches customer names by prefix. Shorter
 * queries find nothing: one surname matches a fifth of a shop's customers.
 */
export async function searchTickets(db: Executor, query: string, limit: number, today: string): Promise<TicketSummaryDto[]> {
  return summariesOf(db, await matchingTicketIds(db, query.trim(), limit), today)
}

async function matchingTicketIds(db: Executor, query: string, limit: number): Promise<number[]> {
  if (/^R\d{4}-\d{4,}$/i.test(query)) {
    const row = await db.selectFrom('tickets').select('id').where('number', '=', query.toUpperCase()).executeTakeFirst()
    if (row) return [row.id]
  }
  if (/^\d{15}$/.test(query) && isValidImei(query)) {
    const rows = await db
      .selectFrom('tickets')
      .select('tickets.id')
      .where('device_id', 'in', (eb) => eb.selectFrom('devices').select('id').where('imei', '=', query))
      .orderBy('tickets.id', 'desc')
      .limit(limit)
      .execute()
    if (rows.length > 0) return rows.map((r) => r.id)
  }
  const match = ftsQuery(query)
  if (match) {
    const rows = await sql<{ rowid: number }>`SELECT rowid FROM ticket_search WHERE ticket_search MATCH ${match} ORDER BY rowid DESC LIMIT ${limit}`.execute(db)
    return rows.rows.map((r) => r.rowid)
  }
  if ([...query].length < 2 || /^\d+$/.test(query)) return []
  const pattern = `${escapeLike(query)}%`
  const rows = await db
    .selectFrom('tickets')
    .select('id')
    .where('customer_id', 'in', sql<number>`(SELECT id FROM customers WHERE name LIKE ${pattern} ESCAPE '\\')`)
    .orderBy('id', 'desc')
    .limit(limit)
    .execute()
  return rows.map((r) => r.id)
}

export async function ticketsOfDevice(db: Executor, deviceId: number, today: string): Promise<TicketSummaryDto[]> {
  return (await summaryQuery(db).where('t.device_id', '=', deviceId).orderBy('t.id', 'desc').execute()).map((r) => toSummaryDto(r, today))
}

export async function ticketsOfCustomer(db: Executor, customerId: number, today: string, limit = 50): Promise<TicketSummaryDto[]> {
  return (await summaryQuery(db).where('t.customer_id', '=', customerId).orderBy('t.id', 'desc').limit(limit).execute()).map((r) => toSummaryDto(r, today))
}

export async function findTicket(db: Executor, id: number): Promise<TicketRow | undefined> {
  return db.selectFrom('tickets').selectAll().where('id', '=', id).executeTakeFirst()
}

export async function findSummary(db: Executor, id: number, today: string): Promise<TicketSummaryDto | undefined> {
  const row = await summaryQuery(db).where('t.id', '=', id).executeTakeFirst()
  return row && toSummaryDto(row, today)
}

/** The device's most recent collected ticket collected on or after `sinceDate`, if any. */
export async function lastCollectedSince(db: Executor, deviceId: number, sinceDate: string): Promise<TicketRow | undefined> {
  return db
    .selectFrom('tickets')
    .selectAll()
    .where('device_id', '=', deviceId)
    .where('status', '=', 'collected')
    .where('collected_business_date', '>=', sinceDate)
    .orderBy('collected_business_date', 'desc')
    .orderBy('id', 'desc')
    .executeTakeFirst()
}

const eventRows = compiledOnce((db) =>
  db
    .selectFrom('ticket_events as e')
    .innerJoin('staff as s', 's.id', 'e.staff_id')
    .select(['e.id', 'e.at_ms', 's.name as staff_name', 'e.kind', 'e.from_status', 'e.to_status', 'e.note', 'e.data_json'])
    .where('e.ticket_id', '=', 0)
    .orderBy('e.id'),
)

export async function ticketEvents(db: Executor, ticketId: number): Promise<TicketEventDto[]> {
  const rows = await eventRows(db, [ticketId])
  return rows.map((r) => ({
    id: r.id,
    atMs: r.at_ms,
    staffName: r.staff_name,
    kind: r.kind,
    fromStatus: r.from_status as TicketStatus | null,
    toStatus: r.to_status as TicketStatus | null,
    note: r.note,
    data: JSON.parse(r.data_json) as Record<string, unknown>,
  }))
}

export async function appendTicketEvent(
  db: Executor,
  e: { ticketId: number; atMs: number; staffId: number; kind: string; fromStatus: TicketStatus | null; toStatus: TicketStatus | null; note?: string; data?: Record<string, unknown> },
): Promise<void> {
  await db
    .insertInto('ticket_events')
    .values({
      ticket_id: e.ticketId,
      at_ms: e.atMs,
      staff_id: e.staffId,
      kind: e.kind,
      from_status: e.fromStatus,
      to_status: e.toStatus,
      note: e.note ?? '',
      data_json: JSON.stringify(e.data ?? {}),
    })
    .execute()
}
