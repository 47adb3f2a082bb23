// The repair-workflow channels of the fake server, over FakeLedger. Every transition goes through
// the shared state machine (shared/ticket-flow.ts) exactly as the real handlers do, so a screen
// that offers a step the machine refuses gets the same ILLEGAL_TRANSITION answer.
import type { ChannelName, ParsedInputOf } from '../../shared/contract'
import type { StaffDto } from '../../shared/dto/auth'
import type { ShopSettingsDto } from '../../shared/dto/settings'
import type { Result } from '../../shared/errors'
import { estimateTotals, faultCodeKinds } from '../../shared/repair'
import { decide, targetOf, type FlowFacts, type TicketAction } from '../../shared/ticket-flow'
import { openTicketStatuses, type TicketStatus } from '../../shared/tickets'
import type { FakeLedger, TicketRecord, WorkState } from './fake-ledger'

type Answer = Result<unknown>
const ok = (value: unknown): Answer => ({ ok: true, value })
const fail = (code: 'NOT_FOUND' | 'ILLEGAL_TRANSITION', messageKey: string, params?: Record<string, string>): Answer => ({
  ok: false,
  error: { code, messageKey, message: messageKey, ...(params ? { params } : {}) },
})
const invalid = (path: (string | number)[], messageKey: string): Answer => ({
  ok: false,
  error: { code: 'INVALID_INPUT', messageKey: 'errors.invalidInput', message: 'Invalid input', issues: [{ path, messageKey, message: messageKey }] },
})

interface Step {
  note?: string
  /** What the action itself teaches the machine before it decides (a voided warranty). */
  facts?: (facts: FlowFacts) => FlowFacts
  /** Checks first (an answer refuses the step, nothing written), then the action's own record. */
  check?: () => Answer | undefined
  record?: (state: WorkState, from: TicketStatus) => void
}

export interface WorkflowContext {
  ledger: FakeLedger
  me: StaffDto
  staff: StaffDto[]
  settings: ShopSettingsDto
}

/** Answers a workflow channel, or undefined for a channel this part does not serve. */
export function handleWorkflowChannel(ctx: WorkflowContext, channel: ChannelName, rawInput: unknown): Answer | undefined {
  const { ledger, me } = ctx
  const input = rawInput as never
  const ticketOf = (id: number) => ledger.tickets.find((t) => t.id === id)
  const now = ledger.now()

  const step = (id: number, action: TicketAction, how: Step = {}): Answer => {
    const ticket = ticketOf(id)
    if (!ticket) return fail('NOT_FOUND', 'errors.ticketNotFound')
    const facts = (how.facts ?? ((f) => f))(ledger.flowFacts(ticket))
    const verdict = decide(action, ticket.status, facts)
    if (!verdict.ok) {
      const key = verdict.reason === 'illegal' ? 'errors.illegalTransition' : verdict.messageKey
      return fail('ILLEGAL_TRANSITION', key, { from: ticket.status, to: targetOf(action, facts) })
    }
    const refused = how.check?.()
    if (refused) return refused
    const from = ticket.status
    how.record?.(ledger.workOf(ticket), from)
    ticket.status = verdict.to
    addEvent(ticket, action, how.note ?? '', from, verdict.to)
    return ok(ledger.workDto(ticket))
  }

  const addEvent = (ticket: TicketRecord, kind: string, note: string, fromStatus: TicketStatus | null = null, toStatus: TicketStatus | null = null) => {
    ticket.events.push({ id: ledger.id(), atMs: now, staffName: me.name, kind, fromStatus, toStatus, note, data: {} })
  }

  switch (channel) {
    case 'tickets.work': {
      const ticket = ticketOf((input as { id: number }).id)
      return ticket ? ok(ledger.workDto(ticket)) : fail('NOT_FOUND', 'errors.ticketNotFound')
    }
    case 'tickets.startDiagnosis':
    case 'tickets.startRepair': {
      const { id, note } = input as ParsedInputOf<'tickets.startRepair'>
      const action = channel === 'tickets.startDiagnosis' ? 'startDiagnosis' : 'startRepair'
      const record = action === 'startRepair' ? (s: WorkState) => void (s.repairStartedAtMs = now) : undefined
      return step(id, action, { note, record })
    }
    case 'tickets.diagnose': {
      const d = input as ParsedInputOf<'tickets.diagnose'>
      const ticket = ticketOf(d.id)
      const voiding = d.warranty?.decision === 'void'
      return step(d.id, 'diagnose', {
        note: d.warranty?.note ?? '',
        facts: (f) => ({ ...f, paid: f.paid || voiding }),
        check: () => {
          if (ticket!.warranty.status === 'in_warranty' && !d.warranty) return invalid(['warranty'], 'validation.warrantyDecisionRequired')
          if (ticket!.warranty.status !== 'in_warranty' && d.warranty) return invalid(['warranty'], 'validation.warrantyDecisionNotApplicable')
          const maker = ledger.deviceDto(ledger.devices.find((x) => x.id === ticket!.deviceId)!).model.manufacturer.id
          const missing = faultCodeKinds.find((kind) => !ledger.faultCodes.some((c) => c.manufacturerId === maker && c.kind === kind && c.code === d.faultCodes[kind] && c.active))
          return missing ? invalid(['faultCodes', missing], 'validation.faultCodeNotInList') : undefined
        },
        record: (s) => {
          const warrantyDecision = d.warranty ? (voiding ? 'voided' : 'confirmed') : 'not_applicable'
          s.diagnosis = { atMs: now, staffName: me.name, findings: d.findings, faultCodes: d.faultCodes, repairTier: d.repairTier, warrantyDecision, voidReason: d.warranty?.voidReason ?? null }
          if (voiding) {
            s.paid = true
            ticket!.warranty = { ...ticket!.warranty, status: 'void' }
          }
        },
      })
    }
    case 'tickets.estimate': {
      const { id, lines, note } = input as ParsedInputOf<'tickets.estimate'>
      const { taxRateBp, pricesIncludeTax } = ctx.settings
      return step(id, 'estimate', {
        note,
        record: (s) => {
          const totals = estimateTotals(lines, taxRateBp, pricesIncludeTax)
          const withTotals = lines.map((line) => ({ ...line, lineTotalMinor: line.quantity * line.unitPriceMinor, partId: line.partId ?? null }))
          s.estimate = { revision: (s.estimate?.revision ?? 0) + 1, atMs: now, staffName: me.name, lines: withTotals, ...totals, taxRateBp, pricesIncludeTax }
        },
      })
    }
    case 'tickets.decide': {
      const d = input as ParsedInputOf<'tickets.decide'>
      return step(d.id, d.decision === 'approved' ? 'approve' : 'decline', {
        note: d.note,
        check: () => (d.decision === 'approved' && d.diagnosisFeeMinor !== undefined ? invalid(['diagnosisFeeMinor'], 'validation.feeOnlyWhenDeclined') : undefined),
        record: (s) => {
          s.decision = { decision: d.decision, via: d.via, atMs: now, staffName: me.name }
          s.diagnosisFeeMinor = d.diagnosisFeeMinor ?? null
        },
      })
    }
    case 'tickets.complete': {
      const { id, workDone, testResult, note } = input as ParsedInputOf<'tickets.complete'>
      return step(id, 'complete', { note, record: (s) => (s.completion = { atMs: now, workDone, testResult }) })
    }
    case 'tickets.markReady': {
      const { id, contactedVia, note } = input as ParsedInputOf<'tickets.markReady'>
      return step(id, 'markReady', {
        note,
        record: (s, from) => Object.assign(s, { readyAtMs: now, contactedVia, outcome: from === 'declined' ? 'unrepaired' : 'repaired' }),
      })
    }
    case 'tickets.collect': {
      const { id, collectedBy, note } = input as ParsedInputOf<'tickets.collect'>
      return step(id, 'collect', {
        note,
        record: (s) => {
          Object.assign(s, { collectedAtMs: now, collectedBy })
          ticketOf(id)!.collectedDate = ledger.today()
        },
      })
    }
    case 'tickets.cancel': {
      const { id, reason } = input as ParsedInputOf<'tickets.cancel'>
      return step(id, 'cancel', { note: reason, record: (s) => (s.cancelReason = reason) })
    }
    case 'tickets.assign': {
      const { id, staffId, note } = input as ParsedInputOf<'tickets.assign'>
      const ticket = ticketOf(id)
      if (!ticket) return fail('NOT_FOUND', 'errors.ticketNotFound')
      const member = staffId === null ? null : ctx.staff.find((s) => s.id === staffId && s.active)
      if (member === undefined) return invalid(['staffId'], 'validation.unknownStaff')
      ticket.assignedStaffName = member?.name ?? null
      addEvent(ticket, 'assign', [member?.name, note].filter(Boolean).join(' — '))
      return ok(ledger.workDto(ticket))
    }
    case 'tickets.addNote': {
      const { id, note } = input as ParsedInputOf<'tickets.addNote'>
      const ticket = ticketOf(id)
      if (!ticket) return fail('NOT_FOUND', 'errors.ticketNotFound')
      addEvent(ticket, 'note', note)
      return ok(ledger.workDto(ticket))
    }
    case 'tickets.board':
      return board(ctx, (input as ParsedInputOf<'tickets.board'>).staffId ?? me.id)
    case 'faultCodes.list': {
      const { manufacturerId, includeInactive } = input as ParsedInputOf<'faultCodes.list'>
      if (!ledger.manufacturers.some((m) => m.id === manufacturerId)) return fail('NOT_FOUND', 'errors.manufacturerNotFound')
      const kindOrder = (kind: string) => faultCodeKinds.indexOf(kind as never)
      const codes = ledger.faultCodes.filter((c) => c.manufacturerId === manufacturerId && (includeInactive || c.active))
      return ok([...codes].sort((a, b) => kindOrder(a.kind) - kindOrder(b.kind) || a.code.localeCompare(b.code)))
    }
    case 'faultCodes.upsert': {
      const u = input as ParsedInputOf<'faultCodes.upsert'>
      if (!ledger.manufacturers.some((m) => m.id === u.manufacturerId)) return fail('NOT_FOUND', 'errors.manufacturerNotFound')
      const existing = ledger.faultCodes.find((c) => c.manufacturerId === u.manufacturerId && c.kind === u.kind && c.code === u.code)
      if (existing) return ok(Object.assign(existing, { description: u.description, active: u.active }))
      const created = { id: ledger.id(), ...u }
      ledger.faultCodes.push(created)
      return ok(created)
    }
    default:
      return undefined
  }
}

function board({ ledger, staff }: WorkflowContext, staffId: number): Answer {
  const member = staff.find((s) => s.id === staffId)
  if (!member) return invalid(['staffId'], 'validation.unknownStaff')
  const open = ledger.tickets.filter((t) => openTicketStatuses.includes(t.status))
  const summaries = (tickets: TicketRecord[]) => tickets.sort((a, b) => a.receivedAtMs - b.receivedAtMs || a.id - b.id).map((t) => ledger.summaryDto(t))
  const counts: Partial<Record<TicketStatus, number>> = {}
  for (const ticket of open) counts[ticket.status] = (counts[ticket.status] ?? 0) + 1
  return ok({
    counts,
    overdue: summaries(open.filter((t) => ledger.summaryDto(t).overdue)),
    waitingOnCustomer: summaries(open.filter((t) => ['awaiting_approval', 'declined', 'ready'].includes(t.status))),
    waitingOnParts: summaries(open.filter((t) => t.status === 'awaiting_parts')),
    myQueue: summaries(open.filter((t) => t.assignedStaffName === member.name)),
    queueOf: { staffId: member.id, staffName: member.name },
  })
}
