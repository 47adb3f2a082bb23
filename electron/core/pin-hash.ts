import { randomBytes, scrypt, timingSafeEqual, type ScryptOptions } from 'node:crypto'

// PINs are short, so the hash must be slow: scrypt with a per-PIN random salt.
// Stored as `scrypt$N$r$p$salt$hash` so the cost can be raised later without breaking old hashes.

const defaultCost = { N: 2 ** 15, r: 8, p: 1 }
const keyLength = 32

function scryptAsync(pin: string, salt: Buffer, options: ScryptOptions): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    scrypt(pin, salt, keyLength, { ...options, maxmem: 256 * 1024 * 1024 }, (error, key) => (error ? reject(error) : resolve(key)))
  })
}

export async function hashPin(pin: string, cost = defaultCost): Promise<string> {
  const salt = randomBytes(16)
  const key = await scryptAsync(pin, salt, cost)
  return ['scrypt', cost.N, cost.r, cost.p, salt.toString('base64'), key.toString('base64')].join('$')
}

export async function verifyPin(pin: string, stored: string): Promise<boolean> {
  const [scheme, n, r, p, saltB64, keyB64] = stored.split('$')
  if (scheme !== 'scrypt' || !n || !r || !p || !saltB64 || !keyB64) return false
  const expected = Buffer.from(keyB64, 'base64')
  const actual = await scryptAsync(pin, Buffer.from(saltB64, 'base64'), { N: Number(n), r: Number(r), p: Number(p) })
  return actual.length === expected.length && timingSafeEqual(actual, expected)
}
