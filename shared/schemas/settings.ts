import { z } from 'zod'
import { CurrencyCode, LocaleSchema, requiredText, TaxRateBp, text, TimeZone } from './common'

export const ShopFields = {
  shopName: requiredText(100),
  address: text(300),
  phone: text(40),
  taxId: text(40),
  currency: CurrencyCode,
  taxRateBp: TaxRateBp,
  pricesIncludeTax: z.boolean({ error: 'validation.boolean' }),
  timeZone: TimeZone,
  locale: LocaleSchema,
  receiptHeader: text(500),
  receiptFooter: text(500),
}

export const SettingsUpdateInput = z
  .strictObject({
    shopName: ShopFields.shopName.optional(),
    address: ShopFields.address.optional(),
    phone: ShopFields.phone.optional(),
    taxId: ShopFields.taxId.optional(),
    currency: ShopFields.currency.optional(),
    taxRateBp: ShopFields.taxRateBp.optional(),
    pricesIncludeTax: ShopFields.pricesIncludeTax.optional(),
    timeZone: ShopFields.timeZone.optional(),
    locale: ShopFields.locale.optional(),
    receiptHeader: ShopFields.receiptHeader.optional(),
    receiptFooter: ShopFields.receiptFooter.optional(),
  })
  .refine((value) => Object.keys(value).length > 0, { error: 'validation.nothingToChange' })

export type SettingsUpdate = z.output<typeof SettingsUpdateInput>
