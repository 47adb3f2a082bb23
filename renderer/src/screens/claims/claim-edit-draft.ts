import type { InputOf } from '../../../../shared/contract'
import type { ClaimDetailDto } from '../../../../shared/dto/claims'
import type { FaultCodeKind, RepairTier } from '../../../../shared/repair'
import { faultCodeKinds } from '../../../../shared/repair'

// The claim edit form as typed text, and the update it makes: only the fields that changed, so
// the claim's history records just what the clerk corrected.

export interface PartDraft {
  movementId: number
  partNumber: string
  oldSerial: string
  newSerial: string
}

export interface ClaimDraft {
  modelId: number
  imei: string
  serial: string
  purchaseDate: string
  proofOfPurchaseRef: string
  customerName: string
  customerPhone: string
  receivedDate: string
  repairStartedDate: string
  completedDate: string
  faultCodes: Record<FaultCodeKind, string>
  repairTier: RepairTier
  technicianId: number
  parts: PartDraft[]
  note: string
}

/** The text fields of the form, by the update's field name (their error paths too). */
export const textFields = ['imei', 'serial', 'proofOfPurchaseRef', 'customerName', 'customerPhone'] as const
export const dateFields = ['purchaseDate', 'receivedDate', 'repairStartedDate', 'completedDate'] as const

export function draftOf(claim: ClaimDetailDto): ClaimDraft {
  return {
    modelId: claim.model.id,
    imei: claim.imei ?? '',
    serial: claim.serial ?? '',
    purchaseDate: claim.purchaseDate ?? '',
    proofOfPurchaseRef: claim.proofOfPurchaseRef,
    customerName: claim.customerName,
    customerPhone: claim.customerPhone,
    receivedDate: claim.receivedDate,
    repairStartedDate: claim.repairStartedDate,
    completedDate: claim.completedDate,
    faultCodes: { ...claim.faultCodes },
    repairTier: claim.repairTier,
    technicianId: claim.technician.id,
    parts: claim.lines.map((line) => ({ movementId: line.movementId, partNumber: line.partNumber, oldSerial: line.oldSerial ?? '', newSerial: line.newSerial ?? '' })),
    note: '',
  }
}

const orNull = (text: string) => (text.trim() === '' ? null : text.trim())

/** The fields that differ from the claim, as claims.update wants them ('' clears a nullable field). */
export function updateOf(claim: ClaimDetailDto, draft: ClaimDraft): InputOf<'claims.update'> {
  const saved = draftOf(claim)
  const input: InputOf<'claims.update'> = { id: claim.id, note: draft.note.trim() }
  if (draft.modelId !== saved.modelId) input.modelId = draft.modelId
  if (draft.imei.trim() !== saved.imei) input.imei = orNull(draft.imei)
  if (draft.serial.trim() !== saved.serial) input.serial = orNull(draft.serial)
  if (draft.purchaseDate !== saved.purchaseDate) input.purchaseDate = orNull(draft.purchaseDate)
  if (draft.proofOfPurchaseRef.trim() !== saved.proofOfPurchaseRef) input.proofOfPurchaseRef = draft.proofOfPurchaseRef.trim()
  if (draft.customerName.trim() !== saved.customerName) input.customerName = draft.customerName.trim()
  if (draft.customerPhone.trim() !== saved.customerPhone) input.customerPhone = draft.customerPhone.trim()
  if (draft.receivedDate !== saved.receivedDate) input.receivedDate = draft.receivedDate
  if (draft.repairStartedDate !== saved.repairStartedDate) input.repairStartedDate = draft.repairStartedDate
  if (draft.completedDate !== saved.completedDate) input.completedDate = draft.completedDate
  const codes = faultCodeKinds.filter((kind) => draft.faultCodes[kind] !== saved.faultCodes[kind])
  if (codes.length) input.faultCodes = Object.fromEntries(codes.map((kind) => [kind, draft.faultCodes[kind]]))
  if (draft.repairTier !== saved.repairTier) input.repairTier = draft.repairTier
  if (draft.technicianId !== saved.technicianId) input.technicianId = draft.technicianId
  // Every line goes when any changed, in the claim's order, so an error's index names its line.
  const partsChanged = draft.parts.some((part, i) => {
    const before = saved.parts[i]!
    return part.partNumber.trim() !== before.partNumber || part.oldSerial.trim() !== before.oldSerial || part.newSerial.trim() !== before.newSerial
  })
  if (partsChanged) {
    input.parts = draft.parts.map((part, i) => {
      const before = saved.parts[i]!
      return {
        movementId: part.movementId,
        ...(part.partNumber.trim() !== before.partNumber && { partNumber: part.partNumber.trim() }),
        ...(part.oldSerial.trim() !== before.oldSerial && { oldSerial: orNull(part.oldSerial) }),
        ...(part.newSerial.trim() !== before.newSerial && { newSerial: orNull(part.newSerial) }),
      }
    })
  }
  return input
}

/** Did the clerk change anything but the note? */
export function hasChanges(input: InputOf<'claims.update'>): boolean {
  return Object.keys(input).some((key) => key !== 'id' && key !== 'note')
}

/** Every field path the form can show an error on (the update's issue paths). */
export function editFieldPaths(claim: ClaimDetailDto): string[] {
  return [
    'modelId',
    ...textFields,
    ...dateFields,
    ...faultCodeKinds.map((kind) => `faultCodes.${kind}`),
    'repairTier',
    'technicianId',
    ...claim.lines.flatMap((_, i) => [`parts.${i}.partNumber`, `parts.${i}.oldSerial`, `parts.${i}.newSerial`]),
    'note',
  ]
}
