import { app, BrowserWindow, dialog, ipcMain, Menu, protocol, safeStorage, session, shell } from 'electron'
import { defaultDatabasePath } from '../../db/paths'
import { openLedgerService, type LedgerService } from '../core/ledger-service'
import { keyFileSecretBox, safeStorageSecretBox } from '../core/secret-box'
import { isTrustedSender, registerIpc } from '../rpc/ipc'
import { registerSavePdf } from './printing'
import { appPaths } from './app-paths'
import { menuTemplate } from './menu'
import { openLedgerOrExplain } from './open-ledger'
import { appScheme } from './origin'
import { registerAppProtocol } from './protocol'
import { lockSession, lockWebContents } from './security'
import { createMainWindow } from './window'

// The Electron entry: lifecycle only. Everything with a decision in it lives in the sibling
// modules, which the tests in tests/main exercise against a faked `electron`.

// Must happen before `ready`: a standard, secure scheme gets a real origin, fetch and storage.
protocol.registerSchemesAsPrivileged([
  { scheme: appScheme, privileges: { standard: true, secure: true, supportFetchAPI: true } },
])

// Two instances would open one SQLite ledger from two processes; the second one hands over.
if (!app.requestSingleInstanceLock()) {
  app.quit()
} else {
  start()
}

function start(): void {
  const paths = appPaths(app.getAppPath(), app.isPackaged, process.resourcesPath)
  let service: LedgerService | null = null
  let mainWindow: BrowserWindow | null = null

  const openWindow = () => {
    const window = createMainWindow(BrowserWindow, { preloadPath: paths.preload, devTools: !app.isPackaged })
    window.on('closed', () => {
      if (mainWindow === window) mainWindow = null
    })
    mainWindow = window
  }
  const currentMainFrame = () => (mainWindow && !mainWindow.isDestroyed() ? mainWindow.webContents.mainFrame : null)

  app.on('web-contents-created', (_event, contents) => lockWebContents(contents, shell))
  app.on('second-instance', () => {
    if (!mainWindow) return
    if (mainWindow.isMinimized()) mainWindow.restore()
    mainWindow.focus()
  })
  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin') app.quit()
  })
  app.on('activate', () => {
    if (service && !mainWindow) openWindow()
  })
  app.on('will-quit', () => {
    service?.close()
    service = null
  })

  app
    .whenReady()
    .then(async () => {
      registerAppProtocol(protocol, paths.rendererRoot)
      lockSession(session.defaultSession)
      Menu.setApplicationMenu(Menu.buildFromTemplate(menuTemplate({ isPackaged: app.isPackaged, platform: process.platform })))

      service = await openLedgerOrExplain(
        () =>
          openLedgerService({
            databasePath: defaultDatabasePath(),
            // Sync tokens sealed by the OS key store (DPAPI, Keychain, libsecret) when it has one.
            secrets: safeStorageSecretBox(safeStorage, keyFileSecretBox(defaultDatabasePath())),
            nativeBinding: paths.nativeBinding,
            transport: 'electron',
            version: app.getVersion(),
          }),
        (title, content) => dialog.showErrorBox(title, content),
        app.getLocale(),
      )
      if (!service) {
        app.quit()
        return
      }
      registerIpc(ipcMain, service, (event) => isTrustedSender(event, currentMainFrame()))
      registerSavePdf(ipcMain, dialog, (event) => isTrustedSender(event, currentMainFrame()), () => mainWindow)
      openWindow()
    })
    .catch((error: unknown) => {
      console.error('[repair-ledger] start-up failed', error)
      dialog.showErrorBox('Repair Ledger', error instanceof Error ? error.message : String(error))
      app.quit()
    })
}
