import type { Transaction } from 'kysely'
import type { DeviceCategory } from '../../shared/tickets'
import { findManufacturer, insertManufacturer, insertModel, seedDefaultCatalog, toManufacturerDto, updateManufacturer } from '../ledger/catalog'
import { seedFaultCodes } from '../ledger/fault-codes'
import type { DB } from '../schema'
import { dayOf } from './calendar'
import { demoBrands, demoModels, type DemoBrand } from './models'

export interface CatalogModel {
  id: number
  manufacturerId: number
  modelCode: string
  marketingName: string
  brand: DemoBrand
  category: DeviceCategory
  launchDay: number
  warrantyMonths: number
  proofRequired: boolean
  /** The 8-digit type allocation code that starts this model's IMEIs. */
  tac: string
}

/** A manufacturer's stock rules as the demo owner left them. */
export interface CatalogMaker {
  id: number
  code: string
  name: string
  defectiveReturnDays: number
  shopStockForWarranty: boolean
}

/** What the demo owner added beyond the built-in catalog, for the audit log. */
export interface CatalogAddition {
  action: 'manufacturers.create' | 'manufacturers.update' | 'models.create'
  entity: 'manufacturer' | 'device_model'
  entityId: number
  details: Record<string, unknown>
}

/**
 * The built-in catalog plus the demo's brands and models (each new brand gets the default fault
 * codes, as manufacturers.create gives them); returns every model with its facts and the active
 * fault codes per manufacturer as `kind:code`.
 */
export async function installCatalog(
  trx: Transaction<DB>,
  nowMs: number,
): Promise<{ models: CatalogModel[]; makers: CatalogMaker[]; additions: CatalogAddition[]; faultCodes: Map<number, Set<string>> }> {
  await seedDefaultCatalog(trx, nowMs)
  const additions: CatalogAddition[] = []
  const manufacturerIds = new Map((await trx.selectFrom('manufacturers').select(['id', 'code']).execute()).map((m) => [m.code, m.id]))

  for (const brand of demoBrands) {
    if (manufacturerIds.has(brand.code)) continue
    const fields = { code: brand.code, name: brand.name, warrantyMonths: brand.warrantyMonths, proofRequired: brand.proofRequired, claimWindowDays: 30, defectiveReturnDays: 30 }
    const row = await insertManufacturer(trx, fields, nowMs)
    await seedFaultCodes(trx, row.id, nowMs)
    manufacturerIds.set(brand.code, row.id)
    additions.push({ action: 'manufacturers.create', entity: 'manufacturer', entityId: row.id, details: fields })
  }

  const existing = new Set((await trx.selectFrom('device_models').select(['manufacturer_id', 'model_code']).execute()).map((m) => `${m.manufacturer_id}/${m.model_code}`))
  for (const model of demoModels) {
    const manufacturerId = manufacturerIds.get(model.brand)
    if (manufacturerId === undefined) throw new Error(`demo model ${model.modelCode} names unknown brand ${model.brand}`)
    if (existing.has(`${manufacturerId}/${model.modelCode}`)) continue
    const fields = { manufacturerId, modelCode: model.modelCode, marketingName: model.marketingName, category: model.category, warrantyMonths: model.warrantyMonths ?? null }
    const id = await insertModel(trx, fields, nowMs)
    additions.push({ action: 'models.create', entity: 'device_model', entityId: id, details: fields })
  }

  // Apple's authorised-service terms: its warranty repairs use only the parts Apple consigns, and
  // removed parts go back within 15 days (the other makers keep the defaults: 30 days, shop stock allowed).
  const apple = manufacturerIds.get('APPLE')
  const before = apple === undefined ? undefined : await findManufacturer(trx, apple)
  if (apple !== undefined && before) {
    const changes = { defectiveReturnDays: 15, shopStockForWarranty: false }
    await updateManufacturer(trx, apple, changes, nowMs)
    additions.push({ action: 'manufacturers.update', entity: 'manufacturer', entityId: apple, details: { before: toManufacturerDto(before), changes } })
  }

  const faultCodes = new Map<number, Set<string>>()
  for (const c of await trx.selectFrom('fault_codes').select(['manufacturer_id', 'kind', 'code']).where('active', '=', 1).orderBy('id').execute()) {
    const set = faultCodes.get(c.manufacturer_id) ?? new Set<string>()
    set.add(`${c.kind}:${c.code}`)
    faultCodes.set(c.manufacturer_id, set)
  }
  const makers = (await trx.selectFrom('manufacturers').select(['id', 'code', 'name', 'defective_return_days', 'shop_stock_for_warranty']).orderBy('id').execute()).map((m) => ({
    id: m.id,
    code: m.code,
    name: m.name,
    defectiveReturnDays: m.defective_return_days,
    shopStockForWarranty: m.shop_stock_for_warranty === 1,
  }))
  return { models: await readModels(trx), makers, additions, faultCodes }
}

async function readModels(trx: Transaction<DB>): Promise<CatalogModel[]> {
  const rows = await trx
    .selectFrom('device_models as dm')
    .innerJoin('manufacturers as mf', 'mf.id', 'dm.manufacturer_id')
    .select(['dm.id', 'dm.manufacturer_id', 'dm.model_code', 'dm.marketing_name', 'dm.category', 'dm.warranty_months', 'mf.code', 'mf.warranty_months as mf_months', 'mf.proof_required'])
    .orderBy('dm.id')
    .execute()
  return rows.map((row) => {
    const brand = demoBrands.find((b) => b.code === row.code)
    if (!brand) throw new Error(`built-in manufacturer ${row.code} is missing from db/demo/models.ts`)
    // A built-in model the demo does not list yet is treated as current.
    const launched = demoModels.find((m) => m.brand === row.code && m.modelCode === row.model_code)?.launched ?? '2023-01'
    return {
      id: row.id,
      manufacturerId: row.manufacturer_id,
      modelCode: row.model_code,
      marketingName: row.marketing_name,
      brand,
      category: row.category,
      launchDay: dayOf(`${launched}-15`),
      warrantyMonths: row.warranty_months ?? row.mf_months,
      proofRequired: row.proof_required === 1,
      tac: brand.tacPrefix + String(fnv(row.model_code) % 1_000_000).padStart(6, '0'),
    }
  })
}

function fnv(text: string): number {
  let h = 0x811c9dc5
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193) >>> 0
  return h
}
