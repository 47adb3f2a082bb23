import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import {
  currentVersions,
  headersDirFromConfigGypi,
  isElectronHeadersDir,
  moduleSourceEntries,
  nativeLayout,
  needsRebuild,
  prepareWorkspace,
  stampFor,
  stripNodedir,
} from '../../scripts/electron-native-lib.mjs'

const versions = { electron: '45.5.0', betterSqlite3: '12.11.1', platform: 'linux', arch: 'x64' }

describe('needsRebuild', () => {
  it('skips only when the binary exists and the stamp names the same versions', () => {
    expect(needsRebuild(stampFor(versions), versions, true)).toBe(false)
  })

  it('rebuilds when the binary or the stamp is missing or unreadable', () => {
    expect(needsRebuild(stampFor(versions), versions, false)).toBe(true)
    expect(needsRebuild(null, versions, true)).toBe(true)
    expect(needsRebuild('{not json', versions, true)).toBe(true)
    expect(needsRebuild('null', versions, true)).toBe(true)
  })

  it('rebuilds after any version, platform or architecture change', () => {
    for (const change of [{ electron: '46.0.0' }, { betterSqlite3: '12.12.0' }, { platform: 'win32' }, { arch: 'arm64' }]) {
      expect(needsRebuild(stampFor(versions), { ...versions, ...change }, true), JSON.stringify(change)).toBe(true)
    }
  })
})

describe('build environment', () => {
  it('removes every spelling of npm_config_nodedir and nothing else', () => {
    const env: Record<string, string | undefined> = { npm_config_nodedir: '/usr', NPM_CONFIG_NODEDIR: '/usr', npm_config_jobs: '2', PATH: '/bin' }
    expect(stripNodedir(env).sort()).toEqual(['NPM_CONFIG_NODEDIR', 'npm_config_nodedir'])
    expect(env).toEqual({ npm_config_jobs: '2', PATH: '/bin' })
  })

  it('recognises a build against Node headers (the silent failure) from config.gypi', () => {
    const nodeBuild = '# Do not edit.\n{\n  "variables": {\n    "node_module_version": 115,\n    "nodedir": "/usr",\n  }\n}\n'
    expect(headersDirFromConfigGypi(nodeBuild)).toBe('/usr')
    expect(isElectronHeadersDir('/usr', '45.5.0')).toBe(false)
    const electronBuild = '{ "variables": { "nodedir": "C:\\\\Users\\\\shop\\\\.electron-gyp\\\\45.5.0" } }'
    expect(headersDirFromConfigGypi(electronBuild)).toBe('C:\\Users\\shop\\.electron-gyp\\45.5.0')
    expect(isElectronHeadersDir('C:\\Users\\shop\\.electron-gyp\\45.5.0', '45.5.0')).toBe(true)
    expect(isElectronHeadersDir('/home/shop/.electron-gyp/45.5.0', '45.5.0')).toBe(true)
    expect(isElectronHeadersDir('/home/shop/.electron-gyp/45.5.01', '45.5.0')).toBe(false)
    expect(headersDirFromConfigGypi('{}')).toBeNull()
  })

  it('reads the installed Electron and better-sqlite3 versions', () => {
    const root = path.resolve(import.meta.dirname, '../..')
    const read = (name: string) => (JSON.parse(fs.readFileSync(path.join(root, 'node_modules', name, 'package.json'), 'utf8')) as { version: string }).version
    expect(currentVersions(root, 'linux', 'x64')).toEqual({ electron: read('electron'), betterSqlite3: read('better-sqlite3'), platform: 'linux', arch: 'x64' })
  })
})

describe('prepareWorkspace', () => {
  let dir: string | undefined
  afterEach(() => {
    if (dir) fs.rmSync(dir, { recursive: true, force: true })
  })

  it('copies the sources but not the Node build into a one-dependency project, leaving the original alone', () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'rl-native-'))
    const layout = nativeLayout(dir)
    for (const entry of ['src', 'deps', 'lib', 'build/Release']) fs.mkdirSync(path.join(layout.sourceDir, entry), { recursive: true })
    fs.writeFileSync(path.join(layout.sourceDir, 'package.json'), '{"name":"better-sqlite3","version":"12.11.1"}')
    fs.writeFileSync(path.join(layout.sourceDir, 'binding.gyp'), '{}')
    fs.writeFileSync(path.join(layout.sourceDir, 'src', 'addon.cpp'), '// c++')
    fs.writeFileSync(path.join(layout.sourceDir, 'build', 'Release', 'better_sqlite3.node'), 'NODE BUILD')
    fs.mkdirSync(path.join(layout.moduleDir, 'build'), { recursive: true })
    fs.writeFileSync(path.join(layout.moduleDir, 'build', 'stale'), 'from an earlier run')

    prepareWorkspace(layout, '12.11.1')

    expect(fs.readdirSync(layout.moduleDir).sort()).toEqual([...moduleSourceEntries].sort())
    expect(fs.readFileSync(path.join(layout.moduleDir, 'src', 'addon.cpp'), 'utf8')).toBe('// c++')
    expect(JSON.parse(fs.readFileSync(path.join(layout.workDir, 'package.json'), 'utf8'))).toMatchObject({ dependencies: { 'better-sqlite3': '12.11.1' } })
    expect(fs.readFileSync(path.join(layout.sourceDir, 'build', 'Release', 'better_sqlite3.node'), 'utf8')).toBe('NODE BUILD')
    expect(layout.binary).toBe(path.join(dir, '.electron-native', 'better_sqlite3.node'))
  })
})
