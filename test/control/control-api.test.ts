// The control API over HTTP, one behaviour per control: reset, load, export/import, journal, clock,
// faults, registration switches and sessions, each as a GitLab client would then see it.
import { connect } from 'node:net'
import { afterEach, describe, expect, it } from 'vitest'
import { NOW, send, startTestMock } from '../helpers/start-mock.js'
import { control } from './control-client.js'

const ADMIN = 'glpat-admin-0000000000000'
const mock = await startTestMock()

afterEach(async () => {
  await control(mock, 'DELETE', '/faults')
  await control(mock, 'POST', '/clock/resume')
  mock.clock.set(NOW)
  await control(mock, 'POST', '/clock/set', { body: { to: new Date(NOW).toISOString() } })
  mock.load('default')
  await control(mock, 'DELETE', '/journal')
})

const pause = (id: number) => mock.call('PUT', `/runners/${id}`, { token: ADMIN, body: { paused: true } })
const paused = async (id: number) => ((await mock.call('GET', `/runners/${id}`, { token: ADMIN })).body as { paused: boolean }).paused

describe('state', () => {
  it('resets to the loaded scenario, undoing what clients changed', async () => {
    await pause(10)
    expect(await paused(10)).toBe(true)
    expect(await control(mock, 'POST', '/reset')).toEqual({ status: 204, body: undefined })
    expect(await paused(10)).toBe(false)
  })

  it('loads another scenario by name, and reset then returns to it', async () => {
    expect(await control(mock, 'POST', '/scenario', { body: { name: 'empty' } })).toEqual({ status: 204, body: undefined })
    const listed = await mock.call('GET', '/runners/all', { token: ADMIN })
    expect([listed.status, listed.body]).toEqual([200, []])
    await control(mock, 'POST', '/reset')
    expect((await mock.call('GET', '/runners/all', { token: ADMIN })).body).toEqual([])
    await control(mock, 'POST', '/scenario', { body: { name: 'default' } })
    expect(await paused(10)).toBe(false)
  })

  it('loads an inline scenario, and refuses a broken one with file, line, path and problem, keeping the state', async () => {
    const yaml = 'include: [empty.yaml]\nrunners:\n  - runner_type: instance_type\n    description: inline-runner\n'
    expect((await control(mock, 'POST', '/scenario', { body: { yaml } })).status).toBe(204)
    expect((await mock.call('GET', '/runners/all', { token: ADMIN })).body).toEqual([
      expect.objectContaining({ description: 'inline-runner', runner_type: 'instance_type' }),
    ])
    const broken = await control(mock, 'POST', '/scenario', { body: { yaml: 'include: [empty.yaml]\nrunners:\n  - runner_type: nonsense\n' } })
    expect(broken.status).toBe(400)
    expect(broken.body).toEqual({ message: expect.stringMatching(/^400 Bad request - scenarios\/inline\.yaml:3 runners\[0\]\.runner_type: /) })
    expect((await mock.call('GET', '/runners/all', { token: ADMIN })).body).toEqual([expect.objectContaining({ description: 'inline-runner' })])
  })

  it('answers a scenario request with neither a name nor YAML as Grape would', async () => {
    expect(await control(mock, 'POST', '/scenario', { body: {} })).toEqual({
      status: 400,
      body: { error: 'name, yaml are missing, at least one parameter must be provided' },
    })
  })

  it('exports the whole state and imports it back identically, in another mock too', async () => {
    await pause(11)
    const exported = await control(mock, 'GET', '/state')
    expect(exported.status).toBe(200)
    await control(mock, 'POST', '/reset')
    expect(await paused(11)).toBe(false)
    expect(await control(mock, 'PUT', '/state', { body: exported.body })).toEqual({ status: 204, body: undefined })
    expect(await paused(11)).toBe(true)
    expect((await control(mock, 'GET', '/state')).body).toEqual(exported.body)
    const other = await startTestMock({ scenario: 'empty' })
    expect((await control(other, 'PUT', '/state', { body: exported.body })).status).toBe(204)
    expect((await control(other, 'GET', '/state')).body).toEqual(exported.body)
  })
})

describe('journal', () => {
  it('lists the requests with method, path, status, operationId, the user and the body, tokens redacted', async () => {
    await mock.call('GET', `/runners/all?private_token=${ADMIN}&per_page=2`)
    await mock.call('PUT', '/runners/10', { headers: { Authorization: `Bearer ${ADMIN}` }, body: { description: 'renamed', token: 'glrt-secret' } })
    // Prism knows no unknown route, so this one goes around the checking client.
    await send(mock.url, 'GET', '/nowhere')
    const { status, body } = await control(mock, 'GET', '/journal')
    expect(status).toBe(200)
    const entries = (body as { entries: Array<Record<string, unknown>> }).entries
    // seq keeps counting across clears, so a client can poll for what is new.
    const first = entries[0]?.seq as number
    expect(entries.map(({ at: _at, durationMs: _duration, response: _response, ...rest }) => rest)).toEqual([
      {
        seq: first,
        method: 'GET',
        path: '/api/v4/runners/all?private_token=[REDACTED]&per_page=2',
        status: 200,
        operationId: 'listAllRunners',
        headers: {},
        body: null,
        fault: null,
        username: 'root',
        findings: [],
        refused: null,
      },
      {
        seq: first + 1,
        method: 'PUT',
        path: '/api/v4/runners/10',
        status: 200,
        operationId: 'updateRunner',
        headers: { authorization: 'Bearer [REDACTED]', 'content-type': 'application/json' },
        body: { description: 'renamed', token: '[REDACTED]' },
        fault: null,
        username: 'root',
        findings: [],
        refused: null,
      },
      { seq: first + 2, method: 'GET', path: '/api/v4/nowhere', status: 404, operationId: null, headers: {}, body: null, fault: null, username: null, findings: [], refused: null },
    ])
    expect(entries.every((entry) => typeof entry.durationMs === 'number' && entry.durationMs >= 0)).toBe(true)
    // The answer is kept too, with the token GitLab repeats in its Link URLs redacted.
    const list = entries[0]?.response as { headers: Record<string, string>; body: unknown[] }
    expect(list.body).toHaveLength(2)
    expect(list.headers).toMatchObject({ 'X-Per-Page': '2', 'X-Page': '1', 'content-type': 'application/json' })
    expect(list.headers.Link).toContain('private_token=[REDACTED]')
    expect(entries[2]?.response).toEqual({ headers: { 'content-type': 'application/json' }, body: { error: '404 Not Found' } })
    expect(JSON.stringify(entries)).not.toContain(ADMIN)
  })

  it('keeps only the newest entries asked for, and forgets them all when cleared', async () => {
    for (const id of [10, 11, 12]) await mock.call('GET', `/runners/${id}`, { token: ADMIN })
    const newest = await control(mock, 'GET', '/journal?limit=2')
    expect((newest.body as { entries: Array<{ path: string }> }).entries.map((entry) => entry.path)).toEqual(['/api/v4/runners/11', '/api/v4/runners/12'])
    expect(await control(mock, 'DELETE', '/journal')).toEqual({ status: 204, body: undefined })
    expect(await control(mock, 'GET', '/journal')).toEqual({ status: 200, body: { entries: [] } })
  })

  it('is bounded: a mock started with a journal limit keeps only that many requests', async () => {
    const small = await startTestMock({ journalLimit: 3 })
    for (let id = 10; id < 16; id++) await small.call('GET', `/runners/${id}`, { token: ADMIN })
    expect(small.journal().map((entry) => [entry.seq, entry.path])).toEqual([
      [4, '/api/v4/runners/13'],
      [5, '/api/v4/runners/14'],
      [6, '/api/v4/runners/15'],
    ])
  })
})

describe('clock', () => {
  it('freezes, sets, advances by a duration and resumes, and runner status follows it', async () => {
    const status = async () => ((await mock.call('GET', '/runners/10', { token: ADMIN })).body as { status: string }).status
    expect(await control(mock, 'POST', '/clock/freeze')).toEqual({ status: 200, body: { now: '2025-06-02T12:00:00.000Z', frozen: true, offsetMs: 0 } })
    expect(await status()).toBe('online')
    expect(await control(mock, 'POST', '/clock/advance', { body: { by: '3h' } })).toEqual({
      status: 200,
      body: { now: '2025-06-02T15:00:00.000Z', frozen: true, offsetMs: 3 * 3_600_000 },
    })
    expect(await status()).toBe('offline')
    expect((await control(mock, 'POST', '/clock/set', { body: { to: '2025-07-01T00:00:00.000Z' } })).body).toEqual({
      now: '2025-07-01T00:00:00.000Z',
      frozen: true,
      offsetMs: Date.UTC(2025, 6, 1) - NOW,
    })
    expect(await status()).toBe('stale')
    // The base clock moves underneath; a resumed clock runs on from where it was frozen.
    mock.clock.advance(1_000)
    expect((await control(mock, 'POST', '/clock/resume')).body).toEqual({ now: '2025-07-01T00:00:00.000Z', frozen: false, offsetMs: Date.UTC(2025, 6, 1) - NOW - 1_000 })
    mock.clock.advance(500)
    expect((await control(mock, 'GET', '/clock')).body).toEqual({ now: '2025-07-01T00:00:00.500Z', frozen: false, offsetMs: Date.UTC(2025, 6, 1) - NOW - 1_000 })
  })

  it('refuses a duration it cannot read', async () => {
    const { status, body } = await control(mock, 'POST', '/clock/advance', { body: { by: 'three hours' } })
    expect([status, body]).toEqual([400, { error: 'by is invalid' }])
  })
})

describe('faults', () => {
  it('forces a status on one operation with GitLab\'s body for it, leaving other operations alone', async () => {
    const added = await control(mock, 'POST', '/faults', { body: { operationId: 'getRunner', status: 500 } })
    expect(added).toEqual({ status: 201, body: { id: expect.stringMatching(/^f\d+$/), operationId: 'getRunner', status: 500, hits: 0 } })
    const failed = await send(mock.url, 'GET', '/runners/10', { token: ADMIN })
    expect([failed.status, failed.body]).toEqual([500, { message: '500 Internal Server Error' }])
    expect((await mock.call('GET', '/runners/all?per_page=1', { token: ADMIN })).status).toBe(200)
    expect((await control(mock, 'GET', '/journal')).body).toEqual({
      entries: [
        expect.objectContaining({ path: '/api/v4/runners/10', status: 500, operationId: 'getRunner', fault: (added.body as { id: string }).id }),
        expect.objectContaining({ path: '/api/v4/runners/all?per_page=1', status: 200, fault: null }),
      ],
    })
  })

  it('matches a path with a wildcard segment and a method, and a forced 429 says when to retry', async () => {
    await control(mock, 'POST', '/faults', { body: { path: '/runners/*', method: 'PUT', status: 429 } })
    const put = await send(mock.url, 'PUT', '/runners/10', { token: ADMIN, body: { paused: true } })
    expect([put.status, put.headers.get('retry-after'), put.body]).toEqual([429, '60', { message: 'Executing database migrations. Please retry later.' }])
    expect(await paused(10)).toBe(false)
  })

  it('delays an operation by a fixed latency and then answers it normally', async () => {
    await control(mock, 'POST', '/faults', { body: { operationId: 'getRunner', latencyMs: 150 } })
    const started = performance.now()
    const response = await mock.call('GET', '/runners/10', { token: ADMIN })
    expect(response.status).toBe(200)
    expect(performance.now() - started).toBeGreaterThanOrEqual(145)
  })

  it('hits a seeded share of requests, the same ones on every run', async () => {
    const run = async () => {
      await control(mock, 'DELETE', '/faults')
      await control(mock, 'POST', '/faults', { body: { operationId: 'getRunner', status: 503, rate: 0.5, seed: 7 } })
      const statuses: number[] = []
      for (let i = 0; i < 20; i++) statuses.push((await send(mock.url, 'GET', '/runners/10', { token: ADMIN })).status)
      return statuses
    }
    const first = await run()
    expect(await run()).toEqual(first)
    const failures = first.filter((status) => status === 503).length
    expect(failures).toBeGreaterThan(4)
    expect(failures).toBeLessThan(16)
    expect(new Set(first)).toEqual(new Set([200, 503]))
  })

  it('drops the connection without an answer', async () => {
    const fault = (await control(mock, 'POST', '/faults', { body: { operationId: 'getRunner', drop: true } })).body as { id: string }
    await expect(fetch(`${mock.url}/runners/10`, { headers: { 'PRIVATE-TOKEN': ADMIN } })).rejects.toThrow(TypeError)
    // The socket closes with no status line at all, as a crashed upstream's would.
    const raw = await new Promise<string>((resolve) => {
      const socket = connect(mock.port, '127.0.0.1', () => socket.write(`GET /api/v4/runners/10 HTTP/1.1\r\nHost: 127.0.0.1\r\nPRIVATE-TOKEN: ${ADMIN}\r\n\r\n`))
      let text = ''
      socket.on('data', (chunk) => (text += chunk.toString()))
      socket.on('close', () => resolve(text))
    })
    expect(raw).toBe('')
    expect(mock.journal().map((entry) => [entry.status, entry.fault])).toEqual([
      [0, fault.id],
      [0, fault.id],
    ])
  })

  it('removes a fault that has hit `times` requests by itself', async () => {
    await control(mock, 'POST', '/faults', { body: { operationId: 'getRunner', status: 502, times: 2 } })
    const statuses = []
    for (let i = 0; i < 3; i++) statuses.push((await send(mock.url, 'GET', '/runners/10', { token: ADMIN })).status)
    expect(statuses).toEqual([502, 502, 200])
    expect(await control(mock, 'GET', '/faults')).toEqual({ status: 200, body: { faults: [] } })
  })

  it('removes faults one by one and all at once', async () => {
    const first = (await control(mock, 'POST', '/faults', { body: { operationId: 'getRunner', status: 500 } })).body as { id: string }
    const second = (await control(mock, 'POST', '/faults', { body: { operationId: 'listAllRunners', status: 503 } })).body as { id: string }
    expect(await control(mock, 'DELETE', `/faults/${first.id}`)).toEqual({ status: 204, body: undefined })
    expect(await control(mock, 'DELETE', `/faults/${first.id}`)).toEqual({ status: 404, body: { message: '404 Fault Not Found' } })
    expect((await control(mock, 'GET', '/faults')).body).toEqual({ faults: [{ id: second.id, operationId: 'listAllRunners', status: 503, hits: 0 }] })
    expect((await mock.call('GET', '/runners/10', { token: ADMIN })).status).toBe(200)
    await control(mock, 'POST', '/faults', { body: { operationId: 'getRunner', status: 500 } })
    expect(await control(mock, 'DELETE', '/faults')).toEqual({ status: 204, body: undefined })
    expect((await control(mock, 'GET', '/faults')).body).toEqual({ faults: [] })
  })

  it('refuses a fault that matches nothing or does nothing', async () => {
    expect(await control(mock, 'POST', '/faults', { body: { status: 500 } })).toEqual({
      status: 400,
      body: { message: '400 Bad request - a fault needs an operationId or a path to match' },
    })
    expect(await control(mock, 'POST', '/faults', { body: { operationId: 'getRunner' } })).toEqual({
      status: 400,
      body: { message: '400 Bad request - a fault needs latencyMs, status or drop: true' },
    })
  })
})

describe('registration tokens', () => {
  const register = (token: string) => send(mock.url, 'POST', '/runners', { body: { token, description: 'new' } })

  it('switches registration tokens off for the instance, so POST /runners answers 410', async () => {
    expect((await register('GR1348941-instance-000000000')).status).toBe(201)
    expect(await control(mock, 'PUT', '/registration/instance', { body: { allowed: false } })).toEqual({ status: 200, body: { allowed: false } })
    const refused = await register('GR1348941-instance-000000000')
    expect([refused.status, refused.body]).toEqual([410, { message: '410 Gone - runner registration disallowed' }])
  })

  it('switches them off for a group and a project, and on again for a group that forbade them', async () => {
    await control(mock, 'PUT', '/registration/projects/3', { body: { allowed: false } })
    expect((await register('GR1348941-api-0000000000000')).status).toBe(410)
    await control(mock, 'PUT', '/registration/groups/2', { body: { allowed: false } })
    expect((await register('GR1348941-acme-000000000000')).status).toBe(410)
    expect((await register('GR1348941-legacy-0000000000')).status).toBe(410)
    await control(mock, 'PUT', '/registration/groups/2', { body: { allowed: true } })
    await control(mock, 'PUT', '/registration/groups/4', { body: { allowed: true } })
    expect((await register('GR1348941-legacy-0000000000')).status).toBe(201)
    expect(await control(mock, 'PUT', '/registration/groups/999', { body: { allowed: true } })).toEqual({ status: 404, body: { message: '404 Group Not Found' } })
  })
})

describe('sessions over HTTP', () => {
  it('lists sessions and drops one, whose next request starts from the scenario again', async () => {
    await mock.call('PUT', '/runners/10', { token: ADMIN, body: { paused: true }, headers: { 'X-Mock-Session': 'list-a' } })
    await mock.call('GET', '/runners/10', { token: ADMIN, headers: { 'X-Mock-Session': 'list-b' } })
    const listed = await control(mock, 'GET', '/sessions')
    expect(listed.body).toEqual({
      sessions: [
        { id: 'list-a', createdAt: expect.any(String), lastUsedAt: expect.any(String), copied: true },
        { id: 'list-b', createdAt: expect.any(String), lastUsedAt: expect.any(String), copied: false },
      ],
    })
    expect(await control(mock, 'DELETE', '/sessions/list-a')).toEqual({ status: 204, body: undefined })
    expect(await control(mock, 'DELETE', '/sessions/list-a')).toEqual({ status: 404, body: { message: '404 Session Not Found' } })
    const again = await mock.call('GET', '/runners/10', { token: ADMIN, headers: { 'X-Mock-Session': 'list-a' } })
    expect((again.body as { paused: boolean }).paused).toBe(false)
  })

  it('answers a malformed session id with 400 before touching any state', async () => {
    const id = 'x'.repeat(201)
    const response = await send(mock.url, 'GET', '/runners/10', { token: ADMIN, headers: { 'X-Mock-Session': id } })
    expect([response.status, response.body]).toEqual([
      400,
      { message: `400 Bad request - X-Mock-Session must be 1 to 200 printable ASCII characters without surrounding spaces, got '${id}'` },
    ])
    expect(mock.sessions()).not.toContain(id)
  })

  it('answers an unknown control path with GitLab\'s 404', async () => {
    expect(await control(mock, 'GET', '/nothing-here')).toEqual({ status: 404, body: { error: '404 Not Found' } })
  })
})
