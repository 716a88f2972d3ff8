// Mistakes in what a test configures are refused where they are made: a fault naming an operation or
// a path that does not exist (it would never fire), and a Prefer example the contract does not have.
import { describe, expect, it } from 'vitest'
import { FaultError, checkFaultTarget } from '../../src/control/faults.js'
import { send, startTestMock } from '../helpers/start-mock.js'
import { control } from './control-client.js'

const mock = await startTestMock()
const staticMock = await startTestMock({ static: true })

describe('fault targets', () => {
  it('refuses an unknown operationId over HTTP, listing close matches', async () => {
    expect(await control(mock, 'POST', '/faults', { body: { operationId: 'getRuner', status: 500 } })).toEqual({
      status: 400,
      body: { message: "400 Bad request - no operation is called 'getRuner'; close matches: getRunner" },
    })
  })

  it('refuses a path no route matches, listing close matches', async () => {
    const { status, body } = await control(mock, 'POST', '/faults', { body: { path: '/runner/*', status: 500 } })
    expect(status).toBe(400)
    expect((body as { message: string }).message).toMatch(/^400 Bad request - no route matches path '\/runner\/\*' \(paths are under \/api\/v4, \* stands for one segment\); close matches: \/runners\/\*/)
    expect((await control(mock, 'GET', '/faults')).body).toEqual({ faults: [] })
  })

  it('refuses them through session.fault() too', () => {
    const session = mock.session('fault targets')
    expect(() => session.fault({ operationId: 'getRuner', status: 500 })).toThrow(FaultError)
    expect(() => session.fault({ path: '/nowhere/*', status: 500 })).toThrow("no route matches path '/nowhere/*'")
    expect(session.faults()).toEqual([])
  })

  it('accepts paths that match a route: concrete, with *, with a trailing slash', () => {
    const targets = { operationIds: ['getRunner'], paths: ['/runners/{id}', '/runners/all', '/projects/{id}/runners/{runner_id}'] }
    for (const path of ['/runners/10', '/runners/*', '/runners/all/', '/projects/*/runners/7']) expect(() => checkFaultTarget({ path, status: 500 }, targets)).not.toThrow()
    expect(() => checkFaultTarget({ path: '/runners/10/jobs', status: 500 }, targets)).toThrow(FaultError)
  })

  it('still fires a fault on a valid target', async () => {
    const session = mock.session('fault fires')
    session.fault({ path: '/runners/*', method: 'GET', status: 503 })
    expect((await send(mock.url, 'GET', '/runners/10', { token: 'glpat-admin-0000000000000', headers: session.headers })).status).toBe(503)
  })
})

describe('Prefer: example=', () => {
  it('answers 400 for an example the operation does not document, as for an undocumented code', async () => {
    const response = await send(staticMock.url, 'GET', '/runners/6', { token: 'any', headers: { Prefer: 'example=nope' } })
    expect({ status: response.status, body: response.body }).toEqual({ status: 400, body: { error: 'getRunner documents no answer for Prefer: example=nope' } })
  })
})
