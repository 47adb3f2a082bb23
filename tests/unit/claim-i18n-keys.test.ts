import { describe, expect, it } from 'vitest'
import { validateClaim, type ClaimCheckFacts } from '../../shared/claim-validation'
import { claimStatuses } from '../../shared/claims'
import type { ClaimProblemDto } from '../../shared/dto/claims'
import { resources } from '../../shared/i18n'
import { supportedLocales } from '../../shared/locales'

// The claim issue's message keys: what its handlers and schemas emit, and every problem the
// validation can raise, each with the params its text uses.

function lookup(tree: object, key: string): unknown {
  return key.split('.').reduce<unknown>((node, part) => (node as Record<string, unknown> | undefined)?.[part], tree)
}

const backendKeys = [
  'errors.claimNotFound', 'errors.claimNotEditable', 'errors.claimFrozenParts', 'errors.claimLineNotFound',
  'errors.claimModelOtherManufacturer', 'errors.modelNotFound', 'errors.staffNotFound', 'errors.manufacturerNotFound',
  'validation.claimField', 'validation.claimFieldRepeated', 'validation.exportFormat', 'validation.exportFormatRepeated',
  'validation.exportField', 'validation.exportFieldRepeated', 'validation.exportHeaderRepeated', 'validation.exportColumns',
  'validation.markup', 'validation.claimStatus', 'validation.claimImei', 'validation.claimParts', 'validation.claimLineRepeated',
  ...claimStatuses.map((s) => `claimStatus.${s}`),
  ...['created', 'edited', 'partsChanged', 'repriced', 'validated'].map((k) => `claimEvent.${k}`),
]

/** Claims that between them break every rule, so every problem key is emitted at least once. */
function everyProblem(): ClaimProblemDto[] {
  const lines = [{ position: 0, name: 'board', partNumber: '', serialized: true, oldSerial: null, newSerial: null }]
  const empty = { condition: new Set<string>(), symptom: new Set<string>(), defect: new Set<string>(), repair: new Set<string>() }
  const base: ClaimCheckFacts = {
    today: '2027-06-01',
    claim: {
      imei: '490154203237519', serial: null, purchaseDate: null, proofOfPurchaseRef: '', customerPhone: '',
      receivedDate: '2026-11-20', repairStartedDate: '2026-11-19', completedDate: '2026-11-18',
      faultCodes: { condition: 'X', symptom: 'X', defect: 'X', repair: 'X' }, repairTier: 'L1', lines,
    },
    rules: {
      requiredFields: ['imei_or_serial', 'imei', 'serial', 'purchase_date', 'proof_of_purchase', 'customer_phone', 'fault_codes', 'parts_serials'],
      labourRates: { L1: null, L2: null, L3: null }, claimWindowDays: 30, warrantyMonths: 12, proofRequired: true,
    },
    activeFaultCodes: empty,
    repeatOf: { ticketNumber: 'R2611-0001', collectedDate: '2026-11-10' },
    ticketCancelled: true,
  }
  return [
    ...validateClaim(base),
    ...validateClaim({ ...base, claim: { ...base.claim, imei: null, purchaseDate: '2026-12-01', faultCodes: { condition: '', symptom: '', defect: '', repair: '' } } }),
    ...validateClaim({ ...base, claim: { ...base.claim, purchaseDate: '2020-01-01' } }),
    ...validateClaim({ ...base, today: '2026-12-15' }),
  ]
}

describe('claim message keys', () => {
  const problems = everyProblem()

  it('emits every kind of problem in the scenarios below', () => {
    expect(new Set(problems.map((p) => p.code))).toEqual(
      new Set(['ticketCancelled', 'missing', 'imeiCheckDigit', 'purchaseDateMissing', 'purchaseAfterReceived', 'outOfWarranty', 'repairBeforeReceived', 'completedBeforeRepair', 'faultCodeNotInList', 'labourRateMissing', 'repeatRepair', 'partNumberMissing', 'claimWindowExceeded', 'claimWindowClosing']),
    )
  })

  it.each(supportedLocales)('%s has every backend key and every problem text, with the params the problem gives', (locale) => {
    const tree = resources[locale].translation
    const missing = [...backendKeys, ...problems.map((p) => p.messageKey)].filter((key) => typeof lookup(tree, key) !== 'string')
    expect(missing).toEqual([])
    for (const problem of problems) {
      const used = [...(lookup(tree, problem.messageKey) as string).matchAll(/\{\{(\w+)\}\}/g)].map((m) => m[1])
      expect(used.filter((p) => !(p! in (problem.params ?? {}))), `${locale} ${problem.messageKey}`).toEqual([])
    }
  })

  it('names the claim and its status when a claim cannot change', () => {
    for (const locale of supportedLocales) {
      for (const key of ['errors.claimNotEditable', 'errors.claimFrozenParts']) {
        const text = lookup(resources[locale].translation, key) as string
        expect(text).toContain('{{claim}}')
        expect(text).toContain('{{status}}')
      }
    }
  })
})
