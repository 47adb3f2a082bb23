import { sql } from 'kysely'
import type { TicketPartLineDto, TicketPartsDto } from '../../shared/dto/stock'
import { poolsForTicket, type PoolKey, type TicketStockFacts } from '../../shared/stock'
import type { Executor } from './audit'
import { defectiveParts } from './defective'
import type { TicketRow } from './tickets'

/** What the pool rules need to know about a ticket: warranty or paid, and its manufacturer's rule. */
export async function ticketStockFacts(db: Executor, ticket: TicketRow): Promise<TicketStockFacts & { defectiveReturnDays: number }> {
  const maker = await db
    .selectFrom('devices as d')
    .innerJoin('device_models as dm', 'dm.id', 'd.model_id')
    .innerJoin('manufacturers as mf', 'mf.id', 'dm.manufacturer_id')
    .select(['mf.id', 'mf.shop_stock_for_warranty', 'mf.defective_return_days'])
    .where('d.id', '=', ticket.device_id)
    .executeTakeFirstOrThrow()
  return {
    // The same rule as the workflow's `paid`: a warranty voided at diagnosis is paid work.
    warranty: ticket.warranty_status === 'in_warranty',
    manufacturerId: maker.id,
    shopStockForWarranty: maker.shop_stock_for_warranty === 1,
    defectiveReturnDays: maker.defective_return_days,
  }
}

interface LineRow {
  id: number
  at_ms: number
  staff_name: string
  part_id: number
  sku: string
  name: string
  pool: string
  quantity: number
  returned: number
  /** The price when used (older rows without it: the catalogue's). */
  sell_price_minor: number
  unit_cost_minor: number | null
  serial: string | null
  old_serial: string | null
}

/** The consume movements of a ticket with what came back of each. */
export async function ticketPartLines(db: Executor, ticketId: number): Promise<TicketPartLineDto[]> {
  const { rows } = await sql<LineRow>`
    SELECT m.id, m.at_ms, s.name AS staff_name, m.part_id, p.sku, p.name, m.pool, -m.quantity AS quantity,
           coalesce((SELECT sum(r.quantity) FROM stock_movements r WHERE r.reverses_movement_id = m.id AND r.kind = 'return'), 0) AS returned,
           coalesce(m.unit_price_minor, p.sell_price_minor) AS sell_price_minor, m.unit_cost_minor, m.serial, m.old_serial
    FROM stock_movements m
    JOIN parts p ON p.id = m.part_id
    JOIN staff s ON s.id = m.staff_id
    WHERE m.ticket_id = ${ticketId} AND m.kind = 'consume'
    ORDER BY m.id`.execute(db)
  return rows.map((r) => ({
    movementId: r.id,
    atMs: r.at_ms,
    staffName: r.staff_name,
    partId: r.part_id,
    sku: r.sku,
    name: r.name,
    pool: r.pool as PoolKey,
    quantity: r.quantity,
    returned: r.returned,
    netQuantity: r.quantity - r.returned,
    sellPriceMinor: r.sell_price_minor,
    unitCostMinor: r.unit_cost_minor ?? 0,
    serial: r.serial,
    oldSerial: r.old_serial,
  }))
}

export async function loadTicketParts(db: Executor, ticket: TicketRow, today: string): Promise<TicketPartsDto> {
  const facts = await ticketStockFacts(db, ticket)
  return {
    ticketId: ticket.id,
    warranty: facts.warranty,
    pools: poolsForTicket(facts),
    lines: await ticketPartLines(db, ticket.id),
    defective: await defectiveParts(db, { ticketId: ticket.id }, today),
  }
}
