// How runners come to be, over real HTTP: POST /runners with the three kinds of registration token,
// POST /user/runners (glrt- tokens), and the three deprecated registration-token resets.
import { beforeEach, describe, expect, it } from 'vitest'
import { startTestMock } from '../helpers/start-mock.js'

const ADMIN = 'glpat-admin-0000000000000'
const OWNER = 'glpat-owner-0000000000000'
const READ_ONLY = 'glpat-readonly-0000000000'
const GROUP_MAINTAINER = 'glpat-groupmaint-00000000'
const MAINTAINER = 'glpat-maintainer-00000000'
const CREATE_RUNNER = 'glpat-create-runner-00000'
const DEVELOPER = 'glpat-developer-000000000'
const OUTSIDER = 'glpat-outsider-0000000000'

const INSTANCE_TOKEN = 'GR1348941-instance-000000000'
const ACME_TOKEN = 'GR1348941-acme-000000000000'
const API_TOKEN = 'GR1348941-api-0000000000000'
const LEGACY_TOKEN = 'GR1348941-legacy-0000000000'

const mock = await startTestMock()

interface Registered {
  id: number
  token: string
  token_expires_at: string | null
}

async function details(id: number): Promise<Record<string, unknown>> {
  const response = await mock.call('GET', `/runners/${id}`, { token: ADMIN })
  expect(response.status).toBe(200)
  return response.body as Record<string, unknown>
}

describe('registerRunner', () => {
  beforeEach(() => mock.reset())

  it('registers an instance runner with the instance token: 201, a glrtr- token and the given settings', async () => {
    const response = await mock.call('POST', '/runners', {
      body: { token: INSTANCE_TOKEN, description: 'fresh', tag_list: 'linux, docker', run_untagged: false, info: { name: 'box-1' } },
    })
    expect(response.status).toBe(201)
    expect(response.body).toEqual({ id: 28, token: expect.stringMatching(/^glrtr-[A-Za-z0-9_-]{20}$/), token_expires_at: null })
    const runner = await details(28)
    expect([runner.runner_type, runner.description, runner.name, runner.tag_list, runner.run_untagged, runner.status, runner.online]).toEqual([
      'instance_type', 'fresh', 'box-1', ['linux', 'docker'], false, 'never_contacted', null,
    ])
  })

  it.each([
    ['a project token registers a project runner of that project', API_TOKEN, 'project_type', [3], []],
    ['a group token registers a group runner of that group', ACME_TOKEN, 'group_type', [], [2]],
  ])('%s', async (_what, token, type, projects, groups) => {
    const response = await mock.call('POST', '/runners', { form: { token, paused: 'true' } })
    expect(response.status).toBe(201)
    const runner = await details((response.body as Registered).id)
    const ids = (list: unknown) => (list as { id: number }[]).map((item) => item.id)
    expect([runner.runner_type, ids(runner.projects), ids(runner.groups), runner.paused]).toEqual([type, projects, groups, true])
  })

  it('stores the deprecated maintainer_note as the maintenance note', async () => {
    const response = await mock.call('POST', '/runners', { multipart: { token: API_TOKEN, maintainer_note: 'old spelling' } })
    expect((await details((response.body as Registered).id)).maintenance_note).toBe('old spelling')
  })

  it.each([
    ['no token', {}, 400, { error: 'token is missing' }],
    ['an unknown token', { token: 'GR1348941-nope' }, 403, { message: '403 Forbidden - invalid token supplied' }],
    ['an empty token', { token: '' }, 403, { message: '403 Forbidden - invalid token supplied' }],
    ['a group that forbids registration tokens', { token: LEGACY_TOKEN }, 410, { message: '410 Gone - runner registration disallowed' }],
    ['active with paused', { token: API_TOKEN, active: true, paused: true }, 400, { error: 'active, paused are mutually exclusive' }],
    [
      'maintainer_note with maintenance_note',
      { token: API_TOKEN, maintainer_note: 'a', maintenance_note: 'b' },
      400,
      { error: 'maintainer_note, maintenance_note are mutually exclusive' },
    ],
    [
      'more than 50 tags',
      { token: API_TOKEN, tag_list: Array.from({ length: 51 }, (_, i) => `t${i}`) },
      400,
      { message: { tags_list: ['Too many tags specified. Please limit the number of tags to 50'] } },
    ],
  ])('refuses %s and registers nothing', async (_what, body, status, expected) => {
    const response = await mock.call('POST', '/runners', { body })
    expect([response.status, response.body]).toEqual([status, expected])
    const all = await mock.call('GET', '/runners/all', { token: ADMIN })
    expect(all.headers.get('x-total')).toBe('24')
  })

  it('answers 410 even for a garbage token when the instance disallows registration tokens', async () => {
    mock.allowRegistrationToken('instance', false)
    const garbage = await mock.call('POST', '/runners', { body: { token: 'garbage' } })
    const instance = await mock.call('POST', '/runners', { body: { token: INSTANCE_TOKEN } })
    expect([garbage.status, garbage.body, instance.status]).toEqual([410, { message: '410 Gone - runner registration disallowed' }, 410])
  })
})

describe('createUserRunner', () => {
  beforeEach(() => mock.reset())

  it.each([
    ['an admin creates an instance runner', ADMIN, { runner_type: 'instance_type' }, 'instance_type'],
    ['a group owner creates a group runner', OWNER, { runner_type: 'group_type', group_id: 2 }, 'group_type'],
    ['a project maintainer creates a project runner', MAINTAINER, { runner_type: 'project_type', project_id: 3 }, 'project_type'],
    ['a create_runner token creates a project runner', CREATE_RUNNER, { runner_type: 'project_type', project_id: 3 }, 'project_type'],
  ])('answers 201 with a glrt- token when %s, created by the caller', async (_what, token, body, type) => {
    const response = await mock.call('POST', '/user/runners', { token, body: { ...body, description: 'made by hand', tag_list: ['x'] } })
    expect(response.status).toBe(201)
    expect(response.body).toEqual({ id: 28, token: expect.stringMatching(/^glrt-[A-Za-z0-9_-]{20}$/), token_expires_at: null })
    const runner = await details(28)
    expect([runner.runner_type, runner.description, runner.tag_list, runner.status]).toEqual([type, 'made by hand', ['x'], 'never_contacted'])
  })

  it('records the creator in created_by', async () => {
    await mock.call('POST', '/user/runners', { token: OWNER, body: { runner_type: 'group_type', group_id: 2 } })
    expect(((await details(28)).created_by as { username: string }).username).toBe('olivia')
  })

  it.each([
    ['runner_type is missing', MAINTAINER, {}, 400, { error: 'runner_type is missing' }],
    ['runner_type is unknown', MAINTAINER, { runner_type: 'cloud_type' }, 400, { error: 'runner_type does not have a valid value' }],
    ['group_id is missing for a group runner', OWNER, { runner_type: 'group_type' }, 400, { error: 'group_id is missing' }],
    ['project_id is missing for a project runner', MAINTAINER, { runner_type: 'project_type' }, 400, { error: 'project_id is missing' }],
    ['the group does not exist', OWNER, { runner_type: 'group_type', group_id: 999 }, 400, { message: '400 Bad request - Missing/invalid group' }],
    [
      'the project does not exist',
      MAINTAINER,
      { runner_type: 'project_type', project_id: 999 },
      400,
      { message: '400 Bad request - Missing/invalid project' },
    ],
    ['a non-admin asks for an instance runner', OWNER, { runner_type: 'instance_type' }, 403, { message: '403 Forbidden - Insufficient permissions' }],
    [
      'a group maintainer asks for a group runner',
      GROUP_MAINTAINER,
      { runner_type: 'group_type', group_id: 2 },
      403,
      { message: '403 Forbidden - Insufficient permissions' },
    ],
    [
      'a developer asks for a project runner',
      DEVELOPER,
      { runner_type: 'project_type', project_id: 3 },
      403,
      { message: '403 Forbidden - Insufficient permissions' },
    ],
    [
      'the maximum timeout is under 10 minutes',
      MAINTAINER,
      { runner_type: 'project_type', project_id: 3, maximum_timeout: 60 },
      400,
      { message: '400 Bad request - Maximum timeout needs to be at least 10 minutes' },
    ],
  ])('refuses when %s', async (_why, token, body, status, expected) => {
    const response = await mock.call('POST', '/user/runners', { token, body })
    expect([response.status, response.body]).toEqual([status, expected])
  })

  it('refuses a read_api token with insufficient_scope', async () => {
    const response = await mock.call('POST', '/user/runners', { token: READ_ONLY, body: { runner_type: 'instance_type' } })
    expect(response.status).toBe(403)
    expect(response.body).toMatchInlineSnapshot(`
      {
        "error": "insufficient_scope",
        "error_description": "The request requires higher privileges than provided by the access token.",
        "scope": "api create_runner",
      }
    `)
  })
})

describe('registration-token resets', () => {
  beforeEach(() => mock.reset())

  it.each([
    ['the instance token, by an admin', '/runners/reset_registration_token', ADMIN, INSTANCE_TOKEN],
    ['a project token, by a project maintainer', '/projects/3/runners/reset_registration_token', MAINTAINER, API_TOKEN],
    ['a group token, by the group owner', '/groups/2/runners/reset_registration_token', OWNER, ACME_TOKEN],
  ])('resets %s: 201 {token}; the old token stops registering and the new one works', async (_what, path, token, old) => {
    const response = await mock.call('POST', path, { token })
    expect(response.status).toBe(201)
    expect(response.body).toEqual({ token: expect.stringMatching(/^GR1348941[A-Za-z0-9_-]{20}$/) })
    const withOld = await mock.call('POST', '/runners', { body: { token: old } })
    expect([withOld.status, withOld.body]).toEqual([403, { message: '403 Forbidden - invalid token supplied' }])
    const withNew = await mock.call('POST', '/runners', { body: { token: (response.body as { token: string }).token } })
    expect(withNew.status).toBe(201)
  })

  it.each([
    ['the instance token by a non-admin', '/runners/reset_registration_token', OWNER, 403, { message: '403 Forbidden' }],
    ['a project token by a developer', '/projects/3/runners/reset_registration_token', DEVELOPER, 403, { message: '403 Forbidden' }],
    ['a group token by a group maintainer', '/groups/2/runners/reset_registration_token', GROUP_MAINTAINER, 403, { message: '403 Forbidden' }],
    ['a private project’s token by an outsider', '/projects/6/runners/reset_registration_token', OUTSIDER, 404, { message: '404 Project Not Found' }],
    ['a private group’s token by an outsider', '/groups/4/runners/reset_registration_token', OUTSIDER, 404, { message: '404 Group Not Found' }],
    ['the instance token without credentials', '/runners/reset_registration_token', undefined, 401, { message: '401 Unauthorized' }],
  ])('refuses to reset %s', async (_what, path, token, status, expected) => {
    const response = await mock.call('POST', path, token === undefined ? {} : { token })
    expect([response.status, response.body]).toEqual([status, expected])
  })

  it.each([
    ['/runners/reset_registration_token', ADMIN],
    ['/projects/3/runners/reset_registration_token', MAINTAINER],
    ['/groups/2/runners/reset_registration_token', OWNER],
  ])('answers 403 on %s, even to its manager, when the instance disallows registration tokens', async (path, token) => {
    mock.allowRegistrationToken('instance', false)
    const response = await mock.call('POST', path, { token })
    expect([response.status, response.body]).toEqual([403, { message: '403 Forbidden' }])
  })
})
