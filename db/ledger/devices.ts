import type { Selectable } from 'kysely'
import type { DeviceDto } from '../../shared/dto/catalog'
import { normalizeSerial } from '../../shared/identifiers'
import type { DevicesTable } from '../schema'
import type { Executor } from './audit'
import { findModel } from './catalog'

type DeviceRow = Selectable<DevicesTable>

export async function toDeviceDto(db: Executor, row: DeviceRow): Promise<DeviceDto> {
  const model = await findModel(db, row.model_id)
  if (!model) throw new Error(`device ${row.id} has no model ${row.model_id}`)
  return {
    id: row.id,
    model,
    imei: row.imei,
    serial: row.serial,
    purchaseDate: row.purchase_date,
    proofOfPurchaseRef: row.proof_of_purchase_ref,
    ownerCustomerId: row.owner_customer_id,
  }
}

export async function findDevice(db: Executor, id: number): Promise<DeviceRow | undefined> {
  return db.selectFrom('devices').selectAll().where('id', '=', id).executeTakeFirst()
}

export async function findDeviceByImei(db: Executor, imei: string): Promise<DeviceRow | undefined> {
  return db.selectFrom('devices').selectAll().where('imei', '=', imei).executeTakeFirst()
}

/** What a scanner typed: an IMEI (15 digits) or a serial number; newest device first for serials. */
export async function findDeviceByIdentifier(db: Executor, identifier: string): Promise<DeviceRow | undefined> {
  const compact = identifier.replace(/[\s-]/g, '')
  if (/^\d{15}$/.test(compact)) {
    const byImei = await findDeviceByImei(db, compact)
    if (byImei) return byImei
  }
  return db.selectFrom('devices').selectAll().where('serial', '=', normalizeSerial(identifier)).orderBy('id', 'desc').executeTakeFirst()
}

export async function devicesOfCustomer(db: Executor, customerId: number): Promise<DeviceRow[]> {
  return db.selectFrom('devices').selectAll().where('owner_customer_id', '=', customerId).orderBy('id', 'desc').execute()
}

export interface NewDeviceFields {
  modelId: number
  imei: string | null
  serial: string | null
  purchaseDate: string | null
  proofOfPurchaseRef: string | null
  ownerCustomerId: number
}

export async function insertDevice(db: Executor, d: NewDeviceFields, nowMs: number): Promise<DeviceRow> {
  return db
    .insertInto('devices')
    .values({
      model_id: d.modelId,
      imei: d.imei,
      serial: d.serial,
      purchase_date: d.purchaseDate,
      proof_of_purchase_ref: d.proofOfPurchaseRef,
      owner_customer_id: d.ownerCustomerId,
      created_at_ms: nowMs,
      updated_at_ms: nowMs,
    })
    .returningAll()
    .executeTakeFirstOrThrow()
}

export async function updateDeviceFacts(
  db: Executor,
  id: number,
  facts: { purchaseDate?: string | null; proofOfPurchaseRef?: string | null; ownerCustomerId?: number },
  nowMs: number,
): Promise<DeviceRow> {
  return db
    .updateTable('devices')
    .set({
      ...(facts.purchaseDate !== undefined && { purchase_date: facts.purchaseDate }),
      ...(facts.proofOfPurchaseRef !== undefined && { proof_of_purchase_ref: facts.proofOfPurchaseRef }),
      ...(facts.ownerCustomerId !== undefined && { owner_customer_id: facts.ownerCustomerId }),
      updated_at_ms: nowMs,
    })
    .where('id', '=', id)
    .returningAll()
    .executeTakeFirstOrThrow()
}
