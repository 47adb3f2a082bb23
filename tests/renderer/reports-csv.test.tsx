import { screen } from '@testing-library/react'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import type { Locale } from '../../shared/locales'
import { createFakeServer } from './fake-server'
import { renderApp } from './render-app'

// CSV export from the report screens. Only the browser's download primitives are replaced
// (object URLs and the link click); the CSV text is built by our own code and read back here.

let downloads: { name: string; blob: Blob }[]
let blobs: Map<string, Blob>
const originalCreate = URL.createObjectURL
const originalRevoke = URL.revokeObjectURL

beforeEach(() => {
  downloads = []
  blobs = new Map()
  vi.spyOn(HTMLCanvasElement.prototype, 'getContext').mockReturnValue(null)
  URL.createObjectURL = vi.fn((blob: Blob) => {
    const url = `blob:test/${blobs.size + 1}`
    blobs.set(url, blob)
    return url
  })
  URL.revokeObjectURL = vi.fn()
  vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
    downloads.push({ name: this.download, blob: blobs.get(this.href)! })
  })
})
afterEach(() => {
  URL.createObjectURL = originalCreate
  URL.revokeObjectURL = originalRevoke
  vi.restoreAllMocks()
})

function openReports(hash: string, language: Locale) {
  window.history.replaceState(null, '', `/${hash}`)
  const server = createFakeServer({ shop: { locale: language }, staff: [{ name: 'Li Wei', role: 'owner', pin: '1234' }], signedInAs: 'Li Wei' })
  return renderApp(server, language)
}

/** The downloaded bytes as text, BOM included (TextDecoder would drop it). */
async function bytesOf(blob: Blob): Promise<string> {
  const bytes = new Uint8Array(await blob.arrayBuffer())
  return new TextDecoder('utf-8', { ignoreBOM: true }).decode(bytes)
}

describe('reports: CSV export', () => {
  it('downloads the takings table as takings-<date>.csv: UTF-8 with a BOM, money in yuan, totals last', async () => {
    const { user } = openReports('#/reports', 'en')
    await screen.findByRole('table', { name: 'Takings by payment method' })
    await user.click(screen.getByRole('button', { name: 'Download CSV: Takings by payment method' }))

    expect(downloads).toHaveLength(1)
    expect(downloads[0]!.name).toBe('takings-2026-11-27.csv')
    expect(downloads[0]!.blob.type).toBe('text/csv;charset=utf-8')
    const bytes = new Uint8Array(await downloads[0]!.blob.arrayBuffer())
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf])
    expect(await bytesOf(downloads[0]!.blob)).toBe(
      '\uFEFFMethod,Transactions,Payments (CNY),Refunds (CNY),Net (CNY)\r\n' +
        'Cash,3,450.00,20.00,430.00\r\n' +
        'Card,2,120.00,120.00,0.00\r\n' +
        'WeChat Pay,2,880.50,0.00,880.50\r\n' +
        'Total,7,1450.50,140.00,1310.50',
    )
    await vi.waitFor(() => expect(URL.revokeObjectURL).toHaveBeenCalledWith('blob:test/1'))
  })

  it('keeps a drawer’s short as a signed number and Chinese headers readable', async () => {
    const { user } = openReports('#/reports', 'zh-CN')
    await screen.findByRole('table', { name: '钱箱：应有与实点' })
    await user.click(screen.getByRole('button', { name: '导出 CSV：钱箱：应有与实点' }))
    expect(downloads[0]!.name).toBe('cash-drawer-2026-11-27.csv')
    expect(await bytesOf(downloads[0]!.blob)).toBe(
      '\uFEFF班次,备用金（CNY）,应有（CNY）,实点（CNY）,长款（+）/短款（−）（CNY）,关箱人\r\n' +
        '第 1 班，Li Wei 开箱,500.00,930.00,929.00,-1.00,Li Wei\r\n' +
        '合计,500.00,930.00,929.00,-1.00,',
    )
  })

  it('names a period table’s file by its dates and exports rates as percentages', async () => {
    const { user } = openReports('#/reports/period', 'en')
    await screen.findByRole('table', { name: 'Rates' })
    await user.click(screen.getByRole('button', { name: 'Download CSV: Rates' }))
    expect(downloads[0]!.name).toBe('rates-2026-11-01_2026-11-27.csv')
    expect(await bytesOf(downloads[0]!.blob)).toBe(
      '\uFEFFMetric,Count,Out of,Rate (%)\r\n' +
        'Ready on time (by the promised date),8,10,80\r\n' +
        'Warranty repairs back within 30 days,1,5,20\r\n' +
        'Warranty repairs back within 90 days,2,5,40\r\n' +
        'Fixed first time,11,12,91.7',
    )
  })

  it('exports the day’s warranty claims with empty cells where a line has no count or no amount', async () => {
    const { user } = openReports('#/reports', 'en')
    await screen.findByRole('table', { name: 'Warranty claims: sent, answered, paid and owed' })
    await user.click(screen.getByRole('button', { name: 'Download CSV: Warranty claims: sent, answered, paid and owed' }))
    expect(downloads[0]!.name).toBe('warranty-claims-2026-11-27.csv')
    expect(await bytesOf(downloads[0]!.blob)).toBe(
      '\uFEFFClaims,Count,Amount (CNY)\r\n' +
        'Sent to manufacturers,3,1264.00\r\n' +
        'Accepted (amount approved),2,812.50\r\n' +
        'Rejected,1,188.00\r\n' +
        'Paid by manufacturers,2,640.00\r\n' +
        'Still owed at day end,,3525.75\r\n' +
        'Warranty repairs completed,1,\r\n' +
        'Not yet sent at day end,4,',
    )
  })

  it('exports the period’s claims per manufacturer: rates in percent, days as numbers, the ledger’s totals last', async () => {
    const { user } = openReports('#/reports/period', 'en')
    await screen.findByRole('table', { name: 'Warranty claims by manufacturer' })
    await user.click(screen.getByRole('button', { name: 'Download CSV: Warranty claims by manufacturer' }))
    expect(downloads[0]!.name).toBe('warranty-claims-2026-11-01_2026-11-27.csv')
    expect(await bytesOf(downloads[0]!.blob)).toBe(
      '\uFEFFManufacturer,Sent,Amount sent (CNY),Accepted,Rejected,Rejection rate (%),Paid (CNY),Median time to payment (days),90th percentile time to payment (days),Owed at the end (CNY)\r\n' +
        'Motorola,0,0.00,0,1,100,125.00,7,7,0.00\r\n' +
        'Samsung,9,4123.00,6,2,25,2980.00,18,41,2204.50\r\n' +
        'Xiaomi,4,960.00,1,0,0,0.00,,,960.00\r\n' +
        'Total,13,5083.00,7,3,30,3105.00,15,41,3164.50',
    )
  })

  it('heads the period’s claims CSV in Chinese when the shop works in Chinese', async () => {
    const { user } = openReports('#/reports/period', 'zh-CN')
    await screen.findByRole('table', { name: '各厂家保修索赔' })
    await user.click(screen.getByRole('button', { name: '导出 CSV：各厂家保修索赔' }))
    const text = await bytesOf(downloads[0]!.blob)
    expect(text.split('\r\n')[0]).toBe('\uFEFF厂家,提交,提交金额（CNY）,受理,驳回,驳回率（%）,回款（CNY）,回款时间中位数（天）,回款时间 90 百分位（天）,期末应收（CNY）')
    expect(text.split('\r\n').at(-1)).toBe('合计,13,5083.00,7,3,30,3105.00,15,41,3164.50')
  })
})
