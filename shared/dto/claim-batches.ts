import type { ClaimBatchStatus, ClaimStatus, ExportProfile, SyncStatus } from '../claims'

export interface BatchTotalsDto {
  claimCount: number
  labourMinor: number
  partsMinor: number
  totalMinor: number
}

export interface BatchSummaryDto extends BatchTotalsDto {
  id: number
  number: string
  status: ClaimBatchStatus
  manufacturer: { id: number; code: string; name: string }
  currency: string
  note: string
  createdBy: string
  createdAtMs: number
}

/** One claim of a batch: what was frozen, and where the claim stands now. */
export interface BatchClaimDto {
  position: number
  claimId: number
  number: string
  /** The revision that was batched. */
  revision: number
  /** The claim's status now (batched until it is sent). */
  status: ClaimStatus
  labourMinor: number
  partsMinor: number
  totalMinor: number
  /** Every exportable field as batched, keyed by ClaimExportField. */
  fields: Record<string, unknown>
}

/** A defective part to send back with the batch (from the batched claims' lines). */
export interface BatchReturnPartDto {
  claimNumber: string
  partNumber: string
  name: string
  quantity: number
  oldSerial: string
  defectivePartId: number | null
  /** Last day to return it; null when the part is not tracked as defective stock. */
  returnBy: string | null
  /** Already on an RMA shipment. */
  shipped: boolean
}

export interface BatchDetailDto extends BatchSummaryDto {
  exportProfile: ExportProfile
  claims: BatchClaimDto[]
  returnParts: BatchReturnPartDto[]
  /** The portal or courier reference given when the batch was marked submitted by hand. */
  submittedReference: string
  /** The batch's place in the sync outbox, if it was queued. */
  sync: { id: number; status: SyncStatus; attempts: number; lastError: string } | null
}

export interface BatchPageDto {
  items: BatchSummaryDto[]
  nextBeforeId: number | null
}

export interface ExportedFileDto {
  name: string
  bytes: number
  sha256: string
}

export interface BatchExportDto {
  batchId: number
  number: string
  /** The folder the files were written to: <chosen folder>/<batch number>. */
  folder: string
  /** Data files then manifest.json. */
  files: ExportedFileDto[]
}
