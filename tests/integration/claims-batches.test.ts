import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { createHarness, expectError, setUpShop, type Harness } from '../support/harness'
import { claimEventRows, motoClaimRules } from '../support/claims'
import { labourOnlyClaim, readyMotoClaims } from '../support/claim-batches'
import { manufacturerId } from '../support/stock'

// batches.create / list / get through the real ledger: a batch freezes ready claims of one
// manufacturer; every refusal names the claim's line and writes nothing.

let h: Harness
let moto: number
beforeEach(async () => {
  h = await createHarness()
  await setUpShop(h)
  moto = await manufacturerId(h, 'MOTO')
  await motoClaimRules(h)
})
afterEach(() => h.close())

async function refused(input: { manufacturerId: number; claimIds: number[] }, messageKey: string, path: (string | number)[]) {
  const before = h.digest()
  const error = expectError(await h.raw('batches.create', input))
  expect(error.issues?.map((i) => [i.path, i.messageKey])).toEqual([[path, messageKey]])
  expect(h.digest()).toBe(before)
  return error
}

describe('batches.create', () => {
  it('freezes ready claims of one manufacturer with totals, events and one audit row', async () => {
    const ids = await readyMotoClaims(h)
    const claims = await Promise.all(ids.map((id) => h.call('claims.get', { id })))
    const batch = await h.call('batches.create', { manufacturerId: moto, claimIds: ids, note: '11 月第一批' })
    expect(batch).toMatchObject({ number: 'B-MOTO-0001', status: 'open', claimCount: 3, manufacturer: { id: moto, code: 'MOTO' }, currency: 'CNY', note: '11 月第一批', createdBy: '王店主' })
    expect(batch.totalMinor).toBe(claims.reduce((t, c) => t + c.totalMinor, 0))
    expect(batch.labourMinor + batch.partsMinor).toBe(batch.totalMinor)
    expect(batch.claims.map((c) => [c.claimId, c.number, c.status, c.totalMinor])).toEqual(claims.map((c) => [c.id, c.number, 'batched', c.totalMinor]))
    expect(batch.claims[0]!.fields).toMatchObject({ claim_number: claims[0]!.number, total_amount: (claims[0]!.totalMinor / 100).toFixed(2), manufacturer_code: 'MOTO' })
    for (const id of ids) {
      expect((await h.call('claims.get', { id })).status).toBe('batched')
      expect(claimEventRows(h, id).at(-1)).toMatchObject({ kind: 'batched', from_status: 'ready', to_status: 'batched', data: { batch: 'B-MOTO-0001' } })
    }
    expect(h.ledger.sqlite.prepare(`SELECT count(*) AS n FROM audit_log WHERE action = 'batches.create'`).get()).toEqual({ n: 1 })
    // A batched claim cannot be edited.
    expect(expectError(await h.raw('claims.update', { id: ids[1]!, customerName: '李四' })).messageKey).toBe('errors.claimNotEditable')
    // get and list agree.
    expect(await h.call('batches.get', { id: batch.id })).toEqual(batch)
    const page = await h.call('batches.list', { manufacturerId: moto, statuses: ['open'] })
    expect(page.items.map((b) => b.number)).toEqual(['B-MOTO-0001'])
  })

  it('refuses unknown ids, another manufacturer, claims not ready and claims already batched, writing nothing', async () => {
    const ids = await readyMotoClaims(h)
    const draft = (await labourOnlyClaim(h)).claimId
    await refused({ manufacturerId: moto, claimIds: [ids[0]!, 999_999] }, 'errors.batchClaimNotFound', ['claimIds', 1])
    await refused({ manufacturerId: await manufacturerId(h, 'SAMSUNG'), claimIds: ids }, 'errors.batchClaimOtherManufacturer', ['claimIds', 0])
    await refused({ manufacturerId: moto, claimIds: [ids[0]!, draft] }, 'errors.batchClaimNotReady', ['claimIds', 1])
    await refused({ manufacturerId: 999_999, claimIds: ids }, 'errors.manufacturerNotFound', ['manufacturerId'])
    await refused({ manufacturerId: moto, claimIds: [ids[0]!, ids[0]!] }, 'validation.batchClaimRepeated', ['claimIds', 1])
    await refused({ manufacturerId: moto, claimIds: [] }, 'validation.batchClaims', ['claimIds'])

    await h.call('batches.create', { manufacturerId: moto, claimIds: [ids[0]!] })
    const error = await refused({ manufacturerId: moto, claimIds: [ids[1]!, ids[0]!] }, 'errors.batchClaimInOpenBatch', ['claimIds', 1])
    expect(error.issues?.[0]?.params).toMatchObject({ batch: 'B-MOTO-0001', line: 2 })
    // The others still batch, under the next number.
    expect((await h.call('batches.create', { manufacturerId: moto, claimIds: [ids[2]!, ids[1]!] })).number).toBe('B-MOTO-0002')
  })

  it('checks each claim again: a ready claim that no longer passes is refused', async () => {
    const ids = await readyMotoClaims(h)
    await h.call('manufacturers.updateClaimRules', { manufacturerId: moto, labourRates: { L2: null } })
    const readyNow = (await Promise.all(ids.map((id) => h.call('claims.get', { id })))).filter((c) => c.status === 'ready' && c.repairTier === 'L2')
    expect(readyNow.length).toBeGreaterThan(0)
    const error = await refused({ manufacturerId: moto, claimIds: ids }, 'errors.batchClaimInvalid', ['claimIds', ids.indexOf(readyNow[0]!.id)])
    expect(error.issues?.[0]?.params).toMatchObject({ claim: readyNow[0]!.number, count: 1 })
  })

  it('the database itself keeps a claim in one open batch and batch contents frozen', async () => {
    const ids = await readyMotoClaims(h)
    const batch = await h.call('batches.create', { manufacturerId: moto, claimIds: ids })
    const db = h.ledger.sqlite
    expect(() => db.exec(`UPDATE claim_batch_items SET fields_json = '{}' WHERE batch_id = ${batch.id}`)).toThrow(/append-only/)
    expect(() => db.exec(`DELETE FROM claim_batches WHERE id = ${batch.id}`)).toThrow(/never deleted/)
    expect(() => db.exec(`UPDATE claim_batches SET export_profile_json = '{}' WHERE id = ${batch.id}`)).toThrow(/keeps what it froze/)
    expect(() => db.exec(`UPDATE claims SET customer_name = 'x' WHERE id = ${ids[0]}`)).toThrow(/cannot change/)
    db.exec(`INSERT INTO claim_batches (number, manufacturer_id, manufacturer_code, manufacturer_name, status, currency, claim_count, labour_minor, parts_minor, total_minor, export_profile_json, created_by_staff_id, created_at_ms, updated_at_ms) VALUES ('X', ${moto}, 'MOTO', 'Motorola', 'open', 'CNY', 1, 0, 0, 0, '{}', 1, 1, 1)`)
    expect(() => db.exec(`INSERT INTO claim_batch_items (batch_id, position, claim_id, claim_revision, labour_minor, parts_minor, total_minor, fields_json) VALUES ((SELECT id FROM claim_batches WHERE number = 'X'), 0, ${ids[0]}, 1, 0, 0, 0, '{}')`)).toThrow(/one open batch/)
  })

  it('lists by manufacturer and status, newest first, in pages', async () => {
    const ids = await readyMotoClaims(h)
    for (const id of ids) await h.call('batches.create', { manufacturerId: moto, claimIds: [id] })
    const first = await h.call('batches.list', { limit: 2 })
    expect(first.items.map((b) => b.number)).toEqual(['B-MOTO-0003', 'B-MOTO-0002'])
    const second = await h.call('batches.list', { limit: 2, beforeId: first.nextBeforeId! })
    expect([second.items.map((b) => b.number), second.nextBeforeId]).toEqual([['B-MOTO-0001'], null])
    expect((await h.call('batches.list', { manufacturerId: await manufacturerId(h, 'SAMSUNG') })).items).toEqual([])
    expect((await h.call('batches.list', { statuses: ['submitted'] })).items).toEqual([])
    expect(expectError(await h.raw('batches.get', { id: 999 })).messageKey).toBe('errors.batchNotFound')
  })
})
