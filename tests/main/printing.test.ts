import { describe, expect, it, vi } from 'vitest'
import type { BrowserWindow, IpcMainInvokeEvent } from 'electron'
import { registerSavePdf, safePdfName } from '../../electron/main/printing'
import { createFakeElectron } from './fake-electron'

function setUp(trusted: boolean, choice: { canceled: boolean; filePath?: string }) {
  const electron = createFakeElectron()
  const window = new electron.BrowserWindow({})
  const printToPDF = vi.fn(async () => Buffer.from('%PDF-1.7 receipt'))
  const showSaveDialog = vi.fn(async () => choice)
  const writeFile = vi.fn(async (_file: string, _data: Buffer) => {})
  registerSavePdf(electron.ipcMain, { showSaveDialog } as never, () => trusted, () => window as unknown as BrowserWindow, writeFile)
  const handler = electron.ipcMain.handlers.get('print:savePdf')!
  const event = { sender: { printToPDF }, senderFrame: window.webContents.mainFrame } as unknown as IpcMainInvokeEvent
  return { handler: (input: unknown) => handler(event, input), printToPDF, showSaveDialog, writeFile }
}

describe('save as PDF', () => {
  it('prints the page with its own CSS page size and writes where the user chose', async () => {
    const t = setUp(true, { canceled: false, filePath: '/home/shop/R2611-0001-receipt.pdf' })
    expect(await t.handler({ suggestedName: 'R2611-0001-receipt' })).toEqual({ ok: true, path: '/home/shop/R2611-0001-receipt.pdf' })
    expect(t.printToPDF).toHaveBeenCalledWith({ preferCSSPageSize: true, printBackground: true })
    expect(t.showSaveDialog).toHaveBeenCalledWith(expect.anything(), expect.objectContaining({ defaultPath: 'R2611-0001-receipt.pdf' }))
    expect(t.writeFile).toHaveBeenCalledWith('/home/shop/R2611-0001-receipt.pdf', Buffer.from('%PDF-1.7 receipt'))
  })

  it('writes nothing when the user cancels', async () => {
    const t = setUp(true, { canceled: true })
    expect(await t.handler({ suggestedName: 'x' })).toEqual({ ok: false, reason: 'cancelled' })
    expect(t.writeFile).not.toHaveBeenCalled()
  })

  it('refuses a foreign sender without printing anything', async () => {
    const t = setUp(false, { canceled: false, filePath: '/tmp/x.pdf' })
    expect(await t.handler({ suggestedName: 'x' })).toEqual({ ok: false, reason: 'refused' })
    expect(t.printToPDF).not.toHaveBeenCalled()
    expect(t.showSaveDialog).not.toHaveBeenCalled()
  })

  it('reports a failed write instead of throwing across IPC', async () => {
    const t = setUp(true, { canceled: false, filePath: '/readonly/x.pdf' })
    t.writeFile.mockRejectedValue(new Error('EACCES'))
    vi.spyOn(console, 'error').mockImplementation(() => {})
    expect(await t.handler({ suggestedName: 'x' })).toEqual({ ok: false, reason: 'failed' })
  })

  it.each([
    ['R2611-0042-receipt', 'R2611-0042-receipt.pdf'],
    ['../../etc/passwd', 'passwd.pdf'],
    ['C:\\Windows\\evil', 'C__Windows_evil.pdf'],
    ['a:b?c*.PDF', 'a_b_c_.pdf'],
    ['', 'repair-ledger.pdf'],
    [42, 'repair-ledger.pdf'],
  ])('suggests a safe file name for %j', (input, expected) => {
    expect(safePdfName(input)).toBe(expected)
  })
})
