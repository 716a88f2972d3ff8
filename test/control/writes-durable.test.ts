// No lost and no phantom write: a request acts on one world from start to end even when a reset lands
// while its body arrives, and with --state-file a change is either on disk and applied, or refused and
// not applied. Imports are checked like scenarios before they replace anything.
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { readStateFile } from '../../src/control/state-file.js'
import { startMock, StateFileError, type RunningMock } from '../../src/index.js'
import { sendWithSlowBody } from '../helpers/slow-body.js'
import { send } from '../helpers/start-mock.js'
import { control } from './control-client.js'

const ADMIN = 'glpat-admin-0000000000000'

describe('a write across a reset', () => {
  it.each([[undefined], ['across-a-reset']])('acts on the world after the reset, not the one before (session %s)', async (session) => {
    const mock = await startMock({ log: () => {} })
    const headers: Record<string, string> = session === undefined ? {} : { 'X-Mock-Session': session }
    try {
      const body = { runner_type: 'instance_type', description: 'arrived late' }
      const created = await sendWithSlowBody(`${mock.url}/user/runners`, 'POST', body, { 'PRIVATE-TOKEN': ADMIN, ...headers }, async () => {
        expect((await control(mock, 'POST', '/reset', session === undefined ? {} : { session })).status).toBe(204)
      })
      expect(created.status).toBe(201)
      const { id } = created.body as { id: number }
      // Acknowledged, so it must be there: the request's world is the one the reset left.
      const runner = await send(mock.url, 'GET', `/runners/${id}`, { token: ADMIN, headers })
      expect([runner.status, (runner.body as { description: string }).description]).toEqual([200, 'arrived late'])
    } finally {
      await mock.close()
    }
  })
})

function stateDir(): { dir: string; file: string; temporary: string } {
  const dir = mkdtempSync(join(tmpdir(), 'state-durable-'))
  const file = join(dir, 'state.json')
  // In-process, the mock writes through this process's pid.
  return { dir, file, temporary: `${file}.${process.pid}.tmp` }
}

async function runnerCount(mock: RunningMock): Promise<number> {
  return Number((await send(mock.url, 'GET', '/runners/all?per_page=1', { token: ADMIN })).headers.get('x-total'))
}

describe('--state-file: acknowledged and durable, or refused and not applied', () => {
  it('refuses a change the disk does not take, keeps the state, and a retry creates exactly one runner', async () => {
    const { file, temporary } = stateDir()
    const mock = await startMock({ stateFile: file, log: () => {} })
    try {
      const before = await runnerCount(mock)
      const savedBefore = readFileSync(file, 'utf8')
      // A directory where the temporary file goes: the write fails, for root too.
      mkdirSync(temporary)
      const refused = await send(mock.url, 'POST', '/user/runners', { token: ADMIN, body: { runner_type: 'instance_type', description: 'retried' } })
      expect(refused.status).toBe(503)
      expect(refused.body).toEqual({ message: expect.stringMatching(/^503 Service Unavailable - the state file could not be written \((?:ERR_FS_)?EISDIR\); the change was not applied$/) })
      expect(await runnerCount(mock)).toBe(before)
      expect(readFileSync(file, 'utf8')).toBe(savedBefore)

      rmSync(temporary, { recursive: true })
      const retried = await send(mock.url, 'POST', '/user/runners', { token: ADMIN, body: { runner_type: 'instance_type', description: 'retried' } })
      expect(retried.status).toBe(201)
      expect(await runnerCount(mock)).toBe(before + 1)
      expect(readStateFile(file)!.runners.filter((runner) => runner.description === 'retried')).toHaveLength(1)
    } finally {
      await mock.close()
    }
  })

  it('refuses a reset, an import and a registration switch the disk does not take, and applies them once it does', async () => {
    const { file, temporary } = stateDir()
    const mock = await startMock({ stateFile: file, log: () => {} })
    try {
      expect((await send(mock.url, 'PUT', '/runners/10', { token: ADMIN, body: { paused: true } })).status).toBe(200)
      const exported = (await control(mock, 'GET', '/state')).body
      mkdirSync(temporary)
      const refusals = [
        await control(mock, 'POST', '/reset'),
        await control(mock, 'POST', '/scenario', { body: { name: 'empty' } }),
        await control(mock, 'PUT', '/state', { body: { ...(exported as object), jobs: [] } }),
        await control(mock, 'PUT', '/registration/instance', { body: { allowed: false } }),
      ]
      expect(refusals.map((reply) => reply.status)).toEqual([503, 503, 503, 503])
      const paused = await send(mock.url, 'GET', '/runners/10', { token: ADMIN })
      expect((paused.body as { paused: boolean }).paused).toBe(true)
      expect((await control(mock, 'GET', '/state')).body).toEqual(exported)
      expect(readStateFile(file)!.runners.find((runner) => runner.id === 10)?.active).toBe(false)

      rmSync(temporary, { recursive: true })
      expect((await control(mock, 'POST', '/reset')).status).toBe(204)
      expect(readStateFile(file)!.runners.find((runner) => runner.id === 10)?.active).toBe(true)
    } finally {
      await mock.close()
    }
  })

  it('keeps every change across many writes, the state in memory always the one on disk', async () => {
    const { file } = stateDir()
    const mock = await startMock({ stateFile: file, log: () => {} })
    try {
      const before = await runnerCount(mock)
      // More than the 64 writes after which the main world is rebuilt from its data.
      for (let index = 0; index < 70; index++) {
        const created = await send(mock.url, 'POST', '/user/runners', { token: ADMIN, body: { runner_type: 'instance_type', description: `many-${index}` } })
        expect(created.status).toBe(201)
      }
      expect((await send(mock.url, 'PUT', '/runners/10', { token: ADMIN, body: { paused: true } })).status).toBe(200)
      expect(await runnerCount(mock)).toBe(before + 70)
      // The export also names the release served; the file holds the world.
      const exported = (await control(mock, 'GET', '/state')).body as Record<string, unknown>
      expect({ ...exported, gitlabVersion: undefined }).toEqual({ ...readStateFile(file), gitlabVersion: undefined })
    } finally {
      await mock.close()
    }
  })

  it('cleans up temporaries that interrupted writes left, and keeps those of a running process', async () => {
    const { dir, file } = stateDir()
    const dead = join(dir, 'state.json.999999999.tmp')
    const alive = join(dir, `state.json.${process.ppid}.tmp`)
    const unrelated = join(dir, 'state.json.notes.tmp')
    for (const path of [dead, alive, unrelated]) writeFileSync(path, '{"half": ')
    const mock = await startMock({ stateFile: file, log: () => {} })
    await mock.close()
    expect([existsSync(dead), existsSync(alive), existsSync(unrelated), existsSync(file)]).toEqual([false, true, true, true])
  })

  it('refuses to start from a state file whose records are broken, naming each', async () => {
    const { file } = stateDir()
    const mock = await startMock({ stateFile: file, log: () => {} })
    await mock.close()
    const saved = JSON.parse(readFileSync(file, 'utf8')) as { world: { runners: Array<Record<string, unknown>> } }
    saved.world.runners[0]!.id = 'one'
    writeFileSync(file, JSON.stringify(saved))
    await expect(startMock({ stateFile: file, log: () => {} })).rejects.toThrow(new StateFileError(`${file} world.runners[0].id: must be a positive integer`))
  })
})

describe('PUT /__mock/state checks records like a scenario', () => {
  it('refuses records that would break the store, with path and problem, and keeps the state', async () => {
    const mock = await startMock({ log: () => {} })
    try {
      const exported = (await control(mock, 'GET', '/state')).body as { runners: unknown[]; managers: unknown[] }
      const runner = exported.runners[0] as Record<string, unknown>
      const cases = [
        { ...exported, runners: [{ id: 1 }] },
        { ...exported, runners: [{ ...runner, id: 'one' }] },
        { ...exported, runners: [runner, { ...runner }] },
        { ...exported, managers: exported.managers.map((manager, index) => (index === 0 ? { ...(manager as object), runnerId: 4242 } : manager)) },
      ]
      const replies = []
      for (const body of cases) replies.push(await control(mock, 'PUT', '/state', { body }))
      expect(replies.map((reply) => reply.status)).toEqual([400, 400, 400, 400])
      const messages = replies.map((reply) => (reply.body as { message: string }).message)
      expect(messages[0]).toMatch(/^400 Bad request - runners\[0\]: must have a runnerType\nrunners\[0\]: must have a /)
      expect(messages[1]).toBe('400 Bad request - runners[0].id: must be a positive integer')
      expect(messages[2]).toBe(`400 Bad request - runners[1].id: ${String(runner.id)} is used by an earlier record`)
      expect(messages[3]).toBe('400 Bad request - managers[0].runnerId: no record with id 4242 in runners')
      expect((await control(mock, 'GET', '/state')).body).toEqual(exported)
      const list = await send(mock.url, 'GET', '/runners/all', { token: ADMIN })
      expect(list.status).toBe(200)
    } finally {
      await mock.close()
    }
  })
})
