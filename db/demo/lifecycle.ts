import type { ContactChannel, DecisionChannel, FaultCodeKind, RepairTier, TestResult, VoidReason } from '../../shared/repair'
import type { TicketsTable } from '../schema'
import { estimateTotals, type EstimateTotals } from '../../shared/repair'
import { decide, type FlowFacts, type TicketAction } from '../../shared/ticket-flow'
import type { TicketStatus } from '../../shared/tickets'
import { closingMinute, dateOf, nextOpenDay, openingMinute, shopDayOf, shopInstant, shopMinuteOf } from './calendar'
import type { Rng } from './random'
import type { PartUse, RepairParts } from './repair-parts'
import { cancelReasons, codesOf, conditionCode, estimateLines, repairNotes, revisedLines, type EstimateLineDraft, type RepairKind } from './repairs'
import { chineseName } from './vocabulary'

// What happens to a ticket after intake, planned in full at intake as the real workflow actions
// (shared/ticket-flow.ts decides every step, so an illegal path throws here), with the event data,
// audit details and ticket columns the handlers in electron/rpc/handlers/workflow.ts write. The
// generator keeps the steps that fall before the demo's "now".

/** The workflow columns of a ticket row (migration 0004) plus the ones actions change. */
export type WorkColumns = Pick<
  TicketsTable,
  | 'assigned_staff_id'
  | 'warranty_status'
  | 'diagnosed_at_ms'
  | 'repair_tier'
  | 'customer_decision'
  | 'decision_via'
  | 'decided_at_ms'
  | 'decided_by_staff_id'
  | 'diagnosis_fee_minor'
  | 'repair_started_at_ms'
  | 'completed_at_ms'
  | 'completed_business_date'
  | 'completed_by_staff_id'
  | 'work_done'
  | 'test_result'
  | 'ready_at_ms'
  | 'contacted_via'
  | 'outcome'
  | 'collected_at_ms'
  | 'collected_business_date'
  | 'collected_by'
  | 'cancelled_at_ms'
  | 'cancel_reason'
>

export interface DiagnosisRow {
  findings: string
  codes: Record<FaultCodeKind, string>
  tier: RepairTier
  warrantyDecision: 'confirmed' | 'voided' | 'not_applicable'
  voidReason: VoidReason | null
  note: string
}

export interface EstimateRow {
  revision: number
  lines: EstimateLineDraft[]
  totals: EstimateTotals
  note: string
}

export interface PlannedStep {
  atMs: number
  /** A workflow action, or `assign` / `note` (tickets.assign, tickets.addNote). */
  kind: TicketAction | 'assign' | 'note'
  staffId: number
  from: TicketStatus
  to: TicketStatus
  note: string
  /** The event's data_json; the audit row's details are {from, to, ...data} for actions. */
  data: Record<string, unknown>
  /** Ticket columns the step sets (status and updated_at_ms aside). */
  patch: Partial<WorkColumns>
  diagnosis?: DiagnosisRow
  estimate?: EstimateRow
  /** startRepair: the parts taken from stock for the repair, under warranty or as paid work. */
  parts?: { warranty: boolean; uses: PartUse[] }
}

export interface LifeInput {
  receivedMs: number
  inWarranty: boolean
  reportedFault: string
  repair: RepairKind
  brandCode: string
  category: Parameters<typeof estimateLines>[3]
  customerName: string
  dealer: boolean
  /** The technician who does the bench work. */
  technicianId: number
  /** Assigned at the counter at intake; otherwise the technician takes it at pick-up (an assign event). */
  assignedAtIntake: boolean
  /** Who may stand at the counter (approvals by phone, hand-back, cancellations), weighted. */
  counter: readonly (readonly [number, number])[]
  taxRateBp: number
  pricesIncludeTax: boolean
  /** What the repair takes from stock as paid work and as warranty work (repair-parts.ts). */
  parts: { paid: RepairParts; warranty: RepairParts }
}

const minute = 60_000

/** `min`–`max` minutes after `prevMs` the same day; past closing, the next open morning. */
export function afterMinutes(rng: Rng, prevMs: number, min: number, max: number): number {
  const t = prevMs + rng.int(min, max) * minute
  if (shopDayOf(t) === shopDayOf(prevMs) && shopMinuteOf(t) < closingMinute) return t
  return nextMorning(rng, prevMs)
}

/** Within the first hour and a half of the next open day. */
export function nextMorning(rng: Rng, prevMs: number): number {
  return shopInstant(nextOpenDay(shopDayOf(prevMs) + 1), openingMinute + rng.int(0, 90))
}

/** Some time during opening hours `days` shop days after `prevMs` (days ≥ 1). */
export function laterDay(rng: Rng, prevMs: number, days: number): number {
  return shopInstant(nextOpenDay(shopDayOf(prevMs) + days), openingMinute + rng.int(0, closingMinute - openingMinute - 10))
}

const voidNotes: Record<VoidReason, string> = {
  liquid_damage: '防水标签变红，主板有水渍 / LCI red',
  physical_damage: '机身有明显摔痕 / impact damage on frame',
  unauthorised_repair: '主板有非官方维修痕迹 / third-party repair found',
  tampered_seal: '防拆标签破损 / warranty seal broken',
  out_of_period: '核对发票，购买日期已超保修期 / invoice date outside the period',
}

/** One ticket's life, step by step through the shared state machine. */
class Life {
  readonly steps: PlannedStep[] = []
  status: TicketStatus = 'received'
  facts: FlowFacts
  at: number
  repairStartedAtMs: number | null = null
  lastDiagnosis: DiagnosisRow | null = null
  warrantyStatus: WorkColumns['warranty_status']

  constructor(readonly input: LifeInput) {
    this.at = input.receivedMs
    this.facts = { paid: !input.inWarranty, diagnosed: false, estimated: false, completed: false }
    this.warrantyStatus = input.inWarranty ? 'in_warranty' : 'out_of_warranty'
  }

  act(kind: TicketAction, atMs: number, staffId: number, step: { note?: string; data?: Record<string, unknown>; patch?: Partial<WorkColumns>; facts?: FlowFacts } & Pick<PlannedStep, 'diagnosis' | 'estimate' | 'parts'> = {}): void {
    const verdict = decide(kind, this.status, step.facts ?? this.facts)
    if (!verdict.ok) throw new Error(`demo lifecycle: ${kind} from ${this.status} refused (${verdict.reason === 'guard' ? verdict.messageKey : 'illegal'})`)
    if (atMs <= this.at) throw new Error(`demo lifecycle: ${kind} at ${atMs} not after ${this.at}`)
    this.steps.push({ atMs, kind, staffId, from: this.status, to: verdict.to, note: step.note ?? '', data: step.data ?? {}, patch: step.patch ?? {}, diagnosis: step.diagnosis, estimate: step.estimate, ...(step.parts && { parts: step.parts }) })
    this.status = verdict.to
    this.at = atMs
  }

  assign(atMs: number, staffId: number): void {
    this.steps.push({ atMs, kind: 'assign', staffId, from: this.status, to: this.status, note: '', data: { from: null, to: staffId }, patch: { assigned_staff_id: staffId } })
    this.at = atMs
  }
}

export function planLifecycle(rng: Rng, input: LifeInput): PlannedStep[] {
  const life = new Life(input)
  const { repair, technicianId: tech } = input
  const counter = () => rng.weighted(input.counter)
  const cancelAt = rng.chance(0.025) ? rng.weighted([['beforeDiagnosis', 4], ['awaitingApproval', 2], ['awaitingParts', 4]] as const) : null
  const cancel = (atMs: number, reasons: readonly string[]) => {
    const reason = rng.pick(reasons)
    life.act('cancel', atMs, counter(), { note: reason, data: { reason }, patch: { cancelled_at_ms: atMs, cancel_reason: reason } })
    return life.steps
  }

  // A technician picks the device up within hours; devices left in the last hour and a half wait
  // on the shelf until the morning.
  let at = shopMinuteOf(input.receivedMs) >= closingMinute - 90 ? nextMorning(rng, input.receivedMs) : afterMinutes(rng, input.receivedMs, 10, 150)
  if (cancelAt === 'beforeDiagnosis' && rng.chance(0.5)) return cancel(rng.chance(0.6) ? afterMinutes(rng, input.receivedMs, 30, 300) : laterDay(rng, input.receivedMs, rng.int(1, 2)), cancelReasons.beforeDiagnosis)
  if (!input.assignedAtIntake) {
    life.assign(at, tech)
    at += minute
  }
  // Quick jobs are often diagnosed on the spot, straight from `received`.
  if (!rng.chance(repair.tier === 'L1' ? 0.4 : 0.05)) {
    life.act('startDiagnosis', at, tech)
    if (cancelAt === 'beforeDiagnosis') return cancel(rng.chance(0.5) ? afterMinutes(rng, at, 20, 240) : laterDay(rng, at, 1), cancelReasons.beforeDiagnosis)
    at =
      repair.tier === 'L1' ? afterMinutes(rng, at, 10, 40)
      : repair.tier === 'L2' ? afterMinutes(rng, at, 15, 90)
      : rng.chance(0.3) ? laterDay(rng, at, 1)
      : afterMinutes(rng, at, 60, 240)
  }

  // Diagnosis: codes, tier and, on warranty work, the warranty decision.
  let voidReason: VoidReason | null = null
  if (input.inWarranty) {
    const chance = repair.damage === 'liquid_damage' ? 0.35 : repair.damage === 'physical_damage' ? 0.08 : 0.004
    if (rng.chance(chance)) voidReason = repair.damage ?? rng.pick(['unauthorised_repair', 'tampered_seal', 'out_of_period', 'physical_damage'] as const)
  }
  const codes = codesOf(repair, conditionCode(rng))
  const warrantyDecision = !input.inWarranty ? 'not_applicable' : voidReason ? 'voided' : 'confirmed'
  const diagnosisNote = voidReason ? voidNotes[voidReason] : ''
  const diagnosis: DiagnosisRow = { findings: rng.pick(repair.findings), codes, tier: repair.tier, warrantyDecision, voidReason, note: diagnosisNote }
  const paid = !input.inWarranty || voidReason !== null
  let protectorTaken = false
  life.act('diagnose', at, tech, {
    note: diagnosisNote,
    facts: { ...life.facts, paid },
    data: { faultCodes: codes, repairTier: repair.tier, warrantyDecision, ...(voidReason !== null && { voidReason }) },
    patch: { diagnosed_at_ms: at, repair_tier: repair.tier, ...(voidReason !== null && { warranty_status: 'void' as const }) },
    diagnosis,
  })
  life.facts = { ...life.facts, paid, diagnosed: true }
  if (voidReason) life.warrantyStatus = 'void'
  life.lastDiagnosis = diagnosis

  if (paid) {
    // The estimate right after the diagnosis; now and then a second revision after haggling.
    let lines = estimateLines(rng, repair, input.brandCode, input.category, { part: input.parts.paid.quoted, protector: input.parts.paid.protector })
    const estimate = (revision: number, note: string) => {
      const totals = estimateTotals(lines, input.taxRateBp, input.pricesIncludeTax)
      at = afterMinutes(rng, at, revision === 1 ? 3 : 10, revision === 1 ? 15 : 90)
      life.act('estimate', at, revision === 1 ? tech : counter(), { note, data: { revision, totalMinor: totals.totalMinor, taxMinor: totals.taxMinor }, estimate: { revision, lines, totals, note } })
      life.facts = { ...life.facts, estimated: true }
    }
    estimate(1, '')
    if (rng.chance(0.05)) {
      lines = revisedLines(rng, lines)
      estimate(2, '客户议价，人工费优惠')
    }
    const protector = input.parts.paid.protector
    protectorTaken = protector !== null && lines.some((l) => l.partId === protector.id)
    if (cancelAt === 'awaitingApproval') return cancel(laterDay(rng, at, rng.int(1, 3)), cancelReasons.awaitingApproval)

    // The customer decides the same day or within two, mostly on the phone.
    at = rng.weighted<() => number>([
      [() => afterMinutes(rng, at, 20, 240), 55],
      [() => laterDay(rng, at, 1), 30],
      [() => laterDay(rng, at, 2), 15],
    ])()
    const via = rng.weighted<DecisionChannel>([['phone', 60], ['in_person', 25], ['message', 15]])
    const decider = counter()
    if (rng.chance(voidReason ? 0.35 : 0.12)) {
      const fee = rng.chance(0.6) ? rng.pick([3000, 5000, 8000]) : undefined
      life.act('decline', at, decider, {
        data: { decision: 'declined', via, ...(fee !== undefined && { diagnosisFeeMinor: fee }) },
        patch: { customer_decision: 'declined', decision_via: via, decided_at_ms: at, decided_by_staff_id: decider, diagnosis_fee_minor: fee ?? null },
      })
      // Reassembled, the customer called, handed back unrepaired.
      const readyAt = rng.weighted<() => number>([
        [() => afterMinutes(rng, at, 30, 180), 4],
        [() => laterDay(rng, at, 1), 4],
        [() => laterDay(rng, at, 2), 2],
      ])()
      markReady(rng, life, readyAt, 'unrepaired')
      return collect(rng, life)
    }
    life.act('approve', at, decider, {
      data: { decision: 'approved', via },
      patch: { customer_decision: 'approved', decision_via: via, decided_at_ms: at, decided_by_staff_id: decider, diagnosis_fee_minor: null },
    })
  }

  // Parts: most are on the shelf; some are ordered (warranty parts come from the maker).
  if (cancelAt === 'awaitingParts') return cancel(laterDay(rng, at, rng.int(2, 6)), cancelReasons.awaitingParts)
  const waits = rng.chance(Math.min(0.9, repair.partsWait * (paid ? 1 : 1.4)))
  at = waits ? laterDay(rng, at, rng.int(1, 5)) : afterMinutes(rng, at, 5, 120)
  const chosen = paid ? input.parts.paid : input.parts.warranty
  const film = protectorTaken && chosen.protector ? [{ part: chosen.protector, quantity: 1, keepDefective: false }] : []
  life.act('startRepair', at, tech, { patch: { repair_started_at_ms: at }, parts: { warranty: !paid, uses: [...chosen.uses, ...film] } })
  life.repairStartedAtMs = at

  at = afterMinutes(rng, at, repair.repairMinutes[0], repair.repairMinutes[1])
  const testResult = rng.weighted<TestResult>([['passed', 94], ['passed_with_notes', 5], ['failed', 1]])
  const workDone =
    testResult === 'passed' ? repair.workDone
    : testResult === 'passed_with_notes' ? `${repair.workDone}；外壳旧伤已告知客户`
    : `${repair.workDone}；测试仍有异常，已告知客户`
  const completedDate = dateOf(shopDayOf(at))
  const claim = life.warrantyStatus === 'in_warranty' && life.lastDiagnosis
  life.act('complete', at, tech, {
    data: {
      workDone,
      testResult,
      ...(claim && {
        claimFacts: {
          receivedAtMs: input.receivedMs,
          repairStartedAtMs: life.repairStartedAtMs,
          completedAtMs: at,
          technicianId: tech,
          repairTier: life.lastDiagnosis?.tier,
          faultCodes: life.lastDiagnosis?.codes,
        },
      }),
    },
    patch: { completed_at_ms: at, completed_business_date: completedDate, completed_by_staff_id: tech, work_done: workDone, test_result: testResult },
  })
  life.facts = { ...life.facts, completed: true }
  markReady(rng, life, afterMinutes(rng, at, 5, 60), 'repaired')
  return collect(rng, life)
}

function markReady(rng: Rng, life: Life, atMs: number, outcome: 'repaired' | 'unrepaired'): void {
  const contactedVia = rng.weighted<ContactChannel>([['phone', 40], ['sms', 20], ['wechat', 35], ['in_person', 5]])
  const staff = rng.chance(0.6) ? life.input.technicianId : rng.weighted(life.input.counter)
  life.act('markReady', atMs, staff, { data: { contactedVia, outcome }, patch: { ready_at_ms: atMs, contacted_via: contactedVia, outcome } })
}

/** The customer collects 0–7 days later (a few take weeks); now and then a note on the way. */
function collect(rng: Rng, life: Life): PlannedStep[] {
  const ready = life.at
  const at = rng.weighted<() => number>([
    [() => afterMinutes(rng, ready, 30, 240), 25],
    [() => laterDay(rng, ready, 1), 30],
    [() => laterDay(rng, ready, rng.int(2, 3)), 25],
    [() => laterDay(rng, ready, rng.int(4, 7)), 17],
    [() => laterDay(rng, ready, rng.int(8, 30)), 3],
  ])()
  const { customerName, dealer } = life.input
  const collectedBy = dealer ? `${customerName} 店员${chineseName(rng)}` : rng.chance(0.85) ? customerName : `${chineseName(rng)}（代取）`
  life.act('collect', at, rng.weighted(life.input.counter), { data: { collectedBy }, patch: { collected_at_ms: at, collected_business_date: dateOf(shopDayOf(at)), collected_by: collectedBy } })
  return life.steps
}

/** A counter note between two steps of about one ticket in sixteen (tickets.addNote). */
export function withNote(rng: Rng, steps: PlannedStep[], counter: readonly (readonly [number, number])[]): PlannedStep[] {
  if (steps.length < 2 || !rng.chance(0.06)) return steps
  const i = rng.int(0, steps.length - 2)
  const [before, after] = [steps[i] as PlannedStep, steps[i + 1] as PlannedStep]
  const at = before.atMs + rng.int(1, 30) * minute
  if (at >= after.atMs) return steps
  const note: PlannedStep = { atMs: at, kind: 'note', staffId: rng.weighted(counter), from: before.to, to: before.to, note: rng.pick(repairNotes), data: {}, patch: {} }
  return [...steps.slice(0, i + 1), note, ...steps.slice(i + 1)]
}
