import Database from 'better-sqlite3'
import { auditRowHash, genesisHash } from '../../db/ledger/audit'

// What the crash-safety test knows was acknowledged, and a read-only look at the ledger file
// after a SIGKILL: nothing acknowledged missing, nothing half-written, the file sound.

export interface AckedTicket {
  id: number
  number: string
}

export interface AckedPayment {
  id: number
  ticketId: number
  amountMinor: number
}

export interface Acknowledged {
  tickets: Map<number, AckedTicket>
  payments: Map<number, AckedPayment>
}

export interface LedgerCheck {
  /** Acknowledged writes not found (or not as acknowledged). Must stay empty. */
  lost: string[]
  /** Rows without the rows their transaction writes with them. Must stay empty. */
  halfWritten: string[]
  /** PRAGMA integrity_check, joined; 'ok' when sound. */
  integrity: string
  foreignKeyViolations: number
  /** null when the audit hash chain is unbroken; otherwise the first broken row. */
  auditChainBreak: string | null
  tickets: number
  payments: number
  /** Committed but never acknowledged: the server finished the write, the kill ate the answer. */
  committedUnacknowledged: number
}

/**
 * Opens the ledger read-only (no server running: the crashed WAL is read, not checkpointed) and
 * checks it against what was acknowledged.
 */
export function checkLedger(databasePath: string, acked: Acknowledged): LedgerCheck {
  const sqlite = new Database(databasePath, { readonly: true, fileMustExist: true })
  try {
    return inspect(sqlite, acked)
  } finally {
    sqlite.close()
  }
}

function inspect(sqlite: Database.Database, acked: Acknowledged): LedgerCheck {
  const all = <T>(sql: string) => sqlite.prepare(sql).all() as T[]
  const integrity = all<{ integrity_check: string }>('PRAGMA integrity_check').map((r) => r.integrity_check).join('; ')
  const foreignKeyViolations = all('PRAGMA foreign_key_check').length

  const tickets = new Map(all<{ id: number; number: string; customer_id: number; device_id: number }>('SELECT id, number, customer_id, device_id FROM tickets').map((t) => [t.id, t]))
  const payments = new Map(all<{ id: number; ticket_id: number; amount_minor: number }>('SELECT id, ticket_id, amount_minor FROM payments').map((p) => [p.id, p]))
  const events = all<{ ticket_id: number; kind: string; data_json: string }>('SELECT ticket_id, kind, data_json FROM ticket_events')
  const audits = all<{ action: string; entity: string; entity_id: string }>('SELECT action, entity, entity_id FROM audit_log')

  const intakeEvents = new Set(events.filter((e) => e.kind === 'intake').map((e) => e.ticket_id))
  const paymentEvents = new Set(events.filter((e) => e.kind === 'deposit' || e.kind === 'payment').map((e) => (JSON.parse(e.data_json) as { paymentId?: number }).paymentId))
  const audited = (action: string, entity: string) => new Set(audits.filter((a) => a.action === action && a.entity === entity).map((a) => Number(a.entity_id)))
  const ticketAudits = audited('tickets.intake', 'ticket')
  const paymentAudits = audited('payments.record', 'payment')
  const customerAudits = audited('customers.create', 'customer')
  const deviceAudits = audited('devices.create', 'device')

  const lost: string[] = []
  for (const t of acked.tickets.values()) {
    const row = tickets.get(t.id)
    if (!row) lost.push(`ticket ${t.number} (id ${t.id}) missing`)
    else if (row.number !== t.number) lost.push(`ticket id ${t.id} is ${row.number}, acknowledged as ${t.number}`)
  }
  for (const p of acked.payments.values()) {
    const row = payments.get(p.id)
    if (!row) lost.push(`payment ${p.id} (ticket ${p.ticketId}, ${p.amountMinor}) missing`)
    else if (row.ticket_id !== p.ticketId || row.amount_minor !== p.amountMinor) lost.push(`payment ${p.id} differs: ${JSON.stringify(row)} vs ${JSON.stringify(p)}`)
  }

  const halfWritten: string[] = []
  const ticketsOfCustomer = new Set<number>()
  const ticketsOfDevice = new Set<number>()
  for (const t of tickets.values()) {
    ticketsOfCustomer.add(t.customer_id)
    ticketsOfDevice.add(t.device_id)
    if (!intakeEvents.has(t.id)) halfWritten.push(`ticket ${t.number} (id ${t.id}) has no intake event`)
    if (!ticketAudits.has(t.id)) halfWritten.push(`ticket ${t.number} (id ${t.id}) has no tickets.intake audit row`)
  }
  for (const id of intakeEvents) if (!tickets.has(id)) halfWritten.push(`intake event of missing ticket ${id}`)
  for (const id of ticketAudits) if (!tickets.has(id)) halfWritten.push(`tickets.intake audit row of missing ticket ${id}`)
  for (const p of payments.values()) {
    if (!paymentAudits.has(p.id)) halfWritten.push(`payment ${p.id} has no payments.record audit row`)
    if (!paymentEvents.has(p.id)) halfWritten.push(`payment ${p.id} has no deposit/payment ticket event`)
  }
  for (const id of paymentAudits) if (!payments.has(id)) halfWritten.push(`payments.record audit row of missing payment ${id}`)
  // In this test only intakes create customers and devices: each must have come with its ticket.
  for (const { id } of all<{ id: number }>('SELECT id FROM customers')) {
    if (!ticketsOfCustomer.has(id)) halfWritten.push(`customer ${id} without a ticket`)
    if (!customerAudits.has(id)) halfWritten.push(`customer ${id} has no customers.create audit row`)
  }
  for (const { id } of all<{ id: number }>('SELECT id FROM devices')) {
    if (!ticketsOfDevice.has(id)) halfWritten.push(`device ${id} without a ticket`)
    if (!deviceAudits.has(id)) halfWritten.push(`device ${id} has no devices.create audit row`)
  }

  const committedUnacknowledged =
    [...tickets.keys()].filter((id) => !acked.tickets.has(id)).length + [...payments.keys()].filter((id) => !acked.payments.has(id)).length

  return {
    lost,
    halfWritten,
    integrity,
    foreignKeyViolations,
    auditChainBreak: auditChainBreak(sqlite),
    tickets: tickets.size,
    payments: payments.size,
    committedUnacknowledged,
  }
}

/** The audit log's hash chain, walked as audit.verify walks it. */
function auditChainBreak(sqlite: Database.Database): string | null {
  let prev = genesisHash
  const rows = sqlite.prepare('SELECT * FROM audit_log ORDER BY id').iterate() as IterableIterator<{
    id: number
    at_ms: number
    staff_id: number | null
    action: string
    entity: string
    entity_id: string
    details_json: string
    prev_hash: string
    hash: string
  }>
  for (const row of rows) {
    if (row.prev_hash !== prev) return `audit row ${row.id} (${row.action}): link`
    const expected = auditRowHash(prev, { atMs: row.at_ms, staffId: row.staff_id, action: row.action, entity: row.entity, entityId: row.entity_id, detailsJson: row.details_json })
    if (row.hash !== expected) return `audit row ${row.id} (${row.action}): content`
    prev = row.hash
  }
  return null
}
