import type { TicketDetailDto } from '../../shared/dto/tickets'
import type { Executor } from './audit'
import { toCustomerDto } from './customers'
import { toModelDto } from './catalog'
import { compiledOnce } from './compiled'
import { summaryQuery, ticketEvents, toSummaryDto } from './tickets'

/**
 * Everything the ticket page shows, or undefined for an unknown id: one joined row, the events,
 * and the earlier ticket only for a repeat repair (the page is opened all day long).
 */
const detailRow = compiledOnce((db) =>
  summaryQuery(db)
    .innerJoin('staff as creator', 'creator.id', 't.created_by_staff_id')
    .select([
      't.customer_id',
      't.device_id',
      't.reported_fault',
      't.condition_json',
      't.condition_notes',
      't.accessories_json',
      't.passcode_provided',
      't.notes',
      't.warranty_reason',
      't.warranty_ends_on',
      't.warranty_override_note',
      'creator.name as creator_name',
      'c.email as customer_email',
      'c.kind as customer_kind',
      'c.notes as customer_notes',
      'c.created_at_ms as customer_created_at_ms',
      'c.updated_at_ms as customer_updated_at_ms',
      'd.model_id',
      'd.purchase_date',
      'd.proof_of_purchase_ref',
      'd.owner_customer_id',
      'dm.model_code',
      'dm.category',
      'dm.warranty_months as model_warranty_months',
      'mf.id as manufacturer_id',
      'mf.code as manufacturer_code',
      'mf.warranty_months as manufacturer_warranty_months',
      'mf.proof_required',
    ])
    .where('t.id', '=', 0),
)

const repeatRow = compiledOnce((db) => db.selectFrom('tickets').select(['id', 'number', 'collected_business_date']).where('id', '=', 0))

export async function loadTicketDetail(db: Executor, id: number, today: string): Promise<TicketDetailDto | undefined> {
  const [row] = await detailRow(db, [id])
  if (!row) return undefined
  const events = await ticketEvents(db, id)
  const repeatOf = row.repeat_of_ticket_id === null ? undefined : (await repeatRow(db, [row.repeat_of_ticket_id]))[0]
  return {
    ...toSummaryDto(row, today),
    customer: toCustomerDto({
      id: row.customer_id,
      name: row.customer_name,
      phone: row.customer_phone,
      email: row.customer_email,
      kind: row.customer_kind,
      notes: row.customer_notes,
      created_at_ms: row.customer_created_at_ms,
      updated_at_ms: row.customer_updated_at_ms,
    }),
    device: {
      id: row.device_id,
      model: toModelDto({
        id: row.model_id,
        model_code: row.model_code,
        marketing_name: row.model_name,
        category: row.category,
        warranty_months: row.model_warranty_months,
        manufacturer_id: row.manufacturer_id,
        manufacturer_code: row.manufacturer_code,
        manufacturer_name: row.manufacturer_name,
        manufacturer_warranty_months: row.manufacturer_warranty_months,
        proof_required: row.proof_required,
      }),
      imei: row.imei,
      serial: row.serial,
      purchaseDate: row.purchase_date,
      proofOfPurchaseRef: row.proof_of_purchase_ref,
      ownerCustomerId: row.owner_customer_id,
    },
    reportedFault: row.reported_fault,
    condition: JSON.parse(row.condition_json) as string[],
    conditionNotes: row.condition_notes,
    accessories: JSON.parse(row.accessories_json) as string[],
    passcodeProvided: row.passcode_provided === 1,
    notes: row.notes,
    warranty: { status: row.warranty_status, reason: row.warranty_reason, endsOn: row.warranty_ends_on, overrideNote: row.warranty_override_note },
    repeatOf: repeatOf ? { id: repeatOf.id, number: repeatOf.number, collectedDate: repeatOf.collected_business_date } : null,
    createdByName: row.creator_name,
    events,
  }
}
