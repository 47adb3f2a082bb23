import type { BrowserWindow, BrowserWindowConstructorOptions } from 'electron'
import { appEntryUrl } from './origin'

export interface MainWindowOptions {
  /** Absolute path of the bundled `preload.cjs`. */
  preloadPath: string
  /** False in packaged builds: the counter staff never need DevTools. */
  devTools: boolean
}

/**
 * The window's options, kept pure so a test can read every security-relevant preference.
 * The renderer gets no Node, runs sandboxed and isolated from the preload, and can embed nothing.
 */
export function mainWindowOptions({ preloadPath, devTools }: MainWindowOptions): BrowserWindowConstructorOptions {
  return {
    width: 1280,
    height: 800,
    minWidth: 960,
    minHeight: 600,
    title: 'Repair Ledger',
    // Shown on `ready-to-show` so the counter never sees a white flash while the bundle loads.
    show: false,
    webPreferences: {
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      spellcheck: false,
      devTools,
      preload: preloadPath,
    },
  }
}

/** Takes the BrowserWindow class as a parameter so tests can pass a fake one. */
export function createMainWindow(
  Window: new (options: BrowserWindowConstructorOptions) => BrowserWindow,
  options: MainWindowOptions,
): BrowserWindow {
  const window = new Window(mainWindowOptions(options))
  window.once('ready-to-show', () => window.show())
  window.loadURL(appEntryUrl).catch((error: unknown) => console.error('[repair-ledger] renderer failed to load', error))
  return window
}
