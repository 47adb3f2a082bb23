import { describe, expect, it } from 'vitest'
import { openLedger } from '../../db/connection'
import { toClaimRulesDto } from '../../db/ledger/claims-rules'
import { migrateLedger } from '../../db/migrate'
import { migrations } from '../../db/migrations/index'
import { claimExportFields, defaultRequiredClaimFields } from '../../shared/claims'

const upTo = (last: string) => Object.fromEntries(Object.entries(migrations).slice(0, Object.keys(migrations).indexOf(last) + 1))

describe('0011_claims', () => {
  it('keeps every manufacturer, gives each the default claim rules, and adds STRICT claim tables', async () => {
    const ledger = openLedger(':memory:')
    await migrateLedger(ledger, { migrations: upTo('0010_price_at_use') })
    ledger.sqlite.exec(`INSERT INTO manufacturers (id, code, name, warranty_months, claim_window_days, created_at_ms, updated_at_ms) VALUES (1, 'MOTO', 'Motorola', 12, 45, 5, 5), (2, 'APPLE', 'Apple', 12, 30, 6, 6)`)
    const before = ledger.sqlite.prepare('SELECT * FROM manufacturers ORDER BY id').all() as Record<string, unknown>[]
    await migrateLedger(ledger, { migrations: upTo('0011_claims') })

    const after = ledger.sqlite.prepare('SELECT * FROM manufacturers ORDER BY id').all() as Record<string, unknown>[]
    expect(after.map((row) => Object.fromEntries(Object.keys(before[0]!).map((k) => [k, row[k]])))).toEqual(before)
    const rules = ledger.db.selectFrom('manufacturers').selectAll().orderBy('id').execute()
    expect((await rules).map(toClaimRulesDto)).toEqual(
      [1, 2].map((id) => ({
        manufacturerId: id,
        labourRates: { L1: null, L2: null, L3: null },
        partsMarkupBp: 0,
        claimWindowDays: id === 1 ? 45 : 30,
        defectiveReturnDays: 30,
        requiredFields: [...defaultRequiredClaimFields],
        exportProfile: { formats: ['csv', 'json'], csvBom: false, columns: claimExportFields.map((field) => ({ field, header: field })) },
        syncUrl: null,
        syncTokenSet: false,
      })),
    )
    const tables = ledger.sqlite.prepare(`SELECT name, sql FROM sqlite_master WHERE type = 'table' AND name LIKE 'claim%'`).all() as { name: string; sql: string }[]
    expect(tables.map((t) => t.name).sort()).toEqual(['claim_events', 'claim_lines', 'claims'])
    for (const table of tables) expect(table.sql, table.name).toMatch(/\)\s*STRICT(, WITHOUT ROWID)?$/)
    expect(() => ledger.sqlite.exec(`UPDATE manufacturers SET parts_markup_bp = 10001 WHERE id = 1`)).toThrow(/CHECK/)
    expect(() => ledger.sqlite.exec(`UPDATE manufacturers SET export_profile_json = '[1]' WHERE id = 1`)).toThrow(/CHECK/)
    expect(() => ledger.sqlite.exec(`UPDATE manufacturers SET labour_l2_minor = -1 WHERE id = 1`)).toThrow(/CHECK/)
    ledger.close()
  })
})
