import { z } from 'zod'
import { IntakeDeposit } from './payments'
import { conditionCodes, ticketStatuses } from '../tickets'
import { warrantyStatuses } from '../warranty'
import { Id, requiredText, text } from './common'
import { BusinessDate } from './dates'
import { Imei, NewCustomer, PurchaseFacts, Serial } from './catalog'

// Found or new: exactly one of `id` and `new`. Not a zod union, so a bad field inside `new`
// keeps its own path (customer.new.phone) for the form to mark.
const CustomerChoice = z
  .strictObject({ id: Id.optional(), new: NewCustomer.optional() })
  .refine((c) => (c.id === undefined) !== (c.new === undefined), { error: 'validation.customerChoice' })
const NewDevice = z
  .strictObject({
    modelId: Id,
    imei: Imei.optional(),
    serial: Serial.optional(),
  })
  .refine((d) => d.imei !== undefined || d.serial !== undefined, { error: 'validation.imeiOrSerial', path: ['imei'] })
const DeviceChoice = z
  .strictObject({ id: Id.optional(), new: NewDevice.optional(), ...PurchaseFacts })
  .refine((d) => (d.id === undefined) !== (d.new === undefined), { error: 'validation.deviceChoice' })

export const IntakeInput = z.strictObject({
  customer: CustomerChoice,
  /** `purchaseDate`/`proofOfPurchaseRef` beside `id` update a known device (e.g. the invoice turned up). */
  device: DeviceChoice,
  reportedFault: requiredText(1000),
  condition: z.array(z.enum(conditionCodes, { error: 'validation.condition' }), { error: 'validation.condition' }).max(conditionCodes.length).default([]),
  conditionNotes: text(1000).default(''),
  accessories: z.array(requiredText(60), { error: 'validation.accessories' }).max(20, { error: 'validation.accessories' }).default([]),
  passcodeProvided: z.boolean({ error: 'validation.boolean' }).default(false),
  promisedDate: BusinessDate.nullable().default(null),
  notes: text(2000).default(''),
  assignedStaffId: Id.nullable().default(null),
  /** Owner only: overrules the computed warranty status, with a reason kept in the ledger. */
  warrantyOverride: z
    .strictObject({
      status: z.enum(warrantyStatuses.filter((s) => s !== 'void') as ['in_warranty', 'out_of_warranty'], { error: 'validation.warrantyStatus' }),
      note: requiredText(300),
    })
    .optional(),
  /** Paid work only: money taken on account at intake (a deposit). */
  deposit: IntakeDeposit.optional(),
})

export type Intake = z.output<typeof IntakeInput>

export const TicketListInput = z.strictObject({
  statuses: z.array(z.enum(ticketStatuses, { error: 'validation.status' })).max(ticketStatuses.length).default([]),
  warrantyStatus: z.enum(warrantyStatuses, { error: 'validation.warrantyStatus' }).optional(),
  assignedStaffId: Id.optional(),
  overdue: z.boolean({ error: 'validation.boolean' }).default(false),
  beforeId: Id.optional(),
  limit: z.number({ error: 'validation.limit' }).int({ error: 'validation.limit' }).min(1, { error: 'validation.limit' }).max(200, { error: 'validation.limit' }).default(50),
})

export const TicketGetInput = z.strictObject({ id: Id })
