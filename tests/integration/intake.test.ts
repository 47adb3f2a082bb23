import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { createHarness, expectError, setUpShop, type Harness } from '../support/harness'
import { modelId, newPhoneIntake } from '../support/intake'

let h: Harness
let ownerId: number
beforeEach(async () => {
  h = await createHarness()
  ownerId = await setUpShop(h)
})
afterEach(() => h.close())

const rows = (sql: string, ...params: unknown[]) => h.ledger.sqlite.prepare(sql).all(...params) as Record<string, unknown>[]

describe('intake of a new customer and device', () => {
  it('writes customer, device, ticket, first event and audit rows together', async () => {
    const before = h.counts()
    const ticket = await h.call('tickets.intake', await newPhoneIntake(h))
    expect(ticket).toMatchObject({
      number: 'R2611-0001',
      status: 'received',
      receivedDate: '2026-11-27',
      receivedAtMs: h.clock.now(),
      customerName: '张三',
      customerPhone: '13800138000',
      modelName: 'moto g54',
      imei: '490154203237518',
      condition: ['screen_cracked', 'dents'],
      accessories: ['charger', 'case', '蓝色挂绳'],
      passcodeProvided: true,
      promisedDate: '2026-11-30',
      overdue: false,
      warranty: { status: 'in_warranty', reason: 'within_period', endsOn: '2027-03-01', overrideNote: null },
      repeatOf: null,
      createdByName: '王店主',
    })
    expect(ticket.device).toMatchObject({ purchaseDate: '2026-03-01', proofOfPurchaseRef: 'JD-2026-0301-77', ownerCustomerId: ticket.customer.id })
    expect(ticket.events).toEqual([
      expect.objectContaining({ kind: 'intake', fromStatus: null, toStatus: 'received', staffName: '王店主', atMs: h.clock.now() }),
    ])
    const after = h.counts()
    for (const table of ['customers', 'devices', 'tickets', 'ticket_events']) expect(after[table]! - before[table]!, table).toBe(1)
    expect(after.audit_log! - before.audit_log!).toBe(3)
    expect(rows('SELECT action, entity FROM audit_log ORDER BY id DESC LIMIT 3').reverse()).toEqual([
      { action: 'customers.create', entity: 'customer' },
      { action: 'devices.create', entity: 'device' },
      { action: 'tickets.intake', entity: 'ticket' },
    ])
  })

  it('never stores a passcode, only whether one was given', async () => {
    const input = { ...(await newPhoneIntake(h)), passcode: '1234' }
    const error = expectError(await h.raw('tickets.intake', input))
    expect(error.issues?.map((i) => i.path)).toContainEqual(['passcode'])
    const columns = rows(`SELECT name FROM pragma_table_info('tickets')`).map((r) => r.name)
    expect(columns.filter((c) => String(c).includes('passcode'))).toEqual(['passcode_provided'])
  })
})

describe('ticket numbers', () => {
  it('count up within the shop-local month and restart with the next month', async () => {
    const first = await h.call('tickets.intake', await newPhoneIntake(h))
    const second = await h.call('tickets.intake', await newPhoneIntake(h, { customer: { id: first.customer.id }, device: { id: first.device.id } }))
    expect([first.number, second.number]).toEqual(['R2611-0001', 'R2611-0002'])
    h.clock.set(Date.UTC(2026, 10, 30, 16, 5)) // 00:05 on 1 December in Shanghai, still 30 November in UTC
    const december = await h.call('tickets.intake', await newPhoneIntake(h, { customer: { id: first.customer.id }, device: { id: first.device.id }, promisedDate: null }))
    expect(december).toMatchObject({ number: 'R2612-0001', receivedDate: '2026-12-01' })
  })

  it('gives two intakes at the same moment different numbers', async () => {
    const inputs = await Promise.all([0, 1, 2].map(async (i) => newPhoneIntake(h, { device: { new: { modelId: await modelId(h, 'Galaxy S24'), serial: `SN-${i}00` } } })))
    const tickets = await Promise.all(inputs.map((input) => h.call('tickets.intake', input)))
    expect(tickets.map((t) => t.number).sort()).toEqual(['R2611-0001', 'R2611-0002', 'R2611-0003'])
  })

  it('does not reuse a number, and a refused intake takes none', async () => {
    expectError(await h.raw('tickets.intake', await newPhoneIntake(h, { reportedFault: '' })))
    const first = await h.call('tickets.intake', await newPhoneIntake(h))
    expect(first.number).toBe('R2611-0001')
    h.ledger.sqlite.exec(`UPDATE tickets SET status = 'cancelled'`)
    const next = await h.call('tickets.intake', await newPhoneIntake(h, { customer: { id: first.customer.id }, device: { id: first.device.id } }))
    expect(next.number).toBe('R2611-0002')
  })
})

describe('bad intake input is refused at the field, nothing written', () => {
  const cases: [string, (h: Harness) => Promise<unknown>, (string | number)[]][] = [
    ['IMEI with a wrong check digit', async (h) => newPhoneIntake(h, { device: { new: { modelId: await modelId(h, 'moto'), imei: '490154203237517' } } }), ['device', 'new', 'imei']],
    ['purchase date in the future', async (h) => newPhoneIntake(h, { device: { new: { modelId: await modelId(h, 'moto'), imei: '490154203237518' }, purchaseDate: '2026-11-28' } }), ['device', 'purchaseDate']],
    ['purchase date that does not exist', async (h) => newPhoneIntake(h, { device: { new: { modelId: await modelId(h, 'moto'), imei: '490154203237518' }, purchaseDate: '2026-02-30' } }), ['device', 'purchaseDate']],
    ['empty fault description', async (h) => newPhoneIntake(h, { reportedFault: '   ' }), ['reportedFault']],
    ['unknown customer id', async (h) => newPhoneIntake(h, { customer: { id: 999 } }), ['customer', 'id']],
    ['unknown device id', async (h) => newPhoneIntake(h, { device: { id: 999 } }), ['device', 'id']],
    ['unknown model', async (h) => newPhoneIntake(h, { device: { new: { modelId: 999, imei: '490154203237518' } } }), ['device', 'new', 'modelId']],
    ['phone with letters', async (h) => newPhoneIntake(h, { customer: { new: { name: '张三', phone: '138-CALL-ME' } } }), ['customer', 'new', 'phone']],
    ['customer both found and new', async (h) => newPhoneIntake(h, { customer: { id: 1, new: { name: 'A', phone: '123456' } } }), ['customer']],
    ['device without IMEI or serial', async (h) => newPhoneIntake(h, { device: { new: { modelId: await modelId(h, 'moto') } } }), ['device', 'new', 'imei']],
    ['promised before today', async (h) => newPhoneIntake(h, { promisedDate: '2026-11-26' }), ['promisedDate']],
    ['unknown condition code', async (h) => newPhoneIntake(h, { condition: ['haunted' as 'dents'] }), ['condition', 0]],
    ['unknown technician', async (h) => newPhoneIntake(h, { assignedStaffId: 77 }), ['assignedStaffId']],
  ]

  it.each(cases)('%s', async (_label, build, path) => {
    const input = await build(h)
    const before = h.counts()
    const error = expectError(await h.raw('tickets.intake', input))
    expect(error.code).toBe('INVALID_INPUT')
    expect(error.issues?.map((i) => i.path)).toContainEqual(path)
    expect(error.issues?.find((i) => JSON.stringify(i.path) === JSON.stringify(path))?.messageKey).toMatch(/^validation\./)
    expect(h.counts()).toEqual(before)
  })

  it('refuses a second device with an IMEI the shop already knows', async () => {
    await h.call('tickets.intake', await newPhoneIntake(h))
    const before = h.counts()
    const error = expectError(await h.raw('tickets.intake', await newPhoneIntake(h)))
    expect(error).toMatchObject({ code: 'CONFLICT' })
    expect(error.issues?.[0]).toMatchObject({ path: ['device', 'new', 'imei'], messageKey: 'validation.imeiExists' })
    expect(h.counts()).toEqual(before)
  })
})

describe('warranty decision at intake', () => {
  const intakeWith = async (query: string, purchaseDate: string | null, proof: string | undefined) =>
    h.call('tickets.intake', await newPhoneIntake(h, { device: { new: { modelId: await modelId(h, query), serial: 'SERIAL-01' }, purchaseDate, ...(proof !== undefined && { proofOfPurchaseRef: proof }) } }))

  it('is out of warranty without proof when the manufacturer requires it', async () => {
    expect((await intakeWith('Galaxy S24', '2026-06-01', undefined)).warranty).toMatchObject({ status: 'out_of_warranty', reason: 'no_proof' })
  })

  it('does not ask Apple devices for proof', async () => {
    expect((await intakeWith('iPhone 15', '2026-06-01', undefined)).warranty).toMatchObject({ status: 'in_warranty', reason: 'within_period', endsOn: '2027-06-01' })
  })

  it('uses the model’s own warranty months over the manufacturer’s', async () => {
    expect((await intakeWith('ThinkPad', '2024-12-01', 'INV-9')).warranty).toMatchObject({ status: 'in_warranty', endsOn: '2027-12-01' })
    expect((await intakeWith('Xiaoxin Pad', '2024-12-01', 'INV-9')).warranty).toMatchObject({ status: 'out_of_warranty', reason: 'expired', endsOn: '2025-12-01' })
  })

  it('is out of warranty when the purchase date is unknown', async () => {
    expect((await intakeWith('moto g54', null, 'INV')).warranty).toEqual({ status: 'out_of_warranty', reason: 'no_purchase_date', endsOn: null, overrideNote: null })
  })

  it('lets only an owner override it, and logs the override', async () => {
    const tech = await h.call('staff.create', { name: 'Li Tech', role: 'technician', pin: '1357' })
    await h.call('auth.signIn', { staffId: tech.id, pin: '1357' }, 'bench')
    const override = { status: 'in_warranty' as const, note: 'Invoice photo checked by phone with the dealer' }
    const input = await newPhoneIntake(h, { device: { new: { modelId: await modelId(h, 'moto'), imei: '490154203237518' }, purchaseDate: null }, warrantyOverride: override })
    const before = h.counts()
    expect(expectError(await h.raw('tickets.intake', input, 'bench'))).toMatchObject({ code: 'FORBIDDEN', issues: [{ path: ['warrantyOverride'] }] })
    expect(h.counts()).toEqual(before)

    const ticket = await h.call('tickets.intake', input)
    expect(ticket.warranty).toEqual({ status: 'in_warranty', reason: 'owner_override', endsOn: null, overrideNote: override.note })
    const audit = rows(`SELECT staff_id, details_json FROM audit_log WHERE action = 'tickets.intake'`)[0]!
    expect(audit.staff_id).toBe(ownerId)
    expect(JSON.parse(String(audit.details_json))).toMatchObject({ override, warranty: { status: 'out_of_warranty', reason: 'no_purchase_date' } })
  })
})

describe('repeat repairs', () => {
  it.each([
    [89, true],
    [90, true],
    [91, false],
  ])('a device collected %i days ago is a repeat: %s', async (daysAgo, isRepeat) => {
    const first = await h.call('tickets.intake', await newPhoneIntake(h))
    const collected = new Date(Date.UTC(2026, 10, 27 - daysAgo)).toISOString().slice(0, 10)
    h.ledger.sqlite.prepare(`UPDATE tickets SET status = 'collected', collected_business_date = ?, collected_at_ms = 0 WHERE id = ?`).run(collected, first.id)
    const again = await h.call('tickets.intake', await newPhoneIntake(h, { customer: { id: first.customer.id }, device: { id: first.device.id } }))
    expect(again.repeatOf).toEqual(isRepeat ? { id: first.id, number: first.number, collectedDate: collected } : null)
    expect(again.repeatOfTicketId).toBe(isRepeat ? first.id : null)
  })

  it('ignores earlier tickets that were never collected', async () => {
    const first = await h.call('tickets.intake', await newPhoneIntake(h))
    const again = await h.call('tickets.intake', await newPhoneIntake(h, { customer: { id: first.customer.id }, device: { id: first.device.id } }))
    expect(again.repeatOf).toBeNull()
  })
})

describe('a returning device', () => {
  it('is found by scanning its IMEI or serial, with every earlier ticket', async () => {
    const first = await h.call('tickets.intake', await newPhoneIntake(h))
    const second = await h.call('tickets.intake', await newPhoneIntake(h, { customer: { id: first.customer.id }, device: { id: first.device.id } }))
    const history = await h.call('devices.history', { identifier: '4901 5420 3237 518' })
    expect(history.device).toMatchObject({ id: first.device.id, model: { marketingName: 'moto g54', manufacturer: { code: 'MOTO' } } })
    expect(history.tickets.map((t) => t.number)).toEqual([second.number, first.number])
    expect(await h.call('devices.history', { identifier: '356938035643809' })).toEqual({ device: null, tickets: [] })
    const laptop = await h.call('tickets.intake', await newPhoneIntake(h, { device: { new: { modelId: await modelId(h, 'ThinkPad'), serial: 'pf-3a9k2x' } } }))
    expect((await h.call('devices.history', { identifier: 'PF-3A9K2X' })).device?.id).toBe(laptop.device.id)
  })

  it('takes a late purchase proof and updates the device, logged', async () => {
    const first = await h.call('tickets.intake', await newPhoneIntake(h, { device: { new: { modelId: await modelId(h, 'moto'), imei: '490154203237518' }, purchaseDate: null } }))
    expect(first.warranty.status).toBe('out_of_warranty')
    const again = await h.call('tickets.intake', await newPhoneIntake(h, { customer: { id: first.customer.id }, device: { id: first.device.id, purchaseDate: '2026-05-20', proofOfPurchaseRef: 'TMALL-5520' } }))
    expect(again.warranty).toMatchObject({ status: 'in_warranty', endsOn: '2027-05-20' })
    expect(rows(`SELECT action FROM audit_log WHERE action = 'devices.update'`)).toHaveLength(1)
  })
})
