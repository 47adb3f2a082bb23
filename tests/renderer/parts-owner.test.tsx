import { screen, waitFor, within } from '@testing-library/react'
import { describe, expect, it } from 'vitest'
import { renderApp } from './render-app'
import { openParts, stockroom } from './stock-fixtures'

describe('parts screen: the owner’s catalogue and corrections', () => {
  it('adds a part with the models it fits, refusing a taken SKU at the SKU field', async () => {
    openParts()
    const { server, redmi } = stockroom()
    const { user } = renderApp(server, 'en')
    await user.click(await screen.findByRole('button', { name: 'New part' }))
    const form = screen.getByRole('form', { name: 'New part' })
    expect(within(form).getByLabelText('SKU')).toHaveFocus()
    await user.type(within(form).getByLabelText('SKU'), 'bat-rn13')
    await user.type(within(form).getByLabelText('Name'), 'Redmi Note 13 battery (again)')
    await user.type(within(form).getByLabelText('Sell price'), '12.5')
    await user.type(within(form).getByRole('combobox', { name: 'Fits models' }), 'redmi')
    await user.keyboard('{Enter}')
    expect(await within(form).findByRole('list', { name: 'Models this part fits' })).toHaveTextContent('Xiaomi Redmi Note 13 (23090RA98C)')
    await user.click(within(form).getByRole('button', { name: 'New part' }))
    await waitFor(() => expect(within(form).getByLabelText('SKU')).toHaveAccessibleDescription('Another part already has this SKU. Letters, digits and . _ / - (up to 40); saved in capitals.'))
    expect(within(form).getByLabelText('SKU')).toHaveFocus()

    await user.clear(within(form).getByLabelText('SKU'))
    await user.type(within(form).getByLabelText('SKU'), 'bat-rn13-hc')
    await user.click(within(form).getByRole('button', { name: 'New part' }))
    expect(await screen.findByText('BAT-RN13-HC was added to the catalogue.')).toBeInTheDocument()
    expect(server.callsTo('parts.create').at(-1)).toEqual({
      sku: 'bat-rn13-hc',
      manufacturerPartNumber: '',
      name: 'Redmi Note 13 battery (again)',
      modelIds: [redmi.id],
      sellPriceMinor: 1250,
      reorderPoint: 0,
      binLocation: '',
      serialized: false,
    })
    // The new part opens, with no stock yet.
    expect(await screen.findByRole('heading', { level: 2, name: 'BAT-RN13-HC — Redmi Note 13 battery (again)' })).toHaveFocus()
    expect(await screen.findByText('No movements yet: receive a delivery to put this part in stock.')).toBeInTheDocument()
  })

  it('adjusts stock with a reason and transfers between pools, each written as a movement', async () => {
    openParts()
    const { server, screenPart, samsungPool } = stockroom()
    const { user } = renderApp(server, 'en')
    await user.click(await screen.findByRole('button', { name: 'Details of SCR-S24' }))
    const actions = await screen.findByRole('group', { name: 'Owner actions' })

    await user.click(within(actions).getByRole('button', { name: 'Adjust stock' }))
    const adjust = screen.getByRole('form', { name: 'Adjust stock of SCR-S24' })
    await user.type(within(adjust).getByLabelText('Quantity'), '0')
    await user.click(within(adjust).getByRole('button', { name: 'Save adjustment' }))
    expect(within(adjust).getByLabelText('Quantity')).toHaveAccessibleDescription('Enter a whole number such as 3 or -2 (not 0). Plus for parts found, minus for parts lost, e.g. -2.')
    expect(within(adjust).getByLabelText('Reason')).toHaveAccessibleDescription('This field is required.')
    await user.clear(within(adjust).getByLabelText('Quantity'))
    await user.type(within(adjust).getByLabelText('Quantity'), '-1')
    await user.type(within(adjust).getByLabelText('Reason'), 'Cracked in the drawer')
    await user.click(within(adjust).getByRole('button', { name: 'Save adjustment' }))
    expect(await screen.findByText('SCR-S24 in Shop stock adjusted by -1.')).toBeInTheDocument()
    expect(server.callsTo('stock.adjust')).toEqual([{ partId: screenPart.id, pool: 'shop', quantity: -1, reason: 'Cracked in the drawer' }])
    expect(within(actions).getByRole('button', { name: 'Adjust stock' })).toHaveFocus()

    await user.click(within(actions).getByRole('button', { name: 'Transfer' }))
    const transfer = screen.getByRole('form', { name: 'Transfer SCR-S24 between pools' })
    expect(within(transfer).getByLabelText('From pool')).toHaveDisplayValue('Shop stock (4 on hand)')
    await user.selectOptions(within(transfer).getByLabelText('To pool'), 'Samsung consigned (2 on hand)')
    await user.type(within(transfer).getByLabelText('Quantity'), '9')
    await user.type(within(transfer).getByLabelText('Reason'), 'Lent to Samsung stock')
    await user.click(within(transfer).getByRole('button', { name: 'Save transfer' }))
    // More than is on hand: the ledger refuses in words.
    expect(await within(transfer).findByRole('alert')).toHaveTextContent('Only 4 of SCR-S24 on hand in that stock; 9 needed.')
    await user.clear(within(transfer).getByLabelText('Quantity'))
    await user.type(within(transfer).getByLabelText('Quantity'), '2')
    await user.click(within(transfer).getByRole('button', { name: 'Save transfer' }))
    expect(await screen.findByText('2 × SCR-S24 moved from Shop stock to Samsung consigned.')).toBeInTheDocument()
    expect(server.callsTo('stock.transfer').at(-1)).toEqual({ partId: screenPart.id, from: 'shop', to: samsungPool, quantity: 2, reason: 'Lent to Samsung stock' })

    const history = screen.getByRole('table', { name: 'Movements, newest first' })
    await waitFor(() => expect(within(history).getAllByRole('row')).toHaveLength(6))
    expect(within(history).getAllByRole('row')[1]).toHaveTextContent(/TransferSamsung consigned\+24/)
    expect(within(screen.getByRole('table', { name: 'Parts' })).getByRole('row', { name: /SCR-S24/ })).toHaveTextContent(/A-0124/)
  })
})
