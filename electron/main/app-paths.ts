import path from 'node:path'

export interface AppPaths {
  preload: string
  rendererRoot: string
  /** better-sqlite3 compiled for Electron's ABI, kept apart from the Node build in node_modules. */
  nativeBinding: string
}

/**
 * Everything is found from `app.getAppPath()` (the project folder in development, `app.asar` when
 * packaged) rather than from `__dirname`, which the bundler would bake in differently per output.
 * The Electron build of better-sqlite3 lives apart from the Node build in node_modules, so
 * `npm test` and `npm start` never overwrite each other's binary: in development in
 * `.electron-native/`, in a package in `resources/native/` (electron-builder's extraResources).
 */
export function appPaths(appPath: string, isPackaged: boolean, resourcesPath: string): AppPaths {
  return {
    preload: path.join(appPath, 'dist', 'electron', 'preload.cjs'),
    rendererRoot: path.join(appPath, 'dist', 'renderer'),
    nativeBinding: isPackaged
      ? path.join(resourcesPath, 'native', 'better_sqlite3.node')
      : path.join(appPath, '.electron-native', 'better_sqlite3.node'),
  }
}
