import { fireEvent, screen, waitFor, within } from '@testing-library/react'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { fixedNowMs } from './fake-server'
import { knownImei, seededServer, validImei } from './intake-fixtures'
import { renderApp } from './render-app'

// The renderer computes "today" from the real clock in the shop's zone: pin the clock (only Date,
// so timers and user-event run normally) to the fake ledger's 2026-11-27 14:30 Asia/Shanghai.
beforeEach(() => {
  vi.useFakeTimers({ toFake: ['Date'] })
  vi.setSystemTime(fixedNowMs)
})
afterEach(() => {
  vi.useRealTimers()
})

const faultLabel = 'Reported fault (customer’s words)'

async function scan(user: ReturnType<typeof renderApp>['user'], text: string) {
  await waitFor(() => expect(screen.getByLabelText('IMEI / serial')).toHaveFocus())
  await user.keyboard(`${text}{Enter}`)
}

describe('warranty preview', () => {
  it('shows in or out of warranty with the reason as the purchase date and proof change', async () => {
    const { server } = seededServer()
    const { user } = renderApp(server)
    await scan(user, knownImei)
    const region = await screen.findByRole('region', { name: 'Warranty' })
    await within(region).findByText('In warranty')
    expect(region).toHaveTextContent('Within the warranty period')
    expect(region).toHaveTextContent('Covered until Mar 1, 2027')

    const purchase = screen.getByLabelText('Purchase date')
    fireEvent.change(purchase, { target: { value: '2025-11-27' } })
    expect(region).toHaveTextContent('In warranty')
    expect(region).toHaveTextContent('Covered until Nov 27, 2026')

    fireEvent.change(purchase, { target: { value: '2025-11-26' } })
    expect(region).toHaveTextContent('Out of warranty')
    expect(region).toHaveTextContent('The warranty period has ended')

    fireEvent.change(purchase, { target: { value: '2026-06-01' } })
    await user.clear(screen.getByLabelText('Proof of purchase (invoice no.)'))
    expect(region).toHaveTextContent('Out of warranty')
    expect(region).toHaveTextContent('No proof of purchase (the manufacturer requires it)')

    fireEvent.change(purchase, { target: { value: '' } })
    expect(region).toHaveTextContent('Purchase date unknown')
    expect(region).not.toHaveTextContent('Covered until')
  })

  it('hides the override from a technician', async () => {
    const { server } = seededServer('Wang Fang')
    const { user } = renderApp(server)
    await scan(user, knownImei)
    await screen.findByText('Known device')
    expect(screen.getByRole('region', { name: 'Warranty' })).toHaveTextContent('In warranty')
    expect(screen.queryByLabelText('Override the warranty status')).not.toBeInTheDocument()
    expect(screen.queryByLabelText('Reason for the override')).not.toBeInTheDocument()
  })

  it('lets an owner override with a required reason, sent as warrantyOverride', async () => {
    const { server } = seededServer('Li Wei')
    const { user } = renderApp(server)
    await scan(user, knownImei)
    await screen.findByText('Owner of this device')
    await user.type(screen.getByLabelText(faultLabel), 'Water damage')
    await user.click(screen.getByLabelText('Override the warranty status'))
    await user.selectOptions(screen.getByLabelText('Warranty status'), 'Out of warranty')
    await user.keyboard('{Control>}{Enter}{/Control}')
    const note = screen.getByLabelText('Reason for the override')
    await waitFor(() => expect(note).toHaveFocus())
    expect(note).toHaveAccessibleDescription('This field is required.')
    expect(server.callsTo('tickets.intake')).toEqual([])

    await user.type(note, 'Liquid damage seen by owner')
    await user.keyboard('{Control>}{Enter}{/Control}')
    await screen.findByRole('heading', { name: /taken in$/ })
    expect(server.callsTo('tickets.intake')).toEqual([expect.objectContaining({ warrantyOverride: { status: 'out_of_warranty', note: 'Liquid damage seen by owner' } })])
  })
})

describe('taking a device in', () => {
  it('sends one intake for a new customer and device, then offers print, open and next', async () => {
    const { server, galaxy } = seededServer()
    const { user } = renderApp(server)
    const imei = validImei('35291110123456')
    await scan(user, imei)
    await waitFor(() => expect(screen.getByRole('combobox', { name: 'Device model' })).toHaveFocus())
    await user.keyboard('s24')
    await waitFor(() => expect(within(screen.getByRole('listbox', { name: 'Device model', hidden: true })).getAllByRole('option')).toHaveLength(1))
    await user.keyboard('{Enter}')
    fireEvent.change(screen.getByLabelText('Purchase date'), { target: { value: '2026-08-15' } })
    await user.type(screen.getByLabelText('Proof of purchase (invoice no.)'), 'FP-2026-7')
    await user.click(screen.getByRole('button', { name: 'New customer' }))
    await user.type(screen.getByLabelText('Customer name'), '刘洋')
    await user.type(screen.getByLabelText('Phone'), '138-0000-1111')
    await user.selectOptions(screen.getByLabelText('Customer type'), 'Dealer')
    await user.type(screen.getByLabelText(faultLabel), 'Does not charge')
    await user.click(screen.getByLabelText('Screen cracked'))
    await user.click(screen.getByLabelText('Charger'))
    await user.type(screen.getByLabelText('Other accessories'), 'red strap，stylus pen')
    await user.click(screen.getByLabelText('Passcode provided'))
    fireEvent.change(screen.getByLabelText('Promised date'), { target: { value: '2026-11-30' } })
    await user.selectOptions(screen.getByLabelText('Technician'), 'Wang Fang')
    await user.click(screen.getByRole('button', { name: 'Take in device' }))

    const heading = await screen.findByRole('heading', { level: 2, name: 'Ticket R2611-0002 taken in' })
    await waitFor(() => expect(heading).toHaveFocus())
    expect(server.callsTo('tickets.intake')).toEqual([
      {
        customer: { new: { name: '刘洋', phone: '138-0000-1111', kind: 'dealer' } },
        device: { new: { modelId: galaxy.id, imei }, purchaseDate: '2026-08-15', proofOfPurchaseRef: 'FP-2026-7' },
        reportedFault: 'Does not charge',
        condition: ['screen_cracked'],
        conditionNotes: '',
        accessories: ['charger', 'red strap', 'stylus pen'],
        passcodeProvided: true,
        promisedDate: '2026-11-30',
        notes: '',
        assignedStaffId: 2,
      },
    ])
    expect(screen.queryByRole('alert')).not.toBeInTheDocument()
    const id = server.ledger.tickets.at(-1)!.id
    expect(screen.getByRole('link', { name: 'Print receipt (80 mm)' })).toHaveAttribute('href', `#/tickets/${id}/print/receipt-80`)
    expect(screen.getByRole('link', { name: 'Print receipt (A4)' })).toHaveAttribute('href', `#/tickets/${id}/print/receipt-a4`)
    expect(screen.getByRole('link', { name: 'Print device label' })).toHaveAttribute('href', `#/tickets/${id}/print/label`)
    expect(screen.getByRole('link', { name: 'Open ticket' })).toHaveAttribute('href', `#/tickets/${id}`)

    await user.click(screen.getByRole('button', { name: 'Next intake' }))
    const scanField = await screen.findByLabelText('IMEI / serial')
    await waitFor(() => expect(scanField).toHaveFocus())
    expect(scanField).toHaveValue('')
  })

  it('warns about a repeat repair and links the earlier ticket', async () => {
    const { server, earlier, zhang, phone } = seededServer()
    const { user } = renderApp(server)
    await scan(user, knownImei)
    await screen.findByText('Owner of this device')
    await user.type(screen.getByLabelText(faultLabel), 'Battery drains again')
    await user.keyboard('{Control>}{Enter}{/Control}')

    const alert = await screen.findByRole('alert')
    expect(alert).toHaveTextContent('Repeat repair')
    expect(alert).toHaveTextContent(`This device was collected on Oct 5, 2026 after ticket ${earlier.number}.`)
    expect(within(alert).getByRole('link', { name: `Open earlier ticket ${earlier.number}` })).toHaveAttribute('href', `#/tickets/${earlier.id}`)
    expect(server.callsTo('tickets.intake')).toEqual([expect.objectContaining({ customer: { id: zhang.id }, device: { id: phone.id } })])
  })
})
