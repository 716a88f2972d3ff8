import { afterEach, describe, expect, it } from 'vitest'
import { loadContract } from '../../src/contract/index.js'
import { createHttpClient } from '../../src/drift/http.js'
import { verifyGitlab } from '../../src/drift/probe.js'
import { createRedactor } from '../../src/drift/redact.js'
import { ADMIN_TOKEN, REGISTRATION_TOKEN, startFakeGitlab, type FakeGitlab, type FakeRequest, type Reply } from './fake-gitlab.js'

const contract = loadContract()
let fake: FakeGitlab | undefined
afterEach(async () => {
  await fake?.close()
  fake = undefined
})

async function roundTrip(target: Record<string, string>, signal?: AbortSignal) {
  const client = createHttpClient({ baseUrl: fake!.url, token: ADMIN_TOKEN, retries: 0 })
  const log: string[] = []
  const outcome = await verifyGitlab(contract, client, { target, writes: true, strict: false, redactor: createRedactor([ADMIN_TOKEN]), ...(signal ? { signal } : {}), log: (line) => log.push(line) })
  return { outcome, log }
}

const created = (req: FakeRequest) => (req.operationId === 'createUserRunner' || req.operationId === 'registerRunner') && Object.keys(req.body).length > 1

/** Requests from the first runner creation on, as `METHOD path body`. */
function afterCreation(requests: FakeRequest[]): string[] {
  return requests.slice(requests.findIndex(created)).map((req) => `${req.method} ${req.path}${Object.keys(req.body).length > 0 ? ` ${JSON.stringify(req.body)}` : ''}`)
}

// The contract's createUserRunner example answers id 12345 and token glrt-EXAMPLEaRunnerAuthenticationToken.
describe('verify --writes', () => {
  it('creates, verifies, updates, pauses, resets, assigns, unassigns and deletes throw-away runners, in that order', async () => {
    fake = await startFakeGitlab()
    const { outcome, log } = await roundTrip({ project: '5' })
    expect(outcome.problem).toBeUndefined()
    const create = '{"runner_type":"project_type","project_id":5,"description":"gitlab-runners-mock drift probe (safe to delete)","paused":true,"tag_list":["gitlab-runners-mock-drift"],"run_untagged":false}'
    expect(afterCreation(fake.requests)).toEqual([
      `POST /user/runners ${create}`,
      'POST /runners/verify {"token":"glrt-EXAMPLEaRunnerAuthenticationToken"}',
      'GET /runners/12345',
      'PUT /runners/12345 {"description":"gitlab-runners-mock drift probe (safe to delete), updated","tag_list":["gitlab-runners-mock-drift","second"],"maximum_timeout":3600}',
      'PUT /runners/12345 {"paused":true}',
      'PUT /runners/12345',
      'PUT /runners/12345 {"active":true,"paused":true}',
      'PUT /runners/12345 {"maximum_timeout":60}',
      'POST /runners/12345/reset_authentication_token',
      'POST /runners/reset_authentication_token {"token":"glrt-EXAMPLEaNewRunnerAuthenticationToken"}',
      'POST /projects/5/runners {"runner_id":12345}',
      'DELETE /projects/5/runners/12345',
      'DELETE /runners/12345',
      'GET /runners/12345',
      `POST /user/runners ${create}`,
      'DELETE /runners {"token":"glrt-EXAMPLEaRunnerAuthenticationToken"}',
    ])
    expect(log).toEqual([])
  })

  it('registers with a registration token when one is given', async () => {
    fake = await startFakeGitlab()
    await roundTrip({ registrationToken: REGISTRATION_TOKEN })
    const registrations = fake.requests.filter(created).map((req) => `${req.operationId} ${JSON.stringify(req.body)}`)
    const register = `registerRunner {"token":"${REGISTRATION_TOKEN}","description":"gitlab-runners-mock drift probe (safe to delete)","paused":true,"tag_list":["gitlab-runners-mock-drift"],"run_untagged":false}`
    expect(registrations).toEqual([register, register])
  })

  it('still deletes the runner it created when GitLab drops the connection halfway', async () => {
    fake = await startFakeGitlab((req: FakeRequest, reply: Reply) => (req.operationId === 'updateRunner' && !req.path.includes('999999999') ? { status: 0, headers: {}, body: undefined } : reply))
    const { outcome, log } = await roundTrip({})
    expect(outcome.problem?.kind).toBe('connection')
    expect(afterCreation(fake.requests).slice(1)).toEqual([
      'POST /runners/verify {"token":"glrt-EXAMPLEaRunnerAuthenticationToken"}',
      'GET /runners/12345',
      'PUT /runners/12345 {"description":"gitlab-runners-mock drift probe (safe to delete), updated","tag_list":["gitlab-runners-mock-drift","second"],"maximum_timeout":3600}',
      'DELETE /runners/12345',
    ])
    expect(log).toEqual(['cleaned up throw-away runner 12345'])
  })

  it('still deletes the runner it created when interrupted (Ctrl-C)', async () => {
    const interrupt = new AbortController()
    fake = await startFakeGitlab((req: FakeRequest, reply: Reply) => {
      if (created(req)) interrupt.abort()
      return reply
    })
    const { outcome, log } = await roundTrip({}, interrupt.signal)
    expect(outcome.problem?.kind).toBe('interrupted')
    expect(afterCreation(fake.requests).slice(1)).toEqual(['DELETE /runners/12345'])
    expect(log).toEqual(['cleaned up throw-away runner 12345'])
  })
})
