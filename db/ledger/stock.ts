import { sql } from 'kysely'
import type { StockMovementDto } from '../../shared/dto/stock'
import { parsePool, type PoolKey, type StockMovementKind } from '../../shared/stock'
import type { Executor } from './audit'
import { compiledOnce } from './compiled'

const levelOf = compiledOnce((db) => db.selectFrom('stock_levels').select('on_hand').where('part_id', '=', 0).where('pool', '=', ''))

/** Quantity on hand of a part in a pool (the running sum of its movements, kept by a trigger). */
export async function onHand(db: Executor, partId: number, pool: PoolKey): Promise<number> {
  const [row] = await levelOf(db, [partId, pool])
  return row?.on_hand ?? 0
}

export interface NewMovement {
  atMs: number
  businessDate: string
  staffId: number
  partId: number
  pool: PoolKey
  kind: StockMovementKind
  /** Signed: + into the pool, − out of it. */
  quantity: number
  unitCostMinor?: number | null
  ticketId?: number | null
  reversesMovementId?: number | null
  /** The first movement of the operation; left out for the first, which becomes its own group. */
  groupId?: number
  supplier?: string
  reference?: string
  reason?: string
  serial?: string | null
  oldSerial?: string | null
  unitPriceMinor?: number | null
}

/**
 * Appends one movement; the trigger moves stock_levels, whose CHECK refuses a negative quantity
 * on hand (callers check first, to say so in words). Returns the movement's id.
 */
export async function appendMovement(db: Executor, m: NewMovement): Promise<number> {
  const pool = parsePool(m.pool)
  if (!pool) throw new Error(`not a pool: ${m.pool}`)
  const { id } = await db
    .insertInto('stock_movements')
    .values({
      at_ms: m.atMs,
      business_date: m.businessDate,
      staff_id: m.staffId,
      part_id: m.partId,
      pool: m.pool,
      pool_manufacturer_id: pool.manufacturerId,
      kind: m.kind,
      quantity: m.quantity,
      unit_cost_minor: m.unitCostMinor ?? null,
      ticket_id: m.ticketId ?? null,
      reverses_movement_id: m.reversesMovementId ?? null,
      // A movement opening its own group points at itself; SQLite hands out max(id)+1 here.
      group_id: m.groupId ?? sql<number>`(SELECT coalesce(max(id), 0) + 1 FROM stock_movements)`,
      supplier: m.supplier ?? '',
      reference: m.reference ?? '',
      reason: m.reason ?? '',
      serial: m.serial ?? null,
      old_serial: m.oldSerial ?? null,
      unit_price_minor: m.unitPriceMinor ?? null,
    })
    .returning('id')
    .executeTakeFirstOrThrow()
  return id
}

/** A part's movements, newest first, each with the pool's balance after it. */
export async function movementsOfPart(db: Executor, partId: number, beforeId: number | undefined, limit: number): Promise<StockMovementDto[]> {
  // The running balance is a window over all of the part's movements (a part has thousands at
  // most), then the page is cut from it.
  const rows = await sql<MovementRow>`
    SELECT * FROM (
      SELECT m.*, sum(m.quantity) OVER (PARTITION BY m.pool ORDER BY m.id) AS balance_after,
             s.name AS staff_name, t.number AS ticket_number
      FROM stock_movements m
      JOIN staff s ON s.id = m.staff_id
      LEFT JOIN tickets t ON t.id = m.ticket_id
      WHERE m.part_id = ${partId}
    ) WHERE id < ${beforeId ?? Number.MAX_SAFE_INTEGER}
    ORDER BY id DESC LIMIT ${limit}`.execute(db)
  return rows.rows.map(toMovementDto)
}

/** Movements of one operation (a delivery, a stocktake), oldest first, with balances. */
export async function movementsOfGroup(db: Executor, groupId: number): Promise<StockMovementDto[]> {
  const rows = await sql<MovementRow>`
    SELECT m.*, (SELECT sum(quantity) FROM stock_movements b WHERE b.part_id = m.part_id AND b.pool = m.pool AND b.id <= m.id) AS balance_after,
           s.name AS staff_name, t.number AS ticket_number
    FROM stock_movements m
    JOIN staff s ON s.id = m.staff_id
    LEFT JOIN tickets t ON t.id = m.ticket_id
    WHERE m.group_id = ${groupId}
    ORDER BY m.id`.execute(db)
  return rows.rows.map(toMovementDto)
}

interface MovementRow {
  id: number
  at_ms: number
  business_date: string
  staff_name: string
  part_id: number
  pool: string
  kind: StockMovementKind
  quantity: number
  balance_after: number
  unit_cost_minor: number | null
  ticket_id: number | null
  ticket_number: string | null
  reverses_movement_id: number | null
  group_id: number
  supplier: string
  reference: string
  reason: string
  serial: string | null
  old_serial: string | null
}

function toMovementDto(r: MovementRow): StockMovementDto {
  return {
    id: r.id,
    atMs: r.at_ms,
    businessDate: r.business_date,
    staffName: r.staff_name,
    partId: r.part_id,
    pool: r.pool as PoolKey,
    kind: r.kind,
    quantity: r.quantity,
    balanceAfter: r.balance_after,
    unitCostMinor: r.unit_cost_minor,
    ticket: r.ticket_id !== null && r.ticket_number !== null ? { id: r.ticket_id, number: r.ticket_number } : null,
    reversesMovementId: r.reverses_movement_id,
    groupId: r.group_id,
    supplier: r.supplier,
    reference: r.reference,
    reason: r.reason,
    serial: r.serial,
    oldSerial: r.old_serial,
  }
}
