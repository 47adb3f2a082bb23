import { readdirSync, readFileSync, statSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { channelNames } from '../../shared/channel-names'
import { resources } from '../../shared/i18n'
import { supportedLocales } from '../../shared/locales'

// Every key the backend or the renderer can ask for must exist in both languages.

function flatten(tree: object, prefix = ''): string[] {
  return Object.entries(tree).flatMap(([key, value]) =>
    typeof value === 'string' ? [`${prefix}${key}`] : flatten(value as object, `${prefix}${key}.`),
  )
}

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name)
    if (statSync(path).isDirectory()) return sourceFiles(path)
    return /\.tsx?$/.test(name) ? [path] : []
  })
}

const en = flatten(resources.en.translation)
const zh = flatten(resources['zh-CN'].translation)
const rendererRoot = join(import.meta.dirname, '../../renderer/src')

const backendKeys = [
  'validation.text', 'validation.tooLong', 'validation.tooShort', 'validation.required', 'validation.id',
  'validation.pin', 'validation.locale', 'validation.currency', 'validation.timeZone', 'validation.taxRate',
  'validation.role', 'validation.boolean', 'validation.nothingToChange', 'validation.unknownField',
  'validation.invalidType', 'validation.invalid', 'validation.invalidJson', 'errors.invalidInput',
  'errors.unauthenticated', 'errors.forbidden', 'errors.foreignSender', 'errors.notFound', 'errors.unknownChannel',
  'errors.internal', 'errors.payloadTooLarge', 'errors.badToken', 'errors.badOrigin', 'errors.setupAlreadyComplete',
  'errors.setupRequired', 'errors.wrongPin', 'errors.pinLocked', 'errors.staffInactive', 'errors.staffNotFound',
  'errors.staffNameTaken', 'errors.lastOwner', 'errors.network',
]

describe('i18n resources', () => {
  it('has exactly the same keys in en and zh-CN', () => {
    expect([...zh].sort()).toEqual([...en].sort())
    expect(Object.keys(resources).sort()).toEqual([...supportedLocales].sort())
  })

  it('has no empty text', () => {
    for (const locale of supportedLocales) {
      const walk = (tree: object, path: string): void => {
        for (const [key, value] of Object.entries(tree)) {
          if (typeof value === 'string') expect(value.trim(), `${locale} ${path}${key}`).not.toBe('')
          else walk(value as object, `${path}${key}.`)
        }
      }
      walk(resources[locale].translation, '')
    }
  })

  it('uses the same {{params}} in both languages', () => {
    const params = (text: string) => [...text.matchAll(/\{\{(\w+)\}\}/g)].map((m) => m[1]).sort()
    const lookup = (tree: object, key: string) => key.split('.').reduce<unknown>((node, part) => (node as Record<string, unknown>)[part], tree) as string
    for (const key of en) {
      expect(params(lookup(resources['zh-CN'].translation, key)), key).toEqual(params(lookup(resources.en.translation, key)))
    }
  })

  it('covers every message key the backend emits, with its params', () => {
    for (const key of backendKeys) expect(en, key).toContain(key)
    expect(resources.en.translation.errors.pinLocked).toContain('{{retryAfterSeconds}}')
    expect(resources.en.translation.validation.tooLong).toContain('{{maximum}}')
    expect(resources.en.translation.errors.unknownChannel).toContain('{{channel}}')
  })

  it('has every key the renderer source uses', () => {
    const namespaces = Object.keys(resources.en.translation).join('|')
    // t('a.b') calls, plus any quoted 'namespace.key' literal (key maps, fallbacks) that is not a
    // channel name such as 'settings.get'.
    const tCall = /\bt\(\s*['"`]([^'"`$]+)['"`]/g
    const keyLiteral = new RegExp(`['"\`]((?:${namespaces})\\.[\\w.-]+)['"\`]`, 'g')
    const channels = new Set<string>(channelNames)
    const used = new Set<string>()
    for (const file of sourceFiles(rendererRoot)) {
      const source = readFileSync(file, 'utf8')
      for (const match of source.matchAll(tCall)) used.add(match[1]!)
      for (const match of source.matchAll(keyLiteral)) if (!channels.has(match[1]!)) used.add(match[1]!)
    }
    expect(used.size).toBeGreaterThan(50)
    const missing = [...used].filter((key) => !en.includes(key))
    expect(missing).toEqual([])
  })

  it('has every templated key the renderer builds (nav, roles, language)', () => {
    for (const route of ['counter', 'tickets', 'parts', 'payments', 'reports', 'claims', 'settings']) expect(en).toContain(`nav.${route}`)
    for (const role of ['owner', 'technician']) expect(en).toContain(`roles.${role}`)
    for (const locale of supportedLocales) expect(en).toContain(`language.${locale}`)
  })
})
