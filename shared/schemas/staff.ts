import { z } from 'zod'
import { Id, LocaleSchema, Pin, requiredText } from './common'
import { ShopFields } from './settings'

export const StaffRoleSchema = z.enum(['technician', 'owner'], { error: 'validation.role' })
export const StaffName = requiredText(60)

export const SetupCompleteInput = z.strictObject({
  shop: z.strictObject({
    shopName: ShopFields.shopName,
    address: ShopFields.address.default(''),
    phone: ShopFields.phone.default(''),
    currency: ShopFields.currency.default('CNY'),
    timeZone: ShopFields.timeZone,
    locale: ShopFields.locale,
  }),
  owner: z.strictObject({ name: StaffName, pin: Pin }),
})

export const SignInInput = z.strictObject({ staffId: Id, pin: Pin })

export const SetLocaleInput = z.strictObject({ locale: LocaleSchema.nullable() })

export const StaffListInput = z.strictObject({ includeInactive: z.boolean({ error: 'validation.boolean' }).default(false) })

export const StaffCreateInput = z.strictObject({ name: StaffName, role: StaffRoleSchema, pin: Pin })

export const StaffUpdateInput = z
  .strictObject({
    id: Id,
    name: StaffName.optional(),
    role: StaffRoleSchema.optional(),
    pin: Pin.optional(),
    active: z.boolean({ error: 'validation.boolean' }).optional(),
  })
  .refine((value) => Object.keys(value).length > 1, { error: 'validation.nothingToChange' })

export type SetupComplete = z.output<typeof SetupCompleteInput>
export type StaffCreate = z.output<typeof StaffCreateInput>
export type StaffUpdate = z.output<typeof StaffUpdateInput>
