import { describe, expect, it } from 'vitest'
import { resources } from '../../shared/i18n'
import { enReports } from '../../shared/i18n/en-reports'
import { zhCNReports } from '../../shared/i18n/zh-CN-reports'
import { supportedLocales } from '../../shared/locales'
import { paymentMethods } from '../../shared/payments'
import { openTicketStatuses } from '../../shared/tickets'
import { warrantyStatuses } from '../../shared/warranty'
import { repairTiers } from '../../shared/repair'

// The reports screens' text: both languages have the same keys, and every key the screens build
// from vocabulary lists (`payments.method.${method}`), which the source scan in i18n-keys cannot see.

function lookup(tree: object, key: string): unknown {
  return key.split('.').reduce<unknown>((node, part) => (node as Record<string, unknown> | undefined)?.[part], tree)
}

function flatten(tree: object, prefix = ''): string[] {
  return Object.entries(tree).flatMap(([key, value]) => (typeof value === 'string' ? [`${prefix}${key}`] : flatten(value as object, `${prefix}${key}.`)))
}

const displayKeys = [
  ...paymentMethods.map((method) => `payments.method.${method}`),
  ...['daily', 'period'].map((section) => `reports.section.${section}`),
  ...openTicketStatuses.map((status) => `ticketStatus.${status}`),
  ...warrantyStatuses.map((status) => `warranty.status.${status}`),
  ...repairTiers.map((tier) => `repair.tier.${tier}`),
  ...['labour', 'parts', 'fees', 'total', 'tax', 'net', 'partsCost', 'grossMargin'].map((figure) => `reports.revenue.${figure}`),
  'validation.rangeReversed',
  'validation.rangeTooLong',
  'validation.date',
]

describe('reports message keys', () => {
  it('has the same keys in the English and Chinese reports text', () => {
    expect(flatten(zhCNReports).sort()).toEqual(flatten(enReports).sort())
  })

  it.each(supportedLocales)('%s has every payment method, section and vocabulary key the reports build', (locale) => {
    const missing = displayKeys.filter((key) => {
      const value = lookup(resources[locale].translation, key)
      return typeof value !== 'string' || value.trim() === ''
    })
    expect(missing).toEqual([])
  })

  it('names the currency in every money header of a CSV file, in both languages', () => {
    for (const locale of supportedLocales) {
      expect(lookup(resources[locale].translation, 'reports.csv.inCurrency')).toContain('{{currency}}')
      expect(lookup(resources[locale].translation, 'reports.csv.inCurrency')).toContain('{{label}}')
    }
  })
})
