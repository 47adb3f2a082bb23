import type { InputOf } from '../../../../shared/contract'
import { DecimalParseError } from '../../../../shared/money'
import type { PaymentMethod } from '../../../../shared/payments'
import { parseAmount, parsePositiveAmount } from '../payments/amount-text'

// The deposit an intake may take for paid work: typed text, the checks made before the ledger is
// asked, and the `deposit` of `tickets.intake`. A blank amount means no deposit.

export interface DepositDraft {
  amount: string
  method: PaymentMethod
  tendered: string
  reference: string
}

export const emptyDeposit: DepositDraft = { amount: '', method: 'cash', tendered: '', reference: '' }

export type DepositField = 'deposit.amountMinor' | 'deposit.method' | 'deposit.tenderedMinor' | 'deposit.reference'

export interface DepositProblem {
  messageKey: string
  params?: Record<string, number>
}

export function wantsDeposit(deposit: DepositDraft): boolean {
  return deposit.amount.trim() !== ''
}

/** What is wrong with the typed deposit, by field; nothing when no deposit is wanted. */
export function depositProblems(deposit: DepositDraft, currency: string): Partial<Record<DepositField, DepositProblem>> {
  if (!wantsDeposit(deposit)) return {}
  const problems: Partial<Record<DepositField, DepositProblem>> = {}
  const asProblem = (error: DecimalParseError): DepositProblem => ({ messageKey: error.messageKey, ...(error.params ? { params: error.params } : {}) })
  const amount = parsePositiveAmount(deposit.amount, currency)
  if (amount instanceof DecimalParseError) problems['deposit.amountMinor'] = asProblem(amount)
  if (deposit.method === 'cash' && deposit.tendered.trim()) {
    const tendered = parseAmount(deposit.tendered, currency)
    if (tendered instanceof DecimalParseError) problems['deposit.tenderedMinor'] = asProblem(tendered)
    else if (typeof amount === 'number' && tendered < amount) problems['deposit.tenderedMinor'] = { messageKey: 'validation.tenderedTooLittle' }
  }
  return problems
}

/** The deposit as the ledger takes it, or undefined for none. Assumes depositProblems found nothing. */
export function depositInput(deposit: DepositDraft, currency: string): InputOf<'tickets.intake'>['deposit'] {
  if (!wantsDeposit(deposit)) return undefined
  const amountMinor = parsePositiveAmount(deposit.amount, currency) as number
  const tendered = deposit.method === 'cash' && deposit.tendered.trim() ? (parseAmount(deposit.tendered, currency) as number) : undefined
  return { amountMinor, method: deposit.method, reference: deposit.reference, ...(tendered !== undefined ? { tenderedMinor: tendered } : {}) }
}
