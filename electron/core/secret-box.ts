import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto'
import fs from 'node:fs'
import path from 'node:path'

// Secrets the ledger must keep but never show (a manufacturer's sync API token). They are sealed
// before they reach the database, so a copied ledger file or a backup does not carry them in clear.
// The desktop app seals with the operating system's key store (Electron safeStorage); web mode
// and tests seal with AES-256-GCM under a key file kept beside the ledger, readable by its owner only.

export interface SecretBox {
  seal(plain: string): string
  /** Throws when the sealed text was not made by this box (another computer, a damaged key). */
  open(sealed: string): string
}

const keyFilePrefix = 'kf1:'

/** AES-256-GCM under `key` (32 bytes): "kf1:" + base64(iv ‖ tag ‖ ciphertext). */
export function keyedSecretBox(key: Buffer): SecretBox {
  if (key.length !== 32) throw new Error('a secret key is 32 bytes')
  return {
    seal(plain) {
      const iv = randomBytes(12)
      const cipher = createCipheriv('aes-256-gcm', key, iv)
      const body = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()])
      return keyFilePrefix + Buffer.concat([iv, cipher.getAuthTag(), body]).toString('base64')
    },
    open(sealed) {
      if (!sealed.startsWith(keyFilePrefix)) throw new Error('not sealed by this key file')
      const raw = Buffer.from(sealed.slice(keyFilePrefix.length), 'base64')
      const decipher = createDecipheriv('aes-256-gcm', key, raw.subarray(0, 12))
      decipher.setAuthTag(raw.subarray(12, 28))
      return Buffer.concat([decipher.update(raw.subarray(28)), decipher.final()]).toString('utf8')
    },
  }
}

/**
 * The key file beside the ledger (`<ledger>.key`), made on first use with mode 0600. An in-memory
 * ledger gets a key that lives as long as the process.
 */
export function keyFileSecretBox(databasePath: string): SecretBox {
  if (databasePath === ':memory:') return keyedSecretBox(randomBytes(32))
  // Read (or made) on first use, so opening a ledger that holds no secrets never touches the file.
  let box: SecretBox | undefined
  const keyed = () => (box ??= keyedSecretBox(loadOrCreateKey(`${databasePath}.key`)))
  return { seal: (plain) => keyed().seal(plain), open: (sealed) => keyed().open(sealed) }
}

function loadOrCreateKey(file: string): Buffer {
  try {
    return Buffer.from(fs.readFileSync(file, 'utf8').trim(), 'base64')
  } catch {
    fs.mkdirSync(path.dirname(file), { recursive: true })
    const key = randomBytes(32)
    try {
      fs.writeFileSync(file, key.toString('base64'), { mode: 0o600, flag: 'wx' })
      return key
    } catch {
      // Another process made it first: use theirs.
      return Buffer.from(fs.readFileSync(file, 'utf8').trim(), 'base64')
    }
  }
}

/** The subset of Electron's safeStorage the app uses (injected so this file never imports electron). */
export interface SafeStorageLike {
  isEncryptionAvailable(): boolean
  encryptString(plain: string): Buffer
  decryptString(sealed: Buffer): string
}

const safeStoragePrefix = 'ss1:'

/** Seals with the OS key store when it is available; otherwise falls back to `fallback` (key file). */
export function safeStorageSecretBox(safeStorage: SafeStorageLike, fallback: SecretBox): SecretBox {
  return {
    seal(plain) {
      if (!safeStorage.isEncryptionAvailable()) return fallback.seal(plain)
      return safeStoragePrefix + safeStorage.encryptString(plain).toString('base64')
    },
    open(sealed) {
      if (!sealed.startsWith(safeStoragePrefix)) return fallback.open(sealed)
      return safeStorage.decryptString(Buffer.from(sealed.slice(safeStoragePrefix.length), 'base64'))
    },
  }
}
