// The controllable clock behind every world: frozen, set, advanced or running on top of a base clock.
// Runner status (online, offline, stale) is computed from it, so moving it moves every runner.
import type { Clock } from '../store/clock.js'
import { isSayable, LATEST_TIME, parseDuration, TIME_RANGE } from '../scenarios/relative-time.js'

export interface ClockState {
  /** ISO time the clock reads now. */
  now: string
  frozen: boolean
  /** How far the clock is from its base clock, in milliseconds (0 unless set or advanced). */
  offsetMs: number
}

export class MockClock implements Clock {
  private offset = 0
  private frozenAt: number | undefined

  /** `base` keeps running underneath: the system clock, a test's ManualClock, or a parent session's clock. */
  constructor(private readonly base: Clock) {}

  now(): number {
    // A running clock set near the end of year 9999 stops there rather than reading a time no answer can write.
    return this.frozenAt ?? Math.min(this.base.now() + this.offset, LATEST_TIME)
  }

  /** Stops the clock at `at` (default: where it is). */
  freeze(at?: number | string | Date): void {
    this.frozenAt = at === undefined ? this.now() : sayable(toMillis(at))
  }

  /** Puts the clock at `at`; a running clock keeps running from there. */
  set(at: number | string | Date): void {
    const millis = sayable(toMillis(at))
    if (this.frozenAt !== undefined) this.frozenAt = millis
    else this.offset = millis - this.base.now()
  }

  /** Moves the clock forward by milliseconds or a duration such as `3h` or `1d12h`. */
  advance(by: number | string): void {
    const millis = typeof by === 'number' ? by : parseDuration(by)
    // Checked before anything moves: a refused move leaves the clock where it was.
    sayable(this.now() + millis)
    if (this.frozenAt !== undefined) this.frozenAt += millis
    else this.offset += millis
  }

  /** Lets a frozen clock run again from where it stands. */
  resume(): void {
    if (this.frozenAt === undefined) return
    this.offset = this.frozenAt - this.base.now()
    this.frozenAt = undefined
  }

  get frozen(): boolean {
    return this.frozenAt !== undefined
  }

  state(): ClockState {
    const now = this.now()
    return { now: new Date(now).toISOString(), frozen: this.frozen, offsetMs: now - this.base.now() }
  }
}

/** `millis` when every answer can write it as a date-time; else a RangeError naming the bounds. */
function sayable(millis: number): number {
  if (isSayable(millis)) return millis
  throw new RangeError(`the clock must stay between ${TIME_RANGE.replace(' to ', ' and ')}`)
}

function toMillis(at: number | string | Date): number {
  if (typeof at === 'number') return at
  if (at instanceof Date) return at.getTime()
  const millis = Date.parse(at)
  if (Number.isNaN(millis) || !/^\d{4}-\d{2}-\d{2}T/.test(at)) throw new RangeError(`not an ISO time: '${at}'`)
  return millis
}
