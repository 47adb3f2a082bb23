// Repair vocabulary shared by the ledger and the UI.

/** Repair tiers as manufacturers pay them; the UI translates `repair.tier.<code>`. */
export const repairTiers = ['L1', 'L2', 'L3'] as const
export type RepairTier = (typeof repairTiers)[number]

/** Why a warranty is void at diagnosis; the UI translates `repair.voidReason.<code>`. */
export const voidReasons = ['liquid_damage', 'physical_damage', 'unauthorised_repair', 'tampered_seal', 'out_of_period'] as const
export type VoidReason = (typeof voidReasons)[number]

/** IRIS-style code kinds: what the customer sees, what the technician finds, what was done. */
export const faultCodeKinds = ['condition', 'symptom', 'defect', 'repair'] as const
export type FaultCodeKind = (typeof faultCodeKinds)[number]

export const estimateLineKinds = ['labour', 'part', 'fee'] as const
export type EstimateLineKind = (typeof estimateLineKinds)[number]

export const decisionChannels = ['in_person', 'phone', 'message'] as const
export type DecisionChannel = (typeof decisionChannels)[number]

export const contactChannels = ['phone', 'sms', 'wechat', 'in_person'] as const
export type ContactChannel = (typeof contactChannels)[number]

export const testResults = ['passed', 'passed_with_notes', 'failed'] as const
export type TestResult = (typeof testResults)[number]

export interface EstimateTotals {
  /** Sum of the lines as entered. */
  linesMinor: number
  /** Net of tax. */
  netMinor: number
  taxMinor: number
  /** What the customer pays. */
  totalMinor: number
}

/**
 * Tax on an estimate or invoice, computed once on the whole amount and rounded half up to the
 * minor unit (documented in the README). Prices entered tax-inclusive carry their tax inside:
 * tax = total × rate / (1 + rate); tax-exclusive prices get it added on top.
 */
export function estimateTotals(lines: readonly { quantity: number; unitPriceMinor: number }[], taxRateBp: number, pricesIncludeTax: boolean): EstimateTotals {
  const linesMinor = lines.reduce((sum, line) => sum + line.quantity * line.unitPriceMinor, 0)
  if (pricesIncludeTax) {
    const taxMinor = divideHalfUp(linesMinor * taxRateBp, 10_000 + taxRateBp)
    return { linesMinor, netMinor: linesMinor - taxMinor, taxMinor, totalMinor: linesMinor }
  }
  const taxMinor = divideHalfUp(linesMinor * taxRateBp, 10_000)
  return { linesMinor, netMinor: linesMinor, taxMinor, totalMinor: linesMinor + taxMinor }
}

/** Integer division rounding half away from zero, for non-negative amounts. */
export function divideHalfUp(numerator: number, denominator: number): number {
  return Math.floor((2 * numerator + denominator) / (2 * denominator))
}
