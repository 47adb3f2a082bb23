import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { createHarness, expectError, setUpShop, type Harness } from '../support/harness'
import { modelId } from '../support/intake'
import { createPart } from '../support/stock'

let h: Harness
beforeEach(async () => {
  h = await createHarness()
  await setUpShop(h)
})
afterEach(() => h.close())

describe('parts catalogue', () => {
  it('creates a part with its compatible models and audits it', async () => {
    const part = await createPart(h, { sku: ' mt-cb-g54 ', name: 'moto g54 尾插小板', serialized: false })
    expect(part).toMatchObject({ sku: 'MT-CB-G54', name: 'moto g54 尾插小板', sellPriceMinor: 12_000, reorderPoint: 2, binLocation: 'A-03', serialized: false, active: true, levels: [], usableOnHand: 0, low: true })
    expect(part.models).toEqual([expect.objectContaining({ manufacturerName: 'Motorola', marketingName: expect.stringContaining('g54') })])
    expect(h.ledger.sqlite.prepare(`SELECT count(*) AS n FROM audit_log WHERE action = 'parts.create' AND entity_id = ?`).get(String(part.id))).toEqual({ n: 1 })
  })

  it('finds parts as you type by SKU, part number, Chinese name or model', async () => {
    const board = await createPart(h, { sku: 'MT-CB-G54', manufacturerPartNumber: '5D68C22600', name: 'moto g54 尾插小板' })
    const screen = await createPart(h, { sku: 'SS-LCD-S24', manufacturerPartNumber: 'GH82-33340A', name: '三星 S24 屏幕总成', modelIds: [await modelId(h, 'Galaxy S24')] })
    const ids = async (query: string, extra = {}) => (await h.call('parts.search', { query, ...extra })).map((p) => p.id)
    expect(await ids('cb-g')).toEqual([board.id])
    expect(await ids('gh82')).toEqual([screen.id])
    expect(await ids('屏幕')).toEqual([screen.id])
    expect(await ids('尾')).toEqual([board.id])
    expect(await ids('galaxy s24')).toEqual([screen.id])
    expect(await ids('100%')).toEqual([])
    expect(await ids('', { modelId: await modelId(h, 'moto g54') })).toEqual([board.id])
    expect((await ids('')).sort()).toEqual([board.id, screen.id].sort())
  })

  it('updates fields and models; the search follows', async () => {
    const part = await createPart(h)
    const updated = await h.call('parts.update', { id: part.id, name: '尾插排线 flex', sellPriceMinor: 9900, modelIds: [await modelId(h, 'Galaxy S24')], active: false })
    expect(updated).toMatchObject({ name: '尾插排线 flex', sellPriceMinor: 9900, active: false, models: [expect.objectContaining({ manufacturerName: 'Samsung' })] })
    expect(await h.call('parts.search', { query: '排线' })).toEqual([])
    expect((await h.call('parts.search', { query: '排线', includeInactive: true })).map((p) => p.id)).toEqual([part.id])
    expect((await h.call('parts.search', { query: 'galaxy', includeInactive: true })).map((p) => p.id)).toEqual([part.id])
  })

  it('refuses a taken SKU, unknown models and bad fields by name, writing nothing', async () => {
    await createPart(h, { sku: 'MT-CB-G54' })
    const before = h.counts()
    expect(expectError(await h.raw('parts.create', { sku: 'mt-cb-g54', name: 'x', sellPriceMinor: 1 }))).toMatchObject({ code: 'CONFLICT', issues: [{ path: ['sku'], messageKey: 'errors.skuTaken' }] })
    expect(expectError(await h.raw('parts.create', { sku: 'NEW-1', name: 'x', sellPriceMinor: 1, modelIds: [99999] }))).toMatchObject({ code: 'NOT_FOUND', issues: [{ path: ['modelIds', 0] }] })
    const bad = expectError(await h.raw('parts.create', { sku: 'bad sku!', name: '', sellPriceMinor: 1.5, reorderPoint: -1 }))
    expect(bad.code).toBe('INVALID_INPUT')
    expect(bad.issues?.map((i) => i.path.join('.')).sort()).toEqual(['name', 'reorderPoint', 'sellPriceMinor', 'sku'])
    expect(expectError(await h.raw('parts.update', { id: 424242, name: 'x' })).code).toBe('NOT_FOUND')
    expect(expectError(await h.raw('parts.get', { id: 424242 })).messageKey).toBe('errors.partNotFound')
    expect(h.counts()).toEqual(before)
  })
})
