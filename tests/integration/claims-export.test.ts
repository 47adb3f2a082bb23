import { createHash } from 'node:crypto'
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import Papa from 'papaparse'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { createHarness, expectError, setUpShop, type Harness } from '../support/harness'
import { motoClaimRules } from '../support/claims'
import { readyMotoClaims } from '../support/claim-batches'
import { manufacturerId } from '../support/stock'

// batches.export to a real temp folder: the CSV read back with papaparse matches the ledger, the
// manifest hashes the files, and the same batch exports to the same bytes whatever changed since.

let h: Harness
let moto: number
let dir: string
beforeEach(async () => {
  h = await createHarness()
  await setUpShop(h)
  moto = await manufacturerId(h, 'MOTO')
  await motoClaimRules(h)
  dir = mkdtempSync(path.join(tmpdir(), 'claims-export-'))
})
afterEach(() => {
  h.close()
  rmSync(dir, { recursive: true, force: true })
})

const sha = (file: string) => createHash('sha256').update(readFileSync(file)).digest('hex')
const readAll = (folder: string) => Object.fromEntries(readdirSync(folder).sort().map((name) => [name, readFileSync(path.join(folder, name))]))

async function batchOfThree() {
  const ids = await readyMotoClaims(h)
  return h.call('batches.create', { manufacturerId: moto, claimIds: ids })
}

describe('batches.export', () => {
  it('writes CSV, JSON and a manifest that agree with the ledger', async () => {
    const batch = await batchOfThree()
    const result = await h.call('batches.export', { id: batch.id, folder: dir })
    const out = path.join(dir, 'B-MOTO-0001')
    expect(result.folder).toBe(out)
    expect(readdirSync(out).sort()).toEqual(['claims.csv', 'claims.json', 'manifest.json', 'parts-to-return.csv'])
    expect(result.files.map((f) => f.name)).toEqual(['claims.csv', 'claims.json', 'parts-to-return.csv', 'manifest.json'])
    for (const f of result.files) {
      expect(f.sha256).toBe(sha(path.join(out, f.name)))
      expect(f.bytes).toBe(readFileSync(path.join(out, f.name)).length)
    }

    const csvText = readFileSync(path.join(out, 'claims.csv'), 'utf8')
    expect(csvText.startsWith('\uFEFF')).toBe(false)
    expect(csvText).toContain('\r\n')
    const parsed = Papa.parse<Record<string, string>>(csvText, { header: true, skipEmptyLines: true })
    expect(parsed.errors).toEqual([])
    expect(parsed.meta.fields?.[0]).toBe('claim_number')
    const claims = await Promise.all(batch.claims.map((c) => h.call('claims.get', { id: c.claimId })))
    expect(parsed.data.map((r) => [r.claim_number, r.customer_name, r.imei, r.serial, r.model_name, r.total_amount, r.repair_tier])).toEqual(
      claims.map((c) => [c.number, c.customerName, c.imei ?? '', c.serial ?? '', c.modelName, (c.totalMinor / 100).toFixed(2), c.repairTier]),
    )
    expect(parsed.data[0]!.parts).toContain('5P68C22600 x1')

    const json = JSON.parse(readFileSync(path.join(out, 'claims.json'), 'utf8')) as { batch: string; claims: Record<string, unknown>[] }
    expect(json.batch).toBe('B-MOTO-0001')
    expect(json.claims.map((c) => c.claim_number)).toEqual(claims.map((c) => c.number))
    expect((json.claims[0]!.parts as unknown[]).length).toBe(claims[0]!.lines.length)

    const manifest = JSON.parse(readFileSync(path.join(out, 'manifest.json'), 'utf8')) as Record<string, unknown>
    expect(manifest).toMatchObject({ batchId: batch.id, batchNumber: 'B-MOTO-0001', manufacturer: { code: 'MOTO' }, claimCount: 3, currency: 'CNY', totals: { total: (batch.totalMinor / 100).toFixed(2) } })
    expect(manifest.files).toEqual(result.files.filter((f) => f.name !== 'manifest.json'))
    expect(h.ledger.sqlite.prepare(`SELECT count(*) AS n FROM audit_log WHERE action = 'batches.export'`).get()).toEqual({ n: 1 })
  })

  it('follows the frozen profile: columns, headers, BOM and formats', async () => {
    await h.call('manufacturers.updateClaimRules', { manufacturerId: moto, exportProfile: { formats: ['csv'], csvBom: true, columns: [{ field: 'total_amount', header: '金额, 元' }, { field: 'claim_number', header: 'Claim "No"' }] } })
    const batch = await batchOfThree()
    const result = await h.call('batches.export', { id: batch.id, folder: dir })
    expect(result.files.map((f) => f.name)).toEqual(['claims.csv', 'parts-to-return.csv', 'manifest.json'])
    const text = readFileSync(path.join(result.folder, 'claims.csv'), 'utf8')
    expect(text.startsWith('\uFEFF"金额, 元","Claim ""No"""\r\n')).toBe(true)
    const parsed = Papa.parse<Record<string, string>>(text.slice(1), { header: true, skipEmptyLines: true })
    expect(parsed.data.map((r) => r['Claim "No"'])).toEqual(batch.claims.map((c) => c.number))
  })

  it('exports the same bytes again, even after the rules changed and edits are refused', async () => {
    const batch = await batchOfThree()
    const first = await h.call('batches.export', { id: batch.id, folder: dir })
    const bytes = readAll(first.folder)
    h.clock.advance(3 * 86_400_000)
    await h.call('manufacturers.updateClaimRules', { manufacturerId: moto, labourRates: { L1: 1, L2: 2, L3: 3 }, exportProfile: { formats: ['json'], csvBom: true, columns: [{ field: 'imei', header: 'IMEI' }] } })
    expect(expectError(await h.raw('claims.update', { id: batch.claims[0]!.claimId, customerName: '改名' })).messageKey).toBe('errors.claimNotEditable')
    const again = await h.call('batches.export', { id: batch.id, folder: dir })
    expect(again.files).toEqual(first.files)
    expect(readAll(again.folder)).toEqual(bytes)
    // And into a different folder too.
    const other = mkdtempSync(path.join(tmpdir(), 'claims-export-2-'))
    try {
      expect(readAll((await h.call('batches.export', { id: batch.id, folder: other })).folder)).toEqual(bytes)
    } finally {
      rmSync(other, { recursive: true, force: true })
    }
  })

  it('refuses a folder that does not exist or cannot be written, leaving nothing behind', async () => {
    const batch = await batchOfThree()
    const missing = expectError(await h.raw('batches.export', { id: batch.id, folder: path.join(dir, 'nope') }))
    expect(missing.issues?.map((i) => [i.path, i.messageKey])).toEqual([[['folder'], 'errors.exportFolderMissing']])
    const file = path.join(dir, 'a-file')
    writeFileSync(file, 'x')
    expect(expectError(await h.raw('batches.export', { id: batch.id, folder: file })).issues?.[0]?.path).toEqual(['folder'])
    // The batch's folder name taken by a file: nothing is written, the file is untouched.
    writeFileSync(path.join(dir, 'B-MOTO-0001'), 'keep me')
    const blocked = expectError(await h.raw('batches.export', { id: batch.id, folder: dir }))
    expect(blocked.issues?.[0]?.path).toEqual(['folder'])
    expect(readdirSync(dir).sort()).toEqual(['B-MOTO-0001', 'a-file'])
    expect(readFileSync(path.join(dir, 'B-MOTO-0001'), 'utf8')).toBe('keep me')
    expect(expectError(await h.raw('batches.export', { id: batch.id, folder: 'relative/path' })).issues?.[0]?.path).toEqual(['folder'])
    expect(h.ledger.sqlite.prepare(`SELECT count(*) AS n FROM audit_log WHERE action = 'batches.export'`).get()).toEqual({ n: 0 })
  })

  it.skipIf(process.getuid?.() === 0)('refuses a read-only folder', async () => {
    const { chmodSync } = await import('node:fs')
    const batch = await batchOfThree()
    chmodSync(dir, 0o555)
    try {
      const error = expectError(await h.raw('batches.export', { id: batch.id, folder: dir }))
      expect(error.issues?.map((i) => [i.path, i.messageKey])).toEqual([[['folder'], 'errors.exportFolderNotWritable']])
      expect(readdirSync(dir)).toEqual([])
    } finally {
      chmodSync(dir, 0o755)
    }
  })
})
