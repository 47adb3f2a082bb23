import { expect, test, type Page } from '@playwright/test'
import { expectAccessible } from './support/a11y'
import { saveScreenshot } from './support/screenshots'
import { openSetUpShop, rpc } from './support/shop'
import { startWebServer, type RunningServer } from './support/web-server'

let server: RunningServer
test.beforeEach(async () => {
  server = await startWebServer()
})
test.afterEach(async () => {
  await server.stop()
})

const drawer = (page: Page) => page.getByRole('region', { name: '钱箱' })
const payments = (page: Page) => page.getByRole('region', { name: '收款' })

/** "¥315.50" → 31550: the shop's money as shown, back in minor units (CNY, two decimals). */
function minorOf(text: string): number {
  const match = /(-?)¥([\d,]+)\.(\d{2})/.exec(text)
  if (!match) throw new Error(`no amount in ${text}`)
  return (match[1] ? -1 : 1) * (Number(match[2]!.replace(/,/g, '')) * 100 + Number(match[3]))
}

/** The repair itself, by API: the payments are what this test is about. */
async function repairByApi(page: Page, id: number) {
  await rpc(page, server, 'tickets.startDiagnosis', { id })
  await rpc(page, server, 'tickets.diagnose', { id, findings: '尾插氧化', faultCodes: { condition: '1', symptom: 'S02', defect: 'D04', repair: 'R04' }, repairTier: 'L2' })
  await rpc(page, server, 'tickets.estimate', { id, lines: [{ kind: 'labour', description: '更换尾插小板', quantity: 1, unitPriceMinor: 12_550 }] })
  await rpc(page, server, 'tickets.decide', { id, decision: 'approved', via: 'phone' })
  await rpc(page, server, 'tickets.startRepair', { id })
  await rpc(page, server, 'tickets.complete', { id, workDone: '更换尾插小板，充电测试正常', testResult: 'passed' })
  await rpc(page, server, 'tickets.markReady', { id, contactedVia: 'wechat' })
}

test('a paid repair from deposit to hand-back, a refund with the owner’s PIN, and the drawer counted at close', async ({ page }) => {
  await openSetUpShop(page, server)

  // Morning: the drawer opens with its float.
  await page.keyboard.press('Alt+4')
  await expect(page.getByRole('heading', { level: 1, name: '收款' })).toBeFocused()
  await expect(drawer(page)).toContainText('钱箱未开启')
  await drawer(page).getByRole('textbox', { name: '备用金' }).focus()
  await page.keyboard.type('200')
  await page.keyboard.press('Enter')
  await expect(drawer(page)).toContainText('钱箱已开启，备用金 ¥200.00。')
  await expect(drawer(page).locator('.drawer-expected')).toContainText('¥200.00')

  // Intake of a device out of warranty, with a cash deposit and change, through the form.
  await page.keyboard.press('Alt+1')
  await expect(page.getByLabel('IMEI / 序列号', { exact: true })).toBeFocused()
  await page.keyboard.type('R5CW70PAY01')
  await page.keyboard.press('Enter')
  await expect(page.getByRole('combobox', { name: '机型' })).toBeFocused()
  await page.keyboard.type('Galaxy S24')
  await expect(page.getByRole('option', { name: /Galaxy S24/ })).toBeVisible()
  await page.keyboard.press('Enter')
  // Enter during a running search picks its best match when it lands: wait for the pick.
  await expect(page.getByRole('combobox', { name: '机型' })).toHaveValue('Samsung Galaxy S24')
  await page.getByRole('button', { name: '新建客户' }).click()
  await page.getByLabel('客户姓名').fill('李娜')
  await page.getByLabel('电话', { exact: true }).fill('13700137000')
  await page.getByLabel('故障描述（客户原话）').fill('无法充电')
  const deposit = page.getByRole('region', { name: '定金' })
  await deposit.getByRole('textbox', { name: /^定金/ }).focus()
  await page.keyboard.type('50')
  await page.keyboard.press('Tab')
  await expect(deposit.getByRole('radio', { name: '现金' })).toBeFocused()
  await expect(deposit.getByRole('radio', { name: '现金' })).toBeChecked()
  await page.keyboard.press('Tab')
  await page.keyboard.type('100')
  await expect(deposit).toContainText('应找零：¥50.00')
  await page.keyboard.press('Control+Enter')
  await expect(page.getByRole('heading', { name: /^工单 R\d{4}-\d{4} 已登记$/ })).toBeFocused()
  await expect(page.getByText('已收取定金 ¥50.00（现金），请找零 ¥50.00。')).toBeVisible()
  const ticketId = Number((await page.getByRole('link', { name: '打开工单' }).getAttribute('href'))!.split('/').pop())

  await repairByApi(page, ticketId)
  // Reloaded: the page must not show what it read before the API moved the ticket on.
  await page.goto(`${server.origin}/#/tickets/${ticketId}`)
  await page.reload()
  await expect(payments(page)).toContainText('待收余额')
  await expect(payments(page).getByRole('table', { name: '本工单的定金、收款和退款' })).toContainText('定金 · 现金')

  // The rest at the counter, by keyboard: Alt+P, the balance is filled in, cash handed over, Enter.
  await page.keyboard.press('Alt+P')
  const take = payments(page).getByRole('form', { name: '收款' })
  await expect(take.getByRole('textbox', { name: '金额' })).toBeFocused()
  await expect(take.getByRole('textbox', { name: '金额' })).toHaveValue('75.50')
  await page.keyboard.press('Tab')
  await expect(take.getByRole('radio', { name: '现金' })).toBeFocused()
  await page.keyboard.press('Tab')
  await page.keyboard.type('100')
  await expect(take).toContainText('应找零：¥24.50')
  await expectAccessible(page, 'ticket page, taking payment')
  await page.keyboard.press('Enter')
  await expect(payments(page)).toContainText('收款已记录：¥75.50，现金。请找零 ¥24.50。')
  await expect(payments(page).getByRole('link', { name: '打印收款凭证（80 毫米）' })).toBeFocused()
  await expect(payments(page)).toContainText('已全部结清')
  await payments(page).getByRole('heading', { level: 2, name: '收款' }).scrollIntoViewIfNeeded()
  await saveScreenshot(page, 'ticket-payment')
  await expectAccessible(page, 'ticket page, paid')

  // Settled: the device goes back.
  const work = page.getByRole('region', { name: '维修进度' })
  await work.getByRole('group', { name: '下一步' }).getByRole('button', { name: '交还设备', exact: true }).click()
  await work.getByRole('button', { name: '确认交还', exact: true }).click()
  await expect(page.getByRole('main')).toContainText('已取机')

  // A refund of part of the payment, approved by the owner's PIN.
  await payments(page).getByRole('button', { name: /^退款：.*的收款 ¥75\.50$/ }).click()
  const refund = payments(page).getByRole('form', { name: /^退款：.*收取的 ¥75\.50$/ })
  await expect(refund.getByRole('textbox', { name: '退款金额' })).toBeFocused()
  await page.keyboard.press('Control+A')
  await page.keyboard.type('10')
  await refund.getByRole('textbox', { name: '退款原因' }).fill('客户不要原装保护壳')
  await expect(refund.getByRole('combobox', { name: '审批店主' })).toHaveValue(/\d+/)
  await expect(refund.getByRole('combobox', { name: '审批店主' }).locator('option:checked')).toHaveText('王店主')
  await refund.getByLabel('店主 PIN 码').focus()
  await page.keyboard.type('246810')
  await expectAccessible(page, 'refund with owner approval')
  await page.keyboard.press('Enter')
  await expect(payments(page)).toContainText('已通过现金退款 ¥10.00。')
  await expect(payments(page).getByRole('table', { name: '本工单的定金、收款和退款' })).toContainText('审批人：王店主')

  // Its receipt, on 80 mm paper.
  await payments(page).getByRole('link', { name: '打印收款凭证（80 毫米）' }).click()
  const number = (await page.getByRole('article').locator('.print-number').textContent())!.match(/R\d{4}-\d{4}/)![0]
  await expect(page.getByRole('img', { name: `工单 ${number} 的条码` })).toBeVisible()
  await expect(page.getByRole('heading', { level: 2, name: '退款凭证' })).toBeVisible()
  await expect(page.getByRole('article')).toContainText('¥10.00')
  await expectAccessible(page, 'refund receipt 80 mm')
  await page.getByRole('button', { name: '返回' }).click()
  await expect(payments(page)).toBeVisible()

  // Evening: the day's takings and the drawer, closed with the counted cash.
  await page.keyboard.press('Alt+4')
  // Float + cash deposit + cash payment − cash refund (the screen re-reads the drawer as it opens).
  await expect(drawer(page).locator('.drawer-expected')).toContainText('¥315.50')
  const expected = minorOf((await drawer(page).locator('.drawer-expected').textContent())!)
  expect(expected).toBe(20_000 + 5_000 + 7_550 - 1_000)
  const totals = page.getByRole('table', { name: '按付款方式汇总' })
  await expect(totals.getByRole('row', { name: /^现金/ })).toContainText('¥125.50¥10.00¥115.503')
  await expect(page.getByRole('region', { name: '今日收款' }).getByRole('link', { name: number }).first()).toHaveAttribute('href', `#/tickets/${ticketId}`)
  await expectAccessible(page, 'payments screen')
  await saveScreenshot(page, 'payments')

  await drawer(page).getByRole('button', { name: '关闭钱箱' }).click()
  const close = drawer(page).getByRole('form', { name: '关闭钱箱' })
  await expect(close.getByRole('textbox', { name: '清点金额' })).toBeFocused()
  await page.keyboard.type('315')
  const counted = 31_500
  const overShort = counted - expected
  const yuan = (minor: number) => `¥${Math.floor(minor / 100)}.${String(minor % 100).padStart(2, '0')}`
  const words = overShort > 0 ? `长款 ${yuan(overShort)}` : overShort < 0 ? `短款 ${yuan(-overShort)}` : '账实相符'
  await expect(close).toContainText(words)
  await page.keyboard.press('Enter')
  await expect(drawer(page)).toContainText(`钱箱已关闭：清点 ¥315.00，应有 ¥315.50。${words}。`)
  const lastClose = drawer(page).locator('.work-block', { has: page.getByRole('heading', { name: '上次关箱' }) })
  await expect(lastClose).toContainText(`长款 / 短款${words}`)
  await expect(drawer(page)).toContainText('钱箱未开启')
})
