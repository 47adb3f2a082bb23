import path from 'node:path'
import type { Page } from '@playwright/test'

/**
 * Saves a README screenshot when run by `npm run screenshots` (UPDATE_SCREENSHOTS=1); a plain
 * test run leaves the committed pictures alone.
 */
export async function saveScreenshot(page: Page, name: string): Promise<void> {
  if (process.env.UPDATE_SCREENSHOTS !== '1') return
  await page.screenshot({ path: path.join('docs', 'screenshots', `${name}.png`), fullPage: false })
}
