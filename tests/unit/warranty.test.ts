import { describe, expect, it } from 'vitest'
import { addMonthsToDate, businessDateOf, daysBetween, isBusinessDate } from '../../shared/dates'
import { assessWarranty } from '../../shared/warranty'

const rule = { warrantyMonths: 12, proofRequired: true }

describe('warranty at intake', () => {
  it('covers through the last day of the period, inclusive', () => {
    const facts = { purchaseDate: '2025-11-27', proofOfPurchaseRef: 'INV-1' }
    expect(assessWarranty(rule, { ...facts, receivedDate: '2026-11-27' })).toEqual({ status: 'in_warranty', reason: 'within_period', endsOn: '2026-11-27' })
    expect(assessWarranty(rule, { ...facts, receivedDate: '2026-11-28' })).toEqual({ status: 'out_of_warranty', reason: 'expired', endsOn: '2026-11-27' })
  })

  it('ends a leap-day purchase on the last day of February', () => {
    const facts = { purchaseDate: '2024-02-29', proofOfPurchaseRef: 'INV-2' }
    expect(assessWarranty(rule, { ...facts, receivedDate: '2025-02-28' }).status).toBe('in_warranty')
    expect(assessWarranty(rule, { ...facts, receivedDate: '2025-03-01' })).toMatchObject({ status: 'out_of_warranty', endsOn: '2025-02-28' })
    expect(assessWarranty({ ...rule, warrantyMonths: 48 }, { ...facts, receivedDate: '2028-02-29' })).toMatchObject({ status: 'in_warranty', endsOn: '2028-02-29' })
  })

  it('clamps a month-end purchase to the shorter month', () => {
    expect(assessWarranty({ ...rule, warrantyMonths: 1 }, { purchaseDate: '2026-01-31', proofOfPurchaseRef: 'x', receivedDate: '2026-02-28' })).toMatchObject({ status: 'in_warranty', endsOn: '2026-02-28' })
  })

  it('is out of warranty without a purchase date, or without proof when the maker requires it', () => {
    expect(assessWarranty(rule, { purchaseDate: null, proofOfPurchaseRef: 'INV', receivedDate: '2026-11-27' })).toEqual({ status: 'out_of_warranty', reason: 'no_purchase_date', endsOn: null })
    expect(assessWarranty(rule, { purchaseDate: '2026-06-01', proofOfPurchaseRef: '  ', receivedDate: '2026-11-27' })).toMatchObject({ status: 'out_of_warranty', reason: 'no_proof' })
    expect(assessWarranty({ ...rule, proofRequired: false }, { purchaseDate: '2026-06-01', proofOfPurchaseRef: null, receivedDate: '2026-11-27' }).status).toBe('in_warranty')
  })

  it('uses zero months as no warranty at all beyond the purchase day', () => {
    expect(assessWarranty({ ...rule, warrantyMonths: 0 }, { purchaseDate: '2026-11-27', proofOfPurchaseRef: 'x', receivedDate: '2026-11-28' }).status).toBe('out_of_warranty')
  })
})

describe('business dates', () => {
  it('rejects dates that do not exist', () => {
    expect(isBusinessDate('2026-02-28')).toBe(true)
    expect(isBusinessDate('2028-02-29')).toBe(true)
    expect(isBusinessDate('2026-02-29')).toBe(false)
    expect(isBusinessDate('2026-13-01')).toBe(false)
    expect(isBusinessDate('26-11-27')).toBe(false)
  })

  it('takes the date in the shop time zone, not UTC', () => {
    const lateEveningShanghai = Date.UTC(2026, 10, 27, 15, 59) // 23:59 in Shanghai
    expect(businessDateOf(lateEveningShanghai, 'Asia/Shanghai')).toBe('2026-11-27')
    expect(businessDateOf(lateEveningShanghai + 60_000, 'Asia/Shanghai')).toBe('2026-11-28')
    expect(businessDateOf(lateEveningShanghai, 'UTC')).toBe('2026-11-27')
  })

  it('adds months and counts days on the calendar', () => {
    expect(addMonthsToDate('2026-11-27', 3)).toBe('2027-02-27')
    expect(daysBetween('2026-08-29', '2026-11-27')).toBe(90)
    expect(daysBetween('2026-11-27', '2026-11-26')).toBe(-1)
  })
})
