import type { Transaction, Updateable } from 'kysely'
import { isEditableClaim, type ClaimStatus } from '../../../shared/claims'
import type { ParsedInputOf } from '../../../shared/contract'
import { AppError } from '../../../shared/errors'
import { faultCodeKinds } from '../../../shared/repair'
import { appendAudit } from '../../../db/ledger/audit'
import { recomputeClaim } from '../../../db/ledger/claims-build'
import { appendClaimEvent, findClaim, type ClaimRow } from '../../../db/ledger/claims'
import type { ClaimsTable, DB } from '../../../db/schema'
import { signedIn, type HandlerContext } from '../context'
import { fieldError } from './field-error'

// claims.update: the clerk corrects what the claim says before it goes to the manufacturer.
// Only what the ledger cannot store is refused here; what the manufacturer would reject (a bad
// check digit, a code not in its list) is saved and named by claims.validate.

type UpdateInput = ParsedInputOf<'claims.update'>

/** One changed field: its input path, before and after. */
interface Change {
  field: string
  from: unknown
  to: unknown
}

/** The claim columns each editable input field writes. */
const columns = {
  modelId: 'model_id',
  imei: 'imei',
  serial: 'serial',
  purchaseDate: 'purchase_date',
  proofOfPurchaseRef: 'proof_of_purchase_ref',
  customerName: 'customer_name',
  customerPhone: 'customer_phone',
  receivedDate: 'received_date',
  repairStartedDate: 'repair_started_date',
  completedDate: 'completed_date',
  repairTier: 'repair_tier',
  technicianId: 'technician_staff_id',
} as const satisfies Partial<Record<keyof UpdateInput, keyof ClaimsTable>>

const codeColumns = { condition: 'condition_code', symptom: 'symptom_code', defect: 'defect_code', repair: 'repair_code' } as const

/**
 * Applies the edit inside the caller's transaction. Editing a ready claim sends it back to draft;
 * editing a rejected one starts its next revision as a draft. An edit that changes nothing writes
 * nothing.
 */
export async function editClaim(trx: Transaction<DB>, ctx: HandlerContext, input: UpdateInput): Promise<void> {
  const staff = signedIn(ctx)
  const claim = await findClaim(trx, input.id)
  if (!claim) throw new AppError('NOT_FOUND', 'errors.claimNotFound')
  if (!isEditableClaim(claim.status)) throw new AppError('CONFLICT', 'errors.claimNotEditable', { claim: claim.number, status: claim.status })
  await checkReferences(trx, claim, input)

  const patch: Updateable<ClaimsTable> = {}
  const changes: Change[] = []
  for (const [field, column] of Object.entries(columns) as [keyof typeof columns, (typeof columns)[keyof typeof columns]][]) {
    const value = input[field]
    if (value === undefined || value === claim[column]) continue
    Object.assign(patch, { [column]: value })
    changes.push({ field, from: claim[column], to: value })
  }
  for (const kind of faultCodeKinds) {
    const value = input.faultCodes?.[kind]
    const column = codeColumns[kind]
    if (value === undefined || value === claim[column]) continue
    Object.assign(patch, { [column]: value })
    changes.push({ field: `faultCodes.${kind}`, from: claim[column], to: value })
  }
  changes.push(...(await editLines(trx, claim.id, input.parts ?? [])))
  // A rejected claim is corrected (or, with a note, resubmitted as it was) as its next revision.
  const resubmission = claim.status === 'rejected'
  if (changes.length === 0 && !resubmission) return

  const to: ClaimStatus = 'draft'
  const revision = resubmission ? claim.revision + 1 : claim.revision
  // The manufacturer's answer was on the last revision; the new one waits for its own.
  const answer = resubmission ? { approved_minor: null, rejection_reason: '', submitted_date: null, decided_date: null } : {}
  await trx.updateTable('claims').set({ ...patch, ...answer, status: to, revision, updated_at_ms: ctx.nowMs }).where('id', '=', claim.id).execute()
  // A new tier changes the labour claimed.
  const amounts = await recomputeClaim(trx, claim.id, ctx.nowMs)
  const data = { changes, ...(amounts && { amounts }) }
  const moved = to !== claim.status
  await appendClaimEvent(trx, { claimId: claim.id, atMs: ctx.nowMs, staffId: staff.id, kind: 'edited', fromStatus: moved ? claim.status : null, toStatus: moved ? to : null, revision, note: input.note, data })
  await appendAudit(trx, { atMs: ctx.nowMs, staffId: staff.id, action: 'claims.update', entity: 'claim', entityId: claim.id, details: { from: claim.status, to, revision, ...data } })
}

async function checkReferences(trx: Transaction<DB>, claim: ClaimRow, input: UpdateInput): Promise<void> {
  if (input.modelId !== undefined) {
    const model = await trx.selectFrom('device_models').select('manufacturer_id').where('id', '=', input.modelId).executeTakeFirst()
    if (!model) throw fieldError(['modelId'], 'errors.modelNotFound', 'NOT_FOUND')
    if (model.manufacturer_id !== claim.manufacturer_id) throw fieldError(['modelId'], 'errors.claimModelOtherManufacturer', 'CONFLICT')
  }
  if (input.technicianId !== undefined) {
    // Whoever did the repair, even if they have left the shop since.
    const technician = await trx.selectFrom('staff').select('id').where('id', '=', input.technicianId).executeTakeFirst()
    if (!technician) throw fieldError(['technicianId'], 'errors.staffNotFound', 'NOT_FOUND')
  }
  const parts = input.parts ?? []
  const repeated = parts.findIndex((p, i) => parts.findIndex((q) => q.movementId === p.movementId) !== i)
  if (repeated >= 0) throw fieldError(['parts', repeated, 'movementId'], 'validation.claimLineRepeated')
}

/** Part numbers and serials typed on the claim's lines (kept when the lines are rebuilt). */
async function editLines(trx: Transaction<DB>, claimId: number, parts: NonNullable<UpdateInput['parts']>): Promise<Change[]> {
  const changes: Change[] = []
  for (const [index, edit] of parts.entries()) {
    const line = await trx.selectFrom('claim_lines').selectAll().where('claim_id', '=', claimId).where('consume_movement_id', '=', edit.movementId).executeTakeFirst()
    if (!line) throw fieldError(['parts', index, 'movementId'], 'errors.claimLineNotFound', 'NOT_FOUND')
    const set: { part_number?: string; old_serial?: string | null; new_serial?: string | null } = {}
    const note = (key: 'partNumber' | 'oldSerial' | 'newSerial', from: unknown, to: unknown) => changes.push({ field: `parts.${edit.movementId}.${key}`, from, to })
    if (edit.partNumber !== undefined && edit.partNumber !== line.part_number) {
      set.part_number = edit.partNumber
      note('partNumber', line.part_number, edit.partNumber)
    }
    if (edit.oldSerial !== undefined && edit.oldSerial !== line.old_serial) {
      set.old_serial = edit.oldSerial
      note('oldSerial', line.old_serial, edit.oldSerial)
    }
    if (edit.newSerial !== undefined && edit.newSerial !== line.new_serial) {
      set.new_serial = edit.newSerial
      note('newSerial', line.new_serial, edit.newSerial)
    }
    if (Object.keys(set).length > 0) await trx.updateTable('claim_lines').set(set).where('claim_id', '=', claimId).where('position', '=', line.position).execute()
  }
  return changes
}
