import fs from 'node:fs'
import path from 'node:path'
import { Ajv } from 'ajv'
import { load } from 'js-yaml'
import { describe, expect, it } from 'vitest'

// electron-builder cannot package here (it downloads Electron), so its config is checked offline
// against the JSON schema electron-builder itself validates with.

const root = path.resolve(import.meta.dirname, '../..')
const config = load(fs.readFileSync(path.join(root, 'electron-builder.yml'), 'utf8')) as Record<string, unknown>
const schema = JSON.parse(fs.readFileSync(path.join(root, 'node_modules/app-builder-lib/scheme.json'), 'utf8')) as object

function validator() {
  // `typeof` is the schema's own annotation for hook functions; union types are used throughout.
  const ajv = new Ajv({ allErrors: true, allowUnionTypes: true })
  ajv.addKeyword({ keyword: 'typeof' })
  return ajv.compile(schema)
}

describe('electron-builder.yml', () => {
  it('is valid against app-builder-lib/scheme.json', () => {
    const validate = validator()
    expect(validate(config), JSON.stringify(validate.errors, null, 2)).toBe(true)
  })

  it('the validator rejects a misspelt option, so the check above means something', () => {
    const validate = validator()
    expect(validate({ ...config, electronFuses: { runAsNodee: false } })).toBe(false)
    expect(validate({ ...config, asarUnpak: ['**/*.node'] })).toBe(false)
  })

  it('identifies the app', () => {
    expect(config).toMatchObject({ appId: 'com.repairledger.app', productName: 'Repair Ledger', directories: { output: 'release' } })
  })

  it('flips the fuses that close Node-level back doors and lock the app to its asar', () => {
    expect(config.electronFuses).toMatchObject({
      runAsNode: false,
      enableCookieEncryption: true,
      enableNodeOptionsEnvironmentVariable: false,
      enableNodeCliInspectArguments: false,
      enableEmbeddedAsarIntegrityValidation: true,
      onlyLoadAppFromAsar: true,
    })
  })

  it('rebuilds native modules for Electron and keeps them outside the asar', () => {
    expect(config.npmRebuild).toBe(false)
    expect(config.extraResources).toEqual([{ from: '.electron-native/better_sqlite3.node', to: 'native/better_sqlite3.node' }])
    expect(config.asarUnpack).toContain('**/*.node')
  })

  it('packages the built main, preload and renderer, which the package.json main points into', () => {
    const pkg = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8')) as { main: string }
    expect(pkg.main).toBe('dist/electron/main.cjs')
    expect(config.files).toEqual(expect.arrayContaining(['dist/electron/**/*', 'dist/renderer/**/*', 'package.json']))
  })

  it('targets an installer per platform', () => {
    expect(config).toMatchObject({
      win: { target: ['nsis'] },
      linux: { target: ['AppImage', 'deb'] },
      mac: { target: ['dmg'] },
    })
  })
})
