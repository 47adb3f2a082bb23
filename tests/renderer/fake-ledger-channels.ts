// The intake channels of the fake server, over FakeLedger. Inputs arrive already parsed by the real
// contract schemas (phones normalised, defaults filled), as the real handlers receive them.
import type { ChannelName, ParsedInputOf } from '../../shared/contract'
import type { StaffDto } from '../../shared/dto/auth'
import type { Result } from '../../shared/errors'
import { normalizeSerial } from '../../shared/identifiers'
import { assessWarranty } from '../../shared/warranty'
import type { FakeLedger, TicketRecord } from './fake-ledger'

type Answer = Result<unknown>
const ok = (value: unknown): Answer => ({ ok: true, value })
const fail = (code: 'NOT_FOUND' | 'CONFLICT' | 'FORBIDDEN', messageKey: string): Answer => ({ ok: false, error: { code, messageKey, message: messageKey } })
const invalid = (path: (string | number)[], messageKey: string): Answer => ({
  ok: false,
  error: { code: 'INVALID_INPUT', messageKey: 'errors.invalidInput', message: 'Invalid input', issues: [{ path, messageKey, message: messageKey }] },
})

const matches = (query: string, ...fields: (string | null)[]) => {
  const haystack = fields.join(' ').toLowerCase()
  return query.toLowerCase().split(/\s+/).filter(Boolean).every((term) => haystack.includes(term))
}

/** Answers an intake channel, or undefined for a channel this part does not serve. */
export function handleLedgerChannel(ledger: FakeLedger, channel: ChannelName, rawInput: unknown, me: StaffDto | undefined, staff: StaffDto[]): Answer | undefined {
  const input = rawInput as never
  switch (channel) {
    case 'customers.search': {
      const { query, limit } = input as ParsedInputOf<'customers.search'>
      return ok(ledger.customers.filter((c) => matches(query, c.name, c.phone)).slice(0, limit))
    }
    case 'customers.get': {
      const customer = ledger.customers.find((c) => c.id === (input as { id: number }).id)
      if (!customer) return fail('NOT_FOUND', 'errors.customerNotFound')
      const devices = ledger.devices.filter((d) => d.ownerCustomerId === customer.id).map((d) => ledger.deviceDto(d))
      return ok({ customer, devices, tickets: ledger.tickets.filter((t) => t.customerId === customer.id).map((t) => ledger.summaryDto(t)) })
    }
    case 'customers.update': {
      const { id, ...changes } = input as ParsedInputOf<'customers.update'>
      const customer = ledger.customers.find((c) => c.id === id)
      if (!customer) return fail('NOT_FOUND', 'errors.customerNotFound')
      return ok(Object.assign(customer, changes))
    }
    case 'manufacturers.list': {
      const { includeInactive } = input as ParsedInputOf<'manufacturers.list'>
      return ok(ledger.manufacturers.filter((m) => includeInactive || m.active))
    }
    case 'manufacturers.create': {
      const m = input as ParsedInputOf<'manufacturers.create'>
      if (ledger.manufacturers.some((x) => x.code === m.code)) return fail('CONFLICT', 'errors.manufacturerCodeTaken')
      return ok(ledger.addManufacturer(m))
    }
    case 'manufacturers.update': {
      const { id, ...changes } = input as ParsedInputOf<'manufacturers.update'>
      const maker = ledger.manufacturers.find((m) => m.id === id)
      return maker ? ok(Object.assign(maker, changes)) : fail('NOT_FOUND', 'errors.manufacturerNotFound')
    }
    case 'models.search': {
      const { query, manufacturerId, limit } = input as ParsedInputOf<'models.search'>
      const found = ledger.models.map((m) => ledger.modelDto(m)).filter((m) => (manufacturerId === undefined || m.manufacturer.id === manufacturerId) && matches(query, m.manufacturer.name, m.marketingName, m.modelCode))
      return ok(found.slice(0, limit))
    }
    case 'models.create': {
      const m = input as ParsedInputOf<'models.create'>
      if (!ledger.manufacturers.some((x) => x.id === m.manufacturerId)) return fail('NOT_FOUND', 'errors.manufacturerNotFound')
      if (ledger.models.some((x) => x.manufacturerId === m.manufacturerId && x.modelCode === m.modelCode)) return fail('CONFLICT', 'errors.modelCodeTaken')
      return ok(ledger.addModel(m))
    }
    case 'devices.history': {
      const { deviceId, identifier } = input as ParsedInputOf<'devices.history'>
      const compact = identifier?.replace(/[\s-]/g, '')
      const device = ledger.devices.find((d) => d.id === deviceId || (compact !== undefined && (d.imei === compact || d.serial === normalizeSerial(compact))))
      const tickets = device ? ledger.tickets.filter((t) => t.deviceId === device.id).sort((a, b) => b.id - a.id).map((t) => ledger.summaryDto(t)) : []
      return ok({ device: device ? ledger.deviceDto(device) : null, tickets })
    }
    case 'tickets.intake':
      return intake(ledger, input as ParsedInputOf<'tickets.intake'>, me!, staff)
    case 'tickets.list': {
      const f = input as ParsedInputOf<'tickets.list'>
      const staffName = staff.find((s) => s.id === f.assignedStaffId)?.name
      const all = ledger.tickets
        .filter((t) => (f.statuses.length === 0 || f.statuses.includes(t.status)) && (!f.warrantyStatus || t.warranty.status === f.warrantyStatus))
        .filter((t) => (f.assignedStaffId === undefined || t.assignedStaffName === staffName) && (f.beforeId === undefined || t.id < f.beforeId))
        .map((t) => ledger.summaryDto(t))
        .filter((t) => !f.overdue || t.overdue)
        .sort((a, b) => b.id - a.id)
      const items = all.slice(0, f.limit)
      return ok({ items, nextBeforeId: all.length > f.limit ? items.at(-1)!.id : null })
    }
    case 'tickets.search': {
      const { query, limit } = input as ParsedInputOf<'tickets.search'>
      const found = ledger.tickets.map((t) => ledger.summaryDto(t)).filter((t) => query.trim() !== '' && matches(query, t.number, t.customerName, t.customerPhone, t.imei, t.serial, t.modelName))
      return ok(found.sort((a, b) => b.id - a.id).slice(0, limit))
    }
    case 'tickets.get': {
      const ticket = ledger.tickets.find((t) => t.id === (input as { id: number }).id)
      return ticket ? ok(ledger.ticketDto(ticket)) : fail('NOT_FOUND', 'errors.ticketNotFound')
    }
    default:
      return undefined
  }
}

function intake(ledger: FakeLedger, input: ParsedInputOf<'tickets.intake'>, me: StaffDto, staff: StaffDto[]): Answer {
  const today = ledger.today()
  if (input.warrantyOverride && me.role !== 'owner') return fail('FORBIDDEN', 'errors.ownerOverrideOnly')
  if (input.customer.id !== undefined && !ledger.customers.some((c) => c.id === input.customer.id)) return invalid(['customer', 'id'], 'validation.unknownCustomer')
  const { device: choice } = input
  if (choice.id !== undefined && !ledger.devices.some((d) => d.id === choice.id)) return invalid(['device', 'id'], 'validation.unknownDevice')
  if (choice.new && !ledger.models.some((m) => m.id === choice.new!.modelId)) return invalid(['device', 'new', 'modelId'], 'validation.unknownModel')
  if (choice.new?.imei && ledger.devices.some((d) => d.imei === choice.new!.imei)) return invalid(['device', 'new', 'imei'], 'validation.imeiExists')
  if (choice.purchaseDate && choice.purchaseDate > today) return invalid(['device', 'purchaseDate'], 'validation.purchaseInFuture')
  if (input.promisedDate && input.promisedDate < today) return invalid(['promisedDate'], 'validation.promisedBeforeReceived')
  const assigned = input.assignedStaffId === null ? null : staff.find((s) => s.id === input.assignedStaffId && s.active)
  if (assigned === undefined) return invalid(['assignedStaffId'], 'validation.unknownStaff')

  const customerId = input.customer.id ?? ledger.addCustomer({ ...input.customer.new!, email: input.customer.new!.email ?? null }).id
  const deviceId = choice.id ?? ledger.addDevice({ modelId: choice.new!.modelId, imei: choice.new!.imei ?? null, serial: choice.new!.serial ?? null, ownerCustomerId: customerId }).id
  const device = ledger.devices.find((d) => d.id === deviceId)!
  if (choice.purchaseDate !== undefined) device.purchaseDate = choice.purchaseDate
  if (choice.proofOfPurchaseRef !== undefined) device.proofOfPurchaseRef = choice.proofOfPurchaseRef || null
  const model = ledger.deviceDto(device).model
  const assessed = assessWarranty({ warrantyMonths: model.effectiveWarrantyMonths, proofRequired: model.manufacturer.proofRequired }, { purchaseDate: device.purchaseDate, proofOfPurchaseRef: device.proofOfPurchaseRef, receivedDate: today })
  const warranty: TicketRecord['warranty'] = input.warrantyOverride
    ? { status: input.warrantyOverride.status, reason: 'owner_override', endsOn: assessed.endsOn, overrideNote: input.warrantyOverride.note }
    : { ...assessed, overrideNote: null }
  const ticket = ledger.addTicket({
    customerId,
    deviceId: device.id,
    promisedDate: input.promisedDate,
    reportedFault: input.reportedFault,
    condition: input.condition,
    conditionNotes: input.conditionNotes,
    accessories: input.accessories,
    passcodeProvided: input.passcodeProvided,
    notes: input.notes,
    assignedStaffName: assigned?.name ?? null,
    warranty,
    repeatOfTicketId: ledger.repeatCandidate(device.id)?.id ?? null,
    createdByName: me.name,
  })
  return ok(ticket)
}
