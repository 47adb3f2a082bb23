import type { ClaimSummaryDto } from '../../../../shared/dto/claims'
import { DecimalParseError } from '../../../../shared/money'
import { amountText, parseAmount } from '../payments/amount-text'

// A remittance as typed: one row per claim awaiting payment, ticked with the amount expected
// (approved, or else claimed, less what was paid before); the clerk unticks or adjusts.

export interface RemittanceRow {
  claimId: number
  included: boolean
  amount: string
}

/** What the manufacturer still owes on a claim, as far as the shop knows. */
export function expectedMinor(claim: ClaimSummaryDto): number {
  return (claim.approvedMinor ?? claim.totalMinor) - (claim.paidMinor ?? 0)
}

export function rowsOf(claims: ClaimSummaryDto[], currency: string): RemittanceRow[] {
  return claims.map((claim) => {
    const expected = expectedMinor(claim)
    return { claimId: claim.id, included: expected > 0, amount: amountText(Math.max(0, expected), currency) }
  })
}

/** A line amount: money in the shop's currency, negative only to reverse an earlier line; never zero. */
export function parseLineAmount(text: string, currency: string): number | DecimalParseError {
  const trimmed = text.trim().replace(/^[－]/, '-')
  const negative = trimmed.startsWith('-')
  const minor = parseAmount(negative ? trimmed.slice(1) : trimmed, currency)
  if (typeof minor !== 'number') return minor
  if (minor === 0) return new DecimalParseError('validation.amountZero')
  return negative ? -minor : minor
}
