import { addMonthsToDate } from './dates'

export const warrantyStatuses = ['in_warranty', 'out_of_warranty', 'void'] as const
export type WarrantyStatus = (typeof warrantyStatuses)[number]

/** Why a device is (not) in warranty at intake; the UI translates `warranty.reasons.<code>`. */
export const warrantyReasons = ['within_period', 'expired', 'no_purchase_date', 'no_proof', 'owner_override'] as const
export type WarrantyReason = (typeof warrantyReasons)[number]

export interface WarrantyRule {
  /** The model's own months when set, else the manufacturer's default. */
  warrantyMonths: number
  proofRequired: boolean
}

export interface WarrantyFacts {
  purchaseDate: string | null
  proofOfPurchaseRef: string | null
  /** The business date the device was received (today at intake). */
  receivedDate: string
}

export interface WarrantyAssessment {
  status: Exclude<WarrantyStatus, 'void'>
  reason: Exclude<WarrantyReason, 'owner_override'>
  /** Last day covered (inclusive), when the purchase date is known. */
  endsOn: string | null
}

/**
 * In warranty when the purchase date is known, proof exists if the manufacturer requires it, and
 * the received date is on or before purchase date + warranty months. Diagnosis may still void it.
 */
export function assessWarranty(rule: WarrantyRule, facts: WarrantyFacts): WarrantyAssessment {
  if (!facts.purchaseDate) return { status: 'out_of_warranty', reason: 'no_purchase_date', endsOn: null }
  const endsOn = addMonthsToDate(facts.purchaseDate, rule.warrantyMonths)
  if (rule.proofRequired && !facts.proofOfPurchaseRef?.trim()) return { status: 'out_of_warranty', reason: 'no_proof', endsOn }
  if (facts.receivedDate > endsOn) return { status: 'out_of_warranty', reason: 'expired', endsOn }
  return { status: 'in_warranty', reason: 'within_period', endsOn }
}
