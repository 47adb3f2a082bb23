import { createHash, scryptSync } from 'node:crypto'
import type { StaffRole } from '../../shared/dto/auth'

// The demo's staff and their PINs (printed by `npm run demo`; documented in the README).
// Hashes use the app's scheme (scrypt N=2^15 r=8 p=1, `scrypt$N$r$p$salt$key`, see
// electron/core/pin-hash.ts) so sign-in verifies them, but with a salt derived from the seed so
// the same seed gives the same ledger byte for byte. Fine for demo data, never for a real PIN.

export const demoStaff: readonly { name: string; role: StaffRole; pin: string }[] = [
  { name: '王店主', role: 'owner', pin: '246810' },
  { name: '李师傅', role: 'technician', pin: '1357' },
  { name: '张师傅', role: 'technician', pin: '2468' },
  { name: '陈师傅', role: 'technician', pin: '3579' },
]

const cost = { N: 2 ** 15, r: 8, p: 1 }

export function demoPinHash(pin: string, seed: number, name: string): string {
  const salt = createHash('sha256').update(`repair-ledger demo pin salt\n${seed}\n${name}`).digest().subarray(0, 16)
  const key = scryptSync(pin, salt, 32, { ...cost, maxmem: 256 * 1024 * 1024 })
  return ['scrypt', cost.N, cost.r, cost.p, salt.toString('base64'), key.toString('base64')].join('$')
}
