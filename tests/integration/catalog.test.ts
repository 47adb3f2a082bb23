import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { createHarness, expectError, setUpShop, type Harness } from '../support/harness'
import { newPhoneIntake } from '../support/intake'

let h: Harness
beforeEach(async () => {
  h = await createHarness()
  await setUpShop(h)
})
afterEach(() => h.close())

describe('a new shop’s catalogue', () => {
  it('starts with real brands and editable defaults', async () => {
    const makers = await h.call('manufacturers.list', {})
    expect(makers.map((m) => m.code).sort()).toEqual(['APPLE', 'HUAWEI', 'LENOVO', 'MOTO', 'SAMSUNG', 'XIAOMI'])
    expect(makers.find((m) => m.code === 'APPLE')).toMatchObject({ warrantyMonths: 12, proofRequired: false, active: true })
    const models = await h.call('models.search', { query: '', limit: 200 })
    expect(models.length).toBeGreaterThanOrEqual(18)
    expect(models.find((m) => m.marketingName === 'ThinkPad X1 Carbon Gen 11')).toMatchObject({ category: 'laptop', warrantyMonths: 36, effectiveWarrantyMonths: 36 })
  })
})

describe('manufacturers', () => {
  it('lets the owner add and edit a brand, and audits it', async () => {
    const honor = await h.call('manufacturers.create', { code: 'honor', name: 'Honor 荣耀', warrantyMonths: 12, proofRequired: true })
    expect(honor).toMatchObject({ code: 'HONOR', claimWindowDays: 30, defectiveReturnDays: 30, active: true })
    const edited = await h.call('manufacturers.update', { id: honor.id, warrantyMonths: 18, active: false })
    expect(edited).toMatchObject({ warrantyMonths: 18, active: false })
    expect((await h.call('manufacturers.list', {})).map((m) => m.code)).not.toContain('HONOR')
    expect((await h.call('manufacturers.list', { includeInactive: true })).map((m) => m.code)).toContain('HONOR')
    const actions = (h.ledger.sqlite.prepare(`SELECT action FROM audit_log WHERE entity = 'manufacturer'`).all() as { action: string }[]).map((r) => r.action)
    expect(actions).toEqual(['manufacturers.create', 'manufacturers.update'])
  })

  it('refuses a duplicate code at the field', async () => {
    const before = h.counts()
    const error = expectError(await h.raw('manufacturers.create', { code: 'moto', name: 'Moto again', warrantyMonths: 12, proofRequired: true }))
    expect(error).toMatchObject({ code: 'CONFLICT', issues: [{ path: ['code'], messageKey: 'errors.manufacturerCodeTaken' }] })
    expect(h.counts()).toEqual(before)
  })

  it.each([
    [{ code: 'X', name: 'A', warrantyMonths: 12, proofRequired: true }, 'code'],
    [{ code: 'GOOD', name: 'A', warrantyMonths: 12.5, proofRequired: true }, 'warrantyMonths'],
    [{ code: 'GOOD', name: 'A', warrantyMonths: 121, proofRequired: true }, 'warrantyMonths'],
    [{ code: 'GOOD', name: '', warrantyMonths: 12, proofRequired: true }, 'name'],
    [{ code: 'GOOD', name: 'A', warrantyMonths: 12 }, 'proofRequired'],
  ])('rejects %j naming %s', async (input, field) => {
    expect(expectError(await h.raw('manufacturers.create', input)).issues?.map((i) => i.path)).toContainEqual([field])
  })

  it('is the owner’s job', async () => {
    const tech = await h.call('staff.create', { name: 'Tech', role: 'technician', pin: '1357' })
    await h.call('auth.signIn', { staffId: tech.id, pin: '1357' }, 'bench')
    expect(expectError(await h.raw('manufacturers.create', { code: 'OPPO', name: 'OPPO', warrantyMonths: 12, proofRequired: true }, 'bench')).code).toBe('FORBIDDEN')
    expect(expectError(await h.raw('models.create', { manufacturerId: 1, modelCode: 'X', marketingName: 'X', category: 'phone' }, 'bench')).code).toBe('FORBIDDEN')
    expect((await h.call('models.search', { query: 'moto' }, 'bench')).length).toBeGreaterThan(0)
  })
})

describe('models', () => {
  it('adds a model with an optional warranty override and finds it as you type', async () => {
    const [samsung] = (await h.call('manufacturers.list', {})).filter((m) => m.code === 'SAMSUNG')
    const fold = await h.call('models.create', { manufacturerId: samsung!.id, modelCode: 'SM-F9560', marketingName: 'Galaxy Z Fold6', category: 'phone', warrantyMonths: 24 })
    expect(fold).toMatchObject({ effectiveWarrantyMonths: 24, manufacturer: { code: 'SAMSUNG' } })
    expect((await h.call('models.search', { query: 'fold' })).map((m) => m.id)).toEqual([fold.id])
    expect((await h.call('models.search', { query: 'f956' })).map((m) => m.id)).toEqual([fold.id])
    const plain = await h.call('models.create', { manufacturerId: samsung!.id, modelCode: 'SM-A1560', marketingName: 'Galaxy A15', category: 'phone' })
    expect(plain).toMatchObject({ warrantyMonths: null, effectiveWarrantyMonths: 12 })
  })

  it('treats % and _ in a query as plain characters', async () => {
    expect(await h.call('models.search', { query: '%' })).toEqual([])
    expect(await h.call('models.search', { query: 'SM_S' })).toEqual([])
    expect((await h.call('models.search', { query: 'SM-S' })).length).toBe(1)
  })

  it('refuses a duplicate model code of the same maker, and an unknown maker', async () => {
    const [moto] = (await h.call('manufacturers.list', {})).filter((m) => m.code === 'MOTO')
    expect(expectError(await h.raw('models.create', { manufacturerId: moto!.id, modelCode: 'xt2343-1', marketingName: 'dup', category: 'phone' })).issues?.[0]).toMatchObject({ path: ['modelCode'] })
    expect(expectError(await h.raw('models.create', { manufacturerId: 999, modelCode: 'Z1', marketingName: 'Z', category: 'phone' })).issues?.[0]).toMatchObject({ path: ['manufacturerId'] })
  })
})

describe('customers', () => {
  it('creates with a normalised phone and finds by name or phone as you type', async () => {
    const wang = await h.call('customers.create', { name: '王小明', phone: '186-1234-5678', email: 'xm@example.cn' })
    expect(wang).toMatchObject({ phone: '18612345678', kind: 'consumer', email: 'xm@example.cn' })
    await h.call('customers.create', { name: 'Wang Trading Co.', phone: '021 6666 1234', kind: 'dealer' })
    expect((await h.call('customers.search', { query: '5678', limit: 20 })).map((c) => c.name)).toEqual(['王小明'])
    expect((await h.call('customers.search', { query: '王小', limit: 20 })).map((c) => c.name)).toEqual(['王小明'])
    expect((await h.call('customers.search', { query: 'wang', limit: 20 })).map((c) => c.name)).toEqual(['Wang Trading Co.'])
    expect((await h.call('customers.search', { query: '1234', limit: 20 })).map((c) => c.name)).toEqual(['Wang Trading Co.', '王小明'])
  })

  it('edits a customer, audits before and after, and shows their devices and tickets', async () => {
    const ticket = await h.call('tickets.intake', await newPhoneIntake(h))
    const updated = await h.call('customers.update', { id: ticket.customer.id, phone: '+86 139 0000 1111', notes: 'prefers WeChat' })
    expect(updated).toMatchObject({ phone: '+8613900001111', notes: 'prefers WeChat', name: '张三' })
    const detail = await h.call('customers.get', { id: ticket.customer.id })
    expect(detail.devices.map((d) => d.imei)).toEqual(['490154203237518'])
    expect(detail.tickets.map((t) => t.number)).toEqual([ticket.number])
    const audit = h.ledger.sqlite.prepare(`SELECT details_json FROM audit_log WHERE action = 'customers.update'`).get() as { details_json: string }
    expect(JSON.parse(audit.details_json)).toMatchObject({ before: { phone: '13800138000' }, changes: { phone: '+8613900001111' } })
  })

  it.each([
    [{ name: 'A', phone: 'abc' }, 'phone'],
    [{ name: 'A', phone: '12' }, 'phone'],
    [{ name: '', phone: '13800138000' }, 'name'],
    [{ name: 'A', phone: '13800138000', email: 'not-an-email' }, 'email'],
    [{ name: 'A', phone: '13800138000', kind: 'vip' }, 'kind'],
  ])('rejects %j naming %s, writing nothing', async (input, field) => {
    const before = h.counts()
    expect(expectError(await h.raw('customers.create', input)).issues?.map((i) => i.path)).toContainEqual([field])
    expect(h.counts()).toEqual(before)
  })

  it('answers NOT_FOUND for unknown customers', async () => {
    expect(expectError(await h.raw('customers.get', { id: 999 })).code).toBe('NOT_FOUND')
    expect(expectError(await h.raw('customers.update', { id: 999, name: 'X' })).code).toBe('NOT_FOUND')
  })
})
