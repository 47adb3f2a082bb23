import type { InputOf } from '../../../../shared/contract'
import { isBusinessDate } from '../../../../shared/dates'
import type { CustomerDto, DeviceDto, ModelDto } from '../../../../shared/dto/catalog'
import type { TicketSummaryDto } from '../../../../shared/dto/tickets'
import { isValidImei, normalizePhone, normalizeSerial } from '../../../../shared/identifiers'
import type { ConditionCode, CustomerKind } from '../../../../shared/tickets'
import { assessWarranty, type WarrantyAssessment } from '../../../../shared/warranty'
import { depositInput, emptyDeposit, type DepositDraft } from './deposit-draft'

// The intake form's state and the pure rules around it: what a scan prefills, what is checked
// before the ledger is asked, and the exact `tickets.intake` input the draft becomes.

export type DeviceState = { kind: 'none' } | { kind: 'found'; device: DeviceDto; tickets: TicketSummaryDto[] } | { kind: 'new' }
export type CustomerState = { kind: 'search' } | { kind: 'found'; customer: CustomerDto; ownerOfDevice: boolean } | { kind: 'new' }
export type OverrideStatus = 'in_warranty' | 'out_of_warranty'

export interface IntakeDraft {
  scan: string
  device: DeviceState
  model: ModelDto | null
  modelQuery: string
  imei: string
  serial: string
  purchaseDate: string
  proofRef: string
  customer: CustomerState
  customerQuery: string
  newCustomer: { name: string; phone: string; email: string; kind: CustomerKind }
  reportedFault: string
  condition: ConditionCode[]
  conditionNotes: string
  accessories: string[]
  otherAccessories: string
  passcodeProvided: boolean
  promisedDate: string
  notes: string
  assignedStaffId: string
  override: { on: boolean; status: OverrideStatus; note: string }
  deposit: DepositDraft
}

export const emptyDraft: IntakeDraft = {
  scan: '',
  device: { kind: 'none' },
  model: null,
  modelQuery: '',
  imei: '',
  serial: '',
  purchaseDate: '',
  proofRef: '',
  customer: { kind: 'search' },
  customerQuery: '',
  newCustomer: { name: '', phone: '', email: '', kind: 'consumer' },
  reportedFault: '',
  condition: [],
  conditionNotes: '',
  accessories: [],
  otherAccessories: '',
  passcodeProvided: false,
  promisedDate: '',
  notes: '',
  assignedStaffId: '',
  override: { on: false, status: 'in_warranty', note: '' },
  deposit: emptyDeposit,
}

/** Form field paths, named like the ledger's issue paths so server and local errors land alike. */
export const intakeFieldPaths = [
  'scan',
  'device.new.modelId',
  'device.new.imei',
  'device.new.serial',
  'device.purchaseDate',
  'device.proofOfPurchaseRef',
  'customer',
  'customer.new.name',
  'customer.new.phone',
  'customer.new.email',
  'customer.new.kind',
  'reportedFault',
  'condition',
  'conditionNotes',
  'accessories',
  'passcodeProvided',
  'promisedDate',
  'notes',
  'assignedStaffId',
  'warrantyOverride.status',
  'warrantyOverride.note',
  'deposit.amountMinor',
  'deposit.method',
  'deposit.tenderedMinor',
  'deposit.reference',
] as const
export type IntakeField = (typeof intakeFieldPaths)[number]

/** Ledger issue paths that belong to a field under another name. */
export const intakePathAliases: Record<string, IntakeField> = {
  device: 'scan',
  'device.id': 'scan',
  'device.new': 'device.new.imei',
  'customer.id': 'customer',
  'customer.new': 'customer.new.name',
  warrantyOverride: 'warrantyOverride.note',
  deposit: 'deposit.amountMinor',
}

/** What a scan prefills for a device the ledger does not know: 15 digits are an IMEI, anything else a serial. */
export function identifiersFromScan(scan: string): { imei: string; serial: string } {
  const compact = scan.replace(/[\s-]/g, '')
  return /^\d{15}$/.test(compact) ? { imei: compact, serial: '' } : { imei: '', serial: normalizeSerial(scan) }
}

/** The IMEI check as the technician types: complain once 15 digits are in, or when asked (`strict`). */
export function imeiProblem(imei: string, strict: boolean): 'validation.imei' | null {
  const compact = imei.replace(/[\s-]/g, '')
  if (compact === '') return null
  if (!strict && compact.length < 15 && /^\d*$/.test(compact)) return null
  return isValidImei(compact) ? null : 'validation.imei'
}

export function modelOf(draft: IntakeDraft): ModelDto | null {
  return draft.device.kind === 'found' ? draft.device.device.model : draft.model
}

/** The live warranty preview: the same rule the ledger applies, on today's shop-local date. */
export function previewWarranty(draft: IntakeDraft, today: string): WarrantyAssessment | null {
  const model = modelOf(draft)
  if (!model || draft.device.kind === 'none') return null
  return assessWarranty(
    { warrantyMonths: model.effectiveWarrantyMonths, proofRequired: model.manufacturer.proofRequired },
    { purchaseDate: isBusinessDate(draft.purchaseDate) ? draft.purchaseDate : null, proofOfPurchaseRef: draft.proofRef.trim() || null, receivedDate: today },
  )
}

/**
 * Paid work may take a deposit; warranty work costs the customer nothing. The owner's override
 * decides when given, otherwise the live warranty preview (no model yet: not known to be warranty).
 */
export function takesDeposit(draft: IntakeDraft, isOwner: boolean, today: string): boolean {
  const status = isOwner && draft.override.on ? draft.override.status : previewWarranty(draft, today)?.status
  return status !== 'in_warranty'
}

/** Checks that need no ledger; field path → message key. */
export function localProblems(draft: IntakeDraft, isOwner: boolean): Partial<Record<IntakeField, string>> {
  const problems: Partial<Record<IntakeField, string>> = {}
  if (draft.device.kind === 'none') problems.scan = 'validation.deviceChoice'
  if (draft.device.kind === 'new') {
    if (!draft.model) problems['device.new.modelId'] = 'intake.modelRequired'
    const imei = imeiProblem(draft.imei, true)
    if (imei) problems['device.new.imei'] = imei
    else if (!draft.imei.trim() && !draft.serial.trim()) problems['device.new.imei'] = 'validation.imeiOrSerial'
  }
  if (draft.purchaseDate && !isBusinessDate(draft.purchaseDate)) problems['device.purchaseDate'] = 'validation.date'
  if (draft.customer.kind === 'search') problems.customer = 'validation.customerChoice'
  if (draft.customer.kind === 'new') {
    if (!draft.newCustomer.name.trim()) problems['customer.new.name'] = 'validation.required'
    if (normalizePhone(draft.newCustomer.phone) === null) problems['customer.new.phone'] = 'validation.phone'
  }
  if (!draft.reportedFault.trim()) problems.reportedFault = 'validation.required'
  if (draft.promisedDate && !isBusinessDate(draft.promisedDate)) problems.promisedDate = 'validation.date'
  if (isOwner && draft.override.on && !draft.override.note.trim()) problems['warrantyOverride.note'] = 'validation.required'
  return problems
}

/** Checked accessory codes, then the free text split on commas (Chinese or Latin). */
export function accessoryList(draft: IntakeDraft): string[] {
  const other = draft.otherAccessories
    .split(/[,，、;；]/)
    .map((item) => item.trim())
    .filter(Boolean)
  return [...draft.accessories, ...other]
}

/** The draft as the ledger's input. Assumes `localProblems` (and the deposit's checks) found nothing. */
export function intakeInput(draft: IntakeDraft, isOwner: boolean, shop: { currency: string; today: string }): InputOf<'tickets.intake'> {
  const deposit = takesDeposit(draft, isOwner, shop.today) ? depositInput(draft.deposit, shop.currency) : undefined
  return {
    customer: customerChoice(draft),
    device: deviceChoice(draft),
    reportedFault: draft.reportedFault,
    condition: draft.condition,
    conditionNotes: draft.conditionNotes,
    accessories: accessoryList(draft),
    passcodeProvided: draft.passcodeProvided,
    promisedDate: draft.promisedDate || null,
    notes: draft.notes,
    assignedStaffId: draft.assignedStaffId ? Number(draft.assignedStaffId) : null,
    ...(isOwner && draft.override.on ? { warrantyOverride: { status: draft.override.status, note: draft.override.note } } : {}),
    ...(deposit ? { deposit } : {}),
  }
}

function customerChoice(draft: IntakeDraft): InputOf<'tickets.intake'>['customer'] {
  if (draft.customer.kind === 'found') return { id: draft.customer.customer.id }
  const { name, phone, email, kind } = draft.newCustomer
  return { new: { name, phone, kind, ...(email.trim() ? { email } : {}) } }
}

function deviceChoice(draft: IntakeDraft): InputOf<'tickets.intake'>['device'] {
  const proof = draft.proofRef.trim()
  if (draft.device.kind === 'found') {
    // Purchase facts beside a known device update it, so send only what the technician changed.
    const known = draft.device.device
    return {
      id: known.id,
      ...(draft.purchaseDate !== (known.purchaseDate ?? '') ? { purchaseDate: draft.purchaseDate || null } : {}),
      ...(proof !== (known.proofOfPurchaseRef ?? '') ? { proofOfPurchaseRef: proof } : {}),
    }
  }
  const imei = draft.imei.replace(/[\s-]/g, '')
  const serial = draft.serial.trim()
  return {
    new: { modelId: draft.model?.id ?? 0, ...(imei ? { imei } : {}), ...(serial ? { serial } : {}) },
    ...(draft.purchaseDate ? { purchaseDate: draft.purchaseDate } : {}),
    ...(proof ? { proofOfPurchaseRef: proof } : {}),
  }
}
