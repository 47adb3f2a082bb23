import { currencyDigits, DecimalParseError, minorToDecimalString, parseMoney } from '../../../../shared/money'

// Typed amounts of the payment and drawer forms: text in the shop's currency ↔ integer minor
// units, through the shared exact-decimal helpers (no floating point anywhere).

/** The ledger's ceiling for one amount (shared/schemas/workflow.ts AmountMinor). */
const maxAmountMinor = 100_000_000_00

/** Typed money → minor units, or the reason it is not an amount (an i18n key with params). */
export function parseAmount(text: string, currency: string): number | DecimalParseError {
  try {
    const minor = parseMoney(text, currency)
    return minor > maxAmountMinor ? new DecimalParseError('validation.amountTooLarge') : minor
  } catch (error) {
    if (error instanceof DecimalParseError) return error
    throw error
  }
}

/** Typed money that must be above zero (a payment, a refund, a paid-in or paid-out). */
export function parsePositiveAmount(text: string, currency: string): number | DecimalParseError {
  const minor = parseAmount(text, currency)
  return minor === 0 ? new DecimalParseError('validation.amountZero') : minor
}

/** Minor units as the text a form field is prefilled with: 12550 CNY → "125.50". */
export function amountText(minor: number, currency: string): string {
  return minorToDecimalString(minor, currencyDigits(currency))
}

/** Typed text as minor units, or null while it is not (yet) an amount — for live previews. */
export function amountOrNull(text: string, currency: string): number | null {
  if (!text.trim()) return null
  const minor = parseAmount(text, currency)
  return typeof minor === 'number' ? minor : null
}
