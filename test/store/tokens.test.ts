import { describe, expect, it } from 'vitest'
import { loadContract, tokenScopesOf } from '../../src/contract/index.js'
import { ForbiddenError, InsufficientScopeError, ParamError, UnauthorizedError } from '../../src/store/errors.js'
import type { TokenScope } from '../../src/store/records.js'
import { authenticateRunner, authenticateUser, requireScope } from '../../src/store/tokens.js'
import { accessToken, buildWorld, caught, DAY, NOW, USERS, RUNNER_INSTANCE, tokenOf } from './world-builder.js'

describe('authenticateUser', () => {
  const { world } = buildWorld((data) => {
    data.accessTokens.push(
      accessToken('glpat-expired', USERS.developer, ['api'], { expiresAt: NOW }),
      accessToken('glpat-revoked', USERS.developer, ['api'], { revoked: true }),
      accessToken('glpat-expired-and-revoked', USERS.developer, ['api'], { expiresAt: NOW - DAY, revoked: true }),
      accessToken('glpat-tomorrow', USERS.developer, ['read_api'], { expiresAt: NOW + DAY }),
      accessToken('glpat-blocked', USERS.outsider, ['api']),
    )
    const outsider = data.users.find((user) => user.id === USERS.outsider)
    if (outsider) outsider.state = 'blocked'
  })

  it('knows the user and scopes behind a personal access token', () => {
    const actor = authenticateUser(world, 'glpat-tomorrow')
    expect([actor.user.username, actor.scopes]).toEqual(['dev', ['read_api']])
  })

  it.each([
    ['no token', undefined, 'missing'],
    ['an empty token', '', 'missing'],
    ['a token nobody holds', 'glpat-nobody', 'unknown'],
    ['a token expiring this very moment', 'glpat-expired', 'expired'],
    ['a revoked token', 'glpat-revoked', 'revoked'],
    ['a token both expired and revoked (expiry is checked first)', 'glpat-expired-and-revoked', 'expired'],
    ['the token of a blocked user', 'glpat-blocked', 'unknown'],
  ] as const)('answers %s with 401 (%s)', (_name, token, reason) => {
    expect(caught(() => authenticateUser(world, token))).toStrictEqual(new UnauthorizedError(reason))
  })
})

const OPERATIONS = [
  'listRunners', 'listAllRunners', 'getRunner', 'updateRunner', 'deleteRunner', 'listRunnerJobs', 'listRunnerManagers',
  'listRunnerProjects', 'resetRunnerAuthenticationToken', 'listProjectRunners', 'assignProjectRunner',
  'unassignProjectRunner', 'listGroupRunners', 'resetInstanceRegistrationToken', 'resetProjectRegistrationToken',
  'resetGroupRegistrationToken', 'createUserRunner',
] as const

// The scopes per operation are the contract's (x-gitlab-token-scopes); the store applies them.
const contract = loadContract()

function outcome(scopes: TokenScope[], operationId: string): string {
  const { world } = buildWorld()
  try {
    requireScope({ user: authenticateUser(world, tokenOf('admin')).user, scopes }, tokenScopesOf(contract.getOperation(operationId)))
    return 'ok'
  } catch (error) {
    if (error instanceof UnauthorizedError) return '401'
    if (error instanceof InsufficientScopeError) return `403 needs ${error.requiredScopes.join(',')}`
    throw error
  }
}

describe('requireScope', () => {
  it('lets an api token do everything', () => {
    expect(OPERATIONS.map((op) => outcome(['api'], op))).toEqual(OPERATIONS.map(() => 'ok'))
  })

  it('lets read_api read, and answers every write with 403 insufficient_scope', () => {
    expect(Object.fromEntries(OPERATIONS.map((op) => [op, outcome(['read_api'], op)]))).toEqual({
      listRunners: 'ok',
      listAllRunners: 'ok',
      getRunner: 'ok',
      updateRunner: '403 needs api,manage_runner',
      deleteRunner: '403 needs api,manage_runner',
      listRunnerJobs: 'ok',
      listRunnerManagers: 'ok',
      listRunnerProjects: 'ok',
      resetRunnerAuthenticationToken: '403 needs api,manage_runner',
      listProjectRunners: 'ok',
      assignProjectRunner: '403 needs api',
      unassignProjectRunner: '403 needs api',
      listGroupRunners: 'ok',
      resetInstanceRegistrationToken: '403 needs api',
      resetProjectRegistrationToken: '403 needs api',
      resetGroupRegistrationToken: '403 needs api',
      createUserRunner: '403 needs api,create_runner',
    })
  })

  it('lets manage_runner use only /runners/:id operations, with 401 on project assignment', () => {
    expect(Object.fromEntries(OPERATIONS.map((op) => [op, outcome(['manage_runner'], op)]))).toEqual({
      listRunners: '403 needs api,read_api',
      listAllRunners: '403 needs api,read_api',
      getRunner: 'ok',
      updateRunner: 'ok',
      deleteRunner: 'ok',
      listRunnerJobs: 'ok',
      listRunnerManagers: 'ok',
      listRunnerProjects: 'ok',
      resetRunnerAuthenticationToken: 'ok',
      listProjectRunners: '403 needs api,read_api',
      assignProjectRunner: '401',
      unassignProjectRunner: '401',
      listGroupRunners: '403 needs api,read_api',
      resetInstanceRegistrationToken: '403 needs api',
      resetProjectRegistrationToken: '403 needs api',
      resetGroupRegistrationToken: '403 needs api',
      createUserRunner: '403 needs api,create_runner',
    })
  })

  it('lets create_runner create user runners only, with 401 on project assignment', () => {
    expect(Object.fromEntries(OPERATIONS.map((op) => [op, outcome(['create_runner'], op)]))).toEqual({
      listRunners: '403 needs api,read_api',
      listAllRunners: '403 needs api,read_api',
      getRunner: '403 needs api,read_api,manage_runner',
      updateRunner: '403 needs api,manage_runner',
      deleteRunner: '403 needs api,manage_runner',
      listRunnerJobs: '403 needs api,read_api,manage_runner',
      listRunnerManagers: '403 needs api,read_api,manage_runner',
      listRunnerProjects: '403 needs api,read_api,manage_runner',
      resetRunnerAuthenticationToken: '403 needs api,manage_runner',
      listProjectRunners: '403 needs api,read_api',
      assignProjectRunner: '401',
      unassignProjectRunner: '401',
      listGroupRunners: '403 needs api,read_api',
      resetInstanceRegistrationToken: '403 needs api',
      resetProjectRegistrationToken: '403 needs api',
      resetGroupRegistrationToken: '403 needs api',
      createUserRunner: 'ok',
    })
  })
})

describe('authenticateRunner', () => {
  const { world } = buildWorld((data) => {
    const runner = data.runners[1]
    if (runner) runner.tokenExpiresAt = NOW
  })

  it('finds the runner behind its authentication token', () => {
    expect(authenticateRunner(world, 'glrt-runner1').id).toBe(RUNNER_INSTANCE)
  })

  it.each([
    ['an unknown token', 'glrt-unknown'],
    ['a token that expired this very moment', 'glrt-runner2'],
    ['an empty token', ''],
  ])('answers %s with a bare 403', (_name, token) => {
    expect(caught(() => authenticateRunner(world, token))).toStrictEqual(new ForbiddenError())
  })

  it('answers a missing token with a parameter error', () => {
    expect(caught(() => authenticateRunner(world, undefined))).toStrictEqual(new ParamError('token is missing'))
  })
})

describe('the contract’s token scopes', () => {
  it('are named by every operation that takes user credentials, api first', () => {
    const unnamed = [...contract.operations.values()]
      .filter((operation) => operation.security.length > 0)
      .filter((operation) => tokenScopesOf(operation).opening[0] !== 'api' || operation.gitlab['x-gitlab-token-scopes'] === undefined)
      .map((operation) => operation.operationId)
    expect(unnamed).toEqual([])
  })
})
