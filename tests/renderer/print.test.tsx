import { screen, waitFor, within } from '@testing-library/react'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { seededServer } from './intake-fixtures'
import { renderApp } from './render-app'

function printable() {
  const seeded = seededServer()
  seeded.server.settings = { ...seeded.server.settings!, receiptHeader: 'Authorized service centre', receiptFooter: 'Devices not collected within 90 days may be disposed of.' }
  const ticket = seeded.server.ledger.addTicket({
    customerId: seeded.zhang.id,
    deviceId: seeded.phone.id,
    reportedFault: 'Touch screen dead in one corner',
    condition: ['back_cracked'],
    accessories: ['sim_card'],
    passcodeProvided: true,
    promisedDate: '2026-11-30',
    warranty: { status: 'in_warranty', reason: 'within_period', endsOn: '2027-03-01', overrideNote: null },
  })
  return { ...seeded, ticket }
}

afterEach(() => {
  vi.restoreAllMocks()
  delete (window as unknown as Record<string, unknown>).repairLedger
})

describe('print pages', () => {
  it('renders the 80 mm receipt alone: shop header, number as text, Code128 barcode and QR, facts, terms, signature', async () => {
    const { server, ticket, zhang } = printable()
    window.history.replaceState(null, '', `/#/tickets/${ticket.id}/print/receipt-80`)
    const print = vi.spyOn(window, 'print').mockImplementation(() => {})
    const { user } = renderApp(server)

    const barcode = await screen.findByRole('img', { name: `Barcode of ticket ${ticket.number}` })
    expect(barcode.tagName.toLowerCase()).toBe('svg')
    expect(barcode.querySelectorAll('rect').length).toBeGreaterThan(10)
    expect(barcode).toHaveAttribute('viewBox')
    const qr = screen.getByRole('img', { name: `QR code of ticket ${ticket.number}` })
    expect(qr.querySelectorAll('g rect').length).toBeGreaterThan(20)

    const doc = screen.getByRole('article')
    expect(doc).toHaveClass('print-receipt-80')
    expect(within(doc).getByRole('heading', { level: 1, name: 'Bright Fix' })).toBeInTheDocument()
    expect(doc).toHaveTextContent('Authorized service centre')
    expect(doc).toHaveTextContent(`Ticket no. ${ticket.number}`)
    expect(doc).toHaveTextContent(`${zhang.name} · ${zhang.phone}`)
    expect(doc).toHaveTextContent(`Samsung Galaxy S24 · ${ticket.imei}`)
    expect(doc).toHaveTextContent('Touch screen dead in one corner')
    expect(doc).toHaveTextContent('Back cracked')
    expect(doc).toHaveTextContent('SIM card')
    expect(doc).toHaveTextContent('In warranty · Within the warranty period · Covered until Mar 1, 2027')
    expect(doc).toHaveTextContent('Nov 30, 2026')
    expect(doc).toHaveTextContent('Devices not collected within 90 days may be disposed of.')
    expect(doc).toHaveTextContent('Customer signature')

    expect(screen.queryByRole('navigation')).not.toBeInTheDocument()
    expect(screen.queryByRole('button', { name: 'Sign out' })).not.toBeInTheDocument()
    expect(document.querySelectorAll('[style]')).toHaveLength(0)

    expect(screen.queryByRole('button', { name: 'Save as PDF' })).not.toBeInTheDocument()
    const printButton = screen.getByRole('button', { name: 'Print' })
    expect(printButton).toHaveFocus()
    await user.keyboard('{Enter}')
    expect(print).toHaveBeenCalledTimes(1)
  })

  it('renders the A4 receipt and the device label in their own layouts', async () => {
    const { server, ticket, zhang } = printable()
    window.history.replaceState(null, '', `/#/tickets/${ticket.id}/print/receipt-a4`)
    renderApp(server)
    expect(await screen.findByRole('article')).toHaveClass('print-receipt-a4')

    window.location.hash = `#/tickets/${ticket.id}/print/label`
    await waitFor(() => expect(screen.getByRole('article')).toHaveClass('print-label'))
    const label = screen.getByRole('article')
    expect(await within(label).findByRole('img', { name: `Barcode of ticket ${ticket.number}` })).toBeInTheDocument()
    expect(label).toHaveTextContent(ticket.number)
    expect(label).toHaveTextContent(zhang.name)
    expect(label).toHaveTextContent('Samsung Galaxy S24')
    expect(within(label).queryByRole('img', { name: /QR code/ })).not.toBeInTheDocument()
  })

  it('offers Save as PDF on the desktop, through the bridge, named after the ticket and layout', async () => {
    const { server, ticket } = printable()
    const savePdf = vi.fn(async () => ({ ok: true as const, path: '/home/shop/R.pdf' }))
    ;(window as unknown as Record<string, unknown>).repairLedger = { invoke: server.transport, savePdf }
    window.history.replaceState(null, '', `/#/tickets/${ticket.id}/print/label`)
    const { user } = renderApp(server)
    await user.click(await screen.findByRole('button', { name: 'Save as PDF' }))
    expect(await screen.findByText('Saved to /home/shop/R.pdf')).toBeInTheDocument()
    expect(savePdf).toHaveBeenCalledWith({ suggestedName: `${ticket.number}-label` })
  })
})
