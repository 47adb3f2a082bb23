import { describe, expect, it } from 'vitest'
import { PinGuard } from '../../electron/core/pin-guard'
import { hashPin, verifyPin } from '../../electron/core/pin-hash'

describe('PIN hashing', () => {
  it('salts every hash and verifies only the right PIN', async () => {
    const a = await hashPin('1234')
    const b = await hashPin('1234')
    expect(a).not.toBe(b)
    expect(await verifyPin('1234', a)).toBe(true)
    expect(await verifyPin('1235', a)).toBe(false)
    expect(await verifyPin('1234', 'plain:1234')).toBe(false)
  })
})

describe('PIN guard', () => {
  it('allows a few free attempts, then locks for doubling periods up to the cap', () => {
    const guard = new PinGuard({ freeAttempts: 2, baseLockMs: 1000, maxLockMs: 3000 })
    guard.recordFailure(1, 0)
    expect(guard.retryAfterMs(1, 0)).toBe(0)
    guard.recordFailure(1, 0)
    expect(guard.retryAfterMs(1, 0)).toBe(1000)
    guard.recordFailure(1, 1000)
    expect(guard.retryAfterMs(1, 1000)).toBe(2000)
    guard.recordFailure(1, 3000)
    expect(guard.retryAfterMs(1, 3000)).toBe(3000)
    expect(guard.retryAfterMs(2, 3000)).toBe(0)
    guard.recordSuccess(1)
    expect(guard.retryAfterMs(1, 3000)).toBe(0)
  })
})
