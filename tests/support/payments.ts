import type { Harness } from './harness'
import { diagnosis, paidTicket } from './workflow'

/** The owner's approval at the counter (setUpShop's owner, PIN 246810). */
export async function ownerApprovalOf(h: Harness) {
  const owner = (await h.call('auth.staffChoices', {})).find((s) => s.role === 'owner')
  if (!owner) throw new Error('no owner')
  return { staffId: owner.id, pin: '246810' }
}

/** A paid ticket with an approved estimate of `amountMinor` (one labour line, tax-inclusive 0 %). */
export async function pricedTicket(h: Harness, amountMinor: number) {
  const ticket = await paidTicket(h)
  await h.call('tickets.diagnose', diagnosis(ticket.id))
  await h.call('tickets.estimate', { id: ticket.id, lines: [{ kind: 'labour', description: '更换屏幕 screen', quantity: 1, unitPriceMinor: amountMinor }] })
  await h.call('tickets.decide', { id: ticket.id, decision: 'approved', via: 'in_person' })
  return ticket
}

/** Takes a priced ticket through repair to ready for pick-up. */
export async function readyForPickup(h: Harness, ticketId: number) {
  await h.call('tickets.startRepair', { id: ticketId })
  await h.call('tickets.complete', { id: ticketId, workDone: '更换屏幕', testResult: 'passed' })
  await h.call('tickets.markReady', { id: ticketId, contactedVia: 'phone' })
}
