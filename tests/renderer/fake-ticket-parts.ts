// Parts on tickets and RMA in the fake server: using parts (the pool chosen by the shared rules),
// returning them, the defective parts a warranty repair owes, and shipping those back.
import type { ChannelName, ParsedInputOf } from '../../shared/contract'
import type { Result } from '../../shared/errors'
import { choosePool, poolRefusal, poolsForTicket } from '../../shared/stock'
import type { TicketRecord } from './fake-ledger'
import { conflictAt, fail, invalid, short, type StockContext } from './fake-stock-channels'
import type { DefectiveRecord } from './fake-stock'

type Answer = Result<unknown>
const ok = (value: unknown): Answer => ({ ok: true, value })

/** Answers a ticket-parts or RMA channel, or undefined for a channel this part does not serve. */
export function handleTicketPartsChannel(ctx: StockContext, channel: ChannelName, rawInput: unknown): Answer | undefined {
  const input = rawInput as never
  const ticketOf = (id: number) => ctx.ledger.tickets.find((t) => t.id === id)
  switch (channel) {
    case 'tickets.parts': {
      const ticket = ticketOf((input as { id: number }).id)
      return ticket ? ok(ticketParts(ctx, ticket)) : fail('NOT_FOUND', 'errors.ticketNotFound')
    }
    case 'tickets.useParts': {
      const u = input as ParsedInputOf<'tickets.useParts'>
      const ticket = ticketOf(u.id)
      if (!ticket) return fail('NOT_FOUND', 'errors.ticketNotFound')
      return useParts(ctx, ticket, u)
    }
    case 'tickets.returnPart': {
      const r = input as ParsedInputOf<'tickets.returnPart'>
      const ticket = ticketOf(r.id)
      if (!ticket) return fail('NOT_FOUND', 'errors.ticketNotFound')
      if (ticket.status === 'collected') return fail('CONFLICT', 'errors.returnNotNow')
      const used = ctx.stock.movements.find((m) => m.id === r.movementId && m.kind === 'consume' && m.ticket?.id === ticket.id)
      if (!used) return invalid(['movementId'], 'errors.movementNotOnTicket')
      const left = -used.quantity - returnedOf(ctx, used.id)
      if (r.quantity > left) return fail('CONFLICT', 'errors.returnTooMany', { left })
      // The old part stayed in the device: it is no longer owed to the manufacturer.
      const kept = ctx.stock.defective.find((d) => d.consumedMovementId === used.id)
      if (kept?.shipmentId) return fail('CONFLICT', 'errors.returnShipped')
      ctx.stock.move({ partId: used.partId, pool: used.pool, kind: 'return', quantity: r.quantity, ticket: used.ticket, reversesMovementId: used.id, reason: r.reason, staffName: ctx.me.name })
      if (kept) {
        kept.quantity -= r.quantity
        ctx.stock.move({ partId: used.partId, pool: 'defective', kind: 'return', quantity: -r.quantity, ticket: used.ticket, staffName: ctx.me.name })
      }
      return ok(ticketParts(ctx, ticket))
    }
    case 'rma.list':
      return ok(rmaList(ctx, input as ParsedInputOf<'rma.list'>))
    case 'rma.ship':
      return ship(ctx, input as ParsedInputOf<'rma.ship'>)
    default:
      return undefined
  }
}

function returnedOf({ stock }: StockContext, movementId: number): number {
  return stock.movements.filter((m) => m.kind === 'return' && m.reversesMovementId === movementId).reduce((sum, m) => sum + m.quantity, 0)
}

function ticketParts(ctx: StockContext, ticket: TicketRecord) {
  const { stock } = ctx
  const facts = stock.ticketFacts(ticket)
  const lines = stock.movements
    .filter((m) => m.kind === 'consume' && m.ticket?.id === ticket.id)
    .map((m) => {
      const part = stock.part(m.partId)!
      const returned = returnedOf(ctx, m.id)
      return {
        movementId: m.id,
        atMs: m.atMs,
        staffName: m.staffName,
        partId: part.id,
        sku: part.sku,
        name: part.name,
        pool: m.pool,
        quantity: -m.quantity,
        returned,
        netQuantity: -m.quantity - returned,
        sellPriceMinor: part.sellPriceMinor,
        unitCostMinor: m.unitCostMinor ?? 0,
        serial: m.serial,
        oldSerial: m.oldSerial,
      }
    })
  const defective = stock.defective.filter((d) => d.ticketId === ticket.id).map((d) => stock.defectiveDto(d))
  return { ticketId: ticket.id, warranty: facts.warranty, pools: poolsForTicket(facts), lines, defective }
}

function useParts(ctx: StockContext, ticket: TicketRecord, u: ParsedInputOf<'tickets.useParts'>): Answer {
  const { stock, me } = ctx
  if (!['awaiting_parts', 'in_repair'].includes(ticket.status)) return fail('CONFLICT', 'errors.partsNotNow', { status: ticket.status })
  const facts = stock.ticketFacts(ticket)
  const plans = []
  for (const [index, line] of u.lines.entries()) {
    const part = stock.part(line.partId)
    if (!part) return invalid(['lines', index, 'partId'], 'errors.partNotFound')
    if (!part.active) return fail('CONFLICT', 'errors.partInactive', { sku: part.sku })
    if (part.serialized && line.quantity !== 1) return invalid(['lines', index, 'quantity'], 'validation.serialOne')
    if (part.serialized && !line.serial) return invalid(['lines', index, 'serial'], 'validation.serialRequired')
    if (!part.serialized && line.serial) return invalid(['lines', index, 'serial'], 'validation.serialNotSerialized')
    if (!part.serialized && line.oldSerial) return invalid(['lines', index, 'oldSerial'], 'validation.serialNotSerialized')
    let pool = line.pool
    if (pool) {
      const refusal = poolRefusal(pool, facts)
      if (refusal) return conflictAt(['lines', index, 'pool'], `errors.${refusal}`)
      const shortage = short(stock, part.id, pool, line.quantity)
      if (shortage) return shortage
    } else {
      pool = choosePool(facts, line.quantity, (candidate) => stock.onHand(part.id, candidate))
      if (!pool) return fail('CONFLICT', 'errors.noPoolForTicket', { sku: part.sku, quantity: line.quantity })
    }
    plans.push({ part, pool, line })
  }
  let groupId: number | undefined
  for (const { part, pool, line } of plans) {
    const ticketRef = stock.ticketRef(ticket.id)
    const unitCostMinor = pool === 'shop' ? part.averageCostMinor : 0
    const used = stock.move({ partId: part.id, pool, kind: 'consume', quantity: -line.quantity, unitCostMinor, ticket: ticketRef, serial: line.serial ?? null, oldSerial: line.oldSerial ?? null, reason: u.note, staffName: me.name }, groupId)
    groupId = used.groupId
    if (facts.warranty && line.keepDefective) {
      stock.addDefective({ partId: part.id, ticketId: ticket.id, manufacturerId: facts.manufacturerId, quantity: line.quantity, oldSerial: line.oldSerial ?? null, consumedMovementId: used.id })
    }
  }
  return ok(ticketParts(ctx, ticket))
}

function rmaList({ stock, ledger }: StockContext, r: ParsedInputOf<'rma.list'>) {
  const owedItems = stock.defective.filter((d) => d.shipmentId === null && d.quantity > 0 && (r.manufacturerId === undefined || d.manufacturerId === r.manufacturerId))
  const groups = [...new Set(owedItems.map((d) => d.manufacturerId))].map((makerId) => {
    const maker = ledger.manufacturers.find((m) => m.id === makerId)!
    const owed = owedItems
      .filter((d) => d.manufacturerId === makerId)
      .sort((a, b) => a.returnByDate.localeCompare(b.returnByDate) || a.id - b.id)
      .map((d) => stock.defectiveDto(d))
    return { manufacturer: { id: maker.id, code: maker.code, name: maker.name, defectiveReturnDays: maker.defectiveReturnDays }, owed, overdueCount: owed.filter((d) => d.overdue).length }
  })
  groups.sort((a, b) => b.overdueCount - a.overdueCount || a.owed[0]!.returnByDate.localeCompare(b.owed[0]!.returnByDate))
  const shipments = r.includeShipped ? [...stock.shipments].sort((a, b) => b.id - a.id).slice(0, 20).map((s) => stock.shipmentDto(s)) : []
  return { owed: groups, shipments }
}

function ship({ stock, ledger, me }: StockContext, s: ParsedInputOf<'rma.ship'>): Answer {
  const items: DefectiveRecord[] = []
  for (const id of s.defectiveIds) {
    const item = stock.defective.find((d) => d.id === id)
    if (!item) return fail('NOT_FOUND', 'errors.defectiveNotFound')
    if (item.manufacturerId !== s.manufacturerId) return fail('CONFLICT', 'errors.defectiveOtherManufacturer')
    if (item.shipmentId !== null) return fail('CONFLICT', 'errors.defectiveAlreadyShipped')
    items.push(item)
  }
  const shipment = { id: ledger.id(), manufacturerId: s.manufacturerId, atMs: ledger.now(), businessDate: ledger.today(), staffName: me.name, carrier: s.carrier, trackingNumber: s.trackingNumber, note: s.note, itemIds: items.map((d) => d.id) }
  stock.shipments.push(shipment)
  let groupId: number | undefined
  for (const item of items) {
    item.shipmentId = shipment.id
    groupId = stock.move({ partId: item.partId, pool: 'defective', kind: 'rma_out', quantity: -item.quantity, ticket: stock.ticketRef(item.ticketId), reference: s.trackingNumber, staffName: me.name }, groupId).groupId
  }
  return ok(stock.shipmentDto(shipment))
}
