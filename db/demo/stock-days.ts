import { consignedPool, type PoolKey } from '../../shared/stock'
import { closingMinute, dateOf, isClosed, nextOpenDay, openingMinute, shopInstant, weekdayOf } from './calendar'
import type { CatalogMaker } from './catalog'
import type { DemoPart } from './parts-catalog'
import { consignors, deliveryNote, supplierCost } from './purchasing'
import type { Rng } from './random'
import type { StockRoom, ReceiptLine } from './stock-room'

// The stock side of the shop day by day: the owner adds parts for new models, checks the shelves
// on Mondays and Thursdays and orders what runs low (delivered the next day), the authorised
// brands top up their consigned stock on Wednesdays from their warranty usage, removed parts go
// back to each manufacturer every week or two (a few get mislaid for a while), the shop pool is
// counted at the end of every quarter, and now and then a part is found, lost or scrapped.

type Schedule = (atMs: number, write: () => void) => void

export interface StockStaff {
  owner: number
  technicians: number[]
}

/** Receipts hold at most this many lines (stock.receive's limit). */
const maxLines = 200
/** Weight of the last week in the running weekly usage. */
const smoothing = 0.3

/** Consigned stock for two weeks of warranty use; parts that stopped failing get none. */
function target(weeklyRate: number): number {
  return weeklyRate < 0.05 ? 0 : Math.ceil(weeklyRate * 2)
}

export class StockDays {
  private readonly created: DemoPart[] = []
  private readonly shopRate = new Map<number, number>()
  private readonly warrantyRate = new Map<number, number>()
  private readonly onOrder = new Map<number, number>()
  private next = 0

  constructor(
    private readonly room: StockRoom,
    private readonly rng: Rng,
    private readonly schedule: Schedule,
    private readonly nowMs: number,
    /** In creation order (parts-catalog.ts). */
    private readonly parts: readonly DemoPart[],
    private readonly makers: readonly CatalogMaker[],
    private readonly staff: StockStaff,
  ) {}

  /** Plans the day's stock work; called before the day's first customer. */
  openDay(day: number, first: boolean): void {
    this.addParts(day, first)
    if (isClosed(day)) return
    const weekday = weekdayOf(day)
    if (weekday === 1) this.reviewUsage()
    if (weekday === 1 || weekday === 4) this.order(day)
    if (weekday === 3) this.consign(day)
    this.returnDefectives(day)
    if (this.quarterEnds(day)) this.at(shopInstant(day, closingMinute - 30), () => this.stocktake(day))
    if (this.rng.chance(1 / 15)) this.at(this.during(day), (atMs) => this.adjust(atMs))
    if (this.rng.chance(1 / 25)) this.at(this.during(day), (atMs) => this.scrap(atMs))
  }

  /** Parts whose day has come; on the first day also the opening stock of everything on the shelf. */
  private addParts(day: number, first: boolean): void {
    const start = shopInstant(day, first ? 8 * 60 + 10 : 9 * 60)
    const batch: DemoPart[] = []
    while (this.next < this.parts.length && (this.parts[this.next] as DemoPart).createDay <= day) batch.push(this.parts[this.next++] as DemoPart)
    batch.forEach((part, i) => this.at(start + i * 1000, () => {
      this.room.createPart(part, start + i * 1000, this.staff.owner)
      this.created.push(part)
    }))
    if (!first) return
    const opening = batch.filter((p) => p.reorderPoint > 0).map((part) => ({ part, quantity: part.reorderPoint + 1 }))
    this.deliver(shopInstant(day, 8 * 60 + 40), day, opening, '期初库存')
  }

  /** Folds last week's usage into the running weekly rates. */
  private reviewUsage(): void {
    for (const [rates, used] of [[this.shopRate, this.room.usedFromShop], [this.warrantyRate, this.room.usedOnWarranty]] as const) {
      for (const part of this.created) rates.set(part.id, (1 - smoothing) * (rates.get(part.id) ?? 0) + smoothing * (used.get(part.id) ?? 0))
      used.clear()
    }
  }

  /** What runs low and still sells (or is new) is ordered up to a week and a half of use above the reorder point. */
  private order(day: number): void {
    const lines: ReceiptLine[] = []
    for (const part of this.created) {
      if (part.reorderPoint === 0) continue
      const have = this.room.onHand(part.id, 'shop') + (this.onOrder.get(part.id) ?? 0)
      const rate = this.shopRate.get(part.id) ?? 0
      if (have > part.reorderPoint || (rate < 0.1 && day - part.createDay > 120)) continue
      const quantity = part.reorderPoint + Math.max(1, Math.ceil(rate * 1.5)) - have
      this.onOrder.set(part.id, (this.onOrder.get(part.id) ?? 0) + quantity)
      lines.push({ part, quantity })
    }
    const arrival = nextOpenDay(day + 1)
    this.deliver(shopInstant(arrival, 14 * 60 + this.rng.int(0, 180)), arrival, lines, '')
  }

  /** One receipt per supplier (split at the line limit), at the supplier's price of the day. */
  private deliver(atMs: number, day: number, lines: ReceiptLine[], note: string): void {
    const bySupplier = new Map<string, ReceiptLine[]>()
    for (const line of lines) {
      const list = bySupplier.get(line.part.supplier)
      if (list) list.push(line)
      else bySupplier.set(line.part.supplier, [line])
    }
    let i = 0
    for (const [supplier, all] of bySupplier) {
      for (let from = 0; from < all.length; from += maxLines) {
        const chunk = all.slice(from, from + maxLines)
        const at = atMs + i++ * 7 * 60_000
        this.at(at, () => {
          const priced = chunk.map((l) => ({ part: l.part, quantity: l.quantity, unitCostMinor: supplierCost(this.rng, l.part, day) }))
          for (const l of chunk) this.onOrder.set(l.part.id, Math.max(0, (this.onOrder.get(l.part.id) ?? 0) - l.quantity))
          this.room.receive(at, this.receiver(), 'shop', supplier, note || deliveryNote(this.rng, dateOf(day), false), priced)
        })
      }
    }
  }

  /** Each consigning brand tops its pool up to two weeks of its warranty usage. */
  private consign(day: number): void {
    this.makers.forEach((maker, index) => {
      const supplier = consignors[maker.code]
      if (!supplier) return
      const pool: PoolKey = consignedPool(maker.id)
      const at = shopInstant(day, 11 * 60 + index * 6)
      this.at(at, () => {
        const lines = this.created
          .filter((p) => p.consignable && p.manufacturerId === maker.id)
          .map((part) => ({ part, quantity: target(this.warrantyRate.get(part.id) ?? 0) - this.room.onHand(part.id, pool) }))
          .filter((l) => l.quantity > 0)
        for (let from = 0; from < lines.length; from += maxLines) this.room.receive(at, this.receiver(), pool, supplier, deliveryNote(this.rng, dateOf(day), true), lines.slice(from, from + maxLines))
      })
    })
  }

  /** Apple's parts go back weekly, the others' fortnightly; one in seventy is mislaid for weeks first. */
  private returnDefectives(day: number): void {
    this.makers.forEach((maker, index) => {
      const every = maker.code === 'APPLE' ? 7 : 14
      if ((day + index * 3) % every !== 0) return
      const at = shopInstant(day, 17 * 60 + 30 + index * 4)
      this.at(at, () => {
        const items = this.room.owed.filter((o) => {
          if (o.manufacturerId !== maker.id || o.removedDay >= day) return false
          if (o.foundDay === 0) o.foundDay = this.rng.chance(1 / 70) ? day + this.rng.int(40, 120) : day
          return o.foundDay <= day
        })
        if (items.length === 0) return
        const sf = this.rng.chance(0.8)
        const tracking = sf ? `SF${this.rng.digits(13)}` : `JDVA${this.rng.digits(11)}`
        this.room.ship(at, this.receiver(), maker.id, items.slice(0, 500), sf ? '顺丰速运' : '京东物流', tracking, '')
      })
    })
  }

  /** Every part counted; a few counts differ by one (a screw bag gone, a battery found in a drawer). */
  private stocktake(day: number): void {
    const counts = this.created.map((part) => {
      const expected = this.room.onHand(part.id, 'shop')
      const off = this.rng.chance(0.015) ? (expected > 0 && this.rng.chance(0.7) ? -1 : 1) : 0
      return { part, counted: expected + off }
    })
    const quarter = Math.ceil(Number(dateOf(day).slice(5, 7)) / 3)
    this.room.stocktake(shopInstant(day, closingMinute - 30), this.staff.owner, 'shop', counts, `${dateOf(day).slice(0, 4)} 年第 ${quarter} 季度盘点`)
  }

  private adjust(atMs: number): void {
    const part = this.rng.pick(this.created)
    const lost = this.room.onHand(part.id, 'shop') > 0 && this.rng.chance(0.6)
    const reason = lost ? this.rng.pick(['包装内缺件，供应商不补', '维修时损坏，未装机', '找不到了，按丢失处理']) : this.rng.pick(['供应商补发漏件', '整理货架找到', '客户退回未拆封'])
    this.room.correct(atMs, this.staff.owner, 'adjust', part, 'shop', lost ? -1 : 1, reason)
  }

  private scrap(atMs: number): void {
    const part = this.rng.pick(this.created)
    if (this.room.onHand(part.id, 'shop') === 0) return
    const reason = part.kind === 'battery' ? '库存电池鼓包，报废' : part.kind === 'screen' ? '来料不良（显示异常），供应商不退换' : '测试不良，报废'
    this.room.correct(atMs, this.staff.owner, 'scrap', part, 'shop', 1, reason)
  }

  /** Schedules a write for its moment, unless that is after the demo's "now". */
  private at(atMs: number, write: (atMs: number) => void): void {
    if (atMs <= this.nowMs) this.schedule(atMs, () => write(atMs))
  }

  private during(day: number): number {
    return shopInstant(day, openingMinute + 30 + this.rng.int(0, closingMinute - openingMinute - 60))
  }

  private receiver(): number {
    return this.rng.chance(0.3) ? this.staff.owner : this.rng.pick(this.staff.technicians)
  }

  private quarterEnds(day: number): boolean {
    const month = Number(dateOf(day).slice(5, 7))
    if (month % 3 !== 0) return false
    let next = day + 1
    while (isClosed(next)) next++
    return Number(dateOf(next).slice(5, 7)) !== month
  }
}
