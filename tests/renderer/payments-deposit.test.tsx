import { screen, waitFor, within } from '@testing-library/react'
import { describe, expect, it } from 'vitest'
import { paymentsOf } from './fake-payments'
import { knownImei, seededServer, validImei } from './intake-fixtures'
import { pinTheClock } from './payments-fixtures'
import { renderApp } from './render-app'

pinTheClock()

async function scan(user: ReturnType<typeof renderApp>['user'], text: string) {
  await waitFor(() => expect(screen.getByLabelText('IMEI / serial')).toHaveFocus())
  await user.keyboard(`${text}{Enter}`)
}

describe('deposit at intake', () => {
  it('takes a cash deposit with the device, refused on the method while the drawer is closed', async () => {
    const { server, galaxy } = seededServer()
    const { user } = renderApp(server, 'en')
    const imei = validImei('35291110123456')
    await scan(user, imei)
    await waitFor(() => expect(screen.getByRole('combobox', { name: 'Device model' })).toHaveFocus())
    await user.keyboard('s24')
    await waitFor(() => expect(within(screen.getByRole('listbox', { name: 'Device model', hidden: true })).getAllByRole('option')).toHaveLength(1))
    await user.keyboard('{Enter}')
    await user.click(screen.getByRole('button', { name: 'New customer' }))
    await user.type(screen.getByLabelText('Customer name'), '刘洋')
    await user.type(screen.getByLabelText('Phone'), '13900001111')
    await user.type(screen.getByLabelText('Reported fault (customer’s words)'), 'Does not charge')

    // No purchase date: out of warranty, so paid work, and a deposit may be taken.
    const deposit = screen.getByRole('region', { name: 'Deposit' })
    expect(within(deposit).queryByRole('group', { name: 'Method' })).not.toBeInTheDocument()
    await user.type(within(deposit).getByLabelText('Deposit (optional)'), '100')
    expect(within(deposit).getByRole('radio', { name: 'Cash' })).toBeChecked()
    await user.type(within(deposit).getByLabelText('Cash handed over (optional)'), '150')
    expect(within(deposit).getByText('Change to give: CN¥50.00')).toBeInTheDocument()
    expect(await within(deposit).findByText(/The cash drawer is closed/)).toBeInTheDocument()

    await user.click(screen.getByRole('button', { name: 'Take in device' }))
    const method = within(deposit).getByRole('group', { name: 'Method' })
    await waitFor(() => expect(method).toHaveTextContent('The cash drawer is not open: open it with its float before taking or giving back cash.'))
    expect(server.ledger.tickets).toHaveLength(1) // only the seeded earlier ticket: nothing half-saved

    paymentsOf(server).openDrawer(20000)
    await user.click(screen.getByRole('button', { name: 'Take in device' }))
    await screen.findByRole('heading', { level: 2, name: /^Ticket R2611-\d{4} taken in$/ })
    expect(server.callsTo('tickets.intake').at(-1)).toEqual(
      expect.objectContaining({ device: { new: { modelId: galaxy.id, imei } }, deposit: { amountMinor: 10000, method: 'cash', reference: '', tenderedMinor: 15000 } }),
    )
    expect(await screen.findByText('Deposit of CN¥100.00 taken by Cash. Give CN¥50.00 change.')).toBeInTheDocument()
    const ticket = server.ledger.tickets.at(-1)!
    const depositRow = paymentsOf(server).payments.at(-1)!
    expect(depositRow).toMatchObject({ ticketId: ticket.id, kind: 'deposit', amountMinor: 10000, tenderedMinor: 15000, changeMinor: 5000 })
    expect(screen.getByRole('link', { name: 'Print deposit receipt (80 mm)' })).toHaveAttribute('href', `#/tickets/${ticket.id}/print/payment-80/${depositRow.id}`)
  })

  it('takes no deposit for a device in warranty, and sends none when the amount is left empty', async () => {
    const { server } = seededServer()
    const { user } = renderApp(server, 'en')
    await scan(user, knownImei)
    const deposit = screen.getByRole('region', { name: 'Deposit' })
    expect(await within(deposit).findByText('In warranty: the manufacturer pays, so no deposit is taken.')).toBeInTheDocument()
    expect(within(deposit).queryByLabelText('Deposit (optional)')).not.toBeInTheDocument()
    await user.type(screen.getByLabelText('Reported fault (customer’s words)'), 'Battery drains')
    await user.click(screen.getByRole('button', { name: 'Take in device' }))
    await screen.findByRole('heading', { level: 2, name: /taken in$/ })
    expect(server.callsTo('tickets.intake').at(-1)).not.toHaveProperty('deposit')
    expect(screen.queryByText(/Deposit of/)).not.toBeInTheDocument()
  })
})
