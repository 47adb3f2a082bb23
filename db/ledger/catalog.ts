import { sql, type Selectable } from 'kysely'
import type { ManufacturerDto, ModelDto } from '../../shared/dto/catalog'
import type { DeviceCategory } from '../../shared/tickets'
import type { ManufacturersTable } from '../schema'
import type { Executor } from './audit'
import { defaultCatalog } from './catalog-defaults'
import { compiledOnce } from './compiled'
import { seedFaultCodes } from './fault-codes'
import { escapeLike } from './fts'

type ManufacturerRow = Selectable<ManufacturersTable>

export function toManufacturerDto(row: ManufacturerRow): ManufacturerDto {
  return {
    id: row.id,
    code: row.code,
    name: row.name,
    warrantyMonths: row.warranty_months,
    proofRequired: row.proof_required === 1,
    claimWindowDays: row.claim_window_days,
    defectiveReturnDays: row.defective_return_days,
    shopStockForWarranty: row.shop_stock_for_warranty === 1,
    active: row.active === 1,
  }
}

export async function listManufacturers(db: Executor, includeInactive: boolean): Promise<ManufacturerDto[]> {
  let query = db.selectFrom('manufacturers').selectAll().orderBy('name')
  if (!includeInactive) query = query.where('active', '=', 1)
  return (await query.execute()).map(toManufacturerDto)
}

export async function findManufacturer(db: Executor, id: number): Promise<ManufacturerRow | undefined> {
  return db.selectFrom('manufacturers').selectAll().where('id', '=', id).executeTakeFirst()
}

export async function manufacturerCodeTaken(db: Executor, code: string): Promise<boolean> {
  return (await db.selectFrom('manufacturers').select('id').where('code', '=', code).executeTakeFirst()) !== undefined
}

export interface ManufacturerFields {
  code: string
  name: string
  warrantyMonths: number
  proofRequired: boolean
  claimWindowDays: number
  defectiveReturnDays: number
  shopStockForWarranty?: boolean
}

export async function insertManufacturer(db: Executor, m: ManufacturerFields, nowMs: number): Promise<ManufacturerRow> {
  return db
    .insertInto('manufacturers')
    .values({
      code: m.code,
      name: m.name,
      warranty_months: m.warrantyMonths,
      proof_required: m.proofRequired ? 1 : 0,
      claim_window_days: m.claimWindowDays,
      defective_return_days: m.defectiveReturnDays,
      shop_stock_for_warranty: m.shopStockForWarranty === false ? 0 : 1,
      active: 1,
      created_at_ms: nowMs,
      updated_at_ms: nowMs,
    })
    .returningAll()
    .executeTakeFirstOrThrow()
}

export async function updateManufacturer(
  db: Executor,
  id: number,
  changes: Partial<Omit<ManufacturerFields, 'code'>> & { active?: boolean },
  nowMs: number,
): Promise<ManufacturerRow> {
  return db
    .updateTable('manufacturers')
    .set({
      ...(changes.name !== undefined && { name: changes.name }),
      ...(changes.warrantyMonths !== undefined && { warranty_months: changes.warrantyMonths }),
      ...(changes.proofRequired !== undefined && { proof_required: changes.proofRequired ? 1 : 0 }),
      ...(changes.claimWindowDays !== undefined && { claim_window_days: changes.claimWindowDays }),
      ...(changes.defectiveReturnDays !== undefined && { defective_return_days: changes.defectiveReturnDays }),
      ...(changes.shopStockForWarranty !== undefined && { shop_stock_for_warranty: changes.shopStockForWarranty ? 1 : 0 }),
      ...(changes.active !== undefined && { active: changes.active ? 1 : 0 }),
      updated_at_ms: nowMs,
    })
    .where('id', '=', id)
    .returningAll()
    .executeTakeFirstOrThrow()
}

function modelQuery(db: Executor) {
  return db
    .selectFrom('device_models as dm')
    .innerJoin('manufacturers as mf', 'mf.id', 'dm.manufacturer_id')
    .select([
      'dm.id',
      'dm.model_code',
      'dm.marketing_name',
      'dm.category',
      'dm.warranty_months',
      'mf.id as manufacturer_id',
      'mf.code as manufacturer_code',
      'mf.name as manufacturer_name',
      'mf.warranty_months as manufacturer_warranty_months',
      'mf.proof_required',
    ])
}

type ModelRow = Awaited<ReturnType<ReturnType<typeof modelQuery>['executeTakeFirstOrThrow']>>

export function toModelDto(row: ModelRow): ModelDto {
  return {
    id: row.id,
    manufacturer: {
      id: row.manufacturer_id,
      code: row.manufacturer_code,
      name: row.manufacturer_name,
      warrantyMonths: row.manufacturer_warranty_months,
      proofRequired: row.proof_required === 1,
    },
    modelCode: row.model_code,
    marketingName: row.marketing_name,
    category: row.category,
    warrantyMonths: row.warranty_months,
    effectiveWarrantyMonths: row.warranty_months ?? row.manufacturer_warranty_months,
  }
}

const modelById = compiledOnce((db) => modelQuery(db).where('dm.id', '=', 0))

export async function findModel(db: Executor, id: number): Promise<ModelDto | undefined> {
  const [row] = await modelById(db, [id])
  return row && toModelDto(row)
}

/** Models whose code, marketing name or manufacturer name contains the query (case-insensitive). */
export async function searchModels(db: Executor, query: string, manufacturerId: number | undefined, limit: number): Promise<ModelDto[]> {
  let q = modelQuery(db).where('mf.active', '=', 1)
  if (manufacturerId !== undefined) q = q.where('mf.id', '=', manufacturerId)
  const needle = query.trim()
  if (needle) {
    const pattern = `%${escapeLike(needle)}%`
    // SQLite's LIKE ignores ASCII case already.
    q = q.where(
      sql<boolean>`(dm.model_code LIKE ${pattern} ESCAPE '\\' OR dm.marketing_name LIKE ${pattern} ESCAPE '\\' OR mf.name LIKE ${pattern} ESCAPE '\\')`,
    )
  }
  return (await q.orderBy('mf.name').orderBy('dm.marketing_name').limit(limit).execute()).map(toModelDto)
}

export async function modelCodeTaken(db: Executor, manufacturerId: number, modelCode: string): Promise<boolean> {
  const row = await db
    .selectFrom('device_models')
    .select('id')
    .where('manufacturer_id', '=', manufacturerId)
    .where((eb) => eb(eb.fn('lower', ['model_code']), '=', modelCode.toLowerCase()))
    .executeTakeFirst()
  return row !== undefined
}

export async function insertModel(
  db: Executor,
  m: { manufacturerId: number; modelCode: string; marketingName: string; category: DeviceCategory; warrantyMonths: number | null },
  nowMs: number,
): Promise<number> {
  const row = await db
    .insertInto('device_models')
    .values({
      manufacturer_id: m.manufacturerId,
      model_code: m.modelCode,
      marketing_name: m.marketingName,
      category: m.category,
      warranty_months: m.warrantyMonths,
      created_at_ms: nowMs,
    })
    .returning('id')
    .executeTakeFirstOrThrow()
  return row.id
}

/** Puts the default brands and models into a new shop's ledger. */
export async function seedDefaultCatalog(db: Executor, nowMs: number): Promise<void> {
  for (const m of defaultCatalog) {
    const row = await insertManufacturer(db, { ...m, claimWindowDays: 30, defectiveReturnDays: 30 }, nowMs)
    await seedFaultCodes(db, row.id, nowMs)
    for (const model of m.models) {
      await insertModel(db, { manufacturerId: row.id, ...model, warrantyMonths: model.warrantyMonths ?? null }, nowMs)
    }
  }
}
