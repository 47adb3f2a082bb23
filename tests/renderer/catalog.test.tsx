import { screen, waitFor, within } from '@testing-library/react'
import { describe, expect, it } from 'vitest'
import { seededServer } from './intake-fixtures'
import { renderApp } from './render-app'

function openSettings() {
  window.history.replaceState(null, '', '/#/settings')
}

describe('settings: manufacturers and models', () => {
  it('shows a technician the list and the models, with nothing to edit', async () => {
    openSettings()
    const { server } = seededServer('Wang Fang')
    const { user } = renderApp(server)
    const table = await screen.findByRole('table', { name: 'Manufacturers' })
    const samsung = within(table).getByRole('row', { name: /Samsung/ })
    expect(samsung).toHaveTextContent('SAMSUNG')
    expect(samsung).toHaveTextContent('12 months')
    expect(screen.getByText('Only an owner can add or change manufacturers and models.')).toBeInTheDocument()
    expect(screen.queryByRole('button', { name: 'Edit Samsung' })).not.toBeInTheDocument()
    expect(screen.queryByRole('form', { name: 'Add manufacturer' })).not.toBeInTheDocument()

    await user.click(within(samsung).getByRole('button', { name: 'Show models of Samsung' }))
    expect(await screen.findByRole('heading', { name: 'Models of Samsung' })).toHaveFocus()
    const models = await screen.findByRole('table', { name: 'Models of Samsung' })
    expect(within(models).getByRole('row', { name: /Galaxy S24/ })).toHaveTextContent('12 months (manufacturer default)')
    expect(screen.queryByRole('form', { name: /Add a model/ })).not.toBeInTheDocument()
    expect(server.callsTo('models.search')).toEqual([{ query: '', manufacturerId: server.ledger.manufacturers[0]!.id, limit: 200 }])
  })

  it('lets an owner add a manufacturer, refusing a taken code at the code field', async () => {
    openSettings()
    const { server } = seededServer('Li Wei')
    const { user } = renderApp(server)
    const form = await screen.findByRole('form', { name: 'Add manufacturer' })
    await user.type(within(form).getByLabelText('Code'), 'xiaomi')
    await user.type(within(form).getByLabelText('Name'), 'Xiaomi again')
    await user.click(within(form).getByRole('button', { name: 'Add manufacturer' }))
    const code = within(form).getByLabelText('Code')
    await waitFor(() => expect(code).toHaveAccessibleDescription('Another manufacturer already has this code.'))

    await user.clear(code)
    await user.type(code, 'moto')
    await user.clear(within(form).getByLabelText('Name'))
    await user.type(within(form).getByLabelText('Name'), 'Motorola')
    await user.clear(within(form).getByLabelText('Warranty (months)'))
    await user.type(within(form).getByLabelText('Warranty (months)'), '18')
    await user.click(within(form).getByLabelText('Proof of purchase required'))
    await user.click(within(form).getByRole('button', { name: 'Add manufacturer' }))
    expect(await within(form).findByText('Motorola was added.')).toBeInTheDocument()
    expect(server.callsTo('manufacturers.create').at(-1)).toEqual({ code: 'moto', name: 'Motorola', proofRequired: false, shopStockForWarranty: true, warrantyMonths: 18, claimWindowDays: 30, defectiveReturnDays: 30 })
    expect(await screen.findByRole('row', { name: /Motorola/ })).toHaveTextContent('MOTO')
  })

  it('lets an owner edit a manufacturer and add a model with its own warranty', async () => {
    openSettings()
    const { server, xiaomi } = seededServer('Li Wei')
    const { user } = renderApp(server)
    await user.click(await screen.findByRole('button', { name: 'Edit Xiaomi' }))
    const edit = screen.getByRole('form', { name: 'Edit Xiaomi' })
    expect(within(edit).getByLabelText('Name')).toHaveFocus()
    await user.click(within(edit).getByLabelText('Active'))
    await user.click(within(edit).getByRole('button', { name: 'Save manufacturer' }))
    expect(await within(edit).findByText('Xiaomi was updated.')).toBeInTheDocument()
    expect(server.callsTo('manufacturers.update')).toEqual([expect.objectContaining({ id: xiaomi.id, active: false, warrantyMonths: 24 })])

    await user.click(screen.getByRole('button', { name: 'Show models of Xiaomi' }))
    const add = await screen.findByRole('form', { name: 'Add a model of Xiaomi' })
    await user.type(within(add).getByLabelText('Model code'), '2312DRA50C')
    await user.type(within(add).getByLabelText('Marketing name'), 'Redmi Pad SE')
    await user.selectOptions(within(add).getByLabelText('Category'), 'Tablet')
    await user.type(within(add).getByLabelText(/^Model warranty \(months\)/), '12')
    await user.click(within(add).getByRole('button', { name: 'Add model' }))
    expect(await within(add).findByText('Redmi Pad SE was added.')).toBeInTheDocument()
    expect(server.callsTo('models.create')).toEqual([{ manufacturerId: xiaomi.id, modelCode: '2312DRA50C', marketingName: 'Redmi Pad SE', category: 'tablet', warrantyMonths: 12 }])
    expect(await screen.findByRole('row', { name: /Redmi Pad SE/ })).toHaveTextContent('12 months')
  })
})
