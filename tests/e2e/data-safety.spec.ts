import { closeSync, existsSync, mkdtempSync, openSync, rmSync, statSync, writeSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import AxeBuilder from '@axe-core/playwright'
import Database from 'better-sqlite3'
import { expect, test, type Page } from '@playwright/test'
import { expectAccessible } from './support/a11y'
import { saveScreenshot } from './support/screenshots'
import { intakeByApi, openSetUpShop, rpc } from './support/shop'
import { startWebServer, type RunningServer } from './support/web-server'

// The data-safety screens in Chromium against the real web mode: Settings → Backups (a typed
// folder, "Back up now" with its progress, the list, a restore with the owner's PIN that keeps
// the current ledger aside), Settings → Audit check (intact, then a row edited behind the app's
// back), and the damaged-ledger screen a ledger that failed its start-up check opens on.

const ownerPin = '246810'
let server: RunningServer | undefined
const tempDirs: string[] = []

test.afterEach(async () => {
  await server?.stop()
  server = undefined
  for (const dir of tempDirs.splice(0)) rmSync(dir, { recursive: true, force: true })
})

function tempDir(prefix: string): string {
  const dir = mkdtempSync(path.join(os.tmpdir(), prefix))
  tempDirs.push(dir)
  return dir
}

/** A fresh ledger file in its own folder (its default backups/ folder goes beside it). */
function ledgerPath(): string {
  return path.join(tempDir('ledger-e2e-safety-'), 'ledger.sqlite3')
}

/** No serious or critical axe-core violation inside one part of the page (Settings is long; the other specs check the rest). */
async function expectAccessibleWithin(page: Page, selector: string, screen: string): Promise<void> {
  const results = await new AxeBuilder({ page }).include(selector).analyze()
  const bad = results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical')
  expect(bad.map((v) => `${v.id} (${v.impact}): ${v.help} — ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`), `axe-core violations on ${screen}`).toEqual([])
}

/**
 * Holds the browser's answer to one channel until released, so the screen's running state (its
 * progress bar, its busy button) can be seen however fast the ledger is; the server has done the
 * work by then, only the answer waits.
 */
async function holdAnswer(page: Page, channel: string): Promise<() => Promise<void>> {
  let release!: () => void
  const released = new Promise<void>((resolve) => (release = resolve))
  let answered!: () => void
  const fulfilled = new Promise<void>((resolve) => (answered = resolve))
  await page.route(
    `**/rpc/${channel}`,
    async (route) => {
      const response = await route.fetch()
      await released
      await route.fulfill({ response })
      answered()
    },
    { times: 1 },
  )
  return async () => {
    release()
    await fulfilled
  }
}

/** The sign-in screen, by keyboard: the first staff member (the owner) is picked already. */
async function signInAsOwner(page: Page): Promise<void> {
  await expect(page.getByRole('heading', { level: 1, name: '登录' })).toBeVisible()
  await expect(page.getByLabel('员工')).toBeFocused()
  await expect(page.getByLabel('员工').locator('option:checked')).toHaveText('王店主')
  await page.keyboard.press('Tab')
  await expect(page.getByLabel('PIN 码')).toBeFocused()
  await page.keyboard.type(ownerPin)
  await page.keyboard.press('Enter')
  await expect(page.getByRole('button', { name: '退出登录' })).toBeVisible()
}

async function openSettings(page: Page): Promise<void> {
  await page.keyboard.press('Alt+7')
  await expect(page.getByRole('heading', { level: 1, name: '设置' })).toBeVisible()
}

/** The tickets screen (Alt+2) lists `present` and not `gone`. */
async function expectTickets(page: Page, present: string, gone: string): Promise<void> {
  await page.keyboard.press('Alt+2')
  await expect(page.getByRole('link', { name: present, exact: true })).toBeVisible()
  await expect(page.getByRole('link', { name: gone, exact: true })).toHaveCount(0)
}

/** Overwrites bytes in the ledger's middle pages (the server stopped) and drops its WAL, as tests/integration/backup.test.ts does. */
function damageLedger(dbPath: string): void {
  const size = statSync(dbPath).size
  const fd = openSync(dbPath, 'r+')
  for (let at = 4096 * 3; at < size - 4096; at += 4096 * 2) writeSync(fd, Buffer.alloc(512, 0x5a), 0, 512, at + 100)
  closeSync(fd)
  for (const suffix of ['-wal', '-shm']) rmSync(dbPath + suffix, { force: true })
}

test('the owner backs up to a typed folder and restores that backup, the current ledger kept aside', async ({ page }) => {
  server = await startWebServer(ledgerPath())
  await openSetUpShop(page, server)
  const before = await intakeByApi(page, server, { model: 'moto g54', serial: 'ZY22BACKUP1', purchaseDate: null })

  await openSettings(page)
  const backups = page.getByRole('region', { name: '备份', exact: true })
  await expect(backups.getByText('还没有做过备份。')).toBeVisible()

  // The backup folder, typed: a USB stick in the shop, a temporary folder here.
  const folder = tempDir('usb-backups-')
  const settingsForm = backups.getByRole('form', { name: '备份设置' })
  await settingsForm.getByLabel('备份文件夹').fill(folder)
  await settingsForm.getByRole('button', { name: '保存备份设置' }).click()
  await expect(settingsForm.getByText('备份设置已保存。')).toBeVisible()
  await expect(backups.getByText('此文件夹中还没有备份：')).toContainText(folder)

  // Back up now: the button is busy and a progress bar shows while it runs, then the result.
  const releaseBackup = await holdAnswer(page, 'backup.run')
  await backups.getByRole('button', { name: '立即备份' }).click()
  await expect(backups.getByRole('button', { name: '正在备份…' })).toBeDisabled()
  await expect(backups.getByRole('progressbar')).toBeVisible()
  await releaseBackup()
  await expect(backups.getByRole('progressbar')).toBeHidden()
  const done = backups.getByRole('status').filter({ hasText: '备份已完成并通过检查' })
  await expect(done).toBeVisible()
  await expect(done.getByText(/^备份已完成并通过检查：.+，用时 .+。$/)).toBeFocused()
  const backupFile = (await done.locator('.backup-path').textContent())!
  expect(path.dirname(backupFile)).toBe(folder)
  expect(existsSync(backupFile)).toBe(true)
  await expect(backups.getByText(/^上次备份：/)).toBeVisible()

  // The list: the manual backup with what it holds.
  const table = backups.getByRole('table', { name: `${folder} 中的备份（最新的在前）` })
  await expect(table.getByRole('row')).toHaveCount(2)
  const row = table.getByRole('row').nth(1)
  await expect(row.getByRole('rowheader')).toContainText(path.basename(backupFile))
  await expect(row.getByRole('cell')).toHaveText(['手动', /\S+/, '1', '无收款', '完好', '恢复…'])
  await expectAccessibleWithin(page, 'section[aria-labelledby="backups-title"]', 'Settings → Backups with a backup listed')
  await page.locator('#backups-title').evaluate((heading) => {
    heading.scrollIntoView({ block: 'start' })
    heading.ownerDocument.defaultView?.scrollBy(0, -8)
  })
  await saveScreenshot(page, 'backups')

  // Work goes on after the backup: this ticket is what the restore takes away.
  const after = await intakeByApi(page, server, { model: 'moto g54', serial: 'ZY22BACKUP2', purchaseDate: null })

  // Restore, by keyboard: pick the backup → what it holds → the owner's PIN → Enter.
  const restoreButton = row.getByRole('button', { name: /^恢复 .+ 的备份$/ })
  await restoreButton.focus()
  await page.keyboard.press('Enter')
  await expect(restoreButton).toHaveAttribute('aria-pressed', 'true')
  const restore = backups.getByRole('region', { name: /^恢复 .+ 的备份$/ })
  await expect(restore.getByRole('heading', { level: 3 })).toBeFocused()
  await expect(restore.getByText(backupFile, { exact: true })).toBeVisible()
  const fact = (term: string) => restore.locator('.facts > div').filter({ has: page.locator('dt', { hasText: new RegExp(`^${term}$`) }) }).locator('dd')
  await expect(fact('店铺')).toHaveText('好修通讯维修店')
  await expect(fact('类型')).toHaveText('手动')
  await expect(fact('工单数')).toHaveText('1')
  await expect(fact('最后一张工单')).toHaveText(before.number)
  await expect(fact('收款笔数')).toHaveText('0')
  await expect(fact('检查')).toHaveText('完好')
  await expect(restore.getByText(/^恢复会替换此备份之后记录的所有内容/)).toBeVisible()
  await expectAccessibleWithin(page, '.backup-restore', 'the restore confirmation')

  // A PIN too short is refused at the field, focus kept there.
  await page.keyboard.press('Tab')
  const pin = restore.getByLabel('您的店主 PIN 码')
  await expect(pin).toBeFocused()
  await page.keyboard.type('12')
  await page.keyboard.press('Enter')
  await expect(restore.getByRole('alert')).toHaveText('请输入 4–8 位店主 PIN 码。')
  await expect(pin).toBeFocused()
  await page.keyboard.press('Control+A')
  await page.keyboard.type(ownerPin)
  const releaseRestore = await holdAnswer(page, 'backup.restore')
  await page.keyboard.press('Enter')
  await expect(restore.getByRole('button', { name: '正在恢复…' })).toBeDisabled()
  await expect(restore.getByRole('progressbar')).toBeVisible()
  await releaseRestore()

  // The result: from which backup, and where the ledger as it was is kept aside (on disk).
  const result = backups.getByRole('region', { name: '备份已恢复' })
  await expect(result.getByRole('heading', { name: '备份已恢复' })).toBeFocused()
  await expect(result.getByRole('status')).toHaveText(/^账本现有 1 张工单，与备份一致。用时 .+。$/)
  const resultFact = (term: string) => result.locator('.facts > div').filter({ has: page.locator('dt', { hasText: term }) }).locator('dd')
  await expect(resultFact('恢复自')).toHaveText(backupFile)
  const keptAside = (await resultFact('恢复前的账本保留为').textContent())!
  expect(path.dirname(keptAside)).toBe(path.dirname(server.databasePath))
  expect(path.basename(keptAside)).toMatch(/^ledger\.sqlite3\.before-restore-/)
  expect(existsSync(keptAside)).toBe(true)
  await page.keyboard.press('Tab')
  await expect(result.getByRole('button', { name: '继续使用恢复的账本' })).toBeFocused()
  await page.keyboard.press('Enter')

  // Everyone signs in again; the ticket entered after the backup is gone from the ledger in use.
  await signInAsOwner(page)
  await expectTickets(page, before.number, after.number)
  const kept = new Database(keptAside, { readonly: true })
  try {
    expect(kept.prepare('SELECT number FROM tickets ORDER BY id').pluck().all()).toEqual([before.number, after.number])
  } finally {
    kept.close()
  }
})

test('the audit check says the chain is intact, then names the first row edited behind the app’s back', async ({ page }) => {
  const dbPath = ledgerPath()
  server = await startWebServer(dbPath)
  await openSetUpShop(page, server)
  await intakeByApi(page, server, { model: 'moto g54', serial: 'ZY22AUDIT01', purchaseDate: null })
  await intakeByApi(page, server, { model: 'moto g54', serial: 'ZY22AUDIT02', purchaseDate: null })

  const auditRows = () => {
    const db = new Database(dbPath, { readonly: true })
    try {
      return db.prepare('SELECT id, action FROM audit_log ORDER BY id').all() as { id: number; action: string }[]
    } finally {
      db.close()
    }
  }
  const rows = auditRows()
  expect(rows.length).toBeGreaterThan(3)

  await openSettings(page)
  const audit = page.getByRole('region', { name: '审计日志检查' })
  await audit.getByRole('button', { name: '检查审计日志' }).click()
  const intact = audit.getByRole('status')
  await expect(intact).toHaveText(new RegExp(`^链条完整：已检查 ${rows.length} 行（.+）。$`))
  await expect(audit.locator('[tabindex="-1"]')).toBeFocused()
  await expectAccessibleWithin(page, 'section[aria-labelledby="audit-check-title"]', 'the audit check, intact')

  // Behind the app's back, with the server stopped: the append-only trigger dropped, one row's details changed.
  await server.stop()
  const edited = rows[2]!
  const db = new Database(dbPath)
  try {
    db.exec('DROP TRIGGER audit_log_no_update')
    db.prepare(`UPDATE audit_log SET details_json = '{"amount":1}' WHERE id = ?`).run(edited.id)
  } finally {
    db.close()
  }

  server = await startWebServer(dbPath)
  await page.goto(server.url)
  await signInAsOwner(page)
  await openSettings(page)
  await audit.getByRole('button', { name: '检查审计日志' }).click()
  const broken = audit.getByRole('alert')
  await expect(broken).toContainText('审计日志在应用之外被修改过。')
  await expect(broken).toContainText('此行写入后内容被修改过。')
  const fact = (term: string) => broken.locator('.facts > div').filter({ has: page.locator('dt', { hasText: term }) }).locator('dd')
  await expect(fact('行号')).toHaveText(String(edited.id))
  await expect(fact('操作')).toHaveText(edited.action)
  await expect(fact('写入时间')).toHaveText(/\d/)
  await expect(broken).toContainText(new RegExp(`其之前的 2 行完好（检查于 .+）`))
  await expectAccessibleWithin(page, 'section[aria-labelledby="audit-check-title"]', 'the audit check, broken')
})

test('a damaged ledger opens on the damaged screen, which restores a backup with that backup’s owner PIN', async ({ page }) => {
  const dbPath = ledgerPath()
  server = await startWebServer(dbPath)
  await openSetUpShop(page, server)
  const before = await intakeByApi(page, server, { model: 'moto g54', serial: 'ZY22DAMAGE1', purchaseDate: null })
  const backup = await rpc<{ file: string; name: string }>(page, server, 'backup.run', {})
  const after = await intakeByApi(page, server, { model: 'moto g54', serial: 'ZY22DAMAGE2', purchaseDate: null })
  await server.stop()
  damageLedger(dbPath)

  // Started on the damaged file: the damaged screen, never the sign-in.
  server = await startWebServer(dbPath)
  await page.goto(server.url)
  const title = page.getByRole('heading', { level: 1, name: '账本需要恢复' })
  await expect(title).toBeVisible()
  await expect(title).toBeFocused()
  await expect(page.getByRole('heading', { name: '登录' })).toHaveCount(0)
  await expect(page.getByText('应用启动时账本未通过检查：')).toBeVisible()
  await expect(page.getByText(dbPath, { exact: true })).toBeVisible()
  const newest = page.getByRole('region', { name: '最新的备份' })
  const table = newest.getByRole('table', { name: `${path.dirname(backup.file)} 中的备份（最新的在前）` })
  await expect(table.getByRole('row')).toHaveCount(2)
  const row = table.getByRole('row').nth(1)
  await expect(row.getByRole('rowheader')).toContainText(backup.name)
  await expect(row.getByRole('cell')).toHaveText(['手动', /\S+/, '1', '无收款', '完好', '恢复…'])
  await expectAccessible(page, 'the damaged-ledger screen')
  await saveScreenshot(page, 'damaged-ledger')

  // Restore it: the PIN is that of an owner in the backup; a wrong one is refused at the field.
  await row.getByRole('button', { name: /^恢复 .+ 的备份$/ }).click()
  const restore = newest.getByRole('region', { name: /^恢复 .+ 的备份$/ })
  await expect(restore.getByRole('heading', { level: 3 })).toBeFocused()
  await expect(restore.locator('.facts')).toContainText(before.number)
  await expect(restore.getByText(/^损坏的账本不会被删除/)).toBeVisible()
  await expectAccessibleWithin(page, '.backup-restore', 'the restore confirmation on the damaged screen')
  await page.keyboard.press('Tab')
  const pin = restore.getByLabel('此备份中店主的 PIN 码')
  await expect(pin).toBeFocused()
  await page.keyboard.type('135790')
  await page.keyboard.press('Enter')
  await expect(restore.getByRole('alert')).toHaveText('该 PIN 不是此备份中店主的 PIN。')
  await expect(pin).toBeFocused()
  await expect(pin).toHaveValue('')
  await page.keyboard.type(ownerPin)
  await page.keyboard.press('Enter')

  const result = newest.getByRole('region', { name: '备份已恢复' })
  await expect(result.getByRole('heading', { name: '备份已恢复' })).toBeFocused()
  const keptAside = (await result.locator('.facts > div').filter({ hasText: '恢复前的账本保留为' }).locator('dd').textContent())!
  expect(existsSync(keptAside)).toBe(true)
  await result.getByRole('button', { name: '打开恢复的账本' }).click()

  // The app opens on the restored ledger: sign in, and it works.
  await expect(title).toHaveCount(0)
  await signInAsOwner(page)
  await expectTickets(page, before.number, after.number)
  await intakeByApi(page, server, { model: 'moto g54', serial: 'ZY22DAMAGE3', purchaseDate: null })
  expect((await rpc<{ items: { serial: string | null }[] }>(page, server, 'tickets.list', {})).items.map((t) => t.serial).sort()).toEqual(['ZY22DAMAGE1', 'ZY22DAMAGE3'])
})
