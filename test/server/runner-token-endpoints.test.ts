// The runner-facing endpoints over real HTTP (verify, unregister, reset by token), the whole
// register → verify → delete life of a runner, and status moving with the clock (reference §2.1, §6).
import { beforeEach, describe, expect, it } from 'vitest'
import { NOW, startTestMock } from '../helpers/start-mock.js'

const ADMIN = 'glpat-admin-0000000000000'
const MAINTAINER = 'glpat-maintainer-00000000'
const API_TOKEN = 'GR1348941-api-0000000000000'
const SHARED_TOKEN = 'glrt-api-web-shared-0000000' // runner 22
const MINUTE = 60_000
const HOUR = 60 * MINUTE
const DAY = 24 * HOUR

const mock = await startTestMock()

beforeEach(async () => {
  await mock.reset()
  mock.clock.set(NOW)
})

async function runner(id: number): Promise<Record<string, unknown>> {
  const response = await mock.call('GET', `/runners/${id}`, { token: ADMIN })
  return { http: response.status, ...(response.body as Record<string, unknown>) }
}

async function managerIds(id: number): Promise<string[]> {
  const response = await mock.call('GET', `/runners/${id}/managers`, { token: ADMIN })
  return (response.body as { system_id: string }[]).map((manager) => manager.system_id)
}

describe('verifyRunner', () => {
  it('answers 200 with id, token and token_expires_at', async () => {
    const response = await mock.call('POST', '/runners/verify', { body: { token: SHARED_TOKEN } })
    expect([response.status, response.body]).toEqual([200, { id: 22, token: SHARED_TOKEN, token_expires_at: null }])
  })

  it('sets the runner’s contact time to now and touches the manager with that system_id', async () => {
    mock.clock.advance(3 * HOUR)
    const before = await runner(22)
    expect([before.http, before.online, before.contacted_at]).toEqual([200, false, '2025-06-02T11:59:30.000Z'])
    await mock.call('POST', '/runners/verify', { form: { token: SHARED_TOKEN, system_id: 's_ab0b1c2d3e4f' } })
    const after = await runner(22)
    expect([after.online, after.status, after.contacted_at, after.version]).toEqual([true, 'online', '2025-06-02T15:00:00.000Z', '18.2.0'])
    expect(await managerIds(22)).toEqual(['s_aa0b1c2d3e4f', 's_ab0b1c2d3e4f'])
  })

  it('creates a manager for a new system_id, and one called <legacy> when none is sent', async () => {
    await mock.call('POST', '/runners/verify', { body: { token: SHARED_TOKEN, system_id: 's_brand_new' } })
    await mock.call('POST', '/runners/verify', { body: { token: SHARED_TOKEN } })
    expect(await managerIds(22)).toEqual(['s_aa0b1c2d3e4f', 's_ab0b1c2d3e4f', 's_brand_new', '<legacy>'])
  })

  it.each([
    ['an unknown token', { token: 'glrt-nobody' }, 403, { message: '403 Forbidden' }],
    ['no token', { system_id: 's_x' }, 400, { error: 'token is missing' }],
  ])('refuses %s', async (_what, body, status, expected) => {
    const response = await mock.call('POST', '/runners/verify', { body })
    expect([response.status, response.body]).toEqual([status, expected])
  })

  it('refuses an expired runner token with 403', async () => {
    mock.world.writableRunner(mock.world.runners.get(22)!).tokenExpiresAt = NOW - MINUTE
    const response = await mock.call('POST', '/runners/verify', { body: { token: SHARED_TOKEN } })
    expect([response.status, response.body]).toEqual([403, { message: '403 Forbidden' }])
  })
})

describe('resetRunnerAuthenticationTokenByToken', () => {
  it('answers 201 with a new token; the old one is refused at once, the new one verifies', async () => {
    const response = await mock.call('POST', '/runners/reset_authentication_token', { body: { token: SHARED_TOKEN } })
    expect(response.status).toBe(201)
    expect(response.body).toEqual({ token: expect.stringMatching(/^glrt-[A-Za-z0-9_-]{20}$/), token_expires_at: null })
    const old = await mock.call('POST', '/runners/reset_authentication_token', { body: { token: SHARED_TOKEN } })
    expect([old.status, old.body]).toEqual([403, { message: '403 Forbidden' }])
    const fresh = await mock.call('POST', '/runners/verify', { body: { token: (response.body as { token: string }).token } })
    expect([fresh.status, (fresh.body as { id: number }).id]).toEqual([200, 22])
  })

  it.each([
    ['an unknown token', { token: 'glrt-nobody' }, 403, { message: '403 Forbidden' }],
    ['no token', {}, 400, { error: 'token is missing' }],
  ])('refuses %s', async (_what, body, status, expected) => {
    const response = await mock.call('POST', '/runners/reset_authentication_token', { body })
    expect([response.status, response.body]).toEqual([status, expected])
  })
})

describe('deleteRunnerByToken', () => {
  it('unregisters with 204 even when the runner serves two projects; the runner is then 404', async () => {
    const response = await mock.call('DELETE', '/runners', { body: { token: SHARED_TOKEN } })
    expect([response.status, response.body]).toEqual([204, undefined])
    const after = await mock.call('GET', '/runners/22', { token: ADMIN })
    expect([after.status, after.body]).toEqual([404, { message: '404 Runner Not Found' }])
  })

  it('takes the token from the query string', async () => {
    const response = await mock.call('DELETE', `/runners?token=${SHARED_TOKEN}`)
    expect(response.status).toBe(204)
  })

  it.each([
    ['an unknown token', { token: 'glrt-nobody' }, 403, { message: '403 Forbidden' }],
    ['no token', {}, 400, { error: 'token is missing' }],
  ])('refuses %s', async (_what, body, status, expected) => {
    const response = await mock.call('DELETE', '/runners', { body })
    expect([response.status, response.body]).toEqual([status, expected])
  })

  it('answers 412 when the runner changed after If-Unmodified-Since, and keeps it', async () => {
    mock.clock.advance(MINUTE)
    await mock.call('PUT', '/runners/22', { token: ADMIN, body: { description: 'touched' } })
    const before = new Date(NOW).toUTCString()
    const response = await mock.call('DELETE', '/runners', { body: { token: SHARED_TOKEN }, headers: { 'If-Unmodified-Since': before } })
    expect([response.status, response.body]).toEqual([412, { message: '412 Precondition Failed' }])
    expect((await runner(22)).http).toBe(200)
  })
})

describe('a runner’s life: register → verify → delete by token', () => {
  it('goes from never_contacted to online, shows up for the project, then disappears', async () => {
    const registered = await mock.call('POST', '/runners', { body: { token: API_TOKEN, description: 'lifecycle' } })
    const { id, token } = registered.body as { id: number; token: string }
    expect([registered.status, id]).toEqual([201, 28])
    expect([(await runner(id)).status, (await runner(id)).online]).toEqual(['never_contacted', null])

    mock.clock.advance(5 * MINUTE)
    const verified = await mock.call('POST', '/runners/verify', { body: { token, system_id: 's_lifecycle' } })
    expect([verified.status, verified.body]).toEqual([200, { id, token, token_expires_at: null }])
    const online = await runner(id)
    expect([online.status, online.online, online.contacted_at]).toEqual(['online', true, '2025-06-02T12:05:00.000Z'])
    const listed = await mock.call('GET', '/runners?status=online&type=project_type', { token: MAINTAINER })
    expect((listed.body as { id: number }[]).map((r) => r.id)).toEqual([22, 23, 24, id])

    const deleted = await mock.call('DELETE', '/runners', { form: { token } })
    expect(deleted.status).toBe(204)
    expect((await runner(id)).http).toBe(404)
    const again = await mock.call('POST', '/runners/verify', { body: { token } })
    expect([again.status, again.body]).toEqual([403, { message: '403 Forbidden' }])
  })
})

describe('status follows the clock', () => {
  // Runner 22 was last contacted at NOW - 30 s; online means contacted strictly less than 2 h ago.
  it.each([
    ['1 ms before the 2 h mark', 2 * HOUR - 30_000 - 1, 'online', true],
    ['exactly at the 2 h mark', 2 * HOUR - 30_000, 'offline', false],
    ['a day later', DAY, 'offline', false],
  ])('reports runner 22 %s as %s', async (_when, advance, status, online) => {
    mock.clock.advance(advance)
    const body = await runner(22)
    expect([body.status, body.online]).toEqual([status, online])
  })

  it('moves runner 22 from the online filter to the offline filter past 2 hours', async () => {
    const ids = async (status: string) => {
      const response = await mock.call('GET', `/runners?status=${status}&type=project_type`, { token: MAINTAINER })
      return (response.body as { id: number }[]).map((r) => r.id)
    }
    expect([await ids('online'), await ids('offline')]).toEqual([[22, 23, 24], [27]])
    mock.clock.advance(2 * HOUR)
    expect([await ids('online'), await ids('offline')]).toEqual([[], [22, 23, 24, 27]])
  })

  it('turns a never-contacted runner stale 7 days after its creation', async () => {
    // web-fresh (25) was created 1 h before NOW and never contacted.
    mock.clock.advance(7 * DAY - HOUR - 1)
    expect((await runner(25)).status).toBe('never_contacted')
    mock.clock.advance(1)
    expect((await runner(25)).status).toBe('stale')
  })
})
