import type { ContactChannel, DecisionChannel, EstimateLineKind, FaultCodeKind, RepairTier, TestResult, VoidReason } from '../repair'
import type { TicketStatus } from '../tickets'
import type { TicketSummaryDto } from './tickets'

export interface FaultCodeDto {
  id: number
  manufacturerId: number
  kind: FaultCodeKind
  code: string
  description: string
  active: boolean
}

export interface DiagnosisDto {
  atMs: number
  staffName: string
  findings: string
  faultCodes: Record<FaultCodeKind, string>
  repairTier: RepairTier
  warrantyDecision: 'confirmed' | 'voided' | 'not_applicable'
  voidReason: VoidReason | null
}

export interface EstimateLineDto {
  kind: EstimateLineKind
  description: string
  quantity: number
  unitPriceMinor: number
  lineTotalMinor: number
  /** The catalogue part a part line quotes, if any. */
  partId: number | null
}

export interface EstimateDto {
  revision: number
  atMs: number
  staffName: string
  lines: EstimateLineDto[]
  linesMinor: number
  netMinor: number
  taxMinor: number
  totalMinor: number
  taxRateBp: number
  pricesIncludeTax: boolean
}

/** Where a ticket stands in the repair workflow, beside what intake recorded. */
export interface TicketWorkDto {
  ticketId: number
  status: TicketStatus
  paid: boolean
  diagnosis: DiagnosisDto | null
  estimate: EstimateDto | null
  decision: { decision: 'approved' | 'declined'; via: DecisionChannel; atMs: number; staffName: string } | null
  diagnosisFeeMinor: number | null
  repairStartedAtMs: number | null
  completion: { atMs: number; workDone: string; testResult: TestResult } | null
  readyAtMs: number | null
  contactedVia: ContactChannel | null
  outcome: 'repaired' | 'unrepaired' | null
  collectedAtMs: number | null
  collectedBy: string | null
  cancelReason: string | null
  /** What the UI should offer now (from the shared state machine). */
  actions: string[]
}

export interface BoardDto {
  counts: Partial<Record<TicketStatus, number>>
  overdue: TicketSummaryDto[]
  waitingOnCustomer: TicketSummaryDto[]
  waitingOnParts: TicketSummaryDto[]
  myQueue: TicketSummaryDto[]
  queueOf: { staffId: number; staffName: string }
}
