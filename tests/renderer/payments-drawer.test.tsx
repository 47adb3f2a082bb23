import { screen, waitFor, within } from '@testing-library/react'
import { describe, expect, it } from 'vitest'
import { paidRepair, pinTheClock } from './payments-fixtures'
import { renderApp } from './render-app'
import { factValue } from './workflow-fixtures'

pinTheClock()

function openPayments() {
  window.history.replaceState(null, '', '/#/payments')
}

describe('payments screen: the cash drawer', () => {
  it('opens the drawer with a float, pays out, and closes it counted by notes and coins, showing over / short', async () => {
    const { server, ticket, payments } = paidRepair()
    openPayments()
    const { user } = renderApp(server, 'en')
    expect(await screen.findByRole('heading', { level: 1, name: 'Payments' })).toHaveFocus()
    const drawer = await screen.findByRole('region', { name: 'Cash drawer' })
    expect(await within(drawer).findByText('The drawer is closed. Open it with its float before taking or giving back cash.')).toBeInTheDocument()
    const open = within(drawer).getByRole('form', { name: 'Open the drawer' })
    await user.type(within(open).getByLabelText('Float'), '200{Enter}')
    await waitFor(() => expect(server.callsTo('cash.open')).toEqual([{ floatMinor: 20000, note: '' }]))
    expect(await within(drawer).findByText('Drawer opened with a float of CN¥200.00.')).toBeInTheDocument()
    expect(within(drawer).getByRole('heading', { level: 2, name: 'Cash drawer' })).toHaveFocus()
    expect(await within(drawer).findByText('CN¥200.00', { selector: 'strong' })).toBeInTheDocument()

    // A cash payment at the counter, then 30 paid out for printer paper.
    payments.pay(ticket.id, 12550, 'cash')
    await user.click(within(drawer).getByRole('button', { name: 'Paid in / paid out' }))
    const movement = within(drawer).getByRole('form', { name: 'Cash paid in or out' })
    expect(within(movement).getByRole('radio', { name: 'Paid out' })).toHaveFocus()
    await user.type(within(movement).getByLabelText('Amount'), '30')
    await user.type(within(movement).getByLabelText('Reason'), 'Printer paper{Enter}')
    expect(await within(drawer).findByText('CN¥30.00 paid out: Printer paper.')).toBeInTheDocument()
    expect(within(drawer).getByRole('button', { name: 'Paid in / paid out' })).toHaveFocus()
    expect(factValue(drawer, 'Cash taken')).toBe('CN¥125.50')
    expect(factValue(drawer, 'Paid out')).toBe('CN¥30.00')
    expect(within(drawer).getByText('Expected in the drawer now:').parentElement).toHaveTextContent('CN¥295.50')

    await user.click(within(drawer).getByRole('button', { name: 'Close the drawer' }))
    const close = within(drawer).getByRole('form', { name: 'Close the drawer' })
    await user.click(within(close).getByLabelText('Count by notes and coins'))
    await user.type(within(close).getByLabelText('CN¥100.00'), '2')
    await user.type(within(close).getByLabelText('CN¥50.00'), '1')
    await user.type(within(close).getByLabelText('CN¥20.00'), '2')
    await user.type(within(close).getByLabelText('CN¥1.00'), '5')
    await user.type(within(close).getByLabelText('CN¥0.10'), 'x')
    const counted = within(close).getByRole('table', { name: 'Notes and coins' })
    expect(within(counted).getAllByRole('row').at(-1)).toHaveTextContent('CountedCN¥295.00')
    expect(factValue(close, 'Over / short')).toBe('Short by CN¥0.50')
    await user.keyboard('{Enter}')
    expect(within(close).getByLabelText('CN¥0.10')).toHaveAccessibleDescription('Enter a whole count from 0.')
    expect(within(close).getByLabelText('CN¥0.10')).toHaveFocus()
    expect(server.callsTo('cash.close')).toEqual([])
    await user.clear(within(close).getByLabelText('CN¥0.10'))
    await user.keyboard('{Enter}')

    await waitFor(() =>
      expect(server.callsTo('cash.close')).toEqual([
        {
          countedMinor: 29500,
          denominations: [
            { valueMinor: 10000, count: 2 },
            { valueMinor: 5000, count: 1 },
            { valueMinor: 2000, count: 2 },
            { valueMinor: 100, count: 5 },
          ],
          note: '',
        },
      ]),
    )
    expect(await within(drawer).findByText('Drawer closed: counted CN¥295.00, expected CN¥295.50. Short by CN¥0.50.')).toBeInTheDocument()
    expect(within(drawer).getByRole('heading', { level: 2, name: 'Cash drawer' })).toHaveFocus()
    const last = await within(drawer).findByRole('heading', { level: 3, name: 'Last close' })
    expect(factValue(last.parentElement!, 'Over / short')).toBe('Short by CN¥0.50')
    expect(factValue(last.parentElement!, 'Notes and coins')).toBe('CN¥100.00 × 2, CN¥50.00 × 1, CN¥20.00 × 2, CN¥1.00 × 5')
    expect(within(drawer).getByLabelText('Float')).toHaveAccessibleDescription(/The last close counted CN¥295.00./)
  })

  it('closes with one counted amount and refuses paying out more than the drawer holds', async () => {
    const { server, payments } = paidRepair()
    payments.openDrawer(5000)
    openPayments()
    const { user } = renderApp(server, 'en')
    const drawer = await screen.findByRole('region', { name: 'Cash drawer' })
    await user.click(await within(drawer).findByRole('button', { name: 'Paid in / paid out' }))
    const movement = within(drawer).getByRole('form', { name: 'Cash paid in or out' })
    await user.type(within(movement).getByLabelText('Amount'), '80')
    await user.type(within(movement).getByLabelText('Reason'), 'Courier{Enter}')
    expect(await within(movement).findByRole('alert')).toHaveTextContent('The drawer should hold only CN¥50.00: it cannot pay out more.')

    await user.click(within(drawer).getByRole('button', { name: 'Close the drawer' }))
    const close = within(drawer).getByRole('form', { name: 'Close the drawer' })
    await user.type(within(close).getByLabelText('Counted'), '52.3')
    expect(factValue(close, 'Over / short')).toBe('Over by CN¥2.30')
    await user.keyboard('{Enter}')
    expect(await within(drawer).findByText('Drawer closed: counted CN¥52.30, expected CN¥50.00. Over by CN¥2.30.')).toBeInTheDocument()
    expect(server.callsTo('cash.close')).toEqual([{ countedMinor: 5230, note: '' }])
  })
})

describe('payments screen: the day’s payments', () => {
  it('lists today’s payments with totals per method and net, each linked to its ticket; another day may be empty', async () => {
    const { server, ticket, payments } = paidRepair()
    payments.openDrawer(10000)
    const cash = payments.pay(ticket.id, 10000, 'cash')
    payments.pay(ticket.id, 2550, 'wechat')
    payments.payments.push({ ...cash, id: server.ledger.id(), kind: 'refund', amountMinor: -1000, tenderedMinor: null, changeMinor: null, refundOfPaymentId: cash.id, reason: 'Goodwill', approvedByName: 'Li Wei' })
    openPayments()
    const { user } = renderApp(server, 'en')
    const day = await screen.findByRole('region', { name: 'Today’s payments' })
    const totals = await within(day).findByRole('table', { name: 'Totals by method' })
    const rows = within(totals).getAllByRole('row')
    expect(rows[1]).toHaveTextContent('CashCN¥100.00CN¥10.00CN¥90.002')
    expect(rows[2]).toHaveTextContent('WeChat PayCN¥25.50CN¥0.00CN¥25.501')
    expect(rows.at(-1)).toHaveTextContent('Net, all methodsCN¥115.50')
    const list = within(day).getByRole('table', { name: 'Payments and refunds on Nov 27, 2026, oldest first' })
    expect(within(list).getAllByRole('link', { name: ticket.number })[0]).toHaveAttribute('href', `#/tickets/${ticket.id}`)
    expect(within(list).getAllByRole('row')[3]).toHaveTextContent('Refund · Cash-CN¥10.00Goodwill Approved by Li Wei')

    const date = within(day).getByLabelText('Day')
    await user.clear(date)
    await user.type(date, '2026-11-26')
    expect(await screen.findByRole('region', { name: 'Payments on Nov 26, 2026' })).toHaveTextContent('No payments or refunds on this day.')
    expect(server.callsTo('payments.list').at(-1)).toEqual({ date: '2026-11-26' })
  })
})
