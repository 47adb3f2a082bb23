import { screen, waitFor, within } from '@testing-library/react'
import { describe, expect, it } from 'vitest'
import { paidRepair, pinTheClock } from './payments-fixtures'
import { renderApp } from './render-app'
import { offeredSteps, openTicketPage } from './workflow-fixtures'

pinTheClock()

describe('hand-back gated on the balance', () => {
  it('refuses handing back unpaid work, points to the payment, and goes with an owner’s PIN and a reason', async () => {
    const { server, ticket, zhang } = paidRepair('Wang Fang')
    openTicketPage(ticket.id)
    const { user } = renderApp(server, 'en')
    await user.click(await screen.findByRole('button', { name: 'Hand back' }))
    const form = screen.getByRole('form', { name: 'Hand back' })
    expect(await within(form).findByText('CN¥125.50 is still owed on this repair.')).toBeInTheDocument()
    await user.click(within(form).getByRole('button', { name: 'Confirm hand-back' }))
    expect(await within(form).findByRole('alert')).toHaveTextContent('CN¥125.50 is still owed on this repair. Take the payment first, or have the owner approve handing it back unpaid.')
    expect(server.callsTo('tickets.collect')).toEqual([{ id: ticket.id, collectedBy: zhang.name, note: '' }])

    // "Take payment" opens the payment section's form, the balance ready to take.
    await user.click(within(form).getByRole('button', { name: 'Take payment' }))
    const payment = screen.getByRole('form', { name: 'Take payment' })
    expect(within(payment).getByLabelText('Amount')).toHaveFocus()
    expect(within(payment).getByLabelText('Amount')).toHaveValue('125.50')
    await user.keyboard('{Escape}')
    expect(screen.queryByRole('form', { name: 'Take payment' })).not.toBeInTheDocument()
    expect(within(screen.getByRole('region', { name: 'Payments' })).getByRole('button', { name: 'Take payment' })).toHaveFocus()

    await user.click(within(form).getByLabelText('Hand back anyway, with an owner’s approval'))
    await user.click(within(form).getByRole('button', { name: 'Confirm hand-back' }))
    const reason = within(form).getByLabelText('Reason for handing back unsettled')
    expect(reason).toHaveAccessibleDescription('This field is required.')
    expect(reason).toHaveFocus()
    await user.type(reason, 'Regular customer pays on Friday')
    await waitFor(() => expect(within(form).getByLabelText('Owner')).toHaveDisplayValue('Li Wei'))
    await user.type(within(form).getByLabelText('Owner’s PIN'), '9999')
    await user.click(within(form).getByRole('button', { name: 'Confirm hand-back' }))
    await waitFor(() => expect(within(form).getByLabelText('Owner’s PIN')).toHaveAccessibleDescription('That PIN is not right. Nothing was done.'))
    expect(within(form).getByLabelText('Owner’s PIN')).toHaveFocus()

    await user.clear(within(form).getByLabelText('Owner’s PIN'))
    await user.type(within(form).getByLabelText('Owner’s PIN'), '1234')
    await user.click(within(form).getByRole('button', { name: 'Confirm hand-back' }))
    await waitFor(async () => expect(await offeredSteps()).toEqual(['Add note']))
    expect(server.callsTo('tickets.collect').at(-1)).toEqual({ id: ticket.id, collectedBy: zhang.name, note: '', override: { reason: 'Regular customer pays on Friday', approval: { staffId: 1, pin: '1234' } } })
    const section = screen.getByRole('region', { name: 'Payments' })
    expect(await within(section).findByText('Handed back unsettled with the owner’s approval: Regular customer pays on Friday')).toBeInTheDocument()
  })

  it('asks for a credit to be refunded before the device goes back', async () => {
    const { server, ticket, payments } = paidRepair()
    payments.pay(ticket.id, 15000, 'alipay')
    openTicketPage(ticket.id)
    const { user } = renderApp(server, 'en')
    const section = await screen.findByRole('region', { name: 'Payments' })
    expect(await within(section).findByText('Credit due back')).toBeInTheDocument()
    await user.click(await screen.findByRole('button', { name: 'Hand back' }))
    const form = screen.getByRole('form', { name: 'Hand back' })
    expect(await within(form).findByText('The customer paid CN¥24.50 more than this repair costs.')).toBeInTheDocument()
    await user.click(within(form).getByRole('button', { name: 'Confirm hand-back' }))
    expect(await within(form).findByRole('alert')).toHaveTextContent('The customer paid CN¥24.50 more than this repair costs. Refund it first, or have the owner approve.')
    await user.click(within(form).getByRole('button', { name: 'Refund the credit' }))
    expect(within(section).getByRole('heading', { level: 2, name: 'Payments' })).toHaveFocus()
  })
})
