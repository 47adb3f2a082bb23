import { execFileSync } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { expect, test } from '@playwright/test'
import { expectAccessible } from './support/a11y'
import { saveScreenshot } from './support/screenshots'
import { openSetUpShop } from './support/shop'
import { startWebServer, type RunningServer } from './support/web-server'

let server: RunningServer
test.beforeEach(async () => {
  server = await startWebServer()
})
test.afterEach(async () => {
  await server.stop()
})

test('intake by keyboard and scanner, receipt to PDF, find by phone, open', async ({ page }) => {
  await openSetUpShop(page, server)
  await page.keyboard.press('Alt+1')
  const scan = page.getByLabel('IMEI / 序列号', { exact: true })
  await expect(scan).toBeFocused()
  await expectAccessible(page, 'counter, empty intake form')

  // A scanner types the IMEI and presses Enter: an unknown device, so the model comes next.
  await page.keyboard.type('490154203237518', { delay: 5 })
  await page.keyboard.press('Enter')
  const model = page.getByRole('combobox', { name: '机型' })
  await expect(model).toBeFocused()
  await page.keyboard.type('moto g54')
  await expect(page.getByRole('option', { name: /moto g54/ })).toBeVisible()
  await page.keyboard.press('Enter')
  await expect(page.getByLabel('IMEI', { exact: true })).toHaveValue('490154203237518')

  // The rest by Tab and typing only.
  // A native date field: its segment order follows the browser's own locale, so set it directly.
  await page.getByLabel('购买日期').fill('2026-03-01')
  await page.getByLabel('购机凭证（发票号）').focus()
  await page.keyboard.type('JD-2026-0301-77')
  await expect(page.getByRole('region', { name: '保修' })).toContainText('保修期内')

  await page.getByRole('combobox', { name: '查找客户（姓名或电话）' }).focus()
  await page.keyboard.press('Tab')
  await expect(page.getByRole('button', { name: '新建客户' })).toBeFocused()
  await page.keyboard.press('Enter')
  await page.getByLabel('客户姓名').focus()
  await page.keyboard.type('张三')
  await page.keyboard.press('Tab')
  await page.keyboard.type('138 0013 8000')

  await page.getByLabel('故障描述（客户原话）').focus()
  await page.keyboard.type('充电时不开机')
  await page.getByRole('checkbox', { name: '屏幕碎裂' }).focus()
  await page.keyboard.press('Space')
  await page.getByRole('checkbox', { name: '充电器' }).focus()
  await page.keyboard.press('Space')
  await page.getByRole('checkbox', { name: '客户已提供锁屏密码' }).focus()
  await page.keyboard.press('Space')
  await expectAccessible(page, 'counter, filled intake form')
  await page.getByRole('heading', { name: '接机登记', exact: true }).scrollIntoViewIfNeeded()
  await saveScreenshot(page, 'intake')
  await page.keyboard.press('Control+Enter')

  const taken = page.getByRole('heading', { name: /^工单 R\d{4}-\d{4} 已登记$/ })
  await expect(taken).toBeFocused()
  const ticketNumber = (await taken.textContent())!.match(/R\d{4}-\d{4}/)![0]
  expect(ticketNumber).toMatch(/^R\d{4}-0001$/)

  // Print preview of the 80 mm receipt, saved as PDF and read back.
  await page.getByRole('link', { name: '打印接机单（80 毫米）' }).click()
  await expect(page.getByRole('img', { name: `工单 ${ticketNumber} 的条码` })).toBeVisible()
  await expect(page.getByRole('img', { name: `工单 ${ticketNumber} 的二维码` })).toBeVisible()
  await expectAccessible(page, 'receipt 80 mm')
  await saveScreenshot(page, 'receipt-80mm')
  const pdfFile = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'receipt-')), 'receipt.pdf')
  await page.emulateMedia({ media: 'print' })
  await page.pdf({ path: pdfFile, preferCSSPageSize: true, printBackground: true })
  await page.emulateMedia({ media: 'screen' })
  const text = execFileSync('pdftotext', ['-layout', pdfFile, '-'], { encoding: 'utf8' })
  expect(text).toContain(ticketNumber)
  expect(text).toContain('13800138000')
  expect(text).toContain('490154203237518')
  const pages = execFileSync('pdfinfo', [pdfFile], { encoding: 'utf8' })
  expect(pages).toMatch(/Pages:\s+1\b/)
  expect(Number(/Page size:\s+([\d.]+) x/.exec(pages)?.[1])).toBeCloseTo(226.8, 0) // 80 mm wide
  await page.getByRole('button', { name: '返回' }).click()

  // Find it again by the last four digits of the phone and open it.
  await page.keyboard.press('Alt+2')
  const search = page.getByRole('searchbox', { name: '搜索工单' })
  await expect(search).toBeFocused()
  await page.keyboard.type('8000')
  const row = page.getByRole('link', { name: ticketNumber })
  await expect(row).toBeVisible()
  await expectAccessible(page, 'ticket search')
  await saveScreenshot(page, 'tickets')
  await row.focus()
  await page.keyboard.press('Enter')
  await expect(page.getByRole('heading', { name: `工单 ${ticketNumber}` })).toBeVisible()
  await expect(page.getByRole('region', { name: '客户' })).toContainText('张三')
  await expect(page.getByRole('region', { name: '设备' })).toContainText('490154203237518')
  await expect(page.getByRole('region', { name: '保修' })).toContainText('保修期内')
  await expect(page.getByRole('table', { name: '该工单的全部记录（最早在前）' })).toContainText('王店主')
  await expectAccessible(page, 'ticket detail')
})
