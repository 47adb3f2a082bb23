import type { TicketStatus } from '../tickets'
import type { WarrantyStatus } from '../warranty'
import type { MethodTotalsDto } from './payments'
import type { TicketSummaryDto } from './tickets'

export interface RevenueSplitDto {
  /** Paid tickets counted (handed back in the period). */
  tickets: number
  labourMinor: number
  partsMinor: number
  feesMinor: number
  taxMinor: number
  totalMinor: number
  netMinor: number
  partsCostMinor: number
  grossMarginMinor: number
}

export interface DrawerSessionSummaryDto {
  id: number
  openedByName: string
  floatMinor: number
  expectedMinor: number
  countedMinor: number | null
  overShortMinor: number | null
  closedByName: string | null
}

export interface DailyReportDto {
  date: string
  shop: { name: string; address: string; phone: string; currency: string }
  takings: { totals: MethodTotalsDto[]; paymentsMinor: number; refundsMinor: number; netMinor: number }
  /** Drawer sessions opened that day: expected vs counted. */
  drawer: { sessions: DrawerSessionSummaryDto[]; expectedMinor: number; countedMinor: number | null; overShortMinor: number | null }
  tickets: { received: number; completed: number; collected: number; cancelled: number }
  /** Open at the end of the day, by status. */
  openByStatus: Partial<Record<TicketStatus, number>>
  openTotal: number
  /** Tickets received that day by warranty status; completed that day, warranty vs paid. */
  mix: { received: Partial<Record<WarrantyStatus, number>>; completedWarranty: number; completedPaid: number }
  /** Paid work handed back that day. */
  paidWork: RevenueSplitDto
  warrantyParts: { manufacturerId: number; manufacturerName: string; quantity: number; consignedQuantity: number; shopQuantity: number; shopCostMinor: number }[]
  /** Warranty claims: what was sent, answered and paid that day, and what is still owed at its end. */
  claims: DailyClaimsDto
  overdue: TicketSummaryDto[]
  repeats: TicketSummaryDto[]
}

export interface DurationStatsDto {
  count: number
  /** Hours, one decimal. */
  medianHours: number | null
  p90Hours: number | null
}

export interface PeriodReportDto {
  from: string
  to: string
  turnaround: { all: DurationStatsDto; warranty: DurationStatsDto; paid: DurationStatsDto }
  onTime: { withPromise: number; onTime: number; rate: number | null }
  repeats: { warrantyCompleted: number; within30: number; within90: number; rate30: number | null; rate90: number | null }
  firstTimeFix: { repaired: number; fixedFirstTime: number; rate: number | null }
  technicians: { staffId: number; name: string; completed: number; warranty: number; paid: number; revenueNetMinor: number }[]
  topFaults: { code: string; description: string; count: number }[]
  topModels: { modelName: string; manufacturerName: string; count: number }[]
  parts: { partId: number; sku: string; name: string; quantity: number; shopCostMinor: number }[]
  byKind: { tier: string; warranty: boolean; tickets: number; revenueNetMinor: number; partsCostMinor: number; grossMarginMinor: number }[]
  revenue: RevenueSplitDto
  claims: PeriodClaimsDto
}

export interface DailyClaimsDto {
  /** Warranty repairs completed that day (each built a draft claim). */
  warrantyCompleted: number
  /** Claims not yet sent (draft, ready) at the end of the day. */
  unsent: number
  submittedCount: number
  submittedMinor: number
  acceptedCount: number
  approvedMinor: number
  rejectedCount: number
  rejectedMinor: number
  /** Remittance lines entered that day. */
  paidCount: number
  paidMinor: number
  /** Owed by manufacturers at the end of the day: sent or accepted, not rejected and not yet paid. */
  receivableMinor: number
}

export interface ClaimPaymentDaysDto {
  count: number
  medianDays: number | null
  p90Days: number | null
}

export interface ManufacturerClaimsDto {
  manufacturerId: number
  manufacturerName: string
  submittedCount: number
  submittedMinor: number
  acceptedCount: number
  rejectedCount: number
  /** rejected ÷ (accepted + rejected) of the answers in the period; null without answers. */
  rejectionRate: number | null
  paidMinor: number
  daysToPayment: ClaimPaymentDaysDto
  receivableMinor: number
}

export interface PeriodClaimsDto extends Omit<ManufacturerClaimsDto, 'manufacturerId' | 'manufacturerName'> {
  /** Paid less than approved (or claimed): Σ of the shortfalls of claims first paid in the period. */
  shortPaidMinor: number
  byManufacturer: ManufacturerClaimsDto[]
}
