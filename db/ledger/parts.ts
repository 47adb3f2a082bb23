import { sql, type Selectable } from 'kysely'
import type { PartDetailDto, PartDto, PoolLevelDto } from '../../shared/dto/stock'
import { parsePool, type PoolKey } from '../../shared/stock'
import type { PartsTable } from '../schema'
import type { Executor } from './audit'
import { escapeLike } from './fts'

export type PartRow = Selectable<PartsTable>

/** The columns a PartDto is made of (not the search text: lists read hundreds of rows). */
const dtoColumns = ['id', 'sku', 'manufacturer_part_number', 'name', 'sell_price_minor', 'average_cost_minor', 'reorder_point', 'bin_location', 'serialized', 'active'] as const
export type PartDtoRow = Pick<PartRow, (typeof dtoColumns)[number]>

export interface PartFields {
  sku: string
  manufacturerPartNumber: string
  name: string
  sellPriceMinor: number
  reorderPoint: number
  binLocation: string
  serialized: boolean
}

export async function findPartRow(db: Executor, id: number): Promise<PartRow | undefined> {
  return db.selectFrom('parts').selectAll().where('id', '=', id).executeTakeFirst()
}

export async function skuTaken(db: Executor, sku: string, exceptId?: number): Promise<boolean> {
  let query = db.selectFrom('parts').select('id').where('sku', '=', sku)
  if (exceptId !== undefined) query = query.where('id', '<>', exceptId)
  return (await query.executeTakeFirst()) !== undefined
}

/** The existing ids among `ids` (to refuse unknown compatible models by name). */
export async function existingModelIds(db: Executor, ids: readonly number[]): Promise<Set<number>> {
  if (ids.length === 0) return new Set()
  const rows = await db.selectFrom('device_models').select('id').where('id', 'in', ids).execute()
  return new Set(rows.map((r) => r.id))
}

export async function insertPart(db: Executor, fields: PartFields, nowMs: number): Promise<PartRow> {
  return db
    .insertInto('parts')
    .values({
      sku: fields.sku,
      manufacturer_part_number: fields.manufacturerPartNumber,
      name: fields.name,
      sell_price_minor: fields.sellPriceMinor,
      reorder_point: fields.reorderPoint,
      bin_location: fields.binLocation,
      serialized: fields.serialized ? 1 : 0,
      average_cost_minor: 0,
      active: 1,
      search_text: '',
      created_at_ms: nowMs,
      updated_at_ms: nowMs,
    })
    .returningAll()
    .executeTakeFirstOrThrow()
}

export async function updatePartRow(db: Executor, id: number, changes: Partial<PartFields> & { active?: boolean }, nowMs: number): Promise<void> {
  await db
    .updateTable('parts')
    .set({
      ...(changes.sku !== undefined && { sku: changes.sku }),
      ...(changes.manufacturerPartNumber !== undefined && { manufacturer_part_number: changes.manufacturerPartNumber }),
      ...(changes.name !== undefined && { name: changes.name }),
      ...(changes.sellPriceMinor !== undefined && { sell_price_minor: changes.sellPriceMinor }),
      ...(changes.reorderPoint !== undefined && { reorder_point: changes.reorderPoint }),
      ...(changes.binLocation !== undefined && { bin_location: changes.binLocation }),
      ...(changes.serialized !== undefined && { serialized: changes.serialized ? 1 : 0 }),
      ...(changes.active !== undefined && { active: changes.active ? 1 : 0 }),
      updated_at_ms: nowMs,
    })
    .where('id', '=', id)
    .execute()
}

/** Replaces a part's compatible models. */
export async function setPartModels(db: Executor, partId: number, modelIds: readonly number[]): Promise<void> {
  await db.deleteFrom('part_models').where('part_id', '=', partId).execute()
  if (modelIds.length > 0) await db.insertInto('part_models').values([...new Set(modelIds)].map((model_id) => ({ part_id: partId, model_id }))).execute()
}

/**
 * Rebuilds what search-as-you-type matches for a part: SKU, manufacturer part number, name and
 * its compatible models, lower-cased. A few hundred to a few thousand parts: a LIKE over one
 * column answers in well under a millisecond and matches one- and two-character Chinese terms,
 * which a trigram index cannot.
 */
export async function refreshPartSearch(db: Executor, partId: number): Promise<void> {
  await sql`UPDATE parts SET search_text = lower(sku || ' ' || manufacturer_part_number || ' ' || name || ' ' || coalesce((
      SELECT group_concat(dm.model_code || ' ' || dm.marketing_name, ' ')
      FROM part_models pm JOIN device_models dm ON dm.id = pm.model_id WHERE pm.part_id = parts.id), ''))
    WHERE id = ${partId}`.execute(db)
}

export interface PartQuery {
  query: string
  modelId?: number | undefined
  lowStockOnly: boolean
  includeInactive: boolean
  limit: number
}

/** Parts matching every typed term (SKU, part number, name or model), best stocked first within SKU order. */
export async function searchParts(db: Executor, q: PartQuery, allLevels = false): Promise<PartDto[]> {
  let query = db.selectFrom('parts as p').select(dtoColumns.map((c) => `p.${c}` as const))
  for (const term of q.query.trim().toLowerCase().split(/\s+/).filter(Boolean)) {
    query = query.where(sql<boolean>`p.search_text LIKE ${`%${escapeLike(term)}%`} ESCAPE '\\'`)
  }
  if (q.modelId !== undefined) {
    const modelId = q.modelId
    query = query.where((eb) => eb.exists(eb.selectFrom('part_models as pm').select('pm.part_id').whereRef('pm.part_id', '=', 'p.id').where('pm.model_id', '=', modelId)))
  }
  if (!q.includeInactive) query = query.where('p.active', '=', 1)
  if (q.lowStockOnly) query = query.where('p.reorder_point', '>', 0).where(sql<boolean>`coalesce((SELECT on_hand FROM stock_levels l WHERE l.part_id = p.id AND l.pool = 'shop'), 0) <= p.reorder_point`)
  const rows = await query.orderBy('p.sku').limit(q.limit).execute()
  return withLevels(db, rows, allLevels)
}

/** PartDtos for rows, reading every level of those parts in one statement. */
export async function withLevels(db: Executor, rows: PartDtoRow[], allLevels = false): Promise<PartDto[]> {
  if (rows.length === 0) return []
  // For the whole stock list, every positive level in one read beats a lookup per part.
  let levelQuery = db.selectFrom('stock_levels').select(['part_id', 'pool', 'on_hand']).where('on_hand', '>', 0)
  if (!allLevels) levelQuery = levelQuery.where('part_id', 'in', sql<number>`(SELECT value FROM json_each(${JSON.stringify(rows.map((r) => r.id))}))`)
  const levels = await levelQuery.execute()
  const byPart = new Map<number, PoolLevelDto[]>()
  for (const l of levels) {
    const list = byPart.get(l.part_id) ?? []
    list.push({ pool: l.pool as PoolKey, onHand: l.on_hand })
    byPart.set(l.part_id, list)
  }
  return rows.map((row) => toPartDto(row, byPart.get(row.id) ?? []))
}

const poolOrder = (pool: PoolKey) => (pool === 'shop' ? 0 : pool === 'defective' ? 2 : 1)

export function toPartDto(row: PartDtoRow, levels: PoolLevelDto[]): PartDto {
  const sorted = [...levels].sort((a, b) => poolOrder(a.pool) - poolOrder(b.pool) || a.pool.localeCompare(b.pool))
  const shop = sorted.find((l) => l.pool === 'shop')?.onHand ?? 0
  return {
    id: row.id,
    sku: row.sku,
    manufacturerPartNumber: row.manufacturer_part_number,
    name: row.name,
    sellPriceMinor: row.sell_price_minor,
    averageCostMinor: row.average_cost_minor,
    reorderPoint: row.reorder_point,
    binLocation: row.bin_location,
    serialized: row.serialized === 1,
    active: row.active === 1,
    levels: sorted,
    usableOnHand: sorted.filter((l) => parsePool(l.pool)?.kind !== 'defective').reduce((sum, l) => sum + l.onHand, 0),
    low: row.reorder_point > 0 && shop <= row.reorder_point,
  }
}

export async function loadPart(db: Executor, id: number): Promise<PartDto | undefined> {
  const row = await findPartRow(db, id)
  return row ? (await withLevels(db, [row]))[0] : undefined
}

export async function loadPartDetail(db: Executor, id: number): Promise<PartDetailDto | undefined> {
  const part = await loadPart(db, id)
  if (!part) return undefined
  const models = await db
    .selectFrom('part_models as pm')
    .innerJoin('device_models as dm', 'dm.id', 'pm.model_id')
    .innerJoin('manufacturers as mf', 'mf.id', 'dm.manufacturer_id')
    .select(['dm.id', 'mf.name as manufacturerName', 'dm.marketing_name as marketingName', 'dm.model_code as modelCode'])
    .where('pm.part_id', '=', id)
    .orderBy('mf.name')
    .orderBy('dm.marketing_name')
    .execute()
  return { ...part, models }
}

/** Every part (active unless asked) with its levels: the stock list. */
export async function allPartLevels(db: Executor, q: { query: string; lowStockOnly: boolean; includeInactive: boolean }): Promise<PartDto[]> {
  return searchParts(db, { ...q, limit: 1_000_000 }, true)
}
