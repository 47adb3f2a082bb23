import { screen, waitFor, within } from '@testing-library/react'
import { describe, expect, it } from 'vitest'
import { createFakeServer } from './fake-server'
import { renderApp } from './render-app'

const staff = [
  { name: 'Li Wei', role: 'owner' as const, pin: '1234' },
  { name: 'Wang Fang', role: 'technician' as const, pin: '5678' },
]

function openSettings() {
  window.history.replaceState(null, '', '/#/settings')
}

describe('settings screen', () => {
  it('is read-only for a technician, with a note and no staff section', async () => {
    openSettings()
    renderApp(createFakeServer({ staff, signedInAs: 'Wang Fang' }))
    expect(await screen.findByText('Only an owner can change shop settings.')).toBeInTheDocument()
    const main = screen.getByRole('main')
    expect(within(main).getByText('Bright Fix')).toBeInTheDocument()
    expect(within(main).getByText('13%')).toBeInTheDocument()
    expect(screen.queryByRole('textbox')).not.toBeInTheDocument()
    expect(screen.queryByRole('button', { name: 'Save settings' })).not.toBeInTheDocument()
    expect(screen.queryByRole('heading', { name: 'Staff' })).not.toBeInTheDocument()
  })

  it('lets an owner save only the changed fields, with the tax rate in basis points', async () => {
    openSettings()
    const server = createFakeServer({ staff, signedInAs: 'Li Wei' })
    const { user } = renderApp(server)
    const shopName = await screen.findByLabelText('Shop name')
    expect(shopName).toHaveFocus()
    expect(screen.getByText(/^Last updated /)).toHaveTextContent('Last updated Nov 26, 2026, 2:30 PM')
    expect(screen.getByText('Amounts will look like CN¥1,234.50.')).toBeInTheDocument()

    const taxRate = screen.getByLabelText('Tax rate (%)')
    expect(taxRate).toHaveValue('13')
    await user.clear(taxRate)
    await user.type(taxRate, '6.255')
    await user.click(screen.getByRole('button', { name: 'Save settings' }))
    expect(taxRate).toHaveAttribute('aria-invalid', 'true')
    expect(taxRate).toHaveAccessibleDescription(/at most 2 decimals/)
    expect(server.callsTo('settings.update')).toHaveLength(0)

    await user.clear(taxRate)
    await user.type(taxRate, '6.25')
    await user.clear(screen.getByLabelText('Phone'))
    await user.type(screen.getByLabelText('Phone'), '021-5555-0199{Enter}')
    expect(await screen.findByText('Settings saved.')).toBeInTheDocument()
    expect(server.callsTo('settings.update')).toEqual([{ phone: '021-5555-0199', taxRateBp: 625 }])
  })

  it('lists staff and adds a technician', async () => {
    openSettings()
    const server = createFakeServer({ staff: [staff[0]!], signedInAs: 'Li Wei' })
    const { user } = renderApp(server)
    expect(await screen.findByText('No staff yet besides you. Add a technician below.')).toBeInTheDocument()

    const form = screen.getByRole('form', { name: 'Add staff member' })
    await user.type(within(form).getByLabelText('Name'), 'Zhao Lei')
    await user.type(within(form).getByLabelText('PIN'), '4321')
    await user.click(within(form).getByRole('button', { name: 'Add staff member' }))

    expect(await screen.findByText('Zhao Lei was added.')).toBeInTheDocument()
    const table = screen.getByRole('table', { name: 'Staff members' })
    expect(await within(table).findByRole('rowheader', { name: 'Zhao Lei' })).toBeInTheDocument()
    expect(server.callsTo('staff.create')).toEqual([{ name: 'Zhao Lei', role: 'technician', pin: '4321' }])
    expect(within(form).getByLabelText('Name')).toHaveValue('')
  })

  it('edits a staff member: deactivate and reset the PIN', async () => {
    openSettings()
    const server = createFakeServer({ staff, signedInAs: 'Li Wei' })
    const { user } = renderApp(server)
    await user.click(await screen.findByRole('button', { name: 'Edit Wang Fang' }))
    const form = screen.getByRole('form', { name: 'Edit Wang Fang' })
    expect(within(form).getByLabelText('Name')).toHaveFocus()

    await user.click(within(form).getByLabelText('Active'))
    await user.type(within(form).getByLabelText('New PIN'), '9999')
    await user.click(within(form).getByRole('button', { name: 'Save changes' }))
    expect(await within(form).findByText('Wang Fang was updated.')).toBeInTheDocument()
    expect(server.callsTo('staff.update')).toEqual([{ id: 2, pin: '9999', active: false }])
    const row = await screen.findByRole('row', { name: /Wang Fang/ })
    await waitFor(() => expect(row).toHaveTextContent('Inactive'))
  })

  it('shows the ledger refusing to remove the last owner as an alert', async () => {
    openSettings()
    const server = createFakeServer({ staff, signedInAs: 'Li Wei' })
    server.failNext('staff.update', { code: 'CONFLICT', messageKey: 'errors.lastOwner' })
    const { user } = renderApp(server)
    await user.click(await screen.findByRole('button', { name: 'Edit Li Wei' }))
    const form = screen.getByRole('form', { name: 'Edit Li Wei' })
    await user.selectOptions(within(form).getByLabelText('Role'), 'technician')
    await user.click(within(form).getByRole('button', { name: 'Save changes' }))
    expect(await within(form).findByRole('alert')).toHaveTextContent('The shop needs at least one active owner.')
  })
})

describe('an ended session', () => {
  it('returns to the sign-in screen when a write answers UNAUTHENTICATED', async () => {
    openSettings()
    const server = createFakeServer({ staff, signedInAs: 'Li Wei' })
    server.failNext('settings.update', { code: 'UNAUTHENTICATED', messageKey: 'errors.unauthenticated' })
    const { user } = renderApp(server)
    await user.type(await screen.findByLabelText('Phone'), '9{Enter}')
    expect(await screen.findByRole('heading', { level: 1, name: 'Sign in' })).toBeInTheDocument()
  })
})
