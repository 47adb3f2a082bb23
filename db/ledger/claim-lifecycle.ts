import type { ClaimStatus } from '../../shared/claims'
import type { Executor } from './audit'
import { appendClaimEvent, findClaim, type ClaimRow } from './claims'

// A claim's life after it is batched: sent to the manufacturer, answered, paid; its batch moving
// on with it; and what manufacturers owe the shop kept as a running balance (claim_receivables).
// Every function runs inside the caller's transaction.

/** What the manufacturer owes on this claim now: the amount sent, or approved once it says. */
export function receivableOf(claim: Pick<ClaimRow, 'status' | 'total_minor' | 'approved_minor'>): number {
  if (claim.status === 'submitted') return claim.total_minor
  if (claim.status === 'accepted') return claim.approved_minor ?? claim.total_minor
  return 0
}

/**
 * Appends a change to the running balance. The balance's rows must stay in time order (a trigger
 * insists), so a clock set back a little records the change at the last row's instant.
 */
export async function appendReceivable(trx: Executor, claimId: number, atMs: number, deltaMinor: number): Promise<void> {
  if (deltaMinor === 0) return
  const last = await trx.selectFrom('claim_receivables').select(['balance_minor', 'at_ms']).orderBy('id', 'desc').limit(1).executeTakeFirst()
  await trx
    .insertInto('claim_receivables')
    .values({ claim_id: claimId, at_ms: Math.max(atMs, last?.at_ms ?? 0), delta_minor: deltaMinor, balance_minor: (last?.balance_minor ?? 0) + deltaMinor })
    .execute()
}

export interface LifecycleStep {
  atMs: number
  staffId: number
  /** The business date the thing happened (as the clerk says, default today). */
  date: string
  note?: string
}

/** The claim's status changes, with its event and its effect on what is owed. */
async function moveClaim(trx: Executor, claim: ClaimRow, to: ClaimStatus, step: LifecycleStep, kind: string, patch: Partial<Pick<ClaimRow, 'approved_minor' | 'manufacturer_ref' | 'rejection_reason' | 'submitted_date' | 'decided_date' | 'paid_date'>>, data: Record<string, unknown>): Promise<ClaimRow> {
  const before = receivableOf(claim)
  const after = { ...claim, ...patch, status: to }
  await trx.updateTable('claims').set({ ...patch, status: to, updated_at_ms: step.atMs }).where('id', '=', claim.id).execute()
  await appendClaimEvent(trx, { claimId: claim.id, atMs: step.atMs, staffId: step.staffId, kind, fromStatus: claim.status, toStatus: to, revision: claim.revision, note: step.note ?? '', data: { ...data, date: step.date } })
  await appendReceivable(trx, claim.id, step.atMs, receivableOf(after) - before)
  return after
}

/** batched → submitted: the manufacturer has it (files uploaded by hand, or its endpoint answered). */
export async function submitClaim(trx: Executor, claim: ClaimRow, batch: { id: number; number: string }, step: LifecycleStep): Promise<ClaimRow> {
  return moveClaim(trx, claim, 'submitted', step, 'submitted', { submitted_date: step.date }, { batchId: batch.id, batch: batch.number, amountMinor: claim.total_minor })
}

/**
 * The batch is with the manufacturer: open → submitted, and each of its claims still batched with
 * it. Does nothing to a batch already submitted or closed.
 */
export async function submitBatch(trx: Executor, batchId: number, step: LifecycleStep & { reference?: string }): Promise<boolean> {
  const batch = await trx.selectFrom('claim_batches').select(['id', 'number', 'status']).where('id', '=', batchId).executeTakeFirstOrThrow()
  if (batch.status !== 'open') return false
  await trx
    .updateTable('claim_batches')
    .set({ status: 'submitted', submitted_at_ms: step.atMs, updated_at_ms: step.atMs, ...(step.reference !== undefined && { submitted_reference: step.reference }) })
    .where('id', '=', batchId)
    .execute()
  const items = await trx.selectFrom('claim_batch_items').select(['claim_id', 'claim_revision']).where('batch_id', '=', batchId).orderBy('position').execute()
  for (const item of items) {
    const claim = await findClaim(trx, item.claim_id)
    if (claim?.status === 'batched' && claim.revision === item.claim_revision) await submitClaim(trx, claim, batch, step)
  }
  return true
}

/** The batch a claim was last sent in. */
export async function latestBatchOf(trx: Executor, claimId: number): Promise<{ id: number; number: string; status: string } | undefined> {
  return trx
    .selectFrom('claim_batch_items as i')
    .innerJoin('claim_batches as b', 'b.id', 'i.batch_id')
    .select(['b.id', 'b.number', 'b.status'])
    .where('i.claim_id', '=', claimId)
    .orderBy('b.id', 'desc')
    .limit(1)
    .executeTakeFirst()
}

/** A claim in a batch that is still open is submitted with its whole batch first. */
export async function ensureSubmitted(trx: Executor, claim: ClaimRow, step: LifecycleStep): Promise<ClaimRow> {
  if (claim.status !== 'batched') return claim
  const batch = await latestBatchOf(trx, claim.id)
  if (batch) await submitBatch(trx, batch.id, step)
  return (await findClaim(trx, claim.id)) ?? claim
}

/**
 * A submitted batch is closed once every claim in it is answered for good: paid, rejected, or
 * moved on to a later revision.
 */
export async function closeBatchIfDone(trx: Executor, batchId: number, atMs: number): Promise<void> {
  const batch = await trx.selectFrom('claim_batches').select('status').where('id', '=', batchId).executeTakeFirst()
  if (batch?.status !== 'submitted') return
  const pending = await trx
    .selectFrom('claim_batch_items as i')
    .innerJoin('claims as c', 'c.id', 'i.claim_id')
    .select('i.claim_id')
    .where('i.batch_id', '=', batchId)
    .where((eb) => eb.and([eb('c.revision', '=', eb.ref('i.claim_revision')), eb('c.status', 'not in', ['paid', 'rejected'])]))
    .limit(1)
    .executeTakeFirst()
  if (!pending) await trx.updateTable('claim_batches').set({ status: 'closed', updated_at_ms: atMs }).where('id', '=', batchId).execute()
}

export async function acceptClaim(trx: Executor, claim: ClaimRow, approvedMinor: number, reference: string | undefined, step: LifecycleStep): Promise<ClaimRow> {
  const patch = { approved_minor: approvedMinor, decided_date: step.date, ...(reference !== undefined && reference !== '' && { manufacturer_ref: reference }) }
  return moveClaim(trx, claim, 'accepted', step, 'accepted', patch, { approvedMinor, reference: reference ?? claim.manufacturer_ref })
}

export async function rejectClaim(trx: Executor, claim: ClaimRow, reason: string, reference: string | undefined, step: LifecycleStep): Promise<ClaimRow> {
  const patch = { approved_minor: null, rejection_reason: reason, decided_date: step.date, ...(reference !== undefined && reference !== '' && { manufacturer_ref: reference }) }
  return moveClaim(trx, claim, 'rejected', step, 'rejected', patch, { reason, amountMinor: claim.total_minor, reference: reference ?? claim.manufacturer_ref })
}

/** First money on a claim makes it paid; what was not paid of what was owed is a shortfall, not still owed. */
export async function payClaim(trx: Executor, claim: ClaimRow, payment: { remittanceId: number; reference: string; amountMinor: number }, step: LifecycleStep): Promise<ClaimRow> {
  if (claim.status === 'paid') {
    await trx.updateTable('claims').set({ paid_date: step.date, updated_at_ms: step.atMs }).where('id', '=', claim.id).execute()
    await appendClaimEvent(trx, { claimId: claim.id, atMs: step.atMs, staffId: step.staffId, kind: 'payment', revision: claim.revision, note: step.note ?? '', data: { ...payment, date: step.date } })
    return { ...claim, paid_date: step.date }
  }
  return moveClaim(trx, claim, 'paid', step, 'paid', { paid_date: step.date }, payment)
}
