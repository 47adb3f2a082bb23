import type { TicketStatus } from '../../shared/tickets'
import { formatTicketNumber, repeatRepairWindowDays } from '../../shared/tickets'
import { assessWarranty } from '../../shared/warranty'
import type { CatalogModel } from './catalog'
import type { ClaimsDesk, DemoCompletionFacts } from './claims-desk'
import { arrivalMinute, dateOf, nextOpenDay, shopDayOf, shopInstant, ticketsOn } from './calendar'
import { planLifecycle, withNote, type PlannedStep, type WorkColumns } from './lifecycle'
import type { PendingWrites } from './pending'
import { PeopleFactory, type DemoCustomer, type DemoDevice } from './people'
import type { Rng } from './random'
import { findRepair, repairName } from './repairs'
import type { MoneySide } from './money-side'
import type { StockSide } from './stock-side'
import { ticketContent } from './ticket-content'
import type { DemoWriter } from './writer'

// The shop day by day: who walks in, with which device, what the counter records, and what
// happens to the ticket afterwards. Follows the intake handler's rules (warranty, repeat repair,
// numbering) so the demo ledger looks like one the app wrote.

interface DeviceState {
  device: DemoDevice
  /** First day the device may come in again: the day after its last ticket closed. */
  freeFromDay: number
  lastCollected: { day: number; ticketId: number; number: string } | null
}

export interface StaffIds {
  owner: number
  technicians: number[]
}

export interface ShopFacts {
  taxRateBp: number
  pricesIncludeTax: boolean
  /** Active fault codes per manufacturer, as `kind:code`. */
  faultCodes: Map<number, Set<string>>
}

const noWork: Omit<WorkColumns, 'assigned_staff_id' | 'warranty_status'> = {
  diagnosed_at_ms: null, repair_tier: null, customer_decision: null, decision_via: null, decided_at_ms: null, decided_by_staff_id: null,
  diagnosis_fee_minor: null, repair_started_at_ms: null, completed_at_ms: null, completed_business_date: null, completed_by_staff_id: null, work_done: null,
  test_result: null, ready_at_ms: null, contacted_via: null, outcome: null, collected_at_ms: null, collected_business_date: null,
  collected_by: null, cancelled_at_ms: null, cancel_reason: null,
}

/** Share of collected tickets whose device comes back within 90 days (returns), tuned for ≈4 % repeats overall. */
const returnProbability = 0.034

export class ShopSimulation {
  private readonly customers: DemoCustomer[] = []
  private readonly dealers: number[] = []
  private readonly devices: DeviceState[] = []
  private readonly returnsByDay = new Map<number, number[]>()
  private readonly people: PeopleFactory
  private opened = false
  /** Who stands at the counter, weighted: the owner a little less than each technician. */
  private readonly counterStaff: readonly (readonly [number, number])[]
  private readonly benchStaff: readonly (readonly [number, number])[]
  readonly counters = new Map<string, number>()
  readonly statuses = new Map<TicketStatus, number>()
  tickets = 0
  repeats = 0

  constructor(
    private readonly writer: DemoWriter,
    private readonly rng: Rng,
    models: CatalogModel[],
    private readonly staff: StaffIds,
    private readonly shop: ShopFacts,
    private readonly nowMs: number,
    private readonly endDay: number,
    /** Every write waiting for its moment: the tickets' steps and the stock side's work. */
    private readonly pending: PendingWrites,
    private readonly stock: StockSide,
    private readonly money: MoneySide,
    private readonly claims: ClaimsDesk,
  ) {
    this.people = new PeopleFactory(rng.fork('people'), models)
    this.counterStaff = [[staff.owner, 19], ...staff.technicians.map((id) => [id, 27] as const)]
    this.benchStaff = staff.technicians.map((id, i) => [id, [40, 35, 25][i] ?? 30] as const)
  }

  /** Writes every planned step due by `untilMs` (all of them at the end of the demo). */
  flush(untilMs: number): void {
    this.pending.flushUntil(untilMs)
  }

  get customerCount(): number {
    return this.customers.length
  }

  get deviceCount(): number {
    return this.devices.length
  }

  simulateDay(day: number): void {
    this.pending.flushUntil(shopInstant(day, 8 * 60))
    this.stock.days.openDay(day, !this.opened)
    this.money.drawer.planDay(day)
    this.claims.planDay(day)
    this.opened = true
    const rng = this.rng
    const count = ticketsOn(day, rng)
    const returns = this.returnsByDay.get(day) ?? []
    this.returnsByDay.delete(day)
    if (returns.length > count) this.scheduleReturn(nextOpenDay(day + 1), ...returns.splice(count))
    if (count === 0) return
    const arrivals = Array.from({ length: count }, () => shopInstant(day, arrivalMinute(rng)) + rng.int(0, 59) * 1000).sort((a, b) => a - b)
    const visits: (number | null)[] = [...returns, ...Array<null>(count - returns.length).fill(null)]
    for (let i = visits.length - 1; i > 0; i--) {
      const j = rng.int(0, i)
      ;[visits[i], visits[j]] = [visits[j] as number | null, visits[i] as number | null]
    }
    arrivals.forEach((at, i) => this.takeIn(day, at, visits[i] ?? null))
  }

  private takeIn(day: number, receivedMs: number, returningDeviceId: number | null): void {
    const rng = this.rng
    this.pending.flushUntil(receivedMs)
    const createdBy = rng.weighted(this.counterStaff)
    let state = returningDeviceId === null ? undefined : this.devices[returningDeviceId - 1]
    if (state && state.freeFromDay > day) state = undefined
    if (!state) {
      const visit = rng.weighted([['new', 72], ['known customer', 12], ['known device', 16]] as const)
      if (visit === 'known device') state = this.recentFreeDevice(day)
      if (!state) state = this.newDevice(day, receivedMs, createdBy, visit === 'known customer' ? this.recentCustomer() : undefined)
    }
    const { device } = state
    const customer = this.customers[device.ownerCustomerId - 1] as DemoCustomer
    const receivedDate = dateOf(day)

    const warranty = assessWarranty(
      { warrantyMonths: device.model.warrantyMonths, proofRequired: device.model.proofRequired },
      { purchaseDate: device.purchaseDate, proofOfPurchaseRef: device.proofRef, receivedDate },
    )
    const repeatOf = state.lastCollected && state.lastCollected.day >= day - repeatRepairWindowDays ? state.lastCollected : null
    const number = this.nextNumber(receivedDate)
    const ticketId = ++this.tickets
    if (repeatOf) this.repeats++

    const inWarranty = warranty.status === 'in_warranty'
    const content = ticketContent(rng, receivedDate, device.model.category, /^[A-Za-z]/.test(customer.name), inWarranty)
    const technicianId = rng.weighted(this.benchStaff)
    const assignedAtIntake = rng.chance(0.65)
    const repair = findRepair(rng, content.reportedFault)
    const manufacturerId = device.model.manufacturerId
    const plan = withNote(
      rng,
      planLifecycle(rng, {
        receivedMs,
        inWarranty,
        reportedFault: content.reportedFault,
        repair,
        brandCode: device.model.brand.code,
        category: device.model.category,
        customerName: customer.name,
        dealer: customer.kind === 'dealer',
        technicianId,
        assignedAtIntake,
        counter: this.counterStaff,
        taxRateBp: this.shop.taxRateBp,
        pricesIncludeTax: this.shop.pricesIncludeTax,
        parts: this.stock.index.forRepair(this.stock.rng, device.model, repairName(repair)),
      }),
      this.counterStaff,
    )
    const done = plan.filter((s) => s.atMs <= this.nowMs)
    const lastChange = done.findLast((s) => s.kind !== 'note')
    const status: TicketStatus = lastChange?.to ?? 'received'
    const work: WorkColumns = { assigned_staff_id: assignedAtIntake ? technicianId : null, warranty_status: warranty.status, ...noWork }
    for (const step of done) Object.assign(work, step.patch)

    this.writer.insertTicket({
      id: ticketId,
      number,
      customerId: customer.id,
      deviceId: device.id,
      receivedAtMs: receivedMs,
      receivedDate,
      ...content,
      warrantyReason: warranty.reason,
      warrantyEndsOn: warranty.endsOn,
      status,
      repeatOfTicketId: repeatOf?.ticketId ?? null,
      createdByStaffId: createdBy,
      updatedAtMs: lastChange?.atMs ?? receivedMs,
      work,
    })
    const facts = { number, warranty, repeatOf: repeatOf ? { id: repeatOf.ticketId, number: repeatOf.number } : null }
    this.writer.insertEvent({ ticketId, atMs: receivedMs, staffId: createdBy, kind: 'intake', from: null, to: 'received', note: '', dataJson: JSON.stringify(facts) })
    this.writer.appendAudit(receivedMs, createdBy, 'tickets.intake', 'ticket', ticketId, { ...facts, customerId: customer.id, deviceId: device.id })
    this.money.tickets.afterIntake({ ticketId, receivedMs, createdBy, warrantyStatus: warranty.status, dealer: customer.kind === 'dealer', steps: done })
    for (const step of done) {
      if (step.diagnosis) this.checkCodes(manufacturerId, step.diagnosis.codes)
      this.pending.schedule(step.atMs, () => this.writeStep(ticketId, step))
      if (step.parts) this.stock.tickets.afterRepairStart(step.atMs, step.staffId, { ticketId, manufacturerId, warranty: step.parts.warranty }, step.parts.uses)
    }
    this.statuses.set(status, (this.statuses.get(status) ?? 0) + 1)
    this.afterTicket(state, ticketId, number, plan.at(-1))
  }

  /** One step as its handler writes it: its own rows, the event, the audit row. */
  private writeStep(ticketId: number, step: PlannedStep): void {
    const { atMs, staffId, kind } = step
    if (step.diagnosis) this.writer.insertDiagnosis(ticketId, atMs, staffId, step.diagnosis)
    if (step.estimate) this.writer.insertEstimate(ticketId, atMs, staffId, step.estimate, this.shop.taxRateBp, this.shop.pricesIncludeTax)
    // tickets.complete builds a warranty repair's claim before it writes its own event and audit row.
    if (kind === 'complete' && step.data.claimFacts) this.claims.build(ticketId, atMs, staffId, step.data.claimFacts as DemoCompletionFacts)
    this.writer.insertEvent({ ticketId, atMs, staffId, kind, from: step.from, to: step.to, note: step.note, dataJson: JSON.stringify(step.data) })
    if (kind === 'note') this.writer.appendAudit(atMs, staffId, 'tickets.addNote', 'ticket', ticketId, {})
    else if (kind === 'assign') this.writer.appendAudit(atMs, staffId, 'tickets.assign', 'ticket', ticketId, step.data)
    else this.writer.appendAudit(atMs, staffId, `tickets.${kind}`, 'ticket', ticketId, { from: step.from, to: step.to, ...step.data })
  }

  /** tickets.diagnose refuses codes outside the manufacturer's active lists; so does the demo. */
  private checkCodes(manufacturerId: number, codes: Record<string, string>): void {
    const active = this.shop.faultCodes.get(manufacturerId)
    for (const [kind, code] of Object.entries(codes)) {
      if (!active?.has(`${kind}:${code}`)) throw new Error(`demo: fault code ${kind} ${code} is not in manufacturer ${manufacturerId}'s list`)
    }
  }

  /** Remembers when the device is free again and whether (and when) it will come back. */
  private afterTicket(state: DeviceState, ticketId: number, number: string, last: { atMs: number; to: TicketStatus } | undefined): void {
    const closed = last && (last.to === 'collected' || last.to === 'cancelled') ? shopDayOf(last.atMs) : null
    state.freeFromDay = closed === null ? Number.POSITIVE_INFINITY : closed + 1
    if (closed === null || last?.to !== 'collected') return
    state.lastCollected = { day: closed, ticketId, number }
    if (this.rng.chance(returnProbability)) {
      const back = closed + 1 + Math.floor(84 * this.rng.next() ** 1.6)
      if (back <= this.endDay) this.scheduleReturn(back, state.device.id)
    }
  }

  private scheduleReturn(day: number, ...deviceIds: number[]): void {
    const list = this.returnsByDay.get(day) ?? []
    list.push(...deviceIds)
    this.returnsByDay.set(day, list)
  }

  private newDevice(day: number, atMs: number, staffId: number, known: DemoCustomer | undefined): DeviceState {
    let customer = known
    if (!customer) {
      customer = this.people.customer(this.rng.chance(0.05) ? 'dealer' : 'consumer', atMs)
      this.customers.push(customer)
      if (customer.kind === 'dealer') this.dealers.push(customer.id)
      this.writer.insertCustomer(customer)
      const { name, phone, email, kind, notes } = customer
      this.writer.appendAudit(atMs, staffId, 'customers.create', 'customer', customer.id, { name, phone, ...(email !== null && { email }), kind, notes })
    }
    const device = this.people.device(customer.id, day, atMs)
    const state: DeviceState = { device, freeFromDay: day, lastCollected: null }
    this.devices.push(state)
    this.writer.insertDevice(device)
    this.writer.appendAudit(atMs, staffId, 'devices.create', 'device', device.id, {
      modelId: device.model.id,
      ...(device.imei !== null ? { imei: device.imei } : { serial: device.serial }),
      purchaseDate: device.purchaseDate,
      proofOfPurchaseRef: device.proofRef,
    })
    return state
  }

  private recentCustomer(): DemoCustomer | undefined {
    const rng = this.rng
    if (this.dealers.length > 0 && rng.chance(0.5)) {
      const id = this.dealers[this.dealers.length - 1 - Math.floor(rng.next() * Math.min(this.dealers.length, 60))] as number
      return this.customers[id - 1]
    }
    if (this.customers.length === 0) return undefined
    return this.customers[this.customers.length - 1 - Math.floor(rng.next() * Math.min(this.customers.length, 20_000))]
  }

  /** A device from the last couple of years with a new fault; a recent repair rarely (that is a return). */
  private recentFreeDevice(day: number): DeviceState | undefined {
    for (let attempt = 0; attempt < 3 && this.devices.length > 0; attempt++) {
      const state = this.devices[this.devices.length - 1 - Math.floor(this.rng.next() * Math.min(this.devices.length, 30_000))] as DeviceState
      const recent = state.lastCollected !== null && state.lastCollected.day >= day - repeatRepairWindowDays
      if (state.freeFromDay <= day && (!recent || this.rng.chance(0.1))) return state
    }
    return undefined
  }

  private nextNumber(receivedDate: string): string {
    const prefix = formatTicketNumber(receivedDate, 0).split('-')[0] as string
    const sequence = (this.counters.get(prefix) ?? 0) + 1
    this.counters.set(prefix, sequence)
    return formatTicketNumber(receivedDate, sequence)
  }
}
