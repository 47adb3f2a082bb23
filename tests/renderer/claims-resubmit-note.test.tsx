import { screen, within } from '@testing-library/react'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { readyMotoClaims } from '../support/claim-batches'
import { motoClaimRules } from '../support/claims'
import { createHarness, setUpShop, type Harness } from '../support/harness'
import { manufacturerId } from '../support/stock'
import { renderOnLedger } from './render-on-ledger'

// A claim rejected in error is sent again unchanged: the ledger takes a note alone as the next
// revision (docs/claims.md, "Resubmission"), so the form must not refuse it as "nothing to change".

let h: Harness
beforeEach(async () => {
  h = await createHarness()
  await setUpShop(h)
  await h.call('auth.setLocale', { locale: 'en' })
  await motoClaimRules(h)
  window.location.hash = '#/claims'
})
afterEach(() => h.close())

describe('claims screen: resubmitting unchanged', { timeout: 20_000 }, () => {
  it('sends a rejected claim again with a note alone, as its next revision', async () => {
    const [id] = await readyMotoClaims(h)
    const batch = await h.call('batches.create', { manufacturerId: await manufacturerId(h, 'MOTO'), claimIds: [id!] })
    await h.call('batches.markSubmitted', { id: batch.id, reference: 'PORTAL-1', note: '' })
    const claim = await h.call('claims.recordOutcome', { id: id!, outcome: 'rejected', reason: 'Duplicate claim?' })

    const { user } = renderOnLedger(h, 'en')
    await user.click(await screen.findByRole('button', { name: `Open claim ${claim.number}` }))
    const detail = await screen.findByRole('region', { name: `Claim ${claim.number} (revision 1)` })
    await user.click(await within(detail).findByRole('button', { name: 'Correct and resubmit' }))
    const edit = within(detail).getByRole('form', { name: `Correct and resubmit claim ${claim.number}` })
    await user.type(within(edit).getByLabelText(/^Why it changed/), 'Not a duplicate: first claim for this device')
    await user.click(within(edit).getByRole('button', { name: 'Save as new revision' }))

    expect(await within(detail).findByText(`Claim ${claim.number} corrected: revision 2 is a draft. Check it, then batch it again.`)).toBeInTheDocument()
    expect(await h.call('claims.get', { id: id! })).toMatchObject({ status: 'draft', revision: 2, totalMinor: claim.totalMinor })
  })
})
