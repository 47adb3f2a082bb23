import { screen, within } from '@testing-library/react'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { createHarness, setUpShop, type Harness } from '../support/harness'
import { paidTicket } from '../support/workflow'
import { renderOnLedger } from './render-on-ledger'

// Settings → audit log check, on the real ledger: an owner walks the hash chain and sees either
// "intact, N rows" or the first row edited (or after one removed) by hand, as a warning.

let h: Harness
beforeEach(async () => {
  h = await createHarness()
  await setUpShop(h)
  await paidTicket(h)
  window.history.replaceState(null, '', '/#/settings')
})
afterEach(() => h.close())

const auditRows = () => (h.ledger.sqlite.prepare('SELECT id, action FROM audit_log ORDER BY id').all() as { id: number; action: string }[])
const handEdit = (sql: string, ...params: unknown[]) => {
  h.ledger.sqlite.exec('DROP TRIGGER IF EXISTS audit_log_no_update; DROP TRIGGER IF EXISTS audit_log_no_delete')
  h.ledger.sqlite.prepare(sql).run(...params)
}

async function openCheck(language: 'en' | 'zh-CN' = 'en', clientKey = 'counter') {
  await h.call('auth.setLocale', { locale: language }, clientKey)
  const view = renderOnLedger(h, language, clientKey)
  await screen.findByRole('heading', { level: 1, name: language === 'en' ? 'Settings' : '设置' })
  return view
}

describe('settings: audit log check', { timeout: 20_000 }, () => {
  it('tells an owner the chain is intact and how many rows were checked', async () => {
    const { user } = await openCheck()
    const section = screen.getByRole('region', { name: 'Audit log check' })
    const button = within(section).getByRole('button', { name: 'Check the audit log' })
    await user.click(button)
    const rows = auditRows().length
    expect(await within(section).findByRole('status')).toHaveTextContent(`The chain is intact: ${rows} rows checked`)
    expect(within(section).queryByRole('alert')).toBeNull()
  })

  it('names the first row edited by hand, clearly as a warning', async () => {
    const rows = auditRows()
    handEdit(`UPDATE audit_log SET details_json = '{"amount":1}' WHERE id = ?`, rows[2]!.id)
    const { user } = await openCheck()
    const section = screen.getByRole('region', { name: 'Audit log check' })
    await user.click(within(section).getByRole('button', { name: 'Check the audit log' }))
    const alert = await within(section).findByRole('alert')
    expect(alert).toHaveTextContent('The audit log has been changed outside the app.')
    expect(alert).toHaveTextContent('This row’s content was edited after it was written.')
    expect(within(alert).getByText('Row').nextElementSibling).toHaveTextContent(String(rows[2]!.id))
    expect(within(alert).getByText('Action').nextElementSibling).toHaveTextContent(rows[2]!.action)
    expect(alert).toHaveTextContent('2 rows before it are intact')
  })

  it('names the row after one removed by hand (in Chinese)', async () => {
    const rows = auditRows()
    handEdit('DELETE FROM audit_log WHERE id = ?', rows[1]!.id)
    const { user } = await openCheck('zh-CN')
    const section = screen.getByRole('region', { name: '审计日志检查' })
    await user.click(within(section).getByRole('button', { name: '检查审计日志' }))
    const alert = await within(section).findByRole('alert')
    expect(alert).toHaveTextContent('审计日志在应用之外被修改过。')
    expect(alert).toHaveTextContent('其之前有行被删除、插入或调换了顺序')
    expect(within(alert).getByText('行号').nextElementSibling).toHaveTextContent(String(rows[2]!.id))
  })

  it('is not offered to a technician', async () => {
    const tech = await h.call('staff.create', { name: '李师傅', role: 'technician', pin: '1357' })
    await h.call('auth.signIn', { staffId: tech.id, pin: '1357' }, 'bench')
    await openCheck('en', 'bench')
    expect(screen.queryByRole('region', { name: 'Audit log check' })).toBeNull()
    expect(screen.queryByRole('button', { name: 'Check the audit log' })).toBeNull()
  })
})
