// GET /runners/:id/jobs over real HTTP: the job entity, status/order_by/sort/system_id, offset and
// keyset pagination (Link with cursor, 405), and jobs limited to projects the caller can see.
import { describe, expect, it } from 'vitest'
import { startTestMock, type ApiResponse } from '../helpers/start-mock.js'

const ADMIN = 'glpat-admin-0000000000000'
const OWNER = 'glpat-owner-0000000000000'
const MAINTAINER = 'glpat-maintainer-00000000'
const DEVELOPER = 'glpat-developer-000000000'

/** Jobs of api-web-shared (runner 22): 26 rspec runs, then jest, deploy-staging, a manual and a running job. */
const API_WEB_SHARED_JOBS = Array.from({ length: 30 }, (_, i) => 10 + i)

const mock = await startTestMock()

function ids(response: ApiResponse): number[] {
  return (response.body as { id: number }[]).map((job) => job.id)
}

function headers(response: ApiResponse) {
  const names = ['x-total', 'x-total-pages', 'x-per-page', 'x-page', 'x-next-page', 'x-prev-page', 'link']
  return Object.fromEntries(names.map((name) => [name, response.headers.get(name)]))
}

const USER2 = {
  id: 2,
  username: 'user2',
  name: 'John Doe2',
  state: 'active',
  locked: false,
  avatar_url: null,
  web_url: 'https://gitlab.example.com/user2',
  created_at: '2024-04-28T12:00:00.000Z',
  bio: '',
  location: '',
  public_email: 'user2@example.org',
  linkedin: '',
  twitter: '',
  discord: '',
  website_url: '',
  organization: '',
  job_title: '',
  pronouns: null,
  bot: false,
  work_information: null,
}

const PROJECT1 = {
  id: 2,
  description: null,
  name: 'project1',
  name_with_namespace: 'John Doe2 / project1',
  path: 'project1',
  path_with_namespace: 'user2/project1',
  created_at: '2024-12-04T12:00:00.000Z',
}

describe('listRunnerJobs: the job entity', () => {
  it('shows the documentation’s running example job, without failure_reason', async () => {
    const response = await mock.call('GET', '/runners/1/jobs', { token: ADMIN })
    expect(response.status).toBe(200)
    expect(response.body).toEqual([
      {
        id: 2,
        status: 'running',
        stage: 'test',
        name: 'test',
        ref: 'main',
        tag: false,
        coverage: null,
        allow_failure: false,
        created_at: '2025-06-02T11:57:00.000Z',
        started_at: '2025-06-02T11:58:00.000Z',
        finished_at: null,
        erased_at: null,
        duration: 120,
        queued_duration: 2,
        user: USER2,
        commit: {
          id: '97de212e80737a608d939f648d959671fb0a0142',
          short_id: '97de212e',
          created_at: '2025-06-02T11:55:55.000Z',
          parent_ids: ['1b12f15a11fc6e62177bef08f47bc7b5ce50b141', '498214de67004b1da3d820901307bed2a68a8ef6'],
          title: 'Update configuration\r',
          message: 'See merge request !123',
          author_name: 'John Doe2',
          author_email: 'user2@example.org',
          authored_date: '2025-06-02T11:55:55.000Z',
          committer_name: 'John Doe2',
          committer_email: 'user2@example.org',
          committed_date: '2025-06-02T11:55:55.000Z',
        },
        pipeline: {
          id: 2,
          iid: 1,
          project_id: 2,
          sha: '97de212e80737a608d939f648d959671fb0a0142',
          ref: 'main',
          status: 'running',
          source: 'push',
          created_at: '2025-06-02T11:56:55.000Z',
          updated_at: '2025-06-02T11:58:00.000Z',
          web_url: 'https://gitlab.example.com/user2/project1/-/pipelines/2',
        },
        web_url: 'https://gitlab.example.com/user2/project1/-/jobs/2',
        project: PROJECT1,
      },
    ])
  })

  it('adds failure_reason to a failed job only, between pipeline and web_url', async () => {
    const response = await mock.call('GET', '/runners/10/jobs?status=failed', { token: ADMIN })
    const [job] = response.body as Record<string, unknown>[]
    expect([ids(response), job?.failure_reason, Object.keys(job ?? {}).slice(-4)]).toEqual([
      [4],
      'script_failure',
      ['pipeline', 'failure_reason', 'web_url', 'project'],
    ])
  })
})

describe('listRunnerJobs: filters and order', () => {
  const jobs = async (query: string, id = 10) => {
    const response = await mock.call('GET', `/runners/${id}/jobs?${query}`, { token: ADMIN })
    expect(response.status).toBe(200)
    return ids(response)
  }

  it.each([
    ['no order_by: ascending id', '', [3, 4, 5, 6]],
    ['order_by=id: descending by default', 'order_by=id', [6, 5, 4, 3]],
    ['order_by=id&sort=asc', 'order_by=id&sort=asc', [3, 4, 5, 6]],
    ['sort=desc without order_by, which is ignored', 'sort=desc', [3, 4, 5, 6]],
  ])('orders jobs for %s', async (_what, query, expected) => {
    expect(await jobs(query)).toEqual(expected)
  })

  it.each([
    ['success', [3]],
    ['failed', [4]],
    ['canceled', [5]],
    ['running', [6]],
    ['pending', []],
  ])('filters status=%s', async (status, expected) => {
    expect(await jobs(`status=${status}`)).toEqual(expected)
  })

  it.each([
    ['status', 'status=done'],
    ['order_by', 'order_by=created_at'],
    ['sort', 'sort=sideways'],
  ])('refuses an unknown %s value', async (name, query) => {
    const response = await mock.call('GET', `/runners/10/jobs?${query}`, { token: ADMIN })
    expect(response.status).toBe(400)
    expect(response.body).toEqual({ error: `${name} does not have a valid value` })
  })

  it('restricts jobs to one runner manager with system_id, leaving out the counts and the last link', async () => {
    const base = `${mock.url}/runners/22/jobs`
    const response = await mock.call('GET', '/runners/22/jobs?system_id=s_ab0b1c2d3e4f', { token: ADMIN })
    expect(ids(response)).toEqual([36])
    expect(headers(response)).toEqual({
      'x-total': null,
      'x-total-pages': null,
      'x-per-page': '20',
      'x-page': '1',
      'x-next-page': '',
      'x-prev-page': '',
      link: `<${base}?id=22&page=1&per_page=20&system_id=s_ab0b1c2d3e4f>; rel="first"`,
    })
  })

  it('answers [] for an unknown system_id', async () => {
    expect(await jobs('system_id=s_unknown', 22)).toEqual([])
  })
})

describe('listRunnerJobs: who sees which jobs', () => {
  it('shows the owner of the group every job of the docs runner', async () => {
    const response = await mock.call('GET', '/runners/26/jobs', { token: OWNER })
    expect(ids(response)).toEqual([40, 41])
  })

  it('hides jobs of projects the caller cannot see (the private monolith) from the docs maintainer', async () => {
    const response = await mock.call('GET', '/runners/26/jobs', { token: DEVELOPER })
    expect(ids(response)).toEqual([40])
    expect(response.headers.get('x-total')).toBe('1')
  })

  it('answers 403 No access granted to a project maintainer asking about an instance runner', async () => {
    const response = await mock.call('GET', '/runners/10/jobs', { token: MAINTAINER })
    expect([response.status, response.body]).toEqual([403, { message: '403 Forbidden - No access granted' }])
  })

  it('answers 404 for an unknown runner', async () => {
    const response = await mock.call('GET', '/runners/999/jobs', { token: ADMIN })
    expect([response.status, response.body]).toEqual([404, { message: '404 Runner Not Found' }])
  })
})

describe('listRunnerJobs: offset pagination', () => {
  it('serves the second page with prev, first and last links carrying the path id', async () => {
    const base = `${mock.url}/runners/22/jobs`
    const response = await mock.call('GET', '/runners/22/jobs?page=2', { token: MAINTAINER })
    expect(ids(response)).toEqual(API_WEB_SHARED_JOBS.slice(20))
    expect(headers(response)).toEqual({
      'x-total': '30',
      'x-total-pages': '2',
      'x-per-page': '20',
      'x-page': '2',
      'x-next-page': '',
      'x-prev-page': '1',
      link:
        `<${base}?id=22&page=1&per_page=20>; rel="prev", <${base}?id=22&page=1&per_page=20>; rel="first", ` +
        `<${base}?id=22&page=2&per_page=20>; rel="last"`,
    })
  })

  it('counts only the jobs matching the status filter', async () => {
    const response = await mock.call('GET', '/runners/22/jobs?status=success&per_page=100', { token: MAINTAINER })
    expect([ids(response), response.headers.get('x-total')]).toEqual([API_WEB_SHARED_JOBS.slice(0, 26), '26'])
  })
})

describe('listRunnerJobs: keyset pagination', () => {
  it('walks every job newest first by following the Link cursor, without offset headers', async () => {
    const seen: number[] = []
    const pages: (string | null)[][] = []
    let path: string | null = '/runners/22/jobs?pagination=keyset&per_page=12'
    while (path !== null) {
      const response: ApiResponse = await mock.call('GET', path, { token: MAINTAINER })
      expect(response.status).toBe(200)
      seen.push(...ids(response))
      pages.push(['x-total', 'x-total-pages', 'x-page', 'x-per-page'].map((name) => response.headers.get(name)))
      const link = response.headers.get('link')
      const next = link === null ? null : /^<([^>]+)>; rel="next"$/.exec(link)
      path = next?.[1] === undefined ? null : next[1].slice(mock.url.length)
    }
    expect(seen).toEqual([...API_WEB_SHARED_JOBS].reverse())
    expect(pages).toEqual(Array.from({ length: 3 }, () => [null, null, null, null]))
  })

  it('links the next page with a cursor and every request parameter but page', async () => {
    const response = await mock.call('GET', '/runners/22/jobs?pagination=keyset&per_page=2&status=success', { token: MAINTAINER })
    expect(ids(response)).toEqual([35, 34])
    expect(response.headers.get('link')).toMatch(
      new RegExp(`^<${mock.url}/runners/22/jobs\\?cursor=[A-Za-z0-9_=-]+&id=22&pagination=keyset&per_page=2&status=success>; rel="next"$`),
    )
  })

  it('sends no Link from the last keyset page', async () => {
    const response = await mock.call('GET', '/runners/10/jobs?pagination=keyset', { token: ADMIN })
    expect([ids(response), response.headers.get('link')]).toEqual([[6, 5, 4, 3], null])
  })

  it('answers 405 for keyset pages in ascending order', async () => {
    const response = await mock.call('GET', '/runners/22/jobs?pagination=keyset&order_by=id&sort=asc', { token: MAINTAINER })
    expect(response.status).toBe(405)
    expect(response.body).toEqual({ error: 'Keyset pagination is not yet available for this type of request' })
  })
})
