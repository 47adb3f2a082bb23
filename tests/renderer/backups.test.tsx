import { mkdirSync, mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { render, screen, waitFor, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { AppRoot } from '../../renderer/src/AppRoot'
import { createClient, type Transport } from '../../renderer/src/api'
import { createI18n } from '../../renderer/src/i18n'
import { createQueryClient } from '../../renderer/src/query'
import type { Locale } from '../../shared/locales'
import { createHarness, setUpShop, type Harness } from '../support/harness'
import { paidTicket } from '../support/workflow'
import { renderOnLedger } from './render-on-ledger'

// Settings → Backups on the real (in-memory) ledger: an owner sets the folder, the daily hour and
// how many to keep; anyone signed in backs up now (with a progress bar) and sees the backups with
// what they hold; a technician reads the settings and cannot restore.

let h: Harness
let dir: string
beforeEach(async () => {
  h = await createHarness()
  await setUpShop(h)
  dir = mkdtempSync(path.join(tmpdir(), 'backups-ui-'))
  window.history.replaceState(null, '', '/#/settings')
})
afterEach(() => {
  h.close()
  rmSync(dir, { recursive: true, force: true })
})

async function openBackups(language: Locale = 'en', clientKey = 'counter', transport?: Transport) {
  await h.call('auth.setLocale', { locale: language }, clientKey)
  const user = userEvent.setup()
  const view = transport
    ? { ...render(<AppRoot client={createClient(transport)} i18n={createI18n(language)} queryClient={createQueryClient({ retryNetwork: false })} />), user }
    : renderOnLedger(h, language, clientKey)
  const section = await screen.findByRole('region', { name: language === 'en' ? 'Backups' : '备份' })
  return { ...view, section }
}

async function technician(): Promise<string> {
  const tech = await h.call('staff.create', { name: '李师傅', role: 'technician', pin: '1357' })
  await h.call('auth.signIn', { staffId: tech.id, pin: '1357' }, 'bench')
  return 'bench'
}

describe('settings: backups', { timeout: 40_000 }, () => {
  it('lets an owner choose the folder, the daily hour and how many to keep, saved in the ledger', async () => {
    const { user, section } = await openBackups()
    const form = await within(section).findByRole('form', { name: 'Backup settings' })
    const folder = within(form).getByLabelText('Backup folder')
    expect(folder).toHaveValue('')
    const before = await h.call('backup.settings', {})
    expect(within(form).getByText(new RegExp(`Backups now go to: ${before.effectiveFolder.replace(/[\\^$.*+?()[\]{}|]/g, '\\$&')}`))).toBeInTheDocument()

    // A relative path is refused on the spot, nothing sent.
    await user.type(folder, 'backups/usb')
    await user.click(within(form).getByRole('button', { name: 'Save backup settings' }))
    expect(folder).toHaveAccessibleDescription(expect.stringContaining('Enter the full path of a folder'))
    expect(folder).toHaveFocus()
    expect((await h.call('backup.settings', {})).folder).toBeNull()

    await user.clear(folder)
    await user.type(folder, dir)
    await user.selectOptions(within(form).getByLabelText('Daily backup from'), '21')
    const keepDaily = within(form).getByLabelText('Daily backups to keep')
    await user.clear(keepDaily)
    await user.type(keepDaily, '14')
    const keepMonthly = within(form).getByLabelText('Monthly backups to keep')
    await user.clear(keepMonthly)
    await user.type(keepMonthly, '200')
    await user.click(within(form).getByRole('button', { name: 'Save backup settings' }))
    expect(keepMonthly).toHaveAccessibleDescription(expect.stringContaining('Enter a whole number from 0 to 120.'))
    await user.clear(keepMonthly)
    await user.type(keepMonthly, '6')
    await user.click(within(form).getByRole('button', { name: 'Save backup settings' }))
    expect(await within(form).findByText('Backup settings saved.')).toBeInTheDocument()
    expect(await h.call('backup.settings', {})).toMatchObject({ folder: dir, effectiveFolder: dir, dailyAfterHour: 21, keepDaily: 14, keepMonthly: 6 })

    // Saving again sends nothing.
    const writes = h.counts().audit_log
    await user.click(within(form).getByRole('button', { name: 'Save backup settings' }))
    expect(await within(form).findByText('Nothing changed.')).toBeInTheDocument()
    expect(h.counts().audit_log).toBe(writes)
  })

  it('backs up now with a progress bar, then shows the file, its size and the backup in the list', async () => {
    await h.call('backup.configure', { folder: dir })
    await paidTicket(h)
    await paidTicket(h)
    // Hold the backup's answer so the progress bar can be seen; record the job ids polled.
    let release!: () => void
    const held = new Promise<void>((resolve) => (release = resolve))
    const runJobs: string[] = []
    const polledJobs: string[] = []
    const transport: Transport = async (channel, input) => {
      if (channel === 'backup.run') {
        runJobs.push((input as { jobId: string }).jobId)
        await held
      }
      if (channel === 'backup.progress') polledJobs.push((input as { jobId: string }).jobId)
      return h.raw(channel, input, 'counter')
    }
    const { user, section } = await openBackups('en', 'counter', transport)
    expect(await within(section).findByText(/No backups in this folder yet/)).toBeInTheDocument()
    await user.click(within(section).getByRole('button', { name: 'Back up now' }))
    expect(await within(section).findByRole('progressbar')).toBeInTheDocument()
    expect(within(section).getByRole('button', { name: 'Backing up…' })).toBeDisabled()
    await waitFor(() => expect(polledJobs.length).toBeGreaterThanOrEqual(2))
    expect(runJobs).toHaveLength(1)
    expect(runJobs[0]).toMatch(/^[A-Za-z0-9_-]{8,64}$/)
    expect(new Set(polledJobs)).toEqual(new Set(runJobs))
    release()

    expect(await within(section).findByText(/^Backup made and checked: .+ in .+\.$/)).toHaveFocus()
    expect(within(section).queryByRole('progressbar')).toBeNull()
    const [backup] = (await h.call('backup.list', {})).items
    expect(within(section).getByText(backup!.file)).toBeInTheDocument()
    const table = await within(section).findByRole('table', { name: `Backups in ${dir}, newest first` })
    const rows = within(table).getAllByRole('row').slice(1)
    expect(rows).toHaveLength(1)
    expect(within(rows[0]!).getByText('Manual')).toBeInTheDocument()
    expect(within(rows[0]!).getByText(backup!.name)).toBeInTheDocument()
    expect(within(rows[0]!).getByText('2')).toBeInTheDocument()
    expect(within(rows[0]!).getByText('Whole')).toBeInTheDocument()
    expect(within(rows[0]!).getByRole('button', { name: /^Restore the backup of / })).toBeInTheDocument()
    // Polling stops with the answer.
    const polls = polledJobs.length
    await new Promise((resolve) => setTimeout(resolve, 600))
    expect(polledJobs.length).toBeLessThanOrEqual(polls + 1)
  })

  it('explains a backup folder that has gone (the stick was unplugged)', async () => {
    const usb = path.join(dir, 'unplugged-usb')
    mkdirSync(usb)
    await h.call('backup.configure', { folder: usb })
    rmSync(usb, { recursive: true })
    const { user, section } = await openBackups()
    await user.click(await within(section).findByRole('button', { name: 'Back up now' }))
    expect(await within(section).findByText(/^The backup failed: /)).toHaveAttribute('role', 'alert')
  })

  it('shows a technician the settings read-only; they can back up now but not restore', async () => {
    await h.call('backup.configure', { folder: dir, dailyAfterHour: 7, keepDaily: 10, keepMonthly: 3 })
    await h.call('backup.run', {})
    const tech = await technician()
    const { user, section } = await openBackups('zh-CN', tech)
    expect(await within(section).findByText('只有店主可以修改备份设置。')).toBeInTheDocument()
    expect(within(section).queryByRole('form', { name: '备份设置' })).toBeNull()
    expect(within(section).queryByRole('textbox')).toBeNull()
    expect(within(section).getByText('备份文件夹').nextElementSibling).toHaveTextContent(dir)
    expect(within(section).getByText('每日备份时间（起）').nextElementSibling).toHaveTextContent('07:00')
    expect(within(section).getByText('只有店主可以恢复备份。')).toBeInTheDocument()
    const table = await within(section).findByRole('table')
    expect(within(table).queryByRole('button')).toBeNull()
    expect(within(table).getByText('手动')).toBeInTheDocument()

    h.clock.advance(60_000)
    await user.click(within(section).getByRole('button', { name: '立即备份' }))
    expect(await within(section).findByText(/^备份已完成并通过检查/)).toBeInTheDocument()
    expect((await h.call('backup.list', {})).items).toHaveLength(2)
  })
})
