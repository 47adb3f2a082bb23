import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { TicketDetailDto } from '../../shared/dto/tickets'
import { createHarness, expectError, setUpShop, type Harness } from '../support/harness'
import { modelId, newPhoneIntake } from '../support/intake'

let h: Harness
let zhang: TicketDetailDto
let li: TicketDetailDto
let laptop: TicketDetailDto
let techId: number

beforeEach(async () => {
  h = await createHarness()
  await setUpShop(h)
  techId = (await h.call('staff.create', { name: '李师傅', role: 'technician', pin: '1357' })).id
  zhang = await h.call('tickets.intake', await newPhoneIntake(h))
  h.clock.advance(60_000)
  li = await h.call('tickets.intake', await newPhoneIntake(h, {
    customer: { new: { name: '李四', phone: '021-5555 0100', kind: 'dealer' } },
    device: { new: { modelId: await modelId(h, 'Galaxy S24'), imei: '356938035643809' }, purchaseDate: '2026-10-01', proofOfPurchaseRef: 'SN-1' },
    promisedDate: null,
    assignedStaffId: techId,
  }))
  h.clock.advance(60_000)
  laptop = await h.call('tickets.intake', await newPhoneIntake(h, {
    customer: { new: { name: 'Emma Watson', phone: '+44 20 7946 0958' } },
    device: { new: { modelId: await modelId(h, 'ThinkPad'), serial: 'PF3A9K2X' } },
    promisedDate: '2026-11-27',
  }))
})
afterEach(() => h.close())

const numbers = (tickets: { number: string }[]) => tickets.map((t) => t.number)

describe('search box', () => {
  it.each([
    ['the last four digits of a phone', '0100', ['li']],
    ['a phone typed with separators', '138 0013', ['zhang']],
    ['a ticket number', 'R2611-0003', ['laptop']],
    ['part of a ticket number', '0002', ['li']],
    ['part of an IMEI', '3237518', ['zhang']],
    ['a serial, any case', 'pf3a9', ['laptop']],
    ['a model name', 'galaxy', ['li']],
    ['a manufacturer name', 'Lenovo', ['laptop']],
    ['a full Chinese name (2 characters, prefix path)', '李四', ['li']],
    ['a single character: too short to be useful', '张', []],
    ['two digits: too short to be useful', '01', []],
    ['a scanned 15-digit IMEI', '356938035643809', ['li']],
    ['an English name part', 'watson', ['laptop']],
    ['two terms that must both match', 'moto 8000', ['zhang']],
  ])('finds by %s', async (_label, query, expected) => {
    const byName: Record<string, TicketDetailDto> = { zhang, li, laptop }
    expect(numbers(await h.call('tickets.search', { query, limit: 20 }))).toEqual(expected.map((k) => byName[k]!.number))
  })

  it('returns nothing for an empty query or one that matches nothing', async () => {
    expect(await h.call('tickets.search', { query: '  ', limit: 20 })).toEqual([])
    expect(await h.call('tickets.search', { query: '99999', limit: 20 })).toEqual([])
  })

  it('treats FTS syntax in the query as plain text', async () => {
    for (const query of ['"', 'NEAR(a b)', 'moto OR li', '*', 'a"b"c', "'; DROP TABLE tickets; --"]) {
      const result = await h.raw('tickets.search', { query, limit: 20 })
      expect(result.ok, query).toBe(true)
    }
    expect(h.counts().tickets).toBe(3)
  })

  it('finds tickets under a customer’s new name after an edit', async () => {
    await h.call('customers.update', { id: zhang.customer.id, name: '张三丰' })
    expect(numbers(await h.call('tickets.search', { query: '张三丰', limit: 20 }))).toEqual([zhang.number])
  })

  it('newest first, up to the limit', async () => {
    expect(numbers(await h.call('tickets.search', { query: 'R2611', limit: 2 }))).toEqual([laptop.number, li.number])
  })
})

describe('ticket list', () => {
  it('lists newest first with what the counter needs to see', async () => {
    const page = await h.call('tickets.list', {})
    expect(numbers(page.items)).toEqual([laptop.number, li.number, zhang.number])
    expect(page.items[1]).toMatchObject({ customerName: '李四', customerPhone: '02155550100', modelName: 'Galaxy S24', manufacturerName: 'Samsung', assignedStaffName: '李师傅', warrantyStatus: 'in_warranty' })
    expect(page.nextBeforeId).toBeNull()
  })

  it('pages with a keyset cursor', async () => {
    const first = await h.call('tickets.list', { limit: 2 })
    expect(numbers(first.items)).toEqual([laptop.number, li.number])
    const second = await h.call('tickets.list', { limit: 2, beforeId: first.nextBeforeId! })
    expect(numbers(second.items)).toEqual([zhang.number])
    expect(second.nextBeforeId).toBeNull()
  })

  it('filters by technician, warranty and status', async () => {
    expect(numbers((await h.call('tickets.list', { assignedStaffId: techId })).items)).toEqual([li.number])
    expect(numbers((await h.call('tickets.list', { warrantyStatus: 'out_of_warranty' })).items)).toEqual([laptop.number])
    expect((await h.call('tickets.list', { statuses: ['collected'] })).items).toEqual([])
    expect((await h.call('tickets.list', { statuses: ['received'] })).items).toHaveLength(3)
  })

  it('combines a status filter with overdue: only open tickets can be overdue', async () => {
    h.clock.set(Date.UTC(2026, 10, 27, 16, 0))
    expect(numbers((await h.call('tickets.list', { statuses: ['received', 'collected'], overdue: true })).items)).toEqual([laptop.number])
    expect((await h.call('tickets.list', { statuses: ['collected'], overdue: true })).items).toEqual([])
  })

  it('merges several status filters newest first and pages through them', async () => {
    h.ledger.sqlite.prepare(`UPDATE tickets SET status = 'cancelled' WHERE id = ?`).run(li.id)
    const first = await h.call('tickets.list', { statuses: ['received', 'cancelled'], limit: 2 })
    expect(numbers(first.items)).toEqual([laptop.number, li.number])
    const rest = await h.call('tickets.list', { statuses: ['received', 'cancelled'], limit: 2, beforeId: first.nextBeforeId! })
    expect(numbers(rest.items)).toEqual([zhang.number])
    expect(rest.nextBeforeId).toBeNull()
  })

  it('flags tickets past their promised date in the shop’s time zone as overdue', async () => {
    expect((await h.call('tickets.list', { overdue: true })).items).toEqual([])
    h.clock.set(Date.UTC(2026, 10, 27, 16, 0)) // 00:00 on 28 November in Shanghai
    const overdue = await h.call('tickets.list', { overdue: true })
    expect(numbers(overdue.items)).toEqual([laptop.number])
    expect(overdue.items[0]!.overdue).toBe(true)
    h.ledger.sqlite.prepare(`UPDATE tickets SET status = 'collected' WHERE id = ?`).run(laptop.id)
    expect((await h.call('tickets.list', { overdue: true })).items).toEqual([])
  })

  it('rejects a bad filter naming it', async () => {
    expect(expectError(await h.raw('tickets.list', { statuses: ['lost'] })).issues?.[0]?.path).toEqual(['statuses', 0])
    expect(expectError(await h.raw('tickets.list', { limit: 1000 })).issues?.[0]?.path).toEqual(['limit'])
  })
})

describe('ticket detail', () => {
  it('shows customer, device, warranty, condition, accessories and the timeline', async () => {
    const detail = await h.call('tickets.get', { id: li.id })
    expect(detail).toMatchObject({
      number: li.number,
      customer: { name: '李四', kind: 'dealer', phone: '02155550100' },
      device: { imei: '356938035643809', model: { marketingName: 'Galaxy S24' } },
      warranty: { status: 'in_warranty', reason: 'within_period', endsOn: '2027-10-01' },
      condition: ['screen_cracked', 'dents'],
      accessories: ['charger', 'case', '蓝色挂绳'],
      events: [{ kind: 'intake', toStatus: 'received', staffName: '王店主' }],
    })
  })

  it('answers NOT_FOUND for an unknown ticket', async () => {
    expect(expectError(await h.raw('tickets.get', { id: 404 }))).toMatchObject({ code: 'NOT_FOUND', messageKey: 'errors.ticketNotFound' })
  })
})
