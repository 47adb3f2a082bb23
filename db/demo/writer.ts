import type Database from 'better-sqlite3'
import { auditRowHash, genesisHash } from '../ledger/audit'
import type { DiagnosisRow, EstimateRow, WorkColumns } from './lifecycle'
import type { DemoCustomer, DemoDevice } from './people'

// Bulk writes with prepared statements: the demo writes hundreds of thousands of rows, which the
// one-at-a-time kysely path of the app would take minutes for. The triggers of the real schema
// still fill the search indexes.

export interface TicketRow {
  id: number
  number: string
  customerId: number
  deviceId: number
  receivedAtMs: number
  receivedDate: string
  reportedFault: string
  conditionJson: string
  conditionNotes: string
  accessoriesJson: string
  passcodeProvided: number
  promisedDate: string | null
  warrantyReason: string
  warrantyEndsOn: string | null
  status: string
  repeatOfTicketId: number | null
  notes: string
  createdByStaffId: number
  updatedAtMs: number
  /** Assignment, warranty status and the workflow columns as the actions left them. */
  work: WorkColumns
}

/** The ticket columns the workflow actions set, in the order the insert lists them. */
const workColumns = [
  'assigned_staff_id', 'warranty_status', 'collected_at_ms', 'collected_business_date', 'diagnosed_at_ms', 'repair_tier', 'customer_decision', 'decision_via', 'decided_at_ms', 'decided_by_staff_id', 'diagnosis_fee_minor',
  'repair_started_at_ms', 'completed_at_ms', 'completed_business_date', 'completed_by_staff_id', 'work_done', 'test_result', 'ready_at_ms', 'contacted_via',
  'outcome', 'collected_by', 'cancelled_at_ms', 'cancel_reason',
] as const satisfies readonly (keyof WorkColumns)[]

export interface EventRow {
  ticketId: number
  atMs: number
  staffId: number
  kind: string
  from: string | null
  to: string | null
  note: string
  dataJson: string
}

export class DemoWriter {
  private readonly customer: Database.Statement
  private readonly device: Database.Statement
  private readonly ticket: Database.Statement
  private readonly event: Database.Statement
  private readonly audit: Database.Statement
  private readonly counter: Database.Statement
  private readonly diagnosis: Database.Statement
  private readonly estimate: Database.Statement
  private readonly estimateLine: Database.Statement
  private lastHash: string
  auditRows = 0
  eventRows = 0

  constructor(readonly sqlite: Database.Database) {
    this.customer = sqlite.prepare(
      `INSERT INTO customers (id, name, phone, email, kind, notes, created_at_ms, updated_at_ms) VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
    )
    this.device = sqlite.prepare(
      `INSERT INTO devices (id, model_id, imei, serial, purchase_date, proof_of_purchase_ref, owner_customer_id, created_at_ms, updated_at_ms)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    )
    this.ticket = sqlite.prepare(
      `INSERT INTO tickets (id, number, customer_id, device_id, received_at_ms, received_business_date, reported_fault, condition_json,
         condition_notes, accessories_json, passcode_provided, promised_date, warranty_reason,
         warranty_ends_on, warranty_override_note, status, repeat_of_ticket_id, notes, created_by_staff_id, updated_at_ms,
         ${workColumns.join(', ')})
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, NULL, ?, ?, ?, ?, ?, ${workColumns.map(() => '?').join(', ')})`,
    )
    this.diagnosis = sqlite.prepare(
      `INSERT INTO diagnoses (ticket_id, at_ms, staff_id, findings, condition_code, symptom_code, defect_code, repair_code, repair_tier, warranty_decision, void_reason, note)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    )
    this.estimate = sqlite.prepare(
      `INSERT INTO estimates (ticket_id, revision, at_ms, staff_id, lines_minor, net_minor, tax_minor, total_minor, tax_rate_bp, prices_include_tax, note)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    )
    this.estimateLine = sqlite.prepare(
      `INSERT INTO estimate_lines (estimate_id, position, kind, description, quantity, unit_price_minor, line_total_minor, part_id) VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
    )
    this.event = sqlite.prepare(
      `INSERT INTO ticket_events (ticket_id, at_ms, staff_id, kind, from_status, to_status, note, data_json) VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
    )
    this.audit = sqlite.prepare(
      `INSERT INTO audit_log (at_ms, staff_id, action, entity, entity_id, details_json, prev_hash, hash) VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
    )
    this.counter = sqlite.prepare(
      `INSERT INTO ticket_number_counters (prefix, last_sequence) VALUES (?, ?)
       ON CONFLICT (prefix) DO UPDATE SET last_sequence = max(last_sequence, excluded.last_sequence)`,
    )
    const last = sqlite.prepare(`SELECT hash FROM audit_log ORDER BY id DESC LIMIT 1`).get() as { hash: string } | undefined
    this.lastHash = last?.hash ?? genesisHash
  }

  insertCustomer(c: DemoCustomer): void {
    this.customer.run(c.id, c.name, c.phone, c.email, c.kind, c.notes, c.createdAtMs, c.createdAtMs)
  }

  insertDevice(d: DemoDevice): void {
    this.device.run(d.id, d.model.id, d.imei, d.serial, d.purchaseDate, d.proofRef, d.ownerCustomerId, d.createdAtMs, d.createdAtMs)
  }

  insertTicket(t: TicketRow): void {
    this.ticket.run(
      t.id, t.number, t.customerId, t.deviceId, t.receivedAtMs, t.receivedDate, t.reportedFault, t.conditionJson,
      t.conditionNotes, t.accessoriesJson, t.passcodeProvided, t.promisedDate, t.warrantyReason,
      t.warrantyEndsOn, t.status, t.repeatOfTicketId, t.notes, t.createdByStaffId, t.updatedAtMs,
      ...workColumns.map((c) => t.work[c]),
    )
  }

  insertDiagnosis(ticketId: number, atMs: number, staffId: number, d: DiagnosisRow): void {
    const c = d.codes
    this.diagnosis.run(ticketId, atMs, staffId, d.findings, c.condition, c.symptom, c.defect, c.repair, d.tier, d.warrantyDecision, d.voidReason, d.note)
  }

  /** One estimate revision and its lines, as tickets.estimate writes them. */
  insertEstimate(ticketId: number, atMs: number, staffId: number, e: EstimateRow, taxRateBp: number, pricesIncludeTax: boolean): void {
    const t = e.totals
    const id = this.estimate.run(ticketId, e.revision, atMs, staffId, t.linesMinor, t.netMinor, t.taxMinor, t.totalMinor, taxRateBp, pricesIncludeTax ? 1 : 0, e.note).lastInsertRowid
    e.lines.forEach((l, position) => this.estimateLine.run(id, position, l.kind, l.description, l.quantity, l.unitPriceMinor, l.quantity * l.unitPriceMinor, l.partId ?? null))
  }

  insertEvent(e: EventRow): void {
    this.event.run(e.ticketId, e.atMs, e.staffId, e.kind, e.from, e.to, e.note, e.dataJson)
    this.eventRows++
  }

  /** Appends to the hash chain exactly as db/ledger/audit.ts appendAudit does. */
  appendAudit(atMs: number, staffId: number | null, action: string, entity: string, entityId: number, details: Record<string, unknown>): void {
    this.appendAuditJson(atMs, staffId, action, entity, entityId, JSON.stringify(details))
  }

  /** appendAudit with the details already serialised (by JSON.stringify or to the same text). */
  appendAuditJson(atMs: number, staffId: number | null, action: string, entity: string, entityId: number, detailsJson: string): void {
    const row = { atMs, staffId, action, entity, entityId: String(entityId), detailsJson }
    const hash = auditRowHash(this.lastHash, row)
    this.audit.run(atMs, staffId, action, entity, row.entityId, row.detailsJson, this.lastHash, hash)
    this.lastHash = hash
    this.auditRows++
  }

  saveCounters(counters: Map<string, number>): void {
    for (const [prefix, sequence] of counters) this.counter.run(prefix, sequence)
  }
}
