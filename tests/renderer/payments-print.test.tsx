import { screen, waitFor, within } from '@testing-library/react'
import { describe, expect, it } from 'vitest'
import { paidRepair, pinTheClock } from './payments-fixtures'
import { renderApp } from './render-app'

pinTheClock()

/** A paid repair of 125.50 (a cash payment with change, then 20 of it refunded) at the Bright Fix shop. */
function paidAndPartlyRefunded() {
  const shop = paidRepair()
  shop.server.settings = { ...shop.server.settings!, taxId: '91310000MA1K', receiptFooter: 'Repairs carry a 90-day guarantee.' }
  shop.payments.openDrawer(20000)
  const payment = shop.payments.pay(shop.ticket.id, 12550, 'cash')
  Object.assign(payment, { tenderedMinor: 15000, changeMinor: 2450 })
  const refund = shop.payments.pay(shop.ticket.id, -2000, 'cash', 'Wang Fang', 'refund')
  Object.assign(refund, { refundOfPaymentId: payment.id, reason: 'Customer kept the old case', approvedByName: 'Li Wei', tenderedMinor: null, changeMinor: null })
  return { ...shop, payment, refund }
}

describe('money on paper', () => {
  it('prints a payment receipt on 80 mm paper: ticket barcode, amount, cash and change, what was still owed', async () => {
    const { server, ticket, payment } = paidAndPartlyRefunded()
    window.history.replaceState(null, '', `/#/tickets/${ticket.id}/print/payment-80/${payment.id}`)
    renderApp(server, 'en')
    await screen.findByRole('img', { name: `Barcode of ticket ${ticket.number}` })
    const receipt = screen.getByRole('article')
    expect(receipt).toHaveClass('print-receipt-80')
    expect(within(receipt).getByRole('heading', { level: 2, name: 'Payment receipt' })).toBeInTheDocument()
    expect(receipt).toHaveTextContent('MethodCash')
    expect(receipt).toHaveTextContent('ReceivedCN¥125.50')
    expect(receipt).toHaveTextContent('Cash handed overCN¥150.00')
    expect(receipt).toHaveTextContent('Change givenCN¥24.50')
    expect(receipt).toHaveTextContent('Paid up to this receiptCN¥125.50')
    expect(receipt).toHaveTextContent('Still to payCN¥0.00')
    expect(receipt).toHaveTextContent('Repairs carry a 90-day guarantee.')
    expect(screen.getByRole('button', { name: 'Print' })).toHaveFocus()
    expect(document.querySelectorAll('[style]')).toHaveLength(0)
    expect(screen.queryByRole('navigation')).not.toBeInTheDocument()
  })

  it('prints a refund receipt on A4 with the reason, the approving owner and a line for the customer to sign', async () => {
    const { server, ticket, refund } = paidAndPartlyRefunded()
    window.history.replaceState(null, '', `/#/tickets/${ticket.id}/print/payment-a4/${refund.id}`)
    renderApp(server, 'en')
    const receipt = await screen.findByRole('article')
    expect(receipt).toHaveClass('print-receipt-a4')
    expect(within(receipt).getByRole('heading', { level: 2, name: 'Refund receipt' })).toBeInTheDocument()
    expect(receipt).toHaveTextContent('RefundedCN¥20.00')
    expect(receipt).toHaveTextContent('ReasonCustomer kept the old case')
    expect(receipt).toHaveTextContent('Approved byLi Wei')
    expect(receipt).toHaveTextContent('Still to payCN¥20.00')
    expect(receipt).toHaveTextContent('Refund received (customer)')
  })

  it('prints the final invoice on A4 from the ticket page: lines, tax, payments and what is still owed', async () => {
    const { server, ticket } = paidAndPartlyRefunded()
    window.history.replaceState(null, '', `/#/tickets/${ticket.id}`)
    const { user } = renderApp(server, 'en')
    const section = await screen.findByRole('region', { name: 'Payments' })
    await user.click(await within(section).findByRole('link', { name: 'Print invoice (A4)' }))
    const invoice = await screen.findByRole('article')
    expect(invoice).toHaveClass('print-receipt-a4')
    expect(within(invoice).getByRole('heading', { level: 2, name: 'Invoice' })).toBeInTheDocument()
    expect(invoice).toHaveTextContent('Tax ID: 91310000MA1K')
    const lines = within(invoice).getByRole('table', { name: 'Lines' })
    expect(within(lines).getByRole('row', { name: /^Tax/ })).toHaveTextContent('Tax (13%)CN¥14.44')
    const paid = within(invoice).getByRole('table', { name: 'Payments' })
    expect(within(paid).getAllByRole('row')).toHaveLength(3)
    expect(invoice).toHaveTextContent('PaidCN¥105.50')
    expect(invoice).toHaveTextContent('Balance dueCN¥20.00')
    await waitFor(() => expect(window.location.hash).toBe(`#/tickets/${ticket.id}/print/invoice-a4`))
  })

  it('says plainly when the payment in the address is not on the ticket', async () => {
    const { server, ticket } = paidAndPartlyRefunded()
    window.history.replaceState(null, '', `/#/tickets/${ticket.id}/print/payment-80/999999`)
    renderApp(server, 'en')
    expect(await screen.findByText('This payment is not on this ticket.')).toBeInTheDocument()
  })
})
