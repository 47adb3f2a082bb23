import { screen, waitFor, within } from '@testing-library/react'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { readyMotoClaims } from '../support/claim-batches'
import { motoClaimRules } from '../support/claims'
import { createHarness, startMs, setUpShop, type Harness } from '../support/harness'
import { manufacturerId } from '../support/stock'
import { renderOnLedger } from './render-on-ledger'

// The sync outbox on the real ledger: a batch queued from its page (only when the manufacturer
// takes batches online), every attempt with the server's own words, and Retry.

let h: Harness
let moto: number
beforeEach(async () => {
  h = await createHarness()
  await setUpShop(h)
  await h.call('auth.setLocale', { locale: 'en' })
  moto = await manufacturerId(h, 'MOTO')
  await motoClaimRules(h)
  window.location.hash = '#/claims'
})
afterEach(() => h.close())

async function batchOfThree() {
  const ids = await readyMotoClaims(h)
  return h.call('batches.create', { manufacturerId: moto, claimIds: ids })
}

const sections = () => screen.findByRole('navigation', { name: 'Claims sections' })

/** What the background worker leaves after a refused POST: one attempt, the item failed. */
function failOnce(outboxId: number) {
  h.ledger.sqlite
    .prepare(`INSERT INTO sync_attempts (outbox_id, attempt, started_at_ms, finished_at_ms, http_status, result, error) VALUES (?, 1, ?, ?, 422, 'failed', ?)`)
    .run(outboxId, startMs + 1000, startMs + 1800, 'claims[1].imei: check digit invalid')
  h.ledger.sqlite
    .prepare(`UPDATE sync_outbox SET status = 'failed', attempts = 1, last_error = ?, last_http_status = 422, next_attempt_at_ms = NULL WHERE id = ?`)
    .run('claims[1].imei: check digit invalid', outboxId)
}

describe('claims screen: sending batches online', { timeout: 20_000 }, () => {
  it('offers "Send online" only for a manufacturer with an endpoint, and queues the batch', async () => {
    const batch = await batchOfThree()
    const { user, unmount } = renderOnLedger(h, 'en')
    await user.click(within(await sections()).getByRole('button', { name: 'Batches' }))
    await user.click(await screen.findByRole('button', { name: `Open batch ${batch.number}` }))
    let detail = await screen.findByRole('region', { name: `Batch ${batch.number}` })
    expect(await within(detail).findByText(/Motorola takes files only/)).toBeInTheDocument()
    expect(within(detail).queryByRole('button', { name: 'Send online' })).not.toBeInTheDocument()
    unmount()

    await h.call('manufacturers.updateClaimRules', { manufacturerId: moto, syncUrl: 'https://claims.example.com/batches' }, 'counter')
    const next = renderOnLedger(h, 'en')
    await next.user.click(within(await sections()).getByRole('button', { name: 'Batches' }))
    await next.user.click(await screen.findByRole('button', { name: `Open batch ${batch.number}` }))
    detail = await screen.findByRole('region', { name: `Batch ${batch.number}` })
    await next.user.click(await within(detail).findByRole('button', { name: 'Send online' }))
    expect(await within(detail).findByText(`Batch ${batch.number} is queued: it is sent in the background. Follow it in the outbox.`)).toBeInTheDocument()
    const nav = await sections()
    await waitFor(() => expect(within(nav).getByRole('button', { name: /^Outbox/ })).toHaveTextContent('Outboxwaiting 1'))

    await next.user.click(within(nav).getByRole('button', { name: /^Outbox/ }))
    const item = await screen.findByRole('article', { name: `${batch.number} to Motorola` })
    expect(item).toHaveTextContent('Queued')
    expect(item).toHaveTextContent('Not tried yet.')
    expect(within(item).getByRole('button', { name: `Retry sending ${batch.number} now` })).toBeInTheDocument()
  })

  it('lists every attempt with the server’s words, and retries a failed batch', async () => {
    const batch = await batchOfThree()
    await h.call('manufacturers.updateClaimRules', { manufacturerId: moto, syncUrl: 'https://claims.example.com/batches' })
    const queued = await h.call('sync.enqueue', { batchId: batch.id })
    failOnce(queued.id)
    const { user } = renderOnLedger(h, 'en')
    const nav = await sections()
    await waitFor(() => expect(within(nav).getByRole('button', { name: /^Outbox/ })).toHaveTextContent('Outboxfailed 1'))
    await user.click(within(nav).getByRole('button', { name: /^Outbox/ }))

    const item = await screen.findByRole('article', { name: `${batch.number} to Motorola` })
    expect(item).toHaveTextContent('Failed')
    expect(item).toHaveTextContent('Last error: claims[1].imei: check digit invalid')
    const attempts = within(item).getByRole('table', { name: `Attempts to send ${batch.number}` })
    const row = within(attempts).getAllByRole('row')[1]!
    expect(within(row).getAllByRole('cell').map((cell) => cell.textContent)).toEqual(['1', expect.any(String), '422', 'Failed', 'claims[1].imei: check digit invalid'])

    await user.selectOptions(screen.getByLabelText('Show'), 'Acknowledged: 0')
    expect(await screen.findByText('No batches in this state.')).toBeInTheDocument()
    await user.selectOptions(screen.getByLabelText('Show'), 'Everything')

    await user.click(await screen.findByRole('button', { name: `Retry sending ${batch.number} now` }))
    expect(await screen.findByText(`Batch ${batch.number} will be sent again now.`)).toBeInTheDocument()
    await waitFor(() => expect(screen.getByRole('article', { name: `${batch.number} to Motorola` })).toHaveTextContent('Queued'))
    expect((await h.call('sync.status', { statuses: ['queued'], limit: 50 })).items.map((i) => i.batch.number)).toEqual([batch.number])
  })
})
