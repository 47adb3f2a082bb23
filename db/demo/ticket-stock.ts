import { consignedPool, type PoolKey } from '../../shared/stock'
import { dateOf, shopDayOf } from './calendar'
import type { DemoPart } from './parts-catalog'
import { consignors, deliveryNote, rushSupplier, supplierCost } from './purchasing'
import type { Rng } from './random'
import type { PartUse } from './repair-parts'
import type { StockRoom, TicketLine, TicketStock } from './stock-room'

// Parts going onto a repaired ticket a few minutes after the repair starts. A part no pool of the
// ticket holds is fetched first: the manufacturer ships a consigned one for warranty work, a
// Shanghai reseller rushes a bought one otherwise (so the ticket waited for parts). Now and then
// the technician takes the wrong screen or one adhesive too many and returns it unused.

type Schedule = (atMs: number, write: () => void) => void

const minute = 60_000

export class TicketStockWork {
  constructor(
    private readonly room: StockRoom,
    private readonly rng: Rng,
    private readonly schedule: Schedule,
    private readonly nowMs: number,
    /** Every part by id, to find a screen's other variant. */
    private readonly parts: readonly DemoPart[],
  ) {}

  /** Plans tickets.useParts (and any returns) right after the repair started at `startedMs`. */
  afterRepairStart(startedMs: number, staffId: number, ticket: TicketStock, uses: PartUse[]): void {
    if (uses.length === 0) return
    const at = startedMs + this.rng.int(1, 3) * minute
    const wrong = !ticket.warranty && this.rng.chance(0.03) ? this.otherVariant(uses[0]?.part) : undefined
    const extraSeal = !ticket.warranty && this.rng.chance(0.04)
    if (at > this.nowMs) return
    this.schedule(at, () => {
      if (wrong && this.room.onHand(wrong.id, 'shop') > 0) {
        const [taken] = this.room.useParts(at, staffId, ticket, [{ part: wrong, quantity: 1, keepDefective: false }])
        const back = at + this.rng.int(1, 2) * minute
        const right = back + this.rng.int(1, 2) * minute
        if (taken && back <= this.nowMs) this.schedule(back, () => this.room.returnPart(back, staffId, ticket.ticketId, taken, 1, '拿错型号，退回库存'))
        if (right <= this.nowMs) this.schedule(right, () => this.use(right, staffId, ticket, uses, false))
        return
      }
      this.use(at, staffId, ticket, uses, extraSeal)
    })
  }

  private use(atMs: number, staffId: number, ticket: TicketStock, uses: PartUse[], extraSeal: boolean): void {
    const lines: TicketLine[] = []
    for (const use of uses) {
      let quantity = use.quantity
      if (extraSeal && use.part.kind === 'adhesive' && this.room.poolFor(ticket, use.part.id, quantity + 1)) quantity += 1
      if (!this.room.poolFor(ticket, use.part.id, quantity) && !this.fetch(atMs, staffId, ticket, use.part, quantity)) continue
      const line: TicketLine = { part: use.part, quantity, keepDefective: use.keepDefective }
      if (use.part.serialized) {
        line.serial = this.serial()
        line.oldSerial = this.serial()
      }
      lines.push(line)
    }
    if (lines.length === 0) return
    const consumed = this.room.useParts(atMs, staffId, ticket, lines)
    const seal = consumed.find((c) => c.part.kind === 'adhesive' && c.quantity > 1)
    const back = atMs + this.rng.int(2, 5) * minute
    if (seal && back <= this.nowMs) this.schedule(back, () => this.room.returnPart(back, staffId, ticket.ticketId, seal, 1, '多领了一片，未使用'))
  }

  /** Gets a part the ticket's pools lack; false when none of its pools may take it. */
  private fetch(atMs: number, staffId: number, ticket: TicketStock, part: DemoPart, quantity: number): boolean {
    const maker = this.room.makers.get(ticket.manufacturerId)
    const date = dateOf(shopDayOf(atMs))
    if (ticket.warranty && part.consignable && part.manufacturerId === ticket.manufacturerId && maker) {
      const pool: PoolKey = consignedPool(maker.id)
      this.room.receive(atMs, staffId, pool, consignors[maker.code] ?? `${maker.name} 备件中心`, deliveryNote(this.rng, date, true), [{ part, quantity }])
      return true
    }
    if (ticket.warranty && maker && !maker.shopStockForWarranty) return false
    const unitCostMinor = supplierCost(this.rng, part, shopDayOf(atMs), true)
    this.room.receive(atMs, staffId, 'shop', rushSupplier, deliveryNote(this.rng, date, false), [{ part, quantity, unitCostMinor }])
    return true
  }

  private otherVariant(part: DemoPart | undefined): DemoPart | undefined {
    if (!part || part.kind !== 'screen') return undefined
    return this.parts.find((p) => p.kind === 'screen' && p.aftermarket !== part.aftermarket && p.modelIds[0] === part.modelIds[0])
  }

  private serial(): string {
    const alphabet = 'ABCDEFGHJKLMNPQRSTUVWXYZ0123456789'
    let serial = 'MB'
    for (let i = 0; i < 12; i++) serial += alphabet[this.rng.int(0, alphabet.length - 1)]
    return serial
  }
}
