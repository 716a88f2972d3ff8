// Recorded GitLab traffic, replayed: the drift proxy records fixtures against one server, a scenario
// names them under `replay:`, and a second mock answers those requests exactly as recorded.
import { mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { loadContract } from '../../src/contract/index.js'
import { startProxy } from '../../src/drift/proxy.js'
import { createRedactor } from '../../src/drift/redact.js'
import { startMock } from '../../src/index.js'
import { loadScenario, ScenarioError } from '../../src/scenarios/load.js'
import { send, startTestMock } from '../helpers/start-mock.js'

const ADMIN = 'glpat-admin-0000000000000'
const EMPTY = new URL('../../scenarios/empty.yaml', import.meta.url).pathname

async function record(): Promise<{ dir: string; recorded: { status: number; body: unknown }[] }> {
  const upstream = await startMock({ scenario: 'default', log: () => {} })
  const dir = mkdtempSync(join(tmpdir(), 'replay-'))
  const proxy = await startProxy({ contract: loadContract(), upstream: upstream.origin, record: dir, redactor: createRedactor([ADMIN]) })
  const recorded = []
  try {
    for (const [method, path, body] of [
      ['GET', '/runners/1', undefined],
      ['PUT', '/runners/1', { description: 'recorded change' }],
      ['GET', '/runners/1', undefined],
      ['GET', '/runners/all?per_page=2&page=2', undefined],
    ] as const) {
      const response = await send(proxy.url, method, path, { token: ADMIN, ...(body ? { body } : {}) })
      recorded.push({ status: response.status, body: response.body })
    }
  } finally {
    await proxy.close()
    await upstream.close()
  }
  return { dir, recorded }
}

describe('replaying recorded fixtures', async () => {
  const { dir, recorded } = await record()
  const scenario = join(dir, 'replayed.yaml')
  writeFileSync(scenario, `include: [${EMPTY}]\nreplay: [.]\n`)
  const mock = await startTestMock({ scenario })

  it('answers each recorded request with its recorded response, in recording order', async () => {
    const first = await send(mock.url, 'GET', '/runners/1', { token: ADMIN })
    const put = await send(mock.url, 'PUT', '/runners/1', { token: ADMIN, body: { description: 'ignored: the recording answers' } })
    const second = await send(mock.url, 'GET', '/runners/1', { token: ADMIN })
    const third = await send(mock.url, 'GET', '/runners/1', { token: ADMIN })

    expect([first, put, second].map(({ status, body }) => ({ status, body }))).toEqual(recorded.slice(0, 3))
    expect(second.body).toMatchObject({ id: 1, description: 'recorded change' })
    // The last recording of a request repeats.
    expect(third.body).toEqual(second.body)
  })

  it('points recorded Link headers at the replaying server', async () => {
    const page = await send(mock.url, 'GET', '/runners/all?page=2&per_page=2', { token: ADMIN })
    expect({ status: page.status, body: page.body }).toEqual(recorded[3])
    expect(page.headers.get('link')).toContain(`<${mock.origin}/api/v4/runners/all?`)
    expect(page.headers.get('x-page')).toBe('2')
  })

  it('serves the world for anything not recorded', async () => {
    const response = await send(mock.url, 'GET', '/runners/all', { token: ADMIN })
    expect(response.status).toBe(200)
    expect(response.body).toEqual([])
  })

  it('starts every sequence again in a new session, and keeps sessions apart', async () => {
    const [left, right] = [mock.session('replay-left'), mock.session('replay-right')]
    const get = async (headers: Record<string, string>) => {
      const { status, body } = await send(mock.url, 'GET', '/runners/1', { token: ADMIN, headers })
      return { status, body }
    }
    // Both sessions read the same pristine world; each walks the recorded sequence on its own.
    expect(await get(left.headers)).toEqual(recorded[0])
    expect(await get(left.headers)).toEqual(recorded[2])
    expect(await get(right.headers)).toEqual(recorded[0])
  })

  it('names the scenario file, line and entry of a replay path that does not exist', () => {
    const broken = join(dir, 'broken.yaml')
    writeFileSync(broken, `include: [${EMPTY}]\nreplay:\n  - ./nowhere\n`)
    expect(() => loadScenario(broken, { now: 0 })).toThrow(ScenarioError)
    expect(() => loadScenario(broken, { now: 0 })).toThrow(`${broken}:3 replay[0]: cannot read `)
  })

  it('names a fixture that is not a recording', () => {
    const bad = mkdtempSync(join(tmpdir(), 'replay-bad-'))
    writeFileSync(join(bad, '0001-x.json'), JSON.stringify({ request: { method: 'GET', path: 'runners', query: {} }, response: { status: 200, headers: {} } }))
    const file = join(bad, 'scenario.yaml')
    writeFileSync(file, `include: [${EMPTY}]\nreplay: [.]\n`)
    expect(() => loadScenario(file, { now: 0 })).toThrow(/0001-x\.json request\.path: must be a path under \/api\/v4, starting with \//)
  })
})
