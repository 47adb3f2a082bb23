import { describe, expect, it } from 'vitest'
import { resources } from '../../shared/i18n'
import { supportedLocales } from '../../shared/locales'
import { accessoryCodes, conditionCodes, customerKinds, deviceCategories, ticketStatuses } from '../../shared/tickets'
import { warrantyReasons, warrantyStatuses } from '../../shared/warranty'

// The intake issue's message keys: what its handlers emit, and the display keys the renderer builds
// from vocabulary lists (`ticketStatus.${status}`), which the source scan in i18n-keys cannot see.

function has(tree: object, key: string): boolean {
  const value = key.split('.').reduce<unknown>((node, part) => (node as Record<string, unknown> | undefined)?.[part], tree)
  return typeof value === 'string' && value.trim() !== ''
}

const backendKeys = [
  'validation.date', 'validation.phone', 'validation.email', 'validation.imei', 'validation.serial',
  'validation.customerKind', 'validation.category', 'validation.months', 'validation.days', 'validation.limit',
  'validation.code', 'validation.deviceOrIdentifier', 'validation.imeiOrSerial', 'validation.customerChoice',
  'validation.deviceChoice', 'validation.condition', 'validation.accessories', 'validation.warrantyStatus',
  'validation.status', 'validation.unknownCustomer', 'validation.unknownDevice', 'validation.unknownModel',
  'validation.unknownStaff', 'validation.imeiExists', 'validation.purchaseInFuture', 'validation.purchaseAfterReceived',
  'validation.promisedBeforeReceived', 'errors.manufacturerCodeTaken', 'errors.modelCodeTaken', 'errors.customerNotFound',
  'errors.ticketNotFound', 'errors.manufacturerNotFound', 'errors.ownerOverrideOnly',
]

const displayKeys = [
  ...warrantyStatuses.map((s) => `warranty.status.${s}`),
  ...warrantyReasons.map((r) => `warranty.reasons.${r}`),
  ...ticketStatuses.map((s) => `ticketStatus.${s}`),
  ...conditionCodes.map((c) => `intake.condition.${c}`),
  ...accessoryCodes.map((a) => `intake.accessory.${a}`),
  ...deviceCategories.map((c) => `category.${c}`),
  ...customerKinds.map((k) => `customerKind.${k}`),
]

describe('intake message keys', () => {
  it.each(supportedLocales)('%s has every backend key and every vocabulary display key', (locale) => {
    const missing = [...backendKeys, ...displayKeys].filter((key) => !has(resources[locale].translation, key))
    expect(missing).toEqual([])
  })

  it('states the IMEI rule the way the counter shows it', () => {
    expect(resources.en.translation.validation.imei).toBe('IMEI must be 15 digits with a valid check digit')
  })
})
