import { claimWindowWarningDays, unpaidRepeatDays, type LabourRates, type RequirableClaimField } from './claims'
import { addDaysToDate, daysBetween } from './dates'
import type { ClaimProblemDto } from './dto/claims'
import { isValidImei } from './identifiers'
import { faultCodeKinds, type FaultCodeKind, type RepairTier } from './repair'
import { assessWarranty } from './warranty'

// Everything a manufacturer would reject a claim for that the shop can know before sending it.
// Pure: the ledger gathers the facts, this decides; the UI can show the same problems.

export interface ClaimCheckFacts {
  /** The shop's business date today (the claim window counts to it). */
  today: string
  claim: {
    imei: string | null
    serial: string | null
    purchaseDate: string | null
    proofOfPurchaseRef: string
    customerPhone: string
    receivedDate: string
    repairStartedDate: string
    completedDate: string
    faultCodes: Record<FaultCodeKind, string>
    repairTier: RepairTier
    lines: readonly { position: number; name: string; partNumber: string; serialized: boolean; oldSerial: string | null; newSerial: string | null }[]
  }
  rules: {
    requiredFields: readonly RequirableClaimField[]
    labourRates: LabourRates
    claimWindowDays: number
    /** The model's warranty months, else the manufacturer's. */
    warrantyMonths: number
    /** The manufacturer needs proof of purchase for warranty (as at intake). */
    proofRequired: boolean
  }
  /** The manufacturer's active fault codes of each kind. */
  activeFaultCodes: Record<FaultCodeKind, ReadonlySet<string>>
  /** The earlier ticket this repair repeats, if the device came back within 90 days. */
  repeatOf: { ticketNumber: string; collectedDate: string | null } | null
  ticketCancelled: boolean
}

type Problem = ClaimProblemDto

const error = (code: string, field: Problem['field'], messageKey: string, params?: Problem['params']): Problem => ({ code, severity: 'error', field, messageKey, ...(params && { params }) })
const warning = (code: string, field: Problem['field'], messageKey: string, params?: Problem['params']): Problem => ({ code, severity: 'warning', field, messageKey, ...(params && { params }) })

/** Every problem with the claim, errors and warnings, in a stable order (field by field, then the calendar). */
export function validateClaim(facts: ClaimCheckFacts): Problem[] {
  return [...ticketProblems(facts), ...deviceProblems(facts), ...purchaseProblems(facts), ...customerProblems(facts), ...dateProblems(facts), ...repairProblems(facts), ...partProblems(facts), ...windowProblems(facts)]
}

export function hasErrors(problems: readonly Problem[]): boolean {
  return problems.some((p) => p.severity === 'error')
}

function requires(facts: ClaimCheckFacts, field: RequirableClaimField): boolean {
  return facts.rules.requiredFields.includes(field)
}

const missing = (field: RequirableClaimField, path: Problem['field']) => error('missing', path, `claimProblem.missing.${field}`)

function ticketProblems({ ticketCancelled }: ClaimCheckFacts): Problem[] {
  return ticketCancelled ? [error('ticketCancelled', [], 'claimProblem.ticketCancelled')] : []
}

function deviceProblems(facts: ClaimCheckFacts): Problem[] {
  const { imei, serial } = facts.claim
  const problems: Problem[] = []
  if (requires(facts, 'imei_or_serial') && !imei && !serial) problems.push(missing('imei_or_serial', ['imei']))
  if (requires(facts, 'imei') && !imei) problems.push(missing('imei', ['imei']))
  if (requires(facts, 'serial') && !serial) problems.push(missing('serial', ['serial']))
  if (imei && !isValidImei(imei)) problems.push(error('imeiCheckDigit', ['imei'], 'claimProblem.imeiCheckDigit', { imei }))
  return problems
}

function purchaseProblems(facts: ClaimCheckFacts): Problem[] {
  const { purchaseDate, proofOfPurchaseRef, receivedDate } = facts.claim
  const problems: Problem[] = []
  // Without a purchase date no manufacturer pays, whether or not its list names the field.
  if (!purchaseDate) problems.push(error('purchaseDateMissing', ['purchaseDate'], 'claimProblem.purchaseDateMissing'))
  if ((facts.rules.proofRequired || requires(facts, 'proof_of_purchase')) && !proofOfPurchaseRef.trim()) problems.push(missing('proof_of_purchase', ['proofOfPurchaseRef']))
  if (!purchaseDate) return problems
  if (purchaseDate > receivedDate) {
    problems.push(error('purchaseAfterReceived', ['purchaseDate'], 'claimProblem.purchaseAfterReceived', { purchaseDate, receivedDate }))
    return problems
  }
  const warranty = assessWarranty({ warrantyMonths: facts.rules.warrantyMonths, proofRequired: false }, { purchaseDate, proofOfPurchaseRef, receivedDate })
  if (warranty.reason === 'expired') problems.push(error('outOfWarranty', ['purchaseDate'], 'claimProblem.outOfWarranty', { endsOn: warranty.endsOn ?? '', receivedDate }))
  return problems
}

function customerProblems(facts: ClaimCheckFacts): Problem[] {
  return requires(facts, 'customer_phone') && !facts.claim.customerPhone ? [missing('customer_phone', ['customerPhone'])] : []
}

function dateProblems({ claim }: ClaimCheckFacts): Problem[] {
  const problems: Problem[] = []
  if (claim.repairStartedDate < claim.receivedDate) problems.push(error('repairBeforeReceived', ['repairStartedDate'], 'claimProblem.repairBeforeReceived', { repairStartedDate: claim.repairStartedDate, receivedDate: claim.receivedDate }))
  if (claim.completedDate < claim.repairStartedDate) problems.push(error('completedBeforeRepair', ['completedDate'], 'claimProblem.completedBeforeRepair', { completedDate: claim.completedDate, repairStartedDate: claim.repairStartedDate }))
  return problems
}

function repairProblems(facts: ClaimCheckFacts): Problem[] {
  const problems: Problem[] = []
  for (const kind of faultCodeKinds) {
    const code = facts.claim.faultCodes[kind]
    if (!code) {
      if (requires(facts, 'fault_codes')) problems.push(error('missing', ['faultCodes', kind], `claimProblem.missingFaultCode.${kind}`))
    } else if (!facts.activeFaultCodes[kind].has(code)) {
      problems.push(error('faultCodeNotInList', ['faultCodes', kind], `claimProblem.faultCodeNotInList.${kind}`, { code }))
    }
  }
  const tier = facts.claim.repairTier
  if (facts.rules.labourRates[tier] === null) problems.push(error('labourRateMissing', ['repairTier'], 'claimProblem.labourRateMissing', { tier }))
  if (facts.repeatOf?.collectedDate) {
    const days = daysBetween(facts.repeatOf.collectedDate, facts.claim.receivedDate)
    if (days <= unpaidRepeatDays) problems.push(warning('repeatRepair', [], 'claimProblem.repeatRepair', { ticket: facts.repeatOf.ticketNumber, days }))
  }
  return problems
}

function partProblems(facts: ClaimCheckFacts): Problem[] {
  const problems: Problem[] = []
  const serials = requires(facts, 'parts_serials')
  for (const line of facts.claim.lines) {
    // The manufacturer matches a parts line by its own part number: without one it cannot pay it.
    if (!line.partNumber.trim()) problems.push(error('partNumberMissing', ['parts', line.position, 'partNumber'], 'claimProblem.partNumberMissing', { line: line.position + 1, name: line.name }))
    if (!serials || !line.serialized) continue
    if (!line.newSerial) problems.push(error('missing', ['parts', line.position, 'newSerial'], 'claimProblem.missing.parts_serials', { line: line.position + 1 }))
    if (!line.oldSerial) problems.push(error('missing', ['parts', line.position, 'oldSerial'], 'claimProblem.missingOldSerial', { line: line.position + 1 }))
  }
  return problems
}

function windowProblems(facts: ClaimCheckFacts): Problem[] {
  const deadline = claimDeadline(facts.claim.completedDate, facts.rules.claimWindowDays)
  const daysLeft = daysBetween(facts.today, deadline)
  if (daysLeft < 0) return [error('claimWindowExceeded', ['completedDate'], 'claimProblem.claimWindowExceeded', { deadline, days: -daysLeft })]
  if (daysLeft <= claimWindowWarningDays) return [warning('claimWindowClosing', [], 'claimProblem.claimWindowClosing', { deadline, daysLeft })]
  return []
}

/** The last day a claim may be submitted: completion + the manufacturer's window. */
export function claimDeadline(completedDate: string, claimWindowDays: number): string {
  return addDaysToDate(completedDate, claimWindowDays)
}
