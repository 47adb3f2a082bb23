// IMEI, serial and phone rules shared by the form (instant feedback) and the ledger (the rule).

/** 15 digits whose last is the Luhn check digit of the first 14. */
export function isValidImei(value: string): boolean {
  if (!/^\d{15}$/.test(value)) return false
  let sum = 0
  for (let i = 0; i < 15; i++) {
    let digit = Number(value[14 - i])
    if (i % 2 === 1) {
      digit *= 2
      if (digit > 9) digit -= 9
    }
    sum += digit
  }
  return sum % 10 === 0
}

/** The check digit that completes a 14-digit IMEI body (for demo data and tests). */
export function imeiCheckDigit(body14: string): number {
  for (let d = 0; d <= 9; d++) if (isValidImei(body14 + d)) return d
  throw new Error(`not a 14-digit IMEI body: ${body14}`)
}

/** Serial numbers as a scanner or a person types them: no spaces, upper case. */
export function normalizeSerial(value: string): string {
  return value.replace(/\s+/g, '').toUpperCase()
}

/**
 * A phone number kept as digits (with a leading + for international numbers), so
 * "138 0013 8000", "138-0013-8000" and "(138)00138000" are one customer. Returns null when the
 * text holds anything but digits and the usual separators.
 */
export function normalizePhone(value: string): string | null {
  const trimmed = value.trim()
  if (!/^\+?[\d\s\-().]*$/.test(trimmed)) return null
  const digits = trimmed.replace(/\D/g, '')
  if (digits.length < 3 || digits.length > 20) return null
  return (trimmed.startsWith('+') ? '+' : '') + digits
}
