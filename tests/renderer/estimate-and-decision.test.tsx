import { screen, waitFor, within } from '@testing-library/react'
import { describe, expect, it } from 'vitest'
import { paymentsOf } from './fake-payments'
import { renderApp } from './render-app'
import { factValue, offeredSteps, openTicketPage, sampleDiagnosis, workshop } from './workflow-fixtures'

function quotedTicket(pricesIncludeTax = true) {
  const shop = workshop()
  shop.server.settings = { ...shop.server.settings!, pricesIncludeTax }
  const ticket = shop.ticketAt('awaiting_approval')
  shop.ledger.setWork(ticket.id, { paid: true, diagnosis: sampleDiagnosis })
  openTicketPage(ticket.id)
  return { ...shop, ticket }
}

async function typeLines(user: ReturnType<typeof renderApp>['user'], form: HTMLElement) {
  const first = within(form).getByRole('group', { name: 'Line 1' })
  await user.type(within(first).getByLabelText('Description'), 'Display assembly swap')
  await user.type(within(first).getByLabelText('Unit price'), '100')
  await user.click(within(form).getByRole('button', { name: 'Add line' }))
  const second = within(form).getByRole('group', { name: 'Line 2' })
  expect(within(second).getByLabelText('Type')).toHaveFocus()
  expect(within(second).getByLabelText('Type')).toHaveValue('part')
  await user.type(within(second).getByLabelText('Description'), 'Screen protector')
  await user.clear(within(second).getByLabelText('Qty'))
  await user.type(within(second).getByLabelText('Qty'), '2')
  await user.type(within(second).getByLabelText('Unit price'), '50')
}

describe('estimate form', () => {
  it('shows live totals with tax inside tax-inclusive prices, and sends minor units', async () => {
    const { server, ticket } = quotedTicket(true)
    const { user } = renderApp(server, 'en')
    await user.click(await screen.findByRole('button', { name: 'Write estimate' }))
    const form = screen.getByRole('form', { name: 'Write estimate' })
    expect(factValue(form, 'Total')).toBe('CN¥0.00')
    await typeLines(user, form)
    expect(factValue(form, 'Net of tax')).toBe('CN¥176.99')
    expect(factValue(form, 'Tax (13%)')).toBe('CN¥23.01')
    expect(factValue(form, 'Total')).toBe('CN¥200.00')
    expect(within(form).getByText('Prices include tax.')).toBeInTheDocument()

    await user.click(within(form).getByRole('button', { name: 'Save estimate' }))
    expect(await screen.findByText('Saved: Write estimate.')).toBeInTheDocument()
    expect(server.callsTo('tickets.estimate')).toEqual([
      {
        id: ticket.id,
        lines: [
          { kind: 'labour', description: 'Display assembly swap', quantity: 1, unitPriceMinor: 10000 },
          { kind: 'part', description: 'Screen protector', quantity: 2, unitPriceMinor: 5000 },
        ],
        note: '',
      },
    ])
    const table = await screen.findByRole('table', { name: 'Estimate lines' })
    expect(within(table).getByRole('row', { name: /Screen protector/ })).toHaveTextContent('PartScreen protector2CN¥50.00CN¥100.00')
    expect(within(table).getByRole('row', { name: /^Total/ })).toHaveTextContent('CN¥200.00')
    expect(screen.getByRole('heading', { level: 3, name: 'Estimate, revision 1' })).toBeInTheDocument()
    await waitFor(async () => expect(await offeredSteps()).toEqual(['Write estimate', 'Customer approves', 'Customer declines', 'Cancel ticket', 'Assign technician', 'Add note']))
  })

  it('adds tax on top of net prices', async () => {
    const { server } = quotedTicket(false)
    const { user } = renderApp(server, 'en')
    await user.click(await screen.findByRole('button', { name: 'Write estimate' }))
    const form = screen.getByRole('form', { name: 'Write estimate' })
    await typeLines(user, form)
    expect(factValue(form, 'Net of tax')).toBe('CN¥200.00')
    expect(factValue(form, 'Tax (13%)')).toBe('CN¥26.00')
    expect(factValue(form, 'Total')).toBe('CN¥226.00')
    expect(within(form).getByText('Prices are net; tax is added.')).toBeInTheDocument()
  })

  it('refuses a fraction of a cent at the price field, translated, before asking the ledger', async () => {
    const { server } = quotedTicket()
    server.settings!.locale = 'zh-CN'
    const { user } = renderApp(server, 'zh-CN')
    await user.click(await screen.findByRole('button', { name: '填写报价' }))
    const form = screen.getByRole('form', { name: '填写报价' })
    const line = within(form).getByRole('group', { name: '第 1 行' })
    await user.type(within(line).getByLabelText('说明'), '更换屏幕')
    const price = within(line).getByLabelText('单价')
    await user.type(price, '12.345')
    expect(factValue(form, '合计')).toBe('¥0.00')
    await user.click(within(form).getByRole('button', { name: '保存报价' }))
    expect(price).toHaveAccessibleDescription('该货币最多 2 位小数。')
    expect(price).toHaveAttribute('aria-invalid', 'true')
    expect(price).toHaveFocus()
    expect(within(form).getByRole('alert')).toHaveTextContent('有些字段需要修改。')
    expect(server.callsTo('tickets.estimate')).toEqual([])

    await user.clear(price)
    await user.type(price, '12.34')
    expect(price).not.toHaveAttribute('aria-invalid')
    expect(factValue(form, '合计')).toBe('¥12.34')
  })
})

describe('customer decision and the rest of a paid repair', () => {
  it('records a decline with a diagnosis fee, then readies and hands back the unrepaired device', async () => {
    const { server, ticket, ledger, zhang } = quotedTicket()
    ledger.setWork(ticket.id, {
      estimate: { revision: 1, atMs: 0, staffName: 'Wang Fang', lines: [{ kind: 'labour', description: 'Board repair', quantity: 1, unitPriceMinor: 80000, lineTotalMinor: 80000, partId: null }], linesMinor: 80000, netMinor: 70796, taxMinor: 9204, totalMinor: 80000, taxRateBp: 1300, pricesIncludeTax: true },
    })
    const { user } = renderApp(server, 'en')
    await user.click(await screen.findByRole('button', { name: 'Customer declines' }))
    const form = screen.getByRole('form', { name: 'Customer decision' })
    const answer = within(form).getByRole('group', { name: 'The customer’s answer' })
    expect(within(answer).getByLabelText('Declined')).toBeChecked()
    await user.type(within(form).getByLabelText('Diagnosis fee (optional)'), '3.5.0')
    await user.click(within(form).getByRole('button', { name: 'Save decision' }))
    expect(within(form).getByLabelText('How the customer answered')).toHaveAccessibleDescription('Choose how the customer answered.')
    expect(within(form).getByLabelText('Diagnosis fee (optional)')).toHaveAccessibleDescription(/Enter an amount such as 12.30./)
    await user.selectOptions(within(form).getByLabelText('How the customer answered'), 'By phone')
    await user.clear(within(form).getByLabelText('Diagnosis fee (optional)'))
    await user.type(within(form).getByLabelText('Diagnosis fee (optional)'), '30')
    await user.click(within(form).getByRole('button', { name: 'Save decision' }))
    await waitFor(() => expect(server.callsTo('tickets.decide')).toEqual([{ id: ticket.id, decision: 'declined', via: 'phone', diagnosisFeeMinor: 3000, note: '' }]))
    expect(await screen.findByText('Declined, By phone')).toBeInTheDocument()
    expect(within(screen.getByRole('region', { name: 'Repair work' })).getByText('CN¥30.00')).toBeInTheDocument()

    await user.click(await screen.findByRole('button', { name: 'Mark ready for pickup' }))
    const ready = screen.getByRole('form', { name: 'Mark ready for pickup' })
    await user.selectOptions(within(ready).getByLabelText('How the customer was told'), 'WeChat')
    await user.keyboard('{Control>}{Enter}{/Control}')
    await waitFor(() => expect(server.callsTo('tickets.markReady')).toEqual([{ id: ticket.id, contactedVia: 'wechat', note: '' }]))

    // Hand-back waits for the fee to be paid (payments-*.test.tsx take it through the page).
    paymentsOf(server).pay(ticket.id, 3000, 'card')
    await user.click(await screen.findByRole('button', { name: 'Hand back' }))
    const handBack = screen.getByRole('form', { name: 'Hand back' })
    expect(within(handBack).getByLabelText('Collected by')).toHaveValue(zhang.name)
    await user.click(within(handBack).getByRole('button', { name: 'Confirm hand-back' }))
    await waitFor(async () => expect(await offeredSteps()).toEqual(['Add note']))
    expect(server.callsTo('tickets.collect')).toEqual([{ id: ticket.id, collectedBy: zhang.name, note: '' }])
    const handBackFacts = screen.getByRole('heading', { level: 3, name: 'Hand-back' }).parentElement!
    expect(handBackFacts).toHaveTextContent('OutcomeReturned unrepaired')
    expect(handBackFacts).toHaveTextContent(`Collected by${zhang.name}`)
  })

  it('names both statuses, translated, when the ledger refuses a step the page still offered', async () => {
    const { server, ticketAt, ledger } = workshop()
    const ticket = ticketAt('awaiting_parts')
    openTicketPage(ticket.id)
    server.settings!.locale = 'zh-CN'
    const { user } = renderApp(server, 'zh-CN')
    await user.click(await screen.findByRole('button', { name: '开始维修' }))
    // Someone cancels the ticket at the counter while this page is open.
    ledger.tickets.find((t) => t.id === ticket.id)!.status = 'cancelled'
    await user.click(screen.getByRole('button', { name: '确认开始维修' }))
    const form = screen.getByRole('form', { name: '开始维修' })
    expect(await within(form).findByRole('alert')).toHaveTextContent('该工单无法从“已取消”变为“维修中”。')
    await waitFor(() => expect(screen.getByText('已取消', { selector: '.tag' })).toBeInTheDocument())
    expect(screen.queryByRole('button', { name: '开始维修' })).not.toBeInTheDocument()
  })
})
