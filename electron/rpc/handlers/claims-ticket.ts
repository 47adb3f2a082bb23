import type { Transaction } from 'kysely'
import { isEditableClaim } from '../../../shared/claims'
import { AppError } from '../../../shared/errors'
import { appendAudit } from '../../../db/ledger/audit'
import { createClaim, recomputeClaim, type CompletionFacts } from '../../../db/ledger/claims-build'
import { appendClaimEvent, claimOfTicket, findClaim, type ClaimRow } from '../../../db/ledger/claims'
import type { DB } from '../../../db/schema'
import { signedIn, type HandlerContext } from '../context'

// Where tickets meet claims: completing a warranty repair builds its claim, and parts used on or
// returned from the ticket afterwards change the claim's lines in the same transaction, unless
// the claim has gone to the manufacturer (then the parts stay as they are and the clerk is told).

/** Builds the draft claim of a warranty ticket being completed; returns what the ticket event records. */
export async function buildClaim(trx: Transaction<DB>, ctx: HandlerContext, ticketId: number, facts: CompletionFacts, timeZone: string): Promise<{ id: number; number: string }> {
  const staff = signedIn(ctx)
  const claim = await createClaim(trx, ticketId, facts, { nowMs: ctx.nowMs, timeZone })
  const data = { ticketId, ...claim.amounts }
  await appendClaimEvent(trx, { claimId: claim.id, atMs: ctx.nowMs, staffId: staff.id, kind: 'created', toStatus: 'draft', revision: 1, data })
  await appendAudit(trx, { atMs: ctx.nowMs, staffId: staff.id, action: 'claims.create', entity: 'claim', entityId: claim.id, details: { number: claim.number, ...data } })
  return { id: claim.id, number: claim.number }
}

/** The ticket's claim if parts may still change under it; refuses when it is batched or later. */
export async function editableClaimOfTicket(trx: Transaction<DB>, ticketId: number): Promise<ClaimRow | undefined> {
  const claim = await claimOfTicket(trx, ticketId)
  if (claim && !isEditableClaim(claim.status)) throw new AppError('CONFLICT', 'errors.claimFrozenParts', { claim: claim.number, status: claim.status })
  return claim
}

/**
 * After parts were used on or returned from a ticket with a claim: rebuilds the claim's lines.
 * A ready claim goes back to draft (what it claims changed, so it must be checked again).
 */
export async function followTicketParts(trx: Transaction<DB>, ctx: HandlerContext, claimId: number, cause: 'tickets.useParts' | 'tickets.returnPart'): Promise<void> {
  const staff = signedIn(ctx)
  const change = await recomputeClaim(trx, claimId, ctx.nowMs)
  if (!change) return
  const claim = await findClaim(trx, claimId)
  if (!claim) throw new Error(`claim ${claimId} vanished`)
  const to = claim.status === 'ready' ? 'draft' : claim.status
  if (to !== claim.status) await trx.updateTable('claims').set({ status: to, updated_at_ms: ctx.nowMs }).where('id', '=', claimId).execute()
  const data = { cause, ...change }
  const moved = to !== claim.status
  await appendClaimEvent(trx, { claimId, atMs: ctx.nowMs, staffId: staff.id, kind: 'partsChanged', fromStatus: moved ? claim.status : null, toStatus: moved ? to : null, revision: claim.revision, data })
  await appendAudit(trx, { atMs: ctx.nowMs, staffId: staff.id, action: 'claims.partsChanged', entity: 'claim', entityId: claimId, details: { from: claim.status, to, ...data } })
}
