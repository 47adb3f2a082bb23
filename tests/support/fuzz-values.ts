import fc from 'fast-check'
import type { z } from 'zod'

// Adversarial values and mutations for the boundary fuzzer (tests/integration/fuzz-boundary.test.ts):
// wrong types, huge and strange strings, edge numbers, prototype-pollution keys, deep nesting, and
// mutations of a valid input so the fuzzer gets past the first field to the handler.

export const oneMegabyte = 'x'.repeat(1024 * 1024)
const megabyteOfEmoji = '😀'.repeat(256 * 1024)
const megabyteOfCombining = 'e' + '\u0301'.repeat(1024 * 1024)

/** Strings that break naive code: control characters, lone surrogates, bidi marks, FTS and SQL syntax, look-alike digits. */
export const nastyStrings: readonly string[] = [
  '',
  ' ',
  '\t\n\r ',
  'a',
  'a\u0000b',
  '\u0000',
  '\uD800',
  '\uDC00x',
  'a\uD83D',
  '\uFFFF\uFFFE',
  '\uFEFFabc',
  '\u202Eevil\u202C',
  '\u200F\u200E\u061C',
  '\u200B\u200C\u200D',
  '👨‍👩‍👧‍👦',
  '🇨🇳🏳️‍🌈',
  'e\u0301\u0302\u0303\u0304\u0305\u0306\u0307\u0308',
  'Z̴̧̛̙͎̈́͊a̸̛͚̗̓l̵̰̿g̷̣̈́o̷̙̾',
  '好修通讯',
  '١٢٣٤٥٦',
  '１３８００１３８０００',
  '𝟏𝟑𝟖𝟎𝟎𝟏𝟑𝟖𝟎𝟎𝟎',
  '"',
  "'",
  '\\',
  '"*',
  '*',
  '^',
  '-',
  'NEAR(a b)',
  'a OR b AND NOT c',
  'col:val',
  '"unterminated',
  '(((',
  "' OR 1=1 --",
  "'); DROP TABLE tickets; --",
  '%',
  '_',
  '%s%n%x',
  '${process.exit()}',
  '{{constructor}}',
  '<script>alert(1)</script>',
  '../../../../etc/passwd',
  'C:\\Windows\\System32',
  '\\\\server\\share',
  '/',
  '__proto__',
  'constructor',
  'prototype',
  'toString',
  'hasOwnProperty',
  'NaN',
  'Infinity',
  '-0',
  '1e309',
  '0x10',
  '1',
  '-1',
  'true',
  'null',
  'undefined',
  '2026-02-30',
  '2026-11-27',
  '0000-00-00',
  '9999-12-31',
  '2999-12-31',
  '1900-01-01',
  '2028-02-29',
  '1970-01-01',
  '2026-11-27T00:00:00Z',
  '+8613800138000',
  '490154203237518',
  '9'.repeat(400),
  'a'.repeat(61),
  'a'.repeat(1001),
  'a'.repeat(5000),
  ' '.repeat(10_000),
  '😀'.repeat(5000),
  oneMegabyte,
  megabyteOfEmoji,
  megabyteOfCombining,
]

/** Short strings that survive trim and most length limits, to reach the handler and the database. */
export const shortNastyStrings: readonly string[] = nastyStrings.filter((s) => s.length > 0 && s.length <= 60 && s.trim() !== '')

export const nastyNumbers: readonly number[] = [
  0,
  -0,
  1,
  -1,
  2,
  0.5,
  -0.5,
  1.0000000001,
  NaN,
  Infinity,
  -Infinity,
  Number.MAX_SAFE_INTEGER,
  Number.MAX_SAFE_INTEGER + 1,
  Number.MIN_SAFE_INTEGER,
  Number.MAX_VALUE,
  -Number.MAX_VALUE,
  Number.MIN_VALUE,
  Number.EPSILON,
  2 ** 31,
  2 ** 31 - 1,
  -(2 ** 31),
  2 ** 32,
  2 ** 53,
  2 ** 63,
  1e21,
  1e308,
  99_999,
  100_000,
  100_000_000_00,
  100_000_000_01,
  999,
  1000,
  5000,
  5001,
  3650,
  10_000,
]

/** Own keys that poison naive object handling; built with JSON.parse so they are real own keys. */
export const protoKeys = ['__proto__', 'constructor', 'prototype'] as const
export const extraKeys: readonly string[] = [...protoKeys, 'toString', 'valueOf', 'hasOwnProperty', 'extra', 'id', '', ' ', '\u0000', '😀', 'a'.repeat(1000)]

function deepObject(depth: number): unknown {
  let value: unknown = 'bottom'
  for (let i = 0; i < depth; i++) value = { a: value }
  return value
}

function deepArray(depth: number): unknown {
  let value: unknown = []
  for (let i = 0; i < depth; i++) value = [value]
  return value
}

/** Values of the wrong shape: objects and things no JSON transport sends but IPC's structured clone can. */
function specialValues(): unknown[] {
  const nullProto = Object.create(null) as Record<string, unknown>
  nullProto.id = 1
  return [
    {},
    [],
    [[]],
    [{}],
    [1, 2, 3],
    new Array(5000).fill(1),
    JSON.parse('{"__proto__":{"polluted":"yes","role":"owner"}}'),
    JSON.parse('{"constructor":{"prototype":{"polluted":"yes"}}}'),
    JSON.parse('{"prototype":{"polluted":"yes"}}'),
    JSON.parse('{"__proto__":null}'),
    JSON.parse('{"__proto__":[]}'),
    JSON.parse('{"id":1,"__proto__":{"id":2}}'),
    deepObject(2000),
    deepArray(2000),
    nullProto,
    new Date(0),
    new Date(NaN),
    10n,
    new Map([['id', 1]]),
    new Set([1]),
    new Uint8Array([1, 2, 3]),
    /regex/,
  ]
}

const specials = specialValues()

/** A JSON-compatible (or IPC-compatible) value of any shape, biased towards the nasty ones. */
export const nastyValue: fc.Arbitrary<unknown> = fc.oneof(
  { weight: 4, arbitrary: fc.constantFrom(...nastyStrings) },
  { weight: 4, arbitrary: fc.constantFrom(...nastyNumbers) },
  { weight: 2, arbitrary: fc.constantFrom<unknown>(null, undefined, true, false) },
  { weight: 3, arbitrary: fc.constantFrom(...specials) },
  { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 40 }) },
  { weight: 1, arbitrary: fc.string({ unit: 'grapheme', maxLength: 20 }) },
  { weight: 1, arbitrary: fc.integer() },
  { weight: 1, arbitrary: fc.double() },
  {
    weight: 2,
    arbitrary: fc.anything({ maxDepth: 3, maxKeys: 5, withBigInt: true, withDate: true, withNullPrototype: true, withMap: true, withSet: true, withSparseArray: true, withBoxedValues: true }),
  },
)

/** Deep copy that keeps `__proto__` and friends as own keys. */
export function clone<T>(value: T): T {
  if (Array.isArray(value)) return value.map((v) => clone(v)) as T
  if (isPlainObject(value)) {
    const copy: Record<string, unknown> = Object.getPrototypeOf(value) === null ? Object.create(null) : {}
    for (const key of Object.keys(value)) setOwn(copy, key, clone(value[key]))
    return copy as T
  }
  return value
}

export function isPlainObject(value: unknown): value is Record<string, unknown> {
  if (value === null || typeof value !== 'object') return false
  const proto = Object.getPrototypeOf(value)
  return proto === Object.prototype || proto === null
}

/** Sets an own property even for `__proto__`. */
export function setOwn(target: Record<string, unknown>, key: string, value: unknown): void {
  Object.defineProperty(target, key, { value, enumerable: true, writable: true, configurable: true })
}

export const mutationOps = ['replace', 'leaf', 'append', 'delete', 'extra', 'wrap', 'repeat', 'coerce'] as const
export type MutationOp = (typeof mutationOps)[number]

export interface Mutation {
  at: number
  op: MutationOp
  value: unknown
  pick: number
}

export const mutation: fc.Arbitrary<Mutation> = fc.record({
  at: fc.nat(),
  op: fc.constantFrom(...mutationOps),
  value: nastyValue,
  pick: fc.nat(),
})

type Path = (string | number)[]

/** Every place in a value, root first, capped so huge arrays stay cheap. */
function pathsOf(value: unknown, limit = 200): Path[] {
  const out: Path[] = []
  const visit = (v: unknown, path: Path) => {
    if (out.length >= limit || path.length > 8) return
    out.push(path)
    if (Array.isArray(v)) v.slice(0, 20).forEach((item, i) => visit(item, [...path, i]))
    else if (isPlainObject(v)) for (const key of Object.keys(v)) visit(v[key], [...path, key])
  }
  visit(value, [])
  return out
}

function getAt(root: unknown, path: Path): unknown {
  let v = root
  for (const key of path) v = (v as Record<string | number, unknown>)[key]
  return v
}

function numberNear(n: number, pick: number): number {
  const options = [n + 1, n - 1, -n, n * 1000, n + 0.5, n * 2 ** 32, 0, -0, NaN, Infinity, Number.MAX_SAFE_INTEGER, Number.MAX_SAFE_INTEGER - n]
  return options[pick % options.length]!
}

function jsonText(value: unknown): string {
  try {
    return JSON.stringify(value) ?? 'undefined'
  } catch {
    return String(value)
  }
}

/** In-range values for a leaf: ids of other rows, limits, big-but-valid amounts. */
const plausibleNumbers: readonly number[] = [1, 2, 3, 4, 5, 7, 10, 12, 20, 30, 50, 99, 100, 999, 1000, 3650, 9999, 99_999, 100_000_000_00, Number.MAX_SAFE_INTEGER, 0]

/** Short strange strings that pass trim and most length limits, for a value that still parses. */
const plausibleStrings: readonly string[] = shortNastyStrings.filter((s) => s.length <= 20)

export interface GentleMutation {
  at: number
  pick: number
}

/** Keeps the input's shape and types and changes one leaf: these mostly pass the schema and reach the handler. */
export const gentleMutation: fc.Arbitrary<GentleMutation> = fc.record({ at: fc.nat(), pick: fc.nat() })

export function mutateGently(input: unknown, mutations: readonly GentleMutation[]): unknown {
  const root = clone(input)
  for (const m of mutations) {
    const leaves = pathsOf(root).filter((p) => {
      const v = getAt(root, p)
      return p.length > 0 && (typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean')
    })
    if (leaves.length === 0) break
    const path = leaves[m.at % leaves.length]!
    const parent = getAt(root, path.slice(0, -1)) as Record<string | number, unknown>
    const key = path[path.length - 1]!
    const current = parent[key]
    parent[key] =
      typeof current === 'string'
        ? m.pick % 3 === 0
          ? `${current}${plausibleStrings[m.pick % plausibleStrings.length]}`
          : plausibleStrings[m.pick % plausibleStrings.length]
        : typeof current === 'number'
          ? plausibleNumbers[m.pick % plausibleNumbers.length]
          : !current
  }
  return root
}

/** Applies mutations to a copy of a (valid) input; the root may be replaced. */
export function mutate(input: unknown, mutations: readonly Mutation[]): unknown {
  const box: { root: unknown } = { root: clone(input) }
  for (const m of mutations) {
    const paths = pathsOf(box.root)
    const path = paths[m.at % paths.length]!
    const current = getAt(box.root, path)
    const replacement = (v: unknown) => {
      if (path.length === 0) box.root = v
      else {
        const parent = getAt(box.root, path.slice(0, -1)) as Record<string | number, unknown>
        const key = path[path.length - 1]!
        if (Array.isArray(parent)) parent[key as number] = v
        else setOwn(parent, String(key), v)
      }
    }
    const nasty = clone(m.value)
    switch (m.op) {
      case 'replace':
        replacement(nasty)
        break
      case 'leaf':
        if (typeof current === 'string') replacement(nastyStrings[m.pick % nastyStrings.length])
        else if (typeof current === 'number') replacement(nastyNumbers[m.pick % nastyNumbers.length])
        else if (typeof current === 'boolean') replacement([0, 1, 'true', 'false', null, !current][m.pick % 6])
        else replacement(nasty)
        break
      case 'append':
        if (typeof current === 'string') replacement(current + shortNastyStrings[m.pick % shortNastyStrings.length])
        else if (typeof current === 'number') replacement(numberNear(current, m.pick))
        else if (Array.isArray(current)) current.push(clone(current[0] ?? nasty))
        else replacement(nasty)
        break
      case 'delete':
        if (path.length === 0) box.root = undefined
        else {
          const parent = getAt(box.root, path.slice(0, -1))
          const key = path[path.length - 1]!
          if (Array.isArray(parent)) parent.splice(key as number, 1)
          else delete (parent as Record<string, unknown>)[key]
        }
        break
      case 'extra':
        if (isPlainObject(current)) setOwn(current, extraKeys[m.pick % extraKeys.length]!, nasty)
        else if (Array.isArray(current)) current.push(nasty)
        else replacement(nasty)
        break
      case 'wrap':
        replacement([current])
        break
      case 'repeat': {
        const n = [2, 51, 201, 501, 5001][m.pick % 5]!
        replacement(Array.isArray(current) ? Array.from({ length: n }, (_, i) => clone(current[i % Math.max(1, current.length)] ?? nasty)) : [current, current])
        break
      }
      case 'coerce':
        replacement(
          typeof current === 'number' ? String(current) : typeof current === 'string' ? Number(current) : typeof current === 'boolean' ? String(current) : current === null ? 'null' : jsonText(current),
        )
        break
    }
  }
  return box.root
}

/** An object whose keys are (some of) the schema's own keys plus odd ones, with nasty values. */
export function keyedObject(keys: readonly string[]): fc.Arbitrary<Record<string, unknown>> {
  const names = fc.constantFrom(...(keys.length > 0 ? [...keys, ...extraKeys] : extraKeys))
  return fc.array(fc.tuple(names, nastyValue), { maxLength: Math.max(3, keys.length + 2) }).map((entries) => {
    const out: Record<string, unknown> = {}
    for (const [k, v] of entries) setOwn(out, k, clone(v))
    return out
  })
}

// ---- A little zod introspection (zod 4 internals: `_zod.def`) ----

interface Def {
  type: string
  shape?: Record<string, z.ZodType>
  innerType?: z.ZodType
  in?: z.ZodType
  element?: z.ZodType
  options?: z.ZodType[]
  entries?: Record<string, string>
  values?: unknown[]
  checks?: { _zod: { def: { check: string; minimum?: number; maximum?: number; value?: number } } }[]
}

function defOf(schema: z.ZodType): Def {
  return (schema as unknown as { _zod: { def: Def } })._zod.def
}

/** The object shape under refinements, defaults and pipes; undefined when the input is no object. */
export function shapeOf(schema: z.ZodType): Record<string, z.ZodType> | undefined {
  const def = defOf(schema)
  if (def.type === 'object') return def.shape
  const inner = def.innerType ?? def.in
  return inner ? shapeOf(inner) : undefined
}

/** Top-level keys the channel's input takes. */
export function keysOf(schema: z.ZodType): string[] {
  return Object.keys(shapeOf(schema) ?? {})
}

function bound(def: Def, kind: 'min' | 'max'): number | undefined {
  for (const check of def.checks ?? []) {
    const c = check._zod.def
    if (kind === 'min' && (c.check === 'min_length' || c.check === 'greater_than')) return c.minimum ?? c.value
    if (kind === 'max' && (c.check === 'max_length' || c.check === 'less_than')) return c.maximum ?? c.value
  }
  return undefined
}

/** Values by field name that pass this app's refinements (phone, IMEI, pool, dates…). */
export type FieldHints = Record<string, unknown>

/**
 * A best-effort valid input from a schema alone: required fields only, hints by field name. Used for
 * channels without a hand-written seed; the caller checks it with safeParse before trusting it.
 */
export function deriveSample(schema: z.ZodType, hints: FieldHints, key = ''): unknown {
  const def = defOf(schema)
  if (key in hints) return hints[key]
  switch (def.type) {
    case 'object': {
      const out: Record<string, unknown> = {}
      for (const [k, child] of Object.entries(def.shape ?? {})) {
        const childType = defOf(child).type
        if (childType === 'optional' || childType === 'default') continue
        out[k] = deriveSample(child, hints, k)
      }
      return out
    }
    case 'optional':
    case 'default':
    case 'nullable':
      return deriveSample(def.innerType!, hints, key)
    case 'pipe':
      return deriveSample(def.in!, hints, key)
    case 'string':
      return 'x'.repeat(Math.max(1, bound(def, 'min') ?? 1))
    case 'number': {
      const min = bound(def, 'min') ?? 1
      const max = bound(def, 'max') ?? 1
      return Math.min(max, Math.max(min, 1))
    }
    case 'boolean':
      return false
    case 'enum':
      return Object.values(def.entries ?? {})[0]
    case 'literal':
      return def.values?.[0]
    case 'union':
      return deriveSample(def.options![0]!, hints, key)
    case 'array': {
      const min = bound(def, 'min') ?? 0
      return Array.from({ length: min }, () => deriveSample(def.element!, hints, key))
    }
    default:
      return undefined
  }
}

/** True when the schema takes a field of this name at any depth (e.g. a PIN). */
export function schemaHasKey(schema: z.ZodType, key: string, depth = 0): boolean {
  if (depth > 10) return false
  const def = defOf(schema)
  if (def.shape && Object.prototype.hasOwnProperty.call(def.shape, key)) return true
  const children = [...Object.values(def.shape ?? {}), def.innerType, def.in, def.element, ...(def.options ?? [])]
  return children.some((child) => child !== undefined && schemaHasKey(child, key, depth + 1))
}
