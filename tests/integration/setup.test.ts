import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { createHarness, expectError, setUpShop, shop, type Harness } from '../support/harness'

let h: Harness
beforeEach(async () => {
  h = await createHarness()
})
afterEach(() => h.close())

describe('first-run setup', () => {
  it('reports a new ledger as not set up', async () => {
    expect(await h.call('setup.status', {})).toEqual({ complete: false, shopName: null, locale: null })
  })

  it('creates the shop and the owner in one go and signs the owner in', async () => {
    const session = await h.call('setup.complete', { shop, owner: { name: '王店主', pin: '246810' } })
    expect(session.staff).toMatchObject({ name: '王店主', role: 'owner', active: true })
    expect(session.signedInAtMs).toBe(h.clock.now())
    expect(await h.call('setup.status', {})).toEqual({ complete: true, shopName: shop.shopName, locale: 'zh-CN' })
    expect(await h.call('auth.current', {})).toMatchObject({ staff: { id: session.staff.id } })
    const settings = await h.call('settings.get', {})
    expect(settings).toMatchObject({ ...shop, taxRateBp: 0, pricesIncludeTax: true, updatedAtMs: h.clock.now() })
  })

  it('stores the PIN only as a salted scrypt hash', async () => {
    await setUpShop(h)
    const row = h.ledger.sqlite.prepare('SELECT pin_hash FROM staff').get() as { pin_hash: string }
    expect(row.pin_hash).toMatch(/^scrypt\$32768\$8\$1\$/)
    expect(row.pin_hash).not.toContain('246810')
    const audit = h.ledger.sqlite.prepare('SELECT details_json FROM audit_log').all() as { details_json: string }[]
    expect(audit.map((r) => r.details_json).join()).not.toContain('246810')
  })

  it('defaults the currency to CNY', async () => {
    const { currency: _omit, ...withoutCurrency } = shop
    await h.call('setup.complete', { shop: withoutCurrency, owner: { name: 'Owner', pin: '1234' } })
    expect((await h.call('settings.get', {})).currency).toBe('CNY')
  })

  it('refuses a second setup and writes nothing', async () => {
    await setUpShop(h)
    const before = h.counts()
    const error = expectError(await h.raw('setup.complete', { shop, owner: { name: 'Intruder', pin: '1111' } }, 'other'))
    expect(error.code).toBe('CONFLICT')
    expect(error.messageKey).toBe('errors.setupAlreadyComplete')
    expect(h.counts()).toEqual(before)
  })

  const badInputs: [string, unknown, (string | number)[]][] = [
    ['empty shop name', { shop: { ...shop, shopName: '  ' }, owner: { name: 'A', pin: '1234' } }, ['shop', 'shopName']],
    ['unknown currency', { shop: { ...shop, currency: 'XYZ' }, owner: { name: 'A', pin: '1234' } }, ['shop', 'currency']],
    ['lower-case currency', { shop: { ...shop, currency: 'cny' }, owner: { name: 'A', pin: '1234' } }, ['shop', 'currency']],
    ['unknown time zone', { shop: { ...shop, timeZone: 'Mars/Olympus' }, owner: { name: 'A', pin: '1234' } }, ['shop', 'timeZone']],
    ['unsupported language', { shop: { ...shop, locale: 'fr' }, owner: { name: 'A', pin: '1234' } }, ['shop', 'locale']],
    ['PIN with letters', { shop, owner: { name: 'A', pin: '12ab' } }, ['owner', 'pin']],
    ['PIN too short', { shop, owner: { name: 'A', pin: '123' } }, ['owner', 'pin']],
    ['PIN as a number', { shop, owner: { name: 'A', pin: 1234 } }, ['owner', 'pin']],
    ['missing owner name', { shop, owner: { pin: '1234' } }, ['owner', 'name']],
    ['owner name too long', { shop, owner: { name: 'x'.repeat(61), pin: '1234' } }, ['owner', 'name']],
    ['unknown key in shop', { shop: { ...shop, admin: true }, owner: { name: 'A', pin: '1234' } }, ['shop', 'admin']],
    ['unknown top-level key', { shop, owner: { name: 'A', pin: '1234' }, __proto__x: 1 }, ['__proto__x']],
    ['missing owner', { shop }, ['owner']],
  ]

  it.each(badInputs)('rejects %s naming the field and writes nothing', async (_label, input, path) => {
    const before = h.counts()
    const error = expectError(await h.raw('setup.complete', input))
    expect(error.code).toBe('INVALID_INPUT')
    expect(error.issues?.map((i) => i.path)).toContainEqual(path)
    const issue = error.issues?.find((i) => JSON.stringify(i.path) === JSON.stringify(path))
    expect(issue?.messageKey).toMatch(/^validation\./)
    expect(issue?.message).toContain(path.join('.'))
    expect(h.counts()).toEqual(before)
    expect((await h.call('setup.status', {})).complete).toBe(false)
  })

  it('rejects a prototype-pollution key as an unknown field', async () => {
    const input = JSON.parse(`{"shop": ${JSON.stringify(shop)}, "owner": {"name": "A", "pin": "1234"}, "__proto__": {"polluted": true}}`)
    const error = expectError(await h.raw('setup.complete', input))
    expect(error.code).toBe('INVALID_INPUT')
    expect(error.issues?.map((i) => i.path)).toContainEqual(['__proto__'])
    expect(({} as Record<string, unknown>).polluted).toBeUndefined()
  })
})
