// Builds better-sqlite3 for Electron's ABI into .electron-native/better_sqlite3.node, which the
// main process passes as `nativeBinding` in development. node_modules/better-sqlite3/build stays
// the Node build, so `npm test` and `npm start` can alternate without rebuilding each other away.
// Runs before every `npm start`; a stamp file makes it a no-op until Electron or better-sqlite3
// changes.
import fs from 'node:fs'
import path from 'node:path'
import { rebuild } from '@electron/rebuild'
import {
  currentVersions,
  headersDirFromConfigGypi,
  isElectronHeadersDir,
  nativeLayout,
  needsRebuild,
  prepareWorkspace,
  stampFor,
  stripNodedir,
} from './electron-native-lib.mjs'

const log = (message) => console.log(`[electron-native] ${message}`)

function fail(message) {
  console.error(`[electron-native] ${message}`)
  process.exit(1)
}

const projectRoot = path.resolve(import.meta.dirname, '..')
const layout = nativeLayout(projectRoot)
const versions = currentVersions(projectRoot)
const target = `better-sqlite3 ${versions.betterSqlite3} for Electron ${versions.electron} (${versions.platform}-${versions.arch})`

const stampText = fs.existsSync(layout.stamp) ? fs.readFileSync(layout.stamp, 'utf8') : null
if (!needsRebuild(stampText, versions, fs.existsSync(layout.binary))) {
  log(`up to date: ${target}`)
  process.exit(0)
}

log(`building ${target}`)
log(`copying sources to ${path.relative(projectRoot, layout.workDir)} (node_modules stays the Node build)`)
prepareWorkspace(layout, versions.betterSqlite3)

for (const key of stripNodedir(process.env)) log(`ignoring ${key} so node-gyp fetches Electron's headers`)

log('downloading a prebuilt binary or compiling from source; the first build takes a few minutes')
try {
  const run = rebuild({
    buildPath: layout.workDir,
    // Stops @electron/rebuild from walking up into the project's own node_modules.
    projectRootPath: layout.workDir,
    electronVersion: versions.electron,
    force: true,
    onlyModules: ['better-sqlite3'],
  })
  run.lifecycle.on('module-found', (name) => log(`rebuilding ${name}`))
  await run
} catch (error) {
  fail(
    `rebuild failed: ${error instanceof Error ? error.message : String(error)}\n` +
      'It needs internet access (Electron headers or a prebuilt binary) and, to compile, a C++ toolchain ' +
      '(build-essential and python3 on Linux, Xcode command line tools on macOS, Visual Studio Build Tools on Windows).',
  )
}

if (!fs.existsSync(layout.builtBinary)) fail(`the rebuild produced no ${path.relative(projectRoot, layout.builtBinary)}`)
if (fs.existsSync(layout.configGypi)) {
  const headersDir = headersDirFromConfigGypi(fs.readFileSync(layout.configGypi, 'utf8'))
  if (!headersDir || !isElectronHeadersDir(headersDir, versions.electron)) {
    fail(`compiled against ${headersDir ?? 'unknown headers'}, not Electron ${versions.electron}'s; refusing to install it`)
  }
}

fs.copyFileSync(layout.builtBinary, layout.binary)
fs.writeFileSync(layout.stamp, stampFor(versions))
fs.rmSync(layout.workDir, { recursive: true, force: true })
log(`installed ${path.relative(projectRoot, layout.binary)}`)
