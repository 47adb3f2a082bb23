import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { createHarness, expectError, setUpShop, type Harness } from '../support/harness'

let h: Harness
let ownerId: number
beforeEach(async () => {
  h = await createHarness()
  ownerId = await setUpShop(h)
})
afterEach(() => h.close())

function auditActions(): string[] {
  return (h.ledger.sqlite.prepare('SELECT action FROM audit_log ORDER BY id').all() as { action: string }[]).map((r) => r.action)
}

describe('sign-in', () => {
  it('lists active staff for the sign-in screen without secrets', async () => {
    await h.call('staff.create', { name: 'Li Tech', role: 'technician', pin: '1357' })
    const choices = await h.call('auth.staffChoices', {}, 'fresh-client')
    expect(choices).toEqual([
      { id: ownerId, name: '王店主', role: 'owner' },
      { id: expect.any(Number), name: 'Li Tech', role: 'technician' },
    ])
  })

  it('refuses a wrong PIN, records the attempt, then accepts the right one', async () => {
    const wrong = expectError(await h.raw('auth.signIn', { staffId: ownerId, pin: '0000' }, 'till'))
    expect(wrong).toMatchObject({ code: 'UNAUTHENTICATED', messageKey: 'errors.wrongPin' })
    expect(await h.call('auth.current', {}, 'till')).toBeNull()
    const session = await h.call('auth.signIn', { staffId: ownerId, pin: '246810' }, 'till')
    expect(session.staff.id).toBe(ownerId)
    expect(await h.call('auth.current', {}, 'till')).toEqual(session)
    expect(auditActions().slice(-2)).toEqual(['auth.signInFailed', 'auth.signIn'])
  })

  it('slows down repeated wrong PINs and lets the owner in after the lock-out', async () => {
    for (let i = 0; i < 3; i++) expectError(await h.raw('auth.signIn', { staffId: ownerId, pin: '9999' }, 'till'))
    const locked = expectError(await h.raw('auth.signIn', { staffId: ownerId, pin: '246810' }, 'till'))
    expect(locked).toMatchObject({ code: 'RATE_LIMITED', messageKey: 'errors.pinLocked', params: { retryAfterSeconds: 5 } })
    h.clock.advance(5_000)
    expect((await h.call('auth.signIn', { staffId: ownerId, pin: '246810' }, 'till')).staff.id).toBe(ownerId)
  })

  it('doubles the lock-out with every further wrong PIN', async () => {
    for (let i = 0; i < 3; i++) expectError(await h.raw('auth.signIn', { staffId: ownerId, pin: '9999' }, 'till'))
    h.clock.advance(5_000)
    expectError(await h.raw('auth.signIn', { staffId: ownerId, pin: '9999' }, 'till'))
    expect(expectError(await h.raw('auth.signIn', { staffId: ownerId, pin: '9999' }, 'till')).params).toEqual({ retryAfterSeconds: 10 })
  })

  it('refuses unknown and deactivated staff', async () => {
    expect(expectError(await h.raw('auth.signIn', { staffId: 999, pin: '1234' }, 'till')).code).toBe('NOT_FOUND')
    const tech = await h.call('staff.create', { name: 'Temp', role: 'technician', pin: '1357' })
    await h.call('staff.update', { id: tech.id, active: false })
    expect(expectError(await h.raw('auth.signIn', { staffId: tech.id, pin: '1357' }, 'till')).code).toBe('FORBIDDEN')
  })

  it('signs a deactivated staff member out of an open session', async () => {
    const tech = await h.call('staff.create', { name: 'Temp', role: 'technician', pin: '1357' })
    await h.call('auth.signIn', { staffId: tech.id, pin: '1357' }, 'bench')
    expect((await h.call('settings.get', {}, 'bench')).shopName).toBeTruthy()
    await h.call('staff.update', { id: tech.id, active: false })
    expect(expectError(await h.raw('settings.get', {}, 'bench')).code).toBe('UNAUTHENTICATED')
    expect(await h.call('auth.current', {}, 'bench')).toBeNull()
  })

  it('signs out only the calling client', async () => {
    await h.call('auth.signIn', { staffId: ownerId, pin: '246810' }, 'till')
    expect(await h.call('auth.signOut', {})).toEqual({ signedOut: true })
    expect(await h.call('auth.current', {})).toBeNull()
    expect(await h.call('auth.current', {}, 'till')).not.toBeNull()
    expect(auditActions().at(-1)).toBe('auth.signOut')
  })

  it('keeps a language preference per staff member', async () => {
    const updated = await h.call('auth.setLocale', { locale: 'en' })
    expect(updated.locale).toBe('en')
    expect((await h.call('auth.current', {}))?.staff.locale).toBe('en')
    expect((await h.call('auth.setLocale', { locale: null })).locale).toBeNull()
    expect(expectError(await h.raw('auth.setLocale', { locale: 'de' })).issues?.[0]?.path).toEqual(['locale'])
  })
})
