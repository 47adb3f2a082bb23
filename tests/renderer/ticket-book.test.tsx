import { screen, waitFor, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { describe, expect, it } from 'vitest'
import { createFakeServer, fixedNowMs } from './fake-server'
import { day, seededServer, staff } from './intake-fixtures'
import { renderApp } from './render-app'

function open(hash: string) {
  window.history.replaceState(null, '', `/${hash}`)
}

function shopWithTickets() {
  const seeded = seededServer()
  const { ledger } = seeded.server
  const chen = ledger.addCustomer({ name: 'Chen Jie', phone: '13912345678' })
  const tablet = ledger.addDevice({ modelId: seeded.redmi.id, serial: 'RN13X0042', ownerCustomerId: chen.id })
  const late = ledger.addTicket({ customerId: chen.id, deviceId: tablet.id, receivedAtMs: fixedNowMs - 5 * day, promisedDate: '2026-11-25', status: 'in_repair', assignedStaffName: 'Wang Fang' })
  const repeat = ledger.addTicket({ customerId: seeded.zhang.id, deviceId: seeded.phone.id, repeatOfTicketId: seeded.earlier.id, warranty: { status: 'in_warranty', reason: 'within_period', endsOn: '2027-03-01', overrideNote: null } })
  return { ...seeded, chen, late, repeat }
}

describe('ticket book', () => {
  it('lists tickets newest first with overdue and repeat spelled out, the search box focused', async () => {
    const { server, late, repeat, earlier } = shopWithTickets()
    open('#/tickets')
    renderApp(server)
    const search = await screen.findByRole('searchbox', { name: 'Search tickets' })
    expect(search).toHaveFocus()
    const table = await screen.findByRole('table', { name: 'Tickets, newest first' })
    const rows = within(table).getAllByRole('row').slice(1)
    expect(rows.map((row) => within(row).getByRole('rowheader').textContent)).toEqual([repeat.number, late.number, earlier.number])
    expect(rows[0]).toHaveTextContent('Repeat repair')
    expect(rows[0]).toHaveTextContent('In warranty')
    expect(rows[1]).toHaveTextContent('Nov 25, 2026Overdue')
    expect(rows[1]).toHaveTextContent('RN13X0042')
    expect(rows[1]).toHaveTextContent('In repair')
    expect(rows[2]).not.toHaveTextContent('Overdue')
    expect(within(rows[1]!).getByRole('link', { name: late.number })).toHaveAttribute('href', `#/tickets/${late.id}`)
  })

  it('searches as you type and filters the list', async () => {
    const { server, late } = shopWithTickets()
    open('#/tickets')
    const { user } = renderApp(server)
    await screen.findByRole('table', { name: 'Tickets, newest first' })

    await user.type(screen.getByRole('searchbox', { name: 'Search tickets' }), '5678')
    const results = await screen.findByRole('table', { name: 'Tickets matching “5678”' })
    expect(within(results).getAllByRole('row')).toHaveLength(2)
    expect(within(results).getByRole('rowheader', { name: late.number })).toBeInTheDocument()
    expect(server.callsTo('tickets.search')).toEqual([{ query: '5678', limit: 50 }])

    await user.type(screen.getByRole('searchbox', { name: 'Search tickets' }), '0')
    expect(await screen.findByText('No tickets found for “56780”.')).toBeInTheDocument()

    await user.clear(screen.getByRole('searchbox', { name: 'Search tickets' }))
    await user.click(await screen.findByLabelText('Overdue only'))
    await waitFor(() => expect(within(screen.getByRole('table', { name: 'Tickets, newest first' })).getAllByRole('row')).toHaveLength(2))
    await user.click(screen.getByRole('checkbox', { name: 'Collected' }))
    expect(await screen.findByText('No tickets match these filters.')).toBeInTheDocument()
    expect(server.callsTo('tickets.list').at(-1)).toEqual({ statuses: ['collected'], overdue: true, limit: 50 })
  })

  it('keeps every character a scanner types into the search box, and the search on return', async () => {
    const { server, late } = shopWithTickets()
    open('#/tickets')
    renderApp(server)
    const scanner = userEvent.setup({ delay: null })
    const search = await screen.findByRole('searchbox', { name: 'Search tickets' })
    await scanner.type(search, late.number)
    expect(search).toHaveValue(late.number)
    await screen.findByRole('table', { name: `Tickets matching “${late.number}”` })

    window.location.hash = `#/tickets/${late.id}`
    await screen.findByRole('heading', { level: 1, name: `Ticket ${late.number}` })
    window.location.hash = '#/tickets'
    expect(await screen.findByRole('searchbox', { name: 'Search tickets' })).toHaveValue(late.number)
  })

  it('loads more with the last id shown', async () => {
    const { server, zhang, phone } = seededServer()
    for (let i = 0; i < 55; i++) server.ledger.addTicket({ customerId: zhang.id, deviceId: phone.id })
    open('#/tickets')
    const { user } = renderApp(server)
    const table = await screen.findByRole('table', { name: 'Tickets, newest first' })
    expect(within(table).getAllByRole('row')).toHaveLength(51)
    expect(screen.getByRole('status', { name: '' })).toHaveTextContent('Tickets shown: 50')
    await user.click(screen.getByRole('button', { name: 'Load more tickets' }))
    await waitFor(() => expect(within(table).getAllByRole('row')).toHaveLength(57))
    const lastOfFirstPage = server.ledger.tickets.map((t) => t.id).sort((a, b) => b - a)[49]
    expect(server.callsTo('tickets.list').at(-1)).toEqual({ statuses: [], overdue: false, limit: 50, beforeId: lastOfFirstPage })
    expect(screen.queryByRole('button', { name: 'Load more tickets' })).not.toBeInTheDocument()
  })

  it('says how to start when there are no tickets yet', async () => {
    open('#/tickets')
    renderApp(createFakeServer({ staff, signedInAs: 'Wang Fang' }))
    expect(await screen.findByText('No tickets yet — take a device in on the Counter (Alt+1).')).toBeInTheDocument()
  })
})

describe('ticket detail', () => {
  it('shows the customer, device, warranty, intake facts and timeline, with print links', async () => {
    const { server, repeat, earlier } = shopWithTickets()
    server.ledger.tickets.find((t) => t.id === repeat.id)!.condition = ['screen_cracked', 'dents']
    server.ledger.tickets.find((t) => t.id === repeat.id)!.accessories = ['charger', 'blue case']
    open(`#/tickets/${repeat.id}`)
    renderApp(server)
    expect(await screen.findByRole('heading', { level: 1, name: `Ticket ${repeat.number}` })).toHaveFocus()
    expect(await screen.findByRole('link', { name: `Repeat repair of ticket ${earlier.number}, collected on Oct 5, 2026` })).toHaveAttribute('href', `#/tickets/${earlier.id}`)
    const device = screen.getByRole('region', { name: 'Device' })
    expect(device).toHaveTextContent('Galaxy S24 (SM-S921B)')
    expect(screen.getByRole('region', { name: 'Warranty' })).toHaveTextContent('Within the warranty period')
    const intake = screen.getByRole('region', { name: 'Intake' })
    expect(intake).toHaveTextContent('Screen cracked, Dents')
    expect(intake).toHaveTextContent('Charger, blue case')
    expect(intake).toHaveTextContent('Passcode providedNo')
    const timeline = screen.getByRole('table', { name: 'What happened to this ticket, oldest first' })
    expect(within(timeline).getAllByRole('row')[1]).toHaveTextContent('Nov 27, 2026, 2:30 PMLi WeiTaken in (Received)')
    const print = screen.getByRole('group', { name: 'Print' })
    expect(within(print).getByRole('link', { name: 'Print receipt (80 mm)' })).toHaveAttribute('href', `#/tickets/${repeat.id}/print/receipt-80`)
  })

  it('edits the customer inline and sends only what changed', async () => {
    const { server, late, chen } = shopWithTickets()
    open(`#/tickets/${late.id}`)
    const { user } = renderApp(server)
    await user.click(await screen.findByRole('button', { name: 'Edit customer' }))
    const form = screen.getByRole('form', { name: `Edit customer ${chen.name}` })
    const phone = within(form).getByLabelText('Phone')
    await user.clear(phone)
    await user.type(phone, '139 1234 0000')
    await user.click(within(form).getByRole('button', { name: 'Save customer' }))
    expect(await screen.findByText('Customer saved.')).toBeInTheDocument()
    expect(server.callsTo('customers.update')).toEqual([{ id: chen.id, phone: '139 1234 0000' }])
    expect(await screen.findByText('13912340000')).toBeInTheDocument()
    expect(screen.getByRole('button', { name: 'Edit customer' })).toHaveFocus()
  })

  it('says so when the ticket does not exist', async () => {
    open('#/tickets/999')
    renderApp(seededServer().server)
    expect(await screen.findByText('This ticket does not exist. It may have come from an old link.')).toBeInTheDocument()
  })
})
