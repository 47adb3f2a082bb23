import { existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import Database from 'better-sqlite3'
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
import { shop, startMs } from '../support/harness'

// Settings → Backups → Restore, against a real ledger file behind the ledger service (an in-memory
// ledger cannot be replaced): pick a backup, see what it holds, confirm with the owner's PIN, see
// where the old ledger was kept; afterwards everyone signs in again on the restored ledger.

const ownerPin = '246810'
let dir: string
let service: LedgerService
const clock = fixedClock(startMs)

async function call<C extends ChannelName>(channel: C, input: InputOf<C>, client = 'counter'): Promise<OutputOf<C>> {
  const result = await service.call(client, channel, input)
  if (!result.ok) throw new Error(`${channel} failed: ${JSON.stringify(result.error)}`)
  return result.value as OutputOf<C>
}

async function intake(serial: string) {
  const [model] = await call('models.search', { query: 'moto g54' })
  return call('tickets.intake', { customer: { new: { name: '张三', phone: '13800138000' } }, device: { new: { modelId: model!.id, serial }, purchaseDate: null }, reportedFault: '不开机', promisedDate: null })
}

const ticketCount = (file: string) => {
  const db = new Database(file, { readonly: true })
  try {
    return (db.prepare('SELECT count(*) AS n FROM tickets').get() as { n: number }).n
  } finally {
    db.close()
  }
}

beforeEach(async () => {
  dir = mkdtempSync(path.join(tmpdir(), 'restore-ui-'))
  clock.set(startMs)
  service = await openLedgerService({ databasePath: path.join(dir, 'ledger.sqlite3'), transport: 'direct', version: 'test', clock, sync: false, dailyBackups: false, log: () => {} })
  await call('setup.complete', { shop, owner: { name: '王店主', pin: ownerPin } })
  await call('auth.setLocale', { locale: 'en' })
  window.history.replaceState(null, '', '/#/settings')
})
afterEach(() => {
  service.close()
  rmSync(dir, { recursive: true, force: true })
})

function renderApp(transport: Transport = (channel, input) => service.call('counter', channel, input)) {
  const user = userEvent.setup()
  render(<AppRoot client={createClient(transport)} i18n={createI18n('en')} queryClient={createQueryClient({ retryNetwork: false })} />)
  return { user }
}

async function backupsSection() {
  return screen.findByRole('region', { name: 'Backups' })
}

describe('settings: restore a backup', { timeout: 60_000 }, () => {
  it('shows what the backup holds, needs the owner’s PIN, keeps the old ledger aside and signs everyone out', async () => {
    const first = await intake('SN-1')
    const backup = await call('backup.run', {})
    clock.advance(60_000)
    await intake('SN-2')
    await intake('SN-3')
    const restoreJobs: string[] = []
    const polled: string[] = []
    const { user } = renderApp(async (channel, input) => {
      if (channel === 'backup.restore') restoreJobs.push((input as { jobId: string }).jobId)
      if (channel === 'backup.progress') polled.push((input as { jobId: string }).jobId)
      return service.call('counter', channel, input)
    })
    const section = await backupsSection()
    const table = await within(section).findByRole('table')
    const restoreButton = within(table).getByRole('button', { name: /^Restore the backup of / })
    await user.click(restoreButton)

    const flow = await within(section).findByRole('region', { name: /^Restore the backup of / })
    expect(within(flow).getByRole('heading', { level: 3 })).toHaveFocus()
    const fact = (label: string) => within(flow).getByText(label, { selector: 'dt' }).nextElementSibling
    expect(await within(flow).findByText(shop.shopName)).toBeInTheDocument()
    expect(fact('Tickets')).toHaveTextContent('1')
    expect(fact('Last ticket')).toHaveTextContent(first.number)
    expect(fact('Last payment')).toHaveTextContent('None')
    expect(fact('Check')).toHaveTextContent('Whole')
    expect(within(flow).getByText(/Restoring replaces everything recorded since this backup/)).toBeInTheDocument()
    const results = await axe.run(section, { rules: { 'color-contrast': { enabled: false } } })
    expect(results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([])

    // A PIN that is not the owner's is refused at the field; nothing is replaced.
    const pin = within(flow).getByLabelText('Your owner PIN')
    await user.click(within(flow).getByRole('button', { name: 'Restore this backup' }))
    expect(pin).toHaveAccessibleDescription(expect.stringContaining('Enter the 4–8 digit owner PIN.'))
    await user.type(pin, '999999')
    await user.click(within(flow).getByRole('button', { name: 'Restore this backup' }))
    expect(await within(flow).findByRole('alert')).toHaveTextContent(/PIN/)
    expect(pin).toHaveValue('')
    expect(pin).toHaveFocus()
    expect((await call('tickets.list', {})).items).toHaveLength(3)

    await user.type(pin, ownerPin)
    await user.click(within(flow).getByRole('button', { name: 'Restore this backup' }))
    const done = await screen.findByRole('heading', { name: 'Backup restored' })
    expect(done).toHaveFocus()
    const result = done.closest('section')!
    expect(within(result).getByText(backup.file)).toBeInTheDocument()
    const keptAside = within(result).getByText('The ledger before the restore is kept as', { selector: 'dt' }).nextElementSibling!
    expect(existsSync(keptAside.textContent!)).toBe(true)
    expect(ticketCount(keptAside.textContent!)).toBe(3)
    expect(within(result).getByRole('status')).toHaveTextContent('The ledger now holds 1 tickets')
    // Each attempt had its own job id, and only those were asked about.
    expect(new Set(restoreJobs).size).toBe(2)
    expect(polled.every((job) => restoreJobs.includes(job))).toBe(true)

    // The restore signed everyone out: continuing leads to sign-in, on the restored ledger.
    await user.click(within(result).getByRole('button', { name: 'Continue with the restored ledger' }))
    // (Signed out, the UI speaks the shop's language again.)
    expect(await screen.findByRole('heading', { name: '登录' })).toBeInTheDocument()
    const [owner] = await call('auth.staffChoices', {})
    await call('auth.signIn', { staffId: owner!.id, pin: ownerPin })
    expect((await call('tickets.list', {})).items.map((t) => t.serial)).toEqual(['SN-1'])
  })

  it('shows a backup that cannot be read, and cancelling returns to the list', async () => {
    const backup = await call('backup.run', {})
    const { user } = renderApp()
    const section = await backupsSection()
    const restoreButton = within(await within(section).findByRole('table')).getByRole('button', { name: /^Restore the backup of / })
    rmSync(backup.file)
    await user.click(restoreButton)
    const flow = await within(section).findByRole('region', { name: /^Restore the backup of / })
    expect(await within(flow).findByRole('alert')).toHaveTextContent(`There is no backup file at ${backup.file}`)
    expect(within(flow).queryByLabelText('Your owner PIN')).toBeNull()
    await user.click(within(flow).getByRole('button', { name: 'Cancel' }))
    expect(within(section).queryByRole('region', { name: /^Restore the backup of / })).toBeNull()
    expect(restoreButton).toHaveFocus()
  })

  it('looks for backups in another folder, e.g. a USB stick', async () => {
    const usb = path.join(dir, 'usb')
    mkdirSync(usb)
    await call('backup.run', { folder: usb })
    const { user } = renderApp()
    const section = await backupsSection()
    expect(await within(section).findByText(/No backups in this folder yet/)).toBeInTheDocument()
    const look = within(section).getByLabelText('Look in folder')
    await user.type(look, 'usb')
    await user.click(within(section).getByRole('button', { name: 'Show backups' }))
    expect(look).toHaveAccessibleDescription(expect.stringContaining('Enter the full path of a folder'))
    await user.clear(look)
    await user.type(look, `${path.join(dir, 'nowhere')}{Enter}`)
    // A folder that is not there (the stick not plugged in) says so.
    expect(await within(section).findByText(/does not exist: plug in the drive or choose another folder/)).toBeInTheDocument()
    await user.clear(look)
    await user.type(look, `${usb}{Enter}`)
    const table = await within(section).findByRole('table', { name: `Backups in ${usb}, newest first` })
    await waitFor(() => expect(within(table).getAllByRole('row')).toHaveLength(2))
  })
})
