// A page of runners is written from each runner's kept JSON text (src/server/kept-texts.ts): over real
// HTTP, every way a listed runner can change (an update, a pause, a contact, a delete, the clock, a
// session's own write or clock, a change made in-process) must show in the next page, in the scope
// it happened in and nowhere else. Each case lists first, so the texts are kept before the change.
import { describe, expect, it } from 'vitest'
import { NOW, startTestMock, type TestMock } from '../helpers/start-mock.js'

const ADMIN = 'glpat-admin-0000000000000'
/** Runner 10 (shared-docker-amd64): contacted 2 minutes before NOW, its latest manager at 10.0.1.11. */
const RUNNER = 10
const RUNNER_TOKEN = 'glrt-shared-docker-amd64-00'
/** Runner 13 (shared-legacy-ci) was last contacted 30 days before NOW: stale. */
const STALE = 13
/** Runner 14 (shared-autoscaler-new) never contacted GitLab. */
const NEVER_CONTACTED = 14
const HOUR = 60 * 60 * 1000

interface Listed {
  id: number
  description: string
  paused: boolean
  active: boolean
  online: boolean | null
  status: string
  ip_address: string | null
}

async function listed(mock: TestMock, id: number, session?: string): Promise<Listed | undefined> {
  const headers = session === undefined ? undefined : { 'X-Mock-Session': session }
  const response = await mock.call('GET', '/runners/all?per_page=100', { token: ADMIN, headers })
  expect(response.status).toBe(200)
  return (response.body as Listed[]).find((runner) => runner.id === id)
}

async function update(mock: TestMock, id: number, body: Record<string, unknown>, session?: string): Promise<void> {
  const headers = session === undefined ? undefined : { 'X-Mock-Session': session }
  expect((await mock.call('PUT', `/runners/${id}`, { token: ADMIN, headers, body })).status).toBe(200)
}

const mock = await startTestMock()
const old = await startTestMock({ gitlabVersion: '14.10' })
const newest = await startTestMock()

describe('a page written from kept texts', () => {
  it('shows every update made after the runner was listed', async () => {
    expect((await listed(mock, 3))?.description).not.toBe('renamed')
    // The first write copies the scenario's record; the next ones change that copy in place.
    for (const description of ['renamed', 'renamed again', 'and again']) {
      await update(mock, 3, { description })
      expect((await listed(mock, 3))?.description).toBe(description)
    }
  })

  it('shows a pause and an unpause', async () => {
    expect(await listed(mock, RUNNER)).toMatchObject({ paused: false, active: true, status: 'online' })
    await update(mock, RUNNER, { paused: true })
    expect(await listed(mock, RUNNER)).toMatchObject({ paused: true, active: false, status: 'paused', online: true })
    await update(mock, RUNNER, { paused: false })
    expect(await listed(mock, RUNNER)).toMatchObject({ paused: false, active: true, status: 'online' })
  })

  it('shows a pause of a stale runner, whose status says stale either way', async () => {
    expect(await listed(mock, STALE)).toMatchObject({ paused: false, status: 'stale' })
    for (const paused of [true, false, true]) {
      await update(mock, STALE, { paused })
      expect(await listed(mock, STALE)).toMatchObject({ paused, active: !paused, status: 'stale' })
    }
  })

  it('follows the clock over the online window and the stale deadline, both ways', async () => {
    try {
      expect(await listed(mock, RUNNER)).toMatchObject({ online: true, status: 'online' })
      mock.clock.advance(3 * HOUR)
      expect(await listed(mock, RUNNER)).toMatchObject({ online: false, status: 'offline' })
      mock.clock.advance(8 * 24 * HOUR)
      expect(await listed(mock, RUNNER)).toMatchObject({ online: false, status: 'stale' })
      mock.clock.set(NOW)
      expect(await listed(mock, RUNNER)).toMatchObject({ online: true, status: 'online' })
    } finally {
      mock.clock.set(NOW)
    }
  })

  it('shows a runner contacting GitLab', async () => {
    try {
      mock.clock.advance(3 * HOUR)
      expect(await listed(mock, RUNNER)).toMatchObject({ status: 'offline' })
      expect((await mock.call('POST', '/runners/verify', { body: { token: RUNNER_TOKEN } })).status).toBe(200)
      expect(await listed(mock, RUNNER)).toMatchObject({ online: true, status: 'online' })
    } finally {
      mock.clock.set(NOW)
    }
  })

  it('shows a change made in-process through world.writableRunner', async () => {
    const { world } = mock
    expect((await listed(mock, 5))?.description).not.toBe('changed in-process')
    for (const description of ['changed in-process', 'changed in-process again']) {
      world.writableRunner(world.runners.get(5)!).description = description
      expect((await listed(mock, 5))?.description).toBe(description)
    }
  })

  it('leaves out a deleted runner', async () => {
    expect(await listed(mock, 6)).toBeDefined()
    expect((await mock.call('DELETE', '/runners/6', { token: ADMIN })).status).toBe(204)
    expect(await listed(mock, 6)).toBeUndefined()
  })

  it("keeps a session's write in the session and the main scope's out of it", async () => {
    const original = (await listed(mock, 8, 'texts-a'))!.description
    expect((await listed(mock, 8))?.description).toBe(original)
    await update(mock, 8, { description: 'in session a' }, 'texts-a')
    expect((await listed(mock, 8, 'texts-a'))?.description).toBe('in session a')
    expect((await listed(mock, 8))?.description).toBe(original)
    await update(mock, 8, { description: 'in main' })
    expect((await listed(mock, 8))?.description).toBe('in main')
    expect((await listed(mock, 8, 'texts-a'))?.description).toBe('in session a')
    await update(mock, 8, { description: 'in session a, again' }, 'texts-a')
    expect((await listed(mock, 8, 'texts-a'))?.description).toBe('in session a, again')
    expect((await listed(mock, 8))?.description).toBe('in main')
    expect((await listed(mock, 8, 'texts-b'))?.description).toBe(original)
  })

  it("answers two unchanged sessions reading the same pristine world, each at its own clock's time", async () => {
    mock.session('texts-late').clock.advance('3h')
    for (let round = 0; round < 2; round++) {
      expect(await listed(mock, RUNNER, 'texts-late')).toMatchObject({ online: false, status: 'offline' })
      expect(await listed(mock, RUNNER, 'texts-early')).toMatchObject({ online: true, status: 'online' })
    }
  })
})

describe('a page kept whole', () => {
  const ids = async (query: string) => {
    const response = await newest.call('GET', `/runners/all?${query}`, { token: ADMIN })
    expect(response.status).toBe(200)
    return (response.body as Listed[]).map((runner) => runner.id)
  }

  it('is never another page that starts at the same runner and is as long', async () => {
    // Runners 10, 11 and 14 carry linux and docker; 13 carries linux and shell.
    for (let round = 0; round < 2; round++) {
      expect(await ids('tag_list=linux&per_page=3')).toEqual([10, 11, 13])
      expect(await ids('tag_list=linux,docker&per_page=3')).toEqual([10, 11, 14])
    }
  })
})

describe('the journal of a page written from kept texts', () => {
  it('holds the page and its headers as sent, the second time (the page kept whole) too', async () => {
    const headers = { 'X-Mock-Session': 'texts-journal' }
    const sent: { body: unknown; link: string | null }[] = []
    for (let round = 0; round < 2; round++) {
      const response = await newest.call('GET', '/runners/all?per_page=5&page=2', { token: ADMIN, headers })
      expect(response.status).toBe(200)
      sent.push({ body: response.body, link: response.headers.get('link') })
    }
    expect(sent[1]).toEqual(sent[0])
    let entries = newest.session('texts-journal').journal()
    for (let attempt = 0; attempt < 200 && entries.length < 2; attempt++) {
      await new Promise((resolve) => setTimeout(resolve, 10))
      entries = newest.session('texts-journal').journal()
    }
    expect(entries.map((entry) => ({ body: entry.response.body, link: entry.response.headers['Link'] ?? null }))).toEqual(sent)
  })
})

describe('a page written from kept texts, as 14.10 (ip_address from the latest manager, not_connected)', () => {
  it("shows a change to the runner's latest manager", async () => {
    expect(await listed(old, RUNNER)).toMatchObject({ ip_address: '10.0.1.11' })
    const { world } = old
    const latest = world.managersOf(RUNNER).find((manager) => manager.ipAddress === '10.0.1.11')!
    world.writableManager(latest).ipAddress = '10.9.9.9'
    expect(await listed(old, RUNNER)).toMatchObject({ ip_address: '10.9.9.9' })
  })

  it('says not_connected, as 14.10 did, beside the newest release serving the same scenario', async () => {
    for (let round = 0; round < 2; round++) {
      expect(await listed(old, NEVER_CONTACTED)).toMatchObject({ status: 'not_connected' })
      expect(await listed(newest, NEVER_CONTACTED)).toMatchObject({ status: 'never_contacted' })
    }
  })
})
