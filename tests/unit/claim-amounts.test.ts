import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { claimLabourAmount, claimNumberOf, claimPartAmount } from '../../shared/claims'
import { ExportProfileSchema, RequiredClaimFields } from '../../shared/schemas/claims'

describe('claim amounts', () => {
  it('charges nothing for the manufacturer’s own consigned parts', () => {
    expect(claimPartAmount('consigned:3', 4000, 2, 1500)).toBe(0)
  })

  it('claims shop parts at cost × quantity × (1 + markup), the line rounded half up', () => {
    // 33.33 × 2 × 1.15 = 76.659 → 76.66
    expect(claimPartAmount('shop', 3333, 2, 1500)).toBe(7666)
    // 0.01 × 1.5 = 0.015 → 0.02 (half up), 0.01 × 1.4999 → 0.01
    expect(claimPartAmount('shop', 1, 1, 5000)).toBe(2)
    expect(claimPartAmount('shop', 1, 1, 4999)).toBe(1)
    // 0.03 × 1.5 = 0.045 → 0.05; at cost: exact
    expect(claimPartAmount('shop', 3, 1, 5000)).toBe(5)
    expect(claimPartAmount('shop', 4567, 3, 0)).toBe(13_701)
    expect(claimPartAmount('shop', 0, 5, 1500)).toBe(0)
  })

  it('stays exact beyond 2^53 in the intermediate product', () => {
    // 100,000,000.00 × 99,999 × 1.9999: the product with basis points is ~2 × 10^21.
    expect(claimPartAmount('shop', 10_000_000_000, 99_999, 9_999)).toBe(Number((10_000_000_000n * 99_999n * 19_999n * 2n + 10_000n) / 20_000n))
  })

  it('matches exact rational rounding for any line', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 1_000_000 }), fc.integer({ min: 1, max: 500 }), fc.integer({ min: 0, max: 10_000 }), (cost, qty, bp) => {
        const exact = cost * qty * (10_000 + bp) // < 2^53 in this range
        const amount = claimPartAmount('shop', cost, qty, bp)
        // |amount − exact / 10,000| ≤ ½, and exactly ½ rounds up.
        expect(Math.abs(amount * 10_000 - exact)).toBeLessThanOrEqual(5_000)
        if (amount * 10_000 - exact === -5_000) throw new Error('half rounded down')
      }),
    )
  })

  it('takes labour from the tier’s rate, 0 while unset', () => {
    expect(claimLabourAmount({ L1: 3000, L2: 4500, L3: null }, 'L2')).toBe(4500)
    expect(claimLabourAmount({ L1: 3000, L2: 4500, L3: null }, 'L3')).toBe(0)
  })

  it('numbers a claim after its ticket', () => {
    expect(claimNumberOf('R2611-0042')).toBe('C-R2611-0042')
  })
})

describe('claim rule schemas', () => {
  it('refuses a repeated required field', () => {
    expect(RequiredClaimFields.safeParse(['imei', 'imei']).error?.issues[0]).toMatchObject({ path: [1], message: 'validation.claimFieldRepeated' })
    expect(RequiredClaimFields.safeParse(['imei', 'warranty_card']).success).toBe(false)
  })

  it('refuses an export profile with no format, a repeated field or header', () => {
    const column = (field: string, header: string) => ({ field, header })
    expect(ExportProfileSchema.safeParse({ formats: [], columns: [column('imei', 'IMEI')] }).error?.issues[0]).toMatchObject({ path: ['formats'], message: 'validation.exportFormat' })
    expect(ExportProfileSchema.safeParse({ formats: ['csv', 'csv'], columns: [column('imei', 'IMEI')] }).error?.issues[0]).toMatchObject({ path: ['formats', 1] })
    expect(ExportProfileSchema.safeParse({ formats: ['csv'], columns: [column('imei', 'A'), column('imei', 'B')] }).error?.issues[0]).toMatchObject({ path: ['columns', 1, 'field'], message: 'validation.exportFieldRepeated' })
    expect(ExportProfileSchema.safeParse({ formats: ['csv'], columns: [column('imei', 'IMEI'), column('serial', 'imei')] }).error?.issues[0]).toMatchObject({ path: ['columns', 1, 'header'], message: 'validation.exportHeaderRepeated' })
    expect(ExportProfileSchema.parse({ formats: ['json'], columns: [column('claim_number', '索赔单号')] })).toEqual({ formats: ['json'], csvBom: false, columns: [column('claim_number', '索赔单号')] })
  })
})
