import Database from 'better-sqlite3'
import { expect, test, type Page } from '@playwright/test'
import { expectAccessible } from './support/a11y'
import { saveScreenshot } from './support/screenshots'
import { startWebServer, type RunningServer } from './support/web-server'

// The first day of a shop, in the real browser against the real web mode and a temp ledger file:
// setup by keyboard, sign out, sign in (wrong PIN, then right), switch language, reload, restart.

let server: RunningServer
test.beforeEach(async () => {
  server = await startWebServer()
})
test.afterEach(async () => {
  await server.stop()
})

async function typeAndTab(page: Page, text: string): Promise<void> {
  await page.keyboard.type(text)
  await page.keyboard.press('Tab')
}

test('first run: setup with the keyboard, sign out, sign in, change language, reload and restart', async ({ page }) => {
  await page.goto(server.url)
  await expect(page.getByRole('heading', { name: '设置店铺' })).toBeVisible()
  await expect(page).not.toHaveURL(/token=/)
  await expectAccessible(page, 'setup')
  await saveScreenshot(page, 'setup')

  // Focus starts in the first field; the whole form is filled with the keyboard alone.
  await expect(page.getByLabel('店铺名称')).toBeFocused()
  await typeAndTab(page, '好修通讯维修店')
  await typeAndTab(page, '上海市徐汇区漕溪北路 88 号')
  await typeAndTab(page, '021-5555 0100')
  await page.keyboard.press('Tab') // currency: keep CNY
  await page.keyboard.press('Tab') // time zone: keep the browser's
  await page.keyboard.press('Tab') // shop language: keep 中文
  await expect(page.getByLabel('您的姓名')).toBeFocused()
  await typeAndTab(page, '王店主')
  await typeAndTab(page, '246810')
  await page.keyboard.type('246810')
  await page.keyboard.press('Enter')

  // Signed in as the owner, in Chinese.
  await expect(page.getByRole('button', { name: '退出登录' })).toBeVisible()
  await expect(page.getByText('好修通讯维修店').first()).toBeVisible()
  await expect(page.getByRole('navigation', { name: '主导航' })).toBeVisible()
  await expectAccessible(page, 'counter (not built yet)')

  // Settings by its keyboard shortcut; the owner adds a technician.
  await page.keyboard.press('Alt+7')
  await expect(page.getByRole('heading', { name: '设置', exact: true })).toBeVisible()
  const addForm = page.getByRole('form', { name: '添加员工' })
  await addForm.getByLabel('姓名', { exact: true }).fill('李师傅')
  await addForm.getByLabel('PIN 码', { exact: true }).fill('1357')
  await addForm.getByRole('button', { name: '添加员工' }).press('Enter')
  await expect(page.getByRole('table', { name: '员工列表' }).getByText('李师傅')).toBeVisible()
  await expectAccessible(page, 'settings')

  await page.getByRole('button', { name: '退出登录' }).click()

  // Sign-in: a wrong PIN is refused and cleared, the right one lets the owner in.
  const pin = page.getByLabel('PIN 码', { exact: true })
  await expect(pin).toBeVisible()
  await page.getByLabel('员工', { exact: true }).selectOption({ label: '王店主' })
  await expectAccessible(page, 'sign-in')
  await pin.fill('000000')
  await pin.press('Enter')
  await expect(page.getByRole('alert')).toContainText('PIN 码错误，请重试。')
  await expect(pin).toHaveValue('')
  await expect(pin).toBeFocused()
  await page.keyboard.type('246810')
  await page.keyboard.press('Enter')
  await expect(page.getByRole('button', { name: '退出登录' })).toBeVisible()

  // The owner switches to English; it is saved as their preference.
  await page.getByRole('combobox', { name: '语言 / Language' }).selectOption({ label: 'English' })
  await expect(page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: /Settings/ })).toBeVisible()
  await expect(page.locator('html')).toHaveAttribute('lang', 'en')

  // Reload: still signed in, still English, shop still there.
  await page.reload()
  await expect(page.getByRole('button', { name: 'Sign out' })).toBeVisible()
  await expect(page.getByText('好修通讯维修店').first()).toBeVisible()
  await page.keyboard.press('Alt+7')
  await expect(page.getByLabel('Shop name', { exact: true })).toHaveValue('好修通讯维修店')
  await saveScreenshot(page, 'settings')
  await page.keyboard.press('Alt+1')

  // Restart the app on the same ledger: everyone is signed out, the preference and data remain.
  await server.stop()
  server = await startWebServer(server.databasePath)
  await page.goto(server.url)
  await page.getByLabel(/员工|Staff member/).selectOption({ label: '王店主' })
  await page.getByLabel(/^(PIN 码|PIN)$/).fill('246810')
  await page.getByLabel(/^(PIN 码|PIN)$/).press('Enter')
  await expect(page.getByRole('button', { name: 'Sign out' })).toBeVisible()

  // The ledger file holds what the screens showed, with an audit row for every write.
  const ledger = new Database(server.databasePath, { readonly: true })
  try {
    expect(ledger.prepare('SELECT name, role, locale FROM staff ORDER BY id').all()).toEqual([
      { name: '王店主', role: 'owner', locale: 'en' },
      { name: '李师傅', role: 'technician', locale: null },
    ])
    const actions = (ledger.prepare('SELECT action FROM audit_log ORDER BY id').all() as { action: string }[]).map((r) => r.action)
    expect(actions).toEqual(['setup.complete', 'staff.create', 'auth.signOut', 'auth.signInFailed', 'auth.signIn', 'auth.setLocale', 'auth.signIn'])
  } finally {
    ledger.close()
  }
})

test('the web mode refuses a page without the token', async ({ page }) => {
  await page.goto(server.origin)
  await expect(page.getByRole('alert')).toBeVisible()
  await expectAccessible(page, 'no token')
  const res = await page.request.post(`${server.origin}/rpc/setup.status`, { data: {} })
  expect(res.status()).toBe(401)
})
