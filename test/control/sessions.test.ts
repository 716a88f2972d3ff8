// Sessions: each test its own copy of the scenario on one shared server, created on first use,
// copied only on its first change, reset and dropped on demand, expiring when idle.
import { describe, expect, it } from 'vitest'
import { startMock } from '../../src/index.js'
import { startTestMock } from '../helpers/start-mock.js'
import { control } from './control-client.js'

const ADMIN = 'glpat-admin-0000000000000'
const mock = await startTestMock()

function inSession(session: string) {
  const headers = { 'X-Mock-Session': session }
  return {
    get: (path: string) => mock.call('GET', path, { token: ADMIN, headers }),
    put: (path: string, body: Record<string, unknown>) => mock.call('PUT', path, { token: ADMIN, headers, body }),
    post: (path: string, body: Record<string, unknown>) => mock.call('POST', path, { token: ADMIN, headers, body }),
    delete: (path: string) => mock.call('DELETE', path, { token: ADMIN, headers }),
  }
}

interface ListedRunner {
  id: number
  description: string
  paused: boolean
}

describe('sessions', () => {
  it('keep many parallel sessions apart: each ends with exactly what it did, and nothing leaks', async () => {
    const ids = Array.from({ length: 24 }, (_, i) => `parallel-${i}`)
    await Promise.all(
      ids.map(async (id, i) => {
        const session = inSession(id)
        // Interleave the sessions' writes as much as the event loop allows.
        for (let step = 0; step < 3; step++) {
          await session.post('/user/runners', { runner_type: 'instance_type', description: `${id}-runner-${step}` })
          await new Promise((resolve) => setImmediate(resolve))
        }
        if (i % 2 === 0) await session.put('/runners/10', { paused: true })
        else await session.delete('/runners/11')
      }),
    )
    for (const [i, id] of ids.entries()) {
      const listed = (await inSession(id).get('/runners/all?type=instance_type&per_page=100')).body as ListedRunner[]
      const added = listed.filter((runner) => runner.id > 27)
      expect(added.map((runner) => [runner.id, runner.description])).toEqual([
        [28, `${id}-runner-0`],
        [29, `${id}-runner-1`],
        [30, `${id}-runner-2`],
      ])
      expect(listed.find((runner) => runner.id === 10)?.paused).toBe(i % 2 === 0)
      expect(listed.some((runner) => runner.id === 11)).toBe(i % 2 === 0)
      expect(mock.session(id).journal().map((entry) => entry.headers['x-mock-session'])).toEqual(Array(5).fill(id))
    }
    const main = (await mock.call('GET', '/runners/all?type=instance_type&per_page=100', { token: ADMIN })).body as ListedRunner[]
    expect(main.map((runner) => runner.id)).toEqual([1, 3, 5, 10, 11, 12, 13, 14, 15])
    expect(main.find((runner) => runner.id === 10)?.paused).toBe(false)
    expect(mock.journal().length).toBe(1)
  })

  it('read the shared scenario until their first change, and copy it only then', async () => {
    const session = inSession('lazy')
    await session.get('/runners/all')
    expect(mock.session('lazy').exportState()).toEqual(mock.exportState())
    const listed = async () => ((await control(mock, 'GET', '/sessions')).body as { sessions: Array<{ id: string; copied: boolean }> }).sessions
    expect((await listed()).find((s) => s.id === 'lazy')?.copied).toBe(false)
    await session.put('/runners/12', { description: 'changed in lazy' })
    expect((await listed()).find((s) => s.id === 'lazy')?.copied).toBe(true)
  })

  it('reset to the scenario and keep their own faults and journal', async () => {
    const session = inSession('own-controls')
    await session.put('/runners/13', { paused: true })
    await control(mock, 'POST', '/faults', { session: 'own-controls', body: { operationId: 'getRunner', status: 503 } })
    expect((await mock.call('GET', '/runners/13', { token: ADMIN })).status).toBe(200)
    const faulted = await fetch(`${mock.url}/runners/13`, { headers: { 'PRIVATE-TOKEN': ADMIN, 'X-Mock-Session': 'own-controls' } })
    expect(faulted.status).toBe(503)
    await control(mock, 'DELETE', '/faults', { session: 'own-controls' })
    expect(await control(mock, 'POST', '/reset', { session: 'own-controls' })).toEqual({ status: 204, body: undefined })
    expect(((await session.get('/runners/13')).body as ListedRunner).paused).toBe(false)
    expect(mock.session('own-controls').journal().map((entry) => [entry.method, entry.path, entry.status])).toEqual([
      ['PUT', '/api/v4/runners/13', 200],
      ['GET', '/api/v4/runners/13', 503],
      ['GET', '/api/v4/runners/13', 200],
    ])
  })

  it('load and export their own scenario through the programmatic API without touching the main state', async () => {
    const session = mock.session('programmatic')
    session.load('empty')
    expect(session.exportState().runners).toEqual([])
    expect(mock.exportState().runners.length).toBe(24)
    session.load('default')
    session.allowRegistrationToken('instance', false)
    const gone = await fetch(`${mock.url}/runners`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', ...session.headers },
      body: JSON.stringify({ token: 'GR1348941-instance-000000000' }),
    })
    expect([gone.status, await gone.json()]).toEqual([410, { message: '410 Gone - runner registration disallowed' }])
    expect(mock.exportState().instance.allowRegistrationToken).toBe(true)
    session.drop()
    expect(mock.sessions()).not.toContain('programmatic')
  })

  it('expire when idle, and the next request starts a fresh one', async () => {
    const idle = await startMock({ sessionIdleMs: 50, log: () => {} })
    try {
      const headers = { 'PRIVATE-TOKEN': ADMIN, 'X-Mock-Session': 'idle', 'Content-Type': 'application/json' }
      await fetch(`${idle.url}/runners/10`, { method: 'PUT', headers, body: JSON.stringify({ paused: true }) })
      expect(idle.sessions()).toEqual(['idle'])
      await new Promise((resolve) => setTimeout(resolve, 120))
      expect(idle.sessions()).toEqual([])
      const fresh = (await (await fetch(`${idle.url}/runners/10`, { headers })).json()) as ListedRunner
      expect(fresh.paused).toBe(false)
    } finally {
      await idle.close()
    }
  })

  it('are cheap on a large generated world: a session reads it without copying it', async () => {
    const yaml = 'include: [empty.yaml]\ngenerate: { seed: 42, runners: 20000, jobs_per_runner: 2 }\n'
    const big = await startMock({ log: () => {}, scenario: 'empty' })
    try {
      expect((await control(big, 'POST', '/scenario', { body: { yaml } })).status).toBe(204)
      const headers = { 'PRIVATE-TOKEN': ADMIN, 'X-Mock-Session': 'big-reader' }
      // The first session request builds the shared pristine world once; later sessions reuse it.
      await fetch(`${big.url}/runners/all?per_page=1`, { headers })
      for (let i = 0; i < 20; i++) {
        const response = await fetch(`${big.url}/runners/all?per_page=1`, { headers: { ...headers, 'X-Mock-Session': `big-${i}` } })
        expect([response.status, ((await response.json()) as unknown[]).length]).toEqual([200, 1])
      }
      expect(big.sessions().length).toBe(21)
      expect((await control(big, 'GET', '/sessions')).body).toEqual({
        sessions: big.sessions().map((id) => ({ id, createdAt: expect.any(String), lastUsedAt: expect.any(String), copied: false })),
      })
    } finally {
      await big.close()
    }
  }, 60_000)
})
