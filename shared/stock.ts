import { divideHalfUp } from './repair'

// Stock vocabulary shared by the ledger and the UI.

/**
 * Where stock sits and whose it is: `shop` (owned, sellable), `consigned:<manufacturer id>`
 * (the manufacturer's, for its warranty repairs only) and `defective` (bad parts removed in
 * warranty repairs, owed back to the manufacturer; never sellable or usable).
 */
export type PoolKey = 'shop' | 'defective' | `consigned:${number}`

export type PoolKind = 'shop' | 'consigned' | 'defective'

export function consignedPool(manufacturerId: number): PoolKey {
  return `consigned:${manufacturerId}`
}

export function parsePool(key: string): { kind: PoolKind; manufacturerId: number | null } | undefined {
  if (key === 'shop' || key === 'defective') return { kind: key, manufacturerId: null }
  const match = /^consigned:([1-9]\d{0,15})$/.exec(key)
  return match ? { kind: 'consigned', manufacturerId: Number(match[1]) } : undefined
}

/** Movement kinds; the UI translates `stock.kind.<kind>`. Quantities are signed on the row. */
export const stockMovementKinds = ['receive', 'consume', 'return', 'transfer', 'adjust', 'stocktake', 'defective_in', 'rma_out', 'scrap'] as const
export type StockMovementKind = (typeof stockMovementKinds)[number]

/** Why a part cannot come from a pool for a ticket; each is an i18n key under `errors.`. */
export type PoolRefusal = 'poolDefective' | 'poolConsignedOnPaid' | 'poolOtherManufacturer' | 'poolShopNotAllowed'

export interface TicketStockFacts {
  /** Warranty work (the manufacturer pays) rather than paid work. */
  warranty: boolean
  manufacturerId: number
  /** The manufacturer lets its warranty repairs use shop stock when its consigned pool runs out. */
  shopStockForWarranty: boolean
}

/** Whether a ticket may take parts from a pool (before looking at quantities). */
export function poolRefusal(pool: PoolKey, ticket: TicketStockFacts): PoolRefusal | null {
  const parsed = parsePool(pool)
  if (!parsed || parsed.kind === 'defective') return 'poolDefective'
  if (parsed.kind === 'consigned') {
    if (!ticket.warranty) return 'poolConsignedOnPaid'
    return parsed.manufacturerId === ticket.manufacturerId ? null : 'poolOtherManufacturer'
  }
  return ticket.warranty && !ticket.shopStockForWarranty ? 'poolShopNotAllowed' : null
}

/**
 * The pools a ticket draws from, in order: warranty work takes the manufacturer's consigned
 * stock first, then the shop's if the manufacturer allows; paid work only the shop's.
 */
export function poolsForTicket(ticket: TicketStockFacts): PoolKey[] {
  if (!ticket.warranty) return ['shop']
  return ticket.shopStockForWarranty ? [consignedPool(ticket.manufacturerId), 'shop'] : [consignedPool(ticket.manufacturerId)]
}

/** The first pool with enough on hand, or undefined when none has. */
export function choosePool(ticket: TicketStockFacts, quantity: number, onHand: (pool: PoolKey) => number): PoolKey | undefined {
  return poolsForTicket(ticket).find((pool) => onHand(pool) >= quantity)
}

/**
 * Moving-average cost after a receipt, rounded half up to the minor unit. Only the shop's own
 * stock has a cost; `onHand` is the shop pool's quantity before the receipt.
 */
export function movingAverageCost(onHand: number, averageMinor: number, quantity: number, unitCostMinor: number): number {
  if (onHand <= 0) return unitCostMinor
  return divideHalfUp(onHand * averageMinor + quantity * unitCostMinor, onHand + quantity)
}
