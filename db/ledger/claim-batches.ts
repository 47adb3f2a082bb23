import { sql } from 'kysely'
import type { ClaimBatchStatus, ClaimExportField } from '../../shared/claims'
import type { BatchClaimDto, BatchDetailDto, BatchReturnPartDto, BatchSummaryDto } from '../../shared/dto/claim-batches'
import { currencyDigits, minorToDecimalString } from '../../shared/money'
import { ExportProfileSchema } from '../../shared/schemas/claims'
import type { Executor } from './audit'
import type { ClaimLineRow, ClaimViewRow } from './claims'

// Claim batches: the frozen copy of each claim's exported fields, and reading batches back.

/** Every exportable field of a claim as it is now; a batch stores this frozen. */
export function exportFieldsOf(row: ClaimViewRow, lines: readonly ClaimLineRow[], currency: string): Record<ClaimExportField, unknown> {
  const digits = currencyDigits(currency)
  const money = (minor: number) => minorToDecimalString(minor, digits)
  return {
    claim_number: row.number,
    revision: row.revision,
    ticket_number: row.ticket_number,
    manufacturer_code: row.manufacturer_code,
    model_code: row.model_code,
    model_name: row.model_name,
    imei: row.imei ?? '',
    serial: row.serial ?? '',
    purchase_date: row.purchase_date ?? '',
    proof_of_purchase_ref: row.proof_of_purchase_ref,
    customer_name: row.customer_name,
    customer_phone: row.customer_phone,
    received_date: row.received_date,
    repair_started_date: row.repair_started_date,
    completed_date: row.completed_date,
    condition_code: row.condition_code,
    symptom_code: row.symptom_code,
    defect_code: row.defect_code,
    repair_code: row.repair_code,
    repair_tier: row.repair_tier,
    technician: row.technician_name,
    labour_amount: money(row.labour_minor),
    parts_amount: money(row.parts_minor),
    total_amount: money(row.total_minor),
    parts: lines.map((l) => ({
      part_number: l.part_number,
      name: l.part_name,
      quantity: l.quantity,
      consigned: l.pool !== 'shop',
      old_serial: l.old_serial ?? '',
      new_serial: l.new_serial ?? '',
      return_required: l.return_required === 1,
      amount: money(l.amount_minor),
    })),
  }
}

export interface BatchFilter {
  statuses: readonly ClaimBatchStatus[]
  manufacturerId?: number | undefined
  beforeId?: number | undefined
  limit: number
}

function batchQuery(db: Executor) {
  return db
    .selectFrom('claim_batches as b')
    .innerJoin('staff as s', 's.id', 'b.created_by_staff_id')
    .selectAll('b')
    .select('s.name as created_by_name')
}

type BatchRow = Awaited<ReturnType<ReturnType<typeof batchQuery>['executeTakeFirstOrThrow']>>

function toSummary(row: BatchRow): BatchSummaryDto {
  return {
    id: row.id,
    number: row.number,
    status: row.status,
    manufacturer: { id: row.manufacturer_id, code: row.manufacturer_code, name: row.manufacturer_name },
    currency: row.currency,
    note: row.note,
    createdBy: row.created_by_name,
    createdAtMs: row.created_at_ms,
    claimCount: row.claim_count,
    labourMinor: row.labour_minor,
    partsMinor: row.parts_minor,
    totalMinor: row.total_minor,
  }
}

/** A page of batches, newest first (keyset on id). */
export async function pageBatches(db: Executor, filter: BatchFilter): Promise<{ items: BatchSummaryDto[]; nextBeforeId: number | null }> {
  let q = batchQuery(db)
  if (filter.manufacturerId !== undefined) q = q.where('b.manufacturer_id', '=', filter.manufacturerId)
  if (filter.statuses.length > 0) q = q.where('b.status', 'in', [...filter.statuses])
  if (filter.beforeId !== undefined) q = q.where('b.id', '<', filter.beforeId)
  const rows = await q.orderBy('b.id', 'desc').limit(filter.limit + 1).execute()
  const page = rows.slice(0, filter.limit)
  return { items: page.map(toSummary), nextBeforeId: rows.length > filter.limit ? (page.at(-1)?.id ?? null) : null }
}

export async function batchDetail(db: Executor, id: number): Promise<BatchDetailDto | undefined> {
  const row = await batchQuery(db).where('b.id', '=', id).executeTakeFirst()
  if (!row) return undefined
  const items = await db
    .selectFrom('claim_batch_items as i')
    .innerJoin('claims as c', 'c.id', 'i.claim_id')
    .select(['i.position', 'i.claim_id', 'i.claim_revision', 'i.labour_minor', 'i.parts_minor', 'i.total_minor', 'i.fields_json', 'c.number', 'c.status'])
    .where('i.batch_id', '=', id)
    .orderBy('i.position')
    .execute()
  const claims: BatchClaimDto[] = items.map((i) => ({
    position: i.position,
    claimId: i.claim_id,
    number: i.number,
    revision: i.claim_revision,
    status: i.status,
    labourMinor: i.labour_minor,
    partsMinor: i.parts_minor,
    totalMinor: i.total_minor,
    fields: JSON.parse(i.fields_json) as Record<string, unknown>,
  }))
  const sync = await db.selectFrom('sync_outbox').select(['id', 'status', 'attempts', 'last_error']).where('batch_id', '=', id).executeTakeFirst()
  return {
    ...toSummary(row),
    exportProfile: ExportProfileSchema.parse(JSON.parse(row.export_profile_json)),
    claims,
    returnParts: await returnPartsOf(db, id),
    submittedReference: row.submitted_reference,
    sync: sync ? { id: sync.id, status: sync.status, attempts: sync.attempts, lastError: sync.last_error } : null,
  }
}

/**
 * The defective parts owed back for the batch's claims, in claim order: each line whose removed part
 * must go back, with its return-by date and whether an RMA shipment already took it.
 */
export async function returnPartsOf(db: Executor, batchId: number): Promise<BatchReturnPartDto[]> {
  const rows = await db
    .selectFrom('claim_batch_items as i')
    .innerJoin('claims as c', 'c.id', 'i.claim_id')
    .innerJoin('claim_lines as l', 'l.claim_id', 'i.claim_id')
    .leftJoin('defective_parts as d', 'd.id', 'l.defective_part_id')
    .select([
      'c.number',
      'l.part_number',
      'l.part_name',
      'l.quantity',
      'l.old_serial',
      'l.defective_part_id',
      'd.return_by_date',
      sql<number>`EXISTS (SELECT 1 FROM rma_shipment_items r WHERE r.defective_part_id = l.defective_part_id)`.as('shipped'),
    ])
    .where('i.batch_id', '=', batchId)
    .where('l.return_required', '=', 1)
    .orderBy('i.position')
    .orderBy('l.position')
    .execute()
  return rows.map((r) => ({
    claimNumber: r.number,
    partNumber: r.part_number,
    name: r.part_name,
    quantity: r.quantity,
    oldSerial: r.old_serial ?? '',
    defectivePartId: r.defective_part_id,
    returnBy: r.return_by_date,
    shipped: r.shipped === 1,
  }))
}

/** The open batch each of these claims is in (claim id → batch number). */
export async function openBatchesOf(db: Executor, claimIds: readonly number[]): Promise<Map<number, string>> {
  if (claimIds.length === 0) return new Map()
  const rows = await db
    .selectFrom('claim_batch_items as i')
    .innerJoin('claim_batches as b', 'b.id', 'i.batch_id')
    .select(['i.claim_id', 'b.number'])
    .where('b.status', '=', 'open')
    .where('i.claim_id', 'in', sql<number>`(SELECT value FROM json_each(${JSON.stringify(claimIds)}))`)
    .execute()
  return new Map(rows.map((r) => [r.claim_id, r.number]))
}

/** The next sequence number of a manufacturer's batches. */
export async function nextBatchSequence(db: Executor, manufacturerId: number): Promise<number> {
  const row = await db.selectFrom('claim_batches').select((eb) => eb.fn.countAll<number>().as('n')).where('manufacturer_id', '=', manufacturerId).executeTakeFirstOrThrow()
  return Number(row.n) + 1
}
