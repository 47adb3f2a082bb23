import type Database from 'better-sqlite3'
import { auditRowHash, genesisHash } from '../../db/ledger/audit'

// The floor for the stock channels: the reads and writes of stock.levels and tickets.useParts
// (electron/rpc/handlers/stock.ts, ticket-parts.ts), hand-written against prepared statements.

export const floorStockSql = {
  /** The columns a PartDto shows (not the search text). */
  parts: `SELECT id, sku, manufacturer_part_number, name, sell_price_minor, average_cost_minor, reorder_point, bin_location, serialized, active
    FROM parts WHERE active = 1 ORDER BY sku`,
  levels: `SELECT part_id, pool, on_hand FROM stock_levels WHERE on_hand > 0`,
}

/** stock.levels by hand: every active part in SKU order, each with the pools that hold it. */
export function floorLevels(sqlite: Database.Database): () => unknown[] {
  const parts = sqlite.prepare(floorStockSql.parts)
  const levels = sqlite.prepare(floorStockSql.levels).raw()
  return () => {
    const byPart = new Map<number, [string, number][]>()
    for (const [partId, pool, onHand] of levels.all() as [number, string, number][]) {
      const list = byPart.get(partId)
      if (list) list.push([pool, onHand])
      else byPart.set(partId, [[pool, onHand]])
    }
    return (parts.all() as { id: number }[]).map((p) => [p, byPart.get(p.id) ?? []])
  }
}

export interface FloorUsePart {
  ticketId: number
  partId: number
  staffId: number
  nowMs: number
  today: string
  /** today + the manufacturer's defective-return days (the app's date arithmetic, done by the caller here). */
  returnBy: string
}

/**
 * tickets.useParts with one line by hand: one durable transaction with the ticket, its claim (none
 * here: the app would rebuild an open claim's lines), its stock facts, the part, the pool chosen from the levels (consigned first on warranty work), the
 * consume movement, for warranty work the defective-pool movement and the defective part row,
 * the ticket event and the audit row; then the ticket's parts the handler returns.
 */
export function floorUseParts(sqlite: Database.Database): (input: FloorUsePart) => void {
  const st = {
    timeZone: sqlite.prepare(`SELECT time_zone FROM settings WHERE id = 1`),
    ticket: sqlite.prepare(`SELECT * FROM tickets WHERE id = ?`),
    facts: sqlite.prepare(
      `SELECT mf.id, mf.shop_stock_for_warranty, mf.defective_return_days FROM devices d
       JOIN device_models dm ON dm.id = d.model_id JOIN manufacturers mf ON mf.id = dm.manufacturer_id WHERE d.id = ?`,
    ),
    part: sqlite.prepare(`SELECT * FROM parts WHERE id = ?`),
    level: sqlite.prepare(`SELECT on_hand FROM stock_levels WHERE part_id = ? AND pool = ?`).pluck(),
    claim: sqlite.prepare(`SELECT * FROM claims WHERE ticket_id = ?`),
    movement: sqlite.prepare(
      `INSERT INTO stock_movements (at_ms, business_date, staff_id, part_id, pool, pool_manufacturer_id, kind, quantity, unit_cost_minor, unit_price_minor, ticket_id, group_id)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, coalesce(?, (SELECT coalesce(max(id), 0) + 1 FROM stock_movements))) RETURNING id`,
    ).pluck(),
    defective: sqlite.prepare(
      `INSERT INTO defective_parts (part_id, ticket_id, manufacturer_id, quantity, old_serial, consumed_movement_id, movement_id, removed_at_ms, return_by_date)
       VALUES (?, ?, ?, 1, NULL, ?, ?, ?, ?)`,
    ),
    event: sqlite.prepare(`INSERT INTO ticket_events (ticket_id, at_ms, staff_id, kind, from_status, to_status, note, data_json) VALUES (?, ?, ?, 'partsUsed', NULL, NULL, '', ?)`),
    lastHash: sqlite.prepare(`SELECT hash FROM audit_log ORDER BY id DESC LIMIT 1`),
    audit: sqlite.prepare(`INSERT INTO audit_log (at_ms, staff_id, action, entity, entity_id, details_json, prev_hash, hash) VALUES (?, ?, 'tickets.useParts', 'ticket', ?, ?, ?, ?)`),
    lines: sqlite.prepare(
      `SELECT m.id, m.at_ms, s.name AS staff_name, m.part_id, p.sku, p.name, m.pool, -m.quantity AS quantity,
         coalesce((SELECT sum(r.quantity) FROM stock_movements r WHERE r.reverses_movement_id = m.id AND r.kind = 'return'), 0) AS returned,
         coalesce(m.unit_price_minor, p.sell_price_minor) AS sell_price_minor, m.unit_cost_minor, m.serial, m.old_serial
       FROM stock_movements m JOIN parts p ON p.id = m.part_id JOIN staff s ON s.id = m.staff_id
       WHERE m.ticket_id = ? AND m.kind = 'consume' ORDER BY m.id`,
    ),
    defectives: sqlite.prepare(
      `SELECT dp.id, dp.part_id, p.sku, p.name, dp.ticket_id, t.number, dp.manufacturer_id, mf.name AS manufacturer_name, dp.quantity,
         coalesce((SELECT -sum(r.quantity) FROM stock_movements r WHERE r.reverses_movement_id = dp.movement_id), 0) AS reversed,
         dp.old_serial, dp.removed_at_ms, dp.return_by_date, si.shipment_id, -o.quantity AS shipped, sh.carrier, sh.tracking_number, sh.business_date,
         cl.id AS claim_id, cl.number AS claim_number
       FROM defective_parts dp JOIN parts p ON p.id = dp.part_id JOIN tickets t ON t.id = dp.ticket_id JOIN manufacturers mf ON mf.id = dp.manufacturer_id
       LEFT JOIN rma_shipment_items si ON si.defective_part_id = dp.id LEFT JOIN rma_shipments sh ON sh.id = si.shipment_id
       LEFT JOIN stock_movements o ON o.id = si.movement_id LEFT JOIN claims cl ON cl.ticket_id = dp.ticket_id
       WHERE dp.ticket_id = ? ORDER BY dp.return_by_date, dp.id`,
    ),
  }
  const write = sqlite.transaction((input: FloorUsePart) => {
    const { ticketId, partId, staffId, nowMs, today } = input
    const ticket = st.ticket.get(ticketId) as { status: string; device_id: number; warranty_status: string }
    if (ticket.status !== 'in_repair' && ticket.status !== 'awaiting_parts') throw new Error(`floor useParts on a ${ticket.status} ticket`)
    if (st.claim.get(ticketId)) throw new Error('floor useParts: the bench tickets have no claim')
    const maker = st.facts.get(ticket.device_id) as { id: number; shop_stock_for_warranty: number }
    const part = st.part.get(partId) as { id: number; sku: string; active: number; serialized: number; average_cost_minor: number; sell_price_minor: number }
    if (part.active !== 1 || part.serialized === 1) throw new Error(`floor useParts: part ${partId} is not a plain stocked part`)
    const warranty = ticket.warranty_status === 'in_warranty'
    const consigned = `consigned:${maker.id}`
    const consignedOnHand = (st.level.get(partId, consigned) as number | undefined) ?? 0
    const shopOnHand = (st.level.get(partId, 'shop') as number | undefined) ?? 0
    const pool = warranty && consignedOnHand >= 1 ? consigned : (!warranty || maker.shop_stock_for_warranty === 1) && shopOnHand >= 1 ? 'shop' : null
    if (pool === null) throw new Error(`floor useParts: no stock of ${part.sku}`)
    const shop = pool === 'shop'
    const consumeId = st.movement.get(nowMs, today, staffId, partId, pool, shop ? null : maker.id, 'consume', -1, shop ? part.average_cost_minor : 0, part.sell_price_minor, ticketId, null) as number
    if (warranty) {
      const movementId = st.movement.get(nowMs, today, staffId, partId, 'defective', null, 'defective_in', 1, null, null, ticketId, consumeId) as number
      st.defective.run(partId, ticketId, maker.id, consumeId, movementId, nowMs, input.returnBy)
    }
    const used = [{ partId, sku: part.sku, quantity: 1, pool, ...(warranty && { returnBy: input.returnBy }) }]
    st.event.run(ticketId, nowMs, staffId, JSON.stringify({ parts: used }))
    const prevHash = (st.lastHash.get() as { hash: string } | undefined)?.hash ?? genesisHash
    const row = { atMs: nowMs, staffId, action: 'tickets.useParts', entity: 'ticket', entityId: String(ticketId), detailsJson: JSON.stringify({ groupId: consumeId, parts: used }) }
    st.audit.run(nowMs, staffId, row.entityId, row.detailsJson, prevHash, auditRowHash(prevHash, row))
  })
  return (input) => {
    st.timeZone.get()
    write(input)
    st.timeZone.get()
    const ticket = st.ticket.get(input.ticketId) as { device_id: number }
    st.facts.get(ticket.device_id)
    st.lines.all(input.ticketId)
    st.defectives.all(input.ticketId)
  }
}
