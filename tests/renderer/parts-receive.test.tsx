import { screen, waitFor, within } from '@testing-library/react'
import { describe, expect, it } from 'vitest'
import { renderApp } from './render-app'
import { openParts, stockroom } from './stock-fixtures'

const line = (number: number) => screen.getByRole('group', { name: `Line ${number}` })

describe('parts screen: receiving a delivery', () => {
  it('names every missing field, then receives bought stock typed line by line from the keyboard', async () => {
    openParts('receive')
    const { server, battery, screenPart } = stockroom('Wang Fang')
    const { user } = renderApp(server, 'en')
    const form = await screen.findByRole('form', { name: 'Receive a delivery' })
    expect(within(form).getByLabelText('Into')).toHaveFocus()
    expect(within(form).getByLabelText('Into')).toHaveDisplayValue('Shop stock')

    await user.click(within(form).getByRole('button', { name: 'Receive delivery' }))
    expect(within(form).getByLabelText('Supplier')).toHaveAccessibleDescription('This field is required.')
    expect(within(form).getByLabelText('Supplier')).toHaveFocus()
    expect(within(line(1)).getByRole('combobox', { name: 'Part' })).toHaveAccessibleDescription('Choose a part from the catalogue.')
    expect(within(line(1)).getByLabelText('Unit cost')).toHaveAccessibleDescription('Enter the unit cost of bought stock.')
    expect(server.callsTo('stock.receive')).toEqual([])

    await user.type(within(form).getByLabelText('Supplier'), 'Huaqiang Parts')
    await user.type(within(form).getByLabelText('Delivery note no. (optional)'), 'DN-8841')
    await user.type(within(line(1)).getByRole('combobox', { name: 'Part' }), 'battery{Enter}')
    // Enter while the search runs picks its best match as soon as it lands; the quantity is next.
    await waitFor(() => expect(within(line(1)).getByRole('combobox', { name: 'Part' })).toHaveValue('BAT-RN13 — Redmi Note 13 battery'))
    expect(within(line(1)).getByLabelText('Quantity')).toHaveFocus()
    await user.keyboard('{Backspace}4{Tab}95.5{Enter}')
    // Enter in the last line's cost box adds a line and puts the cursor in its part box.
    expect(within(line(2)).getByRole('combobox', { name: 'Part' })).toHaveFocus()
    await user.keyboard('SCR{Enter}')
    await waitFor(() => expect(within(line(2)).getByLabelText('Quantity')).toHaveFocus())
    await user.keyboard('{Backspace}2{Tab}600{Control>}{Enter}{/Control}')

    const summary = await screen.findByRole('region', { name: 'Delivery received into Shop stock' })
    expect(server.callsTo('stock.receive')).toEqual([
      {
        pool: 'shop',
        supplier: 'Huaqiang Parts',
        deliveryNote: 'DN-8841',
        lines: [
          { partId: battery.id, quantity: 4, unitCostMinor: 9550 },
          { partId: screenPart.id, quantity: 2, unitCostMinor: 60000 },
        ],
      },
    ])
    expect(within(summary).getByRole('status')).toHaveTextContent('Lines received: 2; units: 6.')
    const rows = within(summary).getAllByRole('row').slice(1)
    expect(rows.map((row) => row.textContent)).toEqual(['BAT-RN13Redmi Note 13 battery4CN¥95.505', 'SCR-S24Galaxy S24 display assembly2CN¥600.007'])
    // The form is ready for the next delivery: one empty line, same pool and supplier.
    expect(screen.getAllByRole('group', { name: /^Line / })).toHaveLength(1)
    expect(within(form).getByLabelText('Supplier')).toHaveValue('Huaqiang Parts')
  })

  it('receives a manufacturer’s consigned parts without a cost, dropping an empty last line', async () => {
    openParts('receive')
    const { server, camera, samsungPool } = stockroom()
    const { user } = renderApp(server, 'en')
    const form = await screen.findByRole('form', { name: 'Receive a delivery' })
    await within(form).findByRole('option', { name: 'Samsung consigned' })
    await user.selectOptions(within(form).getByLabelText('Into'), 'Samsung consigned')
    expect(within(form).getByLabelText('Into')).toHaveAccessibleDescription('Sent by the manufacturer for its warranty repairs: no cost to the shop.')
    expect(within(form).getByLabelText('Supplier')).toHaveValue('Samsung')
    expect(within(line(1)).queryByLabelText('Unit cost')).not.toBeInTheDocument()

    await user.type(within(line(1)).getByRole('combobox', { name: 'Part' }), 'camera{Enter}')
    await waitFor(() => expect(within(line(1)).getByLabelText('Quantity')).toHaveFocus())
    await user.keyboard('{Backspace}3{Enter}')
    await user.type(within(line(2)).getByRole('combobox', { name: 'Part' }), 'camera{Enter}')
    await waitFor(() => expect(within(line(2)).getByLabelText('Quantity')).toHaveFocus())
    await user.click(within(form).getByRole('button', { name: 'Receive delivery' }))
    expect(within(line(2)).getByRole('combobox', { name: 'Part' })).toHaveAccessibleDescription('This part is already on the list.')

    await user.click(within(line(2)).getByRole('button', { name: 'Remove line 2' }))
    await user.click(within(form).getByRole('button', { name: 'Add line' }))
    expect(within(line(2)).getByRole('combobox', { name: 'Part' })).toHaveFocus()
    await user.click(within(form).getByRole('button', { name: 'Receive delivery' }))
    expect(await screen.findByRole('region', { name: 'Delivery received into Samsung consigned' })).toHaveTextContent('No cost')
    expect(server.callsTo('stock.receive')).toEqual([{ pool: samsungPool, supplier: 'Samsung', deliveryNote: '', lines: [{ partId: camera.id, quantity: 3 }] }])
    expect(server.stock.onHand(camera.id, samsungPool)).toBe(4)
  })
})
