import { EventEmitter } from 'node:events'
import { vi } from 'vitest'

// A stand-in for the parts of `electron` the main process and preload touch. Electron cannot be
// launched on the build machines, so these fakes record what our code asks of Electron and let a
// test play Electron's part (emit events, call registered handlers).

export interface FakeNavigationEvent {
  url: string
  preventDefault(): void
  readonly prevented: boolean
}

export function navigationEvent(url: string): FakeNavigationEvent {
  let prevented = false
  return {
    url,
    preventDefault: () => {
      prevented = true
    },
    get prevented() {
      return prevented
    },
  }
}

export class FakeFrame {
  detached = false
  constructor(public url: string) {}
}

type WindowOpenHandler = (details: { url: string }) => { action: string }

let nextWebContentsId = 1

export class FakeWebContents extends EventEmitter {
  readonly id = nextWebContentsId++
  readonly mainFrame: FakeFrame
  windowOpenHandler: WindowOpenHandler | undefined
  constructor(url = 'app://repair-ledger/index.html') {
    super()
    this.mainFrame = new FakeFrame(url)
  }
  setWindowOpenHandler(handler: WindowOpenHandler): void {
    this.windowOpenHandler = handler
  }
}

export type PermissionRequestHandler = (contents: unknown, permission: string, callback: (granted: boolean) => void) => void
export type PermissionCheckHandler = (contents: unknown, permission: string) => boolean

export class FakeSession {
  requestHandler: PermissionRequestHandler | undefined
  checkHandler: PermissionCheckHandler | undefined
  setPermissionRequestHandler(handler: PermissionRequestHandler): void {
    this.requestHandler = handler
  }
  setPermissionCheckHandler(handler: PermissionCheckHandler): void {
    this.checkHandler = handler
  }
}

function deferred() {
  let resolve!: () => void
  const promise = new Promise<void>((done) => {
    resolve = done
  })
  return { promise, resolve }
}

export type IpcHandler = (event: unknown, input: unknown) => Promise<unknown>

export function createFakeElectron() {
  const app = Object.assign(new EventEmitter(), {
    isPackaged: false,
    singleInstanceLock: true,
    locale: 'en-US',
    ready: deferred(),
    requestSingleInstanceLock: vi.fn(() => app.singleInstanceLock),
    whenReady: vi.fn(() => app.ready.promise),
    quit: vi.fn(),
    getAppPath: () => '/opt/repair-ledger',
    getVersion: () => '0.1.0',
    getLocale: () => app.locale,
  })

  class BrowserWindow extends EventEmitter {
    static instances: BrowserWindow[] = []
    readonly webContents = new FakeWebContents()
    readonly loadURL = vi.fn(async (_url: string) => {})
    readonly show = vi.fn()
    readonly focus = vi.fn()
    readonly restore = vi.fn()
    constructor(readonly options: { webPreferences?: Record<string, unknown> }) {
      super()
      BrowserWindow.instances.push(this)
      // Electron announces every new WebContents on the app; index.ts locks them there.
      app.emit('web-contents-created', {}, this.webContents)
    }
    isDestroyed(): boolean {
      return false
    }
    isMinimized(): boolean {
      return false
    }
  }

  const handlers = new Map<string, IpcHandler>()
  const ipcMain = {
    handlers,
    handle: vi.fn((channel: string, handler: IpcHandler) => {
      if (handlers.has(channel)) throw new Error(`second handler for ${channel}`)
      handlers.set(channel, handler)
    }),
  }

  const protocolHandlers = new Map<string, (request: Request) => Promise<Response>>()
  const protocol = {
    handlers: protocolHandlers,
    registerSchemesAsPrivileged: vi.fn(),
    handle: vi.fn((scheme: string, handler: (request: Request) => Promise<Response>) => {
      protocolHandlers.set(scheme, handler)
    }),
  }

  const exposed = new Map<string, unknown>()

  return {
    app,
    BrowserWindow,
    ipcMain,
    protocol,
    session: { defaultSession: new FakeSession() },
    shell: { openExternal: vi.fn(async (_url: string) => {}) },
    // The OS key store as on a Linux box without a keyring: the app falls back to its key file.
    safeStorage: { isEncryptionAvailable: () => false, encryptString: vi.fn(), decryptString: vi.fn() },
    dialog: { showErrorBox: vi.fn() },
    Menu: {
      buildFromTemplate: vi.fn((template: unknown) => ({ template })),
      setApplicationMenu: vi.fn(),
    },
    contextBridge: {
      exposed,
      exposeInMainWorld: vi.fn((key: string, api: unknown) => exposed.set(key, api)),
    },
    ipcRenderer: { invoke: vi.fn(async (_channel: string, _input: unknown): Promise<unknown> => undefined) },
  }
}

export type FakeElectron = ReturnType<typeof createFakeElectron>
