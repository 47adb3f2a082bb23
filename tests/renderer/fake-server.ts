// A tiny in-memory ledger for renderer tests: the handful of channels the screens call, with the
// real contract's input schemas and error shapes. The real server is covered by integration and
// end-to-end tests; this only has to behave like it from the renderer's side of the transport.
import type { Transport } from '../../renderer/src/api'
import { contract, isChannelName, type ChannelName } from '../../shared/contract'
import type { SessionDto, StaffDto, StaffRole } from '../../shared/dto/auth'
import type { ShopSettingsDto } from '../../shared/dto/settings'
import type { ErrorCode, FieldIssue, Result, RpcError } from '../../shared/errors'
import { FakeLedger } from './fake-ledger'
import { handleLedgerChannel } from './fake-ledger-channels'
import { handlePaymentChannel } from './fake-payment-channels'
import { handleReportsChannel } from './fake-reports'
import { FakeStock } from './fake-stock'
import { handleStockChannel } from './fake-stock-channels'
import { handleTicketPartsChannel } from './fake-ticket-parts'
import { handleWorkflowChannel } from './fake-workflow'

export const fixedNowMs = Date.UTC(2026, 10, 27, 6, 30)

interface StaffRecord extends StaffDto {
  pin: string
}

export interface FakeSeed {
  shop?: Partial<ShopSettingsDto>
  staff?: { name: string; role: StaffRole; pin: string; locale?: string | null; active?: boolean }[]
  signedInAs?: string
}

export interface FakeServer {
  transport: Transport
  calls: { channel: string; input: unknown }[]
  staff: StaffRecord[]
  settings: ShopSettingsDto | null
  /** Customers, catalogue, devices and tickets; tests seed it with addCustomer(), addTicket(), … */
  ledger: FakeLedger
  /** Parts, movements, defective parts and RMA shipments; tests seed it with addPart(), receive(), … */
  stock: FakeStock
  /** The next call to `channel` answers with this error instead of running. */
  failNext(channel: ChannelName, error: Partial<RpcError> & { code: ErrorCode; messageKey: string }): void
  callsTo(channel: ChannelName): unknown[]
}

const defaultShop: ShopSettingsDto = {
  shopName: 'Bright Fix',
  address: '1 Market St',
  phone: '021-5555-0101',
  taxId: '',
  currency: 'CNY',
  taxRateBp: 1300,
  pricesIncludeTax: true,
  timeZone: 'Asia/Shanghai',
  locale: 'en',
  receiptHeader: '',
  receiptFooter: '',
  updatedAtMs: fixedNowMs - 86_400_000,
}

/** No seed → a fresh install (setup not complete). A seed → a set-up shop with those staff. */
export function createFakeServer(seed?: FakeSeed): FakeServer {
  const failures = new Map<string, RpcError>()
  const calls: { channel: string; input: unknown }[] = []
  let nextId = 1
  let sessionStaffId: number | null = null
  // Created once the ledger exists (it hands out ids and knows tickets and manufacturers).
  let stock: FakeStock

  const server: FakeServer = {
    calls,
    staff: [],
    settings: seed ? { ...defaultShop, ...seed.shop } : null,
    ledger: new FakeLedger(fixedNowMs, () => server.settings?.timeZone ?? defaultShop.timeZone),
    get stock() {
      return stock
    },
    failNext(channel, error) {
      failures.set(channel, { message: error.messageKey, ...error })
    },
    callsTo(channel) {
      return calls.filter((call) => call.channel === channel).map((call) => call.input)
    },
    transport: async (channel, rawInput) => {
      calls.push({ channel, input: rawInput })
      const failure = failures.get(channel)
      if (failure) {
        failures.delete(channel)
        return { ok: false, error: failure }
      }
      if (!isChannelName(channel)) return fail('UNKNOWN_CHANNEL', 'errors.unknownChannel', { channel })
      const parsed = contract[channel].input.safeParse(rawInput)
      if (!parsed.success) return invalid(parsed.error.issues)
      const me = server.staff.find((member) => member.id === sessionStaffId && member.active)
      const access = contract[channel].access
      if (access !== 'public' && !me) return fail('UNAUTHENTICATED', 'errors.unauthenticated')
      if (access === 'owner' && me?.role !== 'owner') return fail('FORBIDDEN', 'errors.forbidden')
      // Through JSON, as over the real transport: the screens never share objects with the ledger.
      return JSON.parse(JSON.stringify(handle(channel, parsed.data as Record<string, unknown>, me))) as Result<unknown>
    },
  }

  function addStaff(name: string, role: StaffRole, pin: string, locale: string | null = null, active = true): StaffRecord {
    const record = { id: nextId++, name, role, pin, locale, active, createdAtMs: fixedNowMs }
    server.staff.push(record)
    return record
  }

  function session(staff: StaffRecord): SessionDto {
    sessionStaffId = staff.id
    return { staff: dto(staff), signedInAtMs: fixedNowMs }
  }

  function handle(channel: ChannelName, input: Record<string, unknown>, me: StaffRecord | undefined): Result<unknown> {
    const settings = server.settings
    switch (channel) {
      case 'setup.status':
        return ok({ complete: settings !== null, shopName: settings?.shopName ?? null, locale: settings?.locale ?? null })
      case 'setup.complete': {
        if (settings) return fail('CONFLICT', 'errors.setupAlreadyComplete')
        const { shop, owner } = input as { shop: Partial<ShopSettingsDto>; owner: { name: string; pin: string } }
        server.settings = { ...defaultShop, taxRateBp: 0, ...shop, updatedAtMs: fixedNowMs }
        return ok(session(addStaff(owner.name, 'owner', owner.pin)))
      }
      case 'auth.staffChoices':
        return ok(server.staff.filter((s) => s.active).map(({ id, name, role }) => ({ id, name, role })))
      case 'auth.signIn': {
        const staff = server.staff.find((s) => s.id === input.staffId)
        if (!staff) return fail('NOT_FOUND', 'errors.staffNotFound')
        if (!staff.active) return fail('FORBIDDEN', 'errors.staffInactive')
        if (staff.pin !== input.pin) return fail('UNAUTHENTICATED', 'errors.wrongPin')
        return ok(session(staff))
      }
      case 'auth.signOut':
        sessionStaffId = null
        return ok({ signedOut: true })
      case 'auth.current':
        return ok(me ? { staff: dto(me), signedInAtMs: fixedNowMs } : null)
      case 'auth.setLocale':
        me!.locale = input.locale as string | null
        return ok(dto(me!))
      case 'settings.get':
        return ok(settings)
      case 'settings.update':
        server.settings = { ...settings!, ...input, updatedAtMs: fixedNowMs }
        return ok(server.settings)
      case 'staff.list':
        return ok(server.staff.filter((s) => input.includeInactive || s.active).map(dto))
      case 'staff.create': {
        if (server.staff.some((s) => s.name === input.name)) return fail('CONFLICT', 'errors.staffNameTaken')
        return ok(dto(addStaff(input.name as string, input.role as StaffRole, input.pin as string)))
      }
      case 'staff.update': {
        const staff = server.staff.find((s) => s.id === input.id)
        if (!staff) return fail('NOT_FOUND', 'errors.staffNotFound')
        Object.assign(staff, input)
        return ok(dto(staff))
      }
      default: {
        const reportAnswer = handleReportsChannel(channel, input)
        if (reportAnswer) return reportAnswer
        const paymentAnswer = me && settings ? handlePaymentChannel({ server, me: dto(me), settings }, channel, input) : undefined
        if (paymentAnswer) return paymentAnswer
        const staff = server.staff.map(dto)
        const workflow = () => (me && settings ? handleWorkflowChannel({ ledger: server.ledger, me: dto(me), staff, settings }, channel, input) : undefined)
        const stockCtx = me && { ledger: server.ledger, stock, me: dto(me) }
        const stockChannels = () => (stockCtx ? (handleStockChannel(stockCtx, channel, input) ?? handleTicketPartsChannel(stockCtx, channel, input)) : undefined)
        return handleLedgerChannel(server.ledger, channel, input, me && dto(me), staff) ?? workflow() ?? stockChannels() ?? fail('UNKNOWN_CHANNEL', 'errors.unknownChannel', { channel })
      }
    }
  }

  stock = new FakeStock(server.ledger)
  for (const member of seed?.staff ?? []) addStaff(member.name, member.role, member.pin, member.locale ?? null, member.active ?? true)
  const signedIn = server.staff.find((s) => s.name === seed?.signedInAs)
  if (signedIn) sessionStaffId = signedIn.id
  return server
}

function dto({ pin: _pin, ...staff }: StaffRecord): StaffDto {
  return { ...staff }
}

function ok(value: unknown): Result<unknown> {
  return { ok: true, value }
}

function fail(code: ErrorCode, messageKey: string, params?: Record<string, string | number>): Result<unknown> {
  return { ok: false, error: { code, messageKey, message: messageKey, ...(params ? { params } : {}) } }
}

/** Zod issues → FieldIssues the way dispatch reports them: the schema's message is the i18n key. */
function invalid(issues: { path: PropertyKey[]; message: string; code: string; maximum?: unknown; minimum?: unknown }[]): Result<unknown> {
  const fieldIssues = issues.map((issue): FieldIssue => {
    const fieldIssue: FieldIssue = {
      path: issue.path.filter((part): part is string | number => typeof part !== 'symbol'),
      messageKey: issue.message.startsWith('validation.') ? issue.message : 'validation.invalid',
      message: issue.message,
    }
    if (issue.code === 'too_big') fieldIssue.params = { maximum: Number(issue.maximum) }
    if (issue.code === 'too_small') fieldIssue.params = { minimum: Number(issue.minimum) }
    return fieldIssue
  })
  return { ok: false, error: { code: 'INVALID_INPUT', messageKey: 'errors.invalidInput', message: 'Invalid input', issues: fieldIssues } }
}
