import { describe, expect, it } from 'vitest'
import { basisPointsToPercentText, formatBasisPoints, formatBusinessDate, formatInstant, percentTextToBasisPoints } from '../../shared/format'

describe('tax rate percent ↔ basis points', () => {
  it('converts typed percent text with integer math', () => {
    expect(percentTextToBasisPoints('13')).toBe(1300)
    expect(percentTextToBasisPoints('6.5')).toBe(650)
    expect(percentTextToBasisPoints('6.25')).toBe(625)
    expect(percentTextToBasisPoints('0.29')).toBe(29)
    expect(percentTextToBasisPoints('100')).toBe(10_000)
    expect(percentTextToBasisPoints('13 %')).toBe(1300)
  })

  it('rejects more than two decimals, more than 100 % and garbage', () => {
    for (const text of ['6.255', '100.01', '-1', 'abc', '']) {
      expect(() => percentTextToBasisPoints(text), text).toThrow(expect.objectContaining({ messageKey: 'validation.taxRate' }))
    }
  })

  it('shows basis points as the shortest percent text and as a localised percentage', () => {
    expect(basisPointsToPercentText(1300)).toBe('13')
    expect(basisPointsToPercentText(650)).toBe('6.5')
    expect(basisPointsToPercentText(625)).toBe('6.25')
    expect(basisPointsToPercentText(10_000)).toBe('100')
    expect(basisPointsToPercentText(0)).toBe('0')
    expect(formatBasisPoints(1300, 'en')).toBe('13%')
    expect(formatBasisPoints(625, 'zh-CN')).toBe('6.25%')
  })
})

describe('dates', () => {
  it('shows an instant in the shop time zone', () => {
    const instant = Date.UTC(2026, 10, 27, 17, 30)
    expect(formatInstant(instant, 'en', 'Asia/Shanghai')).toBe('Nov 28, 2026, 1:30 AM')
    expect(formatInstant(instant, 'en', 'America/New_York')).toBe('Nov 27, 2026, 12:30 PM')
  })

  it('shows a business date without shifting it', () => {
    expect(formatBusinessDate('2026-11-27', 'en')).toBe('Nov 27, 2026')
    expect(formatBusinessDate('2026-11-27', 'zh-CN')).toBe('2026年11月27日')
    expect(() => formatBusinessDate('27/11/2026', 'en')).toThrow(RangeError)
  })
})

describe('startOfBusinessDate', () => {
  it('is local midnight in the shop’s zone, agreeing with businessDateOf', async () => {
    const { startOfBusinessDate, businessDateOf } = await import('../../shared/dates')
    expect(startOfBusinessDate('2026-11-27', 'Asia/Shanghai')).toBe(Date.UTC(2026, 10, 26, 16))
    expect(startOfBusinessDate('2026-03-08', 'America/New_York')).toBe(Date.UTC(2026, 2, 8, 5))
    // The day after the spring change starts at UTC−4.
    expect(startOfBusinessDate('2026-03-09', 'America/New_York')).toBe(Date.UTC(2026, 2, 9, 4))
    const start = startOfBusinessDate('2026-12-31', 'Pacific/Kiritimati')
    expect(businessDateOf(start, 'Pacific/Kiritimati')).toBe('2026-12-31')
    expect(businessDateOf(start - 1, 'Pacific/Kiritimati')).toBe('2026-12-30')
  })
})
