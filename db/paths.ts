import os from 'node:os'
import path from 'node:path'

export const appFolderName = 'Repair Ledger'
export const databaseFileName = 'ledger.sqlite3'

/**
 * The per-user app-data folder, the same one Electron's `app.getPath('userData')` gives for our
 * product name, so the desktop app and the web mode open the same ledger.
 */
export function defaultDataFolder(
  env: NodeJS.ProcessEnv = process.env,
  platform: NodeJS.Platform = process.platform,
  home: string = os.homedir(),
): string {
  if (platform === 'win32') {
    const appData = env.APPDATA ?? path.win32.join(home, 'AppData', 'Roaming')
    return path.win32.join(appData, appFolderName)
  }
  if (platform === 'darwin') return path.posix.join(home, 'Library', 'Application Support', appFolderName)
  const config = env.XDG_CONFIG_HOME && path.isAbsolute(env.XDG_CONFIG_HOME) ? env.XDG_CONFIG_HOME : path.posix.join(home, '.config')
  return path.posix.join(config, appFolderName)
}

/** `REPAIR_LEDGER_DB` wins; otherwise the ledger file in the app-data folder. */
export function defaultDatabasePath(
  env: NodeJS.ProcessEnv = process.env,
  platform: NodeJS.Platform = process.platform,
  home: string = os.homedir(),
): string {
  const override = env.REPAIR_LEDGER_DB?.trim()
  if (override) return path.resolve(override)
  const folder = defaultDataFolder(env, platform, home)
  return platform === 'win32' ? path.win32.join(folder, databaseFileName) : path.posix.join(folder, databaseFileName)
}
