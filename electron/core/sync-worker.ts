import type { Kysely, Transaction } from 'kysely'
import { syncBackoffMs, isLoopbackUrl, type SyncAttemptResult } from '../../shared/claims'
import { readAck, type ClaimBatchAck } from '../../shared/sync-wire'
import { appendAudit } from '../../db/ledger/audit'
import { closeBatchIfDone, rejectClaim, submitBatch } from '../../db/ledger/claim-lifecycle'
import { appendClaimEvent, findClaim } from '../../db/ledger/claims'
import type { DB } from '../../db/schema'
import { shopDay } from '../rpc/handlers/shop-day'
import type { Clock } from './clock'
import type { SecretBox } from './secret-box'

// Sends queued claim batches to manufacturers' endpoints, in the background of the main process.
// Each attempt is recorded; network errors, timeouts and 5xx are retried with backoff and jitter;
// a 4xx or an answer that is not a proper acknowledgement stops the batch for a person to look at.
// A batch is POSTed with the Idempotency-Key it was queued with, every time, so a manufacturer
// never sees it twice under different keys. If the app stops mid-send, the batch is sent again at
// the next start with the same key (the endpoint answers 409 with its earlier acknowledgement).

export interface SyncWorkerOptions {
  db: Kysely<DB>
  clock: Clock
  secrets: SecretBox
  allowLoopbackHttp: boolean
  fetch?: typeof fetch
  /** Per attempt; default 20 s. */
  timeoutMs?: number
  backoff?: { baseMs: number; capMs: number }
  random?: () => number
  /** Longest sleep between looks at the outbox; default 60 s. */
  idleMs?: number
  log?: (message: string, error?: unknown) => void
}

/** A queued batch that is due; the worker's writes are attributed to whoever queued it. */
interface Due {
  id: number
  batch_id: number
  manufacturer_id: number
  idempotency_key: string
  payload_json: string
  attempts: number
  created_by_staff_id: number
}

interface Outcome {
  result: SyncAttemptResult
  httpStatus: number | null
  error: string
  /** The server has the batch (any 2xx or 409), whatever it answered. */
  delivered: boolean
  ack?: ClaimBatchAck
}

const maxErrorLength = 300

export class SyncWorker {
  private timer: NodeJS.Timeout | undefined
  private running: Promise<void> | undefined
  private again = false
  private stopped = true
  private readonly fetch: typeof fetch
  private readonly timeoutMs: number
  private readonly backoff: { baseMs: number; capMs: number }
  private readonly random: () => number

  constructor(private readonly options: SyncWorkerOptions) {
    this.fetch = options.fetch ?? globalThis.fetch
    this.timeoutMs = options.timeoutMs ?? 20_000
    this.backoff = options.backoff ?? { baseMs: 30_000, capMs: 30 * 60_000 }
    this.random = options.random ?? Math.random
  }

  /** Recovers batches left mid-send by a stopped app, then starts looking at the outbox. */
  async start(): Promise<void> {
    await this.recoverInterrupted()
    this.stopped = false
    this.wake()
  }

  /** Look now (a batch was queued or retried). Never waits for the network. */
  wake(): void {
    if (this.stopped) return
    if (this.timer) clearTimeout(this.timer)
    this.timer = undefined
    if (this.running) {
      this.again = true
      return
    }
    this.running = this.loop().finally(() => {
      this.running = undefined
    })
  }

  /** Stops after the attempt in flight, if any. */
  async stop(): Promise<void> {
    this.stopped = true
    if (this.timer) clearTimeout(this.timer)
    await this.running
  }

  /** Sends every batch that is due now, one after another; resolves with how many attempts it made. */
  async runDue(): Promise<number> {
    return this.drain(false)
  }

  private async drain(untilStopped: boolean): Promise<number> {
    let sent = 0
    for (;;) {
      if (untilStopped && this.stopped) return sent
      const due = await this.nextDue()
      if (!due) return sent
      await this.send(due)
      sent++
    }
  }

  private async loop(): Promise<void> {
    do {
      this.again = false
      try {
        await this.drain(true)
      } catch (error) {
        this.options.log?.('claim sync failed', error)
      }
    } while (this.again && !this.stopped)
    if (!this.stopped) await this.schedule()
  }

  private async schedule(): Promise<void> {
    const next = await this.options.db.selectFrom('sync_outbox').select((eb) => eb.fn.min<number>('next_attempt_at_ms').as('at')).where('status', '=', 'queued').executeTakeFirst()
    const idle = this.options.idleMs ?? 60_000
    const wait = next?.at == null ? idle : Math.min(idle, Math.max(0, next.at - this.options.clock.now()))
    if (this.stopped) return
    this.timer = setTimeout(() => this.wake(), wait)
    this.timer.unref?.()
  }

  private async nextDue(): Promise<Due | undefined> {
    return this.options.db
      .selectFrom('sync_outbox')
      .select(['id', 'batch_id', 'manufacturer_id', 'idempotency_key', 'payload_json', 'attempts', 'created_by_staff_id'])
      .where('status', '=', 'queued')
      .where('next_attempt_at_ms', '<=', this.options.clock.now())
      .orderBy('next_attempt_at_ms')
      .orderBy('id')
      .limit(1)
      .executeTakeFirst()
  }

  private async recoverInterrupted(): Promise<void> {
    const now = this.options.clock.now()
    await this.options.db.transaction().execute(async (trx) => {
      const stuck = await trx.selectFrom('sync_outbox').select(['id', 'attempts']).where('status', '=', 'sending').execute()
      for (const row of stuck) {
        await trx
          .insertInto('sync_attempts')
          .values({ outbox_id: row.id, attempt: row.attempts, started_at_ms: now, finished_at_ms: now, http_status: null, result: 'retry', error: 'interrupted: the app stopped while sending; sent again with the same key' })
          .onConflict((oc) => oc.doNothing())
          .execute()
        await trx.updateTable('sync_outbox').set({ status: 'queued', next_attempt_at_ms: now, updated_at_ms: now }).where('id', '=', row.id).execute()
      }
    })
  }

  private async send(due: Due): Promise<void> {
    const { db, clock } = this.options
    const attempt = due.attempts + 1
    const startedAt = clock.now()
    // Marked first and committed: if the app dies during the POST, the next start knows.
    await db.updateTable('sync_outbox').set({ status: 'sending', attempts: attempt, updated_at_ms: startedAt }).where('id', '=', due.id).where('status', '=', 'queued').execute()
    const outcome = await this.post(due)
    const finishedAt = clock.now()
    await db.transaction().execute(async (trx) => {
      await trx.insertInto('sync_attempts').values({ outbox_id: due.id, attempt, started_at_ms: startedAt, finished_at_ms: finishedAt, http_status: outcome.httpStatus, result: outcome.result, error: outcome.error }).execute()
      const { today } = await shopDay(trx, finishedAt)
      const step = { atMs: finishedAt, staffId: due.created_by_staff_id, date: today }
      if (outcome.delivered) await submitBatch(trx, due.batch_id, step)
      if (outcome.ack) await this.recordAck(trx, due, outcome.ack, step)
      const next = outcome.result === 'retry' ? finishedAt + syncBackoffMs(attempt, this.random(), this.backoff.baseMs, this.backoff.capMs) : null
      await trx
        .updateTable('sync_outbox')
        .set({
          status: outcome.result === 'acknowledged' ? 'acknowledged' : outcome.result === 'retry' ? 'queued' : 'failed',
          next_attempt_at_ms: next,
          last_error: outcome.error,
          last_http_status: outcome.httpStatus,
          updated_at_ms: finishedAt,
          ...(outcome.ack && { ack_json: JSON.stringify(outcome.ack), acknowledged_at_ms: finishedAt }),
        })
        .where('id', '=', due.id)
        .execute()
      if (outcome.result !== 'retry') {
        await appendAudit(trx, { atMs: finishedAt, staffId: due.created_by_staff_id, action: `sync.${outcome.result}`, entity: 'claim_batch', entityId: due.batch_id, details: { outboxId: due.id, attempt, httpStatus: outcome.httpStatus, error: outcome.error } })
      }
    })
  }

  /** Each claim answered: received (the manufacturer's reference kept) or rejected (with its reason). */
  private async recordAck(trx: Transaction<DB>, due: Due, ack: ClaimBatchAck, step: { atMs: number; staffId: number; date: string }): Promise<void> {
    const items = await trx
      .selectFrom('claim_batch_items as i')
      .innerJoin('claims as c', 'c.id', 'i.claim_id')
      .select(['c.id', 'c.number', 'i.claim_revision'])
      .where('i.batch_id', '=', due.batch_id)
      .execute()
    const byKey = new Map(items.map((i) => [`${i.number}#${i.claim_revision}`, i.id]))
    for (const answer of ack.claims) {
      const claimId = byKey.get(`${answer.claim_number}#${answer.revision}`)
      const claim = claimId === undefined ? undefined : await findClaim(trx, claimId)
      // Only the revision that was sent, still waiting for its answer, takes it.
      if (!claim || claim.revision !== answer.revision || claim.status !== 'submitted') continue
      if (answer.status === 'rejected') {
        await rejectClaim(trx, claim, answer.reason, answer.reference, step)
      } else {
        await trx.updateTable('claims').set({ manufacturer_ref: answer.reference, updated_at_ms: step.atMs }).where('id', '=', claim.id).execute()
        await appendClaimEvent(trx, { claimId: claim.id, atMs: step.atMs, staffId: step.staffId, kind: 'acknowledged', revision: claim.revision, data: { reference: answer.reference, batchId: due.batch_id, date: step.date } })
      }
    }
    await closeBatchIfDone(trx, due.batch_id, step.atMs)
  }

  private async post(due: Due): Promise<Outcome> {
    const target = await this.endpoint(due.manufacturer_id)
    if ('error' in target) return { result: 'failed', httpStatus: null, error: target.error, delivered: false }
    const headers: Record<string, string> = { 'content-type': 'application/json', 'idempotency-key': due.idempotency_key, 'user-agent': 'RepairLedger-sync/1' }
    if (target.token) headers.authorization = `Bearer ${target.token}`
    let response: Response
    let text: string
    try {
      response = await this.fetch(target.url, { method: 'POST', headers, body: due.payload_json, signal: AbortSignal.timeout(this.timeoutMs), redirect: 'error' })
      text = await response.text()
    } catch (error) {
      const e = error as Error & { cause?: { code?: string } }
      const what = e.name === 'TimeoutError' || e.name === 'AbortError' ? `no answer within ${Math.round(this.timeoutMs / 1000)} s` : `network error: ${e.cause?.code ?? e.message}`
      return { result: 'retry', httpStatus: null, error: this.scrub(what, target.token), delivered: false }
    }
    const status = response.status
    if (status >= 500 || status === 408 || status === 429) return { result: 'retry', httpStatus: status, error: this.scrub(`server error ${status}: ${serverMessage(text)}`, target.token), delivered: false }
    if ((status >= 200 && status < 300) || status === 409) {
      const batch = await this.batchClaims(due.batch_id)
      let body: unknown
      try {
        body = JSON.parse(text)
      } catch {
        body = undefined
      }
      const read = readAck(body, batch)
      if (!read.ok) return { result: 'failed', httpStatus: status, error: this.scrub(read.problem, target.token), delivered: true }
      // References and rejection reasons go into the claims, their history and the screen.
      return { result: 'acknowledged', httpStatus: status, error: '', delivered: true, ack: scrubDeep(read.ack, target.token) }
    }
    return { result: 'failed', httpStatus: status, error: this.scrub(`refused ${status}: ${serverMessage(text)}`, target.token), delivered: false }
  }

  private async endpoint(manufacturerId: number): Promise<{ url: string; token: string | null } | { error: string }> {
    const row = await this.options.db.selectFrom('manufacturers').select(['sync_url', 'sync_token_sealed']).where('id', '=', manufacturerId).executeTakeFirst()
    if (!row?.sync_url) return { error: 'the manufacturer has no sync endpoint any more' }
    const url = new URL(row.sync_url)
    if (url.protocol !== 'https:' && !(this.options.allowLoopbackHttp && isLoopbackUrl(url))) return { error: 'the endpoint is not https://' }
    if (row.sync_token_sealed === null) return { url: row.sync_url, token: null }
    try {
      return { url: row.sync_url, token: this.options.secrets.open(row.sync_token_sealed) }
    } catch {
      return { error: 'the stored API token cannot be read on this computer: enter it again in the claim rules' }
    }
  }

  private async batchClaims(batchId: number): Promise<{ number: string; claims: { number: string; revision: number }[] }> {
    const batch = await this.options.db.selectFrom('claim_batches').select('number').where('id', '=', batchId).executeTakeFirstOrThrow()
    const claims = await this.options.db
      .selectFrom('claim_batch_items as i')
      .innerJoin('claims as c', 'c.id', 'i.claim_id')
      .select(['c.number', 'i.claim_revision as revision'])
      .where('i.batch_id', '=', batchId)
      .orderBy('i.position')
      .execute()
    return { number: batch.number, claims }
  }

  /** The token never goes into the ledger, a log or a screen, even if a server echoes it. */
  private scrub(message: string, token: string | null): string {
    const clean = token ? message.split(token).join('[token]') : message
    return clean.length > maxErrorLength ? `${clean.slice(0, maxErrorLength - 1)}…` : clean
  }
}

/** Every string inside `value` with the token replaced, for an acknowledgement that echoes it. */
function scrubDeep<T>(value: T, token: string | null): T {
  if (!token) return value
  if (typeof value === 'string') return value.split(token).join('[token]') as T
  if (Array.isArray(value)) return value.map((item: unknown) => scrubDeep(item, token)) as T
  if (value && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, scrubDeep(v, token)])) as T
  return value
}

/** The server's own words: `error.message`, `message`, or the start of its text. */
function serverMessage(text: string): string {
  try {
    const body = JSON.parse(text) as { error?: { message?: unknown } | string; message?: unknown }
    if (typeof body.error === 'object' && typeof body.error?.message === 'string') return body.error.message
    if (typeof body.error === 'string') return body.error
    if (typeof body.message === 'string') return body.message
  } catch {
    // Not JSON: the text itself.
  }
  return text.trim().replace(/\s+/g, ' ') || '(no message)'
}

