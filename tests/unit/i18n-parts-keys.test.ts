import { describe, expect, it } from 'vitest'
import { resources } from '../../shared/i18n'
import { enParts } from '../../shared/i18n/en-parts'
import { enStockErrors, enStockValidation } from '../../shared/i18n/en-stock'
import { zhCNParts } from '../../shared/i18n/zh-CN-parts'
import { supportedLocales } from '../../shared/locales'
import { stockMovementKinds } from '../../shared/stock'

// The parts-and-stock issue's message keys: the refusals its handlers emit, and the display keys
// the renderer builds from vocabulary lists (`stock.kind.${kind}`), which the source scan in
// i18n-keys cannot see.

function lookup(tree: object, key: string): unknown {
  return key.split('.').reduce<unknown>((node, part) => (node as Record<string, unknown> | undefined)?.[part], tree)
}

function has(tree: object, key: string): boolean {
  const value = lookup(tree, key)
  return typeof value === 'string' && value.trim() !== ''
}

function flatten(tree: object, prefix = ''): string[] {
  return Object.entries(tree).flatMap(([key, value]) => (typeof value === 'string' ? [`${prefix}${key}`] : flatten(value as object, `${prefix}${key}.`)))
}

const backendKeys = [...Object.keys(enStockErrors).map((k) => `errors.${k}`), ...Object.keys(enStockValidation).map((k) => `validation.${k}`)]

const stockActions = ['adjust', 'transfer', 'scrap']
const displayKeys = [
  ...stockMovementKinds.map((kind) => `stock.kind.${kind}`),
  ...['shop', 'defective', 'consigned', 'consignedUnnamed'].map((pool) => `stockPool.${pool}`),
  ...['list', 'receive', 'stocktake', 'rma'].map((section) => `parts.section.${section}`),
  ...['edit', ...stockActions].map((action) => `parts.action.${action}`),
  ...['actionTitle', 'actionHint', 'submit', 'done'].flatMap((group) => stockActions.map((action) => `parts.${group}.${action}`)),
]

describe('parts and stock message keys', () => {
  it('has the same keys in the English and Chinese parts text', () => {
    expect(flatten(zhCNParts).sort()).toEqual(flatten(enParts).sort())
  })

  it.each(supportedLocales)('%s has every stock refusal and every vocabulary display key', (locale) => {
    const missing = [...backendKeys, ...displayKeys].filter((key) => !has(resources[locale].translation, key))
    expect(missing).toEqual([])
  })

  it('names the manufacturer of a consigned pool in both languages', () => {
    for (const locale of supportedLocales) expect(lookup(resources[locale].translation, 'stockPool.consigned')).toContain('{{manufacturer}}')
  })
})
