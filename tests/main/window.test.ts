import type { BrowserWindow, BrowserWindowConstructorOptions } from 'electron'
import { describe, expect, it } from 'vitest'
import { createMainWindow, mainWindowOptions } from '../../electron/main/window'
import { createFakeElectron } from './fake-electron'

describe('main window', () => {
  it('isolates, sandboxes and strips Node from the renderer', () => {
    const prefs = mainWindowOptions({ preloadPath: '/app/dist/electron/preload.cjs', devTools: false }).webPreferences
    expect(prefs).toMatchObject({
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      spellcheck: false,
      devTools: false,
      preload: '/app/dist/electron/preload.cjs',
    })
  })

  it('creates the window with those options and loads the app protocol, not file://', () => {
    const { BrowserWindow } = createFakeElectron()
    const window = createMainWindow(BrowserWindow as unknown as new (o: BrowserWindowConstructorOptions) => BrowserWindow, {
      preloadPath: '/app/preload.cjs',
      devTools: true,
    })
    const fake = BrowserWindow.instances[0]!
    expect(window).toBe(fake)
    expect(fake.options.webPreferences).toMatchObject({ contextIsolation: true, sandbox: true, nodeIntegration: false, preload: '/app/preload.cjs' })
    expect(fake.loadURL).toHaveBeenCalledExactlyOnceWith('app://repair-ledger/index.html')
    expect(fake.show).not.toHaveBeenCalled()
    fake.emit('ready-to-show')
    expect(fake.show).toHaveBeenCalledOnce()
  })
})
