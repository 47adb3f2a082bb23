import { screen, waitFor } from '@testing-library/react'
import { describe, expect, it } from 'vitest'
import { createFakeServer } from './fake-server'
import { renderApp } from './render-app'

async function fillSetup(user: ReturnType<typeof renderApp>['user'], pin: string, confirm: string) {
  await user.type(screen.getByLabelText('Shop name'), 'Bright Fix')
  await user.type(screen.getByLabelText('Phone'), '021-5555-0101')
  await user.type(screen.getByLabelText('Your name'), 'Li Wei')
  await user.type(screen.getByLabelText('PIN'), pin)
  await user.type(screen.getByLabelText('Confirm PIN'), confirm)
}

describe('setup screen', () => {
  it('starts in Chinese with focus in the shop name, and the language field switches the UI at once', async () => {
    const { user } = renderApp(createFakeServer())
    const shopName = await screen.findByLabelText('店铺名称')
    expect(shopName).toHaveFocus()
    expect(screen.getByRole('heading', { level: 1, name: '设置店铺' })).toBeInTheDocument()
    expect(document.documentElement).toHaveAttribute('lang', 'zh-CN')

    await user.selectOptions(screen.getByLabelText('店铺语言'), 'en')
    expect(screen.getByRole('heading', { level: 1, name: 'Set up your shop' })).toBeInTheDocument()
    expect(document.documentElement).toHaveAttribute('lang', 'en')
    expect(screen.getByLabelText('Currency')).toHaveValue('CNY')
  })

  it('refuses mismatched PINs with a translated message beside the confirmation, without calling the ledger', async () => {
    const server = createFakeServer()
    const { user } = renderApp(server)
    await user.selectOptions(await screen.findByLabelText('店铺语言'), 'en')
    await fillSetup(user, '1234', '4321')
    await user.click(screen.getByRole('button', { name: 'Finish setup' }))

    const confirm = screen.getByLabelText('Confirm PIN')
    expect(confirm).toHaveAttribute('aria-invalid', 'true')
    expect(confirm).toHaveAccessibleDescription('The two PINs do not match.')
    expect(confirm).toHaveFocus()
    expect(server.callsTo('setup.complete')).toHaveLength(0)
  })

  it('marks the field named by a server INVALID_INPUT issue', async () => {
    const server = createFakeServer()
    const { user } = renderApp(server)
    await user.selectOptions(await screen.findByLabelText('店铺语言'), 'en')
    server.failNext('setup.complete', {
      code: 'INVALID_INPUT',
      messageKey: 'errors.invalidInput',
      issues: [{ path: ['shop', 'phone'], messageKey: 'validation.tooLong', params: { maximum: 40 }, message: 'Too long' }],
    })
    await fillSetup(user, '1234', '1234')
    await user.keyboard('{Enter}')

    const phone = await screen.findByLabelText('Phone')
    await waitFor(() => expect(phone).toHaveAttribute('aria-invalid', 'true'))
    expect(phone).toHaveAccessibleDescription('Too long: at most 40 characters.')
    expect(screen.getByRole('alert')).toHaveTextContent('Some fields need attention.')
    expect(screen.getByLabelText('Shop name')).not.toHaveAttribute('aria-invalid')
  })

  it('sends the shop and owner, then lands signed in as the owner', async () => {
    const server = createFakeServer()
    const { user } = renderApp(server)
    await user.selectOptions(await screen.findByLabelText('店铺语言'), 'en')
    await fillSetup(user, '2468', '2468')
    await user.click(screen.getByRole('button', { name: 'Finish setup' }))

    expect(await screen.findByText('Signed in: Li Wei, Owner')).toBeInTheDocument()
    expect(screen.getByRole('navigation', { name: 'Main' })).toBeInTheDocument()
    const [input] = server.callsTo('setup.complete')
    expect(input).toMatchObject({
      shop: { shopName: 'Bright Fix', phone: '021-5555-0101', currency: 'CNY', locale: 'en' },
      owner: { name: 'Li Wei', pin: '2468' },
    })
  })
})
