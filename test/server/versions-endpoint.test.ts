// GET /api/v4/version over real HTTP: GitLab's body, the release the mock serves, and GitLab's rule
// that any valid token may read it (scopes api, read_api, read_user; lib/api/version.rb).
import { describe, expect, it } from 'vitest'
import { loadScenario } from '../../src/scenarios/load.js'
import { NOW, send, startTestMock } from '../helpers/start-mock.js'

const OWNER = 'glpat-owner-0000000000000' // olivia, api
const READ_ONLY = 'glpat-readonly-0000000000' // olivia, read_api
const READ_USER = 'glpat-read-user-000000000' // olivia, read_user (added below)
const MANAGE_RUNNER = 'glpat-manage-runner-00000'
const CREATE_RUNNER = 'glpat-create-runner-00000'

const scenario = loadScenario('default', { now: NOW })
const olivia = scenario.accessTokens.find((token) => token.token === OWNER)!.userId
scenario.accessTokens.push({ token: READ_USER, userId: olivia, scopes: ['read_user'], expiresAt: null, revoked: false })

const mock = await startTestMock({ scenario })

const insufficientScope = {
  error: 'insufficient_scope',
  error_description: 'The request requires higher privileges than provided by the access token.',
  scope: 'api read_api read_user',
}

describe('GET /version', () => {
  it('answers the newest release by default, as an Enterprise Edition build without KAS', async () => {
    const response = await mock.call('GET', '/version', { token: OWNER })
    expect([response.status, response.body]).toEqual([
      200,
      {
        version: '18.6.0-ee',
        revision: '0d1d3c7a8b5',
        kas: { enabled: false, externalUrl: null, externalK8sProxyUrl: null, version: null },
        enterprise: true,
      },
    ])
  })

  it.each([
    ['api', OWNER],
    ['read_api', READ_ONLY],
    ['read_user', READ_USER],
  ])('opens to a token with the %s scope', async (_scope, token) => {
    const response = await mock.call('GET', '/version', { token })
    expect(response.status).toBe(200)
  })

  it.each([
    ['manage_runner', MANAGE_RUNNER],
    ['create_runner', CREATE_RUNNER],
  ])('answers 403 insufficient_scope to a token with only %s', async (_scope, token) => {
    const response = await mock.call('GET', '/version', { token })
    expect([response.status, response.body]).toEqual([403, insufficientScope])
  })

  it.each([
    ['no credentials', undefined],
    ['a token that matches nothing', 'glpat-nobody'],
  ])('answers 401 to %s', async (_what, token) => {
    const response = await mock.call('GET', '/version', { token })
    expect([response.status, response.body]).toEqual([401, { message: '401 Unauthorized' }])
  })

  it('does not open the Runners endpoints to a read_user token', async () => {
    const response = await mock.call('GET', '/runners', { token: READ_USER })
    expect([response.status, response.body]).toEqual([403, { ...insufficientScope, scope: 'api read_api' }])
  })

  it('answers a write to /version like any unknown route', async () => {
    // Plain fetch: no contract operation exists for Prism to check this against.
    const response = await send(mock.url, 'POST', '/version', { token: OWNER })
    expect([response.status, response.body]).toEqual([404, { error: '404 Not Found' }])
  })
})
