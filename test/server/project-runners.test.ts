// POST /projects/:id/runners and DELETE /projects/:id/runners/:runner_id over real HTTP: GitLab's
// assignment checks in order, the unassign rules, If-Unmodified-Since, and that the change sticks.
import { beforeEach, describe, expect, it } from 'vitest'
import { NOW, startTestMock } from '../helpers/start-mock.js'

const ADMIN = 'glpat-admin-0000000000000'
const MAINTAINER = 'glpat-maintainer-00000000'
const DEVELOPER = 'glpat-developer-000000000'
const OUTSIDER = 'glpat-outsider-0000000000'
const MANAGE_RUNNER = 'glpat-manage-runner-00000'
const CREATE_RUNNER = 'glpat-create-runner-00000'

// Projects: 3 acme/platform/api, 4 acme/platform/web (internal), 6 acme/legacy/monolith (private).
// Runners: 10 instance, 16 group, 22 api+web, 23 api locked, 24 api paused.

const mock = await startTestMock()

async function projectRunnerIds(project: number): Promise<number[]> {
  const response = await mock.call('GET', `/projects/${project}/runners?type=project_type`, { token: ADMIN })
  return (response.body as { id: number }[]).map((runner) => runner.id)
}

describe('assignProjectRunner', () => {
  beforeEach(async () => {
    await mock.reset()
    mock.clock.set(NOW)
  })

  it('assigns a project runner with 201 and the runner entity; the project then lists it', async () => {
    const response = await mock.call('POST', '/projects/4/runners', { token: MAINTAINER, body: { runner_id: 24 } })
    expect(response.status).toBe(201)
    expect(response.body).toEqual({
      id: 24,
      description: 'api-paused',
      ip_address: null,
      active: false,
      paused: true,
      is_shared: false,
      runner_type: 'project_type',
      name: null,
      online: true,
      created_at: '2025-04-23T12:00:00.000Z',
      status: 'paused',
      job_execution_status: 'idle',
    })
    expect(await projectRunnerIds(4)).toEqual([22, 24, 25])
    const details = await mock.call('GET', '/runners/24', { token: MAINTAINER })
    expect((details.body as { projects: { id: number }[] }).projects.map((p) => p.id)).toEqual([3, 4])
  })

  it.each([
    ['a urlencoded body', { form: { runner_id: '24' } }],
    ['a multipart body', { multipart: { runner_id: '24' } }],
    ['the query string', {}],
  ])('reads runner_id from %s', async (what, options) => {
    const path = what === 'the query string' ? '/projects/4/runners?runner_id=24' : '/projects/4/runners'
    const response = await mock.call('POST', path, { token: MAINTAINER, ...options })
    expect([response.status, (response.body as { id: number }).id]).toEqual([201, 24])
  })

  it('assigns to a project named by its URL-encoded path', async () => {
    const response = await mock.call('POST', '/projects/acme%2Fplatform%2Fweb/runners', { token: MAINTAINER, body: { runner_id: 24 } })
    expect(response.status).toBe(201)
    expect(await projectRunnerIds(4)).toEqual([22, 24, 25])
  })

  it('lets an administrator assign a locked runner', async () => {
    const response = await mock.call('POST', '/projects/4/runners', { token: ADMIN, body: { runner_id: 23 } })
    expect(response.status).toBe(201)
    expect(await projectRunnerIds(4)).toEqual([22, 23, 25])
  })

  it.each([
    ['runner_id is missing', MAINTAINER, 4, {}, 400, { error: 'runner_id is missing' }],
    ['runner_id is not an integer', MAINTAINER, 4, { runner_id: 'x' }, 400, { error: 'runner_id is invalid' }],
    ['the project is private and unseen', OUTSIDER, 6, { runner_id: 24 }, 404, { message: '404 Project Not Found' }],
    ['the project does not exist', ADMIN, 999, { runner_id: 24 }, 404, { message: '404 Project Not Found' }],
    ['the caller is a developer', DEVELOPER, 4, { runner_id: 24 }, 403, { message: '403 Forbidden' }],
    ['the runner does not exist', MAINTAINER, 4, { runner_id: 999 }, 404, { message: '404 Runner Not Found' }],
    ['the runner is a group runner', MAINTAINER, 4, { runner_id: 16 }, 403, { message: '403 Forbidden - Runner is a group runner' }],
    ['the runner is a group runner, even for an admin', ADMIN, 4, { runner_id: 16 }, 403, { message: '403 Forbidden - Runner is a group runner' }],
    ['the runner is locked', MAINTAINER, 4, { runner_id: 23 }, 403, { message: '403 Forbidden - Runner is locked' }],
    ['a non-admin offers an instance runner', MAINTAINER, 4, { runner_id: 10 }, 403, { message: '403 Forbidden - No access granted' }],
    [
      'the runner is already assigned',
      MAINTAINER,
      4,
      { runner_id: 22 },
      400,
      { message: 'Assign to Validation failed: Runner projects runner has already been taken - runner_error' },
    ],
    [
      // Unconfirmed in GitLab (reference §10); the service refuses to turn an instance runner into a project runner.
      'an admin offers an instance runner',
      ADMIN,
      4,
      { runner_id: 10 },
      400,
      { message: 'Transitioning an instance runner to a project runner is not supported - runner_error' },
    ],
    ['the token only has manage_runner', MANAGE_RUNNER, 4, { runner_id: 24 }, 401, { message: '401 Unauthorized' }],
    ['the token only has create_runner', CREATE_RUNNER, 4, { runner_id: 24 }, 401, { message: '401 Unauthorized' }],
  ])('refuses when %s', async (_why, token, project, body, status, expected) => {
    const response = await mock.call('POST', `/projects/${project}/runners`, { token, body })
    expect([response.status, response.body]).toEqual([status, expected])
    expect(await projectRunnerIds(4)).toEqual([22, 25])
  })
})

describe('unassignProjectRunner', () => {
  beforeEach(async () => {
    await mock.reset()
    mock.clock.set(NOW)
  })

  it('unassigns a runner from a project that does not own it with 204; the project stops listing it', async () => {
    const response = await mock.call('DELETE', '/projects/4/runners/22', { token: MAINTAINER })
    expect([response.status, response.body]).toEqual([204, undefined])
    expect(await projectRunnerIds(4)).toEqual([25])
    const details = await mock.call('GET', '/runners/22', { token: MAINTAINER })
    expect((details.body as { projects: { id: number }[] }).projects.map((p) => p.id)).toEqual([3])
  })

  it('lets a maintainer delete a runner once it serves only its owner project', async () => {
    await mock.call('DELETE', '/projects/4/runners/22', { token: MAINTAINER })
    const response = await mock.call('DELETE', '/runners/22', { token: MAINTAINER })
    expect(response.status).toBe(204)
  })

  it.each([
    ['the runner is not assigned to the project', MAINTAINER, 4, 23, 404, { message: '404 Runner Not Found' }],
    ['the runner does not exist', MAINTAINER, 4, 999, 404, { message: '404 Runner Not Found' }],
    ['the project is private and unseen', OUTSIDER, 6, 27, 404, { message: '404 Project Not Found' }],
    ['the caller is a developer', DEVELOPER, 4, 22, 403, { message: '403 Forbidden' }],
    [
      'the project owns the runner',
      MAINTAINER,
      3,
      22,
      403,
      { message: '403 Forbidden - You cannot unassign a runner from the owner project. Delete the runner instead' },
    ],
    ['the runner is locked', MAINTAINER, 3, 23, 403, { message: '403 Forbidden - Runner is locked' }],
    ['the token only has manage_runner', MANAGE_RUNNER, 4, 22, 401, { message: '401 Unauthorized' }],
  ])('refuses when %s', async (_why, token, project, runner, status, expected) => {
    const response = await mock.call('DELETE', `/projects/${project}/runners/${runner}`, { token })
    expect([response.status, response.body]).toEqual([status, expected])
    expect(await projectRunnerIds(4)).toEqual([22, 25])
  })

  it('answers 412 when the assignment changed after If-Unmodified-Since, and keeps it', async () => {
    mock.clock.advance(60_000)
    await mock.call('POST', '/projects/4/runners', { token: MAINTAINER, body: { runner_id: 24 } })
    const before = new Date(mock.clock.now() - 30_000).toUTCString()
    const response = await mock.call('DELETE', '/projects/4/runners/24', { token: MAINTAINER, headers: { 'If-Unmodified-Since': before } })
    expect([response.status, response.body]).toEqual([412, { message: '412 Precondition Failed' }])
    expect(await projectRunnerIds(4)).toEqual([22, 24, 25])
  })

  it('unassigns when the assignment is unchanged since If-Unmodified-Since', async () => {
    const now = new Date(mock.clock.now()).toUTCString()
    const response = await mock.call('DELETE', '/projects/4/runners/22', { token: MAINTAINER, headers: { 'If-Unmodified-Since': now } })
    expect(response.status).toBe(204)
  })
})
