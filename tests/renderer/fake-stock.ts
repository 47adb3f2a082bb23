// The stock half of the fake server: parts, append-only movements, defective parts owed and RMA
// shipments in memory, with the DTO shapes the real ledger answers with. Quantities on hand are
// the sum of movements, as in the real ledger; the pool rules come from shared/stock.ts.
import { addDaysToDate, businessDateOf } from '../../shared/dates'
import type { DefectivePartDto, PartDetailDto, PartDto, RmaShipmentDto, StockMovementDto } from '../../shared/dto/stock'
import { movingAverageCost, type PoolKey, type TicketStockFacts } from '../../shared/stock'
import type { FakeLedger, TicketRecord } from './fake-ledger'

export interface PartRecord {
  id: number
  sku: string
  manufacturerPartNumber: string
  name: string
  sellPriceMinor: number
  averageCostMinor: number
  reorderPoint: number
  binLocation: string
  serialized: boolean
  active: boolean
  modelIds: number[]
}

/** A movement as stored: everything but the running balance, which is worked out when read. */
export type MovementRecord = Omit<StockMovementDto, 'balanceAfter'>

export interface DefectiveRecord {
  id: number
  partId: number
  ticketId: number
  manufacturerId: number
  quantity: number
  oldSerial: string | null
  removedAtMs: number
  returnByDate: string
  shipmentId: number | null
  /** The consume movement that removed it (a seeded one may have none). */
  consumedMovementId: number | null
}

export type ShipmentRecord = Omit<RmaShipmentDto, 'manufacturer' | 'items'> & { manufacturerId: number; itemIds: number[] }

type NewMovement = Pick<MovementRecord, 'partId' | 'pool' | 'kind' | 'quantity'> & Partial<MovementRecord>

export class FakeStock {
  parts: PartRecord[] = []
  movements: MovementRecord[] = []
  defective: DefectiveRecord[] = []
  shipments: ShipmentRecord[] = []

  constructor(private readonly ledger: FakeLedger) {}

  addPart(p: Pick<PartRecord, 'sku' | 'name' | 'sellPriceMinor'> & Partial<PartRecord>): PartRecord {
    const record: PartRecord = { id: this.ledger.id(), manufacturerPartNumber: '', averageCostMinor: 0, reorderPoint: 0, binLocation: '', serialized: false, active: true, modelIds: [], ...p }
    this.parts.push(record)
    return record
  }

  /** Seeds stock as a delivery would: a receive movement (shop stock carries its cost). */
  receive(partId: number, pool: PoolKey, quantity: number, unitCostMinor: number | null = null, staffName = 'Li Wei'): MovementRecord {
    const part = this.part(partId)!
    if (pool === 'shop' && unitCostMinor !== null) part.averageCostMinor = movingAverageCost(this.onHand(partId, 'shop'), part.averageCostMinor, quantity, unitCostMinor)
    return this.move({ partId, pool, kind: 'receive', quantity, unitCostMinor, staffName, supplier: 'Seed supplier' })
  }

  move(m: NewMovement, groupId?: number): MovementRecord {
    const id = this.ledger.id()
    const record: MovementRecord = {
      id,
      atMs: this.ledger.now(),
      businessDate: this.ledger.today(),
      staffName: 'Li Wei',
      unitCostMinor: null,
      ticket: null,
      reversesMovementId: null,
      groupId: groupId ?? id,
      supplier: '',
      reference: '',
      reason: '',
      serial: null,
      oldSerial: null,
      ...m,
    }
    this.movements.push(record)
    return record
  }

  part(id: number): PartRecord | undefined {
    return this.parts.find((p) => p.id === id)
  }

  onHand(partId: number, pool: PoolKey, uptoId = Number.MAX_SAFE_INTEGER): number {
    return this.movements.filter((m) => m.partId === partId && m.pool === pool && m.id <= uptoId).reduce((sum, m) => sum + m.quantity, 0)
  }

  partDto(p: PartRecord): PartDto {
    const pools = [...new Set(this.movements.filter((m) => m.partId === p.id).map((m) => m.pool))]
    const levels = pools.map((pool) => ({ pool, onHand: this.onHand(p.id, pool) })).filter((level) => level.onHand > 0)
    const { modelIds: _models, ...fields } = p
    const shop = this.onHand(p.id, 'shop')
    return {
      ...fields,
      levels,
      usableOnHand: levels.filter((level) => level.pool !== 'defective').reduce((sum, level) => sum + level.onHand, 0),
      low: p.reorderPoint > 0 && shop <= p.reorderPoint,
    }
  }

  detailDto(p: PartRecord): PartDetailDto {
    const models = p.modelIds.map((id) => this.ledger.modelDto(this.ledger.models.find((m) => m.id === id)!))
    return { ...this.partDto(p), models: models.map((m) => ({ id: m.id, manufacturerName: m.manufacturer.name, marketingName: m.marketingName, modelCode: m.modelCode })) }
  }

  movementDto(m: MovementRecord): StockMovementDto {
    return { ...m, balanceAfter: this.onHand(m.partId, m.pool, m.id) }
  }

  /** What the pool rules need to know about a ticket: warranty or paid, and its manufacturer. */
  ticketFacts(ticket: TicketRecord): TicketStockFacts {
    const maker = this.ledger.deviceDto(this.ledger.devices.find((d) => d.id === ticket.deviceId)!).model.manufacturer
    const record = this.ledger.manufacturers.find((m) => m.id === maker.id)!
    return { warranty: !this.ledger.workOf(ticket).paid, manufacturerId: maker.id, shopStockForWarranty: record.shopStockForWarranty }
  }

  /** Seeds a defective part removed from a ticket, `removedDaysAgo` days before today. */
  addDefective(d: Pick<DefectiveRecord, 'partId' | 'ticketId' | 'manufacturerId'> & Partial<DefectiveRecord> & { removedDaysAgo?: number }): DefectiveRecord {
    const { removedDaysAgo = 0, ...rest } = d
    const maker = this.ledger.manufacturers.find((m) => m.id === d.manufacturerId)!
    const removedAtMs = this.ledger.now() - removedDaysAgo * 86_400_000
    const removedDate = businessDateOf(removedAtMs, 'Asia/Shanghai')
    const record: DefectiveRecord = { id: this.ledger.id(), quantity: 1, oldSerial: null, removedAtMs, returnByDate: addDaysToDate(removedDate, maker.defectiveReturnDays), shipmentId: null, consumedMovementId: null, ...rest }
    this.defective.push(record)
    this.move({ partId: record.partId, pool: 'defective', kind: 'defective_in', quantity: record.quantity, ticket: this.ticketRef(record.ticketId), atMs: removedAtMs })
    return record
  }

  ticketRef(ticketId: number): { id: number; number: string } {
    const ticket = this.ledger.tickets.find((t) => t.id === ticketId)!
    return { id: ticket.id, number: ticket.number }
  }

  defectiveDto(d: DefectiveRecord): DefectivePartDto {
    const part = this.part(d.partId)!
    const maker = this.ledger.manufacturers.find((m) => m.id === d.manufacturerId)!
    const shipment = this.shipments.find((s) => s.id === d.shipmentId)
    const daysLeft = Math.round((Date.parse(d.returnByDate) - Date.parse(this.ledger.today())) / 86_400_000)
    return {
      id: d.id,
      partId: d.partId,
      sku: part.sku,
      name: part.name,
      ticket: this.ticketRef(d.ticketId),
      // The fake builds no claims; the real ledger links the claim of the repair.
      claim: null,
      manufacturer: { id: maker.id, name: maker.name },
      quantity: d.quantity,
      oldSerial: d.oldSerial,
      removedAtMs: d.removedAtMs,
      returnByDate: d.returnByDate,
      overdue: shipment === undefined && daysLeft < 0,
      daysLeft,
      shipment: shipment ? { id: shipment.id, carrier: shipment.carrier, trackingNumber: shipment.trackingNumber, businessDate: shipment.businessDate } : null,
    }
  }

  shipmentDto(s: ShipmentRecord): RmaShipmentDto {
    const maker = this.ledger.manufacturers.find((m) => m.id === s.manufacturerId)!
    const { manufacturerId: _maker, itemIds, ...fields } = s
    return { ...fields, manufacturer: { id: maker.id, name: maker.name }, items: itemIds.map((id) => this.defectiveDto(this.defective.find((d) => d.id === id)!)) }
  }
}
