// Grape answers HEAD for every GET route with the GET's status and headers and no body
// (python-gitlab and uptime monitors use it).
import { describe, expect, it } from 'vitest'
import { startTestMock } from '../helpers/start-mock.js'

const ADMIN = 'glpat-admin-0000000000000'

describe('HEAD', async () => {
  const mock = await startTestMock()

  it.each([
    ['/runners/all?per_page=2', ADMIN],
    ['/runners/1', ADMIN],
    ['/runners/1', undefined],
    ['/runners/999999', ADMIN],
    ['/runners/1/jobs', ADMIN],
  ])('answers HEAD %s (token: %s) as GET would, without a body', async (path, token) => {
    const headers: Record<string, string> = token ? { 'PRIVATE-TOKEN': token } : {}
    const get = await fetch(`${mock.url}${path}`, { headers })
    const head = await fetch(`${mock.url}${path}`, { method: 'HEAD', headers })
    expect(head.status).toBe(get.status)
    for (const name of ['content-type', 'content-length', 'link', 'x-total', 'x-page', 'x-next-page']) {
      expect(head.headers.get(name), name).toBe(get.headers.get(name))
    }
    expect(await head.text()).toBe('')
  })

  it('answers HEAD on the control API as its GET would', async () => {
    const head = await fetch(`${mock.origin}/__mock/clock`, { method: 'HEAD' })
    expect(head.status).toBe(200)
    expect(head.headers.get('content-type')).toBe('application/json')
    expect(await head.text()).toBe('')
  })

  it('answers HEAD on the journal stream with the stream\'s headers, then ends', { timeout: 10_000 }, async () => {
    const head = await fetch(`${mock.origin}/__mock/journal/stream`, { method: 'HEAD' })
    expect(head.status).toBe(200)
    expect(head.headers.get('content-type')).toBe('text/event-stream; charset=utf-8')
    expect(await head.text()).toBe('')
  })

  it('answers HEAD for a path with no GET like GitLab: 404', async () => {
    const head = await fetch(`${mock.url}/user/runners`, { method: 'HEAD', headers: { 'PRIVATE-TOKEN': ADMIN } })
    expect(head.status).toBe(404)
  })
})
