import { execFileSync } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { expect, test, type Page } from '@playwright/test'
import { businessDateOf } from '../../shared/dates'
import type { DailyReportDto, PeriodReportDto } from '../../shared/dto/reports'
import { formatMoney } from '../../shared/money'
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

const yuan = (minor: number) => formatMoney(minor, 'CNY', 'zh-CN')

/** A paid Galaxy S24 repair taken in, priced at one labour line and approved, over the ledger API. */
async function pricedRepair(page: Page, serial: string, customer: { name: string; phone: string }, labourMinor: number) {
  const [model] = await rpc<{ id: number }[]>(page, server, 'models.search', { query: 'Galaxy S24' })
  const ticket = await rpc<{ id: number; number: string }>(page, server, 'tickets.intake', {
    customer: { new: customer },
    device: { new: { modelId: model!.id, serial }, purchaseDate: null },
    reportedFault: '充电口接触不良',
    promisedDate: null,
  })
  await rpc(page, server, 'tickets.diagnose', {
    id: ticket.id,
    findings: '尾插氧化',
    faultCodes: { condition: '1', symptom: 'S02', defect: 'D04', repair: 'R04' },
    repairTier: 'L2',
  })
  await rpc(page, server, 'tickets.estimate', { id: ticket.id, lines: [{ kind: 'labour', description: '更换尾插小板', quantity: 1, unitPriceMinor: labourMinor }] })
  await rpc(page, server, 'tickets.decide', { id: ticket.id, decision: 'approved', via: 'in_person' })
  return ticket
}

/** Repaired, the customer told, paid in full and handed back. */
async function repairPayAndHandBack(page: Page, ticketId: number, payment: { amountMinor: number; method: 'cash' | 'wechat'; tenderedMinor?: number }) {
  await rpc(page, server, 'tickets.startRepair', { id: ticketId })
  await rpc(page, server, 'tickets.complete', { id: ticketId, workDone: '更换尾插小板，充电正常', testResult: 'passed' })
  await rpc(page, server, 'tickets.markReady', { id: ticketId, contactedVia: 'phone' })
  const paid = await rpc<{ payment: { id: number } }>(page, server, 'payments.record', { ticketId, ...payment })
  await rpc(page, server, 'tickets.collect', { id: ticketId, collectedBy: '客户本人' })
  return paid.payment
}

/**
 * Today in a Shanghai shop: the drawer opened with ¥200, two paid repairs handed back (¥150 in
 * cash, ¥88 by WeChat Pay), ¥20 of the cash given back with the owner's approval, a third phone
 * taken in and still waiting, and the drawer closed 50 fen short.
 */
async function smallDay(page: Page) {
  await rpc(page, server, 'cash.open', { floatMinor: 20_000 })
  const a = await pricedRepair(page, 'R5CW71AAAAA', { name: '张三', phone: '13800138000' }, 15_000)
  const cashPayment = await repairPayAndHandBack(page, a.id, { amountMinor: 15_000, method: 'cash', tenderedMinor: 20_000 })
  const b = await pricedRepair(page, 'R5CW72BBBBB', { name: '李四', phone: '13900139000' }, 8_800)
  await repairPayAndHandBack(page, b.id, { amountMinor: 8_800, method: 'wechat' })
  const owner = (await rpc<{ id: number; role: string }[]>(page, server, 'auth.staffChoices', {})).find((s) => s.role === 'owner')!
  await rpc(page, server, 'payments.refund', { paymentId: cashPayment.id, amountMinor: 2_000, reason: '老客户优惠', approval: { staffId: owner.id, pin: '246810' } })
  await pricedRepair(page, 'R5CW73CCCCC', { name: '王五', phone: '13700137000' }, 30_000)
  await rpc(page, server, 'cash.close', { countedMinor: 32_950 })
}

/** The text of a table row, found by its row header. */
async function rowText(page: Page, table: string, header: string) {
  return page.getByRole('table', { name: table }).getByRole('row').filter({ has: page.getByRole('rowheader', { name: header, exact: true }) }).innerText()
}

test('the owner reads today’s report and the month’s metrics by keyboard, and prints the day to PDF', async ({ page }) => {
  const cspErrors: string[] = []
  page.on('console', (message) => {
    if (message.type() === 'error' && /Content Security Policy/i.test(message.text())) cspErrors.push(message.text())
  })
  await openSetUpShop(page, server)
  await smallDay(page)
  const today = businessDateOf(Date.now(), 'Asia/Shanghai')
  const ledger = await rpc<DailyReportDto>(page, server, 'reports.daily', { date: today })
  // The day as built: the ledger's own figures, which the screen and the paper must repeat.
  expect(ledger.takings.netMinor).toBe(21_800)
  expect(ledger.drawer.overShortMinor).toBe(-50)

  // Alt+5 opens the reports; the owner lands in the day field.
  await page.keyboard.press('Alt+5')
  await expect(page.getByRole('heading', { level: 1, name: '报表' })).toBeVisible()
  await expect(page.getByLabel('日期', { exact: true })).toBeFocused()
  await expect(page.getByLabel('日期', { exact: true })).toHaveValue(today)
  const keyFigures = page.getByRole('region', { name: '当日要点' })
  await expect(keyFigures).toContainText(`净收款${yuan(ledger.takings.netMinor)}`)
  await expect(keyFigures).toContainText('钱箱短款 ¥0.50')
  expect(await rowText(page, '按收款方式汇总', '现金')).toMatch(/现金\s+2\s+¥150\.00\s+¥20\.00\s+¥130\.00/)
  expect(await rowText(page, '按收款方式汇总', '微信支付')).toMatch(/微信支付\s+1\s+¥88\.00\s+¥0\.00\s+¥88\.00/)
  expect(await rowText(page, '按收款方式汇总', '合计')).toMatch(/合计\s+3\s+¥238\.00\s+¥20\.00\s+¥218\.00/)
  expect(await rowText(page, '钱箱：应有与实点', '合计')).toMatch(/¥200\.00\s+¥330\.00\s+¥329\.50\s+短款 ¥0\.50/)
  expect(await rowText(page, '当日工单进出', '登记')).toMatch(/登记\s+3/)
  expect(await rowText(page, '当日工单进出', '已取机')).toMatch(/已取机\s+2/)
  expect(await rowText(page, '日终在修工单（按状态）', '合计')).toMatch(/合计\s+1/)
  expect(await rowText(page, '付费维修收入、配件成本与毛利', '收费合计')).toContain(yuan(ledger.paidWork.totalMinor))
  // No claim was sent, answered or paid today: the claims table says so in zeros, and what is owed is the ledger's.
  expect(ledger.claims.submittedCount + ledger.claims.acceptedCount + ledger.claims.rejectedCount + ledger.claims.paidCount).toBe(0)
  expect(await rowText(page, '保修索赔：提交、答复、回款与应收', '提交厂家')).toMatch(/提交厂家\s+0\s+¥0\.00/)
  expect(await rowText(page, '保修索赔：提交、答复、回款与应收', '日终厂家仍欠')).toContain(yuan(ledger.claims.receivableMinor))
  await expect(page.getByRole('img', { name: /^各收款方式净收款柱状图：现金 ¥130\.00、微信支付 ¥88\.00$/ })).toBeVisible()
  await expectAccessible(page, 'reports, daily')
  await saveScreenshot(page, 'reports-daily')

  // The period metrics, by keyboard: the section link, then this month by default.
  await page.getByRole('link', { name: '区间指标' }).focus()
  await page.keyboard.press('Enter')
  await expect(page.getByLabel('开始日期')).toBeFocused()
  const month = await rpc<PeriodReportDto>(page, server, 'reports.period', { from: `${today.slice(0, 8)}01`, to: today })
  expect(month.turnaround.all.count).toBe(2)
  const technicians = page.getByRole('table', { name: '各技术员完成的维修' })
  expect(await rowText(page, '各技术员完成的维修', '王店主')).toMatch(/王店主\s+2\s+0\s+2\s+¥238\.00/)
  await expect(page.getByRole('img', { name: /^各技术员完成维修数柱状图/ })).toBeVisible()
  expect(await rowText(page, '常见故障（缺陷代码）', 'D04')).toMatch(/D04\s+.*\s+2$/)
  expect(await rowText(page, '比率', '一次修复')).toMatch(/一次修复\s+2\s+2\s+100%/)
  // Paid repairs only this month: no claim to show per manufacturer.
  expect(month.claims.byManufacturer).toEqual([])
  await expect(page.getByRole('region', { name: '保修索赔' })).toContainText('该区间没有提交、答复或回款的索赔')
  await expect(technicians).toBeVisible()
  await expectAccessible(page, 'reports, period')
  await saveScreenshot(page, 'reports-period')

  // Back to the day and on to its paper, by keyboard.
  await page.getByRole('link', { name: '日报表' }).focus()
  await page.keyboard.press('Enter')
  await page.getByRole('link', { name: '打印或存为 PDF' }).focus()
  await page.keyboard.press('Enter')
  const paper = page.getByRole('article')
  await expect(paper.getByRole('heading', { level: 1, name: '好修通讯维修店' })).toBeVisible()
  await expect(page.getByRole('button', { name: '打印', exact: true })).toBeFocused()
  await expect(paper).toContainText(yuan(ledger.takings.netMinor))
  await expectAccessible(page, 'daily report print view')

  const pdfFile = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'daily-report-')), 'daily-report.pdf')
  await page.emulateMedia({ media: 'print' })
  await page.pdf({ path: pdfFile, preferCSSPageSize: true, printBackground: true })
  await page.emulateMedia({ media: 'screen' })
  const text = execFileSync('pdftotext', ['-layout', pdfFile, '-'], { encoding: 'utf8' })
  // The net takings on paper are the ledger's, to the fen.
  const net = /净收款\s+(\S+)/.exec(text)?.[1]
  expect(net).toBe(yuan(ledger.takings.netMinor))
  expect(text).toContain('好修通讯维修店')
  expect(text).toContain('上海市徐汇区漕溪北路 88 号')
  expect(text).toContain('021-5555 0100')
  expect(text).toMatch(/日报表 — \d{4}年\d{1,2}月\d{1,2}日/)
  expect(text).toContain('短款 ¥0.50')
  const info = execFileSync('pdfinfo', [pdfFile], { encoding: 'utf8' })
  expect(info).toMatch(/Pages:\s+1\b/)
  expect(Number(/Page size:\s+([\d.]+) x/.exec(info)?.[1])).toBeCloseTo(595.3, 0) // A4 wide

  await page.getByRole('button', { name: '返回' }).click()
  await expect(page.getByLabel('日期', { exact: true })).toHaveValue(today)
  expect(cspErrors).toEqual([])
})

/** A busy day at its largest: every method, three drawer sessions, 50 overdue tickets (the ledger's cap) and 6 repeats. */
function busiestDay(base: DailyReportDto): DailyReportDto {
  const methods = ['cash', 'card', 'wechat', 'alipay', 'bank_transfer', 'other'] as const
  const ticket = (id: number, status: 'in_repair' | 'received') => ({
    id,
    number: `R2611-${String(id).padStart(4, '0')}`,
    status,
    warrantyStatus: 'out_of_warranty' as const,
    receivedAtMs: Date.now() - 20 * 86_400_000,
    receivedDate: base.date,
    promisedDate: base.date,
    overdue: true,
    customerName: `客户${id}`,
    customerPhone: `1380013${String(id).padStart(4, '0')}`,
    manufacturerName: 'Samsung',
    modelName: 'Galaxy S24 Ultra',
    imei: null,
    serial: `SN${id}`,
    assignedStaffName: '李师傅',
    repeatOfTicketId: status === 'received' ? id - 1 : null,
  })
  return {
    ...base,
    takings: {
      totals: methods.map((method) => ({ method, paymentsMinor: 1_234_500, refundsMinor: 10_000, netMinor: 1_224_500, count: 40 })),
      paymentsMinor: 7_407_000,
      refundsMinor: 60_000,
      netMinor: 7_347_000,
    },
    drawer: {
      sessions: [1, 2, 3].map((id) => ({ id, openedByName: '王店主', floatMinor: 50_000, expectedMinor: 1_000_000, countedMinor: 999_900, overShortMinor: -100, closedByName: '王店主' })),
      expectedMinor: 3_000_000,
      countedMinor: 2_999_700,
      overShortMinor: -300,
    },
    paidWork: { tickets: 22, labourMinor: 880_000, partsMinor: 2_450_000, feesMinor: 30_000, taxMinor: 386_549, totalMinor: 3_360_000, netMinor: 2_973_451, partsCostMinor: 1_500_000, grossMarginMinor: 1_473_451 },
    openByStatus: { received: 20, diagnosing: 10, awaiting_approval: 8, awaiting_parts: 12, in_repair: 30, ready: 9, declined: 2 },
    openTotal: 91,
    mix: { received: { in_warranty: 20, out_of_warranty: 25, void: 3 }, completedWarranty: 18, completedPaid: 22 },
    warrantyParts: ['Samsung', 'Xiaomi', 'Motorola', 'HUAWEI'].map((name, index) => ({ manufacturerId: index + 1, manufacturerName: name, quantity: 9, consignedQuantity: 6, shopQuantity: 3, shopCostMinor: 45_000 })),
    claims: {
      warrantyCompleted: 18,
      unsent: 1_250,
      submittedCount: 140,
      submittedMinor: 12_345_600,
      acceptedCount: 95,
      approvedMinor: 8_765_400,
      rejectedCount: 12,
      rejectedMinor: 1_020_300,
      paidCount: 210,
      paidMinor: 15_678_900,
      receivableMinor: 123_456_789,
    },
    overdue: Array.from({ length: 50 }, (_, index) => ticket(index + 100, 'in_repair')),
    repeats: Array.from({ length: 6 }, (_, index) => ticket(index + 200, 'received')),
  }
}

test('the busiest day the ledger can report prints on two A4 pages at most', async ({ page }) => {
  await openSetUpShop(page, server)
  const today = businessDateOf(Date.now(), 'Asia/Shanghai')
  const base = await rpc<DailyReportDto>(page, server, 'reports.daily', { date: today })
  // Layout only: the browser gets a ledger-shaped answer at the report's largest (the figures of
  // a real day are checked against the ledger in the test above).
  await page.route('**/rpc/reports.daily', (route) => route.fulfill({ json: { ok: true, value: busiestDay(base) } }))
  await page.goto(`${server.origin}/#/reports/daily/${today}/print`)
  await expect(page.getByRole('table', { name: '超期：已过承诺日期仍未完成' }).getByRole('row')).toHaveCount(51)
  const pdfFile = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'busy-report-')), 'daily-report.pdf')
  await page.emulateMedia({ media: 'print' })
  await page.pdf({ path: pdfFile, preferCSSPageSize: true, printBackground: true })
  const text = execFileSync('pdftotext', ['-layout', pdfFile, '-'], { encoding: 'utf8' })
  expect(text).toContain('R2611-0149')
  expect(text).toContain('R2611-0205')
  expect(execFileSync('pdfinfo', [pdfFile], { encoding: 'utf8' })).toMatch(/Pages:\s+2\b/)
})
