import type { DiagnosisDto, EstimateDto, TicketWorkDto } from '../../shared/dto/workflow'
import { availableActions, type FlowFacts } from '../../shared/ticket-flow'
import type { Executor } from './audit'
import { compiledOnce } from './compiled'
import type { TicketRow } from './tickets'

/** The facts the state machine needs about a ticket, read from its row. */
export async function flowFacts(db: Executor, ticket: TicketRow): Promise<FlowFacts> {
  const estimate = await db.selectFrom('estimates').select('id').where('ticket_id', '=', ticket.id).limit(1).executeTakeFirst()
  return {
    paid: ticket.warranty_status !== 'in_warranty',
    diagnosed: ticket.diagnosed_at_ms !== null,
    estimated: estimate !== undefined,
    completed: ticket.completed_at_ms !== null,
  }
}

export async function latestDiagnosis(db: Executor, ticketId: number): Promise<DiagnosisDto | null> {
  const row = await db
    .selectFrom('diagnoses as d')
    .innerJoin('staff as s', 's.id', 'd.staff_id')
    .selectAll('d')
    .select('s.name as staff_name')
    .where('d.ticket_id', '=', ticketId)
    .orderBy('d.id', 'desc')
    .limit(1)
    .executeTakeFirst()
  if (!row) return null
  return {
    atMs: row.at_ms,
    staffName: row.staff_name,
    findings: row.findings,
    faultCodes: { condition: row.condition_code, symptom: row.symptom_code, defect: row.defect_code, repair: row.repair_code },
    repairTier: row.repair_tier,
    warrantyDecision: row.warranty_decision,
    voidReason: row.void_reason,
  }
}

// Read on every ticket page and invoice: built and compiled once.
const latestEstimateRow = compiledOnce((db) =>
  db.selectFrom('estimates as e').innerJoin('staff as s', 's.id', 'e.staff_id').selectAll('e').select('s.name as staff_name').where('e.ticket_id', '=', 0).orderBy('e.revision', 'desc').limit(1),
)
const estimateLines = compiledOnce((db) => db.selectFrom('estimate_lines').selectAll().where('estimate_id', '=', 0).orderBy('position'))

export async function latestEstimate(db: Executor, ticketId: number): Promise<EstimateDto | null> {
  const [row] = await latestEstimateRow(db, [ticketId, 1])
  if (!row) return null
  const lines = await estimateLines(db, [row.id])
  return {
    revision: row.revision,
    atMs: row.at_ms,
    staffName: row.staff_name,
    lines: lines.map((l) => ({ kind: l.kind, description: l.description, quantity: l.quantity, unitPriceMinor: l.unit_price_minor, lineTotalMinor: l.line_total_minor, partId: l.part_id })),
    linesMinor: row.lines_minor,
    netMinor: row.net_minor,
    taxMinor: row.tax_minor,
    totalMinor: row.total_minor,
    taxRateBp: row.tax_rate_bp,
    pricesIncludeTax: row.prices_include_tax === 1,
  }
}

/** Where the ticket stands in the workflow and what may be done next. */
export async function loadTicketWork(db: Executor, ticket: TicketRow): Promise<TicketWorkDto> {
  const [facts, diagnosis, estimate, decider] = await Promise.all([
    flowFacts(db, ticket),
    latestDiagnosis(db, ticket.id),
    latestEstimate(db, ticket.id),
    ticket.decided_by_staff_id === null ? undefined : db.selectFrom('staff').select('name').where('id', '=', ticket.decided_by_staff_id).executeTakeFirst(),
  ])
  return {
    ticketId: ticket.id,
    status: ticket.status,
    paid: facts.paid,
    diagnosis,
    estimate,
    decision:
      ticket.customer_decision && ticket.decision_via && ticket.decided_at_ms !== null
        ? { decision: ticket.customer_decision, via: ticket.decision_via, atMs: ticket.decided_at_ms, staffName: decider?.name ?? '' }
        : null,
    diagnosisFeeMinor: ticket.diagnosis_fee_minor,
    repairStartedAtMs: ticket.repair_started_at_ms,
    completion:
      ticket.completed_at_ms !== null && ticket.work_done !== null && ticket.test_result !== null
        ? { atMs: ticket.completed_at_ms, workDone: ticket.work_done, testResult: ticket.test_result }
        : null,
    readyAtMs: ticket.ready_at_ms,
    contactedVia: ticket.contacted_via,
    outcome: ticket.outcome,
    collectedAtMs: ticket.collected_at_ms,
    collectedBy: ticket.collected_by,
    cancelReason: ticket.cancel_reason,
    actions: availableActions(ticket.status, facts),
  }
}
