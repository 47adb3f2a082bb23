import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { availableActions, decide, finalStatuses, ticketActions, type FlowFacts, type TicketAction } from '../../shared/ticket-flow'
import type { TicketStatus } from '../../shared/tickets'

const fresh = (paid: boolean): FlowFacts => ({ paid, diagnosed: false, estimated: false, completed: false })

/** What doing `action` teaches the ticket (the handlers record the same facts). */
function learn(facts: FlowFacts, action: TicketAction, voidsWarranty: boolean): FlowFacts {
  switch (action) {
    case 'diagnose':
      return { ...facts, diagnosed: true, paid: facts.paid || voidsWarranty }
    case 'estimate':
      return { ...facts, estimated: true }
    case 'complete':
      return { ...facts, completed: true }
    default:
      return facts
  }
}

describe('ticket lifecycle', () => {
  it('walks a paid repair from intake to collection', () => {
    let status: TicketStatus = 'received'
    let facts = fresh(true)
    for (const action of ['startDiagnosis', 'diagnose', 'estimate', 'approve', 'startRepair', 'complete', 'markReady', 'collect'] as const) {
      const result = decide(action, status, facts)
      if (!result.ok) throw new Error(`${action} refused from ${status}: ${JSON.stringify(result)}`)
      status = result.to
      facts = learn(facts, action, false)
    }
    expect(status).toBe('collected')
  })

  it('lets warranty work skip approval, and refuses approval on it', () => {
    const facts = { ...fresh(false), diagnosed: true }
    expect(decide('diagnose', 'diagnosing', fresh(false))).toEqual({ ok: true, to: 'awaiting_parts' })
    expect(decide('approve', 'awaiting_approval', facts)).toEqual({ ok: false, reason: 'guard', messageKey: 'errors.approvalOnWarranty' })
  })

  it('sends a voided warranty ticket to approval', () => {
    expect(decide('diagnose', 'diagnosing', { ...fresh(false), paid: true })).toEqual({ ok: true, to: 'awaiting_approval' })
  })

  it('turns a declined estimate into a ready, unrepaired device', () => {
    const facts = { ...fresh(true), diagnosed: true, estimated: true }
    expect(decide('decline', 'awaiting_approval', facts)).toEqual({ ok: true, to: 'declined' })
    expect(decide('markReady', 'declined', facts)).toEqual({ ok: true, to: 'ready' })
  })

  it('names both states when an action comes out of order', () => {
    expect(decide('collect', 'diagnosing', fresh(true))).toEqual({ ok: false, reason: 'illegal', from: 'diagnosing', action: 'collect' })
    expect(decide('markReady', 'in_repair', { ...fresh(false), diagnosed: true })).toEqual({ ok: false, reason: 'guard', messageKey: 'errors.notCompleted' })
    expect(decide('approve', 'awaiting_approval', { ...fresh(true), diagnosed: true })).toMatchObject({ messageKey: 'errors.noEstimate' })
  })

  it('only ever makes legal moves, and collected and cancelled are final (property)', () => {
    const actionArb = fc.constantFrom(...ticketActions)
    fc.assert(
      fc.property(fc.boolean(), fc.array(fc.tuple(actionArb, fc.boolean()), { maxLength: 40 }), (paid, steps) => {
        let status: TicketStatus = 'received'
        let facts = fresh(paid)
        const history: TicketStatus[] = [status]
        for (const [action, voids] of steps) {
          const offered = availableActions(status, facts).includes(action)
          const result = decide(action, status, facts)
          expect(result.ok).toBe(offered)
          if (finalStatuses.includes(status)) expect(result.ok).toBe(false)
          if (!result.ok) continue
          if (!facts.paid && !(action === 'diagnose' && voids)) expect(result.to).not.toBe('awaiting_approval')
          status = result.to
          facts = learn(facts, action, voids)
          history.push(status)
        }
        const firstFinal = history.findIndex((s) => finalStatuses.includes(s))
        if (firstFinal >= 0) expect(history.slice(firstFinal).every((s) => s === history[firstFinal])).toBe(true)
        if (history.includes('collected')) expect(history).toContain('ready')
      }),
      { numRuns: 500 },
    )
  })
})
