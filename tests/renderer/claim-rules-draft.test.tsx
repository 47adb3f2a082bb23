import { describe, expect, it } from 'vitest'
import { claimExportFields } from '../../shared/claims'
import type { ClaimRulesDto } from '../../shared/dto/claims'
import { changesFrom, draftFrom, formPathOf } from '../../renderer/src/screens/settings/claim-rules/claim-rules-draft'

// The claim rules form's draft: text ↔ numbers without floating point, and only what changed is sent.

const rules: ClaimRulesDto = {
  manufacturerId: 3,
  labourRates: { L1: 3000, L2: null, L3: 12_050 },
  partsMarkupBp: 1250,
  claimWindowDays: 30,
  defectiveReturnDays: 14,
  requiredFields: ['purchase_date', 'imei_or_serial'],
  exportProfile: { formats: ['json', 'csv'], csvBom: true, columns: claimExportFields.slice(0, 3).map((field) => ({ field, header: field })) },
  syncUrl: null,
  syncTokenSet: true,
}

describe('claim rules draft', () => {
  it('shows money in the currency, markup as percent, and sends nothing when nothing changed', () => {
    const draft = draftFrom(rules, 'CNY')
    expect(draft.labour).toEqual({ L1: '30.00', L2: '', L3: '120.50' })
    expect(draft.markup).toBe('12.5')
    expect(draft.requiredFields).toEqual(['imei_or_serial', 'purchase_date'])
    expect(changesFrom(rules, draft, 'CNY')).toEqual({ ok: true, changes: {} })
    expect(draftFrom(rules, 'JPY').labour.L1).toBe('3000')
  })

  it('sends only the changed rules: a cleared rate as null, percent as basis points, a forgotten token as null', () => {
    const draft = draftFrom(rules, 'CNY')
    const changed = {
      ...draft,
      labour: { L1: '', L2: '４５．５', L3: '120.5' },
      markup: '0.25%',
      defectiveReturnDays: ' 21 ',
      columns: [...draft.columns].reverse(),
      syncUrl: ' https://claims.example.com/b ',
      token: { kind: 'forget' as const },
    }
    expect(changesFrom(rules, changed, 'CNY')).toEqual({
      ok: true,
      changes: {
        labourRates: { L1: null, L2: 4550 },
        partsMarkupBp: 25,
        defectiveReturnDays: 21,
        exportProfile: { formats: ['csv', 'json'], csvBom: true, columns: [...rules.exportProfile.columns].reverse() },
        syncUrl: 'https://claims.example.com/b',
        syncToken: null,
      },
    })
    // An empty box for a new token keeps the stored one.
    expect(changesFrom(rules, { ...draft, token: { kind: 'set', token: '  ' } }, 'CNY')).toEqual({ ok: true, changes: {} })
    expect(changesFrom(rules, { ...draft, token: { kind: 'set', token: ' tok-12345678 ' } }, 'CNY')).toEqual({ ok: true, changes: { syncToken: 'tok-12345678' } })
  })

  it('names the fields whose text is no number', () => {
    const draft = { ...draftFrom(rules, 'CNY'), labour: { L1: '1.234', L2: 'abc', L3: '' }, markup: '101', claimWindowDays: '-3' }
    expect(changesFrom(rules, draft, 'CNY')).toEqual({
      ok: false,
      problems: {
        'labourRates.L1': { messageKey: 'validation.amountDecimals', params: { digits: 2 } },
        'labourRates.L2': { messageKey: 'validation.amount' },
        partsMarkupBp: { messageKey: 'validation.markup' },
        claimWindowDays: { messageKey: 'validation.days' },
      },
    })
  })

  it('puts the ledger’s issue paths on the form’s fields', () => {
    expect(formPathOf(['requiredFields', 1])).toBe('requiredFields')
    expect(formPathOf(['exportProfile', 'formats', 0])).toBe('exportProfile.formats')
    expect(formPathOf(['exportProfile', 'columns', 2, 'header'])).toBe('exportProfile.columns.2.header')
    expect(formPathOf(['exportProfile', 'columns', 2])).toBe('exportProfile.columns')
    expect(formPathOf(['labourRates'])).toBe('labourRates.L1')
    expect(formPathOf(['syncUrl'])).toBe('syncUrl')
  })
})
