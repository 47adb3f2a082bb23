import { screen } from '@testing-library/react'
import { describe, expect, it } from 'vitest'
import { createFakeServer } from './fake-server'
import { renderApp } from './render-app'

const staff = [
  { name: 'Li Wei', role: 'owner' as const, pin: '1234' },
  { name: 'Wang Fang', role: 'technician' as const, pin: '5678' },
]

describe('sign-in screen', () => {
  it('shows a wrong PIN error, clears the PIN and keeps focus there; the right PIN signs in', async () => {
    const server = createFakeServer({ staff })
    const { user } = renderApp(server)
    const who = await screen.findByLabelText('Staff member')
    expect(who).toHaveFocus()
    await user.selectOptions(who, 'Wang Fang')

    const pin = screen.getByLabelText('PIN')
    await user.type(pin, '0000{Enter}')
    expect(await screen.findByRole('alert')).toHaveTextContent('Wrong PIN. Please try again.')
    expect(pin).toHaveValue('')
    expect(pin).toHaveFocus()
    expect(pin).toHaveAttribute('aria-invalid', 'true')
    expect(pin).toHaveAccessibleDescription('Wrong PIN. Please try again.')

    await user.type(pin, '5678{Enter}')
    expect(await screen.findByText('Signed in: Wang Fang, Technician')).toBeInTheDocument()
    expect(server.callsTo('auth.signIn')).toEqual([
      { staffId: 2, pin: '0000' },
      { staffId: 2, pin: '5678' },
    ])
  })

  it('explains a PIN lock-out with the waiting time', async () => {
    const server = createFakeServer({ staff, shop: { locale: 'zh-CN' } })
    server.failNext('auth.signIn', { code: 'RATE_LIMITED', messageKey: 'errors.pinLocked', params: { retryAfterSeconds: 30 } })
    const { user } = renderApp(server)
    await user.type(await screen.findByLabelText('PIN 码'), '1234{Enter}')
    expect(await screen.findByRole('alert')).toHaveTextContent('PIN 码错误次数过多，请在 30 秒后重试。')
  })

  it('checks the PIN format before calling the ledger', async () => {
    const server = createFakeServer({ staff })
    const { user } = renderApp(server)
    await user.type(await screen.findByLabelText('PIN'), '12{Enter}')
    expect(screen.getByRole('alert')).toHaveTextContent('PIN must be 4–8 digits')
    expect(server.callsTo('auth.signIn')).toHaveLength(0)
  })
})
