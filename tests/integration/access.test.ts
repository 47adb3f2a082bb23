import { latestMigration } from '../../db/migrations/index'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { contract, type ChannelName } from '../../shared/contract'
import { channelNames } from '../../shared/channel-names'
import { createHarness, expectError, setUpShop, type Harness } from '../support/harness'

let h: Harness
beforeEach(async () => {
  h = await createHarness()
  await setUpShop(h)
  await h.call('staff.create', { name: 'Li Tech', role: 'technician', pin: '1357' })
})
afterEach(() => h.close())

const channels = Object.keys(contract) as ChannelName[]
const guarded = channels.filter((c) => contract[c].access !== 'public')
const ownerOnly = channels.filter((c) => contract[c].access === 'owner')

describe('access per channel', () => {
  it('lists the preload allow-list exactly as the contract', () => {
    expect([...channelNames].sort()).toEqual([...channels].sort())
  })

  it('keeps the expected public channels public', () => {
    expect(channels.filter((c) => contract[c].access === 'public').sort()).toEqual(
      ['app.info', 'auth.current', 'auth.signIn', 'auth.signOut', 'auth.staffChoices', 'setup.complete', 'setup.status'].sort(),
    )
  })

  it.each(guarded)('%s refuses a caller who is not signed in, and writes nothing', async (channel) => {
    const before = h.counts()
    const error = expectError(await h.raw(channel, {}, 'stranger'))
    expect(error).toMatchObject({ code: 'UNAUTHENTICATED', messageKey: 'errors.unauthenticated' })
    expect(h.counts()).toEqual(before)
  })

  it.each(ownerOnly)('%s refuses a technician, and writes nothing', async (channel) => {
    const tech = (await h.call('auth.staffChoices', {})).find((s) => s.role === 'technician')
    await h.call('auth.signIn', { staffId: tech!.id, pin: '1357' }, 'bench')
    const before = h.counts()
    const error = expectError(await h.raw(channel, { id: 1, name: 'X', role: 'owner', pin: '1234', shopName: 'X' }, 'bench'))
    expect(error).toMatchObject({ code: 'FORBIDDEN', messageKey: 'errors.forbidden' })
    expect(h.counts()).toEqual(before)
  })

  it('answers an unknown channel with UNKNOWN_CHANNEL', async () => {
    for (const name of ['tickets.drop', 'constructor', '__proto__', 'toString', '']) {
      expect(expectError(await h.raw(name, {})).code).toBe('UNKNOWN_CHANNEL')
    }
  })

  it('never throws: a handler failure becomes INTERNAL', async () => {
    h.ledger.sqlite.exec('ALTER TABLE staff RENAME TO staff_gone')
    const result = await h.raw('auth.staffChoices', {})
    expect(expectError(result)).toMatchObject({ code: 'INTERNAL', messageKey: 'errors.internal' })
  })

  it('reports the app and schema version', async () => {
    expect(await h.call('app.info', {})).toEqual({
      name: 'Repair Ledger',
      version: 'test',
      schemaVersion: latestMigration,
      databasePath: ':memory:',
      transport: 'direct',
      ledger: { state: 'ok' },
    })
  })
})
