import { DecimalParseError, parseMoney } from '../../../../shared/money'

// Typed quantities and amounts of the stock forms, checked by the ledger's own limits
// (shared/schemas/stock.ts) so a form can name the field before anything is sent.

const maxQuantity = 99_999
/** The ledger's ceiling for one amount (shared/schemas/workflow.ts AmountMinor). */
const maxAmountMinor = 100_000_000_00

/** Full-width digits and signs (a Chinese IME) read as ASCII. */
function ascii(text: string): string {
  return text
    .trim()
    .replace(/[０-９]/g, (ch) => String.fromCharCode(ch.charCodeAt(0) - 0xfee0))
    .replace(/[＋]/g, '+')
    .replace(/[－−]/g, '-')
}

/** A count of parts moved, 1 to 99,999; null when the text is not one. */
export function parseQuantity(text: string): number | null {
  const value = ascii(text)
  if (!/^\d{1,5}$/.test(value)) return null
  const quantity = Number(value)
  return quantity >= 1 && quantity <= maxQuantity ? quantity : null
}

/** A counted quantity, 0 to 99,999; null when the text is not one. */
export function parseCount(text: string): number | null {
  const value = ascii(text)
  return /^\d{1,5}$/.test(value) ? Number(value) : null
}

/** An adjustment: signed, never zero ("-2" lost, "+3" or "3" found); null when the text is not one. */
export function parseSignedQuantity(text: string): number | null {
  const match = /^([+-]?)(\d{1,5})$/.exec(ascii(text))
  if (!match) return null
  const quantity = Number(match[2]) * (match[1] === '-' ? -1 : 1)
  return quantity !== 0 ? quantity : null
}

/** Typed money in the shop currency → minor units, or the reason it is not an amount. */
export function parseAmount(text: string, currency: string): number | DecimalParseError {
  try {
    const minor = parseMoney(text, currency)
    return minor > maxAmountMinor ? new DecimalParseError('validation.amountTooLarge') : minor
  } catch (error) {
    if (error instanceof DecimalParseError) return error
    throw error
  }
}
