import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { auditRowHash, genesisHash } from '../../db/ledger/audit'
import { createHarness, expectError, setUpShop, type Harness } from '../support/harness'

let h: Harness
let ownerId: number
beforeEach(async () => {
  h = await createHarness()
  ownerId = await setUpShop(h)
})
afterEach(() => h.close())

function auditRows() {
  return h.ledger.sqlite.prepare('SELECT * FROM audit_log ORDER BY id').all() as {
    id: number
    at_ms: number
    staff_id: number | null
    action: string
    entity: string
    entity_id: string
    details_json: string
    prev_hash: string
    hash: string
  }[]
}

describe('shop settings', () => {
  it('updates only the given fields and audits what changed', async () => {
    h.clock.advance(60_000)
    const updated = await h.call('settings.update', { taxRateBp: 1300, pricesIncludeTax: false, receiptFooter: '保修 90 天' })
    expect(updated).toMatchObject({ taxRateBp: 1300, pricesIncludeTax: false, receiptFooter: '保修 90 天', shopName: '好修通讯维修店', updatedAtMs: h.clock.now() })
    const last = auditRows().at(-1)!
    expect(last).toMatchObject({ action: 'settings.update', staff_id: ownerId, entity: 'settings', entity_id: '1', at_ms: h.clock.now() })
    expect(JSON.parse(last.details_json)).toEqual({
      taxRateBp: { from: 0, to: 1300 },
      pricesIncludeTax: { from: true, to: false },
      receiptFooter: { from: '', to: '保修 90 天' },
    })
  })

  it('writes no audit row when nothing actually changed', async () => {
    const before = h.counts()
    await h.call('settings.update', { shopName: '好修通讯维修店' })
    expect(h.counts()).toEqual(before)
  })

  it.each([
    [{ taxRateBp: 13.5 }, 'taxRateBp'],
    [{ taxRateBp: -1 }, 'taxRateBp'],
    [{ taxRateBp: 10_001 }, 'taxRateBp'],
    [{ currency: 'RMB' }, 'currency'],
    [{ timeZone: 'Asia/Shanghaii' }, 'timeZone'],
    [{ pricesIncludeTax: 'yes' }, 'pricesIncludeTax'],
    [{ shopName: '' }, 'shopName'],
    [{ receiptHeader: 'x'.repeat(501) }, 'receiptHeader'],
    [{ colour: 'red' }, 'colour'],
  ])('rejects %j naming %s and writes nothing', async (input, field) => {
    const before = h.counts()
    const error = expectError(await h.raw('settings.update', input))
    expect(error.code).toBe('INVALID_INPUT')
    expect(error.issues?.map((i) => i.path)).toContainEqual([field])
    expect(h.counts()).toEqual(before)
  })

  it('rejects an update with nothing in it', async () => {
    expect(expectError(await h.raw('settings.update', {})).code).toBe('INVALID_INPUT')
  })
})

describe('staff', () => {
  it('lets the owner add a technician who can then sign in', async () => {
    const tech = await h.call('staff.create', { name: 'Li Tech', role: 'technician', pin: '1357' })
    expect(tech).toMatchObject({ name: 'Li Tech', role: 'technician', active: true, locale: null })
    expect((await h.call('auth.signIn', { staffId: tech.id, pin: '1357' }, 'bench')).staff.name).toBe('Li Tech')
    expect((await h.call('staff.list', {}, 'bench')).map((s) => s.name)).toEqual(['王店主', 'Li Tech'])
  })

  it('refuses a duplicate name regardless of case, naming the field', async () => {
    await h.call('staff.create', { name: 'Li Tech', role: 'technician', pin: '1357' })
    const before = h.counts()
    const error = expectError(await h.raw('staff.create', { name: 'li tech', role: 'technician', pin: '2468' }))
    expect(error).toMatchObject({ code: 'CONFLICT', messageKey: 'errors.staffNameTaken' })
    expect(error.issues?.[0]?.path).toEqual(['name'])
    expect(h.counts()).toEqual(before)
  })

  it('resets a PIN without ever writing it to the audit log', async () => {
    const tech = await h.call('staff.create', { name: 'Li Tech', role: 'technician', pin: '1357' })
    await h.call('staff.update', { id: tech.id, pin: '8642' })
    expectError(await h.raw('auth.signIn', { staffId: tech.id, pin: '1357' }, 'bench'))
    expect((await h.call('auth.signIn', { staffId: tech.id, pin: '8642' }, 'bench')).staff.id).toBe(tech.id)
    const details = auditRows().map((r) => r.details_json).join('\n')
    expect(details).not.toMatch(/8642|1357/)
    expect(details).toContain('"pinReset":true')
  })

  it('deactivates and reactivates, listing inactive staff only on request', async () => {
    const tech = await h.call('staff.create', { name: 'Li Tech', role: 'technician', pin: '1357' })
    await h.call('staff.update', { id: tech.id, active: false })
    expect((await h.call('staff.list', {})).map((s) => s.id)).toEqual([ownerId])
    expect((await h.call('staff.list', { includeInactive: true })).map((s) => s.active)).toEqual([true, false])
    expect((await h.call('staff.update', { id: tech.id, active: true })).active).toBe(true)
  })

  it('never leaves the shop without an active owner', async () => {
    const before = h.counts()
    expect(expectError(await h.raw('staff.update', { id: ownerId, role: 'technician' }))).toMatchObject({ code: 'CONFLICT', messageKey: 'errors.lastOwner' })
    expect(expectError(await h.raw('staff.update', { id: ownerId, active: false })).code).toBe('CONFLICT')
    expect(h.counts()).toEqual(before)
    const second = await h.call('staff.create', { name: 'Co-owner', role: 'owner', pin: '1122' })
    expect((await h.call('staff.update', { id: ownerId, role: 'technician' })).role).toBe('technician')
    expect(second.role).toBe('owner')
  })

  it.each([
    [{ name: '', role: 'technician', pin: '1234' }, 'name'],
    [{ name: 'A', role: 'manager', pin: '1234' }, 'role'],
    [{ name: 'A', role: 'technician', pin: '12' }, 'pin'],
    [{ name: 'A', role: 'technician' }, 'pin'],
  ])('rejects staff %j naming %s', async (input, field) => {
    const before = h.counts()
    const error = expectError(await h.raw('staff.create', input))
    expect(error.issues?.map((i) => i.path)).toContainEqual([field])
    expect(h.counts()).toEqual(before)
  })

  it('answers NOT_FOUND for an unknown staff id', async () => {
    expect(expectError(await h.raw('staff.update', { id: 4242, name: 'Ghost' })).code).toBe('NOT_FOUND')
  })
})

describe('audit log', () => {
  it('records every write with who, what, when and which record, in an unbroken hash chain', async () => {
    const tech = await h.call('staff.create', { name: 'Li Tech', role: 'technician', pin: '1357' })
    h.clock.advance(1000)
    await h.call('staff.update', { id: tech.id, name: 'Li Wei' })
    await h.call('settings.update', { phone: '021-5555 0199' })
    const rows = auditRows()
    expect(rows.map((r) => [r.action, r.entity, r.entity_id, r.staff_id])).toEqual([
      ['setup.complete', 'settings', '1', ownerId],
      ['staff.create', 'staff', String(tech.id), ownerId],
      ['staff.update', 'staff', String(tech.id), ownerId],
      ['settings.update', 'settings', '1', ownerId],
    ])
    let prev = genesisHash
    for (const row of rows) {
      expect(row.prev_hash).toBe(prev)
      expect(row.hash).toBe(
        auditRowHash(prev, { atMs: row.at_ms, staffId: row.staff_id, action: row.action, entity: row.entity, entityId: row.entity_id, detailsJson: row.details_json }),
      )
      prev = row.hash
    }
  })

  it('refuses to update or delete audit rows', () => {
    expect(() => h.ledger.sqlite.exec(`UPDATE audit_log SET action = 'x'`)).toThrow(/append-only/)
    expect(() => h.ledger.sqlite.exec('DELETE FROM audit_log')).toThrow(/append-only/)
    expect(auditRows()).toHaveLength(1)
  })
})
