import { screen, waitFor, within } from '@testing-library/react'
import { describe, expect, it } from 'vitest'
import { renderApp } from './render-app'
import { inWarranty, offeredSteps, openTicketPage, sampleDiagnosis, workshop } from './workflow-fixtures'

describe('ticket page: work panel', () => {
  it('offers exactly the steps the state machine allows, plus assign while open and a note always', async () => {
    const { server, ticketAt, ledger } = workshop()
    const received = ticketAt('received')
    openTicketPage(received.id)
    renderApp(server, 'en')
    expect(await offeredSteps()).toEqual(['Start diagnosis', 'Record diagnosis', 'Cancel ticket', 'Assign technician', 'Add note'])
    expect(screen.getByRole('button', { name: 'Start diagnosis' })).toHaveAttribute('aria-keyshortcuts', 'Alt+N')
    expect(screen.getByText('Alt+N opens the next step (Start diagnosis). In a form, Ctrl+Enter saves and Esc closes.')).toBeInTheDocument()
    expect(screen.getByText('Nothing recorded yet beyond intake.')).toBeInTheDocument()

    // Awaiting approval without an estimate: the customer cannot approve yet, only decline.
    const quoted = ticketAt('awaiting_approval')
    ledger.setWork(quoted.id, { diagnosis: sampleDiagnosis, paid: true })
    window.location.hash = `#/tickets/${quoted.id}`
    await screen.findByRole('heading', { level: 1, name: `Ticket ${quoted.number}` })
    await waitFor(async () => expect(await offeredSteps()).toEqual(['Write estimate', 'Customer declines', 'Cancel ticket', 'Assign technician', 'Add note']))

    const collected = ticketAt('collected')
    window.location.hash = `#/tickets/${collected.id}`
    await screen.findByRole('heading', { level: 1, name: `Ticket ${collected.number}` })
    await waitFor(async () => expect(await offeredSteps()).toEqual(['Add note']))
    expect(screen.getByText('This ticket is closed: only notes can be added.')).toBeInTheDocument()
  })

  it('opens the next step with Alt+N, closes it with Escape and returns focus to its button', async () => {
    const { server, ticketAt } = workshop()
    const ticket = ticketAt('received')
    openTicketPage(ticket.id)
    const { user } = renderApp(server, 'en')
    await offeredSteps()
    await user.keyboard('{Alt>}n{/Alt}')
    const form = await screen.findByRole('form', { name: 'Start diagnosis' })
    const note = within(form).getByLabelText('Note (optional)')
    expect(note).toHaveFocus()
    expect(screen.getByRole('button', { name: 'Start diagnosis' })).toHaveAttribute('aria-expanded', 'true')
    await user.keyboard('{Escape}')
    expect(screen.queryByRole('form', { name: 'Start diagnosis' })).not.toBeInTheDocument()
    expect(screen.getByRole('button', { name: 'Start diagnosis' })).toHaveFocus()

    await user.keyboard('{Alt>}n{/Alt}')
    await user.type(within(await screen.findByRole('form', { name: 'Start diagnosis' })).getByLabelText('Note (optional)'), 'On the bench')
    await user.click(screen.getByRole('button', { name: 'Start diagnosis now' }))
    expect(await screen.findByText('Saved: Start diagnosis.')).toBeInTheDocument()
    expect(server.callsTo('tickets.startDiagnosis')).toEqual([{ id: ticket.id, note: 'On the bench' }])
    await waitFor(async () => expect(await offeredSteps()).toEqual(['Record diagnosis', 'Cancel ticket', 'Assign technician', 'Add note']))
    expect(screen.getByRole('heading', { level: 2, name: 'Repair work' })).toHaveFocus()
    const timeline = screen.getByRole('table', { name: 'What happened to this ticket, oldest first' })
    await waitFor(() => expect(within(timeline).getAllByRole('row').at(-1)).toHaveTextContent('Li WeiDiagnosis started (Received → Diagnosing)On the bench'))
  })

  it('voids a warranty at diagnosis: the ticket awaits approval and the estimate form opens', async () => {
    const { server, ticketAt } = workshop('Wang Fang')
    const ticket = ticketAt('diagnosing', { warranty: inWarranty })
    openTicketPage(ticket.id)
    const { user } = renderApp(server, 'en')
    await user.click(await screen.findByRole('button', { name: 'Record diagnosis' }))
    const form = screen.getByRole('form', { name: 'Record diagnosis' })
    expect(within(form).getByLabelText('Findings')).toHaveFocus()
    await user.type(within(form).getByLabelText('Findings'), 'Liquid under the display')
    const codes = within(form).getByRole('group', { name: 'Fault codes' })
    await user.selectOptions(await within(codes).findByLabelText('Condition code'), '1')
    await user.selectOptions(within(codes).getByLabelText('Symptom code'), 'S10')
    await user.selectOptions(within(codes).getByLabelText('Defect code'), 'D02')
    await user.selectOptions(within(codes).getByLabelText('Repair code'), 'R02')
    expect(within(codes).getByRole('option', { name: 'S01 — 不开机 / No power' })).toBeInTheDocument()
    await user.selectOptions(within(form).getByLabelText('Repair tier'), 'L2 — module swap')

    // In warranty: the decision is required, and voiding needs its reason.
    await user.click(within(form).getByRole('button', { name: 'Save diagnosis' }))
    const warranty = within(form).getByRole('group', { name: 'Warranty decision' })
    expect(warranty).toHaveAccessibleDescription('This device is in warranty: confirm the warranty or void it.')
    expect(server.callsTo('tickets.diagnose')).toEqual([])
    await user.click(within(warranty).getByLabelText('Void the warranty (the customer pays)'))
    await user.click(within(form).getByRole('button', { name: 'Save diagnosis' }))
    expect(within(form).getByLabelText('Reason the warranty is void')).toHaveAccessibleDescription('Choose why the warranty is void.')
    await user.selectOptions(within(form).getByLabelText('Reason the warranty is void'), 'Liquid damage')
    await user.click(within(form).getByRole('button', { name: 'Save diagnosis' }))

    const estimate = await screen.findByRole('form', { name: 'Write estimate' })
    expect(server.callsTo('tickets.diagnose')).toEqual([
      {
        id: ticket.id,
        findings: 'Liquid under the display',
        faultCodes: { condition: '1', symptom: 'S10', defect: 'D02', repair: 'R02' },
        repairTier: 'L2',
        warranty: { decision: 'void', voidReason: 'liquid_damage', note: '' },
      },
    ])
    expect(within(estimate).getByRole('group', { name: 'Line 1' })).toBeInTheDocument()
    expect(within(estimate).getByLabelText('Type')).toHaveFocus()
    await waitFor(() => expect(screen.getByText('Awaiting approval', { selector: '.tag' })).toBeInTheDocument())
    expect(screen.getByText('Warranty void', { selector: '.tag' })).toBeInTheDocument()
    const diagnosis = screen.getByRole('heading', { level: 3, name: 'Diagnosis' }).parentElement!
    expect(diagnosis).toHaveTextContent('Symptom code: S10 — 进液 / Liquid exposure reported')
    expect(diagnosis).toHaveTextContent('Warranty void — Liquid damage')
  })

  it('marks the fault-code field the ledger refuses, from the INVALID_INPUT path', async () => {
    const { server, ticketAt, ledger, samsung } = workshop()
    const ticket = ticketAt('diagnosing')
    openTicketPage(ticket.id)
    const { user } = renderApp(server, 'en')
    await user.click(await screen.findByRole('button', { name: 'Record diagnosis' }))
    const form = screen.getByRole('form', { name: 'Record diagnosis' })
    await user.type(within(form).getByLabelText('Findings'), 'Battery swollen')
    await user.selectOptions(await within(form).findByLabelText('Condition code'), '1')
    await user.selectOptions(within(form).getByLabelText('Symptom code'), 'S09')
    await user.selectOptions(within(form).getByLabelText('Defect code'), 'D03')
    await user.selectOptions(within(form).getByLabelText('Repair code'), 'R03')
    await user.selectOptions(within(form).getByLabelText('Repair tier'), 'L2 — module swap')
    expect(within(form).queryByRole('group', { name: 'Warranty decision' })).not.toBeInTheDocument()
    // The owner retires S09 while the form is open.
    ledger.faultCodes.find((c) => c.manufacturerId === samsung.id && c.code === 'S09')!.active = false
    await user.click(within(form).getByRole('button', { name: 'Save diagnosis' }))
    const symptom = within(form).getByLabelText('Symptom code')
    await waitFor(() => expect(symptom).toHaveAccessibleDescription('This code is not in this manufacturer’s active list.'))
    expect(symptom).toHaveFocus()
    expect(within(form).getByRole('alert')).toHaveTextContent('Some fields need attention.')
  })
})
