import { describe, expect, it } from 'vitest'
import { currencyDigits, DecimalParseError, formatMoney, minorToDecimalString, parseMoney } from '../../shared/money'

function parseError(text: string, currency = 'CNY'): DecimalParseError {
  try {
    parseMoney(text, currency)
  } catch (error) {
    if (error instanceof DecimalParseError) return error
    throw error
  }
  throw new Error(`expected "${text}" to be rejected`)
}

describe('currency digits', () => {
  it('comes from Intl', () => {
    expect(currencyDigits('CNY')).toBe(2)
    expect(currencyDigits('JPY')).toBe(0)
    expect(currencyDigits('KWD')).toBe(3)
  })
})

describe('formatMoney', () => {
  it('formats minor units in the currency and locale', () => {
    expect(formatMoney(123_450, 'CNY', 'zh-CN')).toBe('¥1,234.50')
    expect(formatMoney(1230, 'CNY', 'en')).toBe('CN¥12.30')
    expect(formatMoney(5, 'CNY', 'zh-CN')).toBe('¥0.05')
    expect(formatMoney(-1230, 'CNY', 'zh-CN')).toBe('-¥12.30')
    expect(formatMoney(1500, 'JPY', 'en')).toBe('¥1,500')
    expect(formatMoney(1005, 'KWD', 'en')).toMatch(/1\.005$/)
  })

  it('is exact for the largest safe amount (no float rounding)', () => {
    expect(formatMoney(Number.MAX_SAFE_INTEGER, 'CNY', 'en')).toBe('CN¥90,071,992,547,409.91')
  })

  it('refuses a non-integer amount', () => {
    expect(() => minorToDecimalString(12.5, 2)).toThrow(RangeError)
  })
})

describe('parseMoney', () => {
  it('parses typed text to integer minor units', () => {
    expect(parseMoney('12.30', 'CNY')).toBe(1230)
    expect(parseMoney('12.3', 'CNY')).toBe(1230)
    expect(parseMoney('12', 'CNY')).toBe(1200)
    expect(parseMoney('12.', 'CNY')).toBe(1200)
    expect(parseMoney('.5', 'CNY')).toBe(50)
    expect(parseMoney(' 0.07 ', 'CNY')).toBe(7)
    expect(parseMoney('1,234.56', 'CNY')).toBe(123_456)
    expect(parseMoney('0.29', 'CNY')).toBe(29)
    expect(parseMoney('１２．３０', 'CNY')).toBe(1230)
  })

  it('uses the currency digits: JPY has none', () => {
    expect(parseMoney('1500', 'JPY')).toBe(1500)
    expect(parseError('1500.5', 'JPY')).toMatchObject({ messageKey: 'validation.amountDecimals', params: { digits: 0 } })
  })

  it('rejects too many decimals instead of rounding', () => {
    expect(parseError('12.345')).toMatchObject({ messageKey: 'validation.amountDecimals', params: { digits: 2 } })
  })

  it('rejects negative amounts and garbage with a clear key', () => {
    expect(parseError('-5').messageKey).toBe('validation.amountNegative')
    expect(parseError('－5').messageKey).toBe('validation.amountNegative')
    for (const text of ['', ' ', 'abc', '12a', '1.2.3', '12,34', '1e3', '+5', '¥12', '.', 'NaN', 'Infinity']) {
      expect(parseError(text).messageKey, text).toBe('validation.amount')
    }
  })

  it('rejects amounts beyond safe integers', () => {
    expect(parseError('90071992547409.92').messageKey).toBe('validation.amountTooLarge')
    expect(parseMoney('90071992547409.91', 'CNY')).toBe(Number.MAX_SAFE_INTEGER)
  })
})
