import { closeSync, mkdtempSync, openSync, rmSync, statSync, writeSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { render, screen, waitFor, within } from '@testing-library/react'
import axe from 'axe-core'
import userEvent from '@testing-library/user-event'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { AppRoot } from '../../renderer/src/AppRoot'
import { createClient, type Transport } from '../../renderer/src/api'
import { createI18n } from '../../renderer/src/i18n'
import { createQueryClient } from '../../renderer/src/query'
import { fixedClock } from '../../electron/core/clock'
import { openLedgerService, type LedgerService } from '../../electron/core/ledger-service'
import type { ChannelName, InputOf, OutputOf } from '../../shared/contract'
import type { Result } from '../../shared/errors'
import type { Locale } from '../../shared/locales'
import { createHarness, setUpShop, shop, startMs, type Harness } from '../support/harness'

// The damaged-ledger screen: when app.info says the ledger failed its check at start, the app shows
// what is wrong, the newest backups and a restore (PIN of an owner in the backup), nothing else.

const ownerPin = '246810'
const problem = '*** in database main ***\nPage 7: btreeInitPage() returns error code 11'

function renderApp(transport: Transport, language: Locale = 'en') {
  const user = userEvent.setup()
  render(<AppRoot client={createClient(transport)} i18n={createI18n(language)} queryClient={createQueryClient({ retryNetwork: false })} />)
  return { user }
}

/** Before sign-in the UI speaks the shop's language (unknown while damaged: zh-CN); switch to English. */
async function inEnglish(user: ReturnType<typeof userEvent.setup>) {
  await user.selectOptions(await screen.findByLabelText('语言 / Language'), 'en')
}

const damagedRefusal = (): Result<unknown> => ({ ok: false, error: { code: 'CONFLICT', messageKey: 'errors.ledgerDamaged', message: 'The ledger is damaged', params: { problem } } })

describe('damaged ledger screen (app.info says damaged)', { timeout: 20_000 }, () => {
  let h: Harness
  let dir: string
  beforeEach(async () => {
    h = await createHarness()
    await setUpShop(h)
    dir = mkdtempSync(path.join(tmpdir(), 'damaged-ui-'))
    await h.call('backup.configure', { folder: dir })
    await h.call('backup.run', {})
    window.history.replaceState(null, '', '/#/settings')
  })
  afterEach(() => {
    h.close()
    rmSync(dir, { recursive: true, force: true })
  })

  /** Answers as the damaged server does: app.info damaged, the backup channels, everything else refused. */
  function damagedTransport(overrides: Partial<Record<string, () => Promise<Result<unknown>>>> = {}): { transport: Transport; calls: string[] } {
    const calls: string[] = []
    const transport: Transport = async (channel, input) => {
      calls.push(channel)
      const override = overrides[channel]
      if (override) return override()
      if (channel === 'app.info') {
        const info = await h.raw('app.info', {})
        if (!info.ok) return info
        return { ok: true, value: { ...(info.value as object), ledger: { state: 'damaged', problem } } }
      }
      if (channel.startsWith('backup.') && channel !== 'backup.restore') return h.raw(channel, input, 'counter')
      return damagedRefusal()
    }
    return { transport, calls }
  }

  it('explains the problem and lists the newest backups instead of the app', async () => {
    const { transport, calls } = damagedTransport()
    const { user } = renderApp(transport)
    const title = await screen.findByRole('heading', { level: 1, name: '账本需要恢复' })
    expect(title).toHaveFocus()
    await inEnglish(user)
    expect(screen.getByRole('heading', { level: 1, name: 'The ledger needs to be restored' })).toBeInTheDocument()
    expect(screen.getByText(/Page 7: btreeInitPage\(\) returns error code 11/)).toBeInTheDocument()
    expect(screen.getByText(/will not use a damaged ledger/)).toBeInTheDocument()
    const backups = screen.getByRole('region', { name: 'Newest backups' })
    const table = await within(backups).findByRole('table', { name: `Backups in ${dir}, newest first` })
    const rows = within(table).getAllByRole('row').slice(1)
    expect(rows).toHaveLength(1)
    expect(within(rows[0]!).getByText('Whole')).toBeInTheDocument()
    expect(within(rows[0]!).getByRole('button', { name: /^Restore the backup of / })).toBeInTheDocument()
    // Nothing of the normal app: no navigation, no sign-in, no settings.
    expect(screen.queryByRole('navigation')).toBeNull()
    expect(screen.queryByRole('heading', { name: 'Sign in' })).toBeNull()
    expect(screen.queryByRole('heading', { name: 'Settings' })).toBeNull()
    expect(calls).not.toContain('auth.current')
  })

  it('shows the restore step by step, with what the backup holds', async () => {
    const { transport } = damagedTransport()
    const { user } = renderApp(transport)
    await inEnglish(user)
    const backups = await screen.findByRole('region', { name: 'Newest backups' })
    await user.click(await within(backups).findByRole('button', { name: /^Restore the backup of / }))
    const flow = await within(backups).findByRole('region', { name: /^Restore the backup of / })
    expect(await within(flow).findByText(shop.shopName)).toBeInTheDocument()
    expect(within(flow).getByLabelText('Owner PIN in this backup')).toHaveAccessibleDescription('The PIN of an owner as it was when this backup was made.')
    expect(within(flow).getByText(/The damaged ledger is not deleted/)).toBeInTheDocument()
    const results = await axe.run(document.body, { rules: { 'color-contrast': { enabled: false } } })
    expect(results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([])
    await user.click(within(flow).getByRole('button', { name: 'Cancel' }))
    expect(within(backups).queryByRole('region', { name: /^Restore the backup of / })).toBeNull()
  })

  it('shows when the backup folder cannot be read, with a way to try again', async () => {
    let failures = 1
    const { transport } = damagedTransport({
      'backup.list': async () => {
        if (failures-- > 0) return { ok: false, error: { code: 'INTERNAL', messageKey: 'errors.internal', message: 'boom' } }
        return h.raw('backup.list', {}, 'counter')
      },
    })
    const { user } = renderApp(transport, 'zh-CN')
    const backups = await screen.findByRole('region', { name: '最新的备份' })
    expect(await within(backups).findByRole('alert')).toHaveTextContent('维修账本内部出错')
    await user.click(within(backups).getByRole('button', { name: '重试' }))
    expect(await within(backups).findByRole('table')).toBeInTheDocument()
  })
})

describe('damaged ledger screen on a real damaged ledger file', { timeout: 60_000 }, () => {
  let dir: string
  let dbPath: string
  let service: LedgerService
  const clock = fixedClock(startMs)
  const open = async () => {
    service = await openLedgerService({ databasePath: dbPath, transport: 'direct', version: 'test', clock, sync: false, dailyBackups: false, log: () => {} })
  }
  async function call<C extends ChannelName>(channel: C, input: InputOf<C>, client = 'counter'): Promise<OutputOf<C>> {
    const result = await service.call(client, channel, input)
    if (!result.ok) throw new Error(`${channel} failed: ${JSON.stringify(result.error)}`)
    return result.value as OutputOf<C>
  }
  async function intake(serial: string) {
    const [model] = await call('models.search', { query: 'moto g54' })
    return call('tickets.intake', { customer: { new: { name: '张三', phone: '13800138000' } }, device: { new: { modelId: model!.id, serial }, purchaseDate: null }, reportedFault: '不开机', promisedDate: null })
  }
  beforeEach(() => {
    dir = mkdtempSync(path.join(tmpdir(), 'damaged-file-ui-'))
    dbPath = path.join(dir, 'ledger.sqlite3')
    clock.set(startMs)
    window.history.replaceState(null, '', '/')
  })
  afterEach(() => {
    service?.close()
    rmSync(dir, { recursive: true, force: true })
  })

  it('restores a backup with the PIN of an owner in it, then the app opens on the restored ledger', async () => {
    await open()
    await call('setup.complete', { shop, owner: { name: '王店主', pin: ownerPin } })
    await intake('SN-OK')
    await call('backup.run', {})
    await intake('SN-LOST')
    service.close()
    // Damage the ledger file: overwrite pages in its middle.
    const size = statSync(dbPath).size
    const fd = openSync(dbPath, 'r+')
    for (let at = 4096 * 3; at < size - 4096; at += 4096 * 2) writeSync(fd, Buffer.alloc(512, 0x5a), 0, 512, at + 100)
    closeSync(fd)
    for (const suffix of ['-wal', '-shm']) rmSync(dbPath + suffix, { force: true })
    await open()

    const { user } = renderApp((channel, input) => service.call('window', channel, input))
    expect(await screen.findByRole('heading', { level: 1, name: '账本需要恢复' })).toBeInTheDocument()
    await inEnglish(user)
    expect(screen.getByText(path.resolve(dbPath))).toBeInTheDocument()
    const backups = screen.getByRole('region', { name: 'Newest backups' })
    await user.click(await within(backups).findByRole('button', { name: /^Restore the backup of / }))
    const flow = await within(backups).findByRole('region', { name: /^Restore the backup of / })
    expect(within(flow).getByText('Tickets', { selector: 'dt' }).nextElementSibling).toHaveTextContent('1')

    const pin = await within(flow).findByLabelText('Owner PIN in this backup')
    await user.type(pin, '111111{Enter}')
    expect(await within(flow).findByText('That PIN is not the PIN of an owner in this backup.')).toBeInTheDocument()
    expect(pin).toHaveFocus()
    await user.type(pin, `${ownerPin}{Enter}`)
    const done = await screen.findByRole('heading', { name: 'Backup restored' })
    expect(done).toHaveFocus()
    await user.click(screen.getByRole('button', { name: 'Open the restored ledger' }))

    // The app opens as usual on the restored ledger: sign in (still in the language picked).
    expect(await screen.findByRole('heading', { name: 'Sign in' })).toBeInTheDocument()
    expect(screen.queryByRole('heading', { name: 'The ledger needs to be restored' })).toBeNull()
    await waitFor(async () => expect((await call('app.info', {}, 'window')).ledger).toEqual({ state: 'ok' }))
    const [owner] = await call('auth.staffChoices', {})
    await call('auth.signIn', { staffId: owner!.id, pin: ownerPin })
    expect((await call('tickets.list', {})).items.map((t) => t.serial)).toEqual(['SN-OK'])
  })
})
