import type { Transaction } from 'kysely'
import { addDaysToDate } from '../../../shared/dates'
import type { Intake } from '../../../shared/schemas/tickets'
import { repeatRepairWindowDays } from '../../../shared/tickets'
import { assessWarranty } from '../../../shared/warranty'
import { appendAudit } from '../../../db/ledger/audit'
import { findModel } from '../../../db/ledger/catalog'
import { findCustomer, insertCustomer } from '../../../db/ledger/customers'
import { findDevice, findDeviceByImei, insertDevice, updateDeviceFacts } from '../../../db/ledger/devices'
import { findStaff, type StaffRow } from '../../../db/ledger/staff'
import { loadTicketDetail } from '../../../db/ledger/ticket-detail'
import { nextTicketNumber } from '../../../db/ledger/ticket-numbers'
import { appendTicketEvent, lastCollectedSince } from '../../../db/ledger/tickets'
import type { DB } from '../../../db/schema'
import { signedIn, type Handler, type HandlerContext } from '../context'
import { fieldError } from './field-error'
import { takePayment } from './payments'
import { ticketOrFail } from './transition'
import { shopDay } from './shop-day'

/**
 * Takes a device in: customer (found or new), device (found or new), the ticket with its warranty
 * decision and repeat-repair link, its first event and the audit rows — one transaction, so a
 * refused intake leaves nothing behind.
 */
export const intakeHandler: Handler<'tickets.intake'> = async (input, ctx) => {
  const staff = signedIn(ctx)
  if (input.warrantyOverride && staff.role !== 'owner') throw fieldError(['warrantyOverride'], 'errors.ownerOverrideOnly', 'FORBIDDEN')
  const { ticketId, today } = await ctx.write((trx) => takeIn(trx, input, staff, ctx))
  const detail = await loadTicketDetail(ctx.db, ticketId, today)
  if (!detail) throw new Error(`ticket ${ticketId} vanished after intake`)
  return detail
}

async function takeIn(trx: Transaction<DB>, input: Intake, staff: StaffRow, ctx: HandlerContext) {
  const now = ctx.nowMs
  const { today } = await shopDay(trx, now)
  const audit = (action: string, entity: string, entityId: number, details: Record<string, unknown>) =>
    appendAudit(trx, { atMs: now, staffId: staff.id, action, entity, entityId, details })

  if (input.promisedDate !== null && input.promisedDate < today) throw fieldError(['promisedDate'], 'validation.promisedBeforeReceived')
  if (input.device.purchaseDate && input.device.purchaseDate > today) throw fieldError(['device', 'purchaseDate'], 'validation.purchaseInFuture')
  if (input.assignedStaffId !== null) {
    const assignee = await findStaff(trx, input.assignedStaffId)
    if (!assignee || assignee.active !== 1) throw fieldError(['assignedStaffId'], 'validation.unknownStaff')
  }

  const customerId = await resolveCustomer(trx, input.customer, audit, now)
  const device = await resolveDevice(trx, input.device, customerId, audit, now)
  const model = await findModel(trx, device.model_id)
  if (!model) throw new Error(`device ${device.id} has no model`)

  const assessment = assessWarranty(
    { warrantyMonths: model.effectiveWarrantyMonths, proofRequired: model.manufacturer.proofRequired },
    { purchaseDate: device.purchase_date, proofOfPurchaseRef: device.proof_of_purchase_ref, receivedDate: today },
  )
  const override = input.warrantyOverride
  const repeatOf = await lastCollectedSince(trx, device.id, addDaysToDate(today, -repeatRepairWindowDays))
  const number = await nextTicketNumber(trx, today)

  const ticket = await trx
    .insertInto('tickets')
    .values({
      number,
      customer_id: customerId,
      device_id: device.id,
      received_at_ms: now,
      received_business_date: today,
      reported_fault: input.reportedFault,
      condition_json: JSON.stringify(input.condition),
      condition_notes: input.conditionNotes,
      accessories_json: JSON.stringify(input.accessories),
      passcode_provided: input.passcodeProvided ? 1 : 0,
      promised_date: input.promisedDate,
      assigned_staff_id: input.assignedStaffId,
      warranty_status: override?.status ?? assessment.status,
      warranty_reason: override ? 'owner_override' : assessment.reason,
      warranty_ends_on: assessment.endsOn,
      warranty_override_note: override?.note ?? null,
      status: 'received',
      repeat_of_ticket_id: repeatOf?.id ?? null,
      notes: input.notes,
      created_by_staff_id: staff.id,
      updated_at_ms: now,
    })
    .returning('id')
    .executeTakeFirstOrThrow()

  const facts = { number, warranty: assessment, ...(override && { override }), repeatOf: repeatOf ? { id: repeatOf.id, number: repeatOf.number } : null }
  await appendTicketEvent(trx, { ticketId: ticket.id, atMs: now, staffId: staff.id, kind: 'intake', fromStatus: null, toStatus: 'received', data: facts })
  await audit('tickets.intake', 'ticket', ticket.id, { ...facts, customerId, deviceId: device.id })
  if (input.deposit) {
    // Warranty work costs the customer nothing: refuse a deposit before writing anything.
    const row = await ticketOrFail(trx, ticket.id)
    if (row.warranty_status === 'in_warranty') throw fieldError(['deposit'], 'errors.paymentOnWarranty', 'CONFLICT')
    await takePayment(trx, ctx, row, input.deposit, ['deposit'])
  }
  return { ticketId: ticket.id, today }
}

type Audit = (action: string, entity: string, entityId: number, details: Record<string, unknown>) => Promise<void>

async function resolveCustomer(trx: Transaction<DB>, choice: Intake['customer'], audit: Audit, now: number): Promise<number> {
  if (choice.new) {
    const created = await insertCustomer(trx, choice.new, now)
    await audit('customers.create', 'customer', created.id, choice.new)
    return created.id
  }
  const id = choice.id as number
  if (!(await findCustomer(trx, id))) throw fieldError(['customer', 'id'], 'validation.unknownCustomer')
  return id
}

async function resolveDevice(trx: Transaction<DB>, choice: Intake['device'], customerId: number, audit: Audit, now: number) {
  if (choice.new) {
    const fresh = choice.new
    if (!(await findModel(trx, fresh.modelId))) throw fieldError(['device', 'new', 'modelId'], 'validation.unknownModel')
    if (fresh.imei && (await findDeviceByImei(trx, fresh.imei))) throw fieldError(['device', 'new', 'imei'], 'validation.imeiExists', 'CONFLICT')
    const created = await insertDevice(
      trx,
      {
        modelId: fresh.modelId,
        imei: fresh.imei ?? null,
        serial: fresh.serial ?? null,
        purchaseDate: choice.purchaseDate ?? null,
        proofOfPurchaseRef: choice.proofOfPurchaseRef || null,
        ownerCustomerId: customerId,
      },
      now,
    )
    await audit('devices.create', 'device', created.id, { ...fresh, purchaseDate: created.purchase_date, proofOfPurchaseRef: created.proof_of_purchase_ref })
    return created
  }
  const existing = await findDevice(trx, choice.id as number)
  if (!existing) throw fieldError(['device', 'id'], 'validation.unknownDevice')
  const facts = {
    ...(choice.purchaseDate !== undefined && choice.purchaseDate !== existing.purchase_date && { purchaseDate: choice.purchaseDate }),
    ...(choice.proofOfPurchaseRef !== undefined && (choice.proofOfPurchaseRef || null) !== existing.proof_of_purchase_ref && { proofOfPurchaseRef: choice.proofOfPurchaseRef || null }),
    ...(existing.owner_customer_id === null && { ownerCustomerId: customerId }),
  }
  if (Object.keys(facts).length === 0) return existing
  const updated = await updateDeviceFacts(trx, existing.id, facts, now)
  await audit('devices.update', 'device', existing.id, { before: { purchaseDate: existing.purchase_date, proofOfPurchaseRef: existing.proof_of_purchase_ref }, changes: facts })
  return updated
}
