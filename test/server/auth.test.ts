// Credentials and token scopes over real HTTP (reference §1.3): where GitLab looks for a token, the
// 401 bodies for missing, unknown, expired and revoked tokens, and what each scope opens.
import { describe, expect, it } from 'vitest'
import { send, startTestMock } from '../helpers/start-mock.js'

const OWNER = 'glpat-owner-0000000000000'
const READ_ONLY = 'glpat-readonly-0000000000' // olivia, read_api
const MANAGE_RUNNER = 'glpat-manage-runner-00000' // olivia, manage_runner
const CREATE_RUNNER = 'glpat-create-runner-00000' // priya, create_runner

const UNAUTHORIZED = { message: '401 Unauthorized' }
const DESCRIPTION = 'The request requires higher privileges than provided by the access token.'

const mock = await startTestMock()

describe('credentials', () => {
  it.each([
    ['the PRIVATE-TOKEN header', '/runners/16', { headers: { 'PRIVATE-TOKEN': OWNER } }],
    ['the private_token query parameter', `/runners/16?private_token=${OWNER}`, {}],
    ['an Authorization: Bearer header', '/runners/16', { headers: { Authorization: `Bearer ${OWNER}` } }],
  ])('accepts a token in %s', async (_where, path, options) => {
    const response = await mock.call('GET', path, options)
    expect([response.status, (response.body as { id: number }).id]).toEqual([200, 16])
  })

  // GitLab's find_personal_access_token: `params[:private_token].presence || env['HTTP_PRIVATE_TOKEN'].presence
  // || parsed_oauth_token` (lib/gitlab/auth/auth_finders.rb, the same order from 10.x to now).
  it('takes the private_token query parameter over the PRIVATE-TOKEN header, and either over a Bearer token', async () => {
    const statuses = await Promise.all([
      mock.call('GET', '/runners/16?private_token=glpat-nobody', { headers: { 'PRIVATE-TOKEN': OWNER } }),
      mock.call('GET', `/runners/16?private_token=${OWNER}`, { headers: { 'PRIVATE-TOKEN': 'glpat-nobody' } }),
      mock.call('GET', '/runners/16', { headers: { 'PRIVATE-TOKEN': 'glpat-nobody', Authorization: `Bearer ${OWNER}` } }),
      mock.call('GET', '/runners/16?private_token=', { headers: { 'PRIVATE-TOKEN': OWNER } }),
    ].map(async (response) => (await response).status))
    expect(statuses).toEqual([401, 200, 401, 200])
  })

  // Rails' params hold the body's parameters too (form or JSON), merged under the query's.
  it('takes a private_token sent in a JSON or form body, and the query\'s over it', async () => {
    const update = (path: string, body: Record<string, unknown>, headers: Record<string, string> = {}) =>
      mock.call('PUT', path, { headers, body: { description: 'by body token', ...body } }).then((response) => response.status)
    const form = await send(mock.url, 'PUT', '/runners/16', { form: { private_token: OWNER, description: 'by form token' } })
    expect([
      await update('/runners/16', { private_token: OWNER }),
      form.status,
      await update('/runners/16?private_token=glpat-nobody', { private_token: OWNER }),
      await update('/runners/16', { private_token: 'glpat-nobody' }, { 'PRIVATE-TOKEN': OWNER }),
    ]).toEqual([200, 200, 401, 401])
  })

  it('repeats a private_token sent in the query in the Link URLs, as GitLab does', async () => {
    const response = await mock.call('GET', `/runners?private_token=${OWNER}&per_page=10`, {})
    const base = `${mock.url}/runners`
    expect(response.headers.get('link')).toBe(
      `<${base}?page=2&per_page=10&private_token=${OWNER}>; rel="next", ` +
        `<${base}?page=1&per_page=10&private_token=${OWNER}>; rel="first", ` +
        `<${base}?page=2&per_page=10&private_token=${OWNER}>; rel="last"`,
    )
  })

  it.each([
    ['no credentials', {}, UNAUTHORIZED],
    ['a token that matches nothing', { token: 'glpat-nobody' }, UNAUTHORIZED],
    ['a malformed Authorization header', { headers: { Authorization: 'Basic abc' } }, UNAUTHORIZED],
    [
      'an expired token',
      { token: 'glpat-expired-00000000000' },
      { error: 'invalid_token', error_description: 'Token is expired. You can either do re-authorization or token refresh.' },
    ],
    [
      'a revoked token',
      { token: 'glpat-revoked-00000000000' },
      { error: 'invalid_token', error_description: 'Token was revoked. You have to re-authorize from the user.' },
    ],
  ])('answers 401 for %s', async (_what, options, expected) => {
    const response = await mock.call('GET', '/runners', options)
    expect([response.status, response.body]).toEqual([401, expected])
  })

  it.each([
    ['GET', '/runners/all'],
    ['GET', '/runners/16/jobs'],
    ['PUT', '/runners/16'],
    ['DELETE', '/runners/16'],
    ['POST', '/runners/16/reset_authentication_token'],
    ['GET', '/projects/3/runners'],
    ['POST', '/projects/3/runners'],
    ['DELETE', '/projects/4/runners/22'],
    ['GET', '/groups/2/runners'],
    ['POST', '/user/runners'],
    ['POST', '/runners/reset_registration_token'],
    ['POST', '/projects/3/runners/reset_registration_token'],
    ['POST', '/groups/2/runners/reset_registration_token'],
  ])('answers %s %s without credentials with 401', async (method, path) => {
    const response = await mock.call(method, path)
    expect([response.status, response.body]).toEqual([401, UNAUTHORIZED])
  })
})

describe('token scopes', () => {
  const insufficient = (scope: string) => ({ error: 'insufficient_scope', error_description: DESCRIPTION, scope })

  it.each([
    // read_api opens every GET and nothing else.
    [READ_ONLY, 'GET', '/runners', 200, undefined],
    [READ_ONLY, 'GET', '/runners/16', 200, undefined],
    [READ_ONLY, 'GET', '/runners/16/jobs', 200, undefined],
    [READ_ONLY, 'GET', '/groups/2/runners', 200, undefined],
    [READ_ONLY, 'PUT', '/runners/16', 403, insufficient('api manage_runner')],
    [READ_ONLY, 'DELETE', '/runners/16', 403, insufficient('api manage_runner')],
    [READ_ONLY, 'POST', '/runners/16/reset_authentication_token', 403, insufficient('api manage_runner')],
    // manage_runner opens /runners/:id… and nothing else; project assign/unassign answer 401.
    [MANAGE_RUNNER, 'GET', '/runners/16', 200, undefined],
    [MANAGE_RUNNER, 'GET', '/runners/16/managers', 200, undefined],
    [MANAGE_RUNNER, 'GET', '/runners/16/projects', 200, undefined],
    [MANAGE_RUNNER, 'GET', '/runners/16/jobs', 200, undefined],
    [MANAGE_RUNNER, 'GET', '/runners', 403, insufficient('api read_api')],
    [MANAGE_RUNNER, 'GET', '/projects/3/runners', 403, insufficient('api read_api')],
    [MANAGE_RUNNER, 'GET', '/groups/2/runners', 403, insufficient('api read_api')],
    [MANAGE_RUNNER, 'POST', '/projects/3/runners', 401, UNAUTHORIZED],
    // create_runner opens POST /user/runners only.
    [CREATE_RUNNER, 'GET', '/runners', 403, insufficient('api read_api')],
    [CREATE_RUNNER, 'GET', '/runners/22', 403, insufficient('api read_api manage_runner')],
    [CREATE_RUNNER, 'DELETE', '/projects/4/runners/22', 401, UNAUTHORIZED],
  ])('a %s token: %s %s → %i', async (token, method, path, status, expected) => {
    const response = await mock.call(method, path, { token })
    expect(response.status).toBe(status)
    if (expected !== undefined) expect(response.body).toEqual(expected)
  })

  it('lets a manage_runner token update and then reset its runner', async () => {
    const updated = await mock.call('PUT', '/runners/16', { token: MANAGE_RUNNER, body: { description: 'by manage_runner' } })
    const reset = await mock.call('POST', '/runners/16/reset_authentication_token', { token: MANAGE_RUNNER })
    expect([updated.status, (updated.body as { description: string }).description, reset.status]).toEqual([200, 'by manage_runner', 201])
  })
})

describe('routes and bodies', () => {
  it.each([
    ['an unknown path', 'GET', '/runnerz'],
    ['a known path with the wrong method', 'PATCH', '/runners/16'],
    ['POST on a list', 'POST', '/runners/all'],
  ])('answers %s with 404 {"error":"404 Not Found"}', async (_what, method, path) => {
    // Plain fetch: no contract operation exists for Prism to check these against.
    const response = await send(mock.url, method, path, { token: OWNER })
    expect([response.status, response.body]).toEqual([404, { error: '404 Not Found' }])
  })

  it('answers malformed JSON with 400, not 500', async () => {
    const response = await mock.call('PUT', '/runners/16', {
      token: OWNER,
      headers: { 'Content-Type': 'application/json' },
      form: { '{"description": ': '' },
    })
    expect(response.status).toBe(400)
    expect(response.body).toMatchInlineSnapshot(`
      {
        "error": "message body does not match declared format",
      }
    `)
  })
})
