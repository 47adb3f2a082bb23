// The parts-catalogue and stock-ledger channels of the fake server, over FakeStock. Inputs arrive
// parsed by the real contract schemas; refusals use the real message keys (shared/i18n/en-stock.ts).
import type { ChannelName, ParsedInputOf } from '../../shared/contract'
import type { StaffDto } from '../../shared/dto/auth'
import type { Result } from '../../shared/errors'
import { movingAverageCost, parsePool, type PoolKey } from '../../shared/stock'
import type { FakeLedger } from './fake-ledger'
import type { FakeStock, PartRecord } from './fake-stock'

type Answer = Result<unknown>
const ok = (value: unknown): Answer => ({ ok: true, value })
export const fail = (code: 'NOT_FOUND' | 'CONFLICT' | 'ILLEGAL_TRANSITION', messageKey: string, params?: Record<string, string | number>): Answer => ({
  ok: false,
  error: { code, messageKey, message: messageKey, ...(params ? { params } : {}) },
})
/** A refusal that names the field at fault, as the real handlers' fieldError(path, key, 'CONFLICT') does. */
export const conflictAt = (path: (string | number)[], messageKey: string): Answer => ({
  ok: false,
  error: { code: 'CONFLICT', messageKey, message: messageKey, issues: [{ path, messageKey, message: messageKey }] },
})
export const invalid = (path: (string | number)[], messageKey: string): Answer => ({
  ok: false,
  error: { code: 'INVALID_INPUT', messageKey: 'errors.invalidInput', message: 'Invalid input', issues: [{ path, messageKey, message: messageKey }] },
})

export interface StockContext {
  ledger: FakeLedger
  stock: FakeStock
  me: StaffDto
}

const matches = (query: string, ...fields: string[]) => {
  const haystack = fields.join(' ').toLowerCase()
  return query.toLowerCase().split(/\s+/).filter(Boolean).every((term) => haystack.includes(term))
}

/** Answers a parts or stock channel, or undefined for a channel this part does not serve. */
export function handleStockChannel(ctx: StockContext, channel: ChannelName, rawInput: unknown): Answer | undefined {
  const { stock } = ctx
  const input = rawInput as never
  const listed = (f: { query: string; lowStockOnly: boolean; includeInactive: boolean; modelId?: number }) =>
    stock.parts
      .filter((p) => (f.includeInactive || p.active) && (f.modelId === undefined || p.modelIds.includes(f.modelId)) && matches(f.query, p.sku, p.name, p.manufacturerPartNumber))
      .map((p) => stock.partDto(p))
      .filter((p) => !f.lowStockOnly || p.low)
      .sort((a, b) => a.sku.localeCompare(b.sku))
  switch (channel) {
    case 'parts.search': {
      const f = input as ParsedInputOf<'parts.search'>
      return ok(listed(f).slice(0, f.limit))
    }
    case 'stock.levels':
      return ok(listed(input as ParsedInputOf<'stock.levels'>))
    case 'parts.get': {
      const part = stock.part((input as { id: number }).id)
      return part ? ok(stock.detailDto(part)) : fail('NOT_FOUND', 'errors.partNotFound')
    }
    case 'parts.create': {
      const p = input as ParsedInputOf<'parts.create'>
      if (stock.parts.some((x) => x.sku === p.sku)) return conflictAt(['sku'], 'errors.skuTaken')
      return ok(stock.detailDto(stock.addPart(p)))
    }
    case 'parts.update': {
      const { id, ...changes } = input as ParsedInputOf<'parts.update'>
      const part = stock.part(id)
      if (!part) return fail('NOT_FOUND', 'errors.partNotFound')
      if (changes.sku && stock.parts.some((x) => x.sku === changes.sku && x.id !== id)) return conflictAt(['sku'], 'errors.skuTaken')
      return ok(stock.detailDto(Object.assign(part, changes)))
    }
    case 'stock.movements': {
      const { partId, beforeId, limit } = input as ParsedInputOf<'stock.movements'>
      const part = stock.part(partId)
      if (!part) return fail('NOT_FOUND', 'errors.partNotFound')
      const older = stock.movements.filter((m) => m.partId === partId && (beforeId === undefined || m.id < beforeId)).sort((a, b) => b.id - a.id)
      const page = older.slice(0, limit)
      return ok({ part: stock.partDto(part), movements: page.map((m) => stock.movementDto(m)), nextBeforeId: older.length > limit ? page.at(-1)!.id : null })
    }
    case 'stock.receive':
      return receive(ctx, input as ParsedInputOf<'stock.receive'>)
    case 'stock.adjust': {
      const a = input as ParsedInputOf<'stock.adjust'>
      return correct(ctx, a.partId, a.pool, () => {
        if (a.pool === 'defective') return conflictAt(['pool'], 'errors.adjustDefective')
        return short(stock, a.partId, a.pool, -a.quantity) ?? [{ pool: a.pool, quantity: a.quantity }]
      }, 'adjust', a.reason)
    }
    case 'stock.transfer': {
      const x = input as ParsedInputOf<'stock.transfer'>
      return correct(ctx, x.partId, x.from, () => {
        if (x.from === x.to) return conflictAt(['to'], 'errors.transferSamePool')
        if (x.from === 'defective') return conflictAt(['from'], 'errors.transferFromDefective')
        if (x.to === 'defective') return conflictAt(['to'], 'errors.transferToDefective')
        return short(stock, x.partId, x.from, x.quantity) ?? [{ pool: x.from, quantity: -x.quantity }, { pool: x.to, quantity: x.quantity }]
      }, 'transfer', x.reason)
    }
    case 'stock.scrap': {
      const s = input as ParsedInputOf<'stock.scrap'>
      return correct(ctx, s.partId, s.pool, () => (s.pool === 'defective' ? conflictAt(['pool'], 'errors.adjustDefective') : (short(stock, s.partId, s.pool, s.quantity) ?? [{ pool: s.pool, quantity: -s.quantity }])), 'scrap', s.reason)
    }
    case 'stock.stocktake':
      return stocktake(ctx, input as ParsedInputOf<'stock.stocktake'>)
    default:
      return undefined
  }
}

/** The refusal when taking `quantity` out of a pool would leave it negative. */
export function short(stock: FakeStock, partId: number, pool: PoolKey, quantity: number): Answer | undefined {
  const onHand = stock.onHand(partId, pool)
  if (quantity <= 0 || onHand >= quantity) return undefined
  return fail('CONFLICT', 'errors.insufficientStock', { onHand, sku: stock.part(partId)!.sku, quantity })
}

/** An owner's correction: checks, then its movements as one group. */
function correct(ctx: StockContext, partId: number, pool: PoolKey, plan: () => Answer | { pool: PoolKey; quantity: number }[], kind: 'adjust' | 'transfer' | 'scrap', reason: string): Answer {
  const part = ctx.stock.part(partId)
  if (!part) return fail('NOT_FOUND', 'errors.partNotFound')
  if (!parsePool(pool)) return invalid(['pool'], 'validation.pool')
  const moves = plan()
  if (!Array.isArray(moves)) return moves
  let groupId: number | undefined
  for (const m of moves) groupId = ctx.stock.move({ partId, pool: m.pool, kind, quantity: m.quantity, reason, staffName: ctx.me.name }, groupId).groupId
  return ok(ctx.stock.partDto(part))
}

function receive({ stock, ledger, me }: StockContext, r: ParsedInputOf<'stock.receive'>): Answer {
  const pool = parsePool(r.pool)!
  if (pool.kind === 'defective') return conflictAt(['pool'], 'errors.poolNotReceivable')
  if (pool.kind === 'consigned' && !ledger.manufacturers.some((m) => m.id === pool.manufacturerId)) return invalid(['pool'], 'errors.poolUnknownManufacturer')
  const parts: PartRecord[] = []
  for (const [index, line] of r.lines.entries()) {
    const part = stock.part(line.partId)
    if (!part) return invalid(['lines', index, 'partId'], 'errors.partNotFound')
    if (parts.includes(part)) return invalid(['lines', index, 'partId'], 'validation.duplicatePart')
    if (r.pool === 'shop' && line.unitCostMinor === undefined) return invalid(['lines', index, 'unitCostMinor'], 'validation.unitCostRequired')
    if (r.pool !== 'shop' && line.unitCostMinor !== undefined) return invalid(['lines', index, 'unitCostMinor'], 'validation.unitCostOnConsigned')
    parts.push(part)
  }
  let groupId: number | undefined
  const movements = r.lines.map((line, index) => {
    const part = parts[index]!
    if (r.pool === 'shop') part.averageCostMinor = movingAverageCost(stock.onHand(part.id, 'shop'), part.averageCostMinor, line.quantity, line.unitCostMinor!)
    const m = stock.move({ partId: part.id, pool: r.pool, kind: 'receive', quantity: line.quantity, unitCostMinor: line.unitCostMinor ?? null, supplier: r.supplier, reference: r.deliveryNote, staffName: me.name }, groupId)
    groupId = m.groupId
    return stock.movementDto(m)
  })
  return ok({ groupId, movements, parts: parts.map((p) => stock.partDto(p)) })
}

function stocktake({ stock, me }: StockContext, s: ParsedInputOf<'stock.stocktake'>): Answer {
  if (s.pool === 'defective') return conflictAt(['pool'], 'errors.adjustDefective')
  const lines = []
  for (const [index, count] of s.counts.entries()) {
    const part = stock.part(count.partId)
    if (!part) return invalid(['counts', index, 'partId'], 'errors.partNotFound')
    const expected = stock.onHand(part.id, s.pool)
    lines.push({ partId: part.id, sku: part.sku, name: part.name, expected, counted: count.counted, difference: count.counted - expected })
  }
  let groupId: number | null = null
  if (!s.dryRun) {
    for (const line of lines.filter((l) => l.difference !== 0)) {
      groupId = stock.move({ partId: line.partId, pool: s.pool, kind: 'stocktake', quantity: line.difference, reason: s.note, staffName: me.name }, groupId ?? undefined).groupId
    }
  }
  return ok({ groupId, pool: s.pool, lines, netDifference: lines.reduce((sum, l) => sum + l.difference, 0) })
}
