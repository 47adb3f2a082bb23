import { screen, waitFor, within } from '@testing-library/react'
import axe from 'axe-core'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { createHarness, setUpShop, type Harness } from '../support/harness'
import { manufacturerId } from '../support/stock'
import { renderOnLedger } from './render-on-ledger'

// Settings → manufacturer claim rules, on the real ledger: an owner edits what a manufacturer
// pays, what its claims need and how its files look; the API token is write-only.

let h: Harness
let moto: number
beforeEach(async () => {
  h = await createHarness()
  await setUpShop(h)
  moto = await manufacturerId(h, 'MOTO')
  window.history.replaceState(null, '', '/#/settings')
})
afterEach(() => h.close())

/** The claim rules form of Motorola, once loaded. */
async function openMotorola(language: 'en' | 'zh-CN' = 'en', clientKey = 'counter') {
  // Signed in, the UI speaks the staff member's language.
  await h.call('auth.setLocale', { locale: language }, clientKey)
  const view = renderOnLedger(h, language, clientKey)
  const section = await screen.findByRole('region', { name: language === 'en' ? 'Manufacturer claim rules' : '厂家索赔规则' })
  await view.user.selectOptions(await within(section).findByLabelText(language === 'en' ? 'Claim rules for' : '查看索赔规则的厂家'), String(moto))
  return { ...view, section }
}

async function motorolaForm() {
  return screen.findByRole('form', { name: 'Claim rules of Motorola' })
}

// The editor is large (25 export columns) and jsdom finds labels slowly in a large tree, so the
// tests look for fields inside the group that holds them.
const group = (container: HTMLElement, name: string) => within(within(container).getByRole('group', { name }))
const save = (form: HTMLElement) => within(form).getByRole('button', { name: 'Save claim rules' })

// The editor is a big form on a big screen, and jsdom is slow with those: room to spare under load.
describe('settings: claim rules', { timeout: 20_000 }, () => {
  it('lets an owner set labour rates, markup and required fields, saved in the ledger', async () => {
    const { user } = await openMotorola()
    const form = await motorolaForm()
    const pay = group(form, 'What the manufacturer pays')
    const l1 = pay.getByLabelText('Labour rate, L1 (software) (CNY)')
    expect(l1).toHaveValue('')
    await user.type(l1, '30')
    await user.type(pay.getByLabelText('Labour rate, L2 (module swap) (CNY)'), '45.5')
    const markup = pay.getByLabelText('Markup on shop-stock parts (%)')
    expect(markup).toHaveValue('0')
    await user.clear(markup)
    await user.type(markup, '12.5')
    const required = group(form, 'Every claim must carry')
    expect(required.getByLabelText('Fault codes')).toBeChecked()
    await user.click(required.getByLabelText('Fault codes'))
    await user.click(required.getByLabelText('Customer’s phone'))
    await user.click(save(form))
    expect(await within(form).findByText('Claim rules of Motorola saved.')).toBeInTheDocument()

    const rules = await h.call('manufacturers.claimRules', { manufacturerId: moto })
    expect(rules.labourRates).toEqual({ L1: 3000, L2: 4550, L3: null })
    expect(rules.partsMarkupBp).toBe(1250)
    expect(rules.requiredFields).toEqual(['imei_or_serial', 'purchase_date', 'customer_phone'])

    // The form now shows what was saved; saving again sends nothing.
    expect(pay.getByLabelText('Labour rate, L2 (module swap) (CNY)')).toHaveValue('45.50')
    const writes = h.counts().audit_log
    await user.click(save(form))
    expect(await within(form).findByText('Nothing changed.')).toBeInTheDocument()
    expect(h.counts().audit_log).toBe(writes)
  })

  it('lets an owner rename, reorder (by keyboard), remove and change export columns', async () => {
    const { user } = await openMotorola()
    const form = await motorolaForm()
    // Columns: the first header renamed, IMEI moved up twice by keyboard, the last column removed.
    const columns = group(form, 'Columns, in file order')
    const header1 = columns.getByRole('textbox', { name: 'Header of column 1' })
    expect(header1).toHaveValue('claim_number')
    await user.clear(header1)
    await user.type(header1, '索赔单号')
    columns.getByRole('button', { name: 'Move column 7 (imei) up' }).focus()
    await user.keyboard('{Enter}')
    expect(columns.getByRole('button', { name: 'Move column 6 (imei) up' })).toHaveFocus()
    expect(columns.getByRole('status')).toHaveTextContent('Column imei is now number 6.')
    await user.keyboard(' ')
    expect(columns.getByRole('textbox', { name: 'Header of column 5' })).toHaveValue('imei')
    await user.click(columns.getByRole('button', { name: 'Remove column 25 (parts)' }))
    expect(columns.getByRole('button', { name: 'Remove column 24 (total_amount)' })).toHaveFocus()
    // Changing a column's field carries its default header along.
    await user.selectOptions(columns.getByRole('combobox', { name: 'Claim field of column 2' }), 'Parts lines')
    expect(columns.getByRole('textbox', { name: 'Header of column 2' })).toHaveValue('parts')

    await user.click(save(form))
    expect(await within(form).findByText('Claim rules of Motorola saved.')).toBeInTheDocument()

    const rules = await h.call('manufacturers.claimRules', { manufacturerId: moto })
    expect(rules.exportProfile.formats).toEqual(['csv', 'json'])
    expect(rules.exportProfile.columns.slice(0, 6)).toEqual([
      { field: 'claim_number', header: '索赔单号' },
      { field: 'parts', header: 'parts' },
      { field: 'ticket_number', header: 'ticket_number' },
      { field: 'manufacturer_code', header: 'manufacturer_code' },
      { field: 'imei', header: 'imei' },
      { field: 'model_code', header: 'model_code' },
    ])
    expect(rules.exportProfile.columns.map((c) => c.field)).not.toContain('revision')
    expect(rules.exportProfile.columns).toHaveLength(24)
    expect(rules.labourRates).toEqual({ L1: null, L2: null, L3: null })
  })

  it('refuses amounts and percentages that are no numbers before asking the ledger', async () => {
    const { user } = await openMotorola()
    const form = await motorolaForm()
    const before = h.digest()
    const pay = group(form, 'What the manufacturer pays')

    // Typed text that is no number is refused before asking the ledger.
    const markup = pay.getByLabelText('Markup on shop-stock parts (%)')
    const l3 = pay.getByLabelText('Labour rate, L3 (board-level) (CNY)')
    await user.clear(markup)
    await user.type(markup, '12.345')
    await user.type(l3, '12.345')
    await user.click(save(form))
    expect(markup).toHaveAttribute('aria-invalid', 'true')
    expect(markup).toHaveAccessibleDescription(/Enter a markup from 0 to 100 % with at most 2 decimals./)
    expect(l3).toHaveAccessibleDescription(/At most 2 decimals for this currency./)
    expect(l3).toHaveFocus()
    expect(h.digest()).toBe(before)
  })

  it('shows the ledger’s refusals next to their fields and writes nothing', async () => {
    const { user } = await openMotorola()
    const form = await motorolaForm()
    const before = await h.call('manufacturers.claimRules', { manufacturerId: moto })
    // Ranges and the file layout are the ledger's to judge: its issues land on the fields.
    const markup = group(form, 'What the manufacturer pays').getByLabelText('Markup on shop-stock parts (%)')
    await user.clear(markup)
    await user.type(markup, '15')
    const window = group(form, 'Deadlines').getByLabelText('Claim window (days)')
    await user.clear(window)
    await user.type(window, '5000')
    const columns = group(form, 'Columns, in file order')
    const header3 = columns.getByRole('textbox', { name: 'Header of column 3' })
    await user.clear(header3)
    await user.type(header3, 'REVISION')
    await user.click(save(form))
    await waitFor(() => expect(window).toHaveAttribute('aria-invalid', 'true'))
    expect(window).toHaveAccessibleDescription(/Enter whole days from 0 to 3650./)
    expect(header3).toHaveAttribute('aria-invalid', 'true')
    expect(header3).toHaveAccessibleDescription('Another column already has this header.')
    expect(within(form).getByRole('alert')).toHaveTextContent('Some fields need attention.')
    expect(markup).not.toHaveAttribute('aria-invalid')
    expect(window).toHaveFocus()
    expect(await h.call('manufacturers.claimRules', { manufacturerId: moto })).toEqual(before)

    // Editing a field clears its message; no format at all is refused on the checklist.
    await user.type(window, '{Backspace}{Backspace}')
    expect(window).not.toHaveAttribute('aria-invalid')
    await user.clear(header3)
    await user.type(header3, 'rev')
    const formats = group(form, 'File formats')
    await user.click(formats.getByLabelText('CSV'))
    await user.click(formats.getByLabelText('JSON'))
    await user.click(save(form))
    expect(await formats.findByText('Choose CSV, JSON or both.')).toBeInTheDocument()
    expect(await h.call('manufacturers.claimRules', { manufacturerId: moto })).toEqual(before)
  })

  it('keeps the API token write-only: stored, replaceable, forgettable, never shown', async () => {
    const token = 'tok-SECRET-4f9a2c71'
    const { user } = await openMotorola()
    const form = await motorolaForm()
    const sync = group(form, 'Online submission')
    expect(sync.queryByText('A token is stored.')).not.toBeInTheDocument()
    await user.type(sync.getByLabelText('Endpoint URL (optional)'), 'https://claims.example.com/batches')
    const box = sync.getByLabelText('API token (optional)')
    expect(box).toHaveAttribute('type', 'password')
    await user.type(box, token)
    await user.click(save(form))
    expect(await sync.findByText('A token is stored.')).toBeInTheDocument()

    const rules = await h.call('manufacturers.claimRules', { manufacturerId: moto })
    expect(rules).toMatchObject({ syncUrl: 'https://claims.example.com/batches', syncTokenSet: true })
    expect(JSON.stringify(rules)).not.toContain(token)
    expect(document.body.innerHTML).not.toContain(token)
    expect(sync.queryByLabelText(/API token/)).not.toBeInTheDocument()
    expect(sync.getByLabelText('Endpoint URL (optional)')).toHaveValue('https://claims.example.com/batches')

    // Replace opens an empty box (focused); keeping the stored one closes it again.
    await user.click(sync.getByRole('button', { name: 'Replace token' }))
    const fresh = sync.getByLabelText('New API token')
    expect(fresh).toHaveFocus()
    expect(fresh).toHaveValue('')
    await user.click(sync.getByRole('button', { name: 'Keep the stored token' }))
    expect(sync.getByRole('button', { name: 'Replace token' })).toHaveFocus()

    // Forget takes effect on save.
    await user.click(sync.getByRole('button', { name: 'Forget token' }))
    expect(sync.getByText('The stored token will be forgotten when you save.')).toBeInTheDocument()
    await user.click(save(form))
    expect(await sync.findByLabelText('API token (optional)')).toHaveValue('')
    expect(await h.call('manufacturers.claimRules', { manufacturerId: moto })).toMatchObject({ syncTokenSet: false })
    const audit = h.ledger.sqlite.prepare(`SELECT details_json FROM audit_log WHERE action = 'manufacturers.updateClaimRules'`).all() as { details_json: string }[]
    expect(audit.map((row) => row.details_json).join('\n')).not.toContain(token)
  })

  it('refuses a plain http:// endpoint next to the field', async () => {
    const { user } = await openMotorola()
    const form = await motorolaForm()
    const url = group(form, 'Online submission').getByLabelText('Endpoint URL (optional)')
    await user.type(url, 'http://example.com')
    await user.click(save(form))
    await waitFor(() => expect(url).toHaveAttribute('aria-invalid', 'true'))
    expect(url).toHaveAccessibleDescription(/https:\/\//)
    expect(url).toHaveFocus()
    expect((await h.call('manufacturers.claimRules', { manufacturerId: moto })).syncUrl).toBeNull()
  })

  it('shows a technician the rules without anything to edit, in Chinese', async () => {
    await h.call('manufacturers.updateClaimRules', { manufacturerId: moto, labourRates: { L2: 4500 }, partsMarkupBp: 1500, syncUrl: 'https://claims.example.com/b', syncToken: 'tok-SECRET-4f9a2c71' })
    const tech = await h.call('staff.create', { name: '李师傅', role: 'technician', pin: '1357' })
    await h.call('auth.signIn', { staffId: tech.id, pin: '1357' }, 'bench')
    const { section } = await openMotorola('zh-CN', 'bench')
    expect(within(section).getByText('只有店主可以修改索赔规则。')).toBeInTheDocument()
    expect(await within(section).findByRole('heading', { name: 'Motorola 的索赔规则' })).toBeInTheDocument()
    expect(within(section).getByText('工时费，L2（模块更换）').nextSibling).toHaveTextContent('45.00')
    expect(within(section).getByText('工时费，L1（软件）').nextSibling).toHaveTextContent('未设置')
    expect(within(section).getByText('店内库存配件加价率（%）').nextSibling).toHaveTextContent('15%')
    expect(within(section).getByText('https://claims.example.com/b')).toBeInTheDocument()
    expect(within(section).getByText('已保存令牌。')).toBeInTheDocument()
    expect(within(section).getByRole('table', { name: 'Motorola 索赔文件的列' })).toBeInTheDocument()
    expect(within(section).queryByRole('textbox')).not.toBeInTheDocument()
    expect(within(section).queryByRole('button', { name: '保存索赔规则' })).not.toBeInTheDocument()
    expect(document.body.innerHTML).not.toContain('tok-SECRET')
  })

  it('has no axe violations in the owner’s editor, errors shown', async () => {
    const { user } = await openMotorola()
    const form = await motorolaForm()
    const window = group(form, 'Deadlines').getByLabelText('Claim window (days)')
    await user.clear(window)
    await user.type(window, '5000')
    await user.click(save(form))
    await waitFor(() => expect(window).toHaveAttribute('aria-invalid', 'true'))
    const results = await axe.run(form, { rules: { 'color-contrast': { enabled: false } } })
    expect(results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([])
  }, 60_000)
})
