import path from 'node:path'
import type { MenuItemConstructorOptions } from 'electron'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { dialogTitle } from '../../electron/main/open-ledger'
import { menuTemplate } from '../../electron/main/menu'
import { channelNames } from '../../shared/channel-names'
import { createFakeElectron, navigationEvent, type FakeElectron } from './fake-electron'

// Boots electron/main/index.ts against a fake `electron` and a fake ledger service, and plays
// Electron's part: resolve `ready`, emit app events, call IPC handlers.

const appPath = '/opt/repair-ledger'

function fakeService() {
  return { call: vi.fn(async () => ({ ok: true as const, value: 'from-ledger' })), forgetClient: vi.fn(), close: vi.fn() }
}

async function boot(configure: (electron: FakeElectron) => void = () => {}, open: () => unknown = () => Promise.resolve(fakeService())) {
  vi.resetModules()
  const electron = createFakeElectron()
  configure(electron)
  const openLedgerService = vi.fn((_options: unknown) => open())
  vi.doMock('electron', () => electron)
  vi.doMock('../../electron/core/ledger-service', () => ({ openLedgerService }))
  await import('../../electron/main/index')
  return { electron, openLedgerService }
}

async function bootReady(configure?: (electron: FakeElectron) => void, open?: () => unknown) {
  const booted = await boot(configure, open)
  booted.electron.app.ready.resolve()
  await vi.waitFor(() => expect(booted.electron.BrowserWindow.instances.length + booted.electron.app.quit.mock.calls.length).toBeGreaterThan(0))
  return booted
}

afterEach(() => {
  vi.unstubAllEnvs()
  vi.restoreAllMocks()
})

describe('start-up', () => {
  it('registers app:// as a privileged standard scheme before ready, and serves it only after', async () => {
    const { electron } = await boot()
    expect(electron.protocol.registerSchemesAsPrivileged).toHaveBeenCalledExactlyOnceWith([
      { scheme: 'app', privileges: { standard: true, secure: true, supportFetchAPI: true } },
    ])
    expect(electron.protocol.handle).not.toHaveBeenCalled()
    expect(electron.BrowserWindow.instances).toHaveLength(0)
  })

  it('quits at once when another instance holds the lock', async () => {
    const { electron, openLedgerService } = await boot((e) => {
      e.app.singleInstanceLock = false
    })
    expect(electron.app.quit).toHaveBeenCalledOnce()
    expect(electron.app.whenReady).not.toHaveBeenCalled()
    expect(openLedgerService).not.toHaveBeenCalled()
  })

  it('opens the ledger at REPAIR_LEDGER_DB with the development native binding, then shows the locked-down window', async () => {
    vi.stubEnv('REPAIR_LEDGER_DB', '/tmp/shop/ledger.sqlite3')
    const { electron, openLedgerService } = await bootReady()
    expect(openLedgerService).toHaveBeenCalledExactlyOnceWith({
      databasePath: path.resolve('/tmp/shop/ledger.sqlite3'),
      nativeBinding: path.join(appPath, '.electron-native', 'better_sqlite3.node'),
      transport: 'electron',
      version: '0.1.0',
      secrets: expect.objectContaining({ seal: expect.any(Function), open: expect.any(Function) }),
    })
    expect(electron.protocol.handlers.has('app')).toBe(true)
    expect(electron.session.defaultSession.checkHandler?.({}, 'media')).toBe(false)
    expect([...electron.ipcMain.handlers.keys()].sort()).toEqual([...channelNames.map((n) => `rpc:${n}`), 'print:savePdf'].sort())

    const [window] = electron.BrowserWindow.instances
    expect(window!.options.webPreferences).toMatchObject({
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      webviewTag: false,
      devTools: true,
      preload: path.join(appPath, 'dist', 'electron', 'preload.cjs'),
    })
    expect(window!.loadURL).toHaveBeenCalledWith('app://repair-ledger/index.html')

    // The window's WebContents was locked when Electron announced it.
    const away = navigationEvent('https://evil.example/')
    window!.webContents.emit('will-navigate', away)
    expect(away.prevented).toBe(true)
    expect(window!.webContents.windowOpenHandler?.({ url: 'https://example.com/' })).toEqual({ action: 'deny' })
  })

  it('routes IPC from the window to the ledger and refuses any other frame', async () => {
    const { electron } = await bootReady()
    const [window] = electron.BrowserWindow.instances
    const handler = electron.ipcMain.handlers.get('rpc:app.info')!
    expect(await handler({ sender: window!.webContents, senderFrame: window!.webContents.mainFrame }, {})).toEqual({ ok: true, value: 'from-ledger' })
    const other = new electron.BrowserWindow({})
    expect(await handler({ sender: other.webContents, senderFrame: other.webContents.mainFrame }, {})).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } })
  })

  it('in a packaged build loads the Electron binary shipped in resources and offers no DevTools', async () => {
    // Electron sets process.resourcesPath; plain Node has none.
    Object.assign(process, { resourcesPath: '/opt/Repair Ledger/resources' })
    const { electron, openLedgerService } = await bootReady((e) => {
      e.app.isPackaged = true
    })
    expect(openLedgerService.mock.calls[0]?.[0]).toMatchObject({ nativeBinding: '/opt/Repair Ledger/resources/native/better_sqlite3.node' })
    expect(electron.BrowserWindow.instances[0]!.options.webPreferences).toMatchObject({ devTools: false })
    const template = electron.Menu.buildFromTemplate.mock.calls[0]![0] as MenuItemConstructorOptions[]
    expect(JSON.stringify(template)).not.toContain('toggleDevTools')
  })

  it('explains a ledger from a newer version and quits without a window or IPC', async () => {
    const tooNew = Object.assign(new Error('The ledger was written by a newer Repair Ledger (migration 0042).'), { name: 'LedgerTooNewError' })
    const { electron } = await bootReady((e) => {
      e.app.locale = 'zh-CN'
    }, () => Promise.reject(tooNew))
    expect(electron.dialog.showErrorBox).toHaveBeenCalledExactlyOnceWith(dialogTitle('tooNew', 'zh-CN'), tooNew.message)
    expect(electron.app.quit).toHaveBeenCalledOnce()
    expect(electron.BrowserWindow.instances).toHaveLength(0)
    expect(electron.ipcMain.handle).not.toHaveBeenCalled()
  })

  it('reports any other failure to open the ledger and quits', async () => {
    vi.spyOn(console, 'error').mockImplementation(() => {})
    const { electron } = await bootReady(undefined, () => {
      throw new Error('database is locked')
    })
    expect(electron.dialog.showErrorBox).toHaveBeenCalledExactlyOnceWith(dialogTitle('failed', 'en-US'), 'database is locked')
    expect(electron.app.quit).toHaveBeenCalledOnce()
    expect(electron.BrowserWindow.instances).toHaveLength(0)
  })
})

describe('shutdown', () => {
  it('quits when the last window closes (not on macOS) and closes the ledger once on quit', async () => {
    const service = fakeService()
    const { electron } = await bootReady(undefined, () => Promise.resolve(service))
    electron.app.emit('window-all-closed')
    expect(electron.app.quit).toHaveBeenCalledTimes(process.platform === 'darwin' ? 0 : 1)
    electron.app.emit('will-quit')
    electron.app.emit('will-quit')
    expect(service.close).toHaveBeenCalledOnce()
  })

  it('a second launch focuses the existing window', async () => {
    const { electron } = await bootReady()
    electron.app.emit('second-instance')
    expect(electron.BrowserWindow.instances[0]!.focus).toHaveBeenCalledOnce()
  })
})

describe('menu and dialog text', () => {
  it('has DevTools and reload only in development', () => {
    const roles = (template: MenuItemConstructorOptions[]): string[] =>
      template.flatMap((item) => [item.role ?? '', ...(Array.isArray(item.submenu) ? roles(item.submenu) : [])])
    expect(roles(menuTemplate({ isPackaged: false, platform: 'linux' }))).toEqual(expect.arrayContaining(['toggleDevTools', 'reload']))
    const packaged = roles(menuTemplate({ isPackaged: true, platform: 'linux' }))
    expect(packaged).not.toContain('toggleDevTools')
    expect(packaged).not.toContain('reload')
    expect(packaged).toContain('editMenu')
    expect(roles(menuTemplate({ isPackaged: true, platform: 'darwin' }))[0]).toBe('appMenu')
  })

  it('titles dialogs in the user’s language', () => {
    expect(dialogTitle('tooNew', 'zh-CN')).toMatch(/账本/)
    expect(dialogTitle('tooNew', 'en-GB')).toMatch(/newer/)
  })
})
