import type Database from 'better-sqlite3'
import type { ClaimStatus } from '../../shared/claims'
import type { ClaimViewRow, ClaimLineRow } from '../ledger/claims'
import type { DraftClaimValues } from '../ledger/claims-build'

// Bulk writes of warranty claims, batches, remittances and what manufacturers owe, with prepared
// statements, as db/demo/writer.ts does for tickets. Ids are the database's own (the tables start
// empty and nothing else writes them while the demo runs). The triggers of migrations 0011–0013
// still guard every row: frozen claims and lines, one open batch per claim, append-only tables,
// claims.paid_minor kept from claim_payments, and the running balance of claim_receivables.

/** A new draft claim as claims-build's createClaim writes it. */
export type ClaimRow = DraftClaimValues & { parts_markup_bp: number; labour_minor: number; parts_minor: number; total_minor: number; created_at_ms: number }

export type ClaimLineValues = Omit<ClaimLineRow, 'claim_id' | 'position'>

export interface BatchRow {
  number: string
  manufacturerId: number
  manufacturerCode: string
  manufacturerName: string
  currency: string
  claimCount: number
  labourMinor: number
  partsMinor: number
  totalMinor: number
  exportProfileJson: string
  staffId: number
  atMs: number
}

/** The columns claimQuery (db/ledger/claims.ts) reads for one claim: what validation and export take. */
const viewSql = `
  SELECT c.*, t.number AS ticket_number, t.status AS ticket_status, mf.code AS manufacturer_code, mf.name AS manufacturer_name,
         mf.warranty_months AS manufacturer_warranty_months, mf.proof_required, mf.claim_window_days, mf.labour_l1_minor, mf.labour_l2_minor,
         mf.labour_l3_minor, mf.required_claim_fields_json, dm.model_code, dm.marketing_name AS model_name, dm.warranty_months AS model_warranty_months,
         s.name AS technician_name, prev.id AS repeat_ticket_id, prev.number AS repeat_ticket_number, prev.collected_business_date AS repeat_collected_date
  FROM claims c
  JOIN tickets t ON t.id = c.ticket_id
  JOIN manufacturers mf ON mf.id = c.manufacturer_id
  JOIN device_models dm ON dm.id = c.model_id
  JOIN staff s ON s.id = c.technician_staff_id
  LEFT JOIN tickets prev ON prev.id = t.repeat_of_ticket_id
  WHERE c.id = ?`

export class ClaimsWriter {
  private readonly claim: Database.Statement
  private readonly line: Database.Statement
  private readonly event: Database.Statement
  private readonly status: Database.Statement
  private readonly viewRow: Database.Statement
  private readonly lines: Database.Statement
  private readonly linePartNumber: Database.Statement
  private readonly submitted: Database.Statement
  private readonly accepted: Database.Statement
  private readonly rejected: Database.Statement
  private readonly paid: Database.Statement
  private readonly reference: Database.Statement
  private readonly resetAnswer: Database.Statement
  private readonly outboxAck: Database.Statement
  private readonly batch: Database.Statement
  private readonly batchItem: Database.Statement
  private readonly batchSubmitted: Database.Statement
  private readonly batchClosed: Database.Statement
  private readonly remittance: Database.Statement
  private readonly payment: Database.Statement
  private readonly receivable: Database.Statement
  private readonly outbox: Database.Statement
  private readonly attempt: Database.Statement
  private balance = 0
  claims = 0
  batches = 0
  remittances = 0
  payments = 0
  events = 0
  outboxRows = 0

  constructor(private readonly sqlite: Database.Database) {
    this.claim = sqlite.prepare(
      `INSERT INTO claims (number, ticket_id, manufacturer_id, status, revision, model_id, imei, serial, purchase_date, proof_of_purchase_ref, customer_name,
         customer_phone, received_date, repair_started_date, completed_date, condition_code, symptom_code, defect_code, repair_code, repair_tier,
         technician_staff_id, parts_markup_bp, labour_minor, parts_minor, total_minor, created_at_ms, updated_at_ms)
       VALUES (?, ?, ?, 'draft', 1, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    )
    this.line = sqlite.prepare(
      `INSERT INTO claim_lines (claim_id, position, consume_movement_id, part_id, part_number, part_name, quantity, pool, serialized, old_serial, new_serial,
         return_required, defective_part_id, unit_cost_minor, amount_minor)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    )
    this.event = sqlite.prepare(
      `INSERT INTO claim_events (claim_id, at_ms, staff_id, kind, from_status, to_status, revision, note, data_json) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    )
    this.status = sqlite.prepare(`UPDATE claims SET status = ?, revision = ?, updated_at_ms = ? WHERE id = ?`)
    this.viewRow = sqlite.prepare(viewSql)
    this.lines = sqlite.prepare(`SELECT * FROM claim_lines WHERE claim_id = ? ORDER BY position`)
    this.linePartNumber = sqlite.prepare(`UPDATE claim_lines SET part_number = ? WHERE claim_id = ? AND consume_movement_id = ?`)
    this.submitted = sqlite.prepare(`UPDATE claims SET status = 'submitted', submitted_date = ?, updated_at_ms = ? WHERE id = ?`)
    this.accepted = sqlite.prepare(`UPDATE claims SET status = 'accepted', approved_minor = ?, manufacturer_ref = ?, decided_date = ?, updated_at_ms = ? WHERE id = ?`)
    this.rejected = sqlite.prepare(`UPDATE claims SET status = 'rejected', approved_minor = NULL, rejection_reason = ?, manufacturer_ref = ?, decided_date = ?, updated_at_ms = ? WHERE id = ?`)
    this.reference = sqlite.prepare(`UPDATE claims SET manufacturer_ref = ?, updated_at_ms = ? WHERE id = ?`)
    this.resetAnswer = sqlite.prepare(`UPDATE claims SET approved_minor = NULL, rejection_reason = '', submitted_date = NULL, decided_date = NULL WHERE id = ?`)
    this.paid = sqlite.prepare(`UPDATE claims SET status = 'paid', paid_date = ?, updated_at_ms = ? WHERE id = ?`)
    this.batch = sqlite.prepare(
      `INSERT INTO claim_batches (number, manufacturer_id, manufacturer_code, manufacturer_name, status, currency, claim_count, labour_minor, parts_minor,
         total_minor, export_profile_json, note, created_by_staff_id, created_at_ms, updated_at_ms)
       VALUES (?, ?, ?, ?, 'open', ?, ?, ?, ?, ?, ?, '', ?, ?, ?)`,
    )
    this.batchItem = sqlite.prepare(
      `INSERT INTO claim_batch_items (batch_id, position, claim_id, claim_revision, labour_minor, parts_minor, total_minor, fields_json) VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
    )
    this.batchSubmitted = sqlite.prepare(`UPDATE claim_batches SET status = 'submitted', submitted_reference = ?, submitted_at_ms = ?, updated_at_ms = ? WHERE id = ?`)
    this.batchClosed = sqlite.prepare(`UPDATE claim_batches SET status = 'closed', updated_at_ms = ? WHERE id = ?`)
    this.remittance = sqlite.prepare(
      `INSERT INTO claim_remittances (manufacturer_id, reference, paid_date, note, line_count, total_minor, staff_id, at_ms) VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
    )
    this.payment = sqlite.prepare(`INSERT INTO claim_payments (remittance_id, claim_id, claim_revision, amount_minor, at_ms) VALUES (?, ?, ?, ?, ?)`)
    this.receivable = sqlite.prepare(`INSERT INTO claim_receivables (claim_id, at_ms, delta_minor, balance_minor) VALUES (?, ?, ?, ?)`)
    this.outbox = sqlite.prepare(
      `INSERT INTO sync_outbox (batch_id, manufacturer_id, idempotency_key, payload_json, status, attempts, next_attempt_at_ms, last_error, last_http_status,
         ack_json, created_by_staff_id, created_at_ms, updated_at_ms, acknowledged_at_ms)
       VALUES (?, ?, ?, ?, 'queued', 0, ?, '', NULL, NULL, ?, ?, ?, NULL)`,
    )
    this.outboxAck = sqlite.prepare(
      `UPDATE sync_outbox SET status = 'acknowledged', attempts = 1, next_attempt_at_ms = NULL, last_error = '', last_http_status = 200, ack_json = ?,
         acknowledged_at_ms = ?, updated_at_ms = ? WHERE id = ?`,
    )
    this.attempt = sqlite.prepare(
      `INSERT INTO sync_attempts (outbox_id, attempt, started_at_ms, finished_at_ms, http_status, result, error) VALUES (?, 1, ?, ?, ?, 'acknowledged', '')`,
    )
  }

  insertClaim(c: ClaimRow, lines: readonly ClaimLineValues[]): number {
    const id = Number(
      this.claim.run(
        c.number, c.ticket_id, c.manufacturer_id, c.model_id, c.imei, c.serial, c.purchase_date, c.proof_of_purchase_ref, c.customer_name, c.customer_phone,
        c.received_date, c.repair_started_date, c.completed_date, c.condition_code, c.symptom_code, c.defect_code, c.repair_code, c.repair_tier, c.technician_staff_id,
        c.parts_markup_bp, c.labour_minor, c.parts_minor, c.total_minor, c.created_at_ms, c.created_at_ms,
      ).lastInsertRowid,
    )
    lines.forEach((l, position) =>
      this.line.run(id, position, l.consume_movement_id, l.part_id, l.part_number, l.part_name, l.quantity, l.pool, l.serialized, l.old_serial, l.new_serial, l.return_required, l.defective_part_id, l.unit_cost_minor, l.amount_minor),
    )
    this.claims++
    return id
  }

  insertEvent(claimId: number, atMs: number, staffId: number, kind: string, from: ClaimStatus | null, to: ClaimStatus | null, revision: number, data: Record<string, unknown>, note = ''): void {
    this.event.run(claimId, atMs, staffId, kind, from, to, revision, note, JSON.stringify(data))
    this.events++
  }

  /** The claim as claimQuery reads it, for validation and the batch's frozen fields. */
  view(claimId: number): { row: ClaimViewRow; lines: ClaimLineRow[] } {
    const row = this.viewRow.get(claimId) as ClaimViewRow | undefined
    if (!row) throw new Error(`demo: claim ${claimId} vanished`)
    return { row, lines: this.lines.all(claimId) as ClaimLineRow[] }
  }

  setStatus(claimId: number, status: ClaimStatus, revision: number, atMs: number): void {
    this.status.run(status, revision, atMs, claimId)
  }

  /** A column the clerk corrected (claims.update), by name from a fixed list. */
  setColumn(claimId: number, column: 'proof_of_purchase_ref' | 'symptom_code' | 'defect_code', value: string): void {
    this.sqlite.prepare(`UPDATE claims SET ${column} = ? WHERE id = ?`).run(value, claimId)
  }

  setLinePartNumber(claimId: number, movementId: number, partNumber: string): void {
    this.linePartNumber.run(partNumber, claimId, movementId)
  }

  submit(claimId: number, date: string, atMs: number): void {
    this.submitted.run(date, atMs, claimId)
  }

  accept(claimId: number, approvedMinor: number, reference: string, date: string, atMs: number): void {
    this.accepted.run(approvedMinor, reference, date, atMs, claimId)
  }

  reject(claimId: number, reason: string, reference: string, date: string, atMs: number): void {
    this.rejected.run(reason, reference, date, atMs, claimId)
  }

  /** The manufacturer's reference for a claim it received (the sync acknowledgement). */
  setReference(claimId: number, reference: string, atMs: number): void {
    this.reference.run(reference, atMs, claimId)
  }

  /** A rejected claim corrected as its next revision forgets the last revision's answer (claims.update). */
  forgetAnswer(claimId: number): void {
    this.resetAnswer.run(claimId)
  }

  markPaid(claimId: number, date: string, atMs: number): void {
    this.paid.run(date, atMs, claimId)
  }

  insertBatch(b: BatchRow): number {
    this.batches++
    return Number(
      this.batch.run(b.number, b.manufacturerId, b.manufacturerCode, b.manufacturerName, b.currency, b.claimCount, b.labourMinor, b.partsMinor, b.totalMinor, b.exportProfileJson, b.staffId, b.atMs, b.atMs)
        .lastInsertRowid,
    )
  }

  insertBatchItem(batchId: number, position: number, row: ClaimViewRow, fieldsJson: string): void {
    this.batchItem.run(batchId, position, row.id, row.revision, row.labour_minor, row.parts_minor, row.total_minor, fieldsJson)
  }

  submitBatch(batchId: number, reference: string, atMs: number): void {
    this.batchSubmitted.run(reference, atMs, atMs, batchId)
  }

  closeBatch(batchId: number, atMs: number): void {
    this.batchClosed.run(atMs, batchId)
  }

  insertRemittance(manufacturerId: number, reference: string, paidDate: string, note: string, lines: readonly { claimId: number; revision: number; amountMinor: number }[], staffId: number, atMs: number): number {
    const total = lines.reduce((sum, l) => sum + l.amountMinor, 0)
    const id = Number(this.remittance.run(manufacturerId, reference, paidDate, note, lines.length, total, staffId, atMs).lastInsertRowid)
    for (const l of lines) this.payment.run(id, l.claimId, l.revision, l.amountMinor, atMs)
    this.remittances++
    this.payments += lines.length
    return id
  }

  /** One change of what manufacturers owe, continuing the running balance (callers write in time order). */
  owe(claimId: number, atMs: number, deltaMinor: number): void {
    if (deltaMinor === 0) return
    this.balance += deltaMinor
    this.receivable.run(claimId, atMs, deltaMinor, this.balance)
  }

  get receivableMinor(): number {
    return this.balance
  }

  /** sync.enqueue: the batch queued for the manufacturer's endpoint, due at once. */
  insertQueued(o: { batchId: number; manufacturerId: number; key: string; payloadJson: string; staffId: number; atMs: number }): number {
    this.outboxRows++
    return Number(this.outbox.run(o.batchId, o.manufacturerId, o.key, o.payloadJson, o.atMs, o.staffId, o.atMs, o.atMs).lastInsertRowid)
  }

  /** The sync worker's first attempt, answered 200 with an acknowledgement. */
  insertAttempt(outboxId: number, startedAtMs: number, finishedAtMs: number): void {
    this.attempt.run(outboxId, startedAtMs, finishedAtMs, 200)
  }

  acknowledge(outboxId: number, ackJson: string, atMs: number): void {
    this.outboxAck.run(ackJson, atMs, atMs, outboxId)
  }
}
