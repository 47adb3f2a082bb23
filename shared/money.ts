// Money crosses every boundary as integer minor units (分 / cents). These helpers are the only
// place the renderer turns minor units into text and typed text into minor units; neither path
// goes through floating point, so 0.1 + 0.2 style drift cannot reach the ledger.

/** A typed amount or percentage that cannot become an integer; `messageKey` is an i18n key. */
export class DecimalParseError extends Error {
  readonly messageKey: string
  readonly params?: Record<string, number>

  constructor(messageKey: string, params?: Record<string, number>) {
    super(messageKey)
    this.name = 'DecimalParseError'
    this.messageKey = messageKey
    if (params) this.params = params
  }
}

/** Fraction digits of a currency as Intl knows them: CNY 2, JPY 0, KWD 3. */
const digitsByCurrency = new Map<string, number>()

export function currencyDigits(currency: string): number {
  // Building an Intl.NumberFormat costs tens of microseconds: once per currency is enough.
  let digits = digitsByCurrency.get(currency)
  if (digits === undefined) {
    digits = new Intl.NumberFormat('en', { style: 'currency', currency }).resolvedOptions().maximumFractionDigits ?? 2
    digitsByCurrency.set(currency, digits)
  }
  return digits
}

/** Integer minor units as an exact decimal string: 1230 with 2 digits → "12.30". */
export function minorToDecimalString(minor: number, digits: number): string {
  if (!Number.isSafeInteger(minor)) throw new RangeError(`Not a safe integer amount: ${minor}`)
  const negative = minor < 0
  const magnitude = String(Math.abs(minor)).padStart(digits + 1, '0')
  const whole = magnitude.slice(0, magnitude.length - digits)
  const fraction = magnitude.slice(magnitude.length - digits)
  return `${negative ? '-' : ''}${whole}${digits > 0 ? `.${fraction}` : ''}`
}

/** Formats minor units in the shop's currency for the UI locale, e.g. 123450 CNY zh-CN → "¥1,234.50". */
export function formatMoney(minor: number, currency: string, locale: string): string {
  const digits = currencyDigits(currency)
  const format = new Intl.NumberFormat(locale, {
    style: 'currency',
    currency,
    minimumFractionDigits: digits,
    maximumFractionDigits: digits,
  })
  // Intl formats a decimal string exactly (ES2023), so no division by 10^digits is needed.
  return format.format(minorToDecimalString(minor, digits) as `${number}`)
}

const fullWidth: Record<string, string> = { '．': '.', '，': ',', '－': '-' }

/** Folds full-width digits and punctuation (typed with a Chinese IME) to ASCII and drops spaces. */
function normalise(text: string): string {
  return text
    .replace(/[０-９]/g, (ch) => String.fromCharCode(ch.charCodeAt(0) - 0xfee0))
    .replace(/[．，－]/g, (ch) => fullWidth[ch] ?? ch)
    .replace(/[\s\u00a0\u202f]/g, '')
}

const plain = /^(\d*)(?:\.(\d*))?$/
const grouped = /^(\d{1,3}(?:,\d{3})+)(?:\.(\d*))?$/

/**
 * Parses a non-negative decimal with at most `digits` fraction digits into an integer scaled by
 * 10^digits: ("12.30", 2) → 1230. Accepts "12", "12.", ".5", "1,234.50" and full-width digits.
 * Throws DecimalParseError with key validation.amount (not a number), validation.amountNegative,
 * validation.amountDecimals {digits} or validation.amountTooLarge.
 */
export function parseScaledDecimal(text: string, digits: number): number {
  const cleaned = normalise(text)
  if (cleaned.startsWith('-')) throw new DecimalParseError('validation.amountNegative')
  const match = plain.exec(cleaned) ?? grouped.exec(cleaned)
  const whole = (match?.[1] ?? '').replace(/,/g, '')
  const fraction = match?.[2] ?? ''
  if (!match || (whole === '' && fraction === '')) throw new DecimalParseError('validation.amount')
  if (fraction.length > digits) throw new DecimalParseError('validation.amountDecimals', { digits })
  const scaled = BigInt(whole || '0') * 10n ** BigInt(digits) + BigInt(fraction.padEnd(digits, '0') || '0')
  if (scaled > BigInt(Number.MAX_SAFE_INTEGER)) throw new DecimalParseError('validation.amountTooLarge')
  return Number(scaled)
}

/** Parses typed money text into integer minor units of `currency`: ("12.30", "CNY") → 1230. */
export function parseMoney(text: string, currency: string): number {
  return parseScaledDecimal(text, currencyDigits(currency))
}
