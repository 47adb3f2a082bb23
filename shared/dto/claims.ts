import type { ClaimStatus, ExportProfile, LabourRates, RequirableClaimField } from '../claims'
import type { MessageParams } from '../errors'
import type { FaultCodeKind, RepairTier } from '../repair'
import type { PoolKey } from '../stock'

/** A manufacturer's rules for claims (its fault-code lists are under faultCodes.*). */
export interface ClaimRulesDto {
  manufacturerId: number
  labourRates: LabourRates
  /** Markup on shop-stock parts, basis points (consigned parts are never charged). */
  partsMarkupBp: number
  /** Days from completion to submission. */
  claimWindowDays: number
  defectiveReturnDays: number
  requiredFields: RequirableClaimField[]
  exportProfile: ExportProfile
  /** The manufacturer's claim endpoint, if it takes batches online. */
  syncUrl: string | null
  /** An API token is stored (sealed); it is never sent back. */
  syncTokenSet: boolean
}

/**
 * One thing wrong with a claim, in words a clerk understands: `messageKey` (with `params`) is
 * translated by the UI; `field` names the claim field to fix. Errors keep a claim from `ready`;
 * warnings do not.
 */
export interface ClaimProblemDto {
  code: string
  severity: 'error' | 'warning'
  field: (string | number)[]
  messageKey: string
  params?: MessageParams
}

export interface ClaimLineDto {
  position: number
  /** The consume movement that put the part on the ticket. */
  movementId: number
  partId: number
  partNumber: string
  name: string
  quantity: number
  pool: PoolKey
  serialized: boolean
  oldSerial: string | null
  newSerial: string | null
  /** The removed part is owed back to the manufacturer (a defective part). */
  returnRequired: boolean
  defectivePartId: number | null
  /** Shop stock: the moving-average cost when used; consigned: 0. */
  unitCostMinor: number
  amountMinor: number
}

export interface ClaimEventDto {
  id: number
  atMs: number
  staffName: string
  kind: string
  fromStatus: ClaimStatus | null
  toStatus: ClaimStatus | null
  revision: number
  note: string
  data: Record<string, unknown>
}

export interface ClaimSummaryDto {
  id: number
  number: string
  revision: number
  status: ClaimStatus
  ticket: { id: number; number: string }
  manufacturer: { id: number; code: string; name: string }
  modelName: string
  imei: string | null
  serial: string | null
  customerName: string
  completedDate: string
  /** Last day to submit: completed date + the manufacturer's claim window. */
  deadline: string
  labourMinor: number
  partsMinor: number
  totalMinor: number
  /** What the manufacturer approved (accepted claims); null until it says. */
  approvedMinor: number | null
  /** Paid so far against this revision. */
  paidMinor: number
  /** The manufacturer's reference for the claim, once it gave one. */
  manufacturerRef: string
  /** Why the manufacturer rejected the claim ('' unless rejected). */
  rejectionReason: string
  /** The latest batch the claim was in. */
  batch: { id: number; number: string } | null
  /** Validation problems of a claim still editable (draft, ready, rejected); [] once frozen. */
  problems: ClaimProblemDto[]
  updatedAtMs: number
}

export interface ClaimDetailDto extends ClaimSummaryDto {
  model: { id: number; code: string; name: string }
  purchaseDate: string | null
  proofOfPurchaseRef: string
  customerPhone: string
  receivedDate: string
  repairStartedDate: string
  faultCodes: Record<FaultCodeKind, string>
  repairTier: RepairTier
  technician: { id: number; name: string }
  partsMarkupBp: number
  lines: ClaimLineDto[]
  events: ClaimEventDto[]
  /** The repair this ticket repeats (a device handed back within 90 days before it came in). */
  repeatOf: { ticketId: number; ticketNumber: string; collectedDate: string | null } | null
}

export interface ClaimPageDto {
  items: ClaimSummaryDto[]
  /** Pass as `beforeId` for the next page; null on the last page. */
  nextBeforeId: number | null
}
