// GET /runners, /runners/all, /projects/:id/runners and /groups/:id/runners over real HTTP: who sees
// which runners, every filter, the deprecated scope and its two 400 bodies, and offset pagination.
import { describe, expect, it } from 'vitest'
import { startTestMock, type ApiResponse } from '../helpers/start-mock.js'

const ADMIN = 'glpat-admin-0000000000000'
const OWNER = 'glpat-owner-0000000000000'
const GROUP_MAINTAINER = 'glpat-groupmaint-00000000'
const MAINTAINER = 'glpat-maintainer-00000000'
const DEVELOPER = 'glpat-developer-000000000'
const REPORTER = 'glpat-reporter-0000000000'
const OUTSIDER = 'glpat-outsider-0000000000'
const AUDITOR = 'glpat-auditor-00000000000'

const INSTANCE_RUNNERS = [1, 3, 5, 10, 11, 12, 13, 14, 15]
const ALL_RUNNERS = [1, 3, 5, 6, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20, 21, 22, 23, 24, 25, 26, 27]

const mock = await startTestMock()

function ids(response: ApiResponse): number[] {
  return (response.body as { id: number }[]).map((runner) => runner.id)
}

function pageHeaders(response: ApiResponse) {
  const names = ['x-total', 'x-total-pages', 'x-per-page', 'x-page', 'x-next-page', 'x-prev-page', 'link']
  return Object.fromEntries(names.map((name) => [name, response.headers.get(name)]))
}

describe('listRunners', () => {
  it.each([
    ['a group owner', OWNER, [16, 17, 18, 19, 20, 21, 22, 23, 24, 25, 26, 27]],
    ['a group maintainer (project runners only: group runners need Owner)', GROUP_MAINTAINER, [22, 23, 24, 25, 26, 27]],
    ['a project maintainer', MAINTAINER, [22, 23, 24, 25, 27]],
    ['a developer who maintains one project', DEVELOPER, [26]],
    ['a reporter', REPORTER, []],
    ['an outsider', OUTSIDER, []],
  ])('shows %s the runners they manage and never instance runners', async (_who, token, expected) => {
    const response = await mock.call('GET', '/runners?per_page=100', { token })
    expect(response.status).toBe(200)
    expect(ids(response)).toEqual(expected)
  })

  it('answers a filter matching one runner with the whole runner entity', async () => {
    const response = await mock.call('GET', '/runners?type=project_type&status=never_contacted', { token: MAINTAINER })
    expect(response.status).toBe(200)
    expect(response.body).toEqual([
      {
        id: 25,
        description: 'web-fresh',
        ip_address: null,
        active: true,
        paused: false,
        is_shared: false,
        runner_type: 'project_type',
        name: null,
        online: null,
        created_by: {
          id: 5,
          username: 'priya',
          public_email: null,
          name: 'Priya Projectmaintainer',
          state: 'active',
          locked: false,
          avatar_url: null,
          web_url: 'https://gitlab.example.com/priya',
        },
        created_at: '2025-06-02T11:00:00.000Z',
        status: 'never_contacted',
        job_execution_status: 'idle',
      },
    ])
  })

  it.each([
    ['online', [16, 20, 21]],
    ['offline', [17, 19]],
  ])('honours scope=%s like the status filter', async (scope, expected) => {
    const response = await mock.call('GET', `/runners?scope=${scope}&type=group_type`, { token: OWNER })
    expect(response.status).toBe(200)
    expect(ids(response)).toEqual(expected)
  })

  it.each(['shared', 'specific', 'instance_type', 'project_type'])(
    'refuses scope=%s, which the parameter accepts but the endpoint does not honour, with a free-text message',
    async (scope) => {
      const response = await mock.call('GET', `/runners?scope=${scope}`, { token: OWNER })
      expect(response.status).toBe(400)
      expect(response.body).toEqual({ message: 'Scope contains invalid value' })
    },
  )

  it('refuses a scope outside every list with Grape’s error body', async () => {
    const response = await mock.call('GET', '/runners?scope=everything', { token: OWNER })
    expect(response.status).toBe(400)
    expect(response.body).toEqual({ error: 'scope does not have a valid value' })
  })

  it('joins several invalid parameters into one message in declaration order', async () => {
    const response = await mock.call('GET', '/runners?type=cloud&status=busy', { token: OWNER })
    expect(response.status).toBe(400)
    expect(response.body).toEqual({ error: 'type does not have a valid value, status does not have a valid value' })
  })

  it('answers 401 before looking at parameters when no credentials are sent', async () => {
    const response = await mock.call('GET', '/runners?type=cloud')
    expect(response.status).toBe(401)
    expect(response.body).toEqual({ message: '401 Unauthorized' })
  })
})

describe('listAllRunners', () => {
  const all = async (query: string) => {
    const response = await mock.call('GET', `/runners/all?per_page=100&${query}`, { token: ADMIN })
    expect(response.status).toBe(200)
    return ids(response)
  }

  it('shows an administrator every runner, ids ascending', async () => {
    expect(await all('')).toEqual(ALL_RUNNERS)
  })

  it('shows an auditor every runner', async () => {
    const response = await mock.call('GET', '/runners/all?per_page=100', { token: AUDITOR })
    expect(response.status).toBe(200)
    expect(ids(response)).toEqual(ALL_RUNNERS)
  })

  it.each([
    ['a group owner', OWNER],
    ['a project maintainer', MAINTAINER],
    ['an outsider', OUTSIDER],
  ])('refuses %s with 403', async (_who, token) => {
    const response = await mock.call('GET', '/runners/all', { token })
    expect(response.status).toBe(403)
    expect(response.body).toEqual({ message: '403 Forbidden' })
  })

  it.each([
    ['instance_type', INSTANCE_RUNNERS],
    ['group_type', [8, 16, 17, 18, 19, 20, 21]],
    ['project_type', [6, 9, 22, 23, 24, 25, 26, 27]],
  ])('filters type=%s', async (type, expected) => {
    expect(await all(`type=${type}`)).toEqual(expected)
  })

  it.each([
    // Online means contacted under 2 hours ago, paused or not.
    ['online', [1, 5, 6, 9, 10, 11, 15, 16, 20, 21, 22, 23, 24]],
    // Offline includes stale runners; never-contacted ones are not offline.
    ['offline', [3, 8, 12, 13, 17, 19, 26, 27]],
    ['stale', [13, 19, 27]],
    ['never_contacted', [14, 18, 25]],
    ['paused', [15, 20, 24]],
    ['active', [1, 3, 5, 6, 8, 9, 10, 11, 12, 13, 14, 16, 17, 18, 19, 21, 22, 23, 25, 26, 27]],
  ])('reads status=%s in its database meaning', async (status, expected) => {
    expect(await all(`status=${status}`)).toEqual(expected)
  })

  it('returns runners whose status field differs from the status filter that found them', async () => {
    const response = await mock.call('GET', '/runners/all?status=offline&type=group_type', { token: ADMIN })
    const statuses = (response.body as { id: number; status: string }[]).map((r) => [r.id, r.status])
    expect(statuses).toEqual([
      [8, 'offline'],
      [17, 'offline'],
      [19, 'stale'],
    ])
  })

  it('returns paused runners as online when they were contacted recently', async () => {
    const response = await mock.call('GET', '/runners/all?status=online&paused=true', { token: ADMIN })
    const statuses = (response.body as { id: number; status: string; online: boolean }[]).map((r) => [r.id, r.status, r.online])
    expect(statuses).toEqual([
      [15, 'paused', true],
      [20, 'paused', true],
      [24, 'paused', true],
    ])
  })

  it.each([
    ['true', [15, 20, 24]],
    ['false', [1, 3, 5, 6, 8, 9, 10, 11, 12, 13, 14, 16, 17, 18, 19, 21, 22, 23, 25, 26, 27]],
  ])('filters paused=%s', async (paused, expected) => {
    expect(await all(`paused=${paused}`)).toEqual(expected)
  })

  it.each([
    ['a comma-separated string', 'tag_list=docker,linux'],
    ['a string with spaces after commas', 'tag_list=docker,%20linux'],
    ['tag_list[] array items', 'tag_list[]=docker&tag_list[]=linux'],
    ['array items that hold commas', 'tag_list[]=docker,linux'],
  ])('keeps runners carrying every tag given as %s', async (_how, query) => {
    expect(await all(query)).toEqual([10, 11, 14, 16, 19])
  })

  it('applies no tag filter for an empty tag_list', async () => {
    expect(await all('tag_list=')).toEqual(ALL_RUNNERS)
  })

  it.each([
    ['17', [10, 11, 16, 20, 22, 23, 26]],
    ['17.11', [10, 22]],
    ['16.11.1', [1, 12, 19]],
    ['25', []],
  ])('matches version_prefix=%s against the runner managers’ versions', async (prefix, expected) => {
    expect(await all(`version_prefix=${prefix}`)).toEqual(expected)
  })

  it('refuses a version_prefix that does not start with a digit', async () => {
    const response = await mock.call('GET', '/runners/all?version_prefix=V15', { token: ADMIN })
    expect(response.status).toBe(400)
    expect(response.body).toEqual({ error: 'version_prefix is invalid' })
  })

  it.each([
    ['shared', INSTANCE_RUNNERS],
    ['specific', [6, 8, 9, 16, 17, 18, 19, 20, 21, 22, 23, 24, 25, 26, 27]],
    ['group_type', [8, 16, 17, 18, 19, 20, 21]],
    ['stale', [13, 19, 27]],
  ])('honours every scope value, here scope=%s', async (scope, expected) => {
    expect(await all(`scope=${scope}`)).toEqual(expected)
  })

  it('combines filters with AND', async () => {
    expect(await all('type=instance_type&status=online&tag_list=linux&version_prefix=18')).toEqual([10, 15])
  })

  it('answers the whole runner entity of the paused GPU runner', async () => {
    const response = await mock.call('GET', '/runners/all?tag_list=gpu', { token: ADMIN })
    expect(response.body).toEqual([
      {
        id: 15,
        description: 'shared-gpu',
        ip_address: null,
        active: false,
        paused: true,
        is_shared: true,
        runner_type: 'instance_type',
        name: null,
        online: true,
        created_at: '2025-04-18T12:00:00.000Z',
        status: 'paused',
        job_execution_status: 'idle',
      },
    ])
  })
})

describe('offset pagination of runner lists', () => {
  const base = () => `${mock.url}/runners/all`

  it('cuts the first page at the default 20 and links next, first and last', async () => {
    const response = await mock.call('GET', '/runners/all', { token: ADMIN })
    expect(ids(response)).toEqual(ALL_RUNNERS.slice(0, 20))
    expect(pageHeaders(response)).toEqual({
      'x-total': '24',
      'x-total-pages': '2',
      'x-per-page': '20',
      'x-page': '1',
      'x-next-page': '2',
      'x-prev-page': '',
      link: `<${base()}?page=2&per_page=20>; rel="next", <${base()}?page=1&per_page=20>; rel="first", <${base()}?page=2&per_page=20>; rel="last"`,
    })
  })

  it('links prev, first and last from the last page, repeating the filters in alphabetical order', async () => {
    const response = await mock.call('GET', '/runners/all?type=project_type&per_page=5&page=2', { token: ADMIN })
    expect(ids(response)).toEqual([25, 26, 27])
    expect(pageHeaders(response)).toEqual({
      'x-total': '8',
      'x-total-pages': '2',
      'x-per-page': '5',
      'x-page': '2',
      'x-next-page': '',
      'x-prev-page': '1',
      link:
        `<${base()}?page=1&per_page=5&type=project_type>; rel="prev", ` +
        `<${base()}?page=1&per_page=5&type=project_type>; rel="first", ` +
        `<${base()}?page=2&per_page=5&type=project_type>; rel="last"`,
    })
  })

  it('answers a page past the end with an empty list, no prev or next, and the totals', async () => {
    const response = await mock.call('GET', '/runners/all?page=9', { token: ADMIN })
    expect(response.status).toBe(200)
    expect(response.body).toEqual([])
    expect(pageHeaders(response)).toEqual({
      'x-total': '24',
      'x-total-pages': '2',
      'x-per-page': '20',
      'x-page': '9',
      'x-next-page': '',
      'x-prev-page': '',
      link: `<${base()}?page=1&per_page=20>; rel="first", <${base()}?page=2&per_page=20>; rel="last"`,
    })
  })

  it('caps per_page above 100 at 100 and says so in the headers', async () => {
    const response = await mock.call('GET', '/runners/all?per_page=500', { token: ADMIN })
    expect(ids(response)).toEqual(ALL_RUNNERS)
    expect(response.headers.get('x-per-page')).toBe('100')
    expect(response.headers.get('link')).toBe(
      `<${base()}?page=1&per_page=100>; rel="first", <${base()}?page=1&per_page=100>; rel="last"`,
    )
  })

  it('reports one page for an empty list', async () => {
    const response = await mock.call('GET', '/runners', { token: OUTSIDER })
    expect(response.body).toEqual([])
    expect(response.headers.get('x-total')).toBe('0')
    expect(response.headers.get('x-total-pages')).toBe('1')
  })

  it('refuses per_page=0 with Grape’s forbidden-value message', async () => {
    const response = await mock.call('GET', '/runners/all?per_page=0', { token: ADMIN })
    expect(response.status).toBe(400)
    expect(response.body).toEqual({ error: 'per_page has a value not allowed' })
  })

  it('refuses a page that is not an integer', async () => {
    const response = await mock.call('GET', '/runners/all?page=two', { token: ADMIN })
    expect(response.status).toBe(400)
    expect(response.body).toEqual({ error: 'page is invalid' })
  })
})

describe('listProjectRunners', () => {
  it.each([
    ['the API project: its own, its groups’ and instance runners', '3', [...INSTANCE_RUNNERS, 16, 17, 18, 19, 20, 22, 23, 24]],
    ['the Web project, which turned group runners off', '4', [...INSTANCE_RUNNERS, 22, 25]],
    ['the Docs project, which turned instance runners off', '5', [16, 17, 26]],
    ['a project named by its URL-encoded full path', 'acme%2Fplatform%2Fapi', [...INSTANCE_RUNNERS, 16, 17, 18, 19, 20, 22, 23, 24]],
  ])('lists the runners available to %s', async (_what, project, expected) => {
    const response = await mock.call('GET', `/projects/${project}/runners?per_page=100`, { token: ADMIN })
    expect(response.status).toBe(200)
    expect(ids(response)).toEqual(expected)
  })

  it('lets a project maintainer list them', async () => {
    const response = await mock.call('GET', '/projects/3/runners?type=project_type', { token: MAINTAINER })
    expect(response.status).toBe(200)
    expect(ids(response)).toEqual([22, 23, 24])
  })

  it('honours scope=specific on a project', async () => {
    const response = await mock.call('GET', '/projects/3/runners?scope=specific', { token: MAINTAINER })
    expect(ids(response)).toEqual([16, 17, 18, 19, 20, 22, 23, 24])
  })

  it.each([
    ['a developer', DEVELOPER, '3'],
    ['a reporter', REPORTER, '3'],
    ['an outsider on a public project', OUTSIDER, '5'],
  ])('refuses %s with 403', async (_who, token, project) => {
    const response = await mock.call('GET', `/projects/${project}/runners`, { token })
    expect(response.status).toBe(403)
    expect(response.body).toEqual({ message: '403 Forbidden' })
  })

  it.each([
    ['a private project the caller cannot see', '3', OUTSIDER],
    ['a project that does not exist', '999', ADMIN],
  ])('answers 404 for %s', async (_what, project, token) => {
    const response = await mock.call('GET', `/projects/${project}/runners`, { token })
    expect(response.status).toBe(404)
    expect(response.body).toEqual({ message: '404 Project Not Found' })
  })
})

describe('listGroupRunners', () => {
  it.each([
    ['acme to its owner: its own and instance runners', OWNER, '2', [...INSTANCE_RUNNERS, 16, 17]],
    ['acme to its maintainer', GROUP_MAINTAINER, '2', [...INSTANCE_RUNNERS, 16, 17]],
    ['a subgroup: its own, its parent’s and instance runners', OWNER, '3', [...INSTANCE_RUNNERS, 16, 17, 18, 19, 20]],
    ['a group named by its full path', OWNER, 'acme%2Fplatform', [...INSTANCE_RUNNERS, 16, 17, 18, 19, 20]],
  ])('lists the runners of %s', async (_what, token, group, expected) => {
    const response = await mock.call('GET', `/groups/${group}/runners?per_page=100`, { token })
    expect(response.status).toBe(200)
    expect(ids(response)).toEqual(expected)
  })

  it('gives an empty list for type=project_type', async () => {
    const response = await mock.call('GET', '/groups/2/runners?type=project_type', { token: OWNER })
    expect(response.status).toBe(200)
    expect(response.body).toEqual([])
  })

  it('ignores scope, which the group list does not declare', async () => {
    const response = await mock.call('GET', '/groups/2/runners?scope=shared&type=group_type', { token: OWNER })
    expect(response.status).toBe(200)
    expect(ids(response)).toEqual([16, 17])
  })

  it.each([
    ['a project maintainer', MAINTAINER],
    ['an outsider on a public group', OUTSIDER],
  ])('refuses %s with 403', async (_who, token) => {
    const response = await mock.call('GET', '/groups/2/runners', { token })
    expect(response.status).toBe(403)
    expect(response.body).toEqual({ message: '403 Forbidden' })
  })

  it.each([
    ['a private group the caller cannot see', '4', OUTSIDER],
    ['a group that does not exist', '999', ADMIN],
  ])('answers 404 for %s', async (_what, group, token) => {
    const response = await mock.call('GET', `/groups/${group}/runners`, { token })
    expect(response.status).toBe(404)
    expect(response.body).toEqual({ message: '404 Group Not Found' })
  })
})
