import type { RepairTier } from './repair'

// Warranty-claim vocabulary and money rules shared by the ledger and the UI.

/**
 * A claim's life: built as `draft` when its warranty ticket is completed, `ready` once validation
 * passes, then frozen in a batch (`batched`), sent (`submitted`) and answered by the manufacturer
 * (`accepted` | `rejected`, then `paid`). The UI translates `claimStatus.<status>`.
 */
export const claimStatuses = ['draft', 'ready', 'batched', 'submitted', 'accepted', 'rejected', 'paid'] as const
export type ClaimStatus = (typeof claimStatuses)[number]

/**
 * Statuses in which the claim's fields may still change (edits, parts used or returned on its
 * ticket, a change of the manufacturer's rates). From `batched` on the claim is what was sent.
 */
export const editableClaimStatuses: readonly ClaimStatus[] = ['draft', 'ready', 'rejected']

export function isEditableClaim(status: ClaimStatus): boolean {
  return editableClaimStatuses.includes(status)
}

/**
 * Fields a manufacturer may require on every claim (its rules' `requiredFields`). Each has its
 * own problem text, `claimProblem.missing.<field>`, so a clerk reads which one is missing.
 */
export const requirableClaimFields = [
  'imei_or_serial',
  'imei',
  'serial',
  'purchase_date',
  'proof_of_purchase',
  'customer_phone',
  'fault_codes',
  'parts_serials',
] as const
export type RequirableClaimField = (typeof requirableClaimFields)[number]

/** What a manufacturer without its own list requires (the migration's column default says the same). */
export const defaultRequiredClaimFields: readonly RequirableClaimField[] = ['imei_or_serial', 'purchase_date', 'fault_codes']

/** The columns an export profile can put in a claim file, in the default profile's order. */
export const claimExportFields = [
  'claim_number',
  'revision',
  'ticket_number',
  'manufacturer_code',
  'model_code',
  'model_name',
  'imei',
  'serial',
  'purchase_date',
  'proof_of_purchase_ref',
  'customer_name',
  'customer_phone',
  'received_date',
  'repair_started_date',
  'completed_date',
  'condition_code',
  'symptom_code',
  'defect_code',
  'repair_code',
  'repair_tier',
  'technician',
  'labour_amount',
  'parts_amount',
  'total_amount',
  'parts',
] as const
export type ClaimExportField = (typeof claimExportFields)[number]

export const claimExportFormats = ['csv', 'json'] as const
export type ClaimExportFormat = (typeof claimExportFormats)[number]

/** How one manufacturer wants its claim files: which columns, in which order, under which headers. */
export interface ExportProfile {
  formats: ClaimExportFormat[]
  /** Prefix CSV files with a UTF-8 byte-order mark (Excel on Windows needs it for Chinese text). */
  csvBom: boolean
  columns: { field: ClaimExportField; header: string }[]
}

/** A claim's window closes this many days or fewer from today: validation warns. */
export const claimWindowWarningDays = 7

/** Manufacturers pay nothing for a repair this many days or fewer after the device's last hand-back. */
export const unpaidRepeatDays = 30

/** The shop's claim number, derived from its ticket's: R2611-0042 → C-R2611-0042. */
export function claimNumberOf(ticketNumber: string): string {
  return `C-${ticketNumber}`
}

/** Labour per repair tier in minor units; null = the manufacturer's rate is not set yet. */
export type LabourRates = Record<RepairTier, number | null>

/**
 * What a manufacturer reimburses for a part line: nothing for its own consigned stock (it never
 * cost the shop anything), shop stock at cost plus the markup, the line rounded half up to the
 * minor unit: unit cost × quantity × (1 + markup).
 */
export function claimPartAmount(pool: string, unitCostMinor: number, quantity: number, markupBp: number): number {
  if (pool !== 'shop') return 0
  // BigInt: cost × quantity × 10,000 basis points can pass 2^53 for a large line.
  const scaled = BigInt(unitCostMinor) * BigInt(quantity) * BigInt(10_000 + markupBp)
  return Number((scaled * 2n + 10_000n) / 20_000n)
}

/** Labour claimed for a tier; 0 while the rate is unset (validation says so). */
export function claimLabourAmount(rates: LabourRates, tier: RepairTier): number {
  return rates[tier] ?? 0
}

/** A batch is `open` until it is sent (`submitted`, by the sync work still to come) and `closed` once answered. */
export const claimBatchStatuses = ['open', 'submitted', 'closed'] as const
export type ClaimBatchStatus = (typeof claimBatchStatuses)[number]

/** A batch's number: B-<manufacturer code>-<sequence of that manufacturer, 4 digits>. Safe as a folder name. */
export function batchNumberOf(manufacturerCode: string, sequence: number): string {
  const code = manufacturerCode.toUpperCase().replace(/[^A-Z0-9]+/g, '_')
  return `B-${code}-${String(sequence).padStart(4, '0')}`
}

/** What a manufacturer answered about a submitted claim. */
export const claimOutcomes = ['accepted', 'rejected'] as const
export type ClaimOutcome = (typeof claimOutcomes)[number]

/** Claims a manufacturer has been sent and not yet answered or paid in full: money still to come. */
export const receivableClaimStatuses: readonly ClaimStatus[] = ['submitted', 'accepted']

/** Claims a remittance line may pay: sent, accepted, or paid already (a second instalment). */
export const payableClaimStatuses: readonly ClaimStatus[] = ['batched', 'submitted', 'accepted', 'paid']

/**
 * A batch queued for a manufacturer's endpoint: `queued` (waiting for its next attempt), `sending`
 * (a POST in flight; back to queued if the app stops meanwhile), `acknowledged` (the answer is
 * recorded), `failed` (the server refused it or answered nonsense: a person must look, then retry).
 */
export const syncStatuses = ['queued', 'sending', 'acknowledged', 'failed'] as const
export type SyncStatus = (typeof syncStatuses)[number]

/** How an attempt ended: acknowledged, will be retried (network, timeout, 5xx), or stopped (4xx, malformed answer). */
export const syncAttemptResults = ['acknowledged', 'retry', 'failed'] as const
export type SyncAttemptResult = (typeof syncAttemptResults)[number]

/** The request body's schema name; the JSON Schema files under docs/sync/ describe both directions. */
export const claimBatchWireSchema = 'repair-ledger.claim-batch/1'

/**
 * Exponential backoff with "equal jitter": half the delay fixed, half random, so many shops
 * coming back online at once do not retry in step. attempt 1 → 0.5–1 × base.
 */
export function syncBackoffMs(attempt: number, random: number, baseMs = 30_000, capMs = 30 * 60_000): number {
  const delay = Math.min(capMs, baseMs * 2 ** Math.max(0, attempt - 1))
  return Math.round(delay / 2 + (delay / 2) * Math.min(1, Math.max(0, random)))
}

/** http:// to this computer only (a test server or a local relay); everything else must be https://. */
export function isLoopbackUrl(url: URL): boolean {
  const host = url.hostname.replace(/^\[|\]$/g, '')
  return host === 'localhost' || host === '::1' || /^127(\.\d{1,3}){3}$/.test(host)
}
