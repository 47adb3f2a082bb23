import type { TicketStatus } from '../../shared/tickets'
import { formatTicketNumber, repeatRepairWindowDays } from '../../shared/tickets'
import { assessWarranty } from '../../shared/warranty'
import type { CatalogModel } from './catalog'
import { arrivalMinute, dateOf, nextOpenDay, shopDayOf, shopInstant, ticketsOn } from './calendar'
import { planLifecycle } from './lifecycle'
import { PeopleFactory, type DemoCustomer, type DemoDevice } from './people'
import type { Rng } from './random'
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

/** Share of collected tickets whose device comes back within 90 days (returns), tuned for ≈4 % repeats overall. */
const returnProbability = 0.034

export class ShopSimulation {
  private readonly customers: DemoCustomer[] = []
  private readonly dealers: number[] = []
  private readonly devices: DeviceState[] = []
  private readonly returnsByDay = new Map<number, number[]>()
  private readonly people: PeopleFactory
  readonly counters = new Map<string, number>()
  readonly statuses = new Map<TicketStatus, number>()
  tickets = 0
  repeats = 0

  constructor(
    private readonly writer: DemoWriter,
    private readonly rng: Rng,
    models: CatalogModel[],
    private readonly staff: StaffIds,
    private readonly nowMs: number,
    private readonly endDay: number,
  ) {
    this.people = new PeopleFactory(rng.fork('people'), models)
  }

  get customerCount(): number {
    return this.customers.length
  }

  get deviceCount(): number {
    return this.devices.length
  }

  simulateDay(day: number): void {
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
    const createdBy = rng.weighted([[this.staff.owner, 19], ...this.staff.technicians.map((id) => [id, 27] as const)])
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
    const plan = planLifecycle(rng, receivedMs, inWarranty)
    const done = plan.filter((s) => s.atMs <= this.nowMs)
    const status: TicketStatus = done.at(-1)?.to ?? 'received'
    const assigned = status === 'received' && rng.chance(0.4) ? null : rng.weighted(this.staff.technicians.map((id, i) => [id, [40, 35, 25][i] ?? 30] as const))
    const collected = status === 'collected' ? (done.at(-1)?.atMs ?? null) : null

    this.writer.insertTicket({
      id: ticketId,
      number,
      customerId: customer.id,
      deviceId: device.id,
      receivedAtMs: receivedMs,
      receivedDate,
      ...ticketContent(rng, receivedDate, device.model.category, /^[A-Za-z]/.test(customer.name), inWarranty),
      assignedStaffId: assigned,
      warrantyStatus: warranty.status,
      warrantyReason: warranty.reason,
      warrantyEndsOn: warranty.endsOn,
      status,
      repeatOfTicketId: repeatOf?.ticketId ?? null,
      createdByStaffId: createdBy,
      updatedAtMs: done.at(-1)?.atMs ?? receivedMs,
      collectedAtMs: collected,
      collectedDate: collected === null ? null : dateOf(shopDayOf(collected)),
    })
    const facts = { number, warranty, repeatOf: repeatOf ? { id: repeatOf.ticketId, number: repeatOf.number } : null }
    this.writer.insertEvent({ ticketId, atMs: receivedMs, staffId: createdBy, kind: 'intake', from: null, to: 'received', note: '', dataJson: JSON.stringify(facts) })
    for (const step of done) {
      const atCounter = step.to === 'collected' || step.to === 'cancelled'
      const staffId = atCounter ? rng.pick([this.staff.owner, ...this.staff.technicians]) : (assigned ?? createdBy)
      this.writer.insertEvent({ ticketId, atMs: step.atMs, staffId, kind: 'status', from: step.from, to: step.to, note: step.note, dataJson: '{}' })
    }
    this.writer.appendAudit(receivedMs, createdBy, 'tickets.intake', 'ticket', ticketId, { ...facts, customerId: customer.id, deviceId: device.id })
    this.statuses.set(status, (this.statuses.get(status) ?? 0) + 1)
    this.afterTicket(state, ticketId, number, plan.at(-1))
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
