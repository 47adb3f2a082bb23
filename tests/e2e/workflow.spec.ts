import { expect, test, type Page } from '@playwright/test'
import { expectAccessible } from './support/a11y'
import { saveScreenshot } from './support/screenshots'
import { intakeByApi, openSetUpShop, rpc } from './support/shop'
import { startWebServer, type RunningServer } from './support/web-server'

let server: RunningServer
test.beforeEach(async () => {
  server = await startWebServer()
})
test.afterEach(async () => {
  await server.stop()
})

const work = (page: Page) => page.getByRole('region', { name: '维修进度' })

/** Opens an action's form from the "next steps" group, fills it with `fill`, and submits it. */
async function act(page: Page, button: string, submit: string, fill: () => Promise<void> = async () => {}) {
  await work(page).getByRole('group', { name: '下一步' }).getByRole('button', { name: button, exact: true }).click()
  await fill()
  await work(page).getByRole('button', { name: submit, exact: true }).click()
}

async function diagnose(page: Page, warranty?: 'void') {
  await act(page, '填写检测结果', '保存检测结果', async () => {
    await page.getByLabel('检测结果', { exact: true }).fill('尾插氧化，主板进液痕迹')
    await page.getByLabel('状况代码').selectOption('1')
    await page.getByLabel('症状代码').selectOption('S02')
    await page.getByLabel('缺陷代码').selectOption('D04')
    await page.getByLabel('维修代码').selectOption('R04')
    await page.getByLabel('维修级别').selectOption('L2')
    if (warranty === 'void') {
      await page.getByRole('radio', { name: '保修失效（由客户付费）' }).check()
      await page.getByLabel('保修失效原因').selectOption('liquid_damage')
    }
  })
}

async function writeEstimate(page: Page, description: string, price: string) {
  const line = page.getByRole('group', { name: '第 1 行' })
  await line.getByLabel('类型').selectOption('labour')
  await line.getByLabel('说明').fill(description)
  await line.getByLabel('单价').fill(price)
  await work(page).getByRole('button', { name: '保存报价', exact: true }).click()
}

const status = (page: Page) => page.getByRole('main')

test('a paid repair from diagnosis through approval to collection', async ({ page }) => {
  await openSetUpShop(page, server)
  const ticket = await intakeByApi(page, server, { model: 'Galaxy S24', serial: 'R5CW70ABCDE', purchaseDate: null })
  await page.goto(`${server.origin}/#/tickets/${ticket.id}`)
  await expect(page.getByRole('heading', { name: `工单 ${ticket.number}` })).toBeVisible()
  await expectAccessible(page, 'ticket page, received')

  await act(page, '开始检测', '确认开始检测')
  await diagnose(page)
  // Paid work: the estimate comes next.
  await expect(page.getByRole('group', { name: '第 1 行' })).toBeVisible()
  await writeEstimate(page, '更换尾插小板', '125.50')
  await expect(work(page)).toContainText('¥125.50')
  await expectAccessible(page, 'ticket page, estimate written')

  await act(page, '客户同意维修', '保存客户决定', async () => {
    await page.getByLabel('客户答复方式').selectOption('phone')
  })
  await act(page, '开始维修', '确认开始维修')
  await act(page, '记录维修完成', '保存维修结果', async () => {
    await page.getByLabel('维修内容').fill('更换尾插小板，充电测试正常')
    await page.getByLabel('测试结果').selectOption('passed')
  })
  await act(page, '通知取机', '确认已通知客户', async () => {
    await page.getByLabel('通知方式').selectOption('wechat')
  })
  await saveScreenshot(page, 'ticket-work')
  // Hand-back is gated on payment (the payments spec takes it through the UI).
  await rpc(page, server, 'payments.record', { ticketId: ticket.id, amountMinor: 12_550, method: 'wechat' })
  await act(page, '交还设备', '确认交还')

  await expect(status(page)).toContainText('已取机')
  const timeline = page.getByRole('table', { name: '该工单的全部记录（最早在前）' })
  await expect(timeline.getByRole('row')).toHaveCount(11) // header + intake + 8 actions + the payment
  await expect(work(page).getByRole('group', { name: '下一步' }).getByRole('button', { name: '开始维修' })).toHaveCount(0)

  await page.getByRole('link', { name: '打印维修工单（A4）' }).click()
  await expect(page.getByRole('img', { name: `工单 ${ticket.number} 的条码` })).toBeVisible()
  await expectAccessible(page, 'job sheet')
})

test('a warranty repair voided at diagnosis, then declined by the customer', async ({ page }) => {
  await openSetUpShop(page, server)
  const ticket = await intakeByApi(page, server, { model: 'moto g54', serial: 'ZY22H7K9PQ', purchaseDate: '2026-06-01', proof: 'JD-0601' })
  await page.goto(`${server.origin}/#/tickets/${ticket.id}`)
  await expect(page.getByRole('region', { name: '保修' })).toContainText('保修期内')

  await diagnose(page, 'void')
  await expect(page.getByRole('region', { name: '保修' })).toContainText('保修失效')
  await writeEstimate(page, '更换主板', '880')
  await act(page, '客户拒绝维修', '保存客户决定', async () => {
    await page.getByLabel('客户答复方式').selectOption('in_person')
    await page.getByLabel(/^检测费/).fill('50')
  })
  await expect(status(page)).toContainText('客户拒绝')
  await act(page, '通知取机', '确认已通知客户', async () => {
    await page.getByLabel('通知方式').selectOption('phone')
  })
  await expect(work(page)).toContainText('¥50.00')
  await rpc(page, server, 'payments.record', { ticketId: ticket.id, amountMinor: 5000, method: 'card' })
  await act(page, '交还设备', '确认交还')
  await expect(status(page)).toContainText('已取机')

  // The counter board no longer lists it anywhere.
  await page.keyboard.press('Alt+1')
  const board = page.getByRole('region', { name: '前台看板' })
  await expect(board.getByRole('list', { name: '各状态在修工单' })).toBeVisible()
  await expect(board).not.toContainText(ticket.number)
  await expectAccessible(page, 'counter with board')
})
