// `mock.session(id)` stands for the session with that id, not for the scope it first got: after the
// session was evicted (maxSessions) or dropped, its controls act on the session requests with that
// id are served from, never on a detached copy nobody serves.
import { afterEach, describe, expect, it } from 'vitest'
import { startMock, type RunningMock } from '../../src/index.js'
import { send } from '../helpers/start-mock.js'

const ADMIN = 'glpat-admin-0000000000000'
let mock: RunningMock

afterEach(async () => {
  await mock.close()
})

const statusIn = async (session: string): Promise<number> =>
  (await send(mock.url, 'GET', '/runners/10', { token: ADMIN, headers: { 'X-Mock-Session': session } })).status

describe('the controls of a session', () => {
  it('act on the session served under that id after it was evicted', async () => {
    mock = await startMock({ maxSessions: 1, log: () => {} })
    const a = mock.session('a')
    mock.session('b')
    expect(mock.sessions()).toEqual(['b'])
    a.fault({ operationId: 'getRunner', status: 500 })
    expect(await statusIn('a')).toBe(500)
    expect(a.journal().map((entry) => entry.status)).toEqual([500])
    expect(a.clock).toBe(mock.session('a').clock)
  })

  it('act on the fresh session served under that id after it was dropped', async () => {
    mock = await startMock({ log: () => {} })
    const a = mock.session('a')
    a.world.writableRunner(a.world.runners.get(10)!).description = 'changed in code'
    a.drop()
    expect(a.world.runners.get(10)?.description).not.toBe('changed in code')
    a.fault({ operationId: 'getRunner', status: 503 })
    expect(await statusIn('a')).toBe(503)
  })
})
