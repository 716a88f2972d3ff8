// A web page the developer opens must not drive the mock: state-changing requests from origins that
// --cors does not allow are refused (simple requests included, which browsers send without a
// preflight), and --cors '*' never lends credentials or reaches the control API.
import { describe, expect, it } from 'vitest'
import { startTestMock } from '../helpers/start-mock.js'
import { rawRequest } from './raw-http.js'
import type { RequestLogEntry } from '../../src/control/request-log.js'

const ADMIN = 'glpat-admin-0000000000000'
const EVIL = 'https://evil.example'

describe('cross-site requests with the default --cors local', async () => {
  const mock = await startTestMock()
  const stateNow = async () => (await rawRequest(mock.port, { path: '/__mock/state' })).text

  it.each([
    ['a form POST loading the empty scenario', 'POST', '/__mock/scenario', 'application/x-www-form-urlencoded', 'name=empty'],
    ['a text/plain POST resetting the state', 'POST', '/__mock/reset', 'text/plain', ''],
    ['a JSON POST advancing the clock', 'POST', '/__mock/clock/advance', 'application/json', '{"by":"3h"}'],
    ['a form POST adding a fault', 'POST', '/__mock/faults', 'application/x-www-form-urlencoded', 'status=500'],
    ['a DELETE of a runner with the admin token in the query', 'DELETE', `/api/v4/runners/1?private_token=${ADMIN}`, 'text/plain', ''],
    ['a form PUT pausing a runner', 'PUT', `/api/v4/runners/1?private_token=${ADMIN}`, 'application/x-www-form-urlencoded', 'paused=true'],
    ['a form POST creating a runner', 'POST', `/api/v4/user/runners?private_token=${ADMIN}`, 'application/x-www-form-urlencoded', 'runner_type=instance_type'],
  ])('refuses %s from a foreign origin and changes nothing', async (_what, method, path, contentType, body) => {
    const before = await stateNow()
    const response = await rawRequest(mock.port, { method, path, headers: { Origin: EVIL, 'Content-Type': contentType }, body })
    expect(response.status).toBe(403)
    expect(response.headers['content-type']).toBe('application/json')
    expect(JSON.parse(response.text)).toEqual({
      message: `403 Forbidden - cross-site request from origin ${EVIL} refused; allow the origin with --cors ${EVIL} (startMock({ cors: ['${EVIL}'] }))`,
    })
    expect(await stateNow()).toBe(before)
  })

  it('refuses a cross-site write that names no origin but whose browser says Sec-Fetch-Site: cross-site', async () => {
    const response = await rawRequest(mock.port, { method: 'POST', path: '/__mock/reset', headers: { 'Sec-Fetch-Site': 'cross-site' } })
    expect(response.status).toBe(403)
    expect(JSON.parse(response.text)).toMatchObject({ message: expect.stringContaining('cross-site request') })
  })

  it.each([
    ['no Origin at all (curl, SDKs)', {}],
    ['a local dev server', { Origin: 'http://localhost:5173' }],
    ['the mock\'s own pages (same origin)', { Origin: 'http://127.0.0.1:PORT', 'Sec-Fetch-Site': 'same-origin' }],
  ])('lets a write from %s through', async (_what, headers: Record<string, string>) => {
    const fixed = Object.fromEntries(Object.entries(headers).map(([key, value]) => [key, value.replace('PORT', String(mock.port))]))
    const response = await rawRequest(mock.port, { method: 'POST', path: '/__mock/reset', headers: fixed })
    expect(response.status).toBe(204)
  })

  it('leaves reads from a foreign origin to CORS: answered, but without headers that let the page read them', async () => {
    const response = await rawRequest(mock.port, { path: '/api/v4/runners/all', headers: { Origin: EVIL, 'PRIVATE-TOKEN': ADMIN } })
    expect(response.status).toBe(200)
    expect(response.headers['access-control-allow-origin']).toBeUndefined()
  })
})

describe('cross-site requests with a list of origins', async () => {
  const mock = await startTestMock({ cors: ['https://app.example'] })

  it('lets a listed origin write to the API and the control API', async () => {
    const api = await rawRequest(mock.port, {
      method: 'PUT',
      path: '/api/v4/runners/1',
      headers: { Origin: 'https://app.example', 'PRIVATE-TOKEN': ADMIN, 'Content-Type': 'application/json' },
      body: '{"description":"from the app"}',
    })
    expect(api.status).toBe(200)
    const control = await rawRequest(mock.port, { method: 'POST', path: '/__mock/reset', headers: { Origin: 'https://app.example' } })
    expect(control.status).toBe(204)
  })

  it('refuses a local origin the list does not name', async () => {
    const response = await rawRequest(mock.port, { method: 'POST', path: '/__mock/reset', headers: { Origin: 'http://localhost:5173' } })
    expect(response.status).toBe(403)
  })
})

describe("--cors '*'", async () => {
  const mock = await startTestMock({ cors: '*' })

  it('lets any origin read and write the API, never with credentials', async () => {
    const read = await rawRequest(mock.port, { path: '/api/v4/runners/all', headers: { Origin: EVIL, 'PRIVATE-TOKEN': ADMIN } })
    expect(read.status).toBe(200)
    expect(read.headers['access-control-allow-origin']).toBe('*')
    expect(read.headers['access-control-allow-credentials']).toBeUndefined()
    const preflight = await rawRequest(mock.port, {
      method: 'OPTIONS',
      path: '/api/v4/runners/1',
      headers: { Origin: EVIL, 'Access-Control-Request-Method': 'PUT', 'Access-Control-Request-Headers': 'private-token' },
    })
    expect(preflight.status).toBe(204)
    expect(preflight.headers['access-control-allow-credentials']).toBeUndefined()
    const write = await rawRequest(mock.port, {
      method: 'PUT',
      path: '/api/v4/runners/1',
      headers: { Origin: EVIL, 'PRIVATE-TOKEN': ADMIN, 'Content-Type': 'application/json' },
      body: '{"description":"from anywhere"}',
    })
    expect(write.status).toBe(200)
  })

  it('gives the control API no wildcard: a foreign page can neither read nor write it', async () => {
    const read = await rawRequest(mock.port, { path: '/__mock/state', headers: { Origin: EVIL } })
    expect(read.headers['access-control-allow-origin']).toBeUndefined()
    const write = await rawRequest(mock.port, { method: 'POST', path: '/__mock/reset', headers: { Origin: EVIL } })
    expect(write.status).toBe(403)
    expect(JSON.parse(write.text)).toEqual({
      message: `403 Forbidden - cross-site request from origin ${EVIL} refused; the control API takes no wildcard: allow the origin with --cors ${EVIL} (startMock({ cors: ['${EVIL}'] }))`,
    })
  })

  it('still lets local origins use the control API', async () => {
    const response = await rawRequest(mock.port, { method: 'POST', path: '/__mock/reset', headers: { Origin: 'http://localhost:3000' } })
    expect(response.status).toBe(204)
    expect(response.headers['access-control-allow-origin']).toBe('http://localhost:3000')
    expect(response.headers['access-control-allow-credentials']).toBeUndefined()
  })
})

// A page turned away, or a client with a bad session id, was answered but left no trace: the developer
// saw a 403 in the browser and nothing in the journal or the log. Refused requests are journaled in
// the main scope (GitLab API paths, as every journal entry is) and logged, secrets masked as ever.
describe('requests refused before they enter a scope', async () => {
  const logged: RequestLogEntry[] = []
  const mock = await startTestMock({ onRequest: (entry) => logged.push(entry) })
  const lastEntry = () => mock.journal().at(-1)

  it('journals and logs a cross-site write with its reason, the token in its query masked', async () => {
    const response = await rawRequest(mock.port, { method: 'DELETE', path: `/api/v4/runners/1?private_token=${ADMIN}`, headers: { Origin: EVIL } })
    expect(response.status).toBe(403)
    expect(lastEntry()).toMatchObject({
      method: 'DELETE', path: '/api/v4/runners/1?private_token=[REDACTED]', status: 403, operationId: null, refused: 'site_refused',
      response: { body: { message: expect.stringContaining(`cross-site request from origin ${EVIL} refused`) } },
    })
    expect(JSON.stringify(mock.journal())).not.toContain(ADMIN)
    expect(logged.at(-1)).toMatchObject({ method: 'DELETE', path: '/api/v4/runners/1?private_token=[REDACTED]', status: 403, session: null })
  })

  it('journals a request for a foreign Host and one with a bad session id', async () => {
    const foreign = await rawRequest(mock.port, { path: '/api/v4/runners', headers: { Host: 'evil.example', 'PRIVATE-TOKEN': ADMIN } })
    const foreignEntry = lastEntry()
    const badSession = await rawRequest(mock.port, { path: '/api/v4/runners', headers: { 'X-Mock-Session': 'x'.repeat(201), 'PRIVATE-TOKEN': ADMIN } })
    expect([foreign.status, foreignEntry?.status, foreignEntry?.refused, foreignEntry?.headers['private-token'], badSession.status, lastEntry()?.status, lastEntry()?.refused])
      .toEqual([403, 403, 'site_refused', '[REDACTED]', 400, 400, 'invalid_session'])
    expect(lastEntry()?.response.body).toEqual(JSON.parse(badSession.text))
  })

  it('journals a served request with refused: null', async () => {
    await rawRequest(mock.port, { path: '/api/v4/runners/1', headers: { 'PRIVATE-TOKEN': ADMIN } })
    expect([lastEntry()?.status, lastEntry()?.refused]).toEqual([200, null])
  })

  it('logs a refused preflight and a refused control request without journaling them', async () => {
    const entries = mock.journal().length
    const preflight = await rawRequest(mock.port, { method: 'OPTIONS', path: '/__mock/reset', headers: { Origin: EVIL, 'Access-Control-Request-Method': 'POST' } })
    const control = await rawRequest(mock.port, { method: 'POST', path: '/__mock/reset', headers: { Origin: EVIL } })
    expect([preflight.status, control.status, mock.journal().length - entries]).toEqual([403, 403, 0])
    expect(logged.slice(-2).map((entry) => `${entry.method} ${entry.path} ${entry.status}`)).toEqual(['OPTIONS /__mock/reset 403', 'POST /__mock/reset 403'])
  })
})
