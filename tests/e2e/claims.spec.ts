import { createHash } from 'node:crypto'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import AxeBuilder from '@axe-core/playwright'
import { expect, test, type Page } from '@playwright/test'
import Papa from 'papaparse'
import { addDaysToDate, businessDateOf } from '../../shared/dates'
import type { DailyReportDto } from '../../shared/dto/reports'
import { formatMoney } from '../../shared/money'
import { startMockManufacturer, type MockManufacturer } from '../support/mock-manufacturer'
import { expectAccessible } from './support/a11y'
import { saveScreenshot } from './support/screenshots'
import { intakeByApi, openSetUpShop, rpc } from './support/shop'
import { startWebServer, type RunningServer } from './support/web-server'

// A warranty repair's claim from the finished repair to the manufacturer's money, in Chromium
// against the real web mode: the owner sets Motorola's claim rules (with its online endpoint, a
// mock manufacturer on 127.0.0.1), fixes what validation finds, batches, exports and sends the
// claim, records the rejection, resubmits, sends a second claim online, enters the remittance
// and reads the figures in today's report.

let server: RunningServer
let maker: MockManufacturer
test.beforeEach(async () => {
  maker = await startMockManufacturer()
  // The mock endpoint is plain http on loopback: allowed only with this switch, as the sync tests do.
  server = await startWebServer(undefined, { REPAIR_LEDGER_SYNC_ALLOW_LOOPBACK_HTTP: '1' })
})
test.afterEach(async () => {
  await server.stop()
  await maker.close()
})

const yuan = (minor: number) => formatMoney(minor, 'CNY', 'zh-CN')
const today = () => businessDateOf(Date.now(), 'Asia/Shanghai')
const syncToken = 'moto-e2e-token-7f3a'

/**
 * No serious or critical axe-core violation inside one part of the page: the settings page is long
 * (shop, staff, catalogue, fault codes, backups…) and the other specs check the rest of it.
 */
async function expectAccessibleWithin(page: Page, selector: string, screen: string): Promise<void> {
  const results = await new AxeBuilder({ page }).include(selector).analyze()
  const bad = results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical')
  expect(bad.map((v) => `${v.id} (${v.impact}): ${v.help} — ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`), `axe-core violations on ${screen}`).toEqual([])
}

const claimsScreen = (page: Page) => page.getByRole('main')
const section = (page: Page, name: RegExp) => page.getByRole('navigation', { name: '索赔分区' }).getByRole('button', { name })
const claimDetail = (page: Page) => page.locator('#claim-detail')
const batchDetail = (page: Page) => page.locator('#batch-detail')

/**
 * A Motorola phone in warranty (serial only, no IMEI), diagnosed, repaired with one consigned
 * charging board and two flex cables bought by the shop at ¥33.33, and in repair: over the API.
 */
async function warrantyRepairInProgress(page: Page) {
  const [model] = await rpc<{ id: number; manufacturerId: number }[]>(page, server, 'models.search', { query: 'moto g54' })
  const moto = (await rpc<{ id: number; code: string }[]>(page, server, 'manufacturers.list', { includeInactive: true })).find((m) => m.code === 'MOTO')!
  const part = (manufacturerPartNumber: string, name: string) =>
    rpc<{ id: number }>(page, server, 'parts.create', { sku: `SKU-${manufacturerPartNumber}`, manufacturerPartNumber, name, modelIds: [model!.id], sellPriceMinor: 12_000 })
  const board = await part('5P68C22600', 'moto g54 尾插小板')
  const flex = await part('SC98C11442', 'moto g54 排线')
  await rpc(page, server, 'stock.receive', { pool: `consigned:${moto.id}`, supplier: 'Motorola', lines: [{ partId: board.id, quantity: 2 }] })
  await rpc(page, server, 'stock.receive', { pool: 'shop', supplier: '华强北', lines: [{ partId: flex.id, quantity: 5, unitCostMinor: 3333 }] })

  const ticket = await intakeByApi(page, server, { model: 'moto g54', serial: 'ZY22H7K9PQ', purchaseDate: addDaysToDate(today(), -60), proof: 'JD-0601' })
  await rpc(page, server, 'tickets.diagnose', {
    id: ticket.id,
    findings: '尾插氧化，充电板接触不良',
    faultCodes: { condition: '1', symptom: 'S02', defect: 'D04', repair: 'R04' },
    repairTier: 'L2',
    warranty: { decision: 'confirm', note: '' },
  })
  await rpc(page, server, 'tickets.useParts', { id: ticket.id, lines: [{ partId: board.id, quantity: 1 }, { partId: flex.id, quantity: 2, keepDefective: false }] })
  await rpc(page, server, 'tickets.startRepair', { id: ticket.id })
  return ticket
}

/** A second Motorola warranty repair (labour only, with its IMEI), completed and checked ready over the API. */
async function readyLabourOnlyClaim(page: Page) {
  const [model] = await rpc<{ id: number }[]>(page, server, 'models.search', { query: 'moto g54' })
  const ticket = await rpc<{ id: number; number: string }>(page, server, 'tickets.intake', {
    customer: { new: { name: '李娜', phone: '13700137000' } },
    device: { new: { modelId: model!.id, imei: '356938035643809' }, purchaseDate: addDaysToDate(today(), -30), proofOfPurchaseRef: 'TM-8812' },
    reportedFault: '无法充电',
    promisedDate: null,
  })
  await rpc(page, server, 'tickets.diagnose', { id: ticket.id, findings: '尾插进灰', faultCodes: { condition: '1', symptom: 'S02', defect: 'D04', repair: 'R04' }, repairTier: 'L2', warranty: { decision: 'confirm', note: '' } })
  await rpc(page, server, 'tickets.startRepair', { id: ticket.id })
  await rpc(page, server, 'tickets.complete', { id: ticket.id, workDone: '清洁尾插', testResult: 'passed' })
  const claims = await rpc<{ items: { id: number; number: string; ticket: { id: number } }[] }>(page, server, 'claims.list', { statuses: ['draft'] })
  const claim = claims.items.find((c) => c.ticket.id === ticket.id)!
  const checked = await rpc<{ status: string }>(page, server, 'claims.validate', { id: claim.id })
  expect(checked.status).toBe('ready')
  return claim
}

/** Opens a new batch of Motorola's ready claims in the Batches section and creates it. */
async function createBatch(page: Page, claimNumber: string): Promise<string> {
  await section(page, /^批次$/).click()
  await page.getByRole('button', { name: '新建批次' }).click()
  const form = page.getByRole('form', { name: '新建批次' })
  await form.getByLabel('厂家').selectOption({ label: 'Motorola' })
  await expect(form.getByRole('checkbox', { name: `打包索赔单 ${claimNumber}` })).toBeChecked()
  await form.getByRole('button', { name: '生成批次（1）' }).click()
  // The form goes in the same render that says which batch was made (an earlier batch's message may still be up until then).
  await expect(form).toBeHidden()
  const created = claimsScreen(page).getByText(/^已生成批次 B-MOTO-\d{4}，共 1 张索赔单。$/)
  await expect(created).toBeVisible()
  const batch = /B-MOTO-\d{4}/.exec((await created.textContent())!)![0]
  await expect(page.getByRole('heading', { level: 2, name: `批次 ${batch}` })).toBeFocused()
  return batch
}

/** The batch was uploaded to the manufacturer's portal by hand: mark it submitted, by keyboard. */
async function markSubmitted(page: Page, batch: string, reference: string) {
  await batchDetail(page).getByRole('group', { name: '批次操作' }).getByRole('button', { name: '标记为已提交' }).click()
  const form = page.getByRole('form', { name: `标记批次 ${batch} 为已提交` })
  await expect(form.getByLabel(/^平台或快递单号/)).toBeFocused()
  await page.keyboard.type(reference)
  await page.keyboard.press('Enter')
  await expect(batchDetail(page)).toContainText(`批次 ${batch} 已标记为已提交。`)
  await expect(batchDetail(page).getByRole('definition').filter({ hasText: reference })).toBeVisible()
}

test('a warranty claim from the finished repair to the manufacturer’s money, sent by file and online', async ({ page }) => {
  await openSetUpShop(page, server)
  const ticket = await warrantyRepairInProgress(page)
  const claimNumber = `C-${ticket.number}`

  // The repair is finished at the bench: completing it builds the claim.
  await page.goto(`${server.origin}/#/tickets/${ticket.id}`)
  const work = page.getByRole('region', { name: '维修进度' })
  await work.getByRole('group', { name: '下一步' }).getByRole('button', { name: '记录维修完成', exact: true }).click()
  await page.getByLabel('维修内容').fill('更换尾插小板和排线，充电测试正常')
  await page.getByLabel('测试结果').selectOption('passed')
  await work.getByRole('button', { name: '保存维修结果', exact: true }).click()
  await expect(work.getByRole('group', { name: '下一步' }).getByRole('button', { name: '通知取机', exact: true })).toBeVisible()

  // Motorola's claim rules, by the owner in Settings: labour per tier, markup, IMEI required, the endpoint and its token.
  await page.keyboard.press('Alt+7')
  await expect(page.getByRole('heading', { level: 1, name: '设置' })).toBeVisible()
  const rulesSection = page.getByRole('region', { name: '厂家索赔规则' })
  await rulesSection.getByLabel('查看索赔规则的厂家').selectOption({ label: 'Motorola' })
  const rules = rulesSection.getByRole('form', { name: 'Motorola 的索赔规则' })
  await rules.getByLabel(/^工时费，L1/).fill('30')
  await rules.getByLabel(/^工时费，L2/).fill('45')
  await rules.getByLabel(/^工时费，L3/).fill('80')
  await rules.getByLabel('店内库存配件加价率（%）').fill('15')
  await rules.getByRole('group', { name: '每张索赔单必须包含' }).getByRole('checkbox', { name: 'IMEI', exact: true }).check()
  await rules.getByLabel('接口地址（选填）').fill(maker.url)
  await rules.getByLabel('API 令牌（选填）').fill(syncToken)
  await expectAccessibleWithin(page, 'section[aria-labelledby="claim-rules-section-title"]', 'claim rules editor')
  await rulesSection.getByRole('heading', { level: 2, name: '厂家索赔规则' }).evaluate((heading) => heading.scrollIntoView({ block: 'start' }))
  await saveScreenshot(page, 'claim-rules')
  await rules.getByRole('button', { name: '保存索赔规则' }).click()
  await expect(rules).toContainText('Motorola 的索赔规则已保存。')
  // Write-only: the token typed is gone; the form only says one is stored.
  await expect(rules).toContainText('已保存令牌。')
  await expect(rules.locator('input[type="password"]')).toHaveCount(0)

  // Alt+6: the claim is a draft with its problem shown inline in the list.
  await page.keyboard.press('Alt+6')
  await expect(page.getByRole('heading', { level: 1, name: '保修索赔' })).toBeFocused()
  const list = page.getByRole('table', { name: '索赔单' })
  const row = list.getByRole('row').filter({ has: page.getByRole('rowheader', { name: new RegExp(claimNumber) }) })
  await expect(row).toContainText('草稿')
  await expect(row).toContainText('必须修正厂家要求填写设备的 IMEI。')
  // Labour ¥45.00 (L2) + flex cables 2 × ¥33.33 + 15 % (the consigned board is never charged).
  await expect(row).toContainText(yuan(4500 + 7666))
  await expectAccessible(page, 'claims list')
  await saveScreenshot(page, 'claims-list')

  // The claim opened; the fix and the check by keyboard.
  await row.getByRole('button', { name: `打开索赔单 ${claimNumber}` }).click()
  await expect(page.getByRole('heading', { level: 2, name: `索赔单 ${claimNumber}（第 1 版）` })).toBeFocused()
  await expect(claimDetail(page).getByRole('region', { name: '打包前须修正：1 项' })).toContainText('厂家要求填写设备的 IMEI。')
  await expectAccessible(page, 'claim detail, draft with a problem')
  await claimDetail(page).getByRole('button', { name: '修改', exact: true }).focus()
  await page.keyboard.press('Enter')
  const edit = page.getByRole('form', { name: `修改索赔单 ${claimNumber}` })
  // The form opens on the field that has the problem.
  await expect(edit.getByRole('textbox', { name: 'IMEI' })).toBeFocused()
  await expect(edit.getByRole('textbox', { name: 'IMEI' })).toHaveAccessibleDescription(/厂家要求填写设备的 IMEI。/)
  await expectAccessible(page, 'claim edit form')
  await page.keyboard.type('490154203237518')
  await page.keyboard.press('Enter')
  await expect(claimDetail(page)).toContainText(`索赔单 ${claimNumber} 已保存为草稿。改好后请再检查一次。`)
  await expect(claimDetail(page).getByRole('button', { name: '检查', exact: true })).toBeFocused()
  await page.keyboard.press('Enter')
  await expect(claimDetail(page)).toContainText(`索赔单 ${claimNumber} 全部检查通过，可以打包。`)
  await expect(row).toContainText('待提交')
  await expect(row.locator('.claim-problem-error')).toHaveCount(0)

  // Batched, exported to a folder typed in, with its progress and then the files written.
  const batch1 = await createBatch(page, claimNumber)
  const exportRoot = fs.mkdtempSync(path.join(os.tmpdir(), 'claims-export-'))
  const exportForm = batchDetail(page).getByRole('form', { name: `导出批次 ${batch1}` })
  await exportForm.getByLabel('本机文件夹').fill(exportRoot)
  // Held back until the progress bar has been seen (one claim exports faster than a glance).
  let release!: () => void
  const released = new Promise<void>((resolve) => (release = resolve))
  let answered!: () => void
  const delivered = new Promise<void>((resolve) => (answered = resolve))
  await page.route('**/rpc/batches.export', async (route) => {
    const response = await route.fetch()
    await released
    await route.fulfill({ response })
    answered()
  })
  await exportForm.getByLabel('本机文件夹').press('Enter')
  await expect(exportForm.getByRole('progressbar')).toBeVisible()
  await expect(exportForm.locator('.claim-progress label')).toHaveText(/^(正在开始导出…|.+：\d+ \/ \d+)$/)
  // Done with all four files (claims.csv, claims.json, parts-to-return.csv, manifest.json).
  await expect(exportForm.locator('.claim-progress label')).toHaveText('完成：4 / 4')
  await expect(exportForm.getByRole('progressbar', { name: '完成：4 / 4' })).toHaveAttribute('value', '4')
  release()
  await delivered
  await page.unroute('**/rpc/batches.export')
  const batchFolder = path.join(exportRoot, batch1)
  const result = batchDetail(page).getByRole('heading', { name: `文件已写入 ${batchFolder}` })
  await expect(result).toBeFocused()
  const files = batchDetail(page).getByRole('table', { name: '已写入的文件' })
  await expect(files.getByRole('rowheader')).toHaveText(['claims.csv', 'claims.json', 'parts-to-return.csv', 'manifest.json'])
  await expectAccessible(page, 'claims, batches section: a batch open and exported')
  await saveScreenshot(page, 'claims-batch')

  // On disk: the CSV parses, and the manifest's sizes and SHA-256 are those of the files.
  const manifest = JSON.parse(fs.readFileSync(path.join(batchFolder, 'manifest.json'), 'utf8')) as {
    batchNumber: string
    claimCount: number
    totals: { total: string }
    claims: { number: string; revision: number; total: string }[]
    files: { name: string; bytes: number; sha256: string }[]
  }
  expect(manifest).toMatchObject({ batchNumber: batch1, claimCount: 1, totals: { total: '121.66' }, claims: [{ number: claimNumber, revision: 1, total: '121.66' }] })
  expect(manifest.files.map((f) => f.name)).toEqual(['claims.csv', 'claims.json', 'parts-to-return.csv'])
  for (const file of manifest.files) {
    const bytes = fs.readFileSync(path.join(batchFolder, file.name))
    expect(bytes.length, file.name).toBe(file.bytes)
    expect(createHash('sha256').update(bytes).digest('hex'), file.name).toBe(file.sha256)
    await expect(files.getByRole('row').filter({ has: page.getByRole('rowheader', { name: file.name, exact: true }) })).toContainText(file.sha256)
  }
  const csv = Papa.parse<Record<string, string>>(fs.readFileSync(path.join(batchFolder, 'claims.csv'), 'utf8').replace(/^\uFEFF/, ''), { header: true, skipEmptyLines: true })
  expect(csv.errors).toEqual([])
  expect(csv.data).toHaveLength(1)
  expect(csv.data[0]).toMatchObject({ claim_number: claimNumber, revision: '1', imei: '490154203237518', serial: 'ZY22H7K9PQ', repair_tier: 'L2', total_amount: '121.66' })
  expect(csv.data[0]!.parts).toContain('SC98C11442 x2')
  fs.rmSync(exportRoot, { recursive: true, force: true })

  await markSubmitted(page, batch1, 'MOTO-PORTAL-0001')

  // Motorola rejects it: recorded on the claim, with its reason.
  await batchDetail(page).getByRole('button', { name: `打开索赔单 ${claimNumber}` }).click()
  await expect(page.getByRole('heading', { level: 2, name: `索赔单 ${claimNumber}（第 1 版）` })).toBeFocused()
  await claimDetail(page).getByRole('button', { name: '登记厂家答复' }).click()
  const outcome = page.getByRole('form', { name: `索赔单 ${claimNumber} 的厂家答复` })
  await outcome.getByRole('radio', { name: '驳回' }).check()
  await outcome.getByLabel('驳回原因').fill('购机凭证号与发票不符')
  await outcome.getByRole('button', { name: '登记驳回' }).click()
  await expect(claimDetail(page)).toContainText(`已登记索赔单 ${claimNumber} 为厂家驳回。`)
  await expect(claimDetail(page)).toContainText('厂家驳回：购机凭证号与发票不符')
  const resubmit = claimDetail(page).getByRole('button', { name: '修正后重新提交' })
  await expect(resubmit).toBeFocused()
  await expectAccessible(page, 'claim detail, rejected')

  // Corrected and resubmitted: revision 2, a draft, checked ready again by keyboard.
  await page.keyboard.press('Enter')
  const correct = page.getByRole('form', { name: `修正并重新提交索赔单 ${claimNumber}` })
  await correct.getByLabel('购买凭证（发票号）').fill('JD-0601-A')
  await correct.getByLabel(/^修改原因/).fill('按发票更正凭证号')
  await page.keyboard.press('Enter')
  await expect(claimDetail(page)).toContainText(`索赔单 ${claimNumber} 已修正：第 2 版为草稿。检查后重新打包。`)
  await expect(page.getByRole('heading', { level: 2, name: `索赔单 ${claimNumber}（第 2 版）` })).toBeVisible()
  await expect(claimDetail(page).getByRole('button', { name: '检查', exact: true })).toBeFocused()
  await page.keyboard.press('Enter')
  await expect(claimDetail(page)).toContainText(`索赔单 ${claimNumber} 全部检查通过，可以打包。`)
  await expect(claimDetail(page).getByRole('table', { name: '历史记录' })).toContainText('厂家已驳回')

  const batch2 = await createBatch(page, claimNumber)
  expect(batch2).not.toBe(batch1)
  await markSubmitted(page, batch2, 'MOTO-PORTAL-0002')

  // A second claim goes online: "Send online", and the background worker delivers it.
  const second = await readyLabourOnlyClaim(page)
  const batch3 = await createBatch(page, second.number)
  await batchDetail(page).getByRole('group', { name: '批次操作' }).getByRole('button', { name: '在线发送' }).click()
  await expect(batchDetail(page)).toContainText(`批次 ${batch3} 已加入发送队列，将在后台发送。`)
  await section(page, /^发送队列/).click()
  const sent = page.getByRole('article', { name: `${batch3} 发往 Motorola` })
  await expect(sent.locator('.screen-head .tag')).toHaveText('厂家已确认', { timeout: 15_000 })
  await expect(sent).toContainText('接收 1，拒收 0')
  await expect(sent.getByRole('table', { name: `${batch3} 的发送记录` }).getByRole('row')).toHaveCount(2)
  expect(maker.received).toHaveLength(1)
  expect(maker.received[0]!.authorization).toBe(`Bearer ${syncToken}`)
  expect(JSON.parse(maker.received[0]!.body)).toMatchObject({ batch: { number: batch3 }, claims: [{ claim_number: second.number, revision: 1 }] })
  await expectAccessible(page, 'claims, outbox section')
  await saveScreenshot(page, 'claims-outbox')

  // The remittance, by keyboard: Motorola pays the first claim short, the second in full; the differences first.
  await section(page, /^厂家回款$/).click()
  await page.getByRole('button', { name: '登记回款' }).click()
  const remittance = page.getByRole('form', { name: '厂家回款' })
  await expect(remittance.getByLabel('厂家')).toBeFocused()
  await remittance.getByLabel('厂家').selectOption({ label: 'Motorola' })
  await page.keyboard.press('Tab')
  await expect(remittance.getByLabel('回款编号')).toBeFocused()
  await page.keyboard.type('MOTO-REMIT-2611')
  const amountA = remittance.getByRole('textbox', { name: `索赔单 ${claimNumber} 的付款金额` })
  const amountB = remittance.getByRole('textbox', { name: `索赔单 ${second.number} 的付款金额` })
  await expect(amountA).toHaveValue('121.66')
  await expect(amountB).toHaveValue('45.00')
  await amountA.focus()
  await page.keyboard.press('Control+A')
  await page.keyboard.type('100')
  await page.keyboard.press('Enter')
  const preview = remittance.getByRole('region', { name: '本次回款：¥145.00，共 2 张索赔单' })
  await expect(preview.getByRole('heading')).toBeFocused()
  const previewLines = preview.getByRole('table')
  await expect(previewLines.getByRole('row').filter({ has: page.getByRole('rowheader', { name: new RegExp(claimNumber) }) })).toContainText('少付 ¥21.66')
  await expect(previewLines.getByRole('row').filter({ has: page.getByRole('rowheader', { name: second.number }) })).toContainText('与预期一致')
  await expectAccessible(page, 'claims, remittance preview')
  await saveScreenshot(page, 'claims-remittance')
  const record = remittance.getByRole('button', { name: '登记回款 ¥145.00' })
  await page.keyboard.press('Tab')
  await expect(record).toBeFocused()
  await page.keyboard.press('Enter')
  await expect(claimsScreen(page)).toContainText('回款 MOTO-REMIT-2611 已登记：¥145.00，共 2 张索赔单。')
  await expect(page.getByRole('button', { name: '登记回款' })).toBeFocused()
  await expect(page.getByRole('region', { name: '已登记的回款' })).toContainText('Motorola · MOTO-REMIT-2611')

  // Both claims are paid.
  await section(page, /^索赔单$/).click()
  await expect(list.getByRole('row').filter({ hasText: '已付款' })).toHaveCount(2)

  // Today's report: the claims sent, answered and paid, and what Motorola still owes.
  const report = await rpc<DailyReportDto>(page, server, 'reports.daily', { date: today() })
  // Sent: revision 1, revision 2 and the online claim; rejected: revision 1; paid: the remittance's two lines.
  // A paid claim is owed nothing more (docs/claims.md: paid −owed), the ¥21.66 short-paid included.
  expect(report.claims).toMatchObject({ submittedCount: 3, submittedMinor: 12_166 * 2 + 4500, rejectedCount: 1, rejectedMinor: 12_166, paidCount: 2, paidMinor: 14_500, receivableMinor: 0, warrantyCompleted: 2, unsent: 0 })
  await page.keyboard.press('Alt+5')
  await expect(page.getByLabel('日期', { exact: true })).toHaveValue(today())
  const claimsTable = page.getByRole('table', { name: '保修索赔：提交、答复、回款与应收' })
  const figure = (name: string) => claimsTable.getByRole('row').filter({ has: page.getByRole('rowheader', { name, exact: true }) })
  await expect(figure('提交厂家')).toContainText(yuan(12_166 * 2 + 4500))
  expect(await figure('提交厂家').innerText()).toMatch(/提交厂家\s+3\s+/)
  expect(await figure('厂家驳回').innerText()).toMatch(/厂家驳回\s+1\s+¥121\.66/)
  expect(await figure('厂家回款').innerText()).toMatch(/厂家回款\s+2\s+¥145\.00/)
  await expect(figure('日终厂家仍欠')).toContainText(yuan(report.claims.receivableMinor))
  expect(await figure('完成的保修维修').innerText()).toMatch(/完成的保修维修\s+2/)
})
