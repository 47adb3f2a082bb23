import { screen, waitFor, within } from '@testing-library/react'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { readyMotoClaims } from '../support/claim-batches'
import { motoClaimRules } from '../support/claims'
import { createHarness, setUpShop, type Harness } from '../support/harness'
import { manufacturerId } from '../support/stock'
import { renderOnLedger } from './render-on-ledger'

// What comes back from the manufacturer, on the real ledger: a rejection recorded on a sent
// claim, corrected and resubmitted as a new revision; a remittance with its differences shown
// before it is recorded.

let h: Harness
let moto: number
beforeEach(async () => {
  h = await createHarness()
  await setUpShop(h)
  await h.call('auth.setLocale', { locale: 'en' })
  await motoClaimRules(h)
  moto = await manufacturerId(h, 'MOTO')
  window.location.hash = '#/claims'
})
afterEach(() => h.close())

/** Three Motorola claims batched and uploaded to the portal by hand. */
async function submittedClaims() {
  const ids = await readyMotoClaims(h)
  const batch = await h.call('batches.create', { manufacturerId: moto, claimIds: ids })
  await h.call('batches.markSubmitted', { id: batch.id, reference: 'PORTAL-1', note: '' })
  return Promise.all(ids.map((id) => h.call('claims.get', { id })))
}

const money = (minor: number) => `CN¥${(minor / 100).toFixed(2)}`

describe('claims screen: the manufacturer’s answer', { timeout: 20_000 }, () => {
  it('records a rejection with its reason, then corrects and resubmits the claim as revision 2', async () => {
    const [, claim] = await submittedClaims()
    const { user } = renderOnLedger(h, 'en')
    await user.click(await screen.findByRole('button', { name: `Open claim ${claim!.number}` }))
    const detail = await screen.findByRole('region', { name: `Claim ${claim!.number} (revision 1)` })
    expect(within(detail).queryByRole('button', { name: 'Edit' })).not.toBeInTheDocument()

    await user.click(within(detail).getByRole('button', { name: 'Record the manufacturer’s answer' }))
    const form = within(detail).getByRole('form', { name: `Manufacturer’s answer on claim ${claim!.number}` })
    await user.click(within(form).getByLabelText('Rejected'))
    await user.click(within(form).getByRole('button', { name: 'Record rejection' }))
    const reason = within(form).getByLabelText('Reason for rejection')
    expect(reason).toHaveAccessibleDescription(expect.stringContaining('Enter the manufacturer’s reason.'))
    expect(reason).toHaveFocus()
    await user.type(reason, 'Proof of purchase unreadable')
    await user.type(within(form).getByLabelText('Manufacturer’s reference (optional)'), 'RJ-5512')
    await user.click(within(form).getByRole('button', { name: 'Record rejection' }))

    expect(await within(detail).findByText(`Claim ${claim!.number} recorded as rejected. Correct and resubmit it when you can.`)).toBeInTheDocument()
    const resubmit = await within(detail).findByRole('button', { name: 'Correct and resubmit' })
    await waitFor(() => expect(resubmit).toHaveFocus())
    expect(detail).toHaveTextContent('Rejected by the manufacturer: Proof of purchase unreadable')
    expect(await h.call('claims.get', { id: claim!.id })).toMatchObject({ status: 'rejected', rejectionReason: 'Proof of purchase unreadable' })

    await user.click(resubmit)
    const edit = within(detail).getByRole('form', { name: `Correct and resubmit claim ${claim!.number}` })
    expect(edit).toHaveAccessibleDescription('Saving starts revision 2 of this claim as a draft; the rejected revision stays in its history.')
    const proof = within(edit).getByLabelText('Proof of purchase (invoice no.)')
    await user.clear(proof)
    await user.type(proof, 'JD-20260301-88')
    await user.click(within(edit).getByRole('button', { name: 'Save as new revision' }))

    expect(await within(detail).findByText(`Claim ${claim!.number} corrected: revision 2 is a draft. Check it, then batch it again.`)).toBeInTheDocument()
    expect(await screen.findByRole('heading', { level: 2, name: `Claim ${claim!.number} (revision 2)` })).toBeInTheDocument()
    await user.click(within(detail).getByRole('button', { name: 'Check' }))
    expect(await within(detail).findByText(`Claim ${claim!.number} passes every check: it is ready to batch.`)).toBeInTheDocument()
    expect(await h.call('claims.get', { id: claim!.id })).toMatchObject({ status: 'ready', revision: 2, proofOfPurchaseRef: 'JD-20260301-88' })
  })

  it('records an acceptance with the approved amount', async () => {
    const [claim] = await submittedClaims()
    const { user } = renderOnLedger(h, 'en')
    await user.click(await screen.findByRole('button', { name: `Open claim ${claim!.number}` }))
    const detail = await screen.findByRole('region', { name: `Claim ${claim!.number} (revision 1)` })
    await user.click(within(detail).getByRole('button', { name: 'Record the manufacturer’s answer' }))
    const form = within(detail).getByRole('form', { name: `Manufacturer’s answer on claim ${claim!.number}` })
    expect(within(form).getByLabelText('Accepted')).toHaveFocus()
    const approved = within(form).getByLabelText('Approved amount')
    expect(approved).toHaveValue((claim!.totalMinor / 100).toFixed(2))
    await user.clear(approved)
    await user.type(approved, '100')
    await user.type(within(form).getByLabelText('Manufacturer’s reference (optional)'), 'AC-9001')
    await user.click(within(form).getByRole('button', { name: 'Record acceptance' }))
    expect(await within(detail).findByText(`Claim ${claim!.number} recorded as accepted.`)).toBeInTheDocument()
    expect(await h.call('claims.get', { id: claim!.id })).toMatchObject({ status: 'accepted', approvedMinor: 10_000, manufacturerRef: 'AC-9001' })
    await waitFor(() => expect(within(detail).getByText('Approved').closest('div')).toHaveTextContent(money(10_000)))
  })
})

describe('claims screen: remittances', { timeout: 20_000 }, () => {
  it('shows each claim’s difference before the remittance is recorded, then lists it', async () => {
    const claims = await submittedClaims()
    const [first, second, third] = claims as [(typeof claims)[number], (typeof claims)[number], (typeof claims)[number]]
    await h.call('claims.recordOutcome', { id: first.id, outcome: 'accepted', approvedMinor: first.totalMinor - 1000, reason: '', note: '' })
    await h.call('claims.recordOutcome', { id: second.id, outcome: 'accepted', reason: '', note: '' })
    const { user } = renderOnLedger(h, 'en')
    await user.click(within(await screen.findByRole('navigation', { name: 'Claims sections' })).getByRole('button', { name: 'Remittances' }))
    expect(await screen.findByText('No remittances entered yet.')).toBeInTheDocument()

    await user.click(screen.getByRole('button', { name: 'Enter a remittance' }))
    const form = screen.getByRole('form', { name: 'Remittance from a manufacturer' })
    await user.selectOptions(within(form).getByLabelText('Manufacturer'), 'Motorola')
    const awaiting = await within(form).findByRole('table', { name: 'Claims awaiting payment' })
    expect(within(awaiting).getAllByRole('rowheader').map((cell) => cell.textContent).sort()).toEqual(claims.map((c) => c.number).sort())
    // Prefilled with what is expected: the approved amount, or the claimed one while nothing was approved.
    expect(within(awaiting).getByLabelText(`Amount paid on claim ${first.number}`)).toHaveValue(((first.totalMinor - 1000) / 100).toFixed(2))
    expect(within(awaiting).getByLabelText(`Amount paid on claim ${third.number}`)).toHaveValue((third.totalMinor / 100).toFixed(2))

    await user.click(within(awaiting).getByLabelText(`Paid on claim ${third.number}`))
    expect(within(awaiting).getByLabelText(`Amount paid on claim ${third.number}`)).toBeDisabled()
    const secondAmount = within(awaiting).getByLabelText(`Amount paid on claim ${second.number}`)
    await user.clear(secondAmount)
    await user.type(secondAmount, ((second.totalMinor - 500) / 100).toFixed(2))
    await user.click(within(form).getByRole('button', { name: 'Show differences' }))
    expect(within(form).getByLabelText('Remittance reference')).toHaveAccessibleDescription(expect.stringContaining('Enter the remittance reference.'))
    await user.type(within(form).getByLabelText('Remittance reference'), 'RA-2026-11-30')
    await user.click(within(form).getByRole('button', { name: 'Show differences' }))

    const paid = first.totalMinor - 1000 + second.totalMinor - 500
    const previewTitle = await within(form).findByRole('heading', { name: `This remittance: ${money(paid)} on 2 claims` })
    await waitFor(() => expect(previewTitle).toHaveFocus())
    const preview = within(form).getByRole('table', { name: `This remittance: ${money(paid)} on 2 claims` })
    expect(within(preview).getByRole('rowheader', { name: first.number }).closest('tr')).toHaveTextContent('Paid as expected')
    expect(within(preview).getByRole('rowheader', { name: second.number }).closest('tr')).toHaveTextContent(`Short by ${money(500)}`)
    // Nothing is written by the preview.
    expect((await h.call('claims.get', { id: second.id })).paidMinor).toBe(0)

    await user.click(within(form).getByRole('button', { name: `Record remittance of ${money(paid)}` }))
    expect(await screen.findByText(`Remittance RA-2026-11-30 recorded: ${money(paid)} on 2 claims.`)).toBeInTheDocument()
    await waitFor(() => expect(screen.getByRole('button', { name: 'Enter a remittance' })).toHaveFocus())
    expect((await h.call('claims.get', { id: second.id })).paidMinor).toBe(second.totalMinor - 500)
    const entry = await screen.findByText(new RegExp(`Motorola · RA-2026-11-30 · .* · ${money(paid).replace('¥', '\\¥')}`), { selector: 'summary' })
    expect(entry).toHaveTextContent(`Short by ${money(500)}`)
    await user.click(entry)
    const lines = screen.getByRole('table', { name: new RegExp(`^Motorola · RA-2026-11-30`) })
    expect(within(lines).getByRole('rowheader', { name: second.number }).closest('tr')).toHaveTextContent(`Short by ${money(500)}`)
  })
})
