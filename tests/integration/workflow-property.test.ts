import fc from 'fast-check'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { ChannelName } from '../../shared/contract'
import { finalStatuses } from '../../shared/ticket-flow'
import type { TicketStatus } from '../../shared/tickets'
import { createHarness, setUpShop, type Harness } from '../support/harness'
import { diagnosis, paidTicket, warrantyTicket } from '../support/workflow'

// Random sequences of counter actions against the real handlers and ledger: only legal moves
// happen, every status change is exactly one event row, refused calls change nothing, and
// collected and cancelled tickets stay where they are.

let h: Harness
beforeAll(async () => {
  h = await createHarness()
  await setUpShop(h)
})
afterAll(() => h.close())

type Step = [ChannelName, (id: number) => Record<string, unknown>]

const steps: Step[] = [
  ['tickets.startDiagnosis', (id) => ({ id })],
  ['tickets.diagnose', (id) => diagnosis(id)],
  ['tickets.diagnose', (id) => diagnosis(id, { warranty: { decision: 'confirm' } })],
  ['tickets.diagnose', (id) => diagnosis(id, { warranty: { decision: 'void', voidReason: 'physical_damage' } })],
  ['tickets.estimate', (id) => ({ id, lines: [{ kind: 'labour', description: 'work', quantity: 1, unitPriceMinor: 5000 }] })],
  ['tickets.decide', (id) => ({ id, decision: 'approved', via: 'phone' })],
  ['tickets.decide', (id) => ({ id, decision: 'declined', via: 'in_person', diagnosisFeeMinor: 2000 })],
  ['tickets.startRepair', (id) => ({ id })],
  ['tickets.complete', (id) => ({ id, workDone: 'done', testResult: 'passed' })],
  ['tickets.markReady', (id) => ({ id, contactedVia: 'sms' })],
  ['tickets.collect', (id) => ({ id, collectedBy: 'customer' })],
  ['tickets.cancel', (id) => ({ id, reason: 'changed their mind' })],
  ['tickets.addNote', (id) => ({ id, note: 'called customer' })],
]

const statusOf = (id: number) => (h.ledger.sqlite.prepare('SELECT status FROM tickets WHERE id = ?').get(id) as { status: TicketStatus }).status
const eventCount = (id: number) => (h.ledger.sqlite.prepare('SELECT count(*) AS n FROM ticket_events WHERE ticket_id = ?').get(id) as { n: number }).n

describe('ticket workflow through dispatch (property)', () => {
  it('holds its invariants for random action sequences', async () => {
    await fc.assert(
      fc.asyncProperty(fc.boolean(), fc.array(fc.integer({ min: 0, max: steps.length - 1 }), { minLength: 1, maxLength: 25 }), async (warranty, picks) => {
        const ticket = warranty ? await warrantyTicket(h) : await paidTicket(h)
        for (const pick of picks) {
          const [channel, input] = steps[pick]!
          const before = { status: statusOf(ticket.id), events: eventCount(ticket.id), counts: h.counts() }
          const result = await h.raw(channel, input(ticket.id))
          const after = { status: statusOf(ticket.id), events: eventCount(ticket.id) }
          if (!result.ok) {
            expect(['ILLEGAL_TRANSITION', 'INVALID_INPUT']).toContain(result.error.code)
            expect(h.counts()).toEqual(before.counts)
            continue
          }
          expect(after.events).toBe(before.events + 1)
          const last = h.ledger.sqlite.prepare('SELECT from_status, to_status FROM ticket_events WHERE ticket_id = ? ORDER BY id DESC LIMIT 1').get(ticket.id)
          expect(last).toEqual({ from_status: before.status, to_status: after.status })
          if (finalStatuses.includes(before.status)) expect(channel).toBe('tickets.addNote')
          if (after.status === 'awaiting_approval' && before.status !== 'awaiting_approval') {
            expect(h.ledger.sqlite.prepare('SELECT warranty_status FROM tickets WHERE id = ?').get(ticket.id)).not.toEqual({ warranty_status: 'in_warranty' })
          }
        }
      }),
      { numRuns: 60 },
    )
  }, 60_000)
})
