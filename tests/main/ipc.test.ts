import type { IpcMainInvokeEvent, WebFrameMain } from 'electron'
import { describe, expect, it, vi } from 'vitest'
import { isTrustedSender, registerIpc } from '../../electron/rpc/ipc'
import { channelNames, ipcChannelPrefix } from '../../shared/channel-names'
import { contract } from '../../shared/contract'
import type { Result } from '../../shared/errors'
import { createFakeElectron, FakeFrame, FakeWebContents, type IpcHandler } from './fake-electron'

function setup() {
  const { ipcMain } = createFakeElectron()
  const window = new FakeWebContents()
  const service = {
    call: vi.fn(async (_key: string, channel: string, input: unknown): Promise<Result<unknown>> => ({ ok: true, value: { channel, input } })),
    forgetClient: vi.fn(),
  }
  registerIpc(ipcMain, service, (event) => isTrustedSender(event, window.mainFrame as unknown as WebFrameMain))
  const handler = (name: string): IpcHandler => ipcMain.handlers.get(ipcChannelPrefix + name)!
  return { ipcMain, window, service, handler }
}

function eventFrom(sender: FakeWebContents, frame: FakeFrame | null) {
  return { sender, senderFrame: frame } as unknown as IpcMainInvokeEvent
}

const forbidden = {
  ok: false,
  error: { code: 'FORBIDDEN', messageKey: 'errors.foreignSender', message: 'Request refused: not from the application window' },
}

describe('IPC registration', () => {
  it('the channel allow-list is exactly the contract', () => {
    expect([...channelNames].sort()).toEqual(Object.keys(contract).sort())
  })

  it('registers one handler per contract channel and nothing else', () => {
    const { ipcMain } = setup()
    expect([...ipcMain.handlers.keys()].sort()).toEqual(channelNames.map((name) => ipcChannelPrefix + name).sort())
    expect(ipcMain.handle).toHaveBeenCalledTimes(channelNames.length)
  })
})

describe('sender check', () => {
  it('passes a call from the window main frame to the service with the per-window client key', async () => {
    const { window, service, handler } = setup()
    const result = await handler('auth.signIn')(eventFrom(window, window.mainFrame), { staffId: 1, pin: '1234' })
    expect(service.call).toHaveBeenCalledExactlyOnceWith(`ipc:${window.id}`, 'auth.signIn', { staffId: 1, pin: '1234' })
    expect(result).toEqual({ ok: true, value: { channel: 'auth.signIn', input: { staffId: 1, pin: '1234' } } })
  })

  it('refuses, without calling the service, every sender that is not our main frame on our origin', async () => {
    const { window, service, handler } = setup()
    const foreignOrigin = new FakeWebContents('https://evil.example/')
    const detached = new FakeFrame('app://repair-ledger/index.html')
    detached.detached = true
    const cases: [string, IpcMainInvokeEvent][] = [
      ['a child frame of our window', eventFrom(window, new FakeFrame('app://repair-ledger/index.html'))],
      ['another window', eventFrom(foreignOrigin, foreignOrigin.mainFrame)],
      ['a frame that is gone', eventFrom(window, null)],
      ['a frame mid-navigation', eventFrom(window, detached)],
    ]
    for (const [label, event] of cases) {
      expect(await handler('staff.list')(event, {}), label).toEqual(forbidden)
    }
    window.mainFrame.url = 'https://evil.example/'
    expect(await handler('staff.list')(eventFrom(window, window.mainFrame), {}), 'our frame after navigating away').toEqual(forbidden)
    expect(service.call).not.toHaveBeenCalled()
  })

  it('refuses every call while no window exists', () => {
    const frame = new FakeFrame('app://repair-ledger/index.html')
    expect(isTrustedSender({ senderFrame: frame as unknown as WebFrameMain }, null)).toBe(false)
    expect(isTrustedSender({ senderFrame: frame as unknown as WebFrameMain }, frame as unknown as WebFrameMain)).toBe(true)
  })
})

describe('boundary', () => {
  it('turns a thrown service error into an INTERNAL Result instead of rejecting', async () => {
    const { window, service, handler } = setup()
    service.call.mockRejectedValueOnce(new Error('disk on fire'))
    vi.spyOn(console, 'error').mockImplementation(() => {})
    const result = await handler('app.info')(eventFrom(window, window.mainFrame), {})
    expect(result).toMatchObject({ ok: false, error: { code: 'INTERNAL', messageKey: 'errors.internal' } })
    expect(JSON.stringify(result)).not.toContain('disk on fire')
  })

  it("forgets a window's session once, when its WebContents is destroyed", async () => {
    const { window, service, handler } = setup()
    await handler('app.info')(eventFrom(window, window.mainFrame), {})
    await handler('auth.current')(eventFrom(window, window.mainFrame), {})
    expect(service.forgetClient).not.toHaveBeenCalled()
    window.emit('destroyed')
    expect(service.forgetClient).toHaveBeenCalledExactlyOnceWith(`ipc:${window.id}`)
  })
})
