import type { RemittanceDto, RemittanceLineDto, RemittancePageDto } from '../../shared/dto/claim-outcomes'
import type { Executor } from './audit'

// Remittances read back: each line with what was claimed, approved and paid, so the differences
// a manufacturer's payment leaves are on screen beside it.

function remittanceQuery(db: Executor) {
  return db
    .selectFrom('claim_remittances as r')
    .innerJoin('manufacturers as m', 'm.id', 'r.manufacturer_id')
    .innerJoin('staff as s', 's.id', 'r.staff_id')
    .selectAll('r')
    .select(['m.code as manufacturer_code', 'm.name as manufacturer_name', 's.name as staff_name'])
}

type RemittanceRow = Awaited<ReturnType<ReturnType<typeof remittanceQuery>['executeTakeFirstOrThrow']>>

async function linesOf(db: Executor, remittanceIds: readonly number[]): Promise<Map<number, RemittanceLineDto[]>> {
  const byRemittance = new Map<number, RemittanceLineDto[]>(remittanceIds.map((id) => [id, []]))
  if (remittanceIds.length === 0) return byRemittance
  const rows = await db
    .selectFrom('claim_payments as p')
    .innerJoin('claims as c', 'c.id', 'p.claim_id')
    .select([
      'p.id',
      'p.remittance_id',
      'p.claim_id',
      'p.claim_revision',
      'p.amount_minor',
      'c.number',
      'c.total_minor',
      'c.approved_minor',
      (eb) =>
        eb
          .selectFrom('claim_payments as q')
          .select((q) => q.fn.coalesce(q.fn.sum<number>('q.amount_minor'), q.lit(0)).as('before'))
          .whereRef('q.claim_id', '=', 'p.claim_id')
          .whereRef('q.id', '<', 'p.id')
          .as('paid_before'),
    ])
    .where('p.remittance_id', 'in', [...remittanceIds])
    .orderBy('p.id')
    .execute()
  for (const r of rows) {
    const before = Number(r.paid_before ?? 0)
    const after = before + r.amount_minor
    byRemittance.get(r.remittance_id)?.push({
      claimId: r.claim_id,
      claimNumber: r.number,
      revision: r.claim_revision,
      claimedMinor: r.total_minor,
      approvedMinor: r.approved_minor,
      paidBeforeMinor: before,
      amountMinor: r.amount_minor,
      paidAfterMinor: after,
      differenceMinor: after - (r.approved_minor ?? r.total_minor),
    })
  }
  return byRemittance
}

function toDto(row: RemittanceRow, lines: RemittanceLineDto[]): RemittanceDto {
  const claimed = lines.reduce((sum, l) => sum + l.claimedMinor, 0)
  const expected = lines.reduce((sum, l) => sum + (l.approvedMinor ?? l.claimedMinor) - l.paidBeforeMinor, 0)
  return {
    id: row.id,
    manufacturer: { id: row.manufacturer_id, code: row.manufacturer_code, name: row.manufacturer_name },
    reference: row.reference,
    paidDate: row.paid_date,
    note: row.note,
    totalMinor: row.total_minor,
    claimedMinor: claimed,
    expectedMinor: expected,
    differenceMinor: row.total_minor - expected,
    enteredBy: row.staff_name,
    atMs: row.at_ms,
    lines,
  }
}

export async function remittanceDetail(db: Executor, id: number): Promise<RemittanceDto | undefined> {
  const row = await remittanceQuery(db).where('r.id', '=', id).executeTakeFirst()
  if (!row) return undefined
  return toDto(row, (await linesOf(db, [id])).get(id) ?? [])
}

export interface RemittanceFilter {
  manufacturerId?: number | undefined
  beforeId?: number | undefined
  limit: number
}

/** Newest first, keyset on id. */
export async function pageRemittances(db: Executor, filter: RemittanceFilter): Promise<RemittancePageDto> {
  let q = remittanceQuery(db)
  if (filter.manufacturerId !== undefined) q = q.where('r.manufacturer_id', '=', filter.manufacturerId)
  if (filter.beforeId !== undefined) q = q.where('r.id', '<', filter.beforeId)
  const rows = await q.orderBy('r.id', 'desc').limit(filter.limit + 1).execute()
  const page = rows.slice(0, filter.limit)
  const lines = await linesOf(db, page.map((r) => r.id))
  return { items: page.map((r) => toDto(r, lines.get(r.id) ?? [])), nextBeforeId: rows.length > filter.limit ? (page.at(-1)?.id ?? null) : null }
}
