import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { createHarness, expectError, setUpShop, type Harness } from '../support/harness'
import { paidTicket } from '../support/workflow'

// audit.verify walks the audit log's SHA-256 chain. The app cannot change audit rows (triggers);
// someone editing the file by hand can, after dropping the triggers: that is what it must find.

let h: Harness
beforeEach(async () => {
  h = await createHarness()
  await setUpShop(h)
  for (let i = 0; i < 3; i++) await paidTicket(h)
})
afterEach(() => h.close())

const rows = () => (h.ledger.sqlite.prepare('SELECT id FROM audit_log ORDER BY id').all() as { id: number }[]).map((r) => r.id)
const handEdit = (sql: string, ...params: unknown[]) => {
  h.ledger.sqlite.exec('DROP TRIGGER IF EXISTS audit_log_no_update; DROP TRIGGER IF EXISTS audit_log_no_delete')
  h.ledger.sqlite.prepare(sql).run(...params)
}

describe('audit.verify', () => {
  it('finds the whole chain intact, and the app itself can neither edit nor remove a row', async () => {
    const ids = rows()
    expect(ids.length).toBeGreaterThan(3)
    expect(await h.call('audit.verify', {})).toEqual({ ok: true, checked: ids.length, checkedAtMs: h.clock.now(), firstBroken: null })
    expect(() => h.ledger.sqlite.prepare(`UPDATE audit_log SET action = 'x' WHERE id = ?`).run(ids[1])).toThrow(/append-only/)
    expect(() => h.ledger.sqlite.prepare('DELETE FROM audit_log WHERE id = ?').run(ids[1])).toThrow(/append-only/)
  })

  it('reports the first row edited by hand', async () => {
    const ids = rows()
    handEdit(`UPDATE audit_log SET details_json = '{"amount":1}' WHERE id = ?`, ids[2])
    expect(await h.call('audit.verify', {})).toMatchObject({ ok: false, checked: 2, firstBroken: { id: ids[2], reason: 'content' } })
  })

  it('reports the row after one removed by hand', async () => {
    const ids = rows()
    handEdit('DELETE FROM audit_log WHERE id = ?', ids[1])
    expect(await h.call('audit.verify', {})).toMatchObject({ ok: false, checked: 1, firstBroken: { id: ids[2], reason: 'link' } })
  })

  it('is for the owner only', async () => {
    const tech = await h.call('staff.create', { name: '李师傅', role: 'technician', pin: '1357' })
    await h.call('auth.signIn', { staffId: tech.id, pin: '1357' }, 'bench')
    expect(expectError(await h.raw('audit.verify', {}, 'bench'))).toMatchObject({ code: 'FORBIDDEN' })
  })
})
