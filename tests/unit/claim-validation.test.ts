import { describe, expect, it } from 'vitest'
import { claimDeadline, hasErrors, validateClaim, type ClaimCheckFacts } from '../../shared/claim-validation'
import type { ClaimProblemDto } from '../../shared/dto/claims'

// Every rule with a claim that breaks it and the same claim put right. The base claim passes.

const codes = { condition: new Set(['1', '2']), symptom: new Set(['S01']), defect: new Set(['D04']), repair: new Set(['R04']) }

function facts(change: { claim?: Partial<ClaimCheckFacts['claim']>; rules?: Partial<ClaimCheckFacts['rules']> } & Partial<Omit<ClaimCheckFacts, 'claim' | 'rules'>> = {}): ClaimCheckFacts {
  const { claim, rules, ...rest } = change
  return {
    today: '2026-11-27',
    claim: {
      imei: '490154203237518',
      serial: null,
      purchaseDate: '2026-03-01',
      proofOfPurchaseRef: 'INV-1',
      customerPhone: '13800138000',
      receivedDate: '2026-11-20',
      repairStartedDate: '2026-11-21',
      completedDate: '2026-11-22',
      faultCodes: { condition: '1', symptom: 'S01', defect: 'D04', repair: 'R04' },
      repairTier: 'L2',
      lines: [{ position: 0, name: 'board', partNumber: '5P68C22600', serialized: true, oldSerial: 'OLD-1', newSerial: 'NEW-1' }],
      ...claim,
    },
    rules: {
      requiredFields: ['imei_or_serial', 'purchase_date', 'fault_codes'],
      labourRates: { L1: 3000, L2: 4500, L3: null },
      claimWindowDays: 30,
      warrantyMonths: 12,
      proofRequired: true,
      ...rules,
    },
    activeFaultCodes: codes,
    repeatOf: null,
    ticketCancelled: false,
    ...rest,
  }
}

const brief = (problems: ClaimProblemDto[]) => problems.map((p) => [p.severity, p.messageKey, p.field.join('.'), p.params ?? {}])

describe('claim validation', () => {
  it('passes a complete claim inside its window', () => {
    expect(validateClaim(facts())).toEqual([])
  })

  it('names each required field the manufacturer wants and the claim lacks', () => {
    const bare = { imei: null, serial: null, customerPhone: '', proofOfPurchaseRef: '' }
    const rules = { requiredFields: ['imei_or_serial', 'imei', 'serial', 'customer_phone', 'proof_of_purchase'] as const, proofRequired: false }
    expect(brief(validateClaim(facts({ claim: bare, rules: { ...rules, requiredFields: [...rules.requiredFields] } })))).toEqual([
      ['error', 'claimProblem.missing.imei_or_serial', 'imei', {}],
      ['error', 'claimProblem.missing.imei', 'imei', {}],
      ['error', 'claimProblem.missing.serial', 'serial', {}],
      ['error', 'claimProblem.missing.proof_of_purchase', 'proofOfPurchaseRef', {}],
      ['error', 'claimProblem.missing.customer_phone', 'customerPhone', {}],
    ])
    // Not required: not a problem.
    expect(validateClaim(facts({ claim: { customerPhone: '', serial: 'SN1', imei: null }, rules: { requiredFields: ['imei_or_serial'] } }))).toEqual([])
  })

  it('asks for proof when the manufacturer needs it for warranty, once, even if also listed', () => {
    const problems = validateClaim(facts({ claim: { proofOfPurchaseRef: ' ' }, rules: { requiredFields: ['proof_of_purchase'], proofRequired: true } }))
    expect(brief(problems)).toEqual([['error', 'claimProblem.missing.proof_of_purchase', 'proofOfPurchaseRef', {}]])
    expect(validateClaim(facts({ claim: { proofOfPurchaseRef: '' }, rules: { proofRequired: false } }))).toEqual([])
  })

  it('checks the IMEI check digit', () => {
    expect(brief(validateClaim(facts({ claim: { imei: '490154203237519' } })))).toEqual([['error', 'claimProblem.imeiCheckDigit', 'imei', { imei: '490154203237519' }]])
    expect(validateClaim(facts({ claim: { imei: '356938035643809' } }))).toEqual([])
  })

  it('needs a purchase date, not after the device came in, within the warranty', () => {
    expect(brief(validateClaim(facts({ claim: { purchaseDate: null } })))).toEqual([['error', 'claimProblem.purchaseDateMissing', 'purchaseDate', {}]])
    // Missing once, even when the manufacturer lists the field too.
    expect(validateClaim(facts({ claim: { purchaseDate: null }, rules: { requiredFields: ['purchase_date'] } }))).toHaveLength(1)
    expect(brief(validateClaim(facts({ claim: { purchaseDate: '2026-11-21' } })))).toEqual([
      ['error', 'claimProblem.purchaseAfterReceived', 'purchaseDate', { purchaseDate: '2026-11-21', receivedDate: '2026-11-20' }],
    ])
    expect(validateClaim(facts({ claim: { purchaseDate: '2026-11-20' } }))).toEqual([])
    // 12 months from 2025-11-20 covers through 2026-11-20 (the day it came in), not a day more.
    expect(validateClaim(facts({ claim: { purchaseDate: '2025-11-20' } }))).toEqual([])
    expect(brief(validateClaim(facts({ claim: { purchaseDate: '2025-11-19' } })))).toEqual([
      ['error', 'claimProblem.outOfWarranty', 'purchaseDate', { endsOn: '2026-11-19', receivedDate: '2026-11-20' }],
    ])
    expect(validateClaim(facts({ claim: { purchaseDate: '2025-11-19' }, rules: { warrantyMonths: 24 } }))).toEqual([])
  })

  it('keeps the repair dates in order', () => {
    expect(brief(validateClaim(facts({ claim: { repairStartedDate: '2026-11-19' } })))).toEqual([
      ['error', 'claimProblem.repairBeforeReceived', 'repairStartedDate', { repairStartedDate: '2026-11-19', receivedDate: '2026-11-20' }],
    ])
    expect(brief(validateClaim(facts({ claim: { completedDate: '2026-11-20' } })))).toEqual([
      ['error', 'claimProblem.completedBeforeRepair', 'completedDate', { completedDate: '2026-11-20', repairStartedDate: '2026-11-21' }],
    ])
    expect(validateClaim(facts({ claim: { receivedDate: '2026-11-22', repairStartedDate: '2026-11-22', completedDate: '2026-11-22' } }))).toEqual([])
  })

  it('takes fault codes only from the manufacturer’s active list, and empty ones only when not required', () => {
    expect(brief(validateClaim(facts({ claim: { faultCodes: { condition: '9', symptom: 'S01', defect: 'D04', repair: 'R99' } } })))).toEqual([
      ['error', 'claimProblem.faultCodeNotInList.condition', 'faultCodes.condition', { code: '9' }],
      ['error', 'claimProblem.faultCodeNotInList.repair', 'faultCodes.repair', { code: 'R99' }],
    ])
    const noCondition = { faultCodes: { condition: '', symptom: 'S01', defect: 'D04', repair: 'R04' } }
    expect(brief(validateClaim(facts({ claim: noCondition })))).toEqual([['error', 'claimProblem.missingFaultCode.condition', 'faultCodes.condition', {}]])
    expect(validateClaim(facts({ claim: noCondition, rules: { requiredFields: ['imei_or_serial'] } }))).toEqual([])
  })

  it('needs a labour rate for the claim’s repair tier', () => {
    expect(brief(validateClaim(facts({ claim: { repairTier: 'L3' } })))).toEqual([['error', 'claimProblem.labourRateMissing', 'repairTier', { tier: 'L3' }]])
    expect(validateClaim(facts({ claim: { repairTier: 'L1' } }))).toEqual([])
    // A rate of zero is a rate (some manufacturers pay parts only).
    expect(validateClaim(facts({ rules: { labourRates: { L1: 0, L2: 0, L3: 0 } } }))).toEqual([])
  })

  it('needs part numbers, and serials of serialized parts when the manufacturer asks for them', () => {
    const lines = [
      { position: 0, name: 'board', partNumber: '', serialized: true, oldSerial: null, newSerial: null },
      { position: 1, name: 'screw', partNumber: 'SC1', serialized: false, oldSerial: null, newSerial: null },
    ]
    expect(brief(validateClaim(facts({ claim: { lines } })))).toEqual([['error', 'claimProblem.partNumberMissing', 'parts.0.partNumber', { line: 1, name: 'board' }]])
    expect(brief(validateClaim(facts({ claim: { lines }, rules: { requiredFields: ['parts_serials'] } })))).toEqual([
      ['error', 'claimProblem.partNumberMissing', 'parts.0.partNumber', { line: 1, name: 'board' }],
      ['error', 'claimProblem.missing.parts_serials', 'parts.0.newSerial', { line: 1 }],
      ['error', 'claimProblem.missingOldSerial', 'parts.0.oldSerial', { line: 1 }],
    ])
    expect(validateClaim(facts({ rules: { requiredFields: ['parts_serials'] } }))).toEqual([])
  })

  it('warns in the last week of the claim window and refuses after it', () => {
    // Completed 2026-11-22 with 30 days: submit by 2026-12-22.
    expect(claimDeadline('2026-11-22', 30)).toBe('2026-12-22')
    expect(validateClaim(facts({ today: '2026-12-14' }))).toEqual([])
    expect(brief(validateClaim(facts({ today: '2026-12-15' })))).toEqual([['warning', 'claimProblem.claimWindowClosing', '', { deadline: '2026-12-22', daysLeft: 7 }]])
    expect(brief(validateClaim(facts({ today: '2026-12-22' })))).toEqual([['warning', 'claimProblem.claimWindowClosing', '', { deadline: '2026-12-22', daysLeft: 0 }]])
    const late = validateClaim(facts({ today: '2026-12-25' }))
    expect(brief(late)).toEqual([['error', 'claimProblem.claimWindowExceeded', 'completedDate', { deadline: '2026-12-22', days: 3 }]])
    expect(hasErrors(late)).toBe(true)
    expect(hasErrors(validateClaim(facts({ today: '2026-12-20' })))).toBe(false)
  })

  it('flags a repeat within 30 days of the last hand-back, not later', () => {
    const within = validateClaim(facts({ repeatOf: { ticketNumber: 'R2610-0007', collectedDate: '2026-10-21' } }))
    expect(brief(within)).toEqual([['warning', 'claimProblem.repeatRepair', '', { ticket: 'R2610-0007', days: 30 }]])
    expect(hasErrors(within)).toBe(false)
    expect(validateClaim(facts({ repeatOf: { ticketNumber: 'R2610-0007', collectedDate: '2026-10-20' } }))).toEqual([])
  })

  it('refuses a cancelled ticket’s claim', () => {
    expect(brief(validateClaim(facts({ ticketCancelled: true })))).toEqual([['error', 'claimProblem.ticketCancelled', '', {}]])
  })

  it('lists every problem at once', () => {
    const problems = validateClaim(facts({ today: '2027-01-30', claim: { imei: '490154203237519', purchaseDate: null, repairTier: 'L3' } }))
    expect(problems.map((p) => p.code)).toEqual(['imeiCheckDigit', 'purchaseDateMissing', 'labourRateMissing', 'claimWindowExceeded'])
  })
})
