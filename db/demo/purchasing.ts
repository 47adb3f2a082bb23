import type { DemoPart } from './parts-catalog'
import type { Rng } from './random'

// What the shop pays its suppliers and who delivers: prices fall as a model ages (a part for a
// three-year-old phone costs about two thirds of what it did at launch, never under half), each
// delivery a few per cent either way, and a same-day rush order from a Shanghai reseller costs more.

export const rushSupplier = '上海 闪修配件（闪送）'

/** The consigning manufacturers' parts centres, as the delivery notes name them. */
export const consignors: Record<string, string> = {
  APPLE: 'Apple 授权服务备件（GSX）',
  HUAWEI: '华为服务备件中心',
  XIAOMI: '小米售后备件中心',
  SAMSUNG: '三星服务备件中心',
  LENOVO: '联想服务备件中心',
}

/** Unit cost in fen of one delivery of `part` on `day`. */
export function supplierCost(rng: Rng, part: DemoPart, day: number, rush = false): number {
  const years = Math.max(0, day - part.launchDay) / 365
  const age = Math.max(0.5, 1 - 0.12 * years)
  const cost = part.launchCostMinor * age * (0.94 + 0.12 * rng.next()) * (rush ? 1.15 : 1)
  return Math.max(50, Math.round(cost / 10) * 10)
}

/** A supplier's delivery note number, as printed on the slip. */
export function deliveryNote(rng: Rng, date: string, consigned: boolean): string {
  return consigned ? `DN${date.replace(/-/g, '')}${rng.digits(4)}` : `SH${date.slice(2).replace(/-/g, '')}-${rng.digits(3)}`
}
