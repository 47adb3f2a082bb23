import type Database from 'better-sqlite3'
import { hasErrors, validateClaim } from '../../shared/claim-validation'
import { batchNumberOf, claimLabourAmount, claimPartAmount, type ClaimStatus, type LabourRates } from '../../shared/claims'
import type { ClaimProblemDto } from '../../shared/dto/claims'
import type { RequirableClaimField } from '../../shared/claims'
import { faultCodeKinds, type FaultCodeKind } from '../../shared/repair'
import type { BatchDetailDto } from '../../shared/dto/claim-batches'
import { exportFieldsOf } from '../ledger/claim-batches'
import { batchRequestBody } from '../ledger/sync-outbox'
import type { ClaimViewRow } from '../ledger/claims'
import { amountsOf, draftClaimValues, type ClaimSource, type CompletionFacts } from '../ledger/claims-build'
import { checkFacts, type ActiveCodes } from '../ledger/claims-view'
import { dateOf, dayOf, isClosed, nextOpenDay, shopDayOf, shopInstant, weekdayOf } from './calendar'
import type { CatalogMaker } from './catalog'
import { ClaimsWriter, type ClaimLineValues } from './claims-writer'
import type { Rng } from './random'
import type { WarrantyPartsListener, WarrantyPartUse } from './stock-room'
import type { DemoWriter } from './writer'

// Warranty claims from completion to payment, as the claim handlers write them: tickets.complete
// builds the draft (its lines from the ticket's consume movements, amounts by the manufacturer's
// rules), the clerk checks the day's claims every evening (claims.validate; a line without the
// manufacturer's part number is typed in first, claims.update), batches each manufacturer's ready
// claims on Mondays (batches.create, the export fields frozen by exportFieldsOf), sends them a day
// or so later (batches.markSubmitted; one manufacturer's recent batches through the sync outbox),
// enters the answers as they come (claims.recordOutcome: most accepted, some for less, ≈ 6 %
// rejected, some of those corrected as the next revision and sent again) and each manufacturer's
// monthly remittance (claims.recordPayment; now and then short-paid). Every change of what the
// manufacturers owe is a claim_receivables row, written in time order with everything else.
// Draws from its own random streams, so tickets, stock and money come out as they would without it.

type Schedule = (atMs: number, write: () => void) => void

const second = 1000
const minute = 60_000

/** What each demo manufacturer pays, as the owner entered it at setup (labour per tier, markup on shop parts). */
export const demoClaimRules: Record<string, { labourRates: LabourRates; partsMarkupBp: number; requiredFields?: RequirableClaimField[] }> = {
  // Apple wants the receipt with every claim (its warranty itself does not need one at intake).
  APPLE: { labourRates: { L1: 9_000, L2: 18_000, L3: 35_000 }, partsMarkupBp: 1_000, requiredFields: ['imei_or_serial', 'purchase_date', 'proof_of_purchase', 'fault_codes'] },
  HUAWEI: { labourRates: { L1: 6_000, L2: 12_000, L3: 25_000 }, partsMarkupBp: 1_200 },
  XIAOMI: { labourRates: { L1: 5_000, L2: 10_000, L3: 20_000 }, partsMarkupBp: 1_000 },
  OPPO: { labourRates: { L1: 5_000, L2: 9_000, L3: 18_000 }, partsMarkupBp: 800 },
  VIVO: { labourRates: { L1: 5_000, L2: 9_000, L3: 18_000 }, partsMarkupBp: 800 },
  HONOR: { labourRates: { L1: 5_500, L2: 11_000, L3: 22_000 }, partsMarkupBp: 1_000 },
  SAMSUNG: { labourRates: { L1: 7_000, L2: 14_000, L3: 28_000 }, partsMarkupBp: 1_500 },
  LENOVO: { labourRates: { L1: 6_000, L2: 15_000, L3: 30_000 }, partsMarkupBp: 1_500 },
  MOTO: { labourRates: { L1: 5_000, L2: 10_000, L3: 20_000 }, partsMarkupBp: 1_000 },
}

/** Every demo manufacturer's claim window (the catalogue's default, as the owner left it). */
const demoClaimWindowDays = 30

/** Motorola's service partner pays what it is sent without a separate answer: its remittance is the acceptance. */
const paysWithoutAnswer = new Set(['MOTO'])
/** Huawei takes batches at its endpoint: the demo's last months of Huawei batches went through the sync outbox. */
const syncMaker = 'HUAWEI'
const syncSinceDate = '2026-06-01'

/** Why manufacturers reject claims; `fix` is what the clerk corrects to send it again (null: final). */
const rejections: readonly { reason: string; fix: 'symptom' | 'proof' | null; weight: number }[] = [
  { reason: '故障代码与维修记录不符，请更正后重新提交', fix: 'symptom', weight: 30 },
  { reason: '购买凭证照片模糊，无法核实购买日期，请补充清晰凭证', fix: 'proof', weight: 22 },
  { reason: '检测发现外力损伤（屏幕内部压伤），不属于保修范围', fix: null, weight: 20 },
  { reason: '设备激活日期早于购买日期，已超出保修期', fix: null, weight: 12 },
  { reason: '同一故障 30 天内重复申请，不予结算', fix: null, weight: 10 },
  { reason: '旧件未按期寄回', fix: null, weight: 6 },
]

interface Maker {
  id: number
  code: string
  name: string
  index: number
  rates: LabourRates
  markupBp: number
  proofRequired: boolean
  exportProfileJson: string
  batches: number
}

interface DeskClaim {
  id: number
  number: string
  ticketId: number
  maker: Maker
  status: ClaimStatus
  revision: number
  totalMinor: number
  approvedMinor: number | null
  /** Lines without the manufacturer's part number, and what the clerk types on `fixDay`. */
  missing: { movementId: number; partNumber: string }[]
  /** The receipt the customer sends for a manufacturer that requires one, typed on `fixDay`. */
  proof: string | null
  fixDay: number
  /** Shop day of completion: the claim window counts from it. */
  completedDay: number
  batchId: number | null
  submittedDay: number
  decidedDay: number
  /** Revision 2 of a rejected claim, corrected: the manufacturer accepts it in full. */
  resent: boolean
}

interface DeskBatch {
  id: number
  number: string
  maker: Maker
  claims: DeskClaim[]
  settled: number
}

/** What tickets.complete captured for the claim (the claimFacts of its event). */
export type DemoCompletionFacts = CompletionFacts

export interface DeskStaff {
  owner: number
  /** Who stands at the counter, weighted. */
  counter: readonly (readonly [number, number])[]
}

export class ClaimsDesk implements WarrantyPartsListener {
  readonly writer: ClaimsWriter
  private readonly makers = new Map<number, Maker>()
  private readonly source: Database.Statement
  private readonly parts = new Map<number, WarrantyPartUse[]>()
  private readonly returnedQty = new Map<number, number>()
  private readonly drafts: DeskClaim[] = []
  private readonly ready = new Map<number, DeskClaim[]>()
  /** Accepted (or, for makers that pay without answering, submitted) claims waiting for a remittance. */
  private readonly payable = new Map<number, DeskClaim[]>()
  private readonly batches = new Map<number, DeskBatch>()
  private readonly activeCodes: Map<number, ActiveCodes>
  /** Claims a validation found errors in that the demo did not expect (reported by the summary). */
  unexpectedErrors = 0

  constructor(
    sqlite: Database.Database,
    private readonly ledger: DemoWriter,
    private readonly rng: Rng,
    private readonly schedule: Schedule,
    makers: readonly CatalogMaker[],
    faultCodes: Map<number, Set<string>>,
    private readonly staff: DeskStaff,
    private readonly nowMs: number,
  ) {
    this.writer = new ClaimsWriter(sqlite)
    const profiles = new Map((sqlite.prepare(`SELECT id, export_profile_json FROM manufacturers`).all() as { id: number; export_profile_json: string }[]).map((r) => [r.id, r.export_profile_json]))
    makers.forEach((m, index) => {
      const rules = demoClaimRules[m.code]
      if (!rules) throw new Error(`demo: no claim rules for ${m.code}`)
      this.makers.set(m.id, { id: m.id, code: m.code, name: m.name, index, rates: rules.labourRates, markupBp: rules.partsMarkupBp, proofRequired: rules.requiredFields?.includes('proof_of_purchase') ?? false, exportProfileJson: profiles.get(m.id) ?? '{}', batches: 0 })
    })
    this.activeCodes = new Map(
      [...faultCodes].map(([makerId, codes]) => {
        const byKind = Object.fromEntries(faultCodeKinds.map((k) => [k, new Set<string>()])) as Record<FaultCodeKind, Set<string>>
        for (const entry of codes) {
          const [kind, code] = entry.split(':') as [FaultCodeKind, string]
          byKind[kind]?.add(code)
        }
        return [makerId, byKind]
      }),
    )
    this.source = sqlite.prepare(
      `SELECT t.number, d.imei, d.serial, d.purchase_date, d.proof_of_purchase_ref, d.model_id, dm.manufacturer_id, c.name, c.phone
       FROM tickets t JOIN devices d ON d.id = t.device_id JOIN device_models dm ON dm.id = d.model_id JOIN customers c ON c.id = t.customer_id
       WHERE t.id = ?`,
    )
  }

  // The stock room tells of parts on warranty tickets as they are used and returned.
  used(ticketId: number, use: WarrantyPartUse): void {
    const list = this.parts.get(ticketId)
    if (list) list.push(use)
    else this.parts.set(ticketId, [use])
  }

  returned(ticketId: number, movementId: number, quantity: number): void {
    if (this.parts.has(ticketId)) this.returnedQty.set(movementId, (this.returnedQty.get(movementId) ?? 0) + quantity)
  }

  /** tickets.complete on warranty work: the draft claim, its lines, the `created` event and the claims.create audit row. */
  build(ticketId: number, atMs: number, staffId: number, facts: DemoCompletionFacts): void {
    const source = this.source.get(ticketId) as ClaimSource
    const maker = this.makers.get(source.manufacturer_id)
    if (!maker) throw new Error(`demo: ticket ${ticketId} of an unknown manufacturer`)
    const uses = this.parts.get(ticketId) ?? []
    this.parts.delete(ticketId)
    const lines: ClaimLineValues[] = []
    for (const u of uses) {
      const quantity = u.quantity - (this.returnedQty.get(u.movementId) ?? 0)
      this.returnedQty.delete(u.movementId)
      if (quantity <= 0) continue
      const unitCost = u.pool === 'shop' ? u.unitCostMinor : 0
      lines.push({
        consume_movement_id: u.movementId,
        part_id: u.part.id,
        part_number: u.part.manufacturerPartNumber,
        part_name: u.part.name,
        quantity,
        pool: u.pool,
        serialized: u.part.serialized ? 1 : 0,
        old_serial: u.oldSerial,
        new_serial: u.serial,
        return_required: u.defectiveId === null ? 0 : 1,
        defective_part_id: u.defectiveId,
        unit_cost_minor: unitCost,
        amount_minor: claimPartAmount(u.pool, unitCost, quantity, maker.markupBp),
      })
    }
    const amounts = amountsOf(claimLabourAmount(maker.rates, facts.repairTier), lines)
    const draft = draftClaimValues(ticketId, source, facts, (ms) => dateOf(shopDayOf(ms)))
    const id = this.writer.insertClaim(
      { ...draft, parts_markup_bp: maker.markupBp, labour_minor: amounts.labourMinor, parts_minor: amounts.partsMinor, total_minor: amounts.totalMinor, created_at_ms: atMs },
      lines,
    )
    const data = { ticketId, ...amounts }
    this.writer.insertEvent(id, atMs, staffId, 'created', null, 'draft', 1, data)
    this.ledger.appendAudit(atMs, staffId, 'claims.create', 'claim', id, { number: draft.number, ...data })
    // A board-level chip or the workshop's thermal paste has no maker's part number in the
    // catalogue: the clerk looks it up and types it on the line within a week (the last days' wait).
    // Without the receipt a manufacturer requires, the counter asks the customer for a photo of it.
    const missing = lines.filter((l) => !l.part_number.trim()).map((l) => ({ movementId: l.consume_movement_id, partNumber: typedPartNumber(this.rng, maker.code) }))
    const proof = maker.proofRequired && !(source.proof_of_purchase_ref ?? '').trim() ? receiptOf(this.rng) : null
    const completedDay = shopDayOf(facts.completedAtMs)
    const fixDay = completedDay + this.rng.int(1, 8)
    this.drafts.push({ id, number: draft.number, ticketId, maker, status: 'draft', revision: 1, totalMinor: amounts.totalMinor, approvedMinor: null, missing, proof, fixDay, completedDay, batchId: null, submittedDay: 0, decidedDay: 0, resent: false })
  }

  /** The day's claim work: the evening check, Monday's batches, the monthly remittances. */
  planDay(day: number): void {
    if (isClosed(day)) return
    const rng = this.rng
    const monday = day - ((weekdayOf(day) + 6) % 7)
    for (const maker of this.makers.values()) {
      if (nextOpenDay(monday + batchWeekdayOf(maker) - 1) !== day) continue
      const at = shopInstant(day, 10 * 60 + maker.index * 4) + rng.int(0, 59) * second
      const staffId = this.clerk()
      if (at <= this.nowMs) this.schedule(at, () => this.createBatch(maker, at, staffId))
    }
    const date = dateOf(day)
    for (const maker of this.makers.values()) {
      const target = dayOf(`${date.slice(0, 8)}${String(8 + maker.index * 2).padStart(2, '0')}`)
      if (nextOpenDay(target) !== day) continue
      const at = shopInstant(day, 11 * 60 + maker.index * 6) + rng.int(0, 59) * second
      if (at <= this.nowMs) this.schedule(at, () => this.remit(maker, at, dayOf(`${date.slice(0, 8)}01`)))
    }
    // After closing, with the day's repairs done (so today's claims are still drafts at "now").
    const at = shopInstant(day, 20 * 60 + 5 + rng.int(0, 25)) + rng.int(0, 59) * second
    const staffId = rng.weighted(this.staff.counter)
    if (at <= this.nowMs) this.schedule(at, () => this.checkDrafts(day, at, staffId))
  }

  /** The owner does most claim paperwork; now and then whoever is at the counter. */
  private clerk(): number {
    return this.rng.chance(0.75) ? this.staff.owner : this.rng.weighted(this.staff.counter)
  }

  /** The evening round: part numbers typed where due, then every draft checked; those without errors go to ready. */
  private checkDrafts(day: number, atMs: number, staffId: number): void {
    const today = dateOf(day)
    const waiting: DeskClaim[] = []
    for (const claim of this.drafts) {
      if (claim.missing.length > 0 || claim.proof !== null) {
        if (claim.fixDay > day) {
          waiting.push(claim)
          continue
        }
        this.complete(claim, atMs, staffId)
      }
      const problems = this.problems(claim.id, today)
      if (hasErrors(problems)) {
        // Not what the demo plans: left as a draft (claims.validate writes nothing then).
        this.unexpectedErrors++
        continue
      }
      const data = { problems: problems.map((p) => ({ code: p.code, severity: p.severity, field: p.field.join('.') })) }
      this.writer.setStatus(claim.id, 'ready', claim.revision, atMs)
      this.writer.insertEvent(claim.id, atMs, staffId, 'validated', 'draft', 'ready', claim.revision, data)
      this.ledger.appendAudit(atMs, staffId, 'claims.validate', 'claim', claim.id, { from: 'draft', to: 'ready', ...data })
      claim.status = 'ready'
      push(this.ready, claim.maker.id, claim)
    }
    this.drafts.length = 0
    this.drafts.push(...waiting)
  }

  /** claims.update with the receipt and the lines' part numbers (a draft stays a draft: no status in the event). */
  private complete(claim: DeskClaim, atMs: number, staffId: number): void {
    const changes: { field: string; from: unknown; to: unknown }[] = []
    if (claim.proof !== null) {
      changes.push({ field: 'proofOfPurchaseRef', from: '', to: claim.proof })
      this.writer.setColumn(claim.id, 'proof_of_purchase_ref', claim.proof)
    }
    changes.push(...claim.missing.map((m) => ({ field: `parts.${m.movementId}.partNumber`, from: '', to: m.partNumber })))
    for (const m of claim.missing) this.writer.setLinePartNumber(claim.id, m.movementId, m.partNumber)
    claim.missing = []
    claim.proof = null
    this.writer.setStatus(claim.id, 'draft', claim.revision, atMs)
    this.writer.insertEvent(claim.id, atMs, staffId, 'edited', null, null, claim.revision, { changes })
    this.ledger.appendAudit(atMs, staffId, 'claims.update', 'claim', claim.id, { from: 'draft', to: 'draft', revision: claim.revision, changes })
  }

  /** Validation exactly as claims.validate runs it (shared/claim-validation over the claim as claimQuery reads it). */
  private problems(claimId: number, today: string): ClaimProblemDto[] {
    const { row, lines } = this.writer.view(claimId)
    return validateClaim(checkFacts(row, lines, this.activeCodes.get(row.manufacturer_id) ?? emptyCodes(), today))
  }

  /** batches.create with every ready claim of the manufacturer, then the batch is sent a day or so later. */
  private createBatch(maker: Maker, atMs: number, staffId: number): void {
    const claims = (this.ready.get(maker.id) ?? []).sort((a, b) => a.id - b.id)
    if (claims.length === 0) return
    this.ready.delete(maker.id)
    const views = claims.map((c) => this.writer.view(c.id))
    const sum = (pick: (r: ClaimViewRow) => number) => views.reduce((total, v) => total + pick(v.row), 0)
    maker.batches++
    const number = batchNumberOf(maker.code, maker.batches)
    const totals = { labourMinor: sum((r) => r.labour_minor), partsMinor: sum((r) => r.parts_minor), totalMinor: sum((r) => r.total_minor) }
    const batchId = this.writer.insertBatch({
      number,
      manufacturerId: maker.id,
      manufacturerCode: maker.code,
      manufacturerName: maker.name,
      currency: 'CNY',
      claimCount: claims.length,
      ...totals,
      exportProfileJson: maker.exportProfileJson,
      staffId,
      atMs,
    })
    const fields: Record<string, unknown>[] = []
    views.forEach(({ row, lines }, position) => {
      const frozen = exportFieldsOf(row, lines, 'CNY')
      fields.push(frozen)
      this.writer.insertBatchItem(batchId, position, row, JSON.stringify(frozen))
      const claim = claims[position] as DeskClaim
      this.writer.setStatus(claim.id, 'batched', claim.revision, atMs)
      this.writer.insertEvent(claim.id, atMs, staffId, 'batched', 'ready', 'batched', claim.revision, { batch: number, batchId })
      claim.status = 'batched'
      claim.batchId = batchId
    })
    this.ledger.appendAudit(atMs, staffId, 'batches.create', 'claim_batch', batchId, { number, manufacturerId: maker.id, claimIds: claims.map((c) => c.id), totalMinor: totals.totalMinor })
    const batch: DeskBatch = { id: batchId, number, maker, claims, settled: 0 }
    this.batches.set(batchId, batch)

    const rng = this.rng
    const day = shopDayOf(atMs)
    const wait = rng.weighted([[0, 15], [1, 65], [rng.int(2, 4), 20]] as const)
    const sentAt = wait === 0 ? shopInstant(day, 16 * 60 + rng.int(0, 90)) : shopInstant(nextOpenDay(day + wait), 10 * 60 + rng.int(0, 150))
    const submitAt = sentAt + rng.int(0, 59) * second
    const sender = this.clerk()
    if (maker.code === syncMaker && dateOf(day) >= syncSinceDate) {
      // sync.enqueue, then the sync worker's first attempt a few seconds later, acknowledged.
      const queuedAt = submitAt - rng.int(5, 40) * second
      const key = `${number}-${uuidOf(rng)}`
      const detail = { number, manufacturer: { code: maker.code }, createdAtMs: atMs, currency: 'CNY', claimCount: claims.length, ...totals, claims: fields.map((f) => ({ fields: f })) }
      const payloadJson = JSON.stringify(batchRequestBody(detail as unknown as BatchDetailDto))
      const references = claims.map((c) => managerRef(rng, maker.code, dateOf(shopDayOf(submitAt))))
      if (queuedAt > this.nowMs) return
      this.schedule(queuedAt, () => {
        const outboxId = this.writer.insertQueued({ batchId, manufacturerId: maker.id, key, payloadJson, staffId: sender, atMs: queuedAt })
        this.ledger.appendAudit(queuedAt, sender, 'sync.enqueue', 'claim_batch', batchId, { outboxId, batch: number })
        if (submitAt <= this.nowMs) this.schedule(submitAt, () => this.sent(batch, outboxId, queuedAt, submitAt, sender, references))
      })
      return
    }
    const reference = maker.code === 'APPLE' ? `GSX${rng.digits(10)}` : `${maker.code}-${dateOf(shopDayOf(submitAt)).replaceAll('-', '')}-${rng.digits(4)}`
    if (submitAt <= this.nowMs) this.schedule(submitAt, () => this.markSubmitted(batch, submitAt, sender, reference))
  }

  /** batches.markSubmitted: the files went up to the manufacturer's portal by hand. */
  private markSubmitted(batch: DeskBatch, atMs: number, staffId: number, reference: string): void {
    this.writer.submitBatch(batch.id, reference, atMs)
    this.submitClaims(batch, atMs, staffId)
    this.ledger.appendAudit(atMs, staffId, 'batches.markSubmitted', 'claim_batch', batch.id, { number: batch.number, reference, note: '' })
    this.planAnswers(batch, atMs, null)
  }

  /** The sync worker's attempt: 200 with an acknowledgement naming each claim received under the manufacturer's reference. */
  private sent(batch: DeskBatch, outboxId: number, startedAtMs: number, atMs: number, staffId: number, references: string[]): void {
    const date = dateOf(shopDayOf(atMs))
    this.writer.insertAttempt(outboxId, startedAtMs, atMs)
    this.writer.submitBatch(batch.id, '', atMs)
    this.submitClaims(batch, atMs, staffId)
    const ack = { batch: batch.number, claims: batch.claims.map((c, i) => ({ claim_number: c.number, revision: c.revision, status: 'received' as const, reference: references[i] as string })) }
    batch.claims.forEach((claim, i) => {
      const reference = references[i] as string
      this.writer.setReference(claim.id, reference, atMs)
      this.writer.insertEvent(claim.id, atMs, staffId, 'acknowledged', null, null, claim.revision, { reference, batchId: batch.id, date })
    })
    this.writer.acknowledge(outboxId, JSON.stringify(ack), atMs)
    this.ledger.appendAudit(atMs, staffId, 'sync.acknowledged', 'claim_batch', batch.id, { outboxId, attempt: 1, httpStatus: 200, error: '' })
    this.planAnswers(batch, atMs, references)
  }

  /** batched → submitted for each claim of the batch, each adding its total to what the manufacturer owes. */
  private submitClaims(batch: DeskBatch, atMs: number, staffId: number): void {
    const day = shopDayOf(atMs)
    const date = dateOf(day)
    for (const claim of batch.claims) {
      this.writer.submit(claim.id, date, atMs)
      this.writer.insertEvent(claim.id, atMs, staffId, 'submitted', 'batched', 'submitted', claim.revision, { batchId: batch.id, batch: batch.number, amountMinor: claim.totalMinor, date })
      this.writer.owe(claim.id, atMs, claim.totalMinor)
      claim.status = 'submitted'
      claim.submittedDay = day
    }
  }

  /** The manufacturer answers most of a batch in one go one to three weeks later, the rest later still. */
  private planAnswers(batch: DeskBatch, atMs: number, references: string[] | null): void {
    const rng = this.rng
    const { maker } = batch
    const first = nextOpenDay(shopDayOf(atMs) + rng.int(6, 18))
    const later = nextOpenDay(first + rng.int(3, 12))
    const answerer = this.clerk()
    const slots = new Map<number, number>()
    batch.claims.forEach((claim, i) => {
      const answerDay = rng.chance(0.88) ? first : later
      const rejected = !claim.resent && rng.chance(0.062)
      if (paysWithoutAnswer.has(maker.code) && !rejected) {
        push(this.payable, maker.id, claim)
        return
      }
      const slot = slots.get(answerDay) ?? 0
      slots.set(answerDay, slot + 1)
      const at = shopInstant(answerDay, 14 * 60) + maker.index * 7 * minute + slot * 40 * second
      const outcome = rejected ? rejectionOf(rng) : approvedOf(rng, claim)
      const reference = references?.[i] ?? managerRef(rng, maker.code, dateOf(answerDay))
      if (at <= this.nowMs) this.schedule(at, () => this.answer(claim, at, answerer, outcome, reference))
    })
  }

  /** claims.recordOutcome: accepted (approved, with the manufacturer's reference) or rejected with its reason. */
  private answer(claim: DeskClaim, atMs: number, staffId: number, outcome: { approvedMinor: number } | { reason: string; fix: 'symptom' | 'proof' | null }, reference: string): void {
    const day = shopDayOf(atMs)
    const date = dateOf(day)
    claim.decidedDay = day
    if ('approvedMinor' in outcome) {
      const approvedMinor = outcome.approvedMinor
      this.writer.accept(claim.id, approvedMinor, reference, date, atMs)
      this.writer.insertEvent(claim.id, atMs, staffId, 'accepted', 'submitted', 'accepted', claim.revision, { approvedMinor, reference, date })
      this.writer.owe(claim.id, atMs, approvedMinor - claim.totalMinor)
      this.ledger.appendAudit(atMs, staffId, 'claims.recordOutcome', 'claim', claim.id, { outcome: 'accepted', date, revision: claim.revision, approvedMinor, reason: '', reference })
      claim.status = 'accepted'
      claim.approvedMinor = approvedMinor
      push(this.payable, claim.maker.id, claim)
      return
    }
    const { reason } = outcome
    this.writer.reject(claim.id, reason, reference, date, atMs)
    this.writer.insertEvent(claim.id, atMs, staffId, 'rejected', 'submitted', 'rejected', claim.revision, { reason, amountMinor: claim.totalMinor, reference, date })
    this.writer.owe(claim.id, atMs, -claim.totalMinor)
    this.ledger.appendAudit(atMs, staffId, 'claims.recordOutcome', 'claim', claim.id, { outcome: 'rejected', date, revision: claim.revision, approvedMinor: null, reason, reference })
    claim.status = 'rejected'
    this.settle(claim, atMs)
    // About half of what can be corrected is, a few days later, as the claim's next revision.
    const rng = this.rng
    if (!outcome.fix || !rng.chance(0.55)) return
    const fixDay = nextOpenDay(day + rng.int(2, 9))
    const at = shopInstant(fixDay, 11 * 60 + rng.int(0, 360)) + rng.int(0, 59) * second
    const editor = this.clerk()
    const fix = outcome.fix
    const proof = receiptOf(rng)
    // Only while it can still be sent: validated that evening and batched within the week, inside the window.
    if (fixDay + 8 > claim.completedDay + demoClaimWindowDays) return
    if (at <= this.nowMs) this.schedule(at, () => this.correct(claim, at, editor, fix, proof))
  }

  /** claims.update of a rejected claim: its next revision, as a draft (checked again in the evening). */
  private correct(claim: DeskClaim, atMs: number, staffId: number, fix: 'symptom' | 'proof', proof: string): void {
    const { row } = this.writer.view(claim.id)
    let change: { field: string; from: unknown; to: unknown }
    if (fix === 'proof') {
      change = { field: 'proofOfPurchaseRef', from: row.proof_of_purchase_ref, to: proof }
      this.writer.setColumn(claim.id, 'proof_of_purchase_ref', proof)
    } else {
      const codes = [...(this.activeCodes.get(claim.maker.id)?.symptom ?? [])].filter((c) => c !== row.symptom_code)
      const to = codes.length > 0 ? this.rng.pick(codes) : row.symptom_code
      change = { field: 'faultCodes.symptom', from: row.symptom_code, to }
      this.writer.setColumn(claim.id, 'symptom_code', to)
    }
    const revision = claim.revision + 1
    const changes = [change]
    this.writer.forgetAnswer(claim.id)
    this.writer.setStatus(claim.id, 'draft', revision, atMs)
    this.writer.insertEvent(claim.id, atMs, staffId, 'edited', 'rejected', 'draft', revision, { changes })
    this.ledger.appendAudit(atMs, staffId, 'claims.update', 'claim', claim.id, { from: 'rejected', to: 'draft', revision, changes })
    claim.status = 'draft'
    claim.revision = revision
    claim.resent = true
    claim.batchId = null
    this.drafts.push(claim)
  }

  /**
   * claims.recordPayment: the manufacturer's monthly remittance pays what it accepted before this
   * month (Motorola: what was sent before it); a few lines come short. Each claim is paid, owes
   * nothing more, and its batch closes once every claim in it is paid or rejected.
   */
  private remit(maker: Maker, atMs: number, monthStartDay: number): void {
    const waiting = this.payable.get(maker.id) ?? []
    const due = waiting.filter((c) => (c.status === 'accepted' ? c.decidedDay : c.submittedDay) < monthStartDay)
    if (due.length === 0) return
    this.payable.set(maker.id, waiting.filter((c) => !due.includes(c)))
    const rng = this.rng
    const date = dateOf(shopDayOf(atMs))
    const reference = maker.code === 'APPLE' ? `AASP-RA-${date.slice(0, 7).replace('-', '')}-${rng.digits(4)}` : `${maker.code}-RA${date.replaceAll('-', '')}${rng.digits(3)}`
    const lines = due.map((c) => {
      const expected = c.approvedMinor ?? c.totalMinor
      const short = expected > 2_000 && rng.chance(0.03) ? Math.min(expected - 1_000, rng.int(1, 30) * 100) : 0
      return { claimId: c.id, revision: c.revision, amountMinor: expected - short }
    })
    const staffId = this.clerk()
    const remittanceId = this.writer.insertRemittance(maker.id, reference, date, '', lines, staffId, atMs)
    due.forEach((claim, i) => {
      const amountMinor = (lines[i] as (typeof lines)[number]).amountMinor
      const from = claim.status
      this.writer.markPaid(claim.id, date, atMs)
      this.writer.insertEvent(claim.id, atMs, staffId, 'paid', from, 'paid', claim.revision, { remittanceId, reference, amountMinor, date })
      this.writer.owe(claim.id, atMs, -(claim.approvedMinor ?? claim.totalMinor))
      claim.status = 'paid'
      this.settle(claim, atMs)
    })
    const totalMinor = lines.reduce((s, l) => s + l.amountMinor, 0)
    this.ledger.appendAudit(atMs, staffId, 'claims.recordPayment', 'claim_remittance', remittanceId, {
      manufacturerId: maker.id,
      reference,
      paidDate: date,
      totalMinor,
      lines: lines.map((l) => ({ claimId: l.claimId, amountMinor: l.amountMinor })),
    })
  }

  /** A claim of the batch is answered for good (paid or rejected): the batch closes with its last one. */
  private settle(claim: DeskClaim, atMs: number): void {
    const batch = claim.batchId === null ? undefined : this.batches.get(claim.batchId)
    if (!batch) return
    batch.settled++
    if (batch.settled < batch.claims.length) return
    this.writer.closeBatch(batch.id, atMs)
    this.batches.delete(batch.id)
  }
}

/** Each manufacturer's claims are batched on its own weekday (1 = Monday … 5 = Friday). */
const batchWeekdays: Record<string, number> = { HUAWEI: 1, XIAOMI: 2, OPPO: 3, VIVO: 3, HONOR: 4, SAMSUNG: 4, APPLE: 5, LENOVO: 5, MOTO: 5 }

function batchWeekdayOf(maker: Maker): number {
  return batchWeekdays[maker.code] ?? 1 + (maker.index % 5)
}

/** A receipt reference as customers send them: a VAT invoice number or an online order. */
function receiptOf(rng: Rng): string {
  return rng.chance(0.6) ? `发票 ${rng.digits(8)}` : rng.chance(0.5) ? `京东订单 ${rng.digits(12)}` : `Apple Store W${rng.digits(9)}`
}

function push<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key)
  if (list) list.push(value)
  else map.set(key, [value])
}

function emptyCodes(): ActiveCodes {
  return Object.fromEntries(faultCodeKinds.map((k) => [k, new Set<string>()])) as unknown as ActiveCodes
}

/** What the clerk types for a part the catalogue has no maker's number for (a chip's marking, the paste's code). */
function typedPartNumber(rng: Rng, code: string): string {
  return code === 'APPLE' ? `338S${rng.digits(5)}` : `${code.slice(0, 2)}-IC${rng.digits(6)}`
}

/** Most accepted claims are approved in full; about one in nine for less (a lower tier, a part not paid). */
function approvedOf(rng: Rng, claim: DeskClaim): { approvedMinor: number } {
  if (claim.resent || !rng.chance(0.11)) return { approvedMinor: claim.totalMinor }
  const cut = Math.min(claim.totalMinor - 100, Math.max(100, Math.round((claim.totalMinor * rng.int(5, 30)) / 100 / 100) * 100))
  return { approvedMinor: cut > 0 ? claim.totalMinor - cut : claim.totalMinor }
}

function rejectionOf(rng: Rng): { reason: string; fix: 'symptom' | 'proof' | null } {
  const r = rng.weighted(rejections.map((x) => [x, x.weight] as const))
  return { reason: r.reason, fix: r.fix }
}

/** The manufacturer's own case number for an answered claim. */
function managerRef(rng: Rng, code: string, date: string): string {
  const ymd = date.replaceAll('-', '').slice(2)
  switch (code) {
    case 'APPLE': return `G${rng.digits(9)}`
    case 'HUAWEI': return `HW${ymd}${rng.digits(5)}`
    case 'XIAOMI': return `MI${rng.digits(10)}`
    case 'SAMSUNG': return `4${rng.digits(9)}`
    default: return `${code.slice(0, 2)}${ymd}${rng.digits(4)}`
  }
}

/** A version-4 UUID from the demo's random stream (the outbox's idempotency key). */
function uuidOf(rng: Rng): string {
  const hex = (n: number) => Array.from({ length: n }, () => rng.int(0, 15).toString(16)).join('')
  return `${hex(8)}-${hex(4)}-4${hex(3)}-${'89ab'[rng.int(0, 3)]}${hex(3)}-${hex(12)}`
}
