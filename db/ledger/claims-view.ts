import { claimDeadline, validateClaim, type ClaimCheckFacts } from '../../shared/claim-validation'
import { isEditableClaim } from '../../shared/claims'
import type { ClaimDetailDto, ClaimProblemDto, ClaimSummaryDto } from '../../shared/dto/claims'
import { faultCodeKinds, type FaultCodeKind } from '../../shared/repair'
import { RequiredClaimFields } from '../../shared/schemas/claims'
import { sql } from 'kysely'
import type { Executor } from './audit'
import { compiledOnce } from './compiled'
import { groupBy } from './group-by'
import { claimEvents, claimLineRows, claimViews, toClaimLineDto, type ClaimLineRow, type ClaimViewRow } from './claims'

// Claims as the UI sees them, with the validation problems of those still editable. A page reads
// its rows, lines and each manufacturer's fault codes once, whatever its size.

/** Each fault-code kind's active codes of one manufacturer. */
export type ActiveCodes = Record<FaultCodeKind, ReadonlySet<string>>

const activeCodeRows = compiledOnce((db) =>
  db.selectFrom('fault_codes').select(['manufacturer_id', 'kind', 'code']).where('manufacturer_id', 'in', sql<number>`(SELECT value FROM json_each(${'[]'}))`).where('active', '=', 1),
)

async function activeCodesOf(db: Executor, manufacturerIds: readonly number[]): Promise<Map<number, ActiveCodes>> {
  const byMaker = new Map<number, Record<FaultCodeKind, Set<string>>>()
  for (const id of new Set(manufacturerIds)) byMaker.set(id, Object.fromEntries(faultCodeKinds.map((k) => [k, new Set<string>()])) as Record<FaultCodeKind, Set<string>>)
  if (byMaker.size === 0) return byMaker
  const rows = await activeCodeRows(db, [JSON.stringify([...byMaker.keys()]), 1])
  for (const r of rows) byMaker.get(r.manufacturer_id)?.[r.kind].add(r.code)
  return byMaker
}

/** The facts shared/claim-validation checks for one claim row (the demo's claims desk uses it too). */
export function checkFacts(row: ClaimViewRow, lines: readonly ClaimLineRow[], codes: ActiveCodes, today: string): ClaimCheckFacts {
  return {
    today,
    claim: {
      imei: row.imei,
      serial: row.serial,
      purchaseDate: row.purchase_date,
      proofOfPurchaseRef: row.proof_of_purchase_ref,
      customerPhone: row.customer_phone,
      receivedDate: row.received_date,
      repairStartedDate: row.repair_started_date,
      completedDate: row.completed_date,
      faultCodes: { condition: row.condition_code, symptom: row.symptom_code, defect: row.defect_code, repair: row.repair_code },
      repairTier: row.repair_tier,
      lines: lines.map((l) => ({ position: l.position, name: l.part_name, partNumber: l.part_number, serialized: l.serialized === 1, oldSerial: l.old_serial, newSerial: l.new_serial })),
    },
    rules: {
      requiredFields: RequiredClaimFields.parse(JSON.parse(row.required_claim_fields_json)),
      labourRates: { L1: row.labour_l1_minor, L2: row.labour_l2_minor, L3: row.labour_l3_minor },
      claimWindowDays: row.claim_window_days,
      warrantyMonths: row.model_warranty_months ?? row.manufacturer_warranty_months,
      proofRequired: row.proof_required === 1,
    },
    activeFaultCodes: codes,
    repeatOf: row.repeat_ticket_number === null ? null : { ticketNumber: row.repeat_ticket_number, collectedDate: row.repeat_collected_date },
    ticketCancelled: row.ticket_status === 'cancelled',
  }
}

function toSummary(row: ClaimViewRow, problems: ClaimProblemDto[]): ClaimSummaryDto {
  return {
    id: row.id,
    number: row.number,
    revision: row.revision,
    status: row.status,
    ticket: { id: row.ticket_id, number: row.ticket_number },
    manufacturer: { id: row.manufacturer_id, code: row.manufacturer_code, name: row.manufacturer_name },
    modelName: row.model_name,
    imei: row.imei,
    serial: row.serial,
    customerName: row.customer_name,
    completedDate: row.completed_date,
    deadline: claimDeadline(row.completed_date, row.claim_window_days),
    labourMinor: row.labour_minor,
    partsMinor: row.parts_minor,
    totalMinor: row.total_minor,
    approvedMinor: row.approved_minor,
    paidMinor: row.paid_minor,
    manufacturerRef: row.manufacturer_ref,
    rejectionReason: row.rejection_reason,
    batch: row.batch_id === null || row.batch_number === null ? null : { id: row.batch_id, number: row.batch_number },
    problems,
    updatedAtMs: row.updated_at_ms,
  }
}

interface Loaded {
  row: ClaimViewRow
  lines: ClaimLineRow[]
  problems: ClaimProblemDto[]
}

/** Rows, lines and problems of these claims, newest first. */
async function loadClaims(db: Executor, ids: readonly number[], today: string): Promise<Loaded[]> {
  const rows = await claimViews(db, ids)
  const lines = await claimLineRows(db, ids)
  const codes = await activeCodesOf(db, rows.filter((r) => isEditableClaim(r.status)).map((r) => r.manufacturer_id))
  const linesOf = groupBy(lines, (l) => l.claim_id)
  return rows.map((row) => {
    const own = linesOf.get(row.id) ?? []
    const makerCodes = codes.get(row.manufacturer_id)
    const problems = makerCodes ? validateClaim(checkFacts(row, own, makerCodes, today)) : []
    return { row, lines: own, problems }
  })
}

export async function claimSummaries(db: Executor, ids: readonly number[], today: string): Promise<ClaimSummaryDto[]> {
  return (await loadClaims(db, ids, today)).map(({ row, problems }) => toSummary(row, problems))
}

export async function claimDetail(db: Executor, id: number, today: string): Promise<ClaimDetailDto | undefined> {
  const [loaded] = await loadClaims(db, [id], today)
  if (!loaded) return undefined
  const { row, lines, problems } = loaded
  return {
    ...toSummary(row, problems),
    model: { id: row.model_id, code: row.model_code, name: row.model_name },
    purchaseDate: row.purchase_date,
    proofOfPurchaseRef: row.proof_of_purchase_ref,
    customerPhone: row.customer_phone,
    receivedDate: row.received_date,
    repairStartedDate: row.repair_started_date,
    faultCodes: { condition: row.condition_code, symptom: row.symptom_code, defect: row.defect_code, repair: row.repair_code },
    repairTier: row.repair_tier,
    technician: { id: row.technician_staff_id, name: row.technician_name },
    partsMarkupBp: row.parts_markup_bp,
    lines: lines.map(toClaimLineDto),
    events: await claimEvents(db, id),
    repeatOf: row.repeat_ticket_id === null || row.repeat_ticket_number === null ? null : { ticketId: row.repeat_ticket_id, ticketNumber: row.repeat_ticket_number, collectedDate: row.repeat_collected_date },
  }
}

/** The problems of one claim now (for claims.validate, inside its transaction). */
export async function problemsOfClaim(db: Executor, id: number, today: string): Promise<ClaimProblemDto[]> {
  const [loaded] = await loadClaims(db, [id], today)
  return loaded?.problems ?? []
}
