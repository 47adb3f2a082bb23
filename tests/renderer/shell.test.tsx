import { screen, waitFor, within } from '@testing-library/react'
import { describe, expect, it } from 'vitest'
import { createFakeServer } from './fake-server'
import { renderApp } from './render-app'

const staff = [
  { name: 'Li Wei', role: 'owner' as const, pin: '1234' },
  { name: 'Wang Fang', role: 'technician' as const, pin: '5678' },
]

describe('app shell', () => {
  it('opens on the counter, and every navigation entry opens its own screen (none is a "not built yet" placeholder), by link and by Alt+n', async () => {
    const { user } = renderApp(createFakeServer({ staff, signedInAs: 'Li Wei' }))
    const nav = await screen.findByRole('navigation', { name: 'Main' })
    expect(await screen.findByLabelText('IMEI / serial')).toHaveFocus()
    expect(await screen.findByRole('heading', { level: 1, name: 'Take a device in' })).toBeInTheDocument()
    expect(within(nav).getByRole('link', { name: 'Counter' })).toHaveAttribute('aria-current', 'page')

    // Claims was the last screen behind the placeholder; it is built now.
    await user.click(within(nav).getByRole('link', { name: 'Claims' }))
    expect(await screen.findByRole('heading', { level: 1, name: 'Warranty claims' })).toHaveFocus()
    expect(screen.getByRole('navigation', { name: 'Claims sections' })).toBeInTheDocument()
    expect(screen.queryByText('This part of Repair Ledger is not built yet.')).not.toBeInTheDocument()
    expect(within(nav).getByRole('link', { name: 'Claims' })).toHaveAttribute('aria-current', 'page')
    expect(window.location.hash).toBe('#/claims')

    await user.keyboard('{Alt>}3{/Alt}')
    expect(await screen.findByRole('heading', { level: 1, name: 'Parts and stock' })).toBeInTheDocument()
    expect(window.location.hash).toBe('#/parts')

    // Every entry of the navigation, by Alt+1 … Alt+7: a screen of its own, never the placeholder.
    const links = within(nav).getAllByRole('link')
    expect(links).toHaveLength(7)
    for (const [index, link] of links.entries()) {
      await user.keyboard(`{Alt>}${index + 1}{/Alt}`)
      await waitFor(() => expect(link).toHaveAttribute('aria-current', 'page'))
      expect((await screen.findAllByRole('heading', { level: 1 }, { timeout: 5_000 })).length).toBeGreaterThan(0)
      expect(screen.queryByText('This part of Repair Ledger is not built yet.')).not.toBeInTheDocument()
    }
  })

  it('switches language at once and saves it as the signed-in staff preference', async () => {
    const server = createFakeServer({ staff, signedInAs: 'Li Wei' })
    const { user } = renderApp(server)
    await screen.findByRole('navigation', { name: 'Main' })

    await user.selectOptions(screen.getByRole('combobox', { name: '语言 / Language' }), '中文')
    expect(screen.getByRole('navigation', { name: '主导航' })).toBeInTheDocument()
    expect(screen.getByRole('link', { name: '工单' })).toBeInTheDocument()
    expect(screen.getByRole('button', { name: '退出登录' })).toBeInTheDocument()
    expect(document.documentElement).toHaveAttribute('lang', 'zh-CN')
    await waitFor(() => expect(server.callsTo('auth.setLocale')).toEqual([{ locale: 'zh-CN' }]))
    expect(server.staff[0]?.locale).toBe('zh-CN')
  })

  it('starts in the signed-in staff member’s language over the shop’s', async () => {
    renderApp(createFakeServer({ staff: [{ ...staff[1]!, locale: 'zh-CN' }], signedInAs: 'Wang Fang' }), 'en')
    expect(await screen.findByText('当前登录：Wang Fang，技术员')).toBeInTheDocument()
  })

  it('signs out back to the sign-in screen', async () => {
    const server = createFakeServer({ staff, signedInAs: 'Li Wei' })
    const { user } = renderApp(server)
    await user.click(await screen.findByRole('button', { name: 'Sign out' }))
    expect(await screen.findByRole('heading', { level: 1, name: 'Sign in' })).toBeInTheDocument()
    expect(screen.getByLabelText('Staff member')).toHaveFocus()
    expect(server.callsTo('auth.signOut')).toHaveLength(1)
  })
})
