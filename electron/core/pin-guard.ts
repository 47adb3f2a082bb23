// Slows down PIN guessing: after a few wrong PINs for one staff member, further attempts are
// refused until a lock-out that doubles with each failure has passed. A right PIN resets it.
// Callers claim an attempt with `beginAttempt` before the slow scrypt check, so guesses sent in
// parallel cannot all be checked before the first of them is counted.

export interface PinGuardOptions {
  freeAttempts: number
  baseLockMs: number
  maxLockMs: number
}

const defaults: PinGuardOptions = { freeAttempts: 3, baseLockMs: 5_000, maxLockMs: 5 * 60_000 }

interface AttemptState {
  failures: number
  lockedUntilMs: number
}

export class PinGuard {
  private readonly states = new Map<number, AttemptState>()
  private readonly options: PinGuardOptions

  constructor(options: Partial<PinGuardOptions> = {}) {
    this.options = { ...defaults, ...options }
  }

  /** Milliseconds until this staff member may try again; 0 when allowed now. */
  retryAfterMs(staffId: number, nowMs: number): number {
    const state = this.states.get(staffId)
    return state ? Math.max(0, state.lockedUntilMs - nowMs) : 0
  }

  /**
   * Claims one attempt before the PIN is checked: the wait in ms while locked (nothing counted),
   * else 0, and the attempt is already counted as a failure. A right PIN then clears the count
   * with `recordSuccess`; a wrong one needs nothing more.
   */
  beginAttempt(staffId: number, nowMs: number): number {
    const waitMs = this.retryAfterMs(staffId, nowMs)
    if (waitMs === 0) this.recordFailure(staffId, nowMs)
    return waitMs
  }

  recordFailure(staffId: number, nowMs: number): void {
    const state = this.states.get(staffId) ?? { failures: 0, lockedUntilMs: 0 }
    state.failures += 1
    const over = state.failures - this.options.freeAttempts
    if (over >= 0) {
      const lockMs = Math.min(this.options.maxLockMs, this.options.baseLockMs * 2 ** over)
      state.lockedUntilMs = nowMs + lockMs
    }
    this.states.set(staffId, state)
  }

  recordSuccess(staffId: number): void {
    this.states.delete(staffId)
  }
}
