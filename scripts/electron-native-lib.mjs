// The decisions of scripts/electron-native.mjs, kept free of the rebuild itself so a test can
// run them here, where Electron's headers cannot be downloaded.
import fs from 'node:fs'
import path from 'node:path'

/** better-sqlite3's build inputs; `build/` is deliberately absent (that is the Node build). */
export const moduleSourceEntries = ['package.json', 'binding.gyp', 'src', 'deps', 'lib']

export function nativeLayout(projectRoot) {
  const outDir = path.join(projectRoot, '.electron-native')
  const workDir = path.join(outDir, 'work')
  const moduleDir = path.join(workDir, 'node_modules', 'better-sqlite3')
  return {
    sourceDir: path.join(projectRoot, 'node_modules', 'better-sqlite3'),
    outDir,
    workDir,
    moduleDir,
    builtBinary: path.join(moduleDir, 'build', 'Release', 'better_sqlite3.node'),
    configGypi: path.join(moduleDir, 'build', 'config.gypi'),
    binary: path.join(outDir, 'better_sqlite3.node'),
    stamp: path.join(outDir, 'stamp.json'),
  }
}

function packageVersion(file) {
  return JSON.parse(fs.readFileSync(file, 'utf8')).version
}

/** Everything the binary depends on: a change in any of them needs a new build. */
export function currentVersions(projectRoot, platform = process.platform, arch = process.arch) {
  return {
    electron: packageVersion(path.join(projectRoot, 'node_modules', 'electron', 'package.json')),
    betterSqlite3: packageVersion(path.join(projectRoot, 'node_modules', 'better-sqlite3', 'package.json')),
    platform,
    arch,
  }
}

export function stampFor(versions) {
  return `${JSON.stringify(versions, null, 2)}\n`
}

/** True unless the binary exists and its stamp names exactly these versions. */
export function needsRebuild(stampText, versions, binaryExists) {
  if (!binaryExists || stampText == null) return true
  let stamp
  try {
    stamp = JSON.parse(stampText)
  } catch {
    return true
  }
  if (stamp === null || typeof stamp !== 'object') return true
  return ['electron', 'betterSqlite3', 'platform', 'arch'].some((key) => stamp[key] !== versions[key])
}

/**
 * Removes every `npm_config_nodedir` spelling from `env` and returns the keys removed. npm exports
 * a user's `nodedir` setting to scripts, and node-gyp would then compile against Node's headers
 * even when told to target Electron, producing a binary Electron refuses to load.
 */
export function stripNodedir(env) {
  const removed = Object.keys(env).filter((key) => key.toLowerCase() === 'npm_config_nodedir')
  for (const key of removed) delete env[key]
  return removed
}

/** The header folder node-gyp compiled against, as recorded in build/config.gypi. */
export function headersDirFromConfigGypi(text) {
  const match = /"nodedir"\s*:\s*"((?:[^"\\]|\\.)*)"/.exec(text)
  return match ? JSON.parse(`"${match[1]}"`) : null
}

/** node-gyp keeps Electron's headers in a folder named after the Electron version. */
export function isElectronHeadersDir(headersDir, electronVersion) {
  return headersDir.split(/[\\/]/).includes(electronVersion)
}

/** A fresh copy of better-sqlite3's sources inside a one-dependency project of its own. */
export function prepareWorkspace(layout, betterSqlite3Version) {
  fs.rmSync(layout.workDir, { recursive: true, force: true })
  fs.mkdirSync(layout.moduleDir, { recursive: true })
  for (const entry of moduleSourceEntries) {
    fs.cpSync(path.join(layout.sourceDir, entry), path.join(layout.moduleDir, entry), { recursive: true })
  }
  const manifest = {
    name: 'repair-ledger-electron-native',
    private: true,
    dependencies: { 'better-sqlite3': betterSqlite3Version },
  }
  fs.writeFileSync(path.join(layout.workDir, 'package.json'), `${JSON.stringify(manifest, null, 2)}\n`)
}
