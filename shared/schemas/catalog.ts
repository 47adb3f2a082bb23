import { z } from 'zod'
import { isValidImei, normalizePhone, normalizeSerial } from '../identifiers'
import { customerKinds, deviceCategories } from '../tickets'
import { Id, requiredText, text } from './common'
import { BusinessDate } from './dates'

export const PhoneInput = z
  .string({ error: 'validation.phone' })
  .trim()
  .transform((value, ctx) => {
    const phone = normalizePhone(value)
    if (phone === null) {
      ctx.addIssue({ code: 'custom', message: 'validation.phone' })
      return z.NEVER
    }
    return phone
  })

export const Email = z
  .string({ error: 'validation.email' })
  .trim()
  .max(120, { error: 'validation.tooLong' })
  .refine((v) => v === '' || /^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(v), { error: 'validation.email' })
  .transform((v) => (v === '' ? null : v))

export const Imei = z
  .string({ error: 'validation.imei' })
  .transform((v) => v.replace(/[\s-]/g, ''))
  .refine(isValidImei, { error: 'validation.imei' })

export const Serial = z
  .string({ error: 'validation.serial' })
  .transform(normalizeSerial)
  .refine((v) => v.length >= 3 && v.length <= 40 && /^[A-Z0-9\-/.]+$/.test(v), { error: 'validation.serial' })

export const CustomerKindSchema = z.enum(customerKinds, { error: 'validation.customerKind' })
export const DeviceCategorySchema = z.enum(deviceCategories, { error: 'validation.category' })
export const WarrantyMonths = z.number({ error: 'validation.months' }).int({ error: 'validation.months' }).min(0, { error: 'validation.months' }).max(120, { error: 'validation.months' })
export const DayCount = z.number({ error: 'validation.days' }).int({ error: 'validation.days' }).min(0, { error: 'validation.days' }).max(3650, { error: 'validation.days' })

export const NewCustomer = z.strictObject({
  name: requiredText(80),
  phone: PhoneInput,
  email: Email.optional(),
  kind: CustomerKindSchema.default('consumer'),
  notes: text(1000).default(''),
})

export const CustomerCreateInput = NewCustomer
export const CustomerUpdateInput = z
  .strictObject({
    id: Id,
    name: requiredText(80).optional(),
    phone: PhoneInput.optional(),
    email: Email.optional(),
    kind: CustomerKindSchema.optional(),
    notes: text(1000).optional(),
  })
  .refine((v) => Object.keys(v).length > 1, { error: 'validation.nothingToChange' })

export const SearchInput = z.strictObject({
  query: z.string({ error: 'validation.text' }).max(100, { error: 'validation.tooLong' }),
  limit: z.number({ error: 'validation.limit' }).int({ error: 'validation.limit' }).min(1, { error: 'validation.limit' }).max(100, { error: 'validation.limit' }).default(20),
})

export const ManufacturerCode = z
  .string({ error: 'validation.code' })
  .trim()
  .transform((v) => v.toUpperCase())
  .refine((v) => /^[A-Z0-9_-]{2,12}$/.test(v), { error: 'validation.code' })

export const ManufacturerCreateInput = z.strictObject({
  code: ManufacturerCode,
  name: requiredText(80),
  warrantyMonths: WarrantyMonths,
  proofRequired: z.boolean({ error: 'validation.boolean' }),
  claimWindowDays: DayCount.default(30),
  defectiveReturnDays: DayCount.default(30),
  shopStockForWarranty: z.boolean({ error: 'validation.boolean' }).default(true),
})

export const ManufacturerUpdateInput = z
  .strictObject({
    id: Id,
    name: requiredText(80).optional(),
    warrantyMonths: WarrantyMonths.optional(),
    proofRequired: z.boolean({ error: 'validation.boolean' }).optional(),
    claimWindowDays: DayCount.optional(),
    defectiveReturnDays: DayCount.optional(),
    shopStockForWarranty: z.boolean({ error: 'validation.boolean' }).optional(),
    active: z.boolean({ error: 'validation.boolean' }).optional(),
  })
  .refine((v) => Object.keys(v).length > 1, { error: 'validation.nothingToChange' })

export const ManufacturerListInput = z.strictObject({ includeInactive: z.boolean({ error: 'validation.boolean' }).default(false) })

export const ModelSearchInput = z.strictObject({
  query: z.string({ error: 'validation.text' }).max(100, { error: 'validation.tooLong' }).default(''),
  manufacturerId: Id.optional(),
  limit: z.number({ error: 'validation.limit' }).int({ error: 'validation.limit' }).min(1, { error: 'validation.limit' }).max(200, { error: 'validation.limit' }).default(30),
})

export const ModelCreateInput = z.strictObject({
  manufacturerId: Id,
  modelCode: requiredText(40),
  marketingName: requiredText(80),
  category: DeviceCategorySchema,
  warrantyMonths: WarrantyMonths.nullable().default(null),
})

export const DeviceHistoryInput = z
  .strictObject({
    deviceId: Id.optional(),
    /** What a scanner typed: an IMEI or a serial number. */
    identifier: z.string({ error: 'validation.text' }).trim().min(1, { error: 'validation.required' }).max(40, { error: 'validation.tooLong' }).optional(),
  })
  .refine((v) => (v.deviceId === undefined) !== (v.identifier === undefined), { error: 'validation.deviceOrIdentifier' })

export const PurchaseFacts = {
  purchaseDate: BusinessDate.nullable().optional(),
  proofOfPurchaseRef: text(60).optional(),
}
