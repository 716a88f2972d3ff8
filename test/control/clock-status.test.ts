// Runner status follows the mock's clock to the millisecond: online while contacted within 2 hours
// (strictly after now − 2 h), stale once created and contacted at or before now − 7 days (reference §2.1).
import { describe, expect, it } from 'vitest'
import { MockClock } from '../../src/control/clock.js'
import { ManualClock } from '../../src/store/clock.js'
import { startTestMock } from '../helpers/start-mock.js'
import { control } from './control-client.js'

const ADMIN = 'glpat-admin-0000000000000'
// shared-docker-amd64 in the default scenario: last contact 2 minutes before the tests' NOW.
const RUNNER = 10
const CONTACTED = Date.UTC(2025, 5, 2, 11, 58, 0)
const HOUR = 3_600_000
const DAY = 24 * HOUR

const mock = await startTestMock()

async function statusOf(session?: string): Promise<[string, boolean | null]> {
  const headers: Record<string, string> = session === undefined ? {} : { 'X-Mock-Session': session }
  const { body } = await mock.call('GET', `/runners/${RUNNER}`, { token: ADMIN, headers })
  const runner = body as { status: string; online: boolean | null }
  return [runner.status, runner.online]
}

describe('runner status on the mock clock', () => {
  it('walks a runner from online to offline at exactly 2 hours and to stale at exactly 7 days', async () => {
    const walk: Array<[string, number, [string, boolean | null]]> = [
      ['2 h minus 1 ms after the contact', CONTACTED + 2 * HOUR - 1, ['online', true]],
      ['exactly 2 h after', CONTACTED + 2 * HOUR, ['offline', false]],
      ['7 d minus 1 ms after', CONTACTED + 7 * DAY - 1, ['offline', false]],
      ['exactly 7 d after', CONTACTED + 7 * DAY, ['stale', false]],
    ]
    const seen = []
    for (const [moment, at] of walk) {
      mock.clock.set(at)
      seen.push([moment, at, await statusOf()])
    }
    expect(seen).toEqual(walk)
  })

  it('walks a session through the same thresholds with the control API, leaving the main clock alone', async () => {
    mock.clock.set(CONTACTED)
    const session = 'clock-walk'
    await control(mock, 'POST', '/clock/freeze', { session })
    expect(await statusOf(session)).toEqual(['online', true])
    await control(mock, 'POST', '/clock/advance', { session, body: { by: '1h59m59s999ms' } })
    expect(await statusOf(session)).toEqual(['online', true])
    await control(mock, 'POST', '/clock/advance', { session, body: { by: '1ms' } })
    expect(await statusOf(session)).toEqual(['offline', false])
    await control(mock, 'POST', '/clock/set', { session, body: { to: new Date(CONTACTED + 7 * DAY).toISOString() } })
    expect(await statusOf(session)).toEqual(['stale', false])
    expect(await statusOf()).toEqual(['online', true])
    // The session has changed nothing, so it still reads the shared pristine world, with its own clock.
    expect((await control(mock, 'GET', '/sessions')).body).toEqual({ sessions: [expect.objectContaining({ id: session, copied: false })] })
  })

  it('lets the programmatic clock advance by a duration', async () => {
    mock.clock.set(CONTACTED)
    const clock = mock.session('programmatic-clock').clock
    clock.freeze()
    clock.advance('3h')
    expect(clock.state()).toEqual({ now: '2025-06-02T14:58:00.000Z', frozen: true, offsetMs: 3 * HOUR })
    expect(await statusOf('programmatic-clock')).toEqual(['offline', false])
    expect(() => clock.advance('three hours')).toThrow("not a duration: expected a number and a unit (ms, s, m, h, d, w) such as '3h' or '1h30m', got 'three hours'")
  })
})

describe('a clock moved past what a date-time can say', () => {
  // RFC 3339 (the contract's date-time) has four-digit years: GitLab cannot answer after 9999-12-31.
  it.each([
    ['advance', '/clock/advance', { by: '3000000d' }],
    ['advance out of the Date range', '/clock/advance', { by: '99999999999d' }],
    ['advance by more digits than a number holds', '/clock/advance', { by: '9999999999999999999999d' }],
  ])('refuses to %s with a 400 and leaves the clock as it was', async (_what, path, body) => {
    const session = `far-future-${path.length}-${body.by.length}`
    await control(mock, 'POST', '/clock/set', { session, body: { to: '2025-06-02T12:00:00.000Z' } })
    const refused = await control(mock, 'POST', path, { session, body })
    expect(refused.status).toBe(400)
    expect((refused.body as { message: string }).message).toMatch(/9999-12-31T23:59:59\.999Z/)
    const clock = await control(mock, 'GET', '/clock', { session })
    expect(clock.status).toBe(200)
    expect((clock.body as { now: string }).now).toMatch(/^2025-06-02T12:00:0/)
    expect(await statusOf(session)).toEqual(['online', true])
  })

  it('refuses the same in-process, before anything moves', () => {
    const clock = mock.session('far-future-in-process').clock
    clock.freeze('9999-12-31T00:00:00.000Z')
    expect(() => clock.advance('1d')).toThrow(RangeError)
    expect(clock.state().now).toBe('9999-12-31T00:00:00.000Z')
    clock.advance('23h59m59s999ms')
    expect(clock.state().now).toBe('9999-12-31T23:59:59.999Z')
  })

  it('stops a running clock at the last moment a date-time can say rather than running past it', () => {
    // It once read +010000-01-01T00:00:00.715Z a second after being set to 9999-12-31T23:59:59.500Z.
    const underneath = new ManualClock(Date.parse('2025-06-02T12:00:00.000Z'))
    const clock = new MockClock(underneath)
    clock.set('9999-12-31T23:59:59.500Z')
    underneath.advance(1_000)
    expect(clock.state()).toMatchObject({ now: '9999-12-31T23:59:59.999Z', frozen: false })
    clock.freeze()
    expect(clock.state().now).toBe('9999-12-31T23:59:59.999Z')
  })
})
