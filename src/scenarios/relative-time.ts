// The time forms a scenario may write (`5m ago`, `in 30d`, `never`, ISO timestamps) and the
// durations inside them. Knows nothing of files or worlds: every problem is a plain message.

import type { Millis } from '../store/records.js'

const UNIT_MILLIS: Record<string, number> = {
  ms: 1,
  s: 1_000,
  m: 60_000,
  h: 3_600_000,
  d: 86_400_000,
  w: 604_800_000,
}

const DURATION = /^(?:\d+(?:ms|s|m|h|d|w))+$/
const DURATION_PART = /(\d+)(ms|s|m|h|d|w)/g
// Strict ISO 8601 with a time and an explicit zone, so `2024-06-09` (which Date.parse reads as
// midnight UTC) is not silently accepted as a moment.
const ISO_TIMESTAMP = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(?::\d{2}(?:\.\d{1,9})?)?(?:Z|[+-]\d{2}:\d{2})$/

// What a date-time (RFC 3339: four-digit years) can say: every time the mock answers with is inside it.
export const EARLIEST_TIME = Date.parse('0000-01-01T00:00:00.000Z')
export const LATEST_TIME = Date.parse('9999-12-31T23:59:59.999Z')
export const TIME_RANGE = `${new Date(EARLIEST_TIME).toISOString()} to ${new Date(LATEST_TIME).toISOString()}`

/** Whether an answer can write `millis` as a date-time. */
export function isSayable(millis: number): boolean {
  return Number.isFinite(millis) && millis >= EARLIEST_TIME && millis <= LATEST_TIME
}

export const TIME_FORMS = "'5m ago', 'in 30d', 'now', 'never' or an ISO timestamp like 2024-06-09T11:12:02.507Z"

/** Parses `90s`, `5m`, `3h`, `10d`, `2w` or a sum such as `1h30m`; throws with a message otherwise. */
export function parseDuration(text: string): number {
  const compact = text.trim().replace(/\s+/g, '')
  if (!DURATION.test(compact)) {
    throw new Error(`not a duration: expected a number and a unit (ms, s, m, h, d, w) such as '3h' or '1h30m', got '${text}'`)
  }
  let total = 0
  for (const [, amount, unit] of compact.matchAll(DURATION_PART)) {
    total += Number(amount) * (UNIT_MILLIS[unit ?? ''] ?? 0)
  }
  return total
}

/**
 * Reads a scenario time relative to `now`: `never` (and YAML null) is null, `now` is now,
 * `<duration> ago` is in the past, `in <duration>` in the future, anything else must be ISO 8601.
 */
export function parseTime(text: string | null, now: Millis): Millis | null {
  const millis = readTime(text, now)
  if (millis !== null && !isSayable(millis)) throw new Error(`'${text}' is outside what a date-time can say (${TIME_RANGE})`)
  return millis
}

function readTime(text: string | null, now: Millis): Millis | null {
  if (text === null) return null
  const value = text.trim()
  if (value === 'never') return null
  if (value === 'now') return now
  const ago = /^(.+?)\s+ago$/.exec(value)
  if (ago?.[1] !== undefined) return now - durationIn(ago[1], text)
  const ahead = /^in\s+(.+)$/.exec(value)
  if (ahead?.[1] !== undefined) return now + durationIn(ahead[1], text)
  if (ISO_TIMESTAMP.test(value)) {
    const millis = Date.parse(value)
    if (!Number.isNaN(millis)) return millis
  }
  throw new Error(`not a time: expected ${TIME_FORMS}, got '${text}'`)
}

function durationIn(part: string, whole: string): number {
  try {
    return parseDuration(part)
  } catch {
    throw new Error(`not a time: expected ${TIME_FORMS}, got '${whole}'`)
  }
}
