import { choosePool, movingAverageCost, parsePool, type PoolKey } from '../../shared/stock'
import { dateOf, shopDayOf } from './calendar'
import type { CatalogMaker } from './catalog'
import type { DemoPart } from './parts-catalog'
import type { MovementRow, StockWriter } from './stock-writer'
import type { DemoWriter } from './writer'

// The stock ledger as the handlers write it (electron/rpc/handlers/stock.ts, ticket-parts.ts,
// rma.ts): every operation's movements, the rows it owns, the audit row and, on a ticket, the
// event. Levels and moving-average costs are kept here as well, so no pool is ever asked for
// more than it holds (the schema's CHECK would stop the demo if one were).

export interface ReceiptLine {
  part: DemoPart
  quantity: number
  /** Shop stock only: consigned stock costs the shop nothing. */
  unitCostMinor?: number
}

export interface TicketLine {
  part: DemoPart
  quantity: number
  keepDefective: boolean
  serial?: string
  oldSerial?: string
}

export interface TicketStock {
  ticketId: number
  manufacturerId: number
  /** In warranty (not voided): the manufacturer pays, and its consigned stock comes first. */
  warranty: boolean
}

export interface Consumed {
  id: number
  part: DemoPart
  pool: PoolKey
  quantity: number
  unitCostMinor: number
}

/** A removed part owed to its manufacturer until an RMA shipment takes it. */
export interface Owed {
  id: number
  partId: number
  ticketId: number
  manufacturerId: number
  quantity: number
  removedDay: number
  returnByDate: string
  /** Mislaid in the workshop until this day (it misses the shipments before). */
  foundDay: number
}

/** A part used on warranty work, with what a claim line copies from its movement. */
export interface WarrantyPartUse {
  movementId: number
  part: DemoPart
  pool: PoolKey
  quantity: number
  unitCostMinor: number
  serial: string | null
  oldSerial: string | null
  /** The defective part booked for the manufacturer, when the removed part is owed back. */
  defectiveId: number | null
}

/** Told of every part used on or returned from warranty work (the claims desk builds claim lines from them). */
export interface WarrantyPartsListener {
  used(ticketId: number, use: WarrantyPartUse): void
  returned(ticketId: number, movementId: number, quantity: number): void
}

/** Parts on tickets as they are used and returned (each consume movement by its id). */
export interface TicketPartsListener {
  used(ticketId: number, movementId: number, part: DemoPart, quantity: number): void
  returned(ticketId: number, movementId: number, quantity: number): void
}

export class StockRoom {
  /** On hand per part and pool, keyed by number (levelKey): millions of lookups. */
  private readonly levels = new Map<number, number>()
  private readonly pools = new Map<string, { index: number; manufacturerId: number | null }>()
  private readonly averages = new Map<number, number>()
  private readonly costChanged = new Map<number, number>()
  /** Units per part taken from shop stock, and used on warranty work, since purchasing last looked. */
  readonly usedFromShop = new Map<number, number>()
  readonly usedOnWarranty = new Map<number, number>()
  readonly owed: Owed[] = []
  partsCreated = 0
  /** Told of every part going onto or coming back off a ticket (the money side prices invoices by it). */
  ticketParts: TicketPartsListener | null = null
  /** Told of the parts on warranty tickets (the claims desk). */
  warrantyParts: WarrantyPartsListener | null = null

  constructor(
    private readonly writer: StockWriter,
    private readonly ledger: DemoWriter,
    readonly makers: Map<number, CatalogMaker>,
  ) {}

  onHand(partId: number, pool: PoolKey): number {
    return this.levels.get(this.levelKey(partId, pool)) ?? 0
  }

  /** parts.create by the owner. */
  createPart(part: DemoPart, atMs: number, ownerId: number): void {
    this.writer.insertPart(part, atMs)
    this.partsCreated++
    const fields = {
      sku: part.sku,
      manufacturerPartNumber: part.manufacturerPartNumber,
      name: part.name,
      sellPriceMinor: part.sellPriceMinor,
      reorderPoint: part.reorderPoint,
      binLocation: part.binLocation,
      serialized: part.serialized,
    }
    this.ledger.appendAudit(atMs, ownerId, 'parts.create', 'part', part.id, { ...fields, modelIds: part.modelIds })
  }

  /** stock.receive: one delivery into shop stock (bought) or a manufacturer's consigned stock. */
  receive(atMs: number, staffId: number, pool: PoolKey, supplier: string, deliveryNote: string, lines: ReceiptLine[]): void {
    const businessDate = dateOf(shopDayOf(atMs))
    let groupId: number | undefined
    for (const line of lines) {
      const shop = pool === 'shop'
      if (shop) this.reaverage(line.part.id, line.quantity, line.unitCostMinor ?? 0, atMs)
      const id = this.move({ atMs, businessDate, staffId, partId: line.part.id, pool, kind: 'receive', quantity: line.quantity, unitCostMinor: shop ? (line.unitCostMinor ?? 0) : null, ticketId: null, supplier, reference: deliveryNote, groupId })
      groupId ??= id
    }
    const auditLines = lines.map((l) => ({ partId: l.part.id, quantity: l.quantity, ...(pool === 'shop' && { unitCostMinor: l.unitCostMinor ?? 0 }) }))
    this.ledger.appendAudit(atMs, staffId, 'stock.receive', 'stock_group', groupId as number, { pool, supplier, deliveryNote, lines: auditLines })
  }

  /** The pool a ticket would take `quantity` of a part from now, if any holds enough. */
  poolFor(ticket: TicketStock, partId: number, quantity: number): PoolKey | undefined {
    const maker = this.makers.get(ticket.manufacturerId)
    const facts = { warranty: ticket.warranty, manufacturerId: ticket.manufacturerId, shopStockForWarranty: maker?.shopStockForWarranty ?? true }
    return choosePool(facts, quantity, (pool) => this.onHand(partId, pool))
  }

  /** tickets.useParts: each line from the first of the ticket's pools that has it (callers make sure one does). */
  useParts(atMs: number, staffId: number, ticket: TicketStock, lines: TicketLine[], note = ''): Consumed[] {
    const businessDate = dateOf(shopDayOf(atMs))
    const returnByDays = this.makers.get(ticket.manufacturerId)?.defectiveReturnDays ?? 30
    const returnBy = dateOf(shopDayOf(atMs) + returnByDays)
    const ticketId = ticket.ticketId
    let groupId: number | undefined
    const consumed: Consumed[] = []
    const used: Record<string, unknown>[] = []
    // Object literals, not spreads of a shared base: this runs a quarter of a million times.
    for (const line of lines) {
      const partId = line.part.id
      const pool = this.poolFor(ticket, partId, line.quantity)
      if (!pool) throw new Error(`demo: no stock of ${line.part.sku} for ticket ${ticketId}`)
      const unitCostMinor = pool === 'shop' ? (this.averages.get(partId) ?? 0) : 0
      const serial = line.serial ?? null
      const oldSerial = line.oldSerial ?? null
      const id = this.move({ atMs, businessDate, staffId, partId, pool, kind: 'consume', quantity: -line.quantity, unitCostMinor, ticketId, serial, oldSerial, reason: note, groupId, unitPriceMinor: line.part.sellPriceMinor })
      groupId ??= id
      consumed.push({ id, part: line.part, pool, quantity: line.quantity, unitCostMinor })
      this.ticketParts?.used(ticketId, id, line.part, line.quantity)
      const keepsDefective = ticket.warranty && line.keepDefective
      let defectiveId: number | null = null
      if (keepsDefective) {
        const movementId = this.move({ atMs, businessDate, staffId, partId, pool: 'defective', kind: 'defective_in', quantity: line.quantity, unitCostMinor: null, ticketId, oldSerial, groupId })
        defectiveId = this.writer.insertDefective({ partId, ticketId, manufacturerId: ticket.manufacturerId, quantity: line.quantity, oldSerial, consumedMovementId: id, movementId, removedAtMs: atMs, returnByDate: returnBy })
        this.owed.push({ id: defectiveId, partId, ticketId, manufacturerId: ticket.manufacturerId, quantity: line.quantity, removedDay: shopDayOf(atMs), returnByDate: returnBy, foundDay: 0 })
      }
      if (ticket.warranty) this.warrantyParts?.used(ticketId, { movementId: id, part: line.part, pool, quantity: line.quantity, unitCostMinor, serial, oldSerial, defectiveId })
      if (pool === 'shop') count(this.usedFromShop, partId, line.quantity)
      if (ticket.warranty) count(this.usedOnWarranty, partId, line.quantity)
      used.push({ partId, sku: line.part.sku, quantity: line.quantity, pool, ...(line.serial && { serial: line.serial }), ...(line.oldSerial && { oldSerial: line.oldSerial }), ...(keepsDefective && { returnBy }) })
    }
    // One serialisation for both rows: {"parts":…} and {"groupId":…,"parts":…}, as JSON.stringify writes them.
    const parts = JSON.stringify(used)
    this.ledger.insertEvent({ ticketId, atMs, staffId, kind: 'partsUsed', from: null, to: null, note, dataJson: `{"parts":${parts}}` })
    this.ledger.appendAuditJson(atMs, staffId, 'tickets.useParts', 'ticket', ticketId, `{"groupId":${groupId},"parts":${parts}}`)
    return consumed
  }

  /** tickets.returnPart of an unused part on paid work (so nothing was owed for it). */
  returnPart(atMs: number, staffId: number, ticketId: number, consumed: Consumed, quantity: number, reason: string): void {
    const { part, pool } = consumed
    if (pool === 'shop') this.reaverage(part.id, quantity, consumed.unitCostMinor, atMs)
    this.move({ atMs, businessDate: dateOf(shopDayOf(atMs)), staffId, partId: part.id, pool, kind: 'return', quantity, unitCostMinor: consumed.unitCostMinor, ticketId, reversesMovementId: consumed.id, reason })
    if (pool === 'shop') count(this.usedFromShop, part.id, -quantity)
    this.ticketParts?.returned(ticketId, consumed.id, quantity)
    this.warrantyParts?.returned(ticketId, consumed.id, quantity)
    const data = { movementId: consumed.id, partId: part.id, quantity, pool }
    this.ledger.insertEvent({ ticketId, atMs, staffId, kind: 'partReturned', from: null, to: null, note: reason, dataJson: JSON.stringify(data) })
    this.ledger.appendAudit(atMs, staffId, 'tickets.returnPart', 'ticket', ticketId, data)
  }

  /** stock.adjust (found: +, lost or damaged: −) or stock.scrap (a positive quantity thrown away), by the owner. */
  correct(atMs: number, ownerId: number, kind: 'adjust' | 'scrap', part: DemoPart, pool: PoolKey, quantity: number, reason: string): void {
    const signed = kind === 'scrap' ? -quantity : quantity
    this.move({ atMs, businessDate: dateOf(shopDayOf(atMs)), staffId: ownerId, partId: part.id, pool, kind, quantity: signed, unitCostMinor: this.costIn(part.id, pool), ticketId: null, reason })
    this.ledger.appendAudit(atMs, ownerId, `stock.${kind}`, 'part', part.id, { pool, quantity, reason })
  }

  /** stock.stocktake: the differences between counted and expected post as one group. */
  stocktake(atMs: number, ownerId: number, pool: PoolKey, counts: { part: DemoPart; counted: number }[], note: string): void {
    const businessDate = dateOf(shopDayOf(atMs))
    let groupId: number | undefined
    const differences: { partId: number; expected: number; counted: number }[] = []
    for (const { part, counted } of counts) {
      const expected = this.onHand(part.id, pool)
      if (counted === expected) continue
      const id = this.move({ atMs, businessDate, staffId: ownerId, partId: part.id, pool, kind: 'stocktake', quantity: counted - expected, unitCostMinor: this.costIn(part.id, pool), ticketId: null, reason: note, groupId })
      groupId ??= id
      differences.push({ partId: part.id, expected, counted })
    }
    if (groupId !== undefined) this.ledger.appendAudit(atMs, ownerId, 'stock.stocktake', 'stock_group', groupId, { pool, note, counted: counts.length, differences })
  }

  /** rma.ship: the chosen owed parts of one manufacturer leave the defective pool. */
  ship(atMs: number, staffId: number, manufacturerId: number, items: Owed[], carrier: string, trackingNumber: string, note: string): void {
    const businessDate = dateOf(shopDayOf(atMs))
    // The handler writes the items in the order it reads them: by return-by date, then id.
    const sorted = [...items].sort((a, b) => a.returnByDate.localeCompare(b.returnByDate) || a.id - b.id)
    const shipmentId = this.writer.insertShipment(manufacturerId, atMs, businessDate, staffId, carrier, trackingNumber, note)
    let groupId: number | undefined
    for (const item of sorted) {
      const id = this.move({ atMs, businessDate, staffId, partId: item.partId, pool: 'defective', kind: 'rma_out', quantity: -item.quantity, unitCostMinor: null, ticketId: item.ticketId, reference: `${carrier} ${trackingNumber}`, groupId })
      groupId ??= id
      this.writer.insertShipmentItem(shipmentId, item.id, id)
    }
    const shipped = new Set(items.map((i) => i.id))
    for (let i = this.owed.length - 1; i >= 0; i--) if (shipped.has((this.owed[i] as Owed).id)) this.owed.splice(i, 1)
    this.ledger.appendAudit(atMs, staffId, 'rma.ship', 'rma_shipment', shipmentId, { manufacturerId, defectiveIds: sorted.map((i) => i.id), carrier, trackingNumber })
  }

  /** Writes what stays on the part rows: the moving-average cost and when it last changed. */
  finish(): void {
    for (const [partId, atMs] of this.costChanged) this.writer.savePartCost(partId, this.averages.get(partId) ?? 0, atMs)
    this.writer.refreshSearchText()
  }

  /** Shop stock is valued at its moving average; consigned stock costs the shop nothing. */
  private costIn(partId: number, pool: PoolKey): number | null {
    return pool === 'shop' ? (this.averages.get(partId) ?? 0) : null
  }

  private reaverage(partId: number, quantity: number, unitCostMinor: number, atMs: number): void {
    this.averages.set(partId, movingAverageCost(this.onHand(partId, 'shop'), this.averages.get(partId) ?? 0, quantity, unitCostMinor))
    this.costChanged.set(partId, atMs)
  }

  private move(m: Omit<MovementRow, 'poolManufacturerId' | 'reversesMovementId'> & { pool: PoolKey; reversesMovementId?: number | null }): number {
    const key = this.levelKey(m.partId, m.pool)
    const level = (this.levels.get(key) ?? 0) + m.quantity
    if (level < 0) throw new Error(`demo: ${m.kind} of ${m.quantity} would leave part ${m.partId} below zero in ${m.pool}`)
    this.levels.set(key, level)
    const row = m as MovementRow
    row.reversesMovementId = m.reversesMovementId ?? null
    row.poolManufacturerId = this.pool(m.pool).manufacturerId
    return this.writer.insertMovement(row)
  }

  private levelKey(partId: number, pool: PoolKey): number {
    return partId * 4096 + this.pool(pool).index
  }

  private pool(key: PoolKey): { index: number; manufacturerId: number | null } {
    let pool = this.pools.get(key)
    if (!pool) {
      pool = { index: this.pools.size, manufacturerId: parsePool(key)?.manufacturerId ?? null }
      this.pools.set(key, pool)
    }
    return pool
  }
}

function count(map: Map<number, number>, partId: number, quantity: number): void {
  map.set(partId, (map.get(partId) ?? 0) + quantity)
}
