import { mkdtempSync, readdirSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { render, screen, waitFor, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { readyMotoClaims } from '../support/claim-batches'
import { motoClaimRules } from '../support/claims'
import { createHarness, setUpShop, type Harness } from '../support/harness'
import { manufacturerId } from '../support/stock'
import { AppRoot } from '../../renderer/src/AppRoot'
import { createClient } from '../../renderer/src/api'
import { createI18n } from '../../renderer/src/i18n'
import { createQueryClient } from '../../renderer/src/query'
import { renderOnLedger } from './render-on-ledger'

// Batches on the real ledger: made from one manufacturer's ready claims with their totals,
// exported into a real temp folder with the files listed, and marked submitted by hand.

let h: Harness
let moto: number
let dir: string
beforeEach(async () => {
  h = await createHarness()
  await setUpShop(h)
  await h.call('auth.setLocale', { locale: 'en' })
  await motoClaimRules(h)
  moto = await manufacturerId(h, 'MOTO')
  dir = mkdtempSync(path.join(tmpdir(), 'claims-screen-'))
  window.location.hash = '#/claims'
})
afterEach(() => {
  h.close()
  rmSync(dir, { recursive: true, force: true })
})

async function openSection(user: ReturnType<typeof renderOnLedger>['user'], name: string) {
  const nav = await screen.findByRole('navigation', { name: 'Claims sections' })
  await user.click(within(nav).getByRole('button', { name: new RegExp(`^${name}`) }))
  expect(within(nav).getByRole('button', { name: new RegExp(`^${name}`) })).toHaveAttribute('aria-current', 'page')
}

describe('claims screen: batches', { timeout: 20_000 }, () => {
  it('makes a batch from the ticked ready claims of one manufacturer, with their totals', async () => {
    const ids = await readyMotoClaims(h)
    const claims = await Promise.all(ids.map((id) => h.call('claims.get', { id })))
    const { user } = renderOnLedger(h, 'en')
    await openSection(user, 'Batches')
    expect(await screen.findByText('No batches yet. Make one from ready claims with “New batch”.')).toBeInTheDocument()

    await user.click(screen.getByRole('button', { name: 'New batch' }))
    const form = screen.getByRole('form', { name: 'New batch' })
    expect(within(form).getByLabelText('Manufacturer')).toHaveFocus()
    await user.click(within(form).getByRole('button', { name: 'Create batch (0)' }))
    expect(within(form).getByLabelText('Manufacturer')).toHaveAccessibleDescription('Choose the manufacturer.')
    expect(within(form).getByLabelText('Manufacturer')).toHaveFocus()

    await user.selectOptions(within(form).getByLabelText('Manufacturer'), 'Motorola')
    const ready = await within(form).findByRole('table', { name: 'Ready claims' })
    expect(within(ready).getAllByRole('checkbox')).toHaveLength(3)
    for (const box of within(ready).getAllByRole('checkbox')) expect(box).toBeChecked()
    const total = claims.reduce((sum, c) => sum + c.totalMinor, 0)
    const money = (minor: number) => `CN¥${(minor / 100).toFixed(2)}`
    expect(within(form).getByText(new RegExp(`Selected: 3 claims .* total ${money(total).replace('¥', '\\¥').replace('$', '')}`))).toBeInTheDocument()

    // The last one waits for the next batch.
    await user.click(within(ready).getByRole('checkbox', { name: `Include claim ${claims[2]!.number}` }))
    expect(within(form).getByText(new RegExp(`Selected: 2 claims .* total ${money(total - claims[2]!.totalMinor).replace('¥', '\\¥')}`))).toBeInTheDocument()
    await user.type(within(form).getByLabelText('Note (optional)'), 'November, first half')
    await user.click(within(form).getByRole('button', { name: 'Create batch (2)' }))

    expect(await screen.findByText('Batch B-MOTO-0001 created with 2 claims.')).toBeInTheDocument()
    const detail = await screen.findByRole('region', { name: 'Batch B-MOTO-0001' })
    expect(within(detail).getByRole('heading', { level: 2 })).toHaveFocus()
    const inBatch = within(detail).getByRole('table', { name: 'Claims in this batch' })
    expect(within(inBatch).getAllByRole('rowheader').map((cell) => cell.textContent)).toEqual([claims[0]!.number, claims[1]!.number])
    expect(detail).toHaveTextContent('November, first half')
    // The consigned board goes back to Motorola with the batch.
    const returns = within(detail).getByRole('table', { name: 'Defective parts to return' })
    expect(returns).toHaveTextContent(claims[0]!.number)
    expect((await h.call('claims.get', { id: ids[2]! })).status).toBe('ready')
    expect(screen.getByRole('table', { name: 'Batches' })).toHaveTextContent('B-MOTO-0001')
  })

  it('exports a batch into a folder, showing the files with sizes and SHA-256, then marks it submitted', async () => {
    const ids = await readyMotoClaims(h)
    const batch = await h.call('batches.create', { manufacturerId: moto, claimIds: ids })
    const { user } = renderOnLedger(h, 'en')
    await openSection(user, 'Batches')
    await user.click(await screen.findByRole('button', { name: `Open batch ${batch.number}` }))
    const detail = await screen.findByRole('region', { name: `Batch ${batch.number}` })

    const exportForm = within(detail).getByRole('form', { name: `Export batch ${batch.number}` })
    const folder = within(exportForm).getByLabelText('Folder on this computer')
    await user.type(folder, path.join(dir, 'missing'))
    await user.click(within(exportForm).getByRole('button', { name: 'Export files' }))
    await waitFor(() => expect(folder).toHaveAccessibleDescription(expect.stringContaining(`The folder ${path.join(dir, 'missing')} does not exist`)))
    expect(folder).toHaveFocus()

    await user.clear(folder)
    await user.type(folder, dir)
    await user.click(within(exportForm).getByRole('button', { name: 'Export files' }))
    const out = path.join(dir, batch.number)
    const done = await within(detail).findByRole('heading', { name: `Files written to ${out}` })
    await waitFor(() => expect(done).toHaveFocus())
    const files = within(detail).getByRole('table', { name: 'Files written' })
    const names = within(files).getAllByRole('rowheader').map((cell) => cell.textContent)
    expect(names).toEqual(expect.arrayContaining(['claims.csv', 'claims.json', 'manifest.json']))
    expect(names.at(-1)).toBe('manifest.json')
    expect([...names].sort()).toEqual(readdirSync(out).sort())
    const manifestRow = within(files).getByRole('rowheader', { name: 'manifest.json' }).closest('tr')!
    expect(manifestRow).toHaveTextContent(/[0-9a-f]{64}/)

    await user.click(within(detail).getByRole('button', { name: 'Mark submitted' }))
    const submitted = within(detail).getByRole('form', { name: `Mark batch ${batch.number} submitted` })
    expect(within(submitted).getByLabelText('Portal or courier reference (optional)')).toHaveFocus()
    await user.type(within(submitted).getByLabelText('Portal or courier reference (optional)'), 'MOTO-PORTAL-7781')
    await user.click(within(submitted).getByRole('button', { name: 'Mark submitted' }))
    expect(await within(detail).findByText(`Batch ${batch.number} marked submitted.`)).toBeInTheDocument()
    await waitFor(() => expect(detail).toHaveTextContent('MOTO-PORTAL-7781'))
    expect(within(detail).queryByRole('button', { name: 'Mark submitted' })).not.toBeInTheDocument()
    expect((await h.call('batches.get', { id: batch.id })).status).toBe('submitted')
  })

  it('shows a real progress bar while the export runs, asking the ledger how far it has got', async () => {
    const ids = await readyMotoClaims(h)
    const batch = await h.call('batches.create', { manufacturerId: moto, claimIds: ids })
    // The ledger writes the files at once; its answer is held back until the test has seen the bar.
    let release = () => {}
    const held = new Promise<void>((resolve) => (release = resolve))
    const polls: unknown[] = []
    const transport = async (channel: string, input: unknown) => {
      if (channel === 'batches.exportProgress') polls.push(input)
      const result = await h.raw(channel, input)
      if (channel === 'batches.export') await held
      return result
    }
    const user = userEvent.setup()
    render(<AppRoot client={createClient(transport)} i18n={createI18n('en')} queryClient={createQueryClient({ retryNetwork: false })} />)
    await user.click(within(await screen.findByRole('navigation', { name: 'Claims sections' })).getByRole('button', { name: 'Batches' }))
    await user.click(await screen.findByRole('button', { name: `Open batch ${batch.number}` }))
    const detail = await screen.findByRole('region', { name: `Batch ${batch.number}` })
    await user.type(within(detail).getByLabelText('Folder on this computer'), dir)
    await user.click(within(detail).getByRole('button', { name: 'Export files' }))

    // The ledger's last word on the job: done, every file written.
    const bar = await within(detail).findByRole('progressbar', { name: /^Done: \d+ of \d+$/ })
    const [, done, total] = /^Done: (\d+) of (\d+)$/.exec(within(detail).getByText(/^Done: \d+ of \d+$/).textContent!)!
    expect(done).toBe(total)
    expect(bar).toHaveAttribute('max', total)
    expect(bar).toHaveAttribute('value', done)
    expect(within(detail).getByRole('button', { name: 'Saving…' })).toHaveAttribute('aria-busy', 'true')
    expect(polls[0]).toEqual({ jobId: expect.stringMatching(/^[A-Za-z0-9_-]{8,64}$/) })
    release()
    expect(await within(detail).findByRole('heading', { name: `Files written to ${path.join(dir, batch.number)}` })).toBeInTheDocument()
    expect(within(detail).queryByRole('progressbar')).not.toBeInTheDocument()
  })
})
