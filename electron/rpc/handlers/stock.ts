import { AppError } from '../../../shared/errors'
import type { PartDto, StocktakeLineDto } from '../../../shared/dto/stock'
import { movingAverageCost, type PoolKey } from '../../../shared/stock'
import { appendAudit, type Executor } from '../../../db/ledger/audit'
import { allPartLevels, loadPart, type PartRow } from '../../../db/ledger/parts'
import { appendMovement, movementsOfGroup, movementsOfPart, onHand } from '../../../db/ledger/stock'
import { signedIn, type HandlerContext, type HandlerMap } from '../context'
import { fieldError } from './field-error'
import { shopDay } from './shop-day'
import { activePart, existingPool, notDefective, requireOnHand } from './stock-guards'

export const stockHandlers: Pick<HandlerMap, 'stock.receive' | 'stock.adjust' | 'stock.transfer' | 'stock.scrap' | 'stock.stocktake' | 'stock.levels' | 'stock.movements'> = {
  'stock.receive': async ({ pool, supplier, deliveryNote, lines }, ctx) => {
    const staff = signedIn(ctx)
    const { today } = await shopDay(ctx.db, ctx.nowMs)
    const groupId = await ctx.write(async (trx) => {
      notDefective(pool, ['pool'], 'errors.poolNotReceivable')
      await existingPool(trx, pool, ['pool'])
      let group: number | undefined
      for (const [index, line] of lines.entries()) {
        const part = await activePart(trx, line.partId, ['lines', index, 'partId'])
        if (pool === 'shop' && line.unitCostMinor === undefined) throw fieldError(['lines', index, 'unitCostMinor'], 'validation.unitCostRequired')
        if (pool !== 'shop' && line.unitCostMinor !== undefined) throw fieldError(['lines', index, 'unitCostMinor'], 'validation.unitCostOnConsigned')
        if (pool === 'shop') await reaverage(trx, part, line.quantity, line.unitCostMinor ?? 0, ctx.nowMs)
        const id = await appendMovement(trx, {
          atMs: ctx.nowMs,
          businessDate: today,
          staffId: staff.id,
          partId: part.id,
          pool,
          kind: 'receive',
          quantity: line.quantity,
          unitCostMinor: pool === 'shop' ? (line.unitCostMinor ?? 0) : null,
          supplier,
          reference: deliveryNote,
          ...(group !== undefined && { groupId: group }),
        })
        group ??= id
      }
      const groupId = group as number
      await appendAudit(trx, { atMs: ctx.nowMs, staffId: staff.id, action: 'stock.receive', entity: 'stock_group', entityId: groupId, details: { pool, supplier, deliveryNote, lines } })
      return groupId
    })
    const movements = await movementsOfGroup(ctx.db, groupId)
    const partIds = [...new Set(lines.map((l) => l.partId))]
    const parts = await Promise.all(partIds.map((id) => loadPart(ctx.db, id)))
    return { groupId, movements, parts: parts.filter((p): p is PartDto => p !== undefined) }
  },

  'stock.adjust': async ({ partId, pool, quantity, reason }, ctx) => {
    const owner = signedIn(ctx)
    const { today } = await shopDay(ctx.db, ctx.nowMs)
    await ctx.write(async (trx) => {
      notDefective(pool, ['pool'])
      await existingPool(trx, pool, ['pool'])
      const part = await activePart(trx, partId, ['partId'], true)
      if (quantity < 0) await requireOnHand(trx, part, pool, -quantity)
      // Found stock is valued at the current average, so finding parts never moves the average.
      await appendMovement(trx, { atMs: ctx.nowMs, businessDate: today, staffId: owner.id, partId, pool, kind: 'adjust', quantity, unitCostMinor: costOf(part, pool), reason })
      await appendAudit(trx, { atMs: ctx.nowMs, staffId: owner.id, action: 'stock.adjust', entity: 'part', entityId: partId, details: { pool, quantity, reason } })
    })
    return partOrFail(ctx.db, partId)
  },

  'stock.transfer': async ({ partId, from, to, quantity, reason }, ctx) => {
    const owner = signedIn(ctx)
    const { today } = await shopDay(ctx.db, ctx.nowMs)
    await ctx.write(async (trx) => {
      if (from === to) throw fieldError(['to'], 'errors.transferSamePool', 'CONFLICT')
      notDefective(from, ['from'], 'errors.transferFromDefective')
      notDefective(to, ['to'], 'errors.transferToDefective')
      await existingPool(trx, from, ['from'])
      await existingPool(trx, to, ['to'])
      const part = await activePart(trx, partId, ['partId'], true)
      await requireOnHand(trx, part, from, quantity)
      // Parts entering shop stock from a consigned pool come in at the current average cost.
      const base = { atMs: ctx.nowMs, businessDate: today, staffId: owner.id, partId, kind: 'transfer' as const, unitCostMinor: part.average_cost_minor, reason }
      const groupId = await appendMovement(trx, { ...base, pool: from, quantity: -quantity })
      await appendMovement(trx, { ...base, pool: to, quantity, groupId })
      await appendAudit(trx, { atMs: ctx.nowMs, staffId: owner.id, action: 'stock.transfer', entity: 'part', entityId: partId, details: { from, to, quantity, reason } })
    })
    return partOrFail(ctx.db, partId)
  },

  'stock.scrap': async ({ partId, pool, quantity, reason }, ctx) => {
    const owner = signedIn(ctx)
    const { today } = await shopDay(ctx.db, ctx.nowMs)
    await ctx.write(async (trx) => {
      notDefective(pool, ['pool'])
      await existingPool(trx, pool, ['pool'])
      const part = await activePart(trx, partId, ['partId'], true)
      await requireOnHand(trx, part, pool, quantity)
      await appendMovement(trx, { atMs: ctx.nowMs, businessDate: today, staffId: owner.id, partId, pool, kind: 'scrap', quantity: -quantity, unitCostMinor: costOf(part, pool), reason })
      await appendAudit(trx, { atMs: ctx.nowMs, staffId: owner.id, action: 'stock.scrap', entity: 'part', entityId: partId, details: { pool, quantity, reason } })
    })
    return partOrFail(ctx.db, partId)
  },

  'stock.stocktake': async ({ pool, counts, note, dryRun }, ctx) => stocktake(ctx, pool, counts, note, dryRun),

  'stock.levels': async (query, ctx) => allPartLevels(ctx.db, query),

  'stock.movements': async ({ partId, beforeId, limit }, ctx) => {
    const part = await partOrFail(ctx.db, partId)
    const movements = await movementsOfPart(ctx.db, partId, beforeId, limit)
    return { part, movements, nextBeforeId: movements.length === limit ? (movements.at(-1)?.id ?? null) : null }
  },
}

/**
 * Counted against expected for one pool; the differences post as one group of 'stocktake'
 * movements (one adjustment), or are only shown when `dryRun`.
 */
async function stocktake(ctx: HandlerContext, pool: PoolKey, counts: { partId: number; counted: number }[], note: string, dryRun: boolean) {
  const owner = signedIn(ctx)
  const { today } = await shopDay(ctx.db, ctx.nowMs)
  return ctx.write(async (trx) => {
    notDefective(pool, ['pool'])
    await existingPool(trx, pool, ['pool'])
    const seen = new Set<number>()
    const lines: StocktakeLineDto[] = []
    const parts: PartRow[] = []
    for (const [index, { partId, counted }] of counts.entries()) {
      if (seen.has(partId)) throw fieldError(['counts', index, 'partId'], 'validation.duplicatePart')
      seen.add(partId)
      const part = await activePart(trx, partId, ['counts', index, 'partId'], true)
      const expected = await onHand(trx, partId, pool)
      lines.push({ partId, sku: part.sku, name: part.name, expected, counted, difference: counted - expected })
      parts.push(part)
    }
    let groupId: number | null = null
    if (!dryRun) {
      for (const [index, line] of lines.entries()) {
        if (line.difference === 0) continue
        const id = await appendMovement(trx, {
          atMs: ctx.nowMs,
          businessDate: today,
          staffId: owner.id,
          partId: line.partId,
          pool,
          kind: 'stocktake',
          quantity: line.difference,
          unitCostMinor: costOf(parts[index] as PartRow, pool),
          reason: note,
          ...(groupId !== null && { groupId }),
        })
        groupId ??= id
      }
      if (groupId !== null) {
        const differences = lines.filter((l) => l.difference !== 0).map((l) => ({ partId: l.partId, expected: l.expected, counted: l.counted }))
        await appendAudit(trx, { atMs: ctx.nowMs, staffId: owner.id, action: 'stock.stocktake', entity: 'stock_group', entityId: groupId, details: { pool, note, counted: lines.length, differences } })
      }
    }
    return { groupId, pool, lines, netDifference: lines.reduce((sum, l) => sum + l.difference, 0) }
  })
}

/** Shop stock is valued at its moving average; consigned stock costs the shop nothing. */
function costOf(part: PartRow, pool: PoolKey): number | null {
  return pool === 'shop' ? part.average_cost_minor : null
}

/**
 * A receipt into shop stock moves the part's moving-average cost. Until the first receipt the
 * part has no cost basis: stock found or transferred in before it carries no cost and must not
 * dilute the first real one.
 */
async function reaverage(db: Executor, part: PartRow, quantity: number, unitCostMinor: number, nowMs: number): Promise<void> {
  const current = await db.selectFrom('parts').select('average_cost_minor').where('id', '=', part.id).executeTakeFirstOrThrow()
  const costed = await db.selectFrom('stock_movements').select('id').where('part_id', '=', part.id).where('pool', '=', 'shop').where('kind', '=', 'receive').limit(1).executeTakeFirst()
  const basis = costed ? await onHand(db, part.id, 'shop') : 0
  const average = movingAverageCost(basis, current.average_cost_minor, quantity, unitCostMinor)
  await db.updateTable('parts').set({ average_cost_minor: average, updated_at_ms: nowMs }).where('id', '=', part.id).execute()
}

async function partOrFail(db: Executor, partId: number): Promise<PartDto> {
  const part = await loadPart(db, partId)
  if (!part) throw new AppError('NOT_FOUND', 'errors.partNotFound')
  return part
}
