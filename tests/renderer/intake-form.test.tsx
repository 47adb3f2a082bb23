import { screen, waitFor, within } from '@testing-library/react'
import { describe, expect, it } from 'vitest'
import { badImei, knownImei, seededServer, validImei } from './intake-fixtures'
import { renderApp } from './render-app'

const faultLabel = 'Reported fault (customer’s words)'

async function scanField() {
  const scan = await screen.findByLabelText('IMEI / serial')
  await waitFor(() => expect(scan).toHaveFocus())
  return scan
}

describe('intake form: device and customer', () => {
  it('finds a known device by a scanned IMEI + Enter, shows its history and picks its owner', async () => {
    const { server, earlier, zhang } = seededServer()
    const { user } = renderApp(server)
    await scanField()
    await user.keyboard(`${knownImei}{Enter}`)

    expect(await screen.findByText('Known device')).toBeInTheDocument()
    expect(server.callsTo('devices.history')).toEqual([{ identifier: knownImei }])
    expect(screen.getByText('Samsung Galaxy S24 (SM-S921B)')).toBeInTheDocument()
    const history = screen.getByRole('table', { name: 'Earlier tickets of this device' })
    const row = within(history).getByRole('row', { name: new RegExp(earlier.number) })
    expect(row).toHaveTextContent('Collected')
    expect(screen.getByLabelText('Purchase date')).toHaveValue('2026-03-01')
    expect(screen.getByLabelText('Proof of purchase (invoice no.)')).toHaveValue('INV-881')

    expect(await screen.findByText('Owner of this device')).toBeInTheDocument()
    expect(screen.getByText(zhang.name)).toBeInTheDocument()
    await waitFor(() => expect(screen.getByLabelText(faultLabel)).toHaveFocus())
  })

  it('offers the new-device fields for an unknown IMEI and flags a bad check digit, translated, before any submit', async () => {
    const { server } = seededServer()
    server.settings!.locale = 'zh-CN'
    const { user } = renderApp(server)
    const scan = await screen.findByLabelText('IMEI / 序列号')
    await waitFor(() => expect(scan).toHaveFocus())
    const wrong = badImei('86123405678901')
    await user.keyboard(`${wrong}{Enter}`)

    const imei = await screen.findByLabelText('IMEI')
    expect(imei).toHaveValue(wrong)
    expect(screen.getByLabelText('序列号')).toHaveValue('')
    expect(imei).toHaveAttribute('aria-invalid', 'true')
    expect(imei).toHaveAccessibleDescription('IMEI 须为 15 位数字且校验位正确')
    await waitFor(() => expect(screen.getByRole('combobox', { name: '机型' })).toHaveFocus())

    await user.click(screen.getByRole('button', { name: '登记接机' }))
    expect(server.callsTo('tickets.intake')).toEqual([])
    expect(imei).toHaveAttribute('aria-invalid', 'true')

    await user.clear(imei)
    await user.type(imei, validImei('86123405678901'))
    expect(imei).not.toHaveAttribute('aria-invalid')
  })

  it('prefills a serial for a scan that is not 15 digits and picks a model from the list by keyboard', async () => {
    const { server, redmi } = seededServer()
    const { user } = renderApp(server)
    await scanField()
    await user.keyboard('ab12 cd34{Enter}')
    expect(await screen.findByLabelText('Serial number')).toHaveValue('AB12CD34')
    expect(screen.getByLabelText('IMEI')).toHaveValue('')

    const model = screen.getByRole('combobox', { name: 'Device model' })
    await waitFor(() => expect(model).toHaveFocus())
    await user.keyboard('redmi')
    const list = screen.getByRole('listbox', { name: 'Device model', hidden: true })
    await waitFor(() => expect(within(list).getAllByRole('option')).toHaveLength(1))
    expect(within(list).getByRole('option', { name: /Xiaomi Redmi Note 13/ })).toHaveAttribute('aria-selected', 'true')
    await user.keyboard('{Enter}')
    expect(model).toHaveValue('Xiaomi Redmi Note 13')
    expect(model).toHaveAccessibleDescription('Warranty 24 months')
    expect(server.callsTo('models.search')).toContainEqual({ query: 'redmi', limit: 20 })
    expect(redmi.effectiveWarrantyMonths).toBe(24)
  })

  it('picks the best match for a typed model name even when Enter beats the search (scanner speed)', async () => {
    const { server } = seededServer()
    const { user } = renderApp(server)
    await scanField()
    await user.keyboard('ab12 cd34{Enter}')
    const model = screen.getByRole('combobox', { name: 'Device model' })
    await waitFor(() => expect(model).toHaveFocus())
    await user.keyboard('redmi{Enter}')
    await waitFor(() => expect(model).toHaveValue('Xiaomi Redmi Note 13'))
    expect(model).toHaveAccessibleDescription('Warranty 24 months')
  })

  it('finds a customer by phone as you type and picks them with the keyboard', async () => {
    const { server, zhang } = seededServer()
    const { user } = renderApp(server)
    await scanField()
    await user.click(screen.getByRole('combobox', { name: 'Find customer (name or phone)' }))
    await user.keyboard('0013')
    expect(await screen.findByRole('option', { name: /张敏/ })).toBeInTheDocument()
    await user.keyboard('{ArrowDown}{Enter}')
    expect(screen.getByText(zhang.name)).toBeInTheDocument()
    expect(screen.getByRole('button', { name: `Change: ${zhang.name}` })).toBeInTheDocument()
    expect(server.callsTo('customers.search').at(-1)).toEqual({ query: '0013', limit: 8 })
  })

  it('marks the field the ledger names in an INVALID_INPUT answer (customer.new.phone)', async () => {
    const { server } = seededServer()
    const { user } = renderApp(server)
    await scanField()
    await user.keyboard(`${knownImei}{Enter}`)
    await screen.findByText('Owner of this device')
    await user.click(screen.getByRole('button', { name: /^Change/ }))
    await user.type(screen.getByRole('combobox', { name: 'Find customer (name or phone)' }), '139 1234 5678')
    await user.click(screen.getByRole('button', { name: 'New customer' }))
    expect(screen.getByLabelText('Phone')).toHaveValue('139 1234 5678')
    await user.type(screen.getByLabelText('Customer name'), 'Chen Jie')
    await user.type(screen.getByLabelText(faultLabel), 'No sound from the speaker')

    server.failNext('tickets.intake', {
      code: 'INVALID_INPUT',
      messageKey: 'errors.invalidInput',
      issues: [{ path: ['customer', 'new', 'phone'], messageKey: 'validation.phone', message: 'phone' }],
    })
    await user.click(screen.getByRole('button', { name: 'Take in device' }))

    const phone = screen.getByLabelText('Phone')
    await waitFor(() => expect(phone).toHaveAttribute('aria-invalid', 'true'))
    expect(phone).toHaveAccessibleDescription(/Enter a phone number using digits only/)
    expect(phone).toHaveFocus()
    expect(screen.getByRole('alert')).toHaveTextContent('Some fields need attention.')
    expect(server.callsTo('tickets.intake')).toHaveLength(1)
  })

  it('checks the form before asking the ledger and never submits on a plain Enter', async () => {
    const { server } = seededServer()
    const { user } = renderApp(server)
    await scanField()
    await user.click(screen.getByRole('button', { name: 'Take in device' }))
    const scan = screen.getByLabelText('IMEI / serial')
    expect(scan).toHaveAttribute('aria-invalid', 'true')
    expect(scan).toHaveAccessibleDescription(/Scan or type the IMEI \/ serial and press Enter\./)
    expect(scan).toHaveFocus()
    expect(screen.getByLabelText(faultLabel)).toHaveAttribute('aria-invalid', 'true')

    await user.keyboard(`${knownImei}{Enter}`)
    await screen.findByText('Owner of this device')
    await user.type(screen.getByLabelText('Proof of purchase (invoice no.)'), '-B{Enter}')
    await user.type(screen.getByLabelText(faultLabel), 'Cracked screen')
    expect(server.callsTo('tickets.intake')).toEqual([])
  })
})
