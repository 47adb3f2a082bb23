import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { createHarness, expectError, setUpShop, type Harness } from '../support/harness'
import { createPart, manufacturerId, sumOfMovements } from '../support/stock'

let h: Harness
let moto: number
beforeEach(async () => {
  h = await createHarness()
  await setUpShop(h)
  moto = await manufacturerId(h, 'MOTO')
})
afterEach(() => h.close())

const signInTechnician = async () => {
  await h.call('staff.create', { name: '李师傅', role: 'technician', pin: '1357' })
  const tech = (await h.call('auth.staffChoices', {})).find((s) => s.name === '李师傅')
  await h.call('auth.signIn', { staffId: tech!.id, pin: '1357' }, 'tech')
}

describe('receiving a delivery', () => {
  it('puts every line in the pool as one group, moves the average cost, and audits once', async () => {
    const a = await createPart(h, { sku: 'A-1' })
    const b = await createPart(h, { sku: 'B-1' })
    const first = await h.call('stock.receive', { pool: 'shop', supplier: '深圳华强北 配件行', deliveryNote: 'DN-1', lines: [{ partId: a.id, quantity: 10, unitCostMinor: 3000 }, { partId: b.id, quantity: 2, unitCostMinor: 100 }] })
    expect(first.movements).toHaveLength(2)
    expect(first.movements.every((m) => m.groupId === first.groupId && m.kind === 'receive' && m.supplier === '深圳华强北 配件行' && m.reference === 'DN-1')).toBe(true)
    expect(first.movements.map((m) => m.balanceAfter)).toEqual([10, 2])
    expect(first.parts.find((p) => p.id === a.id)).toMatchObject({ averageCostMinor: 3000, levels: [{ pool: 'shop', onHand: 10 }], usableOnHand: 10, low: false })
    // 10 at 30.00 + 5 at 36.01 → (30000 + 18005) / 15 = 3200.33 → 3200
    await h.call('stock.receive', { pool: 'shop', supplier: 'S', lines: [{ partId: a.id, quantity: 5, unitCostMinor: 3601 }] })
    expect((await h.call('parts.get', { id: a.id })).averageCostMinor).toBe(3200)
    expect(h.ledger.sqlite.prepare(`SELECT count(*) AS n FROM audit_log WHERE action = 'stock.receive'`).get()).toEqual({ n: 2 })
  })

  it('values the first receipt at its own cost even when uncosted stock was found before it', async () => {
    const part = await createPart(h)
    await h.call('stock.stocktake', { pool: 'shop', counts: [{ partId: part.id, counted: 10 }] })
    await h.call('stock.receive', { pool: 'shop', supplier: 'S', lines: [{ partId: part.id, quantity: 6, unitCostMinor: 79_133 }] })
    expect((await h.call('parts.get', { id: part.id })).averageCostMinor).toBe(79_133)
  })

  it('takes consigned stock without a cost, leaving the shop average alone; technicians may receive', async () => {
    await signInTechnician()
    const part = await createPart(h)
    await h.call('stock.receive', { pool: 'shop', supplier: 'S', lines: [{ partId: part.id, quantity: 1, unitCostMinor: 5000 }] })
    const receipt = await h.call('stock.receive', { pool: `consigned:${moto}`, supplier: 'Motorola 备件中心', lines: [{ partId: part.id, quantity: 4 }] }, 'tech')
    expect(receipt.movements[0]).toMatchObject({ pool: `consigned:${moto}`, unitCostMinor: null, staffName: '李师傅' })
    expect(receipt.parts[0]).toMatchObject({ averageCostMinor: 5000, levels: [{ pool: 'shop', onHand: 1 }, { pool: `consigned:${moto}`, onHand: 4 }], usableOnHand: 5 })
  })

  it('refuses bad deliveries by field and writes nothing', async () => {
    const part = await createPart(h)
    const before = h.counts()
    const refuse = async (input: unknown) => expectError(await h.raw('stock.receive', input))
    expect(await refuse({ pool: 'defective', supplier: 'S', lines: [{ partId: part.id, quantity: 1 }] })).toMatchObject({ code: 'CONFLICT', issues: [{ path: ['pool'], messageKey: 'errors.poolNotReceivable' }] })
    expect(await refuse({ pool: 'consigned:999', supplier: 'S', lines: [{ partId: part.id, quantity: 1 }] })).toMatchObject({ code: 'NOT_FOUND', issues: [{ path: ['pool'] }] })
    expect(await refuse({ pool: 'shop', supplier: 'S', lines: [{ partId: part.id, quantity: 1 }] })).toMatchObject({ issues: [{ path: ['lines', 0, 'unitCostMinor'], messageKey: 'validation.unitCostRequired' }] })
    expect(await refuse({ pool: `consigned:${moto}`, supplier: 'S', lines: [{ partId: part.id, quantity: 1, unitCostMinor: 5 }] })).toMatchObject({ issues: [{ path: ['lines', 0, 'unitCostMinor'], messageKey: 'validation.unitCostOnConsigned' }] })
    // The second line is bad: the first must not be written either.
    expect(await refuse({ pool: 'shop', supplier: 'S', lines: [{ partId: part.id, quantity: 1, unitCostMinor: 5 }, { partId: 9999, quantity: 1, unitCostMinor: 5 }] })).toMatchObject({ code: 'NOT_FOUND', issues: [{ path: ['lines', 1, 'partId'] }] })
    const invalid = await refuse({ pool: 'warehouse', supplier: '', lines: [{ partId: part.id, quantity: 0, unitCostMinor: -1 }, { partId: part.id, quantity: 1.5, unitCostMinor: 0.5 }] })
    expect(invalid.issues?.map((i) => `${i.path.join('.')}:${i.messageKey}`).sort()).toEqual([
      'lines.0.quantity:validation.stockQuantity',
      'lines.0.unitCostMinor:validation.amountNegative',
      'lines.1.quantity:validation.stockQuantity',
      'lines.1.unitCostMinor:validation.amountFraction',
      'pool:validation.pool',
      'supplier:validation.required',
    ])
    expect(h.counts()).toEqual(before)
  })
})

describe('owner corrections', () => {
  it('adjusts, transfers and scraps with reasons; on hand stays the sum of movements', async () => {
    const part = await createPart(h)
    await h.call('stock.receive', { pool: 'shop', supplier: 'S', lines: [{ partId: part.id, quantity: 5, unitCostMinor: 2000 }] })
    await h.call('stock.receive', { pool: `consigned:${moto}`, supplier: 'M', lines: [{ partId: part.id, quantity: 3 }] })
    expect((await h.call('stock.adjust', { partId: part.id, pool: 'shop', quantity: -2, reason: '盘亏：丢失' })).levels).toEqual([{ pool: 'shop', onHand: 3 }, { pool: `consigned:${moto}`, onHand: 3 }])
    expect((await h.call('stock.transfer', { partId: part.id, from: `consigned:${moto}`, to: 'shop', quantity: 1, reason: '厂家同意转为自有' })).levels).toEqual([{ pool: 'shop', onHand: 4 }, { pool: `consigned:${moto}`, onHand: 2 }])
    const scrapped = await h.call('stock.scrap', { partId: part.id, pool: 'shop', quantity: 1, reason: '安装时损坏' })
    expect(scrapped).toMatchObject({ levels: [{ pool: 'shop', onHand: 3 }, { pool: `consigned:${moto}`, onHand: 2 }], averageCostMinor: 2000 })
    expect(sumOfMovements(h, part.id)).toEqual({ shop: 3, [`consigned:${moto}`]: 2 })
    const page = await h.call('stock.movements', { partId: part.id, limit: 3 })
    expect(page.movements.map((m) => [m.kind, m.pool, m.quantity, m.balanceAfter, m.reason])).toEqual([
      ['scrap', 'shop', -1, 3, '安装时损坏'],
      ['transfer', 'shop', 1, 4, '厂家同意转为自有'],
      ['transfer', `consigned:${moto}`, -1, 2, '厂家同意转为自有'],
    ])
    const older = await h.call('stock.movements', { partId: part.id, beforeId: page.nextBeforeId!, limit: 3 })
    expect(older.movements.map((m) => [m.kind, m.quantity, m.balanceAfter])).toEqual([['adjust', -2, 3], ['receive', 3, 3], ['receive', 5, 5]])
    expect(older.nextBeforeId).not.toBeNull()
    expect((await h.call('stock.movements', { partId: part.id, beforeId: older.nextBeforeId!, limit: 3 })).movements).toEqual([])
  })

  it('refuses going below zero, defective moves, same-pool transfers and technicians; nothing written', async () => {
    await signInTechnician()
    const part = await createPart(h)
    await h.call('stock.receive', { pool: 'shop', supplier: 'S', lines: [{ partId: part.id, quantity: 2, unitCostMinor: 2000 }] })
    const before = h.counts()
    expect(expectError(await h.raw('stock.adjust', { partId: part.id, pool: 'shop', quantity: -3, reason: 'x' }))).toMatchObject({ code: 'CONFLICT', messageKey: 'errors.insufficientStock', params: { onHand: 2, quantity: 3 } })
    expect(expectError(await h.raw('stock.adjust', { partId: part.id, pool: 'shop', quantity: 0, reason: 'x' })).issues?.[0]).toMatchObject({ path: ['quantity'], messageKey: 'validation.quantityZero' })
    expect(expectError(await h.raw('stock.adjust', { partId: part.id, pool: 'defective', quantity: 1, reason: 'x' })).issues?.[0]).toMatchObject({ path: ['pool'], messageKey: 'errors.adjustDefective' })
    expect(expectError(await h.raw('stock.transfer', { partId: part.id, from: 'defective', to: 'shop', quantity: 1, reason: 'x' })).issues?.[0]).toMatchObject({ path: ['from'], messageKey: 'errors.transferFromDefective' })
    expect(expectError(await h.raw('stock.transfer', { partId: part.id, from: 'shop', to: 'defective', quantity: 1, reason: 'x' })).issues?.[0]).toMatchObject({ path: ['to'], messageKey: 'errors.transferToDefective' })
    expect(expectError(await h.raw('stock.transfer', { partId: part.id, from: 'shop', to: 'shop', quantity: 1, reason: 'x' })).issues?.[0]).toMatchObject({ path: ['to'], messageKey: 'errors.transferSamePool' })
    expect(expectError(await h.raw('stock.scrap', { partId: part.id, pool: 'shop', quantity: 5, reason: 'x' })).messageKey).toBe('errors.insufficientStock')
    expect(expectError(await h.raw('stock.adjust', { partId: part.id, pool: 'shop', quantity: 1, reason: '' })).issues?.[0]).toMatchObject({ path: ['reason'] })
    for (const channel of ['stock.adjust', 'stock.transfer', 'stock.scrap', 'stock.stocktake']) {
      expect(expectError(await h.raw(channel, { partId: part.id, pool: 'shop', quantity: 1, reason: 'x' }, 'tech')).code).toBe('FORBIDDEN')
    }
    expect(h.counts()).toEqual(before)
  })

  it('the ledger itself refuses edits, deletes and negative stock', async () => {
    const part = await createPart(h)
    await h.call('stock.receive', { pool: 'shop', supplier: 'S', lines: [{ partId: part.id, quantity: 1, unitCostMinor: 1 }] })
    expect(() => h.ledger.sqlite.exec('UPDATE stock_movements SET quantity = 100')).toThrow(/append-only/)
    expect(() => h.ledger.sqlite.exec('DELETE FROM stock_movements')).toThrow(/append-only/)
    expect(() =>
      h.ledger.sqlite.exec(`INSERT INTO stock_movements (at_ms, business_date, staff_id, part_id, pool, kind, quantity, group_id) VALUES (1, '2026-11-27', 1, ${part.id}, 'shop', 'adjust', -2, 1)`),
    ).toThrow(/CHECK constraint/)
  })
})

describe('stocktake', () => {
  it('previews, then posts the differences as one adjustment group', async () => {
    const a = await createPart(h, { sku: 'A-1' })
    const b = await createPart(h, { sku: 'B-1' })
    const c = await createPart(h, { sku: 'C-1' })
    await h.call('stock.receive', { pool: 'shop', supplier: 'S', lines: [{ partId: a.id, quantity: 5, unitCostMinor: 100 }, { partId: b.id, quantity: 2, unitCostMinor: 100 }] })
    const counts = [{ partId: a.id, counted: 4 }, { partId: b.id, counted: 2 }, { partId: c.id, counted: 1 }]
    const before = h.counts()
    const preview = await h.call('stock.stocktake', { pool: 'shop', counts, dryRun: true })
    expect(preview).toMatchObject({ groupId: null, netDifference: 0, lines: [{ sku: 'A-1', expected: 5, counted: 4, difference: -1 }, { expected: 2, counted: 2, difference: 0 }, { sku: 'C-1', expected: 0, counted: 1, difference: 1 }] })
    expect(h.counts()).toEqual(before)
    const posted = await h.call('stock.stocktake', { pool: 'shop', counts, note: '月末盘点' })
    expect(posted.groupId).not.toBeNull()
    const group = h.ledger.sqlite.prepare('SELECT part_id, quantity, kind FROM stock_movements WHERE group_id = ? ORDER BY id').all(posted.groupId) as { part_id: number; quantity: number; kind: string }[]
    expect(group).toEqual([{ part_id: a.id, quantity: -1, kind: 'stocktake' }, { part_id: c.id, quantity: 1, kind: 'stocktake' }])
    expect(sumOfMovements(h, a.id)).toEqual({ shop: 4 })
    expect(h.ledger.sqlite.prepare(`SELECT count(*) AS n FROM audit_log WHERE action = 'stock.stocktake'`).get()).toEqual({ n: 1 })
    expect(expectError(await h.raw('stock.stocktake', { pool: 'shop', counts: [{ partId: a.id, counted: 1 }, { partId: a.id, counted: 2 }] })).issues?.[0]).toMatchObject({ path: ['counts', 1, 'partId'], messageKey: 'validation.duplicatePart' })
  })
})

describe('stock levels', () => {
  it('lists every active part with its pools and flags low shop stock', async () => {
    const low = await createPart(h, { sku: 'LOW', reorderPoint: 3 })
    const fine = await createPart(h, { sku: 'FINE', reorderPoint: 1 })
    const never = await createPart(h, { sku: 'NEVER', reorderPoint: 0 })
    await h.call('stock.receive', { pool: 'shop', supplier: 'S', lines: [{ partId: low.id, quantity: 3, unitCostMinor: 1 }, { partId: fine.id, quantity: 2, unitCostMinor: 1 }] })
    await h.call('stock.receive', { pool: `consigned:${moto}`, supplier: 'M', lines: [{ partId: low.id, quantity: 10 }] })
    const levels = await h.call('stock.levels', {})
    expect(levels.map((p) => [p.sku, p.low, p.usableOnHand])).toEqual([['FINE', false, 2], ['LOW', true, 13], ['NEVER', false, 0]])
    expect((await h.call('stock.levels', { lowStockOnly: true })).map((p) => p.id)).toEqual([low.id])
    expect(never.low).toBe(false)
  })
})
