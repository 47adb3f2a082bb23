import { z } from 'zod'
import { claimExportFields, claimExportFormats, claimStatuses, requirableClaimFields } from '../claims'
import { repairTiers } from '../repair'
import { DayCount, PhoneInput } from './catalog'
import { Id, requiredText, text } from './common'
import { BusinessDate } from './dates'
import { SyncToken, SyncUrl } from './claim-outcomes'
import { AmountMinor } from './workflow'

// Inputs of the claim channels and of a manufacturer's claim rules. The export profile and the
// required-field list are also parsed with these when read back from the ledger.

/** Index of the first repeated value, or -1. */
function firstRepeat<T>(values: readonly T[]): number {
  return values.findIndex((v, i) => values.indexOf(v) !== i)
}

export const RequiredClaimFields = z
  .array(z.enum(requirableClaimFields, { error: 'validation.claimField' }), { error: 'validation.claimField' })
  .max(requirableClaimFields.length, { error: 'validation.claimField' })
  .superRefine((fields, ctx) => {
    const at = firstRepeat(fields)
    if (at >= 0) ctx.addIssue({ code: 'custom', message: 'validation.claimFieldRepeated', path: [at] })
  })

export const ExportProfileSchema = z
  .strictObject({
    formats: z
      .array(z.enum(claimExportFormats, { error: 'validation.exportFormat' }), { error: 'validation.exportFormat' })
      .min(1, { error: 'validation.exportFormat' })
      .max(claimExportFormats.length, { error: 'validation.exportFormat' }),
    csvBom: z.boolean({ error: 'validation.boolean' }).default(false),
    columns: z
      .array(
        z.strictObject({
          field: z.enum(claimExportFields, { error: 'validation.exportField' }),
          header: requiredText(60),
        }),
        { error: 'validation.exportColumns' },
      )
      .min(1, { error: 'validation.exportColumns' })
      .max(claimExportFields.length, { error: 'validation.exportColumns' }),
  })
  .superRefine((profile, ctx) => {
    const format = firstRepeat(profile.formats)
    if (format >= 0) ctx.addIssue({ code: 'custom', message: 'validation.exportFormatRepeated', path: ['formats', format] })
    const field = firstRepeat(profile.columns.map((c) => c.field))
    if (field >= 0) ctx.addIssue({ code: 'custom', message: 'validation.exportFieldRepeated', path: ['columns', field, 'field'] })
    // Headers name CSV columns and JSON keys: two alike would make the file ambiguous.
    const header = firstRepeat(profile.columns.map((c) => c.header.toLowerCase()))
    if (header >= 0) ctx.addIssue({ code: 'custom', message: 'validation.exportHeaderRepeated', path: ['columns', header, 'header'] })
  })

/** Basis points of markup on shop-stock parts: 0–100 % (1500 = 15 %). */
const MarkupBp = z
  .number({ error: 'validation.markup' })
  .int({ error: 'validation.markup' })
  .min(0, { error: 'validation.markup' })
  .max(10_000, { error: 'validation.markup' })

const LabourRate = AmountMinor.nullable()

export const ClaimRulesGetInput = z.strictObject({ manufacturerId: Id })

export const ClaimRulesUpdateInput = z
  .strictObject({
    manufacturerId: Id,
    /** null clears a tier's rate (its claims then fail validation until it is set). */
    labourRates: z.strictObject({ L1: LabourRate.optional(), L2: LabourRate.optional(), L3: LabourRate.optional() }).optional(),
    partsMarkupBp: MarkupBp.optional(),
    claimWindowDays: DayCount.optional(),
    defectiveReturnDays: DayCount.optional(),
    requiredFields: RequiredClaimFields.optional(),
    exportProfile: ExportProfileSchema.optional(),
    /** null: the manufacturer takes files only. */
    syncUrl: SyncUrl.nullable().optional(),
    /** Write-only; null forgets the stored token. */
    syncToken: SyncToken.nullable().optional(),
  })
  .refine((v) => Object.keys(v).length > 1, { error: 'validation.nothingToChange' })

export const ClaimListInput = z.strictObject({
  statuses: z.array(z.enum(claimStatuses, { error: 'validation.claimStatus' })).max(claimStatuses.length).default([]),
  manufacturerId: Id.optional(),
  beforeId: Id.optional(),
  limit: z.number({ error: 'validation.limit' }).int({ error: 'validation.limit' }).min(1, { error: 'validation.limit' }).max(200, { error: 'validation.limit' }).default(50),
})

export const ClaimGetInput = z.strictObject({ id: Id })

/**
 * A claim's IMEI as typed: 15 digits. The check digit is left to validation on purpose, so a
 * draft can hold what the clerk typed and validation names the problem with the rest.
 */
const ClaimImei = z
  .string({ error: 'validation.claimImei' })
  .transform((v) => v.replace(/[\s-]/g, ''))
  .refine((v) => /^\d{15}$/.test(v), { error: 'validation.claimImei' })

const ClaimSerial = z
  .string({ error: 'validation.serial' })
  .transform((v) => v.replace(/\s+/g, '').toUpperCase())
  .refine((v) => /^[A-Z0-9\-/.]{3,40}$/.test(v), { error: 'validation.serial' })

const ClaimFaultCode = z.string({ error: 'validation.faultCode' }).trim().max(20, { error: 'validation.faultCode' })

/** The customer's phone on the claim; '' when the customer gave none. */
const ClaimPhone = z.union([z.literal(''), PhoneInput], { error: 'validation.phone' })

export const ClaimUpdateInput = z
  .strictObject({
    id: Id,
    modelId: Id.optional(),
    /** null clears the field. */
    imei: ClaimImei.nullable().optional(),
    serial: ClaimSerial.nullable().optional(),
    purchaseDate: BusinessDate.nullable().optional(),
    proofOfPurchaseRef: text(60).optional(),
    customerName: requiredText(80).optional(),
    customerPhone: ClaimPhone.optional(),
    receivedDate: BusinessDate.optional(),
    repairStartedDate: BusinessDate.optional(),
    completedDate: BusinessDate.optional(),
    /** Codes the manufacturer does not use may be left empty (''), unless it requires fault codes. */
    faultCodes: z
      .strictObject({ condition: ClaimFaultCode.optional(), symptom: ClaimFaultCode.optional(), defect: ClaimFaultCode.optional(), repair: ClaimFaultCode.optional() })
      .optional(),
    repairTier: z.enum(repairTiers, { error: 'validation.repairTier' }).optional(),
    technicianId: Id.optional(),
    /** Part numbers and serials of the parts lines, by the line's stock movement (the part used on the ticket). */
    parts: z
      .array(
        z.strictObject({
          movementId: Id,
          partNumber: requiredText(60).optional(),
          oldSerial: ClaimSerial.nullable().optional(),
          newSerial: ClaimSerial.nullable().optional(),
        }),
        { error: 'validation.claimParts' },
      )
      .max(100, { error: 'validation.claimParts' })
      .optional(),
    /** Why the claim was changed: kept with the edit in the claim's history. */
    note: text(500).default(''),
  })
  // A note alone is enough to resubmit a rejected claim unchanged (the manufacturer was wrong).
  .refine((v) => v.note !== '' || Object.keys(v).some((k) => k !== 'id' && k !== 'note'), { error: 'validation.nothingToChange' })

export const ClaimValidateInput = z.strictObject({ id: Id })
