import type Database from 'better-sqlite3'
import type { DemoPart } from './parts-catalog'

// Bulk writes of the parts catalogue and the stock ledger with prepared statements and ids
// counted here (the tables start empty), as db/demo/writer.ts does for tickets. stock_levels is
// summed from the movements once at the end (generate.ts); the stock room keeps levels meanwhile.
// The triggers of migration 0010 keep rma_owed as defective parts are booked and shipped.

export interface MovementRow {
  atMs: number
  businessDate: string
  staffId: number
  partId: number
  pool: string
  poolManufacturerId: number | null
  kind: string
  quantity: number
  unitCostMinor: number | null
  ticketId: number | null
  reversesMovementId: number | null
  /** Omitted for the first movement of an operation, which is its own group. */
  groupId?: number
  supplier?: string
  reference?: string
  reason?: string
  serial?: string | null
  oldSerial?: string | null
  /** Consumes: the part's sell price when used (migration 0010). */
  unitPriceMinor?: number | null
}

export interface DefectiveRow {
  partId: number
  ticketId: number
  manufacturerId: number
  quantity: number
  oldSerial: string | null
  consumedMovementId: number
  movementId: number
  removedAtMs: number
  returnByDate: string
}

export class StockWriter {
  private readonly part: Database.Statement
  private readonly partModel: Database.Statement
  private readonly movement: Database.Statement
  private readonly defective: Database.Statement
  private readonly shipment: Database.Statement
  private readonly shipmentItem: Database.Statement
  private readonly partCost: Database.Statement
  private lastMovementId = 0
  private lastDefectiveId = 0
  private lastShipmentId = 0

  constructor(private readonly sqlite: Database.Database) {
    this.part = sqlite.prepare(
      `INSERT INTO parts (id, sku, manufacturer_part_number, name, sell_price_minor, average_cost_minor, reorder_point, bin_location, serialized, active, search_text, created_at_ms, updated_at_ms)
       VALUES (?, ?, ?, ?, ?, 0, ?, ?, ?, 1, '', ?, ?)`,
    )
    this.partModel = sqlite.prepare(`INSERT INTO part_models (part_id, model_id) VALUES (?, ?)`)
    this.movement = sqlite.prepare(
      `INSERT INTO stock_movements (id, at_ms, business_date, staff_id, part_id, pool, pool_manufacturer_id, kind, quantity, unit_cost_minor, ticket_id,
         reverses_movement_id, group_id, supplier, reference, reason, serial, old_serial, unit_price_minor)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    )
    this.defective = sqlite.prepare(
      `INSERT INTO defective_parts (id, part_id, ticket_id, manufacturer_id, quantity, old_serial, consumed_movement_id, movement_id, removed_at_ms, return_by_date)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    )
    this.shipment = sqlite.prepare(
      `INSERT INTO rma_shipments (id, manufacturer_id, at_ms, business_date, staff_id, carrier, tracking_number, note) VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
    )
    this.shipmentItem = sqlite.prepare(`INSERT INTO rma_shipment_items (shipment_id, defective_part_id, movement_id) VALUES (?, ?, ?)`)
    this.partCost = sqlite.prepare(`UPDATE parts SET average_cost_minor = ?, updated_at_ms = ? WHERE id = ?`)
  }

  get movements(): number {
    return this.lastMovementId
  }

  insertPart(p: DemoPart, atMs: number): void {
    this.part.run(p.id, p.sku, p.manufacturerPartNumber, p.name, p.sellPriceMinor, p.reorderPoint, p.binLocation, p.serialized ? 1 : 0, atMs, atMs)
    for (const modelId of p.modelIds) this.partModel.run(p.id, modelId)
  }

  /** Appends a movement and returns its id. */
  insertMovement(m: MovementRow): number {
    const id = ++this.lastMovementId
    this.movement.run(
      id, m.atMs, m.businessDate, m.staffId, m.partId, m.pool, m.poolManufacturerId, m.kind, m.quantity, m.unitCostMinor, m.ticketId,
      m.reversesMovementId, m.groupId ?? id, m.supplier ?? '', m.reference ?? '', m.reason ?? '', m.serial ?? null, m.oldSerial ?? null, m.unitPriceMinor ?? null,
    )
    return id
  }

  insertDefective(d: DefectiveRow): number {
    const id = ++this.lastDefectiveId
    this.defective.run(id, d.partId, d.ticketId, d.manufacturerId, d.quantity, d.oldSerial, d.consumedMovementId, d.movementId, d.removedAtMs, d.returnByDate)
    return id
  }

  insertShipment(manufacturerId: number, atMs: number, businessDate: string, staffId: number, carrier: string, trackingNumber: string, note: string): number {
    const id = ++this.lastShipmentId
    this.shipment.run(id, manufacturerId, atMs, businessDate, staffId, carrier, trackingNumber, note)
    return id
  }

  insertShipmentItem(shipmentId: number, defectiveId: number, movementId: number): void {
    this.shipmentItem.run(shipmentId, defectiveId, movementId)
  }

  /** The moving-average cost as the last receipt or return into shop stock left it. */
  savePartCost(partId: number, averageMinor: number, atMs: number): void {
    this.partCost.run(averageMinor, atMs, partId)
  }

  /** What refreshPartSearch (db/ledger/parts.ts) writes, for every part at once. */
  refreshSearchText(): void {
    this.sqlite.exec(`UPDATE parts SET search_text = lower(sku || ' ' || manufacturer_part_number || ' ' || name || ' ' || coalesce((
        SELECT group_concat(dm.model_code || ' ' || dm.marketing_name, ' ')
        FROM part_models pm JOIN device_models dm ON dm.id = pm.model_id WHERE pm.part_id = parts.id), ''))`)
  }
}
