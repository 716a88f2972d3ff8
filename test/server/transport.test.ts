// What happens before any handler: body formats, broken and oversized bodies, unknown routes, CORS.
// Each answer is GitLab-shaped and none is a 500.
import { describe, expect, it } from 'vitest'
import { send, startTestMock } from '../helpers/start-mock.js'

const ADMIN = 'glpat-admin-0000000000000'

describe('request bodies and routes', async () => {
  const mock = await startTestMock({ bodyLimitBytes: 2048 })

  it.each([
    ['JSON', { body: { description: 'as json', tag_list: ['a', 'b'] } }],
    ['a urlencoded form', { form: { description: 'as json', 'tag_list[]': 'a', tag_list: 'b' } }],
    ['a multipart form', { multipart: { description: 'as json', tag_list: 'a,b' } }],
  ])('takes PUT parameters from %s', async (_kind, options) => {
    const response = await mock.call('PUT', '/runners/1', { token: ADMIN, ...options })
    expect(response.status).toBe(200)
    expect(response.body).toMatchObject({ id: 1, description: 'as json', tag_list: ['a', 'b'] })
  })

  it('takes parameters from the query string of a PUT too, as Grape merges them', async () => {
    const response = await mock.call('PUT', '/runners/1?description=from%20query', { token: ADMIN })
    expect(response.status).toBe(200)
    expect(response.body).toMatchObject({ description: 'from query' })
  })

  it('answers malformed JSON with 400 in Grape words', async () => {
    const broken = await fetch(`${mock.url}/runners/1`, {
      method: 'PUT',
      headers: { 'PRIVATE-TOKEN': ADMIN, 'Content-Type': 'application/json' },
      body: '{"description": ',
    })
    expect(broken.status).toBe(400)
    expect(await broken.json()).toEqual({ error: 'message body does not match declared format' })
  })

  it('answers a body in an undeclared content type with 415', async () => {
    const response = await fetch(`${mock.url}/runners/1`, {
      method: 'PUT',
      headers: { 'PRIVATE-TOKEN': ADMIN, 'Content-Type': 'application/xml' },
      body: '<runner/>',
    })
    expect(response.status).toBe(415)
    expect(await response.json()).toEqual({ error: "The provided content-type 'application/xml' is not supported." })
  })

  it('answers an oversized body with 413 and keeps serving', async () => {
    const response = await fetch(`${mock.url}/runners/1`, {
      method: 'PUT',
      headers: { 'PRIVATE-TOKEN': ADMIN, 'Content-Type': 'application/json' },
      body: JSON.stringify({ description: 'x'.repeat(5000) }),
    })
    expect(response.status).toBe(413)
    expect(await response.json()).toEqual({ message: '413 Request Entity Too Large - body exceeds 2048 bytes' })
    expect((await mock.call('GET', '/runners/1', { token: ADMIN })).status).toBe(200)
  })

  it.each([
    ['GET', '/nothing/here'],
    ['PATCH', '/runners/1'],
    ['POST', '/runners/all'],
  ])('answers %s %s with GitLab\'s catch-all 404', async (method, path) => {
    const response = await send(mock.url, method, path, { token: ADMIN })
    expect(response).toMatchObject({ status: 404, body: { error: '404 Not Found' } })
  })

  // Rails and Grape match paths case-sensitively: /API/V4/... is no API route on GitLab.
  it.each(['/API/V4/runners/1', '/Api/v4/runners/1', '/api/V4/runners/all'])('answers %s, the API path in other letters, with the catch-all 404', async (path) => {
    const response = await fetch(`${new URL(mock.url).origin}${path}`, { headers: { 'private-token': ADMIN } })
    expect([response.status, await response.json()]).toEqual([404, { error: '404 Not Found' }])
  })

  it('serves the contract it follows', async () => {
    const response = await send(mock.url, 'GET', '/openapi.json')
    expect(response.status).toBe(200)
    expect(response.body).toMatchObject({ openapi: '3.1.0', servers: [{ url: '/api/v4' }] })
  })
})

describe('CORS', async () => {
  const mock = await startTestMock()

  it('lets a local dev server read lists and their pagination headers', async () => {
    const response = await fetch(`${mock.url}/runners/all`, { headers: { Origin: 'http://localhost:5173', 'PRIVATE-TOKEN': ADMIN } })
    expect(response.status).toBe(200)
    expect(response.headers.get('access-control-allow-origin')).toBe('http://localhost:5173')
    expect(response.headers.get('access-control-expose-headers')).toContain('X-Total')
  })

  it('answers a preflight for PUT with the GitLab headers allowed', async () => {
    const response = await fetch(`${mock.url}/runners/1`, {
      method: 'OPTIONS',
      headers: { Origin: 'http://127.0.0.1:3000', 'Access-Control-Request-Method': 'PUT', 'Access-Control-Request-Headers': 'private-token' },
    })
    expect(response.status).toBe(204)
    expect(response.headers.get('access-control-allow-methods')).toContain('PUT')
    expect(response.headers.get('access-control-allow-headers')).toContain('PRIVATE-TOKEN')
  })

  it('gives a foreign origin no CORS headers', async () => {
    const response = await fetch(`${mock.url}/runners/all`, { headers: { Origin: 'https://evil.example', 'PRIVATE-TOKEN': ADMIN } })
    expect(response.headers.get('access-control-allow-origin')).toBeNull()
  })
})
