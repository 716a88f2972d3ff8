// Sessions are capped: a new one beyond --max-sessions evicts the least recently used, and only when
// every session is serving a request is a new one refused, with an answer that says why.
import { describe, expect, it } from 'vitest'
import { startMock, type RunningMock } from '../../src/index.js'
import { sendWithSlowBody } from '../helpers/slow-body.js'
import { send } from '../helpers/start-mock.js'
import { runCli } from '../drift/spawn-cli.js'
import { control } from './control-client.js'

const ADMIN = 'glpat-admin-0000000000000'

async function description(mock: RunningMock, session: string): Promise<string> {
  return ((await send(mock.url, 'GET', '/runners/10', { token: ADMIN, headers: { 'X-Mock-Session': session } })).body as { description: string }).description
}

async function rename(mock: RunningMock, session: string, to: string): Promise<number> {
  return (await send(mock.url, 'PUT', '/runners/10', { token: ADMIN, headers: { 'X-Mock-Session': session }, body: { description: to } })).status
}

describe('the session cap', () => {
  it('evicts the least recently used session to make room for a new one', async () => {
    const mock = await startMock({ maxSessions: 2, log: () => {} })
    try {
      const original = await description(mock, 'probe')
      expect(await rename(mock, 'a', 'renamed in a')).toBe(200)
      expect(await rename(mock, 'b', 'renamed in b')).toBe(200)
      // a is used again, so b is now the least recently used.
      expect(await description(mock, 'a')).toBe('renamed in a')
      expect(await rename(mock, 'c', 'renamed in c')).toBe(200)
      const listed = (await control(mock, 'GET', '/sessions')).body as { sessions: Array<{ id: string }> }
      expect(listed.sessions.map((session) => session.id)).toEqual(['a', 'c'])
      expect(mock.sessions()).toEqual(['a', 'c'])
      // b starts over from the scenario; a kept its change.
      expect([await description(mock, 'a'), await description(mock, 'b')]).toEqual(['renamed in a', original])
    } finally {
      await mock.close()
    }
  })

  it('refuses a new session with 503 and a reason while every session is serving a request', async () => {
    const mock = await startMock({ maxSessions: 1, log: () => {} })
    try {
      let refused: Awaited<ReturnType<typeof send>> | undefined
      const busy = await sendWithSlowBody(`${mock.url}/runners/10`, 'PUT', { description: 'busy' }, { 'PRIVATE-TOKEN': ADMIN, 'X-Mock-Session': 'busy' }, async () => {
        refused = await send(mock.url, 'GET', '/runners/10', { token: ADMIN, headers: { 'X-Mock-Session': 'other' } })
      })
      expect(busy.status).toBe(200)
      expect(refused?.status).toBe(503)
      expect(refused?.headers.get('retry-after')).toBe('1')
      expect(refused?.body).toEqual({
        message: '503 Service Unavailable - all 1 sessions are serving requests (the cap is --max-sessions / maxSessions); retry, or drop a session with DELETE /__mock/sessions/{id}',
      })
      // Once the busy session is idle, it is the one evicted.
      expect(await description(mock, 'other')).not.toBe('busy')
      expect(mock.sessions()).toEqual(['other'])
    } finally {
      await mock.close()
    }
  })

  it('takes only a positive whole number', async () => {
    await expect(startMock({ maxSessions: 0, log: () => {} })).rejects.toThrow('maxSessions must be a positive integer, got 0')
    const served = await runCli(['serve', '--port', '0', '--max-sessions', 'lots'])
    expect([served.code, served.stderr]).toEqual([2, '--max-sessions must be a positive integer, got lots\n'])
  })
})
