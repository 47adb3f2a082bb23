import { screen, waitFor, within } from '@testing-library/react'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { labourOnlyClaim } from '../support/claim-batches'
import { motoClaimRules } from '../support/claims'
import { createHarness, setUpShop, type Harness } from '../support/harness'
import { renderOnLedger } from './render-on-ledger'

// The claims screen on the real ledger: claims by status with their validation problems inline,
// the filters, and correcting a claim then checking it until it is ready.

let h: Harness
beforeEach(async () => {
  h = await createHarness()
  await setUpShop(h)
  await h.call('auth.setLocale', { locale: 'en' })
  await motoClaimRules(h)
  window.location.hash = '#/claims'
})
afterEach(() => h.close())

/** A draft claim whose IMEI has a wrong check digit, and a ready one. */
async function draftAndReady() {
  const bad = await labourOnlyClaim(h)
  await h.call('claims.update', { id: bad.claimId, imei: '490154203237519' })
  const good = await labourOnlyClaim(h)
  await h.call('claims.validate', { id: good.claimId })
  const [badClaim, goodClaim] = await Promise.all([h.call('claims.get', { id: bad.claimId }), h.call('claims.get', { id: good.claimId })])
  return { bad: badClaim, good: goodClaim }
}

const rowOf = (number: string) => screen.getByRole('rowheader', { name: new RegExp(number) }).closest('tr')!

describe('claims screen: the list', { timeout: 20_000 }, () => {
  it('lists claims with their problems inline, and filters by status and manufacturer', async () => {
    const { bad, good } = await draftAndReady()
    const { user } = renderOnLedger(h, 'en')
    expect(await screen.findByRole('heading', { level: 1, name: 'Warranty claims' })).toHaveFocus()
    const table = await screen.findByRole('table', { name: 'Claims' })
    expect(within(table).getAllByRole('row')).toHaveLength(3)

    const badRow = rowOf(bad.number)
    expect(badRow).toHaveTextContent('Draft')
    expect(badRow).toHaveTextContent('Must fixIMEI 490154203237519 has a wrong check digit')
    expect(within(badRow).getByRole('link', { name: bad.ticket.number })).toHaveAttribute('href', `#/tickets/${bad.ticket.id}`)
    const goodRow = rowOf(good.number)
    expect(goodRow).toHaveTextContent('Ready')
    expect(goodRow).not.toHaveTextContent('Must fix')

    await user.selectOptions(screen.getByLabelText('Status'), 'Ready')
    await waitFor(() => expect(within(screen.getByRole('table', { name: 'Claims' })).getAllByRole('row')).toHaveLength(2))
    expect(screen.getByRole('table', { name: 'Claims' })).toHaveTextContent(good.number)

    await user.selectOptions(screen.getByLabelText('Manufacturer'), 'Samsung')
    expect(await screen.findByText('No claims match these filters.')).toBeInTheDocument()
    await user.selectOptions(screen.getByLabelText('Manufacturer'), 'All manufacturers')
    await user.selectOptions(screen.getByLabelText('Status'), 'All statuses')
    await waitFor(() => expect(within(screen.getByRole('table', { name: 'Claims' })).getAllByRole('row')).toHaveLength(3))
  })

  it('speaks Chinese to a clerk who reads it', async () => {
    const { bad } = await draftAndReady()
    await h.call('auth.setLocale', { locale: 'zh-CN' })
    renderOnLedger(h, 'zh-CN')
    expect(await screen.findByRole('heading', { level: 1, name: '保修索赔' })).toBeInTheDocument()
    await screen.findByRole('table', { name: '索赔单' })
    expect(rowOf(bad.number)).toHaveTextContent('必须修正IMEI 490154203237519 校验位错误')
    expect(screen.getByRole('button', { name: `打开索赔单 ${bad.number}` })).toBeInTheDocument()
  })

  it('says so when there are no claims yet', async () => {
    renderOnLedger(h, 'en')
    expect(await screen.findByText('No claims yet. A claim is built when a warranty repair is completed.')).toBeInTheDocument()
  })
})

describe('claims screen: correcting a claim', { timeout: 20_000 }, () => {
  it('shows the problem on its field; once fixed and saved, Check makes the claim ready', async () => {
    const { bad } = await draftAndReady()
    const { user } = renderOnLedger(h, 'en')
    await screen.findByRole('table', { name: 'Claims' })
    await user.click(screen.getByRole('button', { name: `Open claim ${bad.number}` }))
    const detail = await screen.findByRole('region', { name: `Claim ${bad.number} (revision 1)` })
    expect(within(detail).getByRole('heading', { level: 2 })).toHaveFocus()
    expect(within(detail).getByRole('heading', { name: 'To fix before the claim can be batched: 1' })).toBeInTheDocument()

    await user.click(within(detail).getByRole('button', { name: 'Edit' }))
    const form = within(detail).getByRole('form', { name: `Edit claim ${bad.number}` })
    const imei = within(form).getByLabelText('IMEI')
    expect(imei).toHaveAccessibleDescription(/IMEI 490154203237519 has a wrong check digit/)
    expect(imei).toHaveAttribute('aria-invalid', 'true')
    // The form opens on the field to fix.
    expect(imei).toHaveFocus()
    await user.clear(imei)
    await user.type(imei, '490154203237518')
    expect(imei).not.toHaveAttribute('aria-invalid')
    await user.type(within(form).getByLabelText('Why it changed (optional)'), 'IMEI read again from the box')
    await user.click(within(form).getByRole('button', { name: 'Save claim' }))

    expect(await within(detail).findByText(`Claim ${bad.number} saved as a draft. Check it again when it is right.`)).toBeInTheDocument()
    const check = within(detail).getByRole('button', { name: 'Check' })
    await waitFor(() => expect(check).toHaveFocus())
    await user.click(check)
    expect(await within(detail).findByText(`Claim ${bad.number} passes every check: it is ready to batch.`)).toBeInTheDocument()
    expect((await h.call('claims.get', { id: bad.id })).status).toBe('ready')
    await waitFor(() => expect(rowOf(bad.number)).toHaveTextContent('Ready'))
    const history = within(detail).getByRole('table', { name: 'History' })
    expect(history).toHaveTextContent('IMEI read again from the box')
    expect(history).toHaveTextContent('Draft → Ready')
  })
})
