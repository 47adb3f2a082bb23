import type { TicketStatus } from './tickets'

// The ticket lifecycle, defined once: handlers refuse what is not here, and the UI offers only
// what is here. `paid` = customer pays (out of warranty, or warranty voided at diagnosis).
//
//   received ─startDiagnosis─► diagnosing ─diagnose─► awaiting_approval (paid)
//                                          └─diagnose─► awaiting_parts   (warranty skips approval)
//   awaiting_approval ─decide(approved)─► awaiting_parts ─startRepair─► in_repair
//   awaiting_approval ─decide(declined)─► declined ─markReady─► ready (unrepaired)
//   in_repair ─complete─► in_repair (work done) ─markReady─► ready ─collect─► collected
//   any open state but ready ─cancel─► cancelled          collected and cancelled are final

export const ticketActions = [
  'startDiagnosis',
  'diagnose',
  'estimate',
  'approve',
  'decline',
  'startRepair',
  'complete',
  'markReady',
  'collect',
  'cancel',
] as const
export type TicketAction = (typeof ticketActions)[number]

export interface FlowFacts {
  /** Paid work: out of warranty at intake, or voided at diagnosis. */
  paid: boolean
  /** A diagnosis has been recorded. */
  diagnosed: boolean
  /** Paid work has an estimate the customer can decide on. */
  estimated: boolean
  /** The repair was recorded as done (tickets.complete). */
  completed: boolean
}

interface Rule {
  from: readonly TicketStatus[]
  to: (facts: FlowFacts) => TicketStatus
  /** Why the action is refused even from a listed state; null when allowed. */
  guard?: (facts: FlowFacts, from: TicketStatus) => string | null
}

export const finalStatuses: readonly TicketStatus[] = ['collected', 'cancelled']

const rules: Record<TicketAction, Rule> = {
  startDiagnosis: { from: ['received'], to: () => 'diagnosing' },
  diagnose: { from: ['received', 'diagnosing'], to: (f) => (f.paid ? 'awaiting_approval' : 'awaiting_parts') },
  estimate: { from: ['awaiting_approval'], to: () => 'awaiting_approval', guard: (f) => (f.paid ? null : 'errors.estimateOnWarranty') },
  approve: {
    from: ['awaiting_approval'],
    to: () => 'awaiting_parts',
    guard: (f) => (!f.paid ? 'errors.approvalOnWarranty' : f.estimated ? null : 'errors.noEstimate'),
  },
  decline: { from: ['awaiting_approval'], to: () => 'declined', guard: (f) => (f.paid ? null : 'errors.approvalOnWarranty') },
  startRepair: { from: ['awaiting_parts'], to: () => 'in_repair' },
  complete: { from: ['in_repair'], to: () => 'in_repair', guard: (f) => (f.completed ? 'errors.alreadyCompleted' : null) },
  markReady: {
    from: ['in_repair', 'declined'],
    to: () => 'ready',
    guard: (f, from) => (from === 'in_repair' && !f.completed ? 'errors.notCompleted' : null),
  },
  collect: { from: ['ready'], to: () => 'collected' },
  cancel: {
    from: ['received', 'diagnosing', 'awaiting_approval', 'awaiting_parts', 'in_repair', 'declined'],
    to: () => 'cancelled',
  },
}

export type FlowDecision =
  | { ok: true; to: TicketStatus }
  | { ok: false; reason: 'illegal'; from: TicketStatus; action: TicketAction }
  | { ok: false; reason: 'guard'; messageKey: string }

/** Whether `action` may happen to a ticket in `status`, and where it leads. */
export function decide(action: TicketAction, status: TicketStatus, facts: FlowFacts): FlowDecision {
  const rule = rules[action]
  if (!rule.from.includes(status)) return { ok: false, reason: 'illegal', from: status, action }
  const refusal = rule.guard?.(facts, status) ?? null
  if (refusal) return { ok: false, reason: 'guard', messageKey: refusal }
  return { ok: true, to: rule.to(facts) }
}

/** The actions the UI should offer for a ticket now. */
export function availableActions(status: TicketStatus, facts: FlowFacts): TicketAction[] {
  return ticketActions.filter((action) => decide(action, status, facts).ok)
}

/** Where `action` would lead; used to name both states when it is refused. */
export function targetOf(action: TicketAction, facts: FlowFacts): TicketStatus {
  return rules[action].to(facts)
}
