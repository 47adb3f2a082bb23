import type { Transaction } from 'kysely'
import { addDaysToDate } from '../../../shared/dates'
import { AppError } from '../../../shared/errors'
import type { TicketPartsDto } from '../../../shared/dto/stock'
import { choosePool, movingAverageCost, poolRefusal, type PoolKey } from '../../../shared/stock'
import type { TicketStatus } from '../../../shared/tickets'
import { appendAudit } from '../../../db/ledger/audit'
import { defectiveOfConsume, isShipped } from '../../../db/ledger/defective'
import type { PartRow } from '../../../db/ledger/parts'
import { appendMovement, onHand } from '../../../db/ledger/stock'
import { loadTicketParts, ticketStockFacts } from '../../../db/ledger/ticket-parts'
import { appendTicketEvent } from '../../../db/ledger/tickets'
import type { DB } from '../../../db/schema'
import type { ParsedInputOf } from '../../../shared/contract'
import { signedIn, type HandlerContext, type HandlerMap } from '../context'
import { editableClaimOfTicket, followTicketParts } from './claims-ticket'
import { fieldError } from './field-error'
import { shopDay } from './shop-day'
import { activePart, existingPool, requireOnHand } from './stock-guards'
import { ticketOrFail } from './transition'

/** Parts go onto a ticket while it waits for them or is being repaired. */
const partsStatuses: readonly TicketStatus[] = ['awaiting_parts', 'in_repair']

type UseLine = ParsedInputOf<'tickets.useParts'>['lines'][number]

export const ticketPartHandlers: Pick<HandlerMap, 'tickets.parts' | 'tickets.useParts' | 'tickets.returnPart'> = {
  'tickets.parts': async ({ id }, ctx) => ticketParts(ctx, id),

  'tickets.useParts': async ({ id, lines, note }, ctx) => {
    const staff = signedIn(ctx)
    const { today } = await shopDay(ctx.db, ctx.nowMs)
    await ctx.write(async (trx) => {
      const ticket = await ticketOrFail(trx, id)
      if (!partsStatuses.includes(ticket.status)) throw new AppError('CONFLICT', 'errors.partsNotNow', { status: ticket.status })
      const claim = await editableClaimOfTicket(trx, id)
      const facts = await ticketStockFacts(trx, ticket)
      const returnBy = addDaysToDate(today, facts.defectiveReturnDays)
      let groupId: number | undefined
      const used: Record<string, unknown>[] = []
      for (const [index, line] of lines.entries()) {
        const path = ['lines', index]
        const part = await activePart(trx, line.partId, [...path, 'partId'])
        checkSerials(part, line, path)
        const pool = await poolFor(trx, part, line, facts, path)
        const base = { atMs: ctx.nowMs, businessDate: today, staffId: staff.id, partId: part.id, ticketId: id }
        const consumeId = await appendMovement(trx, {
          ...base,
          pool,
          kind: 'consume',
          quantity: -line.quantity,
          unitCostMinor: pool === 'shop' ? part.average_cost_minor : 0,
          unitPriceMinor: part.sell_price_minor,
          serial: line.serial ?? null,
          oldSerial: line.oldSerial ?? null,
          reason: note,
          ...(groupId !== undefined && { groupId }),
        })
        groupId ??= consumeId
        const keepsDefective = facts.warranty && line.keepDefective
        if (keepsDefective) {
          const movementId = await appendMovement(trx, { ...base, pool: 'defective', kind: 'defective_in', quantity: line.quantity, oldSerial: line.oldSerial ?? null, groupId })
          await trx
            .insertInto('defective_parts')
            .values({
              part_id: part.id,
              ticket_id: id,
              manufacturer_id: facts.manufacturerId,
              quantity: line.quantity,
              old_serial: line.oldSerial ?? null,
              consumed_movement_id: consumeId,
              movement_id: movementId,
              removed_at_ms: ctx.nowMs,
              return_by_date: returnBy,
            })
            .execute()
        }
        used.push({ partId: part.id, sku: part.sku, quantity: line.quantity, pool, ...(line.serial && { serial: line.serial }), ...(line.oldSerial && { oldSerial: line.oldSerial }), ...(keepsDefective && { returnBy }) })
      }
      await appendTicketEvent(trx, { ticketId: id, atMs: ctx.nowMs, staffId: staff.id, kind: 'partsUsed', fromStatus: null, toStatus: null, note, data: { parts: used } })
      await appendAudit(trx, { atMs: ctx.nowMs, staffId: staff.id, action: 'tickets.useParts', entity: 'ticket', entityId: id, details: { groupId, parts: used } })
      if (claim) await followTicketParts(trx, ctx, claim.id, 'tickets.useParts')
    })
    return ticketParts(ctx, id)
  },

  'tickets.returnPart': async ({ id, movementId, quantity, reason }, ctx) => {
    const staff = signedIn(ctx)
    const { today } = await shopDay(ctx.db, ctx.nowMs)
    await ctx.write(async (trx) => {
      const ticket = await ticketOrFail(trx, id)
      if (ticket.status === 'collected') throw new AppError('CONFLICT', 'errors.returnNotNow')
      const claim = await editableClaimOfTicket(trx, id)
      const consume = await trx.selectFrom('stock_movements').selectAll().where('id', '=', movementId).executeTakeFirst()
      if (!consume || consume.kind !== 'consume' || consume.ticket_id !== id) throw fieldError(['movementId'], 'errors.movementNotOnTicket', 'NOT_FOUND')
      const returned = await trx
        .selectFrom('stock_movements')
        .select((eb) => eb.fn.coalesce(eb.fn.sum<number>('quantity'), eb.lit(0)).as('n'))
        .where('reverses_movement_id', '=', movementId)
        .where('kind', '=', 'return')
        .executeTakeFirstOrThrow()
      const left = -consume.quantity - Number(returned.n)
      if (quantity > left) throw new AppError('CONFLICT', 'errors.returnTooMany', { left })
      const pool = consume.pool as PoolKey
      const base = { atMs: ctx.nowMs, businessDate: today, staffId: staff.id, partId: consume.part_id, ticketId: id, kind: 'return' as const, reason }
      if (pool === 'shop') {
        // Back in at the cost it went out at, so an unused part leaves the average where it was.
        const part = await trx.selectFrom('parts').select('average_cost_minor').where('id', '=', consume.part_id).executeTakeFirstOrThrow()
        const average = movingAverageCost(await onHand(trx, consume.part_id, 'shop'), part.average_cost_minor, quantity, consume.unit_cost_minor ?? 0)
        await trx.updateTable('parts').set({ average_cost_minor: average, updated_at_ms: ctx.nowMs }).where('id', '=', consume.part_id).execute()
      }
      const groupId = await appendMovement(trx, { ...base, pool, quantity, unitCostMinor: consume.unit_cost_minor, reversesMovementId: movementId })
      // The old part stayed in the device: it is no longer owed to the manufacturer.
      const defective = await defectiveOfConsume(trx, movementId)
      if (defective) {
        if (await isShipped(trx, defective.id)) throw new AppError('CONFLICT', 'errors.returnShipped')
        await appendMovement(trx, { ...base, pool: 'defective', quantity: -quantity, reversesMovementId: defective.movement_id, groupId })
      }
      const data = { movementId, partId: consume.part_id, quantity, pool }
      await appendTicketEvent(trx, { ticketId: id, atMs: ctx.nowMs, staffId: staff.id, kind: 'partReturned', fromStatus: null, toStatus: null, note: reason, data })
      await appendAudit(trx, { atMs: ctx.nowMs, staffId: staff.id, action: 'tickets.returnPart', entity: 'ticket', entityId: id, details: data })
      if (claim) await followTicketParts(trx, ctx, claim.id, 'tickets.returnPart')
    })
    return ticketParts(ctx, id)
  },
}

async function ticketParts(ctx: HandlerContext, id: number): Promise<TicketPartsDto> {
  const { today } = await shopDay(ctx.db, ctx.nowMs)
  return loadTicketParts(ctx.db, await ticketOrFail(ctx.db, id), today)
}

function checkSerials(part: PartRow, line: UseLine, path: (string | number)[]): void {
  if (part.serialized === 1) {
    if (line.quantity !== 1) throw fieldError([...path, 'quantity'], 'validation.serialOne')
    if (line.serial === undefined) throw fieldError([...path, 'serial'], 'validation.serialRequired')
  } else {
    if (line.serial !== undefined) throw fieldError([...path, 'serial'], 'validation.serialNotSerialized')
    if (line.oldSerial !== undefined) throw fieldError([...path, 'oldSerial'], 'validation.serialNotSerialized')
  }
}

/** The pool named on the line (if the ticket may use it), else the first of the ticket's pools with enough. */
async function poolFor(
  trx: Transaction<DB>,
  part: PartRow,
  line: UseLine,
  facts: Awaited<ReturnType<typeof ticketStockFacts>>,
  path: (string | number)[],
): Promise<PoolKey> {
  if (line.pool !== undefined) {
    const refusal = poolRefusal(line.pool, facts)
    if (refusal) throw fieldError([...path, 'pool'], `errors.${refusal}`, 'CONFLICT')
    await existingPool(trx, line.pool, [...path, 'pool'])
    await requireOnHand(trx, part, line.pool, line.quantity)
    return line.pool
  }
  const levels = new Map<PoolKey, number>()
  for (const pool of [`consigned:${facts.manufacturerId}`, 'shop'] as PoolKey[]) levels.set(pool, await onHand(trx, part.id, pool))
  const pool = choosePool(facts, line.quantity, (p) => levels.get(p) ?? 0)
  if (!pool) throw new AppError('CONFLICT', 'errors.noPoolForTicket', { sku: part.sku, quantity: line.quantity })
  return pool
}
