import type { WebContents } from 'electron'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { lockWebContents } from '../../electron/main/security'
import { createFakeElectron, FakeWebContents, navigationEvent, type FakeElectron } from './fake-electron'

// What security.test.ts leaves out: sub-frame navigation (`will-frame-navigate`), more URL
// shapes that only look like ours, and, booting index.ts against the fake electron, that every
// WebContents Electron creates (not only the main window's) is locked and that the session
// refuses permissions before the first page can ask.

const foreign = [
  'app://user@repair-ledger/index.html',
  'app://user:pass@repair-ledger/index.html',
  'app://repair-ledger@evil.example/index.html',
  'view-source:app://repair-ledger/index.html',
  'chrome://settings',
  'devtools://devtools/bundled/inspector.html',
  'data:text/html,<script>alert(1)</script>',
  'blob:app://repair-ledger/2f1c6f0e-7a1b-4b0f-9b6e-4d3d8c0f9a11',
  'about:blank',
  'http://127.0.0.1:5173/',
  'https://repair-ledger/',
  '//evil.example/',
  '',
]

function locked() {
  const { shell } = createFakeElectron()
  const contents = new FakeWebContents()
  lockWebContents(contents as unknown as WebContents, shell)
  return { contents, shell }
}

describe('navigation lock, further cases', () => {
  for (const eventName of ['will-navigate', 'will-frame-navigate', 'will-redirect']) {
    it(`${eventName}: refuses URLs that only resemble the app's`, () => {
      const { contents } = locked()
      for (const url of foreign) {
        const event = navigationEvent(url)
        contents.emit(eventName, event)
        expect(event.prevented, url).toBe(true)
      }
      const ours = navigationEvent('app://repair-ledger/index.html#/claims')
      contents.emit(eventName, ours)
      expect(ours.prevented).toBe(false)
    })
  }

  it('an injected iframe cannot navigate anywhere foreign (will-frame-navigate)', () => {
    const { contents } = locked()
    for (const url of ['https://evil.example/', 'file:///etc/passwd', 'javascript:alert(1)']) {
      const event = Object.assign(navigationEvent(url), { isMainFrame: false })
      contents.emit('will-frame-navigate', event)
      expect(event.prevented, url).toBe(true)
    }
  })

  it('denies window.open for every URL, including our own pages, about:blank and https:', () => {
    const { contents, shell } = locked()
    for (const url of [...foreign, 'app://repair-ledger/index.html#/print']) {
      expect(contents.windowOpenHandler!({ url }), url).toEqual({ action: 'deny' })
    }
    // Only the https: one goes to the operating system's browser, never into the app.
    expect(shell.openExternal).toHaveBeenCalledExactlyOnceWith('https://repair-ledger/')
  })

  it('a link the OS refuses to open is logged, never thrown into the main process', async () => {
    const { contents, shell } = locked()
    shell.openExternal.mockRejectedValueOnce(new Error('no browser'))
    const error = vi.spyOn(console, 'error').mockImplementation(() => {})
    expect(contents.windowOpenHandler!({ url: 'https://example.com/' })).toEqual({ action: 'deny' })
    await vi.waitFor(() => expect(error).toHaveBeenCalledOnce())
    error.mockRestore()
  })
})

async function bootReady(configure: (electron: FakeElectron) => void = () => {}) {
  vi.resetModules()
  const electron = createFakeElectron()
  configure(electron)
  const service = { call: vi.fn(async () => ({ ok: true as const, value: null })), forgetClient: vi.fn(), close: vi.fn() }
  vi.doMock('electron', () => electron)
  vi.doMock('../../electron/core/ledger-service', () => ({ openLedgerService: vi.fn(async () => service) }))
  await import('../../electron/main/index')
  electron.app.ready.resolve()
  await vi.waitFor(() => expect(electron.BrowserWindow.instances.length).toBeGreaterThan(0))
  return electron
}

afterEach(() => {
  vi.doUnmock('electron')
  vi.doUnmock('../../electron/core/ledger-service')
  vi.restoreAllMocks()
})

describe('the running app', () => {
  it('locks every WebContents Electron creates, not only the main window', async () => {
    const electron = await bootReady()
    // Any later window (a print preview, a popup that got through) is announced and locked too.
    const later = new electron.BrowserWindow({})
    for (const contents of [electron.BrowserWindow.instances[0]!.webContents, later.webContents]) {
      for (const eventName of ['will-navigate', 'will-frame-navigate', 'will-redirect', 'will-attach-webview']) {
        const event = navigationEvent('https://evil.example/')
        contents.emit(eventName, event, {}, {})
        expect(event.prevented, eventName).toBe(true)
      }
      expect(contents.windowOpenHandler?.({ url: 'https://evil.example/' })).toEqual({ action: 'deny' })
    }
  })

  it('the session denies every permission request before the first window exists', async () => {
    let lockedBeforeWindow = false
    const electron = await bootReady((e) => {
      e.app.on('web-contents-created', () => {
        lockedBeforeWindow = e.session.defaultSession.requestHandler !== undefined && e.session.defaultSession.checkHandler !== undefined
      })
    })
    expect(lockedBeforeWindow).toBe(true)
    const answers: boolean[] = []
    for (const permission of ['media', 'geolocation', 'notifications', 'midi', 'pointerLock', 'fullscreen', 'openExternal', 'clipboard-sanitized-write', 'hid', 'serial', 'usb']) {
      electron.session.defaultSession.requestHandler!({}, permission, (granted) => answers.push(granted))
      expect(electron.session.defaultSession.checkHandler!({}, permission), permission).toBe(false)
    }
    expect(answers.every((granted) => granted === false)).toBe(true)
    expect(answers).toHaveLength(11)
  })

  it('never enables Node, drops the sandbox or allows webviews in the window it opens', async () => {
    const electron = await bootReady()
    const prefs = electron.BrowserWindow.instances[0]!.options.webPreferences!
    expect(prefs).toMatchObject({ nodeIntegration: false, contextIsolation: true, sandbox: true, webSecurity: true, webviewTag: false, allowRunningInsecureContent: false })
    expect(prefs).not.toHaveProperty('experimentalFeatures', true)
    expect(prefs).not.toHaveProperty('enableBlinkFeatures')
  })
})
