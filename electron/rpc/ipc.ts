import type { IpcMain, IpcMainInvokeEvent, WebFrameMain } from 'electron'
import { channelNames, ipcChannelPrefix } from '../../shared/channel-names'
import type { Result } from '../../shared/errors'
import type { LedgerService } from '../core/ledger-service'
import { isAppUrl } from '../main/origin'

// The Electron transport: one `ipcMain.handle` per contract channel. Every call is checked to come
// from our window's top frame showing our own origin before the ledger sees it, and every outcome
// (including a thrown error) goes back as a Result, so nothing is thrown across the process boundary.

type SenderEvent = Pick<IpcMainInvokeEvent, 'senderFrame'>

/**
 * True when the IPC came from `mainFrame` (our window's top frame) while it shows an
 * `app://repair-ledger` page. A frame that is gone or mid-navigation (`detached`) is refused too.
 */
export function isTrustedSender(event: SenderEvent, mainFrame: WebFrameMain | null | undefined): boolean {
  const frame = event.senderFrame
  if (!frame || !mainFrame || frame !== mainFrame || frame.detached) return false
  return isAppUrl(frame.url)
}

export const foreignSenderResult: Result<never> = {
  ok: false,
  error: {
    code: 'FORBIDDEN',
    messageKey: 'errors.foreignSender',
    message: 'Request refused: not from the application window',
  },
}

const internalErrorResult: Result<never> = {
  ok: false,
  error: { code: 'INTERNAL', messageKey: 'errors.internal', message: 'Internal error' },
}

export function clientKeyFor(event: Pick<IpcMainInvokeEvent, 'sender'>): string {
  return `ipc:${event.sender.id}`
}

export function registerIpc(
  ipcMain: Pick<IpcMain, 'handle'>,
  service: Pick<LedgerService, 'call' | 'forgetClient'>,
  isTrusted: (event: IpcMainInvokeEvent) => boolean,
): void {
  // A session belongs to one WebContents; when it is destroyed its sign-in must not linger.
  const watched = new Set<number>()
  const forgetOnDestroy = (event: IpcMainInvokeEvent) => {
    const { sender } = event
    if (watched.has(sender.id)) return
    watched.add(sender.id)
    const key = clientKeyFor(event)
    sender.once('destroyed', () => {
      watched.delete(sender.id)
      service.forgetClient(key)
    })
  }

  for (const name of channelNames) {
    ipcMain.handle(ipcChannelPrefix + name, async (event, input: unknown): Promise<Result<unknown>> => {
      if (!isTrusted(event)) return foreignSenderResult
      forgetOnDestroy(event)
      try {
        return await service.call(clientKeyFor(event), name, input)
      } catch (error) {
        console.error(`[repair-ledger] ipc ${name} failed`, error)
        return internalErrorResult
      }
    })
  }
}
