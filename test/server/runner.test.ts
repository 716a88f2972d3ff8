// One runner by id over real HTTP: details, update (JSON, urlencoded, multipart), delete with
// If-Unmodified-Since, managers, projects and the authentication-token reset, with their error bodies.
import { beforeEach, describe, expect, it } from 'vitest'
import { NOW, startTestMock, type ApiResponse } from '../helpers/start-mock.js'

const ADMIN = 'glpat-admin-0000000000000'
const OWNER = 'glpat-owner-0000000000000'
const GROUP_MAINTAINER = 'glpat-groupmaint-00000000'
const MAINTAINER = 'glpat-maintainer-00000000'
const OUTSIDER = 'glpat-outsider-0000000000'

const mock = await startTestMock()

const PRIYA = {
  id: 5,
  username: 'priya',
  public_email: null,
  name: 'Priya Projectmaintainer',
  state: 'active',
  locked: false,
  avatar_url: null,
  web_url: 'https://gitlab.example.com/priya',
}

const PLATFORM_NAMESPACE = {
  id: 3,
  name: 'Platform',
  path: 'platform',
  kind: 'group',
  full_path: 'acme/platform',
  parent_id: 2,
  avatar_url: null,
  web_url: 'https://gitlab.example.com/groups/acme/platform',
}

const API_PROJECT = {
  id: 3,
  description: 'The ACME public API',
  name: 'API',
  name_with_namespace: 'ACME / Platform / API',
  path: 'api',
  path_with_namespace: 'acme/platform/api',
  created_at: '2024-12-04T12:00:00.000Z',
  default_branch: 'main',
  tag_list: ['ruby', 'api'],
  topics: ['ruby', 'api'],
  ssh_url_to_repo: 'git@gitlab.example.com:acme/platform/api.git',
  http_url_to_repo: 'https://gitlab.example.com/acme/platform/api.git',
  web_url: 'https://gitlab.example.com/acme/platform/api',
  readme_url: 'https://gitlab.example.com/acme/platform/api/-/blob/main/README.md',
  forks_count: 0,
  avatar_url: null,
  star_count: 0,
  last_activity_at: '2025-06-02T11:58:00.000Z',
  namespace: PLATFORM_NAMESPACE,
}

const WEB_PROJECT = {
  id: 4,
  description: 'The ACME storefront',
  name: 'Web',
  name_with_namespace: 'ACME / Platform / Web',
  path: 'web',
  path_with_namespace: 'acme/platform/web',
  created_at: '2024-12-04T12:00:00.000Z',
  default_branch: 'main',
  tag_list: [],
  topics: [],
  ssh_url_to_repo: 'git@gitlab.example.com:acme/platform/web.git',
  http_url_to_repo: 'https://gitlab.example.com/acme/platform/web.git',
  web_url: 'https://gitlab.example.com/acme/platform/web',
  readme_url: 'https://gitlab.example.com/acme/platform/web/-/blob/main/README.md',
  forks_count: 0,
  avatar_url: null,
  star_count: 0,
  last_activity_at: '2024-12-04T12:00:00.000Z',
  namespace: PLATFORM_NAMESPACE,
}

/** Runner 22 (api-web-shared) as PUT /runners/22 shows it to someone who may update it: no projects. */
const API_WEB_SHARED_WITHOUT_PROJECTS = {
  id: 22,
  description: 'api-web-shared',
  ip_address: null,
  active: true,
  paused: false,
  is_shared: false,
  runner_type: 'project_type',
  name: null,
  online: true,
  created_by: PRIYA,
  created_at: '2025-02-22T12:00:00.000Z',
  status: 'online',
  job_execution_status: 'active',
  tag_list: ['docker', 'ruby', 'node'],
  run_untagged: true,
  locked: false,
  maximum_timeout: null,
  access_level: 'not_protected',
  version: '17.11.2',
  revision: '1ead4e16',
  platform: 'linux',
  architecture: 'amd64',
  contacted_at: '2025-06-02T11:59:30.000Z',
  maintenance_note: 'Shared by the API and Web teams.',
  groups: [],
}

/** The same as GET /runners/22 shows it, with the projects it serves. */
const API_WEB_SHARED = { ...API_WEB_SHARED_WITHOUT_PROJECTS, projects: [API_PROJECT, WEB_PROJECT] }

async function runner(id: number, token = ADMIN): Promise<Record<string, unknown>> {
  const response = await mock.call('GET', `/runners/${id}`, { token })
  expect(response.status).toBe(200)
  return response.body as Record<string, unknown>
}

describe('getRunner', () => {
  it('shows a project maintainer the whole runner with the projects it serves', async () => {
    const response = await mock.call('GET', '/runners/22', { token: MAINTAINER })
    expect(response.status).toBe(200)
    expect(response.body).toEqual(API_WEB_SHARED)
  })

  it('leaves projects out when include_projects=false', async () => {
    const response = await mock.call('GET', '/runners/22?include_projects=false', { token: MAINTAINER })
    expect(response.body).toEqual(API_WEB_SHARED_WITHOUT_PROJECTS)
  })

  it('shows the group owner the maintenance note and the owning group', async () => {
    const body = await runner(16, OWNER)
    expect([body.maintenance_note, body.groups, body.projects]).toEqual([
      'Owned by the platform team; ask in #ci before changing tags.',
      [{ id: 2, web_url: 'https://gitlab.example.com/groups/acme', name: 'ACME' }],
      [],
    ])
  })

  it('hides the maintenance note from a group maintainer, who may read but not update the runner', async () => {
    expect((await runner(16, GROUP_MAINTAINER)).maintenance_note).toBeNull()
  })

  it('takes version fields from the most recently contacted manager and nulls them without one', async () => {
    const withManagers = await runner(10)
    const withoutManagers = await runner(14)
    expect([withManagers.version, withManagers.revision, withoutManagers.version, withoutManagers.platform]).toEqual([
      '18.2.0', '8f4ee33b', null, null,
    ])
  })

  it('answers 404 Runner Not Found for an unknown id', async () => {
    const response = await mock.call('GET', '/runners/999', { token: ADMIN })
    expect(response.status).toBe(404)
    expect(response.body).toEqual({ message: '404 Runner Not Found' })
  })

  it('answers 400 for an id that is not an integer', async () => {
    const response = await mock.call('GET', '/runners/abc', { token: ADMIN })
    expect(response.status).toBe(400)
    expect(response.body).toEqual({ error: 'id is invalid' })
  })

  it('answers 403 No access granted for a runner the caller cannot read', async () => {
    const response = await mock.call('GET', '/runners/22', { token: OUTSIDER })
    expect(response.status).toBe(403)
    expect(response.body).toEqual({ message: '403 Forbidden - No access granted' })
  })

  it('answers 401 without credentials', async () => {
    const response = await mock.call('GET', '/runners/22')
    expect(response.status).toBe(401)
    expect(response.body).toEqual({ message: '401 Unauthorized' })
  })
})

describe('updateRunner', () => {
  beforeEach(async () => {
    await mock.reset()
    mock.clock.set(NOW)
  })

  it('answers the updated runner without projects and keeps the change for the next GET', async () => {
    const response = await mock.call('PUT', '/runners/22', {
      token: MAINTAINER,
      body: { description: 'api-web-shared-2', tag_list: ['docker', 'go'], maximum_timeout: 1800, access_level: 'ref_protected' },
    })
    const changed = { description: 'api-web-shared-2', tag_list: ['docker', 'go'], maximum_timeout: 1800, access_level: 'ref_protected' }
    expect(response.status).toBe(200)
    expect(response.body).toEqual({ ...API_WEB_SHARED_WITHOUT_PROJECTS, ...changed })
    expect(await runner(22, MAINTAINER)).toEqual({ ...API_WEB_SHARED, ...changed })
  })

  it('pauses a runner from a urlencoded body: paused and active flip together and status says paused', async () => {
    const response = await mock.call('PUT', '/runners/22', { token: MAINTAINER, form: { paused: 'true' } })
    expect(response.status).toBe(200)
    const body = await runner(22)
    expect([body.paused, body.active, body.status, body.online]).toEqual([true, false, 'paused', true])
  })

  it('takes the deprecated active=false as a pause, from a multipart body', async () => {
    const response = await mock.call('PUT', '/runners/22', { token: MAINTAINER, multipart: { active: 'false', locked: 'true' } })
    expect(response.status).toBe(200)
    const body = await runner(22)
    expect([body.paused, body.active, body.locked]).toEqual([true, false, true])
  })

  it('splits, trims, deduplicates and drops blank tags from a tag_list string', async () => {
    await mock.call('PUT', '/runners/22', { token: MAINTAINER, form: { tag_list: ' ruby, docker,,ruby ' } })
    expect((await runner(22)).tag_list).toEqual(['ruby', 'docker'])
  })

  it('takes parameters from the query string of a PUT too', async () => {
    const response = await mock.call('PUT', '/runners/22?description=from-query', { token: MAINTAINER })
    expect(response.status).toBe(200)
    expect((await runner(22)).description).toBe('from-query')
  })

  it('refuses an update that names no field', async () => {
    const response = await mock.call('PUT', '/runners/22', { token: MAINTAINER, body: { unknown: 1 } })
    expect(response.status).toBe(400)
    expect(response.body).toEqual({
      error:
        'description, active, paused, tag_list, run_untagged, locked, access_level, maximum_timeout, maintenance_note are missing, at least one parameter must be provided',
    })
  })

  it.each([
    ['active with paused', { active: true, paused: false }, { error: 'active, paused are mutually exclusive' }],
    ['an unknown access level', { access_level: 'everyone' }, { error: 'access_level does not have a valid value' }],
    ['a maximum_timeout that is not an integer', { maximum_timeout: 'long' }, { error: 'maximum_timeout is invalid' }],
    ['a paused flag that is not a boolean', { paused: 'perhaps' }, { error: 'paused is invalid' }],
    ['a timeout under 10 minutes', { maximum_timeout: 599 }, { message: { maximum_timeout: ['needs to be at least 10 minutes'] } }],
    [
      'no tags on a runner that may not pick untagged jobs',
      { run_untagged: false, tag_list: [] },
      { message: { tags_list: ['can not be empty when runner is not allowed to pick untagged jobs'] } },
    ],
    [
      'more than 50 tags',
      { tag_list: Array.from({ length: 51 }, (_, i) => `t${i}`) },
      { message: { tags_list: ['Too many tags specified. Please limit the number of tags to 50'] } },
    ],
    [
      'a maintenance note over 1024 characters',
      { maintenance_note: 'x'.repeat(1025) },
      { message: { maintenance_note: ['is too long (maximum is 1024 characters)'] } },
    ],
  ])('refuses %s with 400 and leaves the runner as it was', async (_what, body, expected) => {
    const response = await mock.call('PUT', '/runners/22', { token: MAINTAINER, body })
    expect(response.status).toBe(400)
    expect(response.body).toEqual(expected)
    expect(await runner(22, MAINTAINER)).toEqual(API_WEB_SHARED)
  })

  it('accepts a timeout of exactly 10 minutes', async () => {
    const response = await mock.call('PUT', '/runners/22', { token: MAINTAINER, body: { maximum_timeout: 600 } })
    expect(response.status).toBe(200)
    expect((response.body as { maximum_timeout: number }).maximum_timeout).toBe(600)
  })

  it('answers 404 for an unknown runner and 403 for a runner the caller may only read', async () => {
    const missing = await mock.call('PUT', '/runners/999', { token: ADMIN, body: { description: 'x' } })
    const readOnly = await mock.call('PUT', '/runners/16', { token: GROUP_MAINTAINER, body: { description: 'x' } })
    expect([missing.status, missing.body, readOnly.status, readOnly.body]).toEqual([
      404, { message: '404 Runner Not Found' }, 403, { message: '403 Forbidden - No access granted' },
    ])
  })
})

describe('deleteRunner', () => {
  beforeEach(async () => {
    await mock.reset()
    mock.clock.set(NOW)
  })

  it('deletes with 204 and an empty body, after which the runner is 404 and gone from lists', async () => {
    const response = await mock.call('DELETE', '/runners/23', { token: MAINTAINER })
    expect([response.status, response.body]).toEqual([204, undefined])
    const after = await mock.call('GET', '/runners/23', { token: MAINTAINER })
    expect([after.status, after.body]).toEqual([404, { message: '404 Runner Not Found' }])
    const list = await mock.call('GET', '/runners', { token: MAINTAINER })
    expect((list.body as { id: number }[]).map((r) => r.id)).toEqual([22, 24, 25, 27])
  })

  it('refuses a non-admin a runner assigned to more than one project', async () => {
    const response = await mock.call('DELETE', '/runners/22', { token: MAINTAINER })
    expect(response.status).toBe(403)
    expect(response.body).toEqual({ message: '403 Forbidden - Runner associated with more than one project' })
  })

  it('lets an administrator delete a runner assigned to more than one project', async () => {
    const response = await mock.call('DELETE', '/runners/22', { token: ADMIN })
    expect(response.status).toBe(204)
  })

  it('answers 412 when the runner changed after If-Unmodified-Since, and keeps it', async () => {
    mock.clock.advance(60_000)
    await mock.call('PUT', '/runners/23', { token: ADMIN, body: { description: 'touched' } })
    const before = new Date(mock.clock.now() - 30_000).toUTCString()
    const response = await mock.call('DELETE', '/runners/23', { token: ADMIN, headers: { 'If-Unmodified-Since': before } })
    expect(response.status).toBe(412)
    expect(response.body).toEqual({ message: '412 Precondition Failed' })
    expect((await runner(23)).description).toBe('touched')
  })

  it('deletes when the runner is unchanged since If-Unmodified-Since', async () => {
    const now = new Date(mock.clock.now()).toUTCString()
    const response = await mock.call('DELETE', '/runners/23', { token: ADMIN, headers: { 'If-Unmodified-Since': now } })
    expect(response.status).toBe(204)
  })

  it('answers 404 for an unknown runner', async () => {
    const response = await mock.call('DELETE', '/runners/999', { token: ADMIN })
    expect([response.status, response.body]).toEqual([404, { message: '404 Runner Not Found' }])
  })
})

describe('listRunnerManagers', () => {
  it('lists a runner’s managers, unpaginated, with their own status', async () => {
    const response = await mock.call('GET', '/runners/10/managers', { token: OUTSIDER })
    expect(response.status).toBe(200)
    expect(response.headers.get('x-total')).toBeNull()
    expect(response.body).toEqual([
      {
        id: 3,
        system_id: 's_0a1b2c3d4e5f',
        version: '18.2.0',
        revision: '8f4ee33b',
        platform: 'linux',
        architecture: 'amd64',
        created_at: '2025-03-04T12:00:00.000Z',
        contacted_at: '2025-06-02T11:58:00.000Z',
        ip_address: '10.0.1.11',
        status: 'online',
        job_execution_status: 'active',
      },
      {
        id: 4,
        system_id: 's_1f2e3d4c5b6a',
        version: '17.11.2',
        revision: '1ead4e16',
        platform: 'linux',
        architecture: 'amd64',
        created_at: '2025-03-04T12:00:00.000Z',
        contacted_at: '2025-06-02T11:20:00.000Z',
        ip_address: '10.0.1.12',
        status: 'online',
        job_execution_status: 'idle',
      },
    ])
  })

  it('answers [] for a runner without managers', async () => {
    const response = await mock.call('GET', '/runners/14/managers', { token: ADMIN })
    expect([response.status, response.body]).toEqual([200, []])
  })

  it('answers 403 and 404 as runner details do', async () => {
    const forbidden = await mock.call('GET', '/runners/22/managers', { token: OUTSIDER })
    const missing = await mock.call('GET', '/runners/999/managers', { token: ADMIN })
    expect([forbidden.status, forbidden.body, missing.status, missing.body]).toEqual([
      403, { message: '403 Forbidden - No access granted' }, 404, { message: '404 Runner Not Found' },
    ])
  })
})

describe('listRunnerProjects', () => {
  const headers = (response: ApiResponse) =>
    ['x-total', 'x-total-pages', 'x-page', 'x-next-page', 'x-prev-page', 'link'].map((name) => response.headers.get(name))

  it('pages through the projects of a project runner, repeating the path id in links', async () => {
    const base = `${mock.url}/runners/22/projects`
    const first = await mock.call('GET', '/runners/22/projects?per_page=1', { token: MAINTAINER })
    expect(first.body).toEqual([API_PROJECT])
    expect(headers(first)).toEqual([
      '2', '2', '1', '2', '',
      `<${base}?id=22&page=2&per_page=1>; rel="next", <${base}?id=22&page=1&per_page=1>; rel="first", <${base}?id=22&page=2&per_page=1>; rel="last"`,
    ])
    const second = await mock.call('GET', '/runners/22/projects?per_page=1&page=2', { token: MAINTAINER })
    expect(second.body).toEqual([WEB_PROJECT])
  })

  it.each([
    ['an instance runner', 10],
    ['a group runner', 16],
  ])('answers [] for %s', async (_what, id) => {
    const response = await mock.call('GET', `/runners/${id}/projects`, { token: ADMIN })
    expect([response.status, response.body]).toEqual([200, []])
  })

  it('answers 403 with a message key for a runner the caller cannot read', async () => {
    const response = await mock.call('GET', '/runners/22/projects', { token: OUTSIDER })
    expect([response.status, response.body]).toEqual([403, { message: '403 Forbidden - No access granted' }])
  })
})

describe('resetRunnerAuthenticationToken', () => {
  beforeEach(async () => {
    await mock.reset()
    mock.clock.set(NOW)
  })

  it('answers 201 with a new glrt- token; the old token stops working at once and the new one works', async () => {
    const response = await mock.call('POST', '/runners/22/reset_authentication_token', { token: MAINTAINER })
    expect(response.status).toBe(201)
    expect(response.body).toEqual({ token: expect.stringMatching(/^glrt-[A-Za-z0-9_-]{20}$/), token_expires_at: null })
    const old = await mock.call('POST', '/runners/verify', { body: { token: 'glrt-api-web-shared-0000000' } })
    expect([old.status, old.body]).toEqual([403, { message: '403 Forbidden' }])
    const fresh = await mock.call('POST', '/runners/verify', { body: { token: (response.body as { token: string }).token } })
    expect([fresh.status, (fresh.body as { id: number }).id]).toEqual([200, 22])
  })

  it('refuses a group maintainer, who may read the group runner but not reset it', async () => {
    const response = await mock.call('POST', '/runners/16/reset_authentication_token', { token: GROUP_MAINTAINER })
    expect([response.status, response.body]).toEqual([403, { message: '403 Forbidden - No access granted' }])
  })

  it('answers 404 for an unknown runner', async () => {
    const response = await mock.call('POST', '/runners/999/reset_authentication_token', { token: ADMIN })
    expect([response.status, response.body]).toEqual([404, { message: '404 Runner Not Found' }])
  })
})
