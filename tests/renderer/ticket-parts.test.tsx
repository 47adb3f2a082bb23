import { screen, waitFor, within } from '@testing-library/react'
import { describe, expect, it } from 'vitest'
import { renderApp } from './render-app'
import { stockroom } from './stock-fixtures'
import { inWarranty, openTicketPage } from './workflow-fixtures'

const partsRegion = () => screen.findByRole('region', { name: 'Parts' })

describe('ticket page: parts', () => {
  it('uses a part on a warranty repair from the manufacturer’s consigned stock, keeps the old one for RMA, then returns the new one unused', async () => {
    const { server, ticketAt, screenPart, samsungPool } = stockroom('Wang Fang')
    const ticket = ticketAt('in_repair', { warranty: inWarranty })
    openTicketPage(ticket.id)
    const { user } = renderApp(server, 'en')
    const region = await partsRegion()
    expect(await within(region).findByText('This ticket takes parts from: Samsung consigned, then Shop stock.')).toBeInTheDocument()
    expect(within(region).getByText('No parts used on this ticket yet.')).toBeInTheDocument()

    await user.click(within(region).getByRole('button', { name: 'Use parts' }))
    const form = within(region).getByRole('form', { name: 'Use a part on this ticket' })
    const picker = within(form).getByRole('combobox', { name: 'Part' })
    expect(picker).toHaveFocus()
    // The device's model first: only the Galaxy S24 parts are offered.
    const options = await within(within(form).getByRole('listbox', { name: 'Part', hidden: true })).findAllByRole('option')
    expect(options.map((option) => option.querySelector('.option-main')?.textContent)).toEqual(['CAM-S24 — Galaxy S24 rear camera', 'SCR-S24 — Galaxy S24 display assembly'])
    expect(server.callsTo('parts.search').at(-1)).toEqual({ query: '', limit: 20, modelId: server.ledger.models[0]!.id })
    await user.type(picker, 'display{Enter}')
    await waitFor(() => expect(picker).toHaveValue('SCR-S24 — Galaxy S24 display assembly'))
    expect(within(form).getByText('Will come from Samsung consigned (2 on hand).')).toHaveAttribute('role', 'status')
    expect(within(form).getByLabelText('Keep the removed part for the manufacturer')).toBeChecked()
    expect(within(form).queryByLabelText('Serial of the fitted part')).not.toBeInTheDocument()
    await user.click(within(form).getByRole('button', { name: 'Use part' }))

    expect(await within(region).findByText('Used 1 × SCR-S24 from Samsung consigned.')).toBeInTheDocument()
    expect(server.callsTo('tickets.useParts')).toEqual([{ id: ticket.id, note: '', lines: [{ partId: screenPart.id, quantity: 1, keepDefective: true }] }])
    expect(within(region).getByRole('button', { name: 'Use parts' })).toHaveFocus()
    const lines = within(region).getByRole('table', { name: 'Parts used on this ticket' })
    expect(within(lines).getAllByRole('row')[1]).toHaveTextContent(/SCR-S24 Galaxy S24 display assemblySamsung consigned10CN¥980.00/)
    const defective = within(region).getByRole('table', { name: 'Defective parts kept for the manufacturer' })
    expect(within(defective).getAllByRole('row')[1]).toHaveTextContent('Days left: 30')
    expect(within(defective).getAllByRole('row')[1]).toHaveTextContent('Dec 27, 2026')
    expect(server.stock.onHand(screenPart.id, samsungPool)).toBe(1)

    await user.click(within(lines).getByRole('button', { name: 'Return unused SCR-S24' }))
    const back = within(region).getByRole('form', { name: 'Return unused SCR-S24 — Galaxy S24 display assembly' })
    expect(within(back).getByLabelText('Quantity')).toHaveValue('1')
    await user.type(within(back).getByLabelText('Reason (optional)'), 'Original screen fine after reseat')
    await user.click(within(back).getByRole('button', { name: 'Return to stock' }))
    expect(await within(region).findByText('Returned 1 × SCR-S24 to Samsung consigned.')).toBeInTheDocument()
    const movementId = server.stock.movements.find((m) => m.kind === 'consume')!.id
    expect(server.callsTo('tickets.returnPart')).toEqual([{ id: ticket.id, movementId, quantity: 1, reason: 'Original screen fine after reseat' }])
    await waitFor(() => expect(within(lines).getAllByRole('row')[1]).toHaveTextContent(/Samsung consigned11/))
    expect(within(lines).queryByRole('button', { name: 'Return unused SCR-S24' })).not.toBeInTheDocument()
    // The old part stayed in the phone: nothing is owed any more.
    expect(within(region).queryByRole('table', { name: 'Defective parts kept for the manufacturer' })).not.toBeInTheDocument()
  })

  it('asks a serialized part for its serials and one at a time', async () => {
    const { server, ticketAt, camera } = stockroom('Wang Fang')
    const ticket = ticketAt('awaiting_parts', { warranty: inWarranty })
    openTicketPage(ticket.id)
    const { user } = renderApp(server, 'en')
    const region = await partsRegion()
    await user.click(await within(region).findByRole('button', { name: 'Use parts' }))
    const form = within(region).getByRole('form', { name: 'Use a part on this ticket' })
    await user.type(within(form).getByRole('combobox', { name: 'Part' }), 'camera{Enter}')
    const serial = await within(form).findByLabelText('Serial of the fitted part')
    await user.clear(within(form).getByLabelText('Quantity'))
    await user.type(within(form).getByLabelText('Quantity'), '2')
    await user.click(within(form).getByRole('button', { name: 'Use part' }))
    expect(within(form).getByLabelText('Quantity')).toHaveAccessibleDescription('A serialized part is used one at a time, each with its own serial.')
    expect(serial).toHaveAccessibleDescription('This part is serialized: enter the fitted part’s serial.')

    await user.clear(within(form).getByLabelText('Quantity'))
    await user.type(within(form).getByLabelText('Quantity'), '1')
    await user.type(serial, 'cam-0001')
    await user.type(within(form).getByLabelText('Serial of the removed part (optional)'), 'CAM-OLD-9')
    await user.click(within(form).getByLabelText('Keep the removed part for the manufacturer'))
    await user.click(within(form).getByRole('button', { name: 'Use part' }))
    expect(await within(region).findByText('Used 1 × CAM-S24 from Samsung consigned.')).toBeInTheDocument()
    expect(server.callsTo('tickets.useParts')).toEqual([{ id: ticket.id, note: '', lines: [{ partId: camera.id, quantity: 1, serial: 'cam-0001', oldSerial: 'CAM-OLD-9', keepDefective: false }] }])
    expect(within(region).getByRole('table', { name: 'Parts used on this ticket' })).toHaveTextContent('Fitted CAM-0001')
  })

  it('offers parts only while the ticket waits for parts or is in repair, and shows a paid ticket’s shortage before and after saving', async () => {
    const { server, ticketAt } = stockroom('Wang Fang')
    const diagnosing = ticketAt('diagnosing')
    openTicketPage(diagnosing.id)
    const { user } = renderApp(server, 'en')
    const region = await partsRegion()
    expect(await within(region).findByText('Parts can be used while the ticket waits for parts or is in repair; it is now “Diagnosing”.')).toBeInTheDocument()
    expect(within(region).queryByRole('button', { name: 'Use parts' })).not.toBeInTheDocument()

    const paid = ticketAt('in_repair')
    window.location.hash = `#/tickets/${paid.id}`
    await screen.findByRole('heading', { level: 1, name: `Ticket ${paid.number}` })
    const paidRegion = await partsRegion()
    expect(await within(paidRegion).findByText('This ticket takes parts from: Shop stock.')).toBeInTheDocument()
    await user.click(within(paidRegion).getByRole('button', { name: 'Use parts' }))
    const form = within(paidRegion).getByRole('form', { name: 'Use a part on this ticket' })
    await user.type(within(form).getByRole('combobox', { name: 'Part' }), 'camera{Enter}')
    expect(await within(form).findByText('No pool of this ticket has 1 on hand (Shop stock: 0).')).toBeInTheDocument()
    // Paid work: the old part is the customer's, so there is nothing to keep for a manufacturer.
    expect(within(form).queryByLabelText('Keep the removed part for the manufacturer')).not.toBeInTheDocument()
    await user.type(within(form).getByLabelText('Serial of the fitted part'), 'CAM-0002')
    await user.click(within(form).getByRole('button', { name: 'Use part' }))
    expect(await within(form).findByRole('alert')).toHaveTextContent('Not enough CAM-S24 for this ticket: 1 needed and none of the stock it may use has that many.')
    expect(server.callsTo('tickets.useParts').at(-1)).toMatchObject({ lines: [{ keepDefective: false }] })
  })
})
