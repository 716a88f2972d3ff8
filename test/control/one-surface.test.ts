// One control surface: a request the control API refuses over HTTP is refused by startMock()'s method
// for the same control, with the same words, and changes nothing either way.
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { ControlParamsError, FaultError, NotFoundRefusal, startMock, StateError, StateNotSavedError, type WorldData } from '../../src/index.js'
import { loadScenario } from '../../src/scenarios/load.js'
import { NOW, startTestMock } from '../helpers/start-mock.js'
import { control, type ControlResponse } from './control-client.js'

const mock = await startTestMock()

/** What the HTTP body says, less the status words GitLab puts first: the message a program gets. */
function words(reply: ControlResponse): string {
  const body = reply.body as { message?: string; error?: string }
  return body.error ?? (body.message ?? '').replace(/^\d{3} (Bad request - )?/, '')
}

function thrown(act: () => unknown): Error {
  try {
    act()
  } catch (error) {
    return error as Error
  }
  throw new Error('expected a refusal, got none')
}

describe('one control surface', () => {
  it('refuses a fault status control.yaml does not allow, over HTTP and through mock.fault()', async () => {
    const spec = { operationId: 'getRunner', status: 999 }
    const overHttp = await control(mock, 'POST', '/faults', { body: spec })
    const inProcess = thrown(() => mock.session('fault status').fault(spec))
    expect(overHttp.status).toBe(400)
    expect(inProcess).toBeInstanceOf(ControlParamsError)
    expect(inProcess.message).toBe(words(overHttp))
    expect(mock.session('fault status').faults()).toEqual([])
  })

  it('refuses a fault naming no operation, with the same words', async () => {
    const spec = { operationId: 'getRuner', status: 500 }
    const overHttp = await control(mock, 'POST', '/faults', { body: spec })
    const inProcess = thrown(() => mock.fault(spec))
    expect(overHttp.status).toBe(400)
    expect(inProcess).toBeInstanceOf(FaultError)
    expect(inProcess.message).toBe(words(overHttp))
  })

  it('refuses a broken imported state, with the same words, and keeps the state', async () => {
    const session = mock.session('bad import')
    const before = session.exportState()
    const broken = { ...before, runners: [{ ...before.runners[0]!, id: 'one' }] }
    const overHttp = await control(mock, 'PUT', '/state', { body: broken, session: 'bad import' })
    const inProcess = thrown(() => session.importState(broken as never))
    expect(overHttp.status).toBe(400)
    expect(inProcess).toBeInstanceOf(StateError)
    expect(inProcess.message).toBe(words(overHttp))
    expect(session.exportState()).toEqual(before)
  })

  it('refuses a state missing a part, with the same words', async () => {
    const partial: Partial<WorldData> = mock.exportState()
    delete partial.jobs
    const overHttp = await control(mock, 'PUT', '/state', { body: partial, session: 'partial import' })
    const inProcess = thrown(() => mock.session('partial import').importState(partial as never))
    expect(overHttp.status).toBe(400)
    expect(inProcess).toBeInstanceOf(ControlParamsError)
    expect(inProcess.message).toBe(words(overHttp))
  })

  it('imports world data whose jobs are the compact job table, as a program may hold it', () => {
    const data = loadScenario('bench', { now: NOW })
    expect(Array.isArray(data.jobs)).toBe(false)
    const session = mock.session('job table import')
    session.importState(data)
    expect(session.exportState().jobs).toHaveLength([...data.jobs].length)
  })

  it('refuses a journal limit below 1, with the same words', async () => {
    const overHttp = await control(mock, 'GET', '/journal?limit=0')
    const inProcess = thrown(() => mock.journal({ limit: 0 }))
    expect(overHttp.status).toBe(400)
    expect(inProcess).toBeInstanceOf(ControlParamsError)
    expect(inProcess.message).toBe(words(overHttp))
  })

  it('refuses registration for a group that does not exist, 404 over HTTP', async () => {
    const overHttp = await control(mock, 'PUT', '/registration/groups/4242', { body: { allowed: false }, session: 'no group' })
    const inProcess = thrown(() => mock.session('no group').allowRegistrationToken({ groupId: 4242 }, false))
    expect(overHttp).toEqual({ status: 404, body: { message: '404 Group Not Found' } })
    expect(inProcess).toBeInstanceOf(NotFoundRefusal)
    expect(inProcess.message).toBe(words(overHttp))
  })
})

describe('one control surface with a state file the disk does not take', () => {
  const dir = mkdtempSync(join(tmpdir(), 'one-surface-'))
  afterAll(() => rmSync(dir, { recursive: true, force: true }))

  it('refuses the change over HTTP (503) and through the method (StateNotSavedError) alike', async () => {
    const file = join(dir, 'state.json')
    const durable = await startMock({ stateFile: file, log: () => {} })
    try {
      // A directory where the temporary file goes: the write fails, for root too.
      mkdirSync(`${file}.${process.pid}.tmp`)
      const overHttp = await control(durable, 'PUT', '/registration/instance', { body: { allowed: false } })
      const inProcess = thrown(() => durable.allowRegistrationToken('instance', false))
      expect(overHttp.status).toBe(503)
      expect(inProcess).toBeInstanceOf(StateNotSavedError)
      expect((overHttp.body as { message: string }).message).toBe(`503 Service Unavailable - ${inProcess.message}`)
      expect(durable.exportState().instance.allowRegistrationToken).toBe(true)
    } finally {
      await durable.close()
    }
  })
})
