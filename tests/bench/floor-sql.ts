import type Database from 'better-sqlite3'
import { auditRowHash, genesisHash } from '../../db/ledger/audit'
import { openTicketStatuses, type TicketStatus } from '../../shared/tickets'
import type { WarrantyStatus } from '../../shared/warranty'

// The floor: the same reads and writes as the app, hand-written against better-sqlite3 prepared
// statements, with no kysely, zod, dispatch or DTO mapping in between.

const summary = `SELECT t.id, t.number, t.status, t.warranty_status, t.received_at_ms, t.received_business_date, t.promised_date,
    t.repeat_of_ticket_id, c.name AS customer_name, c.phone AS customer_phone, mf.name AS manufacturer_name,
    dm.marketing_name AS model_name, d.imei, d.serial, s.name AS assigned_staff_name
  FROM tickets t
  JOIN customers c ON c.id = t.customer_id
  JOIN devices d ON d.id = t.device_id
  JOIN device_models dm ON dm.id = d.model_id
  JOIN manufacturers mf ON mf.id = dm.manufacturer_id
  LEFT JOIN staff s ON s.id = t.assigned_staff_id`

export interface ListFilter {
  statuses?: TicketStatus[]
  warrantyStatus?: WarrantyStatus
  assignedStaffId?: number
  overdue?: boolean
}

const openList = openTicketStatuses.map((s) => `'${s}'`).join(', ')

export const floorSql = {
  searchFts: `${summary} WHERE t.id IN (SELECT rowid FROM ticket_search WHERE ticket_search MATCH ? ORDER BY rowid DESC LIMIT ?) ORDER BY t.id DESC LIMIT ?`,
  searchNamePrefix: `${summary} WHERE t.customer_id IN (SELECT id FROM customers WHERE name LIKE ? ESCAPE '\\') ORDER BY t.id DESC LIMIT ?`,
  /** The list query for a filter, with its parameters in order (limit last). */
  list(filter: ListFilter, today: string): { sql: string; params: unknown[] } {
    const where: string[] = []
    const params: unknown[] = []
    const add = (condition: string, ...values: unknown[]) => {
      where.push(condition)
      params.push(...values)
    }
    if (filter.statuses?.length) add(`t.status IN (${filter.statuses.map(() => '?').join(', ')})`, ...filter.statuses)
    if (filter.warrantyStatus) add('t.warranty_status = ?', filter.warrantyStatus)
    if (filter.assignedStaffId !== undefined) add('t.assigned_staff_id = ?', filter.assignedStaffId)
    if (filter.overdue) add(`t.promised_date < ? AND t.status IN (${openList})`, today)
    return { sql: `${summary}${where.length ? ` WHERE ${where.join(' AND ')}` : ''} ORDER BY t.id DESC LIMIT ?`, params: [...params, 51] }
  },
  detail: `SELECT t.*, c.name AS customer_name, c.phone, c.email, c.kind, c.notes AS customer_notes, d.imei, d.serial, d.purchase_date,
      d.proof_of_purchase_ref, d.owner_customer_id, dm.model_code, dm.marketing_name, dm.category, dm.warranty_months,
      mf.id AS manufacturer_id, mf.code, mf.name AS manufacturer_name, mf.warranty_months AS mf_months, mf.proof_required,
      s.name AS assigned_staff_name, cb.name AS created_by_name
    FROM tickets t
    JOIN customers c ON c.id = t.customer_id
    JOIN devices d ON d.id = t.device_id
    JOIN device_models dm ON dm.id = d.model_id
    JOIN manufacturers mf ON mf.id = dm.manufacturer_id
    LEFT JOIN staff s ON s.id = t.assigned_staff_id
    JOIN staff cb ON cb.id = t.created_by_staff_id
    WHERE t.id = ?`,
  events: `SELECT e.id, e.at_ms, s.name AS staff_name, e.kind, e.from_status, e.to_status, e.note, e.data_json
    FROM ticket_events e JOIN staff s ON s.id = e.staff_id WHERE e.ticket_id = ? ORDER BY e.id`,
  repeatOf: `SELECT id, number, collected_business_date FROM tickets WHERE id = ?`,
  timeZone: `SELECT time_zone FROM settings WHERE id = 1`,
}

export interface FloorIntake {
  customer: { id: number } | { name: string; phone: string }
  device: { id: number } | { modelId: number; imei: string; purchaseDate: string; proofRef: string }
  staffId: number
  today: string
  sinceDate: string
  nowMs: number
}

/** One durable transaction writing what an intake writes: customer, device, ticket, event, audit rows. */
export function floorIntake(sqlite: Database.Database): (input: FloorIntake) => void {
  const st = {
    timeZone: sqlite.prepare(floorSql.timeZone),
    customer: sqlite.prepare(`INSERT INTO customers (name, phone, kind, notes, created_at_ms, updated_at_ms) VALUES (?, ?, 'consumer', '', ?, ?) RETURNING id`),
    imeiTaken: sqlite.prepare(`SELECT id FROM devices WHERE imei = ?`),
    device: sqlite.prepare(
      `INSERT INTO devices (model_id, imei, purchase_date, proof_of_purchase_ref, owner_customer_id, created_at_ms, updated_at_ms) VALUES (?, ?, ?, ?, ?, ?, ?) RETURNING *`,
    ),
    findDevice: sqlite.prepare(`SELECT * FROM devices WHERE id = ?`),
    model: sqlite.prepare(`SELECT dm.warranty_months, mf.warranty_months AS mf_months, mf.proof_required FROM device_models dm JOIN manufacturers mf ON mf.id = dm.manufacturer_id WHERE dm.id = ?`),
    lastCollected: sqlite.prepare(
      `SELECT id, number FROM tickets WHERE device_id = ? AND status = 'collected' AND collected_business_date >= ? ORDER BY collected_business_date DESC, id DESC LIMIT 1`,
    ),
    counter: sqlite.prepare(
      `INSERT INTO ticket_number_counters (prefix, last_sequence) VALUES (?, 1) ON CONFLICT (prefix) DO UPDATE SET last_sequence = last_sequence + 1 RETURNING last_sequence`,
    ),
    ticket: sqlite.prepare(
      `INSERT INTO tickets (number, customer_id, device_id, received_at_ms, received_business_date, reported_fault, condition_json, accessories_json,
         promised_date, assigned_staff_id, warranty_status, warranty_reason, status, repeat_of_ticket_id, created_by_staff_id, updated_at_ms)
       VALUES (?, ?, ?, ?, ?, '屏幕摔碎', '["screen_cracked"]', '["case"]', ?, ?, 'out_of_warranty', 'no_proof', 'received', ?, ?, ?) RETURNING id`,
    ),
    event: sqlite.prepare(`INSERT INTO ticket_events (ticket_id, at_ms, staff_id, kind, to_status, data_json) VALUES (?, ?, ?, 'intake', 'received', ?)`),
    lastHash: sqlite.prepare(`SELECT hash FROM audit_log ORDER BY id DESC LIMIT 1`),
    audit: sqlite.prepare(`INSERT INTO audit_log (at_ms, staff_id, action, entity, entity_id, details_json, prev_hash, hash) VALUES (?, ?, ?, ?, ?, ?, ?, ?)`),
  }
  const audit = (atMs: number, staffId: number, action: string, entity: string, entityId: number, details: object) => {
    const prevHash = (st.lastHash.get() as { hash: string } | undefined)?.hash ?? genesisHash
    const row = { atMs, staffId, action, entity, entityId: String(entityId), detailsJson: JSON.stringify(details) }
    st.audit.run(atMs, staffId, action, entity, row.entityId, row.detailsJson, prevHash, auditRowHash(prevHash, row))
  }
  return sqlite.transaction((input: FloorIntake) => {
    const now = input.nowMs
    st.timeZone.get()
    const customerId = 'id' in input.customer ? input.customer.id : (st.customer.get(input.customer.name, input.customer.phone, now, now) as { id: number }).id
    if (!('id' in input.customer)) audit(now, input.staffId, 'customers.create', 'customer', customerId, input.customer)
    let device: { id: number; model_id: number }
    if ('id' in input.device) {
      device = st.findDevice.get(input.device.id) as typeof device
    } else {
      const d = input.device
      if (st.imeiTaken.get(d.imei)) throw new Error(`IMEI ${d.imei} exists`)
      device = st.device.get(d.modelId, d.imei, d.purchaseDate, d.proofRef, customerId, now, now) as typeof device
      audit(now, input.staffId, 'devices.create', 'device', device.id, d)
    }
    st.model.get(device.model_id)
    const repeat = st.lastCollected.get(device.id, input.sinceDate) as { id: number; number: string } | undefined
    const prefix = `R${input.today.slice(2, 4)}${input.today.slice(5, 7)}`
    const sequence = (st.counter.get(prefix) as { last_sequence: number }).last_sequence
    const number = `${prefix}-${String(sequence).padStart(4, '0')}`
    const ticket = st.ticket.get(number, customerId, device.id, now, input.today, input.today, input.staffId, repeat?.id ?? null, input.staffId, now) as { id: number }
    const facts = JSON.stringify({ number, repeatOf: repeat ?? null })
    st.event.run(ticket.id, now, input.staffId, facts)
    audit(now, input.staffId, 'tickets.intake', 'ticket', ticket.id, { number, customerId, deviceId: device.id })
  })
}

/** What the ticket's work view reads after every workflow action (db/ledger/work.ts loadTicketWork). */
function floorWorkView(sqlite: Database.Database): (id: number) => void {
  const st = {
    ticket: sqlite.prepare(`SELECT * FROM tickets WHERE id = ?`),
    estimated: sqlite.prepare(`SELECT id FROM estimates WHERE ticket_id = ? LIMIT 1`),
    diagnosis: sqlite.prepare(`SELECT d.*, s.name AS staff_name FROM diagnoses d JOIN staff s ON s.id = d.staff_id WHERE d.ticket_id = ? ORDER BY d.id DESC LIMIT 1`),
    estimate: sqlite.prepare(`SELECT e.*, s.name AS staff_name FROM estimates e JOIN staff s ON s.id = e.staff_id WHERE e.ticket_id = ? ORDER BY e.revision DESC LIMIT 1`),
    lines: sqlite.prepare(`SELECT * FROM estimate_lines WHERE estimate_id = ? ORDER BY position`),
    decider: sqlite.prepare(`SELECT name FROM staff WHERE id = ?`),
  }
  return (id) => {
    const t = st.ticket.get(id) as { decided_by_staff_id: number | null }
    st.estimated.get(id)
    st.diagnosis.get(id)
    const e = st.estimate.get(id) as { id: number } | undefined
    if (e) st.lines.all(e.id)
    if (t.decided_by_staff_id !== null) st.decider.get(t.decided_by_staff_id)
  }
}

export interface FloorTransition {
  id: number
  staffId: number
  nowMs: number
}

export interface FloorDiagnosis extends FloorTransition {
  findings: string
  codes: { condition: string; symptom: string; defect: string; repair: string }
  tier: string
}

/**
 * startDiagnosis and diagnose by hand: one durable transaction with the ticket read, the state
 * check's facts, the action's own rows, the status update, the event and the audit row; then the
 * work view the handlers return.
 */
export function floorTransitions(sqlite: Database.Database): { startDiagnosis(input: FloorTransition): void; diagnose(input: FloorDiagnosis): void } {
  const st = {
    ticket: sqlite.prepare(`SELECT * FROM tickets WHERE id = ?`),
    estimated: sqlite.prepare(`SELECT id FROM estimates WHERE ticket_id = ? LIMIT 1`),
    maker: sqlite.prepare(`SELECT dm.manufacturer_id FROM devices d JOIN device_models dm ON dm.id = d.model_id WHERE d.id = ?`),
    code: sqlite.prepare(`SELECT id FROM fault_codes WHERE manufacturer_id = ? AND kind = ? AND code = ? AND active = 1`),
    diagnosis: sqlite.prepare(
      `INSERT INTO diagnoses (ticket_id, at_ms, staff_id, findings, condition_code, symptom_code, defect_code, repair_code, repair_tier, warranty_decision, void_reason, note)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, 'not_applicable', NULL, '')`,
    ),
    startDiagnosis: sqlite.prepare(`UPDATE tickets SET status = ?, updated_at_ms = ? WHERE id = ?`),
    diagnose: sqlite.prepare(`UPDATE tickets SET diagnosed_at_ms = ?, repair_tier = ?, status = ?, updated_at_ms = ? WHERE id = ?`),
    event: sqlite.prepare(`INSERT INTO ticket_events (ticket_id, at_ms, staff_id, kind, from_status, to_status, note, data_json) VALUES (?, ?, ?, ?, ?, ?, '', ?)`),
    lastHash: sqlite.prepare(`SELECT hash FROM audit_log ORDER BY id DESC LIMIT 1`),
    audit: sqlite.prepare(`INSERT INTO audit_log (at_ms, staff_id, action, entity, entity_id, details_json, prev_hash, hash) VALUES (?, ?, ?, 'ticket', ?, ?, ?, ?)`),
  }
  const workView = floorWorkView(sqlite)
  const record = (input: FloorTransition, action: string, from: string, to: string, data: Record<string, unknown>) => {
    st.event.run(input.id, input.nowMs, input.staffId, action, from, to, JSON.stringify(data))
    const prevHash = (st.lastHash.get() as { hash: string } | undefined)?.hash ?? genesisHash
    const row = { atMs: input.nowMs, staffId: input.staffId, action: `tickets.${action}`, entity: 'ticket', entityId: String(input.id), detailsJson: JSON.stringify({ from, to, ...data }) }
    st.audit.run(row.atMs, row.staffId, row.action, row.entityId, row.detailsJson, prevHash, auditRowHash(prevHash, row))
  }
  const startDiagnosis = sqlite.transaction((input: FloorTransition) => {
    const t = st.ticket.get(input.id) as { status: string }
    st.estimated.get(input.id)
    if (t.status !== 'received') throw new Error(`floor startDiagnosis on a ${t.status} ticket`)
    st.startDiagnosis.run('diagnosing', input.nowMs, input.id)
    record(input, 'startDiagnosis', t.status, 'diagnosing', {})
  })
  const diagnose = sqlite.transaction((input: FloorDiagnosis) => {
    const t = st.ticket.get(input.id) as { status: string; device_id: number; warranty_status: string }
    st.estimated.get(input.id)
    if (t.status !== 'received' && t.status !== 'diagnosing') throw new Error(`floor diagnose on a ${t.status} ticket`)
    const to = t.warranty_status === 'in_warranty' ? 'awaiting_parts' : 'awaiting_approval'
    const { manufacturer_id } = st.maker.get(t.device_id) as { manufacturer_id: number }
    for (const kind of ['condition', 'symptom', 'defect', 'repair'] as const) {
      if (!st.code.get(manufacturer_id, kind, input.codes[kind])) throw new Error(`floor diagnose: no code ${input.codes[kind]}`)
    }
    const c = input.codes
    st.diagnosis.run(input.id, input.nowMs, input.staffId, input.findings, c.condition, c.symptom, c.defect, c.repair, input.tier)
    st.diagnose.run(input.nowMs, input.tier, to, input.nowMs, input.id)
    record(input, 'diagnose', t.status, to, { faultCodes: input.codes, repairTier: input.tier, warrantyDecision: 'not_applicable' })
  })
  return {
    startDiagnosis: (input) => {
      startDiagnosis(input)
      workView(input.id)
    },
    diagnose: (input) => {
      diagnose(input)
      workView(input.id)
    },
  }
}

/**
 * The counter board by hand, query for query as tickets.board runs them: the counts per open
 * status, then each list as per-status index walks (newest 51 ids each), merged, and one summary
 * query for the 50 newest.
 */
export function floorBoard(sqlite: Database.Database, today: string, staffId: number): () => unknown[] {
  const st = {
    timeZone: sqlite.prepare(floorSql.timeZone),
    counts: sqlite.prepare(`SELECT status, count(*) AS n FROM tickets WHERE status IN (${openTicketStatuses.map(() => '?').join(', ')}) GROUP BY status`),
    ids: sqlite.prepare(`SELECT id FROM tickets WHERE status = ? ORDER BY id DESC LIMIT ?`).pluck(),
    overdueIds: sqlite.prepare(`SELECT id FROM tickets WHERE status = ? AND promised_date < ? ORDER BY id DESC LIMIT ?`).pluck(),
    mineIds: sqlite.prepare(`SELECT id FROM tickets WHERE status = ? AND assigned_staff_id = ? ORDER BY id DESC LIMIT ?`).pluck(),
  }
  const summaries = new Map<number, Database.Statement>()
  const summaryOf = (ids: number[]) => {
    if (ids.length === 0) return []
    let s = summaries.get(ids.length)
    if (!s) summaries.set(ids.length, (s = sqlite.prepare(`${summary} WHERE t.id IN (${ids.map(() => '?').join(', ')}) ORDER BY t.id DESC`)))
    return s.all(...ids)
  }
  const page = (statuses: readonly TicketStatus[], idsOf: (status: TicketStatus) => number[]) => {
    const ids = statuses.flatMap(idsOf).sort((a, b) => b - a).slice(0, 50)
    return summaryOf(ids)
  }
  return () => {
    st.timeZone.get()
    st.counts.all(...openTicketStatuses)
    return [
      ...page(openTicketStatuses, (s) => st.overdueIds.all(s, today, 51) as number[]),
      ...page(['awaiting_approval', 'declined', 'ready'], (s) => st.ids.all(s, 51) as number[]),
      ...page(['awaiting_parts'], (s) => st.ids.all(s, 51) as number[]),
      ...page(openTicketStatuses, (s) => st.mineIds.all(s, staffId, 51) as number[]),
    ]
  }
}

/** The board's statements with their parameters, for EXPLAIN QUERY PLAN when it misses. */
export function boardPlans(today: string, staffId: number): { sql: string; params: unknown[] }[] {
  return [
    { sql: `SELECT status, count(*) AS n FROM tickets WHERE status IN (${openTicketStatuses.map(() => '?').join(', ')}) GROUP BY status`, params: [...openTicketStatuses] },
    { sql: `SELECT id FROM tickets WHERE status = ? AND promised_date < ? ORDER BY id DESC LIMIT ?`, params: ['ready', today, 51] },
    { sql: `SELECT id FROM tickets WHERE status = ? ORDER BY id DESC LIMIT ?`, params: ['awaiting_parts', 51] },
    { sql: `SELECT id FROM tickets WHERE status = ? AND assigned_staff_id = ? ORDER BY id DESC LIMIT ?`, params: ['received', staffId, 51] },
  ]
}
