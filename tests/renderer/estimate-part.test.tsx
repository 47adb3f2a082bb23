import { screen, waitFor, within } from '@testing-library/react'
import { describe, expect, it } from 'vitest'
import { renderApp } from './render-app'
import { stockroom } from './stock-fixtures'
import { openTicketPage, sampleDiagnosis } from './workflow-fixtures'

describe('estimate form: catalogue parts', () => {
  it('fills a part line from the catalogue (still editable), sends its partId, and drops it when the line stops being a part', async () => {
    const room = stockroom()
    const ticket = room.ticketAt('awaiting_approval')
    room.ledger.setWork(ticket.id, { paid: true, diagnosis: sampleDiagnosis })
    openTicketPage(ticket.id)
    const { server, screenPart } = room
    const { user } = renderApp(server, 'en')
    await user.click(await screen.findByRole('button', { name: 'Write estimate' }))
    const form = screen.getByRole('form', { name: 'Write estimate' })
    const line = within(form).getByRole('group', { name: 'Line 1' })
    expect(within(line).queryByRole('combobox', { name: /Catalogue part/ })).not.toBeInTheDocument()

    await user.selectOptions(within(line).getByLabelText('Type'), 'part')
    const picker = within(line).getByRole('combobox', { name: 'Catalogue part (optional)' })
    await user.type(picker, 'display{Enter}')
    await waitFor(() => expect(within(line).getByLabelText('Description')).toHaveValue('Galaxy S24 display assembly'))
    expect(within(line).getByLabelText('Unit price')).toHaveValue('980.00')
    expect(picker).toHaveAccessibleDescription('Linked to the catalogue part. Type to pick another.')
    await user.clear(within(line).getByLabelText('Unit price'))
    await user.type(within(line).getByLabelText('Unit price'), '950')
    await user.click(within(form).getByRole('button', { name: 'Add line' }))
    const labour = within(form).getByRole('group', { name: 'Line 2' })
    await user.selectOptions(within(labour).getByLabelText('Type'), 'labour')
    await user.type(within(labour).getByLabelText('Description'), 'Fitting')
    await user.type(within(labour).getByLabelText('Unit price'), '120')
    await user.click(within(form).getByRole('button', { name: 'Save estimate' }))

    expect(await screen.findByText('Saved: Write estimate.')).toBeInTheDocument()
    expect(server.callsTo('tickets.estimate')).toEqual([
      {
        id: ticket.id,
        lines: [
          { kind: 'part', description: 'Galaxy S24 display assembly', quantity: 1, unitPriceMinor: 95000, partId: screenPart.id },
          { kind: 'labour', description: 'Fitting', quantity: 1, unitPriceMinor: 12000 },
        ],
        note: '',
      },
    ])

    // The revision starts linked; turning the line into a fee unlinks it.
    await user.click(await screen.findByRole('button', { name: 'Write estimate' }))
    const revision = screen.getByRole('form', { name: 'Write estimate' })
    const first = within(revision).getByRole('group', { name: 'Line 1' })
    expect(within(first).getByRole('combobox', { name: 'Catalogue part (optional)' })).toHaveAccessibleDescription('Linked to the catalogue part. Type to pick another.')
    await user.selectOptions(within(first).getByLabelText('Type'), 'fee')
    await user.click(within(revision).getByRole('button', { name: 'Save estimate' }))
    await waitFor(() => expect(server.callsTo('tickets.estimate')).toHaveLength(2))
    expect(server.callsTo('tickets.estimate')[1]).toMatchObject({ lines: [{ kind: 'fee', description: 'Galaxy S24 display assembly', unitPriceMinor: 95000 }, { kind: 'labour' }] })
    expect((server.callsTo('tickets.estimate')[1] as { lines: object[] }).lines[0]).not.toHaveProperty('partId')
  })
})
