import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { SyncWorker } from '../../electron/core/sync-worker'
import { ClaimBatchRequest } from '../../shared/sync-wire'
import { createHarness, expectError, setUpShop, type Harness } from '../support/harness'
import { motoClaimRules } from '../support/claims'
import { readyMotoClaims } from '../support/claim-batches'
import { startMockManufacturer, type MockManufacturer } from '../support/mock-manufacturer'
import { manufacturerId } from '../support/stock'

// The sync outbox against a real HTTP server on 127.0.0.1 that fails, times out, answers 500 then
// 200, answers 409 for a repeated key, and is restarted mid-batch. The worker runs on the
// harness's fixed clock, so backoff is stepped by advancing the clock, not by sleeping.

const token = 'moto-api-token-5f2a9c'
let h: Harness
let server: MockManufacturer
let moto: number
const workers: SyncWorker[] = []

function worker(): SyncWorker {
  const w = new SyncWorker({ db: h.ledger.db, clock: h.clock, secrets: h.secrets, allowLoopbackHttp: true, timeoutMs: 2000, backoff: { baseMs: 1000, capMs: 8000 }, random: () => 1 })
  workers.push(w)
  return w
}

beforeEach(async () => {
  h = await createHarness()
  await setUpShop(h)
  moto = await manufacturerId(h, 'MOTO')
  server = await startMockManufacturer()
  await motoClaimRules(h, { syncUrl: server.url, syncToken: token })
})
afterEach(async () => {
  await Promise.all(workers.splice(0).map((w) => w.stop()))
  await server.close()
  h.close()
})

async function queuedBatch() {
  const ids = await readyMotoClaims(h)
  const batch = await h.call('batches.create', { manufacturerId: moto, claimIds: ids })
  const item = await h.call('sync.enqueue', { batchId: batch.id })
  return { ids, batch, item }
}

const outbox = async () => (await h.call('sync.status', {})).items[0]!
const acknowledgedEvents = () => h.ledger.sqlite.prepare(`SELECT claim_id, count(*) AS n FROM claim_events WHERE kind IN ('acknowledged', 'rejected') GROUP BY claim_id`).all() as { claim_id: number; n: number }[]

describe('sync outbox', () => {
  it('sends a queued batch once, with its key and token, and records each claim’s answer', async () => {
    const { ids, batch, item } = await queuedBatch()
    expect(item).toMatchObject({ status: 'queued', attempts: 0, batch: { id: batch.id } })
    expect(h.wakes.count).toBe(1)
    const rejected = (await h.call('claims.get', { id: ids[2]! })).number
    server.rejects.set(rejected, 'Purchase date after warranty start')
    expect(await worker().runDue()).toBe(1)

    expect(server.received).toHaveLength(1)
    const sent = server.received[0]!
    expect(sent.key).toBe(item.idempotencyKey)
    expect(sent.authorization).toBe(`Bearer ${token}`)
    const body = ClaimBatchRequest.parse(JSON.parse(sent.body))
    expect(body.claims.map((c) => c.claim_number)).toEqual(batch.claims.map((c) => c.number))

    const done = await outbox()
    expect(done).toMatchObject({ status: 'acknowledged', attempts: 1, acknowledgement: { received: 2, rejected: 1 }, history: [{ attempt: 1, httpStatus: 200, result: 'acknowledged' }] })
    const claims = await Promise.all(ids.map((id) => h.call('claims.get', { id })))
    expect(claims.map((c) => c.status)).toEqual(['submitted', 'submitted', 'rejected'])
    expect(claims[0]!.manufacturerRef).toBe(`MFR-${claims[0]!.number}-1`)
    expect(claims[2]!.rejectionReason).toBe('Purchase date after warranty start')
    expect((await h.call('batches.get', { id: batch.id })).status).toBe('submitted')
    expect(acknowledgedEvents().map((r) => r.n)).toEqual([1, 1, 1])
    // Nothing more to send; the same batch cannot be queued again under another key.
    expect(await worker().runDue()).toBe(0)
    expect(expectError(await h.raw('sync.enqueue', { batchId: batch.id })).issues?.[0]).toMatchObject({ messageKey: 'errors.batchAlreadyQueued' })
  })

  it('retries network errors, timeouts and 5xx with growing delays, same key and bytes, until acknowledged', async () => {
    const { ids } = await queuedBatch()
    const w = worker()
    await server.close() // connection refused
    await w.runDue()
    let item = await outbox()
    expect(item).toMatchObject({ status: 'queued', attempts: 1, history: [{ result: 'retry', httpStatus: null, error: expect.stringContaining('network error') }] })
    expect(item.nextAttemptAtMs).toBe(h.clock.now() + 1000)
    expect(await w.runDue()).toBe(0) // not due yet

    await server.restart()
    server.next('hang', 'error500')
    h.clock.advance(1000)
    await w.runDue()
    item = await outbox()
    expect(item.history[1]).toMatchObject({ result: 'retry', error: expect.stringContaining('no answer within') })
    expect(item.nextAttemptAtMs).toBe(h.clock.now() + 2000)
    h.clock.advance(2000)
    await w.runDue()
    item = await outbox()
    expect(item.history[2]).toMatchObject({ result: 'retry', httpStatus: 500, error: 'server error 500: database unavailable' })
    expect(item.nextAttemptAtMs).toBe(h.clock.now() + 4000)
    h.clock.advance(4000)
    await w.runDue()
    item = await outbox()
    expect(item).toMatchObject({ status: 'acknowledged', attempts: 4 })
    expect(new Set(server.received.map((r) => r.key))).toEqual(new Set([item.idempotencyKey]))
    expect(new Set(server.received.map((r) => r.body)).size).toBe(1)
    expect(acknowledgedEvents()).toHaveLength(ids.length)
    expect(acknowledgedEvents().every((r) => r.n === 1)).toBe(true)
  })

  it('survives a server restart mid-batch and an app stopped mid-send: 409 for the repeated key, each claim acknowledged once', async () => {
    const { ids } = await queuedBatch()
    // The server takes the batch, then goes down before answering.
    server.next('drop')
    await worker().runDue()
    expect((await outbox()).status).toBe('queued')
    expect(server.acks.size).toBe(1)
    await server.restart()

    // The app is killed during the next POST: the row is left "sending".
    h.ledger.sqlite.prepare(`UPDATE sync_outbox SET status = 'sending', attempts = attempts + 1`).run()
    // At the next start the worker finds it, records the interrupted attempt and sends it again.
    const restarted = worker()
    await restarted.start()
    await restarted.stop()
    const item = await outbox()
    expect(item).toMatchObject({ status: 'acknowledged', attempts: 3 })
    expect(item.history.map((a) => [a.attempt, a.result, a.httpStatus])).toEqual([[1, 'retry', null], [2, 'retry', null], [3, 'acknowledged', 409]])
    expect(item.history[1]!.error).toContain('interrupted')
    expect(server.received.map((r) => r.key)).toEqual([item.idempotencyKey, item.idempotencyKey])
    expect(acknowledgedEvents()).toHaveLength(ids.length)
    expect(acknowledgedEvents().every((r) => r.n === 1)).toBe(true)
  })

  it('stops on a 4xx with the server’s message (token scrubbed), and sends again on retry', async () => {
    const { ids, batch } = await queuedBatch()
    server.next({ status: 422, body: JSON.stringify({ error: { message: `token ${token} may not submit model XT2343-1` } }) })
    const w = worker()
    await w.runDue()
    let item = await outbox()
    expect(item).toMatchObject({ status: 'failed', lastHttpStatus: 422, lastError: 'refused 422: token [token] may not submit model XT2343-1' })
    expect((await h.call('claims.get', { id: ids[0]! })).status).toBe('batched')
    expect(await w.runDue()).toBe(0)
    expect(JSON.stringify(h.ledger.sqlite.prepare('SELECT * FROM sync_attempts').all())).not.toContain(token)

    await h.call('sync.retry', { id: item.id })
    await w.runDue()
    item = await outbox()
    expect(item.status).toBe('acknowledged')
    expect((await h.call('batches.get', { id: batch.id })).claims.map((c) => c.status)).toEqual(['submitted', 'submitted', 'submitted'])
    expect(expectError(await h.raw('sync.retry', { id: item.id }))).toMatchObject({ code: 'CONFLICT', messageKey: 'errors.outboxNotRetryable' })
  })

  it('keeps claims submitted on a malformed acknowledgement, shows the error, and loses nothing', async () => {
    const { ids } = await queuedBatch()
    server.next('malformed')
    const w = worker()
    await w.runDue()
    let item = await outbox()
    expect(item).toMatchObject({ status: 'failed', lastHttpStatus: 200, lastError: expect.stringContaining('malformed acknowledgement') })
    expect((await Promise.all(ids.map((id) => h.call('claims.get', { id })))).map((c) => c.status)).toEqual(['submitted', 'submitted', 'submitted'])
    expect(acknowledgedEvents()).toEqual([])
    // Retried: the endpoint has the key already and answers 409 with the acknowledgement.
    await h.call('sync.retry', { id: item.id })
    await w.runDue()
    item = await outbox()
    expect(item).toMatchObject({ status: 'acknowledged', history: [{ result: 'failed' }, { result: 'acknowledged', httpStatus: 200 }] })
    expect(acknowledgedEvents()).toHaveLength(3)
  })

  it('never blocks the counter while the endpoint hangs', async () => {
    await queuedBatch()
    server.next('hang')
    let sent = false
    const sending = worker().runDue().then(() => (sent = true))
    // The counter's calls are answered while the POST is still waiting for its (2 s) timeout.
    const page = await h.call('claims.list', {})
    await h.call('tickets.list', {})
    expect(page.items).toHaveLength(3)
    expect(sent).toBe(false)
    await sending
    expect((await outbox()).status).toBe('queued')
  })
})

describe('sync endpoint settings', () => {
  it('refuses a non-https endpoint, keeps the token sealed, and never shows or logs it', async () => {
    const refused = expectError(await h.raw('manufacturers.updateClaimRules', { manufacturerId: moto, syncUrl: 'http://claims.example.com/batches' }))
    expect(refused.issues?.[0]).toMatchObject({ path: ['syncUrl'], messageKey: 'errors.syncUrlNotHttps' })
    expect(expectError(await h.raw('manufacturers.updateClaimRules', { manufacturerId: moto, syncUrl: 'ftp://x' })).issues?.[0]).toMatchObject({ path: ['syncUrl'], messageKey: 'validation.syncUrl' })
    const rules = await h.call('manufacturers.updateClaimRules', { manufacturerId: moto, syncUrl: 'https://claims.example.com/batches' })
    expect(rules).toMatchObject({ syncUrl: 'https://claims.example.com/batches', syncTokenSet: true })
    expect(JSON.stringify(rules)).not.toContain(token)
    const stored = h.ledger.sqlite.prepare('SELECT sync_token_sealed FROM manufacturers WHERE id = ?').get(moto) as { sync_token_sealed: string }
    expect(stored.sync_token_sealed).not.toContain(token)
    expect(h.secrets.open(stored.sync_token_sealed)).toBe(token)
    const audit = JSON.stringify(h.ledger.sqlite.prepare('SELECT * FROM audit_log').all())
    expect(audit).not.toContain(token)
    expect(audit).toMatch(/syncToken\\?":\\?"replaced/)
    expect(await h.call('manufacturers.updateClaimRules', { manufacturerId: moto, syncToken: null })).toMatchObject({ syncTokenSet: false })
  })

  it('refuses to queue a batch for a manufacturer without an endpoint', async () => {
    await h.call('manufacturers.updateClaimRules', { manufacturerId: moto, syncUrl: null })
    const ids = await readyMotoClaims(h)
    const batch = await h.call('batches.create', { manufacturerId: moto, claimIds: ids })
    const before = h.digest()
    expect(expectError(await h.raw('sync.enqueue', { batchId: batch.id })).issues?.[0]).toMatchObject({ path: ['batchId'], messageKey: 'errors.syncNotConfigured' })
    expect(h.digest()).toBe(before)
  })
})
