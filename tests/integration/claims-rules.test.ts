import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { claimExportFields } from '../../shared/claims'
import { createHarness, expectError, setUpShop, type Harness } from '../support/harness'
import { manufacturerId } from '../support/stock'

// A manufacturer's claim rules: read by anyone signed in, changed by an owner, checked on the way in.

let h: Harness
let moto: number
beforeEach(async () => {
  h = await createHarness()
  await setUpShop(h)
  moto = await manufacturerId(h, 'MOTO')
})
afterEach(() => h.close())

const defaults = {
  labourRates: { L1: null, L2: null, L3: null },
  partsMarkupBp: 0,
  claimWindowDays: 30,
  defectiveReturnDays: 30,
  requiredFields: ['imei_or_serial', 'purchase_date', 'fault_codes'],
  exportProfile: { formats: ['csv', 'json'], csvBom: false, columns: claimExportFields.map((field) => ({ field, header: field })) },
  syncUrl: null,
  syncTokenSet: false,
}

describe('claim rules', () => {
  it('start from the defaults for seeded and new manufacturers alike', async () => {
    expect(await h.call('manufacturers.claimRules', { manufacturerId: moto })).toEqual({ manufacturerId: moto, ...defaults })
    const oppo = await h.call('manufacturers.create', { code: 'OPPO', name: 'OPPO', warrantyMonths: 12, proofRequired: true, claimWindowDays: 45 })
    expect(await h.call('manufacturers.claimRules', { manufacturerId: oppo.id })).toEqual({ manufacturerId: oppo.id, ...defaults, claimWindowDays: 45 })
  })

  it('change only what is given, audited with what they were', async () => {
    await h.call('manufacturers.updateClaimRules', { manufacturerId: moto, labourRates: { L1: 3000, L2: 4500 }, partsMarkupBp: 1500 })
    const profile = { formats: ['csv' as const], csvBom: true, columns: [{ field: 'claim_number' as const, header: '索赔单号' }, { field: 'imei' as const, header: 'IMEI' }, { field: 'total_amount' as const, header: '索赔金额' }] }
    const rules = await h.call('manufacturers.updateClaimRules', { manufacturerId: moto, labourRates: { L3: 8000, L1: null }, claimWindowDays: 15, requiredFields: ['imei', 'parts_serials'], exportProfile: profile })
    expect(rules).toEqual({
      manufacturerId: moto,
      labourRates: { L1: null, L2: 4500, L3: 8000 },
      partsMarkupBp: 1500,
      claimWindowDays: 15,
      defectiveReturnDays: 30,
      requiredFields: ['imei', 'parts_serials'],
      exportProfile: profile,
      syncUrl: null,
      syncTokenSet: false,
    })
    expect(await h.call('manufacturers.claimRules', { manufacturerId: moto })).toEqual(rules)
    // One claim window for both settings screens.
    expect((await h.call('manufacturers.list', {})).find((m) => m.id === moto)).toMatchObject({ claimWindowDays: 15 })
    await h.call('manufacturers.update', { id: moto, claimWindowDays: 20 })
    expect((await h.call('manufacturers.claimRules', { manufacturerId: moto })).claimWindowDays).toBe(20)
    const audit = h.ledger.sqlite.prepare(`SELECT staff_id, details_json FROM audit_log WHERE action = 'manufacturers.updateClaimRules' ORDER BY id`).all() as { details_json: string }[]
    expect(audit).toHaveLength(2)
    expect(JSON.parse(audit[1]!.details_json)).toMatchObject({ before: { labourRates: { L1: 3000, L2: 4500, L3: null } }, changes: { labourRates: { L3: 8000, L1: null }, claimWindowDays: 15 } })
  })

  it('may be read by a technician but changed only by an owner', async () => {
    const tech = await h.call('staff.create', { name: '李师傅', role: 'technician', pin: '1357' })
    await h.call('auth.signIn', { staffId: tech.id, pin: '1357' }, 'bench')
    expect((await h.call('manufacturers.claimRules', { manufacturerId: moto }, 'bench')).partsMarkupBp).toBe(0)
    const before = h.digest()
    expect(expectError(await h.raw('manufacturers.updateClaimRules', { manufacturerId: moto, partsMarkupBp: 1000 }, 'bench'))).toMatchObject({ code: 'FORBIDDEN' })
    expect(h.digest()).toBe(before)
  })

  it('refuse bad rules naming the field, and write nothing', async () => {
    const before = h.digest()
    const issues = async (input: object) => expectError(await h.raw('manufacturers.updateClaimRules', { manufacturerId: moto, ...input })).issues?.map((i) => [i.path.join('.'), i.messageKey])
    expect(await issues({ partsMarkupBp: 10_001 })).toEqual([['partsMarkupBp', 'validation.markup']])
    expect(await issues({ partsMarkupBp: 12.5 })).toEqual([['partsMarkupBp', 'validation.markup']])
    expect(await issues({ labourRates: { L2: -1 } })).toEqual([['labourRates.L2', 'validation.amountNegative']])
    expect(await issues({ labourRates: { L4: 100 } })).toEqual([['labourRates.L4', 'validation.unknownField']])
    expect(await issues({ requiredFields: ['imei', 'warranty_card'] })).toEqual([['requiredFields.1', 'validation.claimField']])
    expect(await issues({ requiredFields: ['imei', 'imei'] })).toEqual([['requiredFields.1', 'validation.claimFieldRepeated']])
    expect(await issues({ claimWindowDays: -1 })).toEqual([['claimWindowDays', 'validation.days']])
    const column = (field: string, header: string) => ({ field, header })
    expect(await issues({ exportProfile: { formats: ['xlsx'], columns: [column('imei', 'IMEI')] } })).toEqual([['exportProfile.formats.0', 'validation.exportFormat']])
    expect(await issues({ exportProfile: { formats: ['csv'], columns: [] } })).toEqual([['exportProfile.columns', 'validation.exportColumns']])
    expect(await issues({ exportProfile: { formats: ['csv'], columns: [column('imei', 'IMEI'), column('price', 'Price')] } })).toEqual([['exportProfile.columns.1.field', 'validation.exportField']])
    expect(await issues({ exportProfile: { formats: ['csv'], columns: [column('imei', 'IMEI'), column('serial', ' ')] } })).toEqual([['exportProfile.columns.1.header', 'validation.required']])
    expect(await issues({ exportProfile: { formats: ['csv'], columns: [column('imei', 'No.'), column('serial', 'no.')] } })).toEqual([['exportProfile.columns.1.header', 'validation.exportHeaderRepeated']])
    expect(await issues({})).toEqual([['', 'validation.nothingToChange']])
    expect(expectError(await h.raw('manufacturers.updateClaimRules', { manufacturerId: 4242, partsMarkupBp: 100 })).issues?.[0]).toMatchObject({ path: ['manufacturerId'], messageKey: 'errors.manufacturerNotFound' })
    expect(expectError(await h.raw('manufacturers.claimRules', { manufacturerId: 4242 })).code).toBe('NOT_FOUND')
    expect(h.digest()).toBe(before)
  })
})
