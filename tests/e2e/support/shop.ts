import { expect, type Page } from '@playwright/test'
import type { RunningServer } from './web-server'

/** Completes first-run setup over the real HTTP transport and signs the browser in as the owner. */
export async function openSetUpShop(page: Page, server: RunningServer): Promise<void> {
  const res = await page.request.post(`${server.origin}/rpc/setup.complete`, {
    headers: { Authorization: `Bearer ${server.token}` },
    data: {
      shop: { shopName: '好修通讯维修店', address: '上海市徐汇区漕溪北路 88 号', phone: '021-5555 0100', currency: 'CNY', timeZone: 'Asia/Shanghai', locale: 'zh-CN' },
      owner: { name: '王店主', pin: '246810' },
    },
  })
  expect(res.status()).toBe(200)
  await page.goto(server.url)
  await expect(page.getByRole('button', { name: '退出登录' })).toBeVisible()
}
