import { sql } from 'kysely'
import { claimLabourAmount, claimNumberOf, claimPartAmount, type LabourRates } from '../../shared/claims'
import { businessDateOf } from '../../shared/dates'
import type { FaultCodeKind, RepairTier } from '../../shared/repair'
import type { Executor } from './audit'
import { findClaim, type ClaimLineRow } from './claims'

// Building a claim from its ticket and keeping an editable claim in step with it: the parts lines
// come from the ticket's stock movements (what was used, less what came back), the amounts from
// the manufacturer's current rules. What the clerk typed on a line (part number, serials) stays.

/** What tickets.complete captured for the claim (the `claimFacts` of its event). */
export interface CompletionFacts {
  receivedAtMs: number
  repairStartedAtMs: number | null
  completedAtMs: number
  technicianId: number
  repairTier: RepairTier
  faultCodes: Record<FaultCodeKind, string>
}

type LineValues = Omit<ClaimLineRow, 'claim_id' | 'position'>

/** The claim-relevant part of a line, for the history: what changed and by how much. */
export interface LineSummary {
  movementId: number
  partNumber: string
  quantity: number
  pool: string
  amountMinor: number
}

export interface ClaimAmounts {
  labourMinor: number
  partsMinor: number
  totalMinor: number
  lines: LineSummary[]
}

interface PricingRules {
  labourRates: LabourRates
  partsMarkupBp: number
}

async function pricingRules(db: Executor, manufacturerId: number): Promise<PricingRules> {
  const row = await db
    .selectFrom('manufacturers')
    .select(['labour_l1_minor', 'labour_l2_minor', 'labour_l3_minor', 'parts_markup_bp'])
    .where('id', '=', manufacturerId)
    .executeTakeFirstOrThrow()
  return { labourRates: { L1: row.labour_l1_minor, L2: row.labour_l2_minor, L3: row.labour_l3_minor }, partsMarkupBp: row.parts_markup_bp }
}

interface UsedPartRow {
  movement_id: number
  part_id: number
  manufacturer_part_number: string
  name: string
  serialized: number
  pool: string
  quantity: number
  unit_cost_minor: number | null
  serial: string | null
  old_serial: string | null
  defective_part_id: number | null
}

/** The ticket's parts still on it, priced by the rules; `kept` carries what was typed on existing lines. */
async function partLines(db: Executor, ticketId: number, markupBp: number, kept: ReadonlyMap<number, LineValues>): Promise<LineValues[]> {
  const { rows } = await sql<UsedPartRow>`
    SELECT m.id AS movement_id, m.part_id, p.manufacturer_part_number, p.name, p.serialized, m.pool,
           -m.quantity - coalesce((SELECT sum(r.quantity) FROM stock_movements r WHERE r.reverses_movement_id = m.id AND r.kind = 'return'), 0) AS quantity,
           m.unit_cost_minor, m.serial, m.old_serial, dp.id AS defective_part_id
    FROM stock_movements m
    JOIN parts p ON p.id = m.part_id
    LEFT JOIN defective_parts dp ON dp.consumed_movement_id = m.id
    WHERE m.ticket_id = ${ticketId} AND m.kind = 'consume'
    ORDER BY m.id`.execute(db)
  return rows
    .filter((r) => r.quantity > 0)
    .map((r) => {
      const before = kept.get(r.movement_id)
      const unitCost = r.pool === 'shop' ? (r.unit_cost_minor ?? 0) : 0
      return {
        consume_movement_id: r.movement_id,
        part_id: r.part_id,
        part_number: before?.part_number ?? r.manufacturer_part_number,
        part_name: r.name,
        quantity: r.quantity,
        pool: r.pool,
        serialized: r.serialized,
        old_serial: before ? before.old_serial : r.old_serial,
        new_serial: before ? before.new_serial : r.serial,
        return_required: r.defective_part_id === null ? 0 : 1,
        defective_part_id: r.defective_part_id,
        unit_cost_minor: unitCost,
        amount_minor: claimPartAmount(r.pool, unitCost, r.quantity, markupBp),
      }
    })
}

/** A claim's amounts from its labour and lines, with the lines' summary for the history (the demo's claims desk prices the same way). */
export function amountsOf(labourMinor: number, lines: readonly LineValues[]): ClaimAmounts {
  const partsMinor = lines.reduce((sum, l) => sum + l.amount_minor, 0)
  return {
    labourMinor,
    partsMinor,
    totalMinor: labourMinor + partsMinor,
    lines: lines.map((l) => ({ movementId: l.consume_movement_id, partNumber: l.part_number, quantity: l.quantity, pool: l.pool, amountMinor: l.amount_minor })),
  }
}

/** Every stored value of a line but its place, for comparing a rebuilt line with the stored one. */
function lineKey(l: LineValues): string {
  return JSON.stringify([l.consume_movement_id, l.part_id, l.part_number, l.part_name, l.quantity, l.pool, l.serialized, l.old_serial, l.new_serial, l.return_required, l.defective_part_id, l.unit_cost_minor, l.amount_minor])
}

async function writeLines(db: Executor, claimId: number, lines: readonly LineValues[]): Promise<void> {
  await db.deleteFrom('claim_lines').where('claim_id', '=', claimId).execute()
  if (lines.length > 0) await db.insertInto('claim_lines').values(lines.map((l, position) => ({ ...l, claim_id: claimId, position }))).execute()
}

/** The ticket's device and customer, as a new claim copies them. */
export interface ClaimSource {
  number: string
  imei: string | null
  serial: string | null
  purchase_date: string | null
  proof_of_purchase_ref: string | null
  model_id: number
  manufacturer_id: number
  name: string
  phone: string
}

/** A new draft claim's columns from its ticket and the completion facts, all but pricing and times (the demo's claims desk writes the same). */
export function draftClaimValues(ticketId: number, source: ClaimSource, facts: CompletionFacts, day: (ms: number) => string) {
  return {
    number: claimNumberOf(source.number),
    ticket_id: ticketId,
    manufacturer_id: source.manufacturer_id,
    model_id: source.model_id,
    imei: source.imei,
    serial: source.serial,
    purchase_date: source.purchase_date,
    proof_of_purchase_ref: source.proof_of_purchase_ref ?? '',
    customer_name: source.name,
    customer_phone: source.phone,
    received_date: day(facts.receivedAtMs),
    repair_started_date: day(facts.repairStartedAtMs ?? facts.completedAtMs),
    completed_date: day(facts.completedAtMs),
    condition_code: facts.faultCodes.condition,
    symptom_code: facts.faultCodes.symptom,
    defect_code: facts.faultCodes.defect,
    repair_code: facts.faultCodes.repair,
    repair_tier: facts.repairTier,
    technician_staff_id: facts.technicianId,
  }
}

export type DraftClaimValues = ReturnType<typeof draftClaimValues>

/** Builds the draft claim of a warranty ticket being completed, inside the completion's transaction. */
export async function createClaim(db: Executor, ticketId: number, facts: CompletionFacts, at: { nowMs: number; timeZone: string }): Promise<{ id: number; number: string; amounts: ClaimAmounts }> {
  const source: ClaimSource = await db
    .selectFrom('tickets as t')
    .innerJoin('devices as d', 'd.id', 't.device_id')
    .innerJoin('device_models as dm', 'dm.id', 'd.model_id')
    .innerJoin('customers as c', 'c.id', 't.customer_id')
    .select(['t.number', 'd.imei', 'd.serial', 'd.purchase_date', 'd.proof_of_purchase_ref', 'd.model_id', 'dm.manufacturer_id', 'c.name', 'c.phone'])
    .where('t.id', '=', ticketId)
    .executeTakeFirstOrThrow()
  const rules = await pricingRules(db, source.manufacturer_id)
  const lines = await partLines(db, ticketId, rules.partsMarkupBp, new Map())
  const amounts = amountsOf(claimLabourAmount(rules.labourRates, facts.repairTier), lines)
  const draft = draftClaimValues(ticketId, source, facts, (ms) => businessDateOf(ms, at.timeZone))
  const { id } = await db
    .insertInto('claims')
    .values({
      ...draft,
      status: 'draft',
      parts_markup_bp: rules.partsMarkupBp,
      labour_minor: amounts.labourMinor,
      parts_minor: amounts.partsMinor,
      total_minor: amounts.totalMinor,
      created_at_ms: at.nowMs,
      updated_at_ms: at.nowMs,
    })
    .returning('id')
    .executeTakeFirstOrThrow()
  await writeLines(db, id, lines)
  return { id, number: draft.number, amounts }
}

/**
 * Brings an editable claim in step with its ticket's parts and the manufacturer's current rules.
 * Writes only when something changed; returns the amounts before and after, or null.
 */
export async function recomputeClaim(db: Executor, claimId: number, nowMs: number): Promise<{ before: ClaimAmounts; after: ClaimAmounts } | null> {
  const claim = await findClaim(db, claimId)
  if (!claim) throw new Error(`claim ${claimId} vanished`)
  const rules = await pricingRules(db, claim.manufacturer_id)
  const existing = await db.selectFrom('claim_lines').selectAll().where('claim_id', '=', claimId).orderBy('position').execute()
  const lines = await partLines(db, claim.ticket_id, rules.partsMarkupBp, new Map(existing.map((l) => [l.consume_movement_id, l])))
  const before = amountsOf(claim.labour_minor, existing)
  const after = amountsOf(claimLabourAmount(rules.labourRates, claim.repair_tier), lines)
  const sameLines = existing.length === lines.length && existing.every((l, i) => lineKey(l) === lineKey(lines[i]!))
  if (sameLines && before.labourMinor === after.labourMinor && claim.parts_markup_bp === rules.partsMarkupBp) return null
  if (!sameLines) await writeLines(db, claimId, lines)
  await db
    .updateTable('claims')
    .set({ parts_markup_bp: rules.partsMarkupBp, labour_minor: after.labourMinor, parts_minor: after.partsMinor, total_minor: after.totalMinor, updated_at_ms: nowMs })
    .where('id', '=', claimId)
    .execute()
  return { before, after }
}
