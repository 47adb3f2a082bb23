import { screen, waitFor, within } from '@testing-library/react'
import { describe, expect, it } from 'vitest'
import { createFakeServer, fixedNowMs } from './fake-server'
import { day, staff } from './intake-fixtures'
import { renderApp } from './render-app'
import { workshop } from './workflow-fixtures'

function busyShop() {
  const shop = workshop('Wang Fang')
  const chen = shop.ledger.addCustomer({ name: 'Chen Jie', phone: '13912345678' })
  const tablet = shop.ledger.addDevice({ modelId: shop.redmi.id, serial: 'RN13X0042', ownerCustomerId: chen.id })
  const late = shop.ledger.addTicket({ customerId: chen.id, deviceId: tablet.id, status: 'in_repair', receivedAtMs: fixedNowMs - 5 * day, promisedDate: '2026-11-25', assignedStaffName: 'Wang Fang' })
  const quote = shop.ticketAt('awaiting_approval', { assignedStaffName: 'Li Wei' })
  const parts = shop.ticketAt('awaiting_parts', { assignedStaffName: 'Wang Fang' })
  const ready = shop.ticketAt('ready')
  shop.ticketAt('received')
  shop.ticketAt('received')
  return { ...shop, chen, late, quote, parts, ready }
}

const section = (name: string) => screen.getByRole('heading', { level: 3, name: new RegExp(`^${name}`) }).parentElement!

describe('counter board', () => {
  it('shows every open status with its count, the overdue, waiting lists and my queue, with the scan field still focused', async () => {
    const { server, late, quote, parts, ready } = busyShop()
    renderApp(server, 'en')
    const scan = await screen.findByLabelText('IMEI / serial')
    await waitFor(() => expect(scan).toHaveFocus())

    const board = await screen.findByRole('region', { name: 'Counter board' })
    const counts = within(board).getByRole('list', { name: 'Open tickets by status' })
    expect(within(counts).getAllByRole('listitem').map((item) => item.textContent)).toEqual([
      '2 Received',
      '0 Diagnosing',
      '1 Awaiting approval',
      '1 Awaiting parts',
      '1 In repair',
      '1 Ready for pickup',
      '0 Declined',
    ])

    const overdue = within(board).getByRole('table', { name: 'Overdue' })
    const lateRow = within(overdue).getByRole('row', { name: new RegExp(late.number) })
    expect(lateRow).toHaveTextContent('Chen JieXiaomi Redmi Note 13In repairNov 25, 2026Overdue')
    expect(within(lateRow).getByRole('link', { name: late.number })).toHaveAttribute('href', `#/tickets/${late.id}`)

    const customer = within(board).getByRole('table', { name: 'Waiting on the customer' })
    expect(within(customer).getAllByRole('rowheader').map((cell) => cell.textContent)).toEqual([quote.number, ready.number])
    expect(within(within(board).getByRole('table', { name: 'Waiting on parts' })).getAllByRole('rowheader').map((c) => c.textContent)).toEqual([parts.number])

    const mine = within(board).getByRole('table', { name: 'My queue' })
    expect(within(mine).getAllByRole('rowheader').map((cell) => cell.textContent)).toEqual([late.number, parts.number])
    expect(section('My queue')).toHaveTextContent('My queue (2)')
    expect(server.callsTo('tickets.board')).toEqual([{}])
  })

  it('shows another technician’s queue from the select, and back to my own', async () => {
    const { server, quote } = busyShop()
    const { user } = renderApp(server, 'en')
    const select = await screen.findByLabelText('Show the queue of')
    expect(select).toHaveDisplayValue('Wang Fang')
    await user.selectOptions(select, 'Li Wei')
    const queue = await screen.findByRole('table', { name: 'Queue of Li Wei' })
    expect(within(queue).getAllByRole('rowheader').map((cell) => cell.textContent)).toEqual([quote.number])
    expect(server.callsTo('tickets.board').at(-1)).toEqual({ staffId: server.staff.find((s) => s.name === 'Li Wei')!.id })

    await user.selectOptions(screen.getByLabelText('Show the queue of'), 'Wang Fang')
    expect(await screen.findByRole('table', { name: 'My queue' })).toBeInTheDocument()
  })

  it('designs the empty board, jumps to it with Alt+B, and opens the ticket book filtered by a count', async () => {
    const { user } = renderApp(createFakeServer({ staff, signedInAs: 'Li Wei' }), 'en')
    await screen.findByRole('region', { name: 'Counter board' })
    expect(await screen.findByText('Nothing is overdue.')).toBeInTheDocument()
    expect(screen.getByText('No ticket is waiting on a customer’s answer or pickup.')).toBeInTheDocument()
    expect(screen.getByText('No ticket is waiting on parts.')).toBeInTheDocument()
    expect(screen.getByText('No open tickets are assigned to Li Wei.')).toBeInTheDocument()
    expect(screen.queryByRole('table', { name: 'Overdue' })).not.toBeInTheDocument()

    await user.keyboard('{Alt>}b{/Alt}')
    expect(screen.getByRole('heading', { level: 2, name: 'Counter board' })).toHaveFocus()
    expect(screen.getByRole('button', { name: 'Go to the counter board' })).toHaveAttribute('aria-keyshortcuts', 'Alt+B')

    await user.click(screen.getByRole('link', { name: '0 Awaiting parts' }))
    expect(await screen.findByRole('checkbox', { name: 'Awaiting parts' })).toBeChecked()
    expect(window.location.hash).toBe('#/tickets')
  })
})
