import fs from 'node:fs/promises'
import path from 'node:path'
import type { BrowserWindow, Dialog, IpcMain, IpcMainInvokeEvent } from 'electron'
import { savePdfChannel, type SavePdfRequest, type SavePdfResult } from '../../shared/bridge'

/** A file name a person would choose: no folders, no characters Windows refuses, always .pdf. */
export function safePdfName(suggested: unknown): string {
  const base = typeof suggested === 'string' ? path.basename(suggested) : ''
  const cleaned = base.replace(/[<>:"/\\|?*\u0000-\u001f]/g, '_').replace(/\.pdf$/i, '').trim().slice(0, 100)
  return `${cleaned || 'repair-ledger'}.pdf`
}

/**
 * "Save as PDF" for the print pages (receipts, labels, reports): the page prints itself with its
 * own CSS page size, the user picks where the file goes. Only our window's main frame may ask.
 */
export function registerSavePdf(
  ipcMain: Pick<IpcMain, 'handle'>,
  dialog: Pick<Dialog, 'showSaveDialog'>,
  isTrusted: (event: IpcMainInvokeEvent) => boolean,
  window: () => BrowserWindow | null,
  writeFile: (file: string, data: Buffer) => Promise<void> = (file, data) => fs.writeFile(file, data),
): void {
  ipcMain.handle(savePdfChannel, async (event, request: SavePdfRequest | undefined): Promise<SavePdfResult> => {
    if (!isTrusted(event)) return { ok: false, reason: 'refused' }
    const owner = window()
    if (!owner) return { ok: false, reason: 'refused' }
    try {
      const pdf = await event.sender.printToPDF({ preferCSSPageSize: true, printBackground: true })
      const choice = await dialog.showSaveDialog(owner, {
        defaultPath: safePdfName(request?.suggestedName),
        filters: [{ name: 'PDF', extensions: ['pdf'] }],
      })
      if (choice.canceled || !choice.filePath) return { ok: false, reason: 'cancelled' }
      await writeFile(choice.filePath, pdf)
      return { ok: true, path: choice.filePath }
    } catch (error) {
      console.error('[repair-ledger] save as PDF failed', error)
      return { ok: false, reason: 'failed' }
    }
  })
}
