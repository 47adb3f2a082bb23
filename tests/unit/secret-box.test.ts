import { mkdtempSync, readFileSync, rmSync, statSync, existsSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { keyFileSecretBox, safeStorageSecretBox } from '../../electron/core/secret-box'

// Sync tokens are sealed before they reach the ledger: by the OS key store in the desktop app,
// otherwise under a key file beside the ledger that only its owner can read.

let dir: string
beforeEach(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'secret-box-'))
})
afterEach(() => rmSync(dir, { recursive: true, force: true }))

describe('secret boxes', () => {
  it('seal with a key file made on first use, owner-only, and open again after a restart', () => {
    const ledger = path.join(dir, 'ledger.sqlite3')
    const box = keyFileSecretBox(ledger)
    expect(existsSync(`${ledger}.key`)).toBe(false)
    const sealed = box.seal('token-123456')
    expect(sealed).not.toContain('token-123456')
    expect(box.seal('token-123456')).not.toBe(sealed)
    expect(statSync(`${ledger}.key`).mode & 0o777).toBe(0o600)
    expect(keyFileSecretBox(ledger).open(sealed)).toBe('token-123456')
    expect(readFileSync(`${ledger}.key`, 'utf8')).not.toContain('token')
    // Another computer's key (or a tampered seal) cannot open it.
    expect(() => keyFileSecretBox(path.join(dir, 'other.sqlite3')).open(sealed)).toThrow()
    expect(() => box.open(`${sealed.slice(0, -4)}AAAA`)).toThrow()
  })

  it('use the OS key store when it has one, and still open what the key file sealed', () => {
    const fallback = keyFileSecretBox(path.join(dir, 'ledger.sqlite3'))
    const store = { available: true, isEncryptionAvailable: () => store.available, encryptString: (s: string) => Buffer.from(`os:${s}`), decryptString: (b: Buffer) => b.toString().slice(3) }
    const box = safeStorageSecretBox(store, fallback)
    const byOs = box.seal('abc-secret')
    expect(byOs.startsWith('ss1:')).toBe(true)
    expect(box.open(byOs)).toBe('abc-secret')
    store.available = false
    const byFile = box.seal('abc-secret')
    expect(byFile.startsWith('kf1:')).toBe(true)
    expect(box.open(byFile)).toBe('abc-secret')
  })
})
