import type { ShopSettingsDto } from '../../../../shared/dto/settings'
import { basisPointsToPercentText, percentTextToBasisPoints } from '../../../../shared/format'
import { DecimalParseError } from '../../../../shared/money'
import type { SettingsUpdate } from '../../../../shared/schemas/settings'

export const textFields = ['shopName', 'address', 'phone', 'taxId', 'receiptHeader', 'receiptFooter'] as const

/** What the form edits: like the DTO, but the tax rate as the percent text being typed. */
export interface SettingsDraft {
  shopName: string
  address: string
  phone: string
  taxId: string
  currency: string
  taxRate: string
  pricesIncludeTax: boolean
  timeZone: string
  locale: string
  receiptHeader: string
  receiptFooter: string
}

export function draftFrom(settings: ShopSettingsDto): SettingsDraft {
  return {
    shopName: settings.shopName,
    address: settings.address,
    phone: settings.phone,
    taxId: settings.taxId,
    currency: settings.currency,
    taxRate: basisPointsToPercentText(settings.taxRateBp),
    pricesIncludeTax: settings.pricesIncludeTax,
    timeZone: settings.timeZone,
    locale: settings.locale,
    receiptHeader: settings.receiptHeader,
    receiptFooter: settings.receiptFooter,
  }
}

export type DraftResult = { ok: true; changes: Partial<SettingsUpdate> } | { ok: false; field: 'taxRateBp'; error: DecimalParseError }

/** Only the fields that differ from what is stored, so settings.update sends nothing else. */
export function changesFrom(original: ShopSettingsDto, draft: SettingsDraft): DraftResult {
  const changes: Partial<SettingsUpdate> = {}
  for (const name of textFields) {
    if (draft[name].trim() !== original[name]) changes[name] = draft[name]
  }
  if (draft.currency !== original.currency) changes.currency = draft.currency
  if (draft.timeZone !== original.timeZone) changes.timeZone = draft.timeZone
  if (draft.locale !== original.locale) changes.locale = draft.locale as SettingsUpdate['locale']
  if (draft.pricesIncludeTax !== original.pricesIncludeTax) changes.pricesIncludeTax = draft.pricesIncludeTax
  try {
    const taxRateBp = percentTextToBasisPoints(draft.taxRate)
    if (taxRateBp !== original.taxRateBp) changes.taxRateBp = taxRateBp
  } catch (error) {
    if (error instanceof DecimalParseError) return { ok: false, field: 'taxRateBp', error }
    throw error
  }
  return { ok: true, changes }
}
