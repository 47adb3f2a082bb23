import type { InvoiceLineSource } from '../invoice'
import type { CashMovementKind, PaymentKind, PaymentMethod } from '../payments'
import type { EstimateLineKind } from '../repair'

export interface PaymentDto {
  id: number
  ticket: { id: number; number: string; customerName: string }
  atMs: number
  businessDate: string
  staffName: string
  kind: PaymentKind
  method: PaymentMethod
  /** Signed: refunds are negative. */
  amountMinor: number
  tenderedMinor: number | null
  changeMinor: number | null
  reference: string
  refundOfPaymentId: number | null
  reason: string
  approvedByName: string | null
  /** For a deposit or payment: how much of it was refunded so far, and how much still may be. */
  refundedMinor: number
  refundableMinor: number
}

export interface InvoiceLineDto {
  kind: EstimateLineKind
  description: string
  quantity: number
  unitPriceMinor: number
  lineTotalMinor: number
  partId: number | null
  source: InvoiceLineSource
}

/** A ticket's invoice: what the customer owes and has paid. Warranty work has none. */
export interface InvoiceDto {
  ticketId: number
  ticketNumber: string
  customerName: string
  /** 'warranty': the manufacturer pays, the customer owes nothing and cannot pay. */
  kind: 'paid' | 'warranty'
  /** False until there is something to bill: an estimate, or a declined repair's fee. */
  priced: boolean
  /** The repair is done (or declined): the lines are what was actually done. */
  final: boolean
  lines: InvoiceLineDto[]
  linesMinor: number
  netMinor: number
  taxMinor: number
  totalMinor: number
  taxRateBp: number
  pricesIncludeTax: boolean
  /** Payments and deposits less refunds. */
  paidMinor: number
  /** total − paid; negative when more was paid than is owed (a credit to refund). */
  balanceMinor: number
  payments: PaymentDto[]
  collectOverrideNote: string | null
}

export interface PaymentResultDto {
  payment: PaymentDto
  invoice: InvoiceDto
}

export interface MethodTotalsDto {
  method: PaymentMethod
  paymentsMinor: number
  refundsMinor: number
  netMinor: number
  count: number
}

export interface PaymentListDto {
  date: string
  payments: PaymentDto[]
  totals: MethodTotalsDto[]
  netMinor: number
}

export interface CashMovementDto {
  id: number
  atMs: number
  staffName: string
  kind: CashMovementKind
  amountMinor: number
  reason: string
}

export interface CashSessionDto {
  id: number
  openedAtMs: number
  businessDate: string
  openedByName: string
  floatMinor: number
  cashInMinor: number
  cashRefundsMinor: number
  paidInMinor: number
  paidOutMinor: number
  expectedMinor: number
  movements: CashMovementDto[]
  closing: {
    closedAtMs: number
    businessDate: string
    closedByName: string
    expectedMinor: number
    countedMinor: number
    /** counted − expected: positive over, negative short. */
    overShortMinor: number
    denominations: { valueMinor: number; count: number }[] | null
    note: string
  } | null
}

export interface CashStatusDto {
  open: CashSessionDto | null
  /** The most recently closed session, for the next morning's float. */
  lastClosed: CashSessionDto | null
}
