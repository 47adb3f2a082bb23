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

/** A ledger call over the web transport, as the signed-in browser (same token, same session). */
export async function rpc<T = unknown>(page: Page, server: RunningServer, channel: string, input: unknown): Promise<T> {
  const res = await page.request.post(`${server.origin}/rpc/${channel}`, { headers: { Authorization: `Bearer ${server.token}` }, data: input })
  const body = (await res.json()) as { ok: boolean; value: T; error?: unknown }
  if (!body.ok) throw new Error(`${channel} failed: ${JSON.stringify(body.error)}`)
  return body.value
}

/** Takes a phone in over the ledger API and returns its id and number. */
export async function intakeByApi(page: Page, server: RunningServer, device: { model: string; serial: string; purchaseDate: string | null; proof?: string }) {
  const [model] = await rpc<{ id: number }[]>(page, server, 'models.search', { query: device.model })
  return rpc<{ id: number; number: string }>(page, server, 'tickets.intake', {
    customer: { new: { name: '张三', phone: '13800138000' } },
    device: { new: { modelId: model!.id, serial: device.serial }, purchaseDate: device.purchaseDate, ...(device.proof && { proofOfPurchaseRef: device.proof }) },
    reportedFault: '充电时不开机',
    promisedDate: null,
  })
}
