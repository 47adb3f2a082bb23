import { formatTicketNumber } from '../../shared/tickets'
import type { Executor } from './audit'

/**
 * The next ticket number for the month of `businessDate`. Call inside the intake transaction: the
 * counter row is bumped in the same commit, so two intakes can never share a number and a number
 * is never handed out again, even if its ticket is later cancelled.
 */
export async function nextTicketNumber(db: Executor, businessDate: string): Promise<string> {
  const prefix = formatTicketNumber(businessDate, 0).split('-')[0] as string
  const row = await db
    .insertInto('ticket_number_counters')
    .values({ prefix, last_sequence: 1 })
    .onConflict((oc) => oc.column('prefix').doUpdateSet((eb) => ({ last_sequence: eb('ticket_number_counters.last_sequence', '+', 1) })))
    .returning('last_sequence')
    .executeTakeFirstOrThrow()
  return formatTicketNumber(businessDate, row.last_sequence)
}
