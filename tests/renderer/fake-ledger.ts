// The intake half of the fake server: manufacturers, models, customers, devices and tickets in
// memory, with seeding helpers for tests and the DTO shapes the real ledger answers with.
import { addDaysToDate, businessDateOf } from '../../shared/dates'
import type { CustomerDto, DeviceDto, ManufacturerDto, ModelDto } from '../../shared/dto/catalog'
import type { TicketDetailDto, TicketEventDto, TicketSummaryDto } from '../../shared/dto/tickets'
import type { FaultCodeDto, TicketWorkDto } from '../../shared/dto/workflow'
import { defaultFaultCodes } from '../../shared/fault-codes'
import { faultCodeKinds } from '../../shared/repair'
import { availableActions, type FlowFacts } from '../../shared/ticket-flow'
import { formatTicketNumber, openTicketStatuses, type ConditionCode, type CustomerKind, type DeviceCategory, type TicketStatus } from '../../shared/tickets'
import type { WarrantyReason, WarrantyStatus } from '../../shared/warranty'

export interface ModelRecord {
  id: number
  manufacturerId: number
  modelCode: string
  marketingName: string
  category: DeviceCategory
  warrantyMonths: number | null
}

export interface DeviceRecord {
  id: number
  modelId: number
  imei: string | null
  serial: string | null
  purchaseDate: string | null
  proofOfPurchaseRef: string | null
  ownerCustomerId: number | null
}

export interface TicketRecord {
  id: number
  number: string
  customerId: number
  deviceId: number
  status: TicketStatus
  receivedAtMs: number
  promisedDate: string | null
  reportedFault: string
  condition: ConditionCode[]
  conditionNotes: string
  accessories: string[]
  passcodeProvided: boolean
  notes: string
  assignedStaffName: string | null
  warranty: { status: WarrantyStatus; reason: WarrantyReason; endsOn: string | null; overrideNote: string | null }
  repeatOfTicketId: number | null
  collectedDate: string | null
  createdByName: string
  events: TicketEventDto[]
}

/** The workflow half of a ticket, as tickets.work reports it (status and actions come from the ticket). */
export type WorkState = Omit<TicketWorkDto, 'ticketId' | 'status' | 'actions'>

export class FakeLedger {
  manufacturers: ManufacturerDto[] = []
  models: ModelRecord[] = []
  customers: CustomerDto[] = []
  devices: DeviceRecord[] = []
  tickets: TicketRecord[] = []
  faultCodes: FaultCodeDto[] = []
  private readonly work = new Map<number, WorkState>()
  private nextId = 100
  private sequence = 0

  constructor(
    private readonly nowMs: number,
    private readonly timeZone: () => string,
  ) {}

  today(): string {
    return businessDateOf(this.nowMs, this.timeZone())
  }

  now(): number {
    return this.nowMs
  }

  id(): number {
    return this.nextId++
  }

  addManufacturer(m: Pick<ManufacturerDto, 'code' | 'name'> & Partial<ManufacturerDto>): ManufacturerDto {
    const record: ManufacturerDto = { id: this.id(), warrantyMonths: 12, proofRequired: true, claimWindowDays: 30, defectiveReturnDays: 30, active: true, ...m, shopStockForWarranty: m.shopStockForWarranty ?? true }
    this.manufacturers.push(record)
    // Like a new shop's ledger: every manufacturer starts with the default code list.
    for (const kind of faultCodeKinds) {
      for (const [code, description] of defaultFaultCodes[kind]) this.faultCodes.push({ id: this.id(), manufacturerId: record.id, kind, code, description, active: true })
    }
    return record
  }

  addModel(m: Pick<ModelRecord, 'manufacturerId' | 'modelCode' | 'marketingName'> & Partial<ModelRecord>): ModelDto {
    const record: ModelRecord = { id: this.id(), category: 'phone', warrantyMonths: null, ...m }
    this.models.push(record)
    return this.modelDto(record)
  }

  addCustomer(c: { name: string; phone: string; kind?: CustomerKind; email?: string | null; notes?: string }): CustomerDto {
    const record: CustomerDto = { id: this.id(), kind: 'consumer', email: null, notes: '', createdAtMs: this.nowMs, updatedAtMs: this.nowMs, ...c }
    this.customers.push(record)
    return record
  }

  addDevice(d: Pick<DeviceRecord, 'modelId'> & Partial<DeviceRecord>): DeviceDto {
    const record: DeviceRecord = { id: this.id(), imei: null, serial: null, purchaseDate: null, proofOfPurchaseRef: null, ownerCustomerId: null, ...d }
    this.devices.push(record)
    return this.deviceDto(record)
  }

  addTicket(t: Pick<TicketRecord, 'customerId' | 'deviceId'> & Partial<TicketRecord>): TicketDetailDto {
    const receivedAtMs = t.receivedAtMs ?? this.nowMs
    const record: TicketRecord = {
      id: this.id(),
      number: formatTicketNumber(businessDateOf(receivedAtMs, this.timeZone()), ++this.sequence),
      status: 'received',
      receivedAtMs,
      promisedDate: null,
      reportedFault: 'Screen flickers',
      condition: [],
      conditionNotes: '',
      accessories: [],
      passcodeProvided: false,
      notes: '',
      assignedStaffName: null,
      warranty: { status: 'out_of_warranty', reason: 'no_purchase_date', endsOn: null, overrideNote: null },
      repeatOfTicketId: null,
      collectedDate: null,
      createdByName: 'Li Wei',
      events: [],
      ...t,
    }
    if (record.events.length === 0) record.events = [{ id: this.id(), atMs: receivedAtMs, staffName: record.createdByName, kind: 'intake', fromStatus: null, toStatus: 'received', note: '', data: {} }]
    this.tickets.push(record)
    return this.ticketDto(record)
  }

  /** A ticket's workflow state; paid work unless it came in under warranty. */
  workOf(ticket: TicketRecord): WorkState {
    let state = this.work.get(ticket.id)
    if (!state) {
      state = {
        paid: ticket.warranty.status !== 'in_warranty',
        diagnosis: null,
        estimate: null,
        decision: null,
        diagnosisFeeMinor: null,
        repairStartedAtMs: null,
        completion: null,
        readyAtMs: null,
        contactedVia: null,
        outcome: null,
        collectedAtMs: null,
        collectedBy: null,
        cancelReason: null,
      }
      this.work.set(ticket.id, state)
    }
    return state
  }

  /** Seeds a ticket's workflow state, e.g. a diagnosis already recorded. */
  setWork(ticketId: number, patch: Partial<WorkState>): void {
    Object.assign(this.workOf(this.tickets.find((t) => t.id === ticketId)!), patch)
  }

  flowFacts(ticket: TicketRecord): FlowFacts {
    const state = this.workOf(ticket)
    return { paid: state.paid, diagnosed: state.diagnosis !== null, estimated: state.estimate !== null, completed: state.completion !== null }
  }

  workDto(ticket: TicketRecord): TicketWorkDto {
    return { ticketId: ticket.id, status: ticket.status, ...this.workOf(ticket), actions: availableActions(ticket.status, this.flowFacts(ticket)) }
  }

  /** The most recent collection of a device within the repeat-repair window, as the ledger finds it. */
  repeatCandidate(deviceId: number): TicketRecord | undefined {
    const since = addDaysToDate(this.today(), -90)
    return this.tickets
      .filter((t) => t.deviceId === deviceId && t.status === 'collected' && t.collectedDate !== null && t.collectedDate >= since)
      .sort((a, b) => (b.collectedDate ?? '').localeCompare(a.collectedDate ?? ''))[0]
  }

  modelDto(m: ModelRecord): ModelDto {
    const maker = this.manufacturers.find((x) => x.id === m.manufacturerId)!
    const { id, code, name, warrantyMonths, proofRequired } = maker
    return {
      id: m.id,
      manufacturer: { id, code, name, warrantyMonths, proofRequired },
      modelCode: m.modelCode,
      marketingName: m.marketingName,
      category: m.category,
      warrantyMonths: m.warrantyMonths,
      effectiveWarrantyMonths: m.warrantyMonths ?? warrantyMonths,
    }
  }

  deviceDto(d: DeviceRecord): DeviceDto {
    const { modelId, ...rest } = d
    return { ...rest, model: this.modelDto(this.models.find((m) => m.id === modelId)!) }
  }

  summaryDto(t: TicketRecord): TicketSummaryDto {
    const customer = this.customers.find((c) => c.id === t.customerId)!
    const device = this.deviceDto(this.devices.find((d) => d.id === t.deviceId)!)
    return {
      id: t.id,
      number: t.number,
      status: t.status,
      warrantyStatus: t.warranty.status,
      receivedAtMs: t.receivedAtMs,
      receivedDate: businessDateOf(t.receivedAtMs, this.timeZone()),
      promisedDate: t.promisedDate,
      overdue: t.promisedDate !== null && t.promisedDate < this.today() && openTicketStatuses.includes(t.status),
      customerName: customer.name,
      customerPhone: customer.phone,
      manufacturerName: device.model.manufacturer.name,
      modelName: device.model.marketingName,
      imei: device.imei,
      serial: device.serial,
      assignedStaffName: t.assignedStaffName,
      repeatOfTicketId: t.repeatOfTicketId,
    }
  }

  ticketDto(t: TicketRecord): TicketDetailDto {
    const repeat = this.tickets.find((x) => x.id === t.repeatOfTicketId)
    return {
      ...this.summaryDto(t),
      customer: this.customers.find((c) => c.id === t.customerId)!,
      device: this.deviceDto(this.devices.find((d) => d.id === t.deviceId)!),
      reportedFault: t.reportedFault,
      condition: t.condition,
      conditionNotes: t.conditionNotes,
      accessories: t.accessories,
      passcodeProvided: t.passcodeProvided,
      notes: t.notes,
      warranty: t.warranty,
      repeatOf: repeat ? { id: repeat.id, number: repeat.number, collectedDate: repeat.collectedDate } : null,
      createdByName: t.createdByName,
      events: t.events,
    }
  }
}
