import { describe, expect, it } from 'vitest'
import { imeiCheckDigit, isValidImei, normalizePhone, normalizeSerial } from '../../shared/identifiers'

describe('IMEI', () => {
  it('accepts 15 digits with the right Luhn check digit', () => {
    expect(isValidImei('490154203237518')).toBe(true)
    expect(isValidImei('356938035643809')).toBe(true)
  })

  it('refuses a wrong check digit, other lengths and non-digits', () => {
    expect(isValidImei('490154203237517')).toBe(false)
    expect(isValidImei('49015420323751')).toBe(false)
    expect(isValidImei('4901542032375180')).toBe(false)
    expect(isValidImei('49015420323751A')).toBe(false)
  })

  it('computes the check digit for every body', () => {
    for (const body of ['49015420323751', '35693803564380', '00000000000000', '99999999999999']) {
      const digit = imeiCheckDigit(body)
      expect(isValidImei(body + digit)).toBe(true)
      expect(isValidImei(body + ((digit + 1) % 10))).toBe(false)
    }
  })
})

describe('phone', () => {
  it('keeps digits only, with + for international numbers', () => {
    expect(normalizePhone('138 0013 8000')).toBe('13800138000')
    expect(normalizePhone('(021) 5555-0100')).toBe('02155550100')
    expect(normalizePhone('+86 138-0013-8000')).toBe('+8613800138000')
  })

  it('refuses letters and implausible lengths', () => {
    expect(normalizePhone('138-CALL-ME')).toBeNull()
    expect(normalizePhone('12')).toBeNull()
    expect(normalizePhone('1'.repeat(21))).toBeNull()
    expect(normalizePhone('138+0013')).toBeNull()
  })
})

it('normalises serials as scanners type them', () => {
  expect(normalizeSerial(' pf3a 9k2x ')).toBe('PF3A9K2X')
})
