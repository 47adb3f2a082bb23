import { sql } from 'kysely'
import type { DefectivePartDto } from '../../shared/dto/stock'
import { daysBetween } from '../../shared/dates'
import type { Executor } from './audit'

// Defective parts owed to manufacturers. A defective_parts row never changes: what is still owed
// is its quantity less what came back with an unused part's return (a reversing movement on the
// defective pool), and nothing once it is on an RMA shipment. A part belongs to the claim of the
// ticket it came out of (one claim per warranty ticket), so the link is the ticket.

export interface DefectiveFilter {
  ticketId?: number
  manufacturerId?: number
  ids?: readonly number[]
  shipmentId?: number
  /** Only parts not yet shipped and still owed. */
  owedOnly?: boolean
}

interface DefectiveRow {
  id: number
  part_id: number
  sku: string
  name: string
  ticket_id: number
  ticket_number: string
  manufacturer_id: number
  manufacturer_name: string
  quantity: number
  reversed: number
  old_serial: string | null
  removed_at_ms: number
  return_by_date: string
  movement_id: number
  shipment_id: number | null
  shipped_quantity: number | null
  carrier: string | null
  tracking_number: string | null
  shipped_date: string | null
  claim_id: number | null
  claim_number: string | null
}

export async function defectiveParts(db: Executor, filter: DefectiveFilter, today: string): Promise<DefectivePartDto[]> {
  const where = [sql`1 = 1`]
  if (filter.ticketId !== undefined) where.push(sql`dp.ticket_id = ${filter.ticketId}`)
  if (filter.manufacturerId !== undefined) where.push(sql`dp.manufacturer_id = ${filter.manufacturerId}`)
  if (filter.ids !== undefined) where.push(sql`dp.id IN (SELECT value FROM json_each(${JSON.stringify(filter.ids)}))`)
  if (filter.shipmentId !== undefined) where.push(sql`si.shipment_id = ${filter.shipmentId}`)
  // The owed set comes from rma_owed (kept by triggers), never from a scan of every removed part.
  if (filter.owedOnly) where.push(sql`dp.id IN (SELECT defective_part_id FROM rma_owed${filter.manufacturerId !== undefined ? sql` WHERE manufacturer_id = ${filter.manufacturerId}` : sql``})`)
  const { rows } = await sql<DefectiveRow>`
    SELECT dp.id, dp.part_id, p.sku, p.name, dp.ticket_id, t.number AS ticket_number, dp.manufacturer_id, mf.name AS manufacturer_name,
           dp.quantity, coalesce((SELECT -sum(r.quantity) FROM stock_movements r WHERE r.reverses_movement_id = dp.movement_id), 0) AS reversed,
           dp.old_serial, dp.removed_at_ms, dp.return_by_date, dp.movement_id,
           si.shipment_id, -out.quantity AS shipped_quantity, sh.carrier, sh.tracking_number, sh.business_date AS shipped_date,
           cl.id AS claim_id, cl.number AS claim_number
    FROM defective_parts dp
    JOIN parts p ON p.id = dp.part_id
    JOIN tickets t ON t.id = dp.ticket_id
    JOIN manufacturers mf ON mf.id = dp.manufacturer_id
    LEFT JOIN rma_shipment_items si ON si.defective_part_id = dp.id
    LEFT JOIN rma_shipments sh ON sh.id = si.shipment_id
    LEFT JOIN stock_movements out ON out.id = si.movement_id
    LEFT JOIN claims cl ON cl.ticket_id = dp.ticket_id
    WHERE ${sql.join(where, sql` AND `)}
    ORDER BY dp.return_by_date, dp.id`.execute(db)
  return rows
    .map((r) => toDefectiveDto(r, today))
    .filter((d) => !filter.owedOnly || d.quantity > 0)
}

function toDefectiveDto(r: DefectiveRow, today: string): DefectivePartDto {
  const shipped = r.shipment_id !== null
  const quantity = shipped ? (r.shipped_quantity ?? 0) : r.quantity - r.reversed
  const daysLeft = daysBetween(today, r.return_by_date)
  return {
    id: r.id,
    partId: r.part_id,
    sku: r.sku,
    name: r.name,
    ticket: { id: r.ticket_id, number: r.ticket_number },
    manufacturer: { id: r.manufacturer_id, name: r.manufacturer_name },
    quantity,
    oldSerial: r.old_serial,
    removedAtMs: r.removed_at_ms,
    returnByDate: r.return_by_date,
    overdue: !shipped && quantity > 0 && daysLeft < 0,
    daysLeft,
    shipment: shipped && r.shipment_id !== null ? { id: r.shipment_id, carrier: r.carrier ?? '', trackingNumber: r.tracking_number ?? '', businessDate: r.shipped_date ?? '' } : null,
    claim: r.claim_id !== null && r.claim_number !== null ? { id: r.claim_id, number: r.claim_number } : null,
  }
}

/** The defective_parts row made by a consume movement, if any (warranty repairs keep the old part). */
export async function defectiveOfConsume(db: Executor, consumeMovementId: number) {
  return db.selectFrom('defective_parts').selectAll().where('consumed_movement_id', '=', consumeMovementId).executeTakeFirst()
}

export async function isShipped(db: Executor, defectiveId: number): Promise<boolean> {
  return (await db.selectFrom('rma_shipment_items').select('shipment_id').where('defective_part_id', '=', defectiveId).executeTakeFirst()) !== undefined
}
