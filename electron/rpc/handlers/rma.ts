import { AppError } from '../../../shared/errors'
import type { RmaManufacturerDto, RmaShipmentDto } from '../../../shared/dto/stock'
import { appendAudit, type Executor } from '../../../db/ledger/audit'
import { defectiveParts } from '../../../db/ledger/defective'
import { appendMovement } from '../../../db/ledger/stock'
import { signedIn, type HandlerMap } from '../context'
import { fieldError } from './field-error'
import { shopDay } from './shop-day'

const recentShipments = 20

export const rmaHandlers: Pick<HandlerMap, 'rma.list' | 'rma.ship'> = {
  'rma.list': async ({ manufacturerId, includeShipped }, ctx) => {
    const { today } = await shopDay(ctx.db, ctx.nowMs)
    const owed = await defectiveParts(ctx.db, { owedOnly: true, ...(manufacturerId !== undefined && { manufacturerId }) }, today)
    const makers = await ctx.db.selectFrom('manufacturers').select(['id', 'code', 'name', 'defective_return_days']).execute()
    const groups = new Map<number, RmaManufacturerDto>()
    for (const item of owed) {
      const maker = makers.find((m) => m.id === item.manufacturer.id)
      if (!maker) continue
      const group = groups.get(maker.id) ?? { manufacturer: { id: maker.id, code: maker.code, name: maker.name, defectiveReturnDays: maker.defective_return_days }, owed: [], overdueCount: 0 }
      group.owed.push(item)
      if (item.overdue) group.overdueCount += 1
      groups.set(maker.id, group)
    }
    // Most overdue first, then whoever's earliest part is due soonest (items are already by due date).
    const ordered = [...groups.values()].sort(
      (a, b) => b.overdueCount - a.overdueCount || (a.owed[0]?.returnByDate ?? '').localeCompare(b.owed[0]?.returnByDate ?? '') || a.manufacturer.name.localeCompare(b.manufacturer.name),
    )
    const shipments = includeShipped ? await shipmentList(ctx.db, today, manufacturerId) : []
    return { owed: ordered, shipments }
  },

  'rma.ship': async ({ manufacturerId, defectiveIds, carrier, trackingNumber, note }, ctx) => {
    const staff = signedIn(ctx)
    const { today } = await shopDay(ctx.db, ctx.nowMs)
    const shipmentId = await ctx.write(async (trx) => {
      const maker = await trx.selectFrom('manufacturers').select('id').where('id', '=', manufacturerId).executeTakeFirst()
      if (!maker) throw fieldError(['manufacturerId'], 'errors.manufacturerNotFound', 'NOT_FOUND')
      const duplicate = defectiveIds.findIndex((id, i) => defectiveIds.indexOf(id) !== i)
      if (duplicate >= 0) throw fieldError(['defectiveIds', duplicate], 'validation.duplicatePart')
      const items = await defectiveParts(trx, { ids: defectiveIds }, today)
      for (const [index, id] of defectiveIds.entries()) {
        const item = items.find((d) => d.id === id)
        if (!item || (item.shipment === null && item.quantity <= 0)) throw fieldError(['defectiveIds', index], 'errors.defectiveNotFound', 'NOT_FOUND')
        if (item.manufacturer.id !== manufacturerId) throw fieldError(['defectiveIds', index], 'errors.defectiveOtherManufacturer', 'CONFLICT')
        if (item.shipment !== null) throw fieldError(['defectiveIds', index], 'errors.defectiveAlreadyShipped', 'CONFLICT')
      }
      const { id } = await trx
        .insertInto('rma_shipments')
        .values({ manufacturer_id: manufacturerId, at_ms: ctx.nowMs, business_date: today, staff_id: staff.id, carrier, tracking_number: trackingNumber, note })
        .returning('id')
        .executeTakeFirstOrThrow()
      let groupId: number | undefined
      for (const item of items) {
        const movementId = await appendMovement(trx, {
          atMs: ctx.nowMs,
          businessDate: today,
          staffId: staff.id,
          partId: item.partId,
          pool: 'defective',
          kind: 'rma_out',
          quantity: -item.quantity,
          ticketId: item.ticket.id,
          reference: `${carrier} ${trackingNumber}`,
          ...(groupId !== undefined && { groupId }),
        })
        groupId ??= movementId
        await trx.insertInto('rma_shipment_items').values({ shipment_id: id, defective_part_id: item.id, movement_id: movementId }).execute()
      }
      await appendAudit(trx, { atMs: ctx.nowMs, staffId: staff.id, action: 'rma.ship', entity: 'rma_shipment', entityId: id, details: { manufacturerId, defectiveIds, carrier, trackingNumber } })
      return id
    })
    const [shipment] = await shipmentList(ctx.db, today, manufacturerId, shipmentId)
    if (!shipment) throw new AppError('NOT_FOUND', 'errors.defectiveNotFound')
    return shipment
  },
}

async function shipmentList(db: Executor, today: string, manufacturerId?: number, shipmentId?: number): Promise<RmaShipmentDto[]> {
  let query = db
    .selectFrom('rma_shipments as sh')
    .innerJoin('manufacturers as mf', 'mf.id', 'sh.manufacturer_id')
    .innerJoin('staff as s', 's.id', 'sh.staff_id')
    .select(['sh.id', 'sh.manufacturer_id', 'mf.name as manufacturer_name', 'sh.at_ms', 'sh.business_date', 's.name as staff_name', 'sh.carrier', 'sh.tracking_number', 'sh.note'])
    .orderBy('sh.id', 'desc')
    .limit(recentShipments)
  if (manufacturerId !== undefined) query = query.where('sh.manufacturer_id', '=', manufacturerId)
  if (shipmentId !== undefined) query = query.where('sh.id', '=', shipmentId)
  const rows = await query.execute()
  return Promise.all(
    rows.map(async (r) => ({
      id: r.id,
      manufacturer: { id: r.manufacturer_id, name: r.manufacturer_name },
      atMs: r.at_ms,
      businessDate: r.business_date,
      staffName: r.staff_name,
      carrier: r.carrier,
      trackingNumber: r.tracking_number,
      note: r.note,
      items: await defectiveParts(db, { shipmentId: r.id }, today),
    })),
  )
}
