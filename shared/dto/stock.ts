import type { PoolKey, StockMovementKind } from '../stock'

/** One pool's quantity on hand of a part (pools with nothing on hand are left out). */
export interface PoolLevelDto {
  pool: PoolKey
  onHand: number
}

export interface PartDto {
  id: number
  sku: string
  manufacturerPartNumber: string
  name: string
  sellPriceMinor: number
  /** Moving-average cost of the shop's own stock. */
  averageCostMinor: number
  reorderPoint: number
  binLocation: string
  serialized: boolean
  active: boolean
  levels: PoolLevelDto[]
  /** Usable stock: the shop pool plus every consigned pool (defective never counts). */
  usableOnHand: number
  /** Shop stock at or below the reorder point (parts with a reorder point of 0 are never low). */
  low: boolean
}

export interface PartDetailDto extends PartDto {
  models: { id: number; manufacturerName: string; marketingName: string; modelCode: string }[]
}

export interface StockMovementDto {
  id: number
  atMs: number
  businessDate: string
  staffName: string
  partId: number
  pool: PoolKey
  kind: StockMovementKind
  quantity: number
  /** On hand in this pool after the movement. */
  balanceAfter: number
  unitCostMinor: number | null
  ticket: { id: number; number: string } | null
  reversesMovementId: number | null
  groupId: number
  supplier: string
  reference: string
  reason: string
  serial: string | null
  oldSerial: string | null
}

export interface MovementPageDto {
  part: PartDto
  movements: StockMovementDto[]
  /** Pass as `beforeId` for the next (older) page; null at the oldest. */
  nextBeforeId: number | null
}

export interface ReceiptDto {
  groupId: number
  movements: StockMovementDto[]
  parts: PartDto[]
}

export interface StocktakeLineDto {
  partId: number
  sku: string
  name: string
  expected: number
  counted: number
  difference: number
}

export interface StocktakeDto {
  groupId: number | null
  pool: PoolKey
  lines: StocktakeLineDto[]
  /** Sum of the differences (net gain or loss in units). */
  netDifference: number
}

/** A part used on a ticket: one consume movement and what came back of it. */
export interface TicketPartLineDto {
  movementId: number
  atMs: number
  staffName: string
  partId: number
  sku: string
  name: string
  pool: PoolKey
  quantity: number
  returned: number
  /** quantity − returned. */
  netQuantity: number
  sellPriceMinor: number
  /** Cost per unit at the time of use (moving average of shop stock; consigned parts cost the shop nothing). */
  unitCostMinor: number
  serial: string | null
  oldSerial: string | null
}

export interface DefectivePartDto {
  id: number
  partId: number
  sku: string
  name: string
  ticket: { id: number; number: string }
  manufacturer: { id: number; name: string }
  quantity: number
  oldSerial: string | null
  removedAtMs: number
  returnByDate: string
  overdue: boolean
  /** Days until the return-by date (negative when overdue). */
  daysLeft: number
  shipment: { id: number; carrier: string; trackingNumber: string; businessDate: string } | null
  /** The warranty claim of the repair it came out of (built when the repair was completed). */
  claim: { id: number; number: string } | null
}

export interface TicketPartsDto {
  ticketId: number
  warranty: boolean
  /** The pools this ticket draws from, in order (see shared/stock.ts). */
  pools: PoolKey[]
  lines: TicketPartLineDto[]
  defective: DefectivePartDto[]
}

export interface RmaShipmentDto {
  id: number
  manufacturer: { id: number; name: string }
  atMs: number
  businessDate: string
  staffName: string
  carrier: string
  trackingNumber: string
  note: string
  items: DefectivePartDto[]
}

export interface RmaManufacturerDto {
  manufacturer: { id: number; code: string; name: string; defectiveReturnDays: number }
  owed: DefectivePartDto[]
  overdueCount: number
}

export interface RmaListDto {
  /** Manufacturers with parts owed, the one with the most overdue (then the earliest due) first. */
  owed: RmaManufacturerDto[]
  shipments: RmaShipmentDto[]
}
