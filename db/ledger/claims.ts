import { sql, type Selectable } from 'kysely'
import type { ClaimStatus } from '../../shared/claims'
import type { ClaimEventDto, ClaimLineDto } from '../../shared/dto/claims'
import type { PoolKey } from '../../shared/stock'
import type { ClaimLinesTable, ClaimsTable } from '../schema'
import type { Executor } from './audit'
import { compiledOnce } from './compiled'

// Reading claims: the row with what its lists and checks need from the ticket, manufacturer,
// model and technician; its parts lines; its history. Pages of ids are read newest first.

export type ClaimRow = Selectable<ClaimsTable>
export type ClaimLineRow = Selectable<ClaimLinesTable>

export async function findClaim(db: Executor, id: number): Promise<ClaimRow | undefined> {
  return db.selectFrom('claims').selectAll().where('id', '=', id).executeTakeFirst()
}

export async function claimOfTicket(db: Executor, ticketId: number): Promise<ClaimRow | undefined> {
  return db.selectFrom('claims').selectAll().where('ticket_id', '=', ticketId).executeTakeFirst()
}

/** A claim row joined with everything its summary and its validation read. */
export function claimQuery(db: Executor) {
  return db
    .selectFrom('claims as c')
    .innerJoin('tickets as t', 't.id', 'c.ticket_id')
    .innerJoin('manufacturers as mf', 'mf.id', 'c.manufacturer_id')
    .innerJoin('device_models as dm', 'dm.id', 'c.model_id')
    .innerJoin('staff as s', 's.id', 'c.technician_staff_id')
    .leftJoin('tickets as prev', 'prev.id', 't.repeat_of_ticket_id')
    .selectAll('c')
    .select([
      't.number as ticket_number',
      't.status as ticket_status',
      'mf.code as manufacturer_code',
      'mf.name as manufacturer_name',
      'mf.warranty_months as manufacturer_warranty_months',
      'mf.proof_required',
      'mf.claim_window_days',
      'mf.labour_l1_minor',
      'mf.labour_l2_minor',
      'mf.labour_l3_minor',
      'mf.required_claim_fields_json',
      'dm.model_code',
      'dm.marketing_name as model_name',
      'dm.warranty_months as model_warranty_months',
      's.name as technician_name',
      'prev.id as repeat_ticket_id',
      'prev.number as repeat_ticket_number',
      'prev.collected_business_date as repeat_collected_date',
      // The latest batch the claim was in (claim_batch_items_claim index).
      sql<number | null>`(SELECT i.batch_id FROM claim_batch_items i WHERE i.claim_id = c.id ORDER BY i.batch_id DESC LIMIT 1)`.as('batch_id'),
      sql<string | null>`(SELECT b.number FROM claim_batch_items i JOIN claim_batches b ON b.id = i.batch_id WHERE i.claim_id = c.id ORDER BY i.batch_id DESC LIMIT 1)`.as('batch_number'),
    ])
}

export type ClaimViewRow = Awaited<ReturnType<ReturnType<typeof claimQuery>['executeTakeFirstOrThrow']>>

// Compiled once (a page of claims reads these on every list): the ids travel as one JSON parameter.
const claimViewsOf = compiledOnce((db) => claimQuery(db).where('c.id', 'in', sql<number>`(SELECT value FROM json_each(${'[]'}))`).orderBy('c.id', 'desc'))
const claimLinesOf = compiledOnce((db) =>
  db.selectFrom('claim_lines').selectAll().where('claim_id', 'in', sql<number>`(SELECT value FROM json_each(${'[]'}))`).orderBy('claim_id').orderBy('position'),
)

export async function claimViews(db: Executor, ids: readonly number[]): Promise<ClaimViewRow[]> {
  if (ids.length === 0) return []
  return claimViewsOf(db, [JSON.stringify(ids)])
}

export interface ClaimFilter {
  statuses: readonly ClaimStatus[]
  manufacturerId?: number | undefined
  beforeId?: number | undefined
  limit: number
}

/**
 * A page of claim ids, newest first (keyset on id). Each status is read from its own index and
 * the pages merged, as tickets.list does, so a filter never sorts every claim ever made.
 */
export async function pageClaimIds(db: Executor, filter: ClaimFilter): Promise<{ ids: number[]; nextBeforeId: number | null }> {
  const statuses = filter.statuses.length > 0 ? filter.statuses : [undefined]
  const perStatus = await Promise.all(
    statuses.map(async (status) => {
      const query = pageQuery(filter.manufacturerId !== undefined, status !== undefined, filter.beforeId !== undefined)
      const params = [filter.manufacturerId, status, filter.beforeId].filter((v) => v !== undefined)
      return (await query(db, [...params, filter.limit + 1])).map((r) => r.id)
    }),
  )
  const ids = perStatus.flat().sort((a, b) => b - a).slice(0, filter.limit + 1)
  const page = ids.slice(0, filter.limit)
  return { ids: page, nextBeforeId: ids.length > filter.limit ? (page.at(-1) ?? null) : null }
}

/** The page query for each combination of filters, compiled once (the claims screen lists often). */
const pageQueries = new Map<string, ReturnType<typeof compilePage>>()

function compilePage(byMaker: boolean, byStatus: boolean, before: boolean) {
  return compiledOnce((db) => {
    let q = db.selectFrom('claims').select('id')
    if (byMaker) q = q.where('manufacturer_id', '=', 0)
    if (byStatus) q = q.where('status', '=', 'draft')
    if (before) q = q.where('id', '<', 0)
    return q.orderBy('id', 'desc').limit(1)
  })
}

function pageQuery(byMaker: boolean, byStatus: boolean, before: boolean) {
  const key = `${byMaker}${byStatus}${before}`
  let query = pageQueries.get(key)
  if (!query) {
    query = compilePage(byMaker, byStatus, before)
    pageQueries.set(key, query)
  }
  return query
}

export async function claimLineRows(db: Executor, claimIds: readonly number[]): Promise<ClaimLineRow[]> {
  if (claimIds.length === 0) return []
  return claimLinesOf(db, [JSON.stringify(claimIds)])
}

export function toClaimLineDto(row: ClaimLineRow): ClaimLineDto {
  return {
    position: row.position,
    movementId: row.consume_movement_id,
    partId: row.part_id,
    partNumber: row.part_number,
    name: row.part_name,
    quantity: row.quantity,
    pool: row.pool as PoolKey,
    serialized: row.serialized === 1,
    oldSerial: row.old_serial,
    newSerial: row.new_serial,
    returnRequired: row.return_required === 1,
    defectivePartId: row.defective_part_id,
    unitCostMinor: row.unit_cost_minor,
    amountMinor: row.amount_minor,
  }
}

const eventsOf = compiledOnce((db) =>
  db
    .selectFrom('claim_events as e')
    .innerJoin('staff as s', 's.id', 'e.staff_id')
    .select(['e.id', 'e.at_ms', 's.name as staff_name', 'e.kind', 'e.from_status', 'e.to_status', 'e.revision', 'e.note', 'e.data_json'])
    .where('e.claim_id', '=', 0)
    .orderBy('e.id'),
)

export async function claimEvents(db: Executor, claimId: number): Promise<ClaimEventDto[]> {
  const rows = await eventsOf(db, [claimId])
  return rows.map((r) => ({
    id: r.id,
    atMs: r.at_ms,
    staffName: r.staff_name,
    kind: r.kind,
    fromStatus: r.from_status,
    toStatus: r.to_status,
    revision: r.revision,
    note: r.note,
    data: JSON.parse(r.data_json) as Record<string, unknown>,
  }))
}

export interface ClaimEvent {
  claimId: number
  atMs: number
  staffId: number
  kind: string
  fromStatus?: ClaimStatus | null
  toStatus?: ClaimStatus | null
  revision: number
  note?: string
  data?: Record<string, unknown>
}

export async function appendClaimEvent(db: Executor, e: ClaimEvent): Promise<void> {
  await db
    .insertInto('claim_events')
    .values({
      claim_id: e.claimId,
      at_ms: e.atMs,
      staff_id: e.staffId,
      kind: e.kind,
      from_status: e.fromStatus ?? null,
      to_status: e.toStatus ?? null,
      revision: e.revision,
      note: e.note ?? '',
      data_json: JSON.stringify(e.data ?? {}),
    })
    .execute()
}

/** Many events in a few statements (a batch of thousands of claims), in the given order. */
export async function appendClaimEvents(db: Executor, events: readonly ClaimEvent[]): Promise<void> {
  const rows = events.map((e) => ({
    claim_id: e.claimId,
    at_ms: e.atMs,
    staff_id: e.staffId,
    kind: e.kind,
    from_status: e.fromStatus ?? null,
    to_status: e.toStatus ?? null,
    revision: e.revision,
    note: e.note ?? '',
    data_json: JSON.stringify(e.data ?? {}),
  }))
  // 9 columns × 500 rows stays well inside SQLite's limit on bound parameters.
  for (let at = 0; at < rows.length; at += 500) await db.insertInto('claim_events').values(rows.slice(at, at + 500)).execute()
}
