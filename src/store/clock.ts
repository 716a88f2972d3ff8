// The world's notion of "now". Injected everywhere a rule reads time, so tests and the
// control API can freeze and move it instead of sleeping.

export interface Clock {
  now(): number
}

export const systemClock: Clock = { now: () => Date.now() }

/** A clock that stays where it is put; for tests and frozen scenarios. */
export class ManualClock implements Clock {
  constructor(private current: number) {}
  now(): number {
    return this.current
  }
  set(millis: number): void {
    this.current = millis
  }
  advance(millis: number): void {
    this.current += millis
  }
}
