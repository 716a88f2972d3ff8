import { describe, expect, it } from 'vitest'
import { parseDuration, parseTime } from '../../src/scenarios/relative-time.js'

const NOW = Date.parse('2025-06-01T12:00:00.000Z')
const iso = (millis: number | null): string | null => (millis === null ? null : new Date(millis).toISOString())

describe('relative times in scenarios', () => {
  it.each([
    ['5m ago', '2025-06-01T11:55:00.000Z'],
    ['3h ago', '2025-06-01T09:00:00.000Z'],
    ['10d ago', '2025-05-22T12:00:00.000Z'],
    ['2w ago', '2025-05-18T12:00:00.000Z'],
    ['30s ago', '2025-06-01T11:59:30.000Z'],
    ['1h30m ago', '2025-06-01T10:30:00.000Z'],
    ['in 30d', '2025-07-01T12:00:00.000Z'],
    ['now', '2025-06-01T12:00:00.000Z'],
    ['2024-06-09T11:12:02.507Z', '2024-06-09T11:12:02.507Z'],
    ['2024-06-09T13:12:02+02:00', '2024-06-09T11:12:02.000Z'],
  ])('reads %s against the clock', (text, expected) => {
    expect(iso(parseTime(text, NOW))).toBe(expected)
  })

  it('reads never and null as a runner that never contacted GitLab', () => {
    expect([parseTime('never', NOW), parseTime(null, NOW)]).toEqual([null, null])
  })

  it.each(['yesterday', '5 minutes ago', '2024-06-09', '-5m ago', 'in'])('rejects %s with the forms it accepts', (text) => {
    expect(() => parseTime(text, NOW)).toThrow(
      `not a time: expected '5m ago', 'in 30d', 'now', 'never' or an ISO timestamp like 2024-06-09T11:12:02.507Z, got '${text}'`,
    )
  })

  it('parses the durations the control clock advances by', () => {
    expect([parseDuration('3h'), parseDuration('1h30m'), parseDuration('90s'), parseDuration('1w'), parseDuration('250ms')])
      .toEqual([10_800_000, 5_400_000, 90_000, 604_800_000, 250])
  })

  it('rejects a duration without a unit', () => {
    expect(() => parseDuration('3')).toThrow("not a duration: expected a number and a unit (ms, s, m, h, d, w) such as '3h' or '1h30m', got '3'")
  })
})
