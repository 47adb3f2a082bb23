import { DecimalParseError, minorToDecimalString, parseScaledDecimal } from './money'

// Dates and percentages for display. Instants are UTC milliseconds shown in the shop's time zone;
// business dates are already shop-local `YYYY-MM-DD` strings and must not be shifted again.

/** "2026-11-27 14:05"-like text for an instant, in the UI locale and the shop's time zone. */
export function formatInstant(ms: number, locale: string, timeZone: string): string {
  return new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short', timeZone }).format(ms)
}

/** A shop business date (`YYYY-MM-DD`) in the UI locale, without any time-zone shift. */
export function formatBusinessDate(date: string, locale: string): string {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date)
  if (!match) throw new RangeError(`Not a business date: ${date}`)
  const utc = Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3]))
  return new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeZone: 'UTC' }).format(utc)
}

/** Basis points as the percent text a person types: 1300 → "13", 650 → "6.5", 625 → "6.25". */
export function basisPointsToPercentText(bp: number): string {
  return minorToDecimalString(bp, 2).replace(/\.?0+$/, '') || '0'
}

/**
 * Typed percent text to basis points with integer math: "13" → 1300, "6.25" → 625.
 * Throws DecimalParseError('validation.taxRate') for anything outside 0–100 % or with more than
 * two decimals, so the message names the rule rather than a generic number error.
 */
export function percentTextToBasisPoints(text: string): number {
  let bp: number
  try {
    bp = parseScaledDecimal(text.replace(/[%％]\s*$/, ''), 2)
  } catch (error) {
    if (error instanceof DecimalParseError) throw new DecimalParseError('validation.taxRate')
    throw error
  }
  if (bp > 10_000) throw new DecimalParseError('validation.taxRate')
  return bp
}

/** Basis points as a localised percentage, exactly: 1300 → "13%", 625 → "6.25%". */
export function formatBasisPoints(bp: number, locale: string): string {
  const format = new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: 2 })
  return format.format(minorToDecimalString(bp, 4) as `${number}`)
}
