// The control operations the dashboard is built on: the overview, the persona tokens and the journal
// as server-sent events (backlog, then live entries, only the new ones after Last-Event-ID).
import { afterEach, describe, expect, it } from 'vitest'
import { startTestMock } from '../helpers/start-mock.js'
import { control } from './control-client.js'

const ADMIN = 'glpat-admin-0000000000000'
const mock = await startTestMock()
const open: AbortController[] = []

afterEach(() => {
  for (const stream of open.splice(0)) stream.abort()
})

/** Reads events off the journal stream until `count` entries have come. */
async function readEntries(response: Response, count: number): Promise<Array<{ seq: number; path: string; username: string | null }>> {
  const reader = response.body!.pipeThrough(new TextDecoderStream()).getReader()
  const entries = []
  let buffer = ''
  while (entries.length < count) {
    const { value, done } = await reader.read()
    if (done) break
    buffer += value
    let end
    while ((end = buffer.indexOf('\n\n')) >= 0) {
      const event = buffer.slice(0, end)
      buffer = buffer.slice(end + 2)
      const data = event.split('\n').find((line) => line.startsWith('data: '))
      if (data) entries.push(JSON.parse(data.slice(6)))
    }
  }
  reader.releaseLock()
  return entries
}

function stream(session: string, headers: Record<string, string> = {}): Promise<Response> {
  const abort = new AbortController()
  open.push(abort)
  return fetch(`${mock.origin}/__mock/journal/stream`, { headers: { 'X-Mock-Session': session, ...headers }, signal: abort.signal })
}

describe('GET /__mock/journal/stream', () => {
  it('sends the backlog, then each new request as it is served, with the user who made it', async () => {
    await mock.call('GET', '/runners/10', { token: ADMIN, headers: { 'X-Mock-Session': 'tail' } })
    const response = await stream('tail')
    expect(response.status).toBe(200)
    expect(response.headers.get('content-type')).toBe('text/event-stream; charset=utf-8')
    const backlog = readEntries(response, 2)
    await mock.call('GET', '/runners/11', { token: ADMIN, headers: { 'X-Mock-Session': 'tail' } })
    expect((await backlog).map((entry) => [entry.path, entry.username])).toEqual([
      ['/api/v4/runners/10', 'root'],
      ['/api/v4/runners/11', 'root'],
    ])
  })

  it('repeats only the entries after Last-Event-ID to a reconnecting client', async () => {
    await mock.call('GET', '/runners/10', { token: ADMIN, headers: { 'X-Mock-Session': 'again' } })
    await mock.call('GET', '/runners/11', { token: ADMIN, headers: { 'X-Mock-Session': 'again' } })
    const seen = mock.session('again').journal()
    const response = await stream('again', { 'Last-Event-ID': String(seen[0]!.seq) })
    const next = readEntries(response, 2)
    await mock.call('GET', '/runners/12', { token: ADMIN, headers: { 'X-Mock-Session': 'again' } })
    expect((await next).map((entry) => entry.path)).toEqual(['/api/v4/runners/11', '/api/v4/runners/12'])
  })

  it('needs the control token like every control operation', async () => {
    const guarded = await startTestMock({ controlToken: 'secret' })
    const refused = await fetch(`${guarded.origin}/__mock/journal/stream`)
    expect([refused.status, await refused.json()]).toEqual([401, { message: '401 Unauthorized - send the control token in the X-Mock-Control-Token header' }])
    await guarded.close()
  })
})

describe('GET /__mock/overview and /__mock/personas', () => {
  it('counts the world, runners by type and by the status the API answers, on the scope\'s clock', async () => {
    const before = await control(mock, 'GET', '/overview', { session: 'counts' })
    expect(before.body).toMatchObject({
      scenario: 'default',
      builtInScenarios: expect.arrayContaining(['default', 'empty']),
      counts: { users: 9, groups: 4, projects: 7, runners: 24, runnersByType: { instance_type: 9, group_type: 7, project_type: 8 } },
    })
    const online = (before.body as { counts: { runnersByStatus: { online: number } } }).counts.runnersByStatus.online
    await control(mock, 'POST', '/clock/advance', { session: 'counts', body: { by: '3h' } })
    const after = await control(mock, 'GET', '/overview', { session: 'counts' })
    expect((after.body as { counts: { runnersByStatus: { online: number } } }).counts.runnersByStatus.online).toBeLessThan(online)
    const list = await mock.call('GET', '/runners/all?status=online&per_page=100', { token: ADMIN, headers: { 'X-Mock-Session': 'counts' } })
    expect(list.body).toHaveLength((after.body as { counts: { runnersByStatus: { online: number } } }).counts.runnersByStatus.online)
  })

  it.each(['11.11', '14.10', '18.6'])('counts by the status words and thresholds of the release served (%s), as its API lists them', async (gitlabVersion) => {
    const served = await startTestMock({ gitlabVersion })
    try {
      const list = await served.call('GET', '/runners/all?per_page=100', { token: ADMIN })
      const byStatus: Record<string, number> = {}
      for (const runner of list.body as { status: string }[]) byStatus[runner.status] = (byStatus[runner.status] ?? 0) + 1
      const counts = ((await control(served, 'GET', '/overview')).body as { counts: { runnersByStatus: Record<string, number> } }).counts.runnersByStatus
      expect(Object.fromEntries(Object.entries(counts).filter(([, n]) => n > 0))).toEqual(byStatus)
      // 11.x had no stale and said not_connected (reference §9).
      expect(Object.keys(counts)).toEqual(gitlabVersion === '11.11' ? ['online', 'offline', 'not_connected', 'paused'] : gitlabVersion === '14.10' ? ['online', 'offline', 'not_connected', 'paused'] : ['online', 'offline', 'stale', 'never_contacted', 'paused'])
    } finally {
      await served.close()
    }
  })

  it('names the scenario a scope was loaded from', async () => {
    await control(mock, 'POST', '/scenario', { session: 'loaded', body: { name: 'empty' } })
    expect((await control(mock, 'GET', '/overview', { session: 'loaded' })).body).toMatchObject({ scenario: 'empty', counts: { runners: 0 } })
  })

  it('lists one token per kind of caller, as the start banner does', async () => {
    const { body } = await control(mock, 'GET', '/personas')
    expect((body as { personas: Array<{ role: string; username: string }> }).personas.map((p) => [p.role, p.username])).toEqual([
      ['administrator', 'root'],
      ['group owner', 'olivia'],
      ['project maintainer', 'priya'],
      ['developer', 'devon'],
      ['outsider', 'oscar'],
    ])
  })
})
