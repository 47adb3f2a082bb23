import { z } from 'zod'
import { contactChannels, decisionChannels, estimateLineKinds, faultCodeKinds, repairTiers, testResults, voidReasons } from '../repair'
import { Id, Pin, requiredText, text } from './common'

const TicketRef = { id: Id }

/** An owner's PIN typed at the counter to approve one action (a refund, an unpaid hand-back). */
export const OwnerApproval = z.strictObject({ staffId: Id, pin: Pin })
const Note = text(1000).default('')

/** Amounts in integer minor units: no floats, no fractions of a cent, never negative here. */
export const AmountMinor = z
  .number({ error: 'validation.amount' })
  .int({ error: 'validation.amountFraction' })
  .min(0, { error: 'validation.amountNegative' })
  .max(100_000_000_00, { error: 'validation.amountTooLarge' })

export const StartDiagnosisInput = z.strictObject({ ...TicketRef, note: Note })

const FaultCode = z.string({ error: 'validation.faultCode' }).trim().min(1, { error: 'validation.faultCode' }).max(20, { error: 'validation.faultCode' })

export const DiagnoseInput = z
  .strictObject({
    ...TicketRef,
    findings: requiredText(2000),
    faultCodes: z.strictObject({
      condition: FaultCode,
      symptom: FaultCode,
      defect: FaultCode,
      repair: FaultCode,
    }),
    repairTier: z.enum(repairTiers, { error: 'validation.repairTier' }),
    /** Warranty tickets only: confirm the warranty, or void it (which makes the work paid). */
    warranty: z
      .strictObject({
        decision: z.enum(['confirm', 'void'], { error: 'validation.warrantyDecision' }),
        voidReason: z.enum(voidReasons, { error: 'validation.voidReason' }).optional(),
        note: text(500).default(''),
      })
      .refine((w) => (w.decision === 'void') === (w.voidReason !== undefined), { error: 'validation.voidReason', path: ['voidReason'] })
      .optional(),
  })

export const EstimateLine = z
  .strictObject({
    kind: z.enum(estimateLineKinds, { error: 'validation.lineKind' }),
    description: requiredText(200),
    quantity: z.number({ error: 'validation.quantity' }).int({ error: 'validation.quantity' }).min(1, { error: 'validation.quantity' }).max(999, { error: 'validation.quantity' }),
    unitPriceMinor: AmountMinor,
    /** A part line may name the catalogue part it quotes (its price is the catalogue's, editable). */
    partId: Id.optional(),
  })
  .refine((line) => line.partId === undefined || line.kind === 'part', { error: 'validation.partLineKind', path: ['partId'] })

export const EstimateInput = z.strictObject({
  ...TicketRef,
  lines: z.array(EstimateLine, { error: 'validation.lines' }).min(1, { error: 'validation.lines' }).max(50, { error: 'validation.lines' }),
  note: Note,
})

export const DecideInput = z.strictObject({
  ...TicketRef,
  decision: z.enum(['approved', 'declined'], { error: 'validation.decision' }),
  via: z.enum(decisionChannels, { error: 'validation.decisionVia' }),
  /** Declined only: a diagnosis fee the customer pays for the unrepaired device. */
  diagnosisFeeMinor: AmountMinor.optional(),
  note: Note,
})

export const StartRepairInput = z.strictObject({ ...TicketRef, note: Note })

export const CompleteInput = z.strictObject({
  ...TicketRef,
  workDone: requiredText(2000),
  testResult: z.enum(testResults, { error: 'validation.testResult' }),
  note: Note,
})

export const MarkReadyInput = z.strictObject({
  ...TicketRef,
  contactedVia: z.enum(contactChannels, { error: 'validation.contactVia' }),
  note: Note,
})

export const CollectInput = z.strictObject({
  ...TicketRef,
  collectedBy: requiredText(80),
  note: Note,
  /** Paid work with money still owed goes only with an owner's approval and a reason. */
  override: z.strictObject({ reason: requiredText(300), approval: OwnerApproval }).optional(),
})

export const CancelInput = z.strictObject({ ...TicketRef, reason: requiredText(500) })

export const AddNoteInput = z.strictObject({ ...TicketRef, note: requiredText(2000) })

export const AssignInput = z.strictObject({ ...TicketRef, staffId: Id.nullable(), note: Note })

export const BoardInput = z.strictObject({
  /** Whose queue to show; default the signed-in staff member. */
  staffId: Id.optional(),
})

export const FaultCodeListInput = z.strictObject({ manufacturerId: Id, includeInactive: z.boolean({ error: 'validation.boolean' }).default(false) })

export const FaultCodeUpsertInput = z.strictObject({
  manufacturerId: Id,
  kind: z.enum(faultCodeKinds, { error: 'validation.faultCodeKind' }),
  code: z.string({ error: 'validation.faultCode' }).trim().regex(/^[A-Za-z0-9_-]{1,20}$/, { error: 'validation.faultCode' }),
  description: requiredText(200),
  active: z.boolean({ error: 'validation.boolean' }).default(true),
})
