export interface Clock {
  /** Milliseconds since the Unix epoch (UTC). */
  now(): number
}

export const systemClock: Clock = { now: () => Date.now() }

/** A clock tests can set and move. */
export function fixedClock(startMs: number): Clock & { set(ms: number): void; advance(ms: number): void } {
  let current = startMs
  return {
    now: () => current,
    set(ms) {
      current = ms
    },
    advance(ms) {
      current += ms
    },
  }
}
