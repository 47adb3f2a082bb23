import type { TicketDetailDto } from '../../shared/dto/tickets'
import type { Executor } from './audit'
import { findCustomer, toCustomerDto } from './customers'
import { findDevice, toDeviceDto } from './devices'
import { findSummary, findTicket, ticketEvents } from './tickets'

/** Everything the ticket page shows, or undefined for an unknown id. */
export async function loadTicketDetail(db: Executor, id: number, today: string): Promise<TicketDetailDto | undefined> {
  const [ticket, summary] = await Promise.all([findTicket(db, id), findSummary(db, id, today)])
  if (!ticket || !summary) return undefined
  const [customer, device, events, creator, repeatOf] = await Promise.all([
    findCustomer(db, ticket.customer_id),
    findDevice(db, ticket.device_id),
    ticketEvents(db, id),
    db.selectFrom('staff').select('name').where('id', '=', ticket.created_by_staff_id).executeTakeFirstOrThrow(),
    ticket.repeat_of_ticket_id === null ? undefined : findTicket(db, ticket.repeat_of_ticket_id),
  ])
  if (!customer || !device) throw new Error(`ticket ${id} lost its customer or device`)
  return {
    ...summary,
    customer: toCustomerDto(customer),
    device: await toDeviceDto(db, device),
    reportedFault: ticket.reported_fault,
    condition: JSON.parse(ticket.condition_json) as string[],
    conditionNotes: ticket.condition_notes,
    accessories: JSON.parse(ticket.accessories_json) as string[],
    passcodeProvided: ticket.passcode_provided === 1,
    notes: ticket.notes,
    warranty: {
      status: ticket.warranty_status,
      reason: ticket.warranty_reason,
      endsOn: ticket.warranty_ends_on,
      overrideNote: ticket.warranty_override_note,
    },
    repeatOf: repeatOf ? { id: repeatOf.id, number: repeatOf.number, collectedDate: repeatOf.collected_business_date } : null,
    createdByName: creator.name,
    events,
  }
}
