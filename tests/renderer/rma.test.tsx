import { screen, waitFor, within } from '@testing-library/react'
import { describe, expect, it } from 'vitest'
import { renderApp } from './render-app'
import { openParts, stockroom } from './stock-fixtures'

/** Defective parts owed: Xiaomi's one is 5 days overdue; Samsung's two are due in 5 and 20 days. */
function owedParts() {
  const room = stockroom('Wang Fang')
  const { ledger, stock, zhang, redmi, samsung, xiaomi, ticketAt, battery, screenPart } = room
  const redmiPhone = ledger.addDevice({ modelId: redmi.id, ownerCustomerId: zhang.id })
  const redmiTicket = ledger.addTicket({ customerId: zhang.id, deviceId: redmiPhone.id, status: 'collected' })
  const galaxyTicket = ticketAt('ready')
  const overdue = stock.addDefective({ partId: battery.id, ticketId: redmiTicket.id, manufacturerId: xiaomi.id, removedDaysAgo: 35 })
  const soon = stock.addDefective({ partId: screenPart.id, ticketId: galaxyTicket.id, manufacturerId: samsung.id, removedDaysAgo: 25, oldSerial: 'OLD-SCR-1' })
  const later = stock.addDefective({ partId: screenPart.id, ticketId: galaxyTicket.id, manufacturerId: samsung.id, removedDaysAgo: 10 })
  return { ...room, redmiTicket, galaxyTicket, overdue, soon, later }
}

describe('parts screen: defective parts owed (RMA)', () => {
  it('lists the most overdue manufacturer first, with the days left of each part in words', async () => {
    openParts('rma')
    const { server, redmiTicket } = owedParts()
    renderApp(server, 'en')
    expect(await screen.findByRole('heading', { level: 1, name: 'Parts and stock' })).toHaveFocus()
    await screen.findByRole('heading', { level: 3, name: 'Xiaomi: parts owed' })
    expect(screen.getAllByRole('heading', { level: 3 }).map((h) => h.textContent)).toEqual(['Xiaomi: parts owed', 'Samsung: parts owed'])

    const xiaomi = screen.getByRole('region', { name: 'Xiaomi: parts owed' })
    expect(within(xiaomi).getByText('Overdue: 1')).toBeInTheDocument()
    const overdueRow = within(within(xiaomi).getByRole('table')).getAllByRole('row')[1]!
    expect(overdueRow).toHaveClass('row-overdue')
    expect(overdueRow).toHaveTextContent('Overdue by 5 days')
    expect(within(overdueRow).getByRole('link', { name: redmiTicket.number })).toHaveAttribute('href', `#/tickets/${redmiTicket.id}`)

    const samsung = screen.getByRole('region', { name: 'Samsung: parts owed' })
    const rows = within(within(samsung).getByRole('table')).getAllByRole('row').slice(1)
    expect(rows.map((row) => within(row).getAllByRole('cell').at(-1)!.textContent)).toEqual(['Days left: 5', 'Days left: 20'])
    expect(rows[0]).toHaveTextContent('OLD-SCR-1')
  })

  it('ships the ticked parts with a carrier and tracking number; they leave the owed list', async () => {
    openParts('rma')
    const { server, samsung, soon, later, galaxyTicket } = owedParts()
    const { user } = renderApp(server, 'en')
    const region = await screen.findByRole('region', { name: 'Samsung: parts owed' })
    const ship = within(region).getByRole('form', { name: 'Ship to Samsung' })
    // Everything owed starts ticked: a shipment usually empties the shelf.
    expect(within(region).getByLabelText('Select all')).toBeChecked()
    await user.click(within(region).getByLabelText('Select all'))
    await user.click(within(ship).getByRole('button', { name: 'Ship selected parts (0)' }))
    expect(within(region).getByText('Tick at least one part to ship.')).toBeInTheDocument()
    expect(within(region).getByLabelText('Select all')).toHaveFocus()
    expect(within(ship).getByLabelText('Carrier')).toHaveAccessibleDescription('This field is required.')

    // Both rows are the same part of the same ticket: the first (due soonest) goes.
    await user.click(within(region).getAllByRole('checkbox', { name: `Ship SCR-S24 of ticket ${galaxyTicket.number}` })[0]!)
    await user.type(within(ship).getByLabelText('Carrier'), 'SF Express')
    await user.type(within(ship).getByLabelText('Tracking number'), 'SF1234567890')
    await user.click(within(ship).getByRole('button', { name: 'Ship selected parts (1)' }))

    expect(await screen.findByText('Parts shipped to Samsung: 1, tracking SF1234567890.')).toBeInTheDocument()
    expect(server.callsTo('rma.ship')).toEqual([{ manufacturerId: samsung.id, defectiveIds: [soon.id], carrier: 'SF Express', trackingNumber: 'SF1234567890', note: '' }])
    await waitFor(() => expect(within(within(region).getByRole('table')).getAllByRole('row')).toHaveLength(2))
    expect(within(region).getByRole('table')).toHaveTextContent('Days left: 20')
    expect(server.stock.defective.find((d) => d.id === later.id)!.shipmentId).toBeNull()

    await user.click(screen.getByLabelText('Show recent shipments'))
    const shipments = await screen.findByRole('table', { name: 'Recent shipments' })
    expect(within(shipments).getAllByRole('row')[1]).toHaveTextContent(/SamsungSF ExpressSF1234567890SCR-S24 × 1 \(R\d{4}-\d{4}\)Wang Fang/)
  })

  it('says so when nothing is owed', async () => {
    openParts('rma')
    const { server } = stockroom()
    renderApp(server, 'en')
    expect(await screen.findByText('No defective parts are waiting to be returned.')).toBeInTheDocument()
  })
})
