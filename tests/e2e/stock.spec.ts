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

interface Model {
  id: number
  manufacturer: { id: number; name: string }
}

/** The moto g54 (a seeded Motorola model), a screen for it (no stock yet), and a low battery in shop stock. */
async function catalogue(page: Page) {
  const [model] = await rpc<Model[]>(page, server, 'models.search', { query: 'moto g54' })
  const screenPart = await rpc<{ id: number }>(page, server, 'parts.create', {
    sku: 'SCR-G54',
    manufacturerPartNumber: '5D68C23011',
    name: 'moto g54 屏幕总成',
    modelIds: [model!.id],
    sellPriceMinor: 45_000,
    binLocation: 'A-01',
  })
  const battery = await rpc<{ id: number }>(page, server, 'parts.create', { sku: 'BAT-G54', name: 'moto g54 电池', modelIds: [model!.id], sellPriceMinor: 12_000, reorderPoint: 3, binLocation: 'B-02' })
  await rpc(page, server, 'stock.receive', { pool: 'shop', supplier: '华强北配件行', lines: [{ partId: battery.id, quantity: 2, unitCostMinor: 6_500 }] })
  return { model: model!, screenPart }
}

/** A warranty ticket for a moto g54 taken through diagnosis to repair over the ledger API. */
async function warrantyTicketInRepair(page: Page) {
  const ticket = await intakeByApi(page, server, { model: 'moto g54', serial: 'ZY22H7K9PQ', purchaseDate: '2026-06-01', proof: 'JD-0601' })
  await rpc(page, server, 'tickets.startDiagnosis', { id: ticket.id, note: '' })
  await rpc(page, server, 'tickets.diagnose', {
    id: ticket.id,
    findings: '屏幕排线断裂',
    faultCodes: { condition: '1', symptom: 'S02', defect: 'D04', repair: 'R04' },
    repairTier: 'L2',
    warranty: { decision: 'confirm', note: '' },
  })
  await rpc(page, server, 'tickets.startRepair', { id: ticket.id, note: '' })
  return ticket
}

test('consigned parts received, used on a warranty repair, and the defective part shipped back', async ({ page }) => {
  await openSetUpShop(page, server)
  const { model } = await catalogue(page)
  const consigned = `${model.manufacturer.name}厂家备件`

  // Receive the manufacturer's delivery from the keyboard: part, Enter, quantity, Ctrl+Enter.
  await page.goto(`${server.origin}/#/parts/receive`)
  const receive = page.getByRole('form', { name: '收货入库' })
  await expect(receive.getByLabel('入库到')).toBeFocused()
  await receive.getByLabel('入库到').selectOption({ label: consigned })
  await expect(receive.getByLabel('供应商')).toHaveValue(model.manufacturer.name)
  await receive.getByLabel(/^送货单号/).fill('MOTO-DN-0042')
  const line = receive.getByRole('group', { name: '第 1 行' })
  await line.getByRole('combobox', { name: '配件' }).fill('SCR-G54')
  await page.keyboard.press('Enter')
  await expect(line.getByRole('combobox', { name: '配件' })).toHaveValue('SCR-G54 — moto g54 屏幕总成')
  await expect(line.getByLabel('数量')).toBeFocused()
  await line.getByLabel('数量').fill('2')
  await page.keyboard.press('Control+Enter')
  const receipt = page.getByRole('region', { name: `已收货入库到${consigned}` })
  await expect(receipt).toContainText('入库 1 行，共 2 件。')
  await expectAccessible(page, 'receive delivery')

  // The parts list: on hand per pool, the low battery marked in words.
  await page.keyboard.press('Alt+3')
  await expect(page.getByLabel('搜索配件')).toBeFocused()
  const table = page.getByRole('table', { name: '配件' })
  await expect(table.getByRole('columnheader', { name: consigned })).toBeVisible()
  await expect(table.getByRole('row', { name: /SCR-G54/ })).toContainText('moto g54 屏幕总成A-0102')
  await expect(table.getByRole('row', { name: /BAT-G54/ })).toContainText('低库存')
  await page.getByRole('button', { name: 'SCR-G54 的详情' }).click()
  await expect(page.getByRole('table', { name: '库存流水（最新在前）' }).getByRole('row')).toHaveCount(2)
  await expectAccessible(page, 'parts screen')
  await saveScreenshot(page, 'parts')

  // The warranty ticket takes the part from the manufacturer's consigned stock.
  const ticket = await warrantyTicketInRepair(page)
  await page.goto(`${server.origin}/#/tickets/${ticket.id}`)
  const parts = page.getByRole('region', { name: '配件', exact: true })
  await expect(parts).toContainText(`此工单的配件来源：${consigned}，其次本店库存。`)
  await parts.getByRole('button', { name: '领用配件' }).click()
  const use = parts.getByRole('form', { name: '为此工单领用配件' })
  await expect(use.getByRole('combobox', { name: '配件' })).toBeFocused()
  await page.keyboard.type('屏幕')
  await page.keyboard.press('Enter')
  await expect(use.getByText(`将从${consigned}出库（库存 2）。`)).toBeVisible()
  await expect(use.getByLabel('保留拆下的坏件返还厂家')).toBeChecked()
  await expectAccessible(page, 'ticket page, use parts form')
  await page.keyboard.press('Control+Enter')
  await expect(parts).toContainText(`已从${consigned}领用 1 个 SCR-G54。`)
  await expect(parts.getByRole('table', { name: '此工单使用的配件' }).getByRole('row', { name: /SCR-G54/ })).toContainText(consigned)
  await expect(parts.getByRole('table', { name: '为厂家保留的坏件' })).toContainText('剩余 30 天')
  await expectAccessible(page, 'ticket page, parts section')

  // The defective part is owed to the manufacturer until it is shipped.
  await parts.getByRole('link', { name: '打开坏件返还列表' }).click()
  const owed = page.getByRole('region', { name: `${model.manufacturer.name}：待返还坏件` })
  await expect(owed.getByRole('row', { name: /SCR-G54/ })).toContainText(ticket.number)
  await expectAccessible(page, 'RMA list')
  await saveScreenshot(page, 'rma')
  await owed.getByLabel('快递公司').fill('顺丰速运')
  await owed.getByLabel('运单号').fill('SF1000000001')
  await owed.getByRole('button', { name: '寄出所选坏件（1）' }).click()
  await expect(page.getByText(`已向${model.manufacturer.name}寄出 1 件，运单号 SF1000000001。`)).toBeVisible()
  await expect(page.getByText('没有待返还的坏件。')).toBeVisible()
  await expect(owed).toHaveCount(0)
  await page.getByLabel('显示最近的寄件').check()
  await expect(page.getByRole('table', { name: '最近的寄件' })).toContainText('SF1000000001')
})
