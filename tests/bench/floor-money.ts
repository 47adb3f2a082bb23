import type Database from 'better-sqlite3'
import { auditRowHash, genesisHash } from '../../db/ledger/audit'
import { buildInvoice } from '../../shared/invoice'
import type { EstimateLineKind } from '../../shared/repair'

// The floor for payments: the rows db/ledger/payments.ts loadInvoice reads (ticket, customer,
// payments with what was refunded of each, the latest estimate and its lines, settings, parts
// used net of returns), priced by the same shared buildInvoice, and takePayment's durable write
// (invoice, open drawer for cash, payment row, ticket event, audit row on the hash chain) with
// the result the handler returns (the payment and the invoice again), by hand on prepared
// statements.

export const floorMoneySql = {
  ticket: `SELECT * FROM tickets WHERE id = ?`,
  customer: `SELECT name FROM customers WHERE id = ?`,
  payments: `SELECT p.id, p.ticket_id, t.number AS ticket_number, c.name AS customer_name, p.at_ms, p.business_date, s.name AS staff_name,
       p.kind, p.method, p.amount_minor, p.tendered_minor, p.change_minor, p.reference, p.refund_of_payment_id, p.reason,
       a.name AS approved_by_name,
       coalesce((SELECT -sum(r.amount_minor) FROM payments r WHERE r.refund_of_payment_id = p.id), 0) AS refunded_minor
     FROM payments p
     JOIN tickets t ON t.id = p.ticket_id
     JOIN customers c ON c.id = t.customer_id
     JOIN staff s ON s.id = p.staff_id
     LEFT JOIN staff a ON a.id = p.approved_by_staff_id
     WHERE p.ticket_id = ? ORDER BY p.id`,
  payment: `SELECT p.*, coalesce((SELECT -sum(r.amount_minor) FROM payments r WHERE r.refund_of_payment_id = p.id), 0) AS refunded_minor
     FROM payments p JOIN tickets t ON t.id = p.ticket_id JOIN customers c ON c.id = t.customer_id JOIN staff s ON s.id = p.staff_id
     LEFT JOIN staff a ON a.id = p.approved_by_staff_id WHERE p.id = ?`,
  estimate: `SELECT e.*, s.name AS staff_name FROM estimates e JOIN staff s ON s.id = e.staff_id WHERE e.ticket_id = ? ORDER BY e.revision DESC LIMIT 1`,
  lines: `SELECT * FROM estimate_lines WHERE estimate_id = ? ORDER BY position`,
  settings: `SELECT * FROM settings WHERE id = 1`,
  parts: `SELECT m.id, m.at_ms, s.name AS staff_name, m.part_id, p.sku, p.name, m.pool, -m.quantity AS quantity,
       coalesce((SELECT sum(r.quantity) FROM stock_movements r WHERE r.reverses_movement_id = m.id AND r.kind = 'return'), 0) AS returned,
       coalesce(m.unit_price_minor, p.sell_price_minor) AS sell_price_minor, m.unit_cost_minor, m.serial, m.old_serial
     FROM stock_movements m JOIN parts p ON p.id = m.part_id JOIN staff s ON s.id = m.staff_id
     WHERE m.ticket_id = ? AND m.kind = 'consume' ORDER BY m.id`,
  openDrawer: `SELECT cs.id FROM cash_sessions cs LEFT JOIN cash_closings cc ON cc.session_id = cs.id WHERE cc.session_id IS NULL ORDER BY cs.id DESC LIMIT 1`,
}

interface TicketFacts {
  id: number
  customer_id: number
  warranty_status: string
  customer_decision: string | null
  diagnosis_fee_minor: number | null
  completed_at_ms: number | null
}

export interface FloorInvoice {
  totalMinor: number
  paidMinor: number
  balanceMinor: number
  priced: boolean
  final: boolean
  rows: unknown[]
}

/** loadInvoice by hand: the same reads, the same pricing. */
export function floorInvoice(sqlite: Database.Database): (ticketId: number) => FloorInvoice {
  const st = Object.fromEntries(Object.entries(floorMoneySql).map(([k, q]) => [k, sqlite.prepare(q)])) as Record<keyof typeof floorMoneySql, Database.Statement>
  return (ticketId) => {
    const t = st.ticket.get(ticketId) as TicketFacts
    st.customer.get(t.customer_id)
    const payments = st.payments.all(ticketId) as { amount_minor: number }[]
    const paidMinor = payments.reduce((sum, p) => sum + p.amount_minor, 0)
    if (t.warranty_status === 'in_warranty') return { totalMinor: 0, paidMinor, balanceMinor: -paidMinor, priced: false, final: false, rows: payments }
    const estimate = st.estimate.get(ticketId) as { id: number; tax_rate_bp: number; prices_include_tax: number } | undefined
    const lines = estimate ? (st.lines.all(estimate.id) as { kind: EstimateLineKind; description: string; quantity: number; unit_price_minor: number; part_id: number | null }[]) : []
    const settings = st.settings.get() as { tax_rate_bp: number; prices_include_tax: number }
    const used = new Map<number, { partId: number; name: string; quantity: number; sellPriceMinor: number }>()
    for (const l of st.parts.all(ticketId) as { part_id: number; name: string; quantity: number; returned: number; sell_price_minor: number }[]) {
      const entry = used.get(l.part_id) ?? { partId: l.part_id, name: l.name, quantity: 0, sellPriceMinor: l.sell_price_minor }
      entry.quantity += l.quantity - l.returned
      used.set(l.part_id, entry)
    }
    const declined = t.customer_decision === 'declined'
    const invoice = buildInvoice({
      estimateLines: lines.map((l) => ({ kind: l.kind, description: l.description, quantity: l.quantity, unitPriceMinor: l.unit_price_minor, partId: l.part_id })),
      partsUsed: [...used.values()].filter((p) => p.quantity > 0),
      declined,
      diagnosisFeeMinor: t.diagnosis_fee_minor,
      completed: t.completed_at_ms !== null,
      taxRateBp: estimate?.tax_rate_bp ?? settings.tax_rate_bp,
      pricesIncludeTax: (estimate?.prices_include_tax ?? settings.prices_include_tax) === 1,
    })
    return {
      totalMinor: invoice.totalMinor,
      paidMinor,
      balanceMinor: invoice.totalMinor - paidMinor,
      priced: declined || estimate !== undefined || invoice.lines.length > 0,
      final: declined || t.completed_at_ms !== null,
      rows: [...invoice.lines, ...payments],
    }
  }
}

export interface FloorPaymentInput {
  ticketId: number
  staffId: number
  nowMs: number
  today: string
  method: 'cash' | 'wechat'
  amountMinor: number
  reference: string
}

/** payments.record by hand: one durable transaction as takePayment writes it, then the result's reads. */
export function floorRecordPayment(sqlite: Database.Database): (input: FloorPaymentInput) => void {
  const invoice = floorInvoice(sqlite)
  const st = {
    timeZone: sqlite.prepare(`SELECT time_zone FROM settings WHERE id = 1`),
    ticket: sqlite.prepare(floorMoneySql.ticket),
    openDrawer: sqlite.prepare(floorMoneySql.openDrawer),
    insert: sqlite.prepare(
      `INSERT INTO payments (ticket_id, at_ms, business_date, staff_id, kind, method, amount_minor, tendered_minor, change_minor, reference, refund_of_payment_id, reason, approved_by_staff_id, cash_session_id)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, NULL, '', NULL, ?)`,
    ),
    event: sqlite.prepare(`INSERT INTO ticket_events (ticket_id, at_ms, staff_id, kind, from_status, to_status, note, data_json) VALUES (?, ?, ?, ?, NULL, NULL, '', ?)`),
    lastHash: sqlite.prepare(`SELECT hash FROM audit_log ORDER BY id DESC LIMIT 1`),
    audit: sqlite.prepare(`INSERT INTO audit_log (at_ms, staff_id, action, entity, entity_id, details_json, prev_hash, hash) VALUES (?, ?, 'payments.record', 'payment', ?, ?, ?, ?)`),
    payment: sqlite.prepare(floorMoneySql.payment),
  }
  const write = sqlite.transaction((input: FloorPaymentInput): number => {
    st.timeZone.get()
    const t = st.ticket.get(input.ticketId) as { status: string; warranty_status: string }
    if (t.warranty_status === 'in_warranty' || t.status === 'cancelled') throw new Error('floor: no payment on this ticket')
    const inv = invoice(input.ticketId)
    if (inv.priced && input.amountMinor > inv.balanceMinor) throw new Error('floor: overpayment')
    const drawer = input.method === 'cash' ? (st.openDrawer.get() as { id: number } | undefined)?.id : null
    if (drawer === undefined) throw new Error('floor: the drawer is shut')
    const tendered = input.method === 'cash' ? input.amountMinor : null
    const kind = inv.final ? 'payment' : 'deposit'
    const id = Number(
      st.insert.run(input.ticketId, input.nowMs, input.today, input.staffId, kind, input.method, input.amountMinor, tendered, tendered === null ? null : tendered - input.amountMinor, input.reference, drawer).lastInsertRowid,
    )
    const data = { paymentId: id, kind, method: input.method, amountMinor: input.amountMinor, ...(tendered !== null && { tenderedMinor: tendered }) }
    st.event.run(input.ticketId, input.nowMs, input.staffId, kind, JSON.stringify(data))
    const prevHash = (st.lastHash.get() as { hash: string } | undefined)?.hash ?? genesisHash
    const row = { atMs: input.nowMs, staffId: input.staffId, action: 'payments.record', entity: 'payment', entityId: String(id), detailsJson: JSON.stringify({ ticketId: input.ticketId, ...data, reference: input.reference }) }
    st.audit.run(row.atMs, row.staffId, row.entityId, row.detailsJson, prevHash, auditRowHash(prevHash, row))
    return id
  })
  return (input) => {
    const id = write(input)
    st.payment.get(id)
    invoice(input.ticketId)
  }
}
