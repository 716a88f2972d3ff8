// Who is calling: user access tokens with their scopes (reference §1.3) and runner authentication
// tokens (§1.4). Reading credentials off a request is the server's job; judging them is ours.
import { ForbiddenError, InsufficientScopeError, ParamError, UnauthorizedError } from './errors.js'
import type { RunnerRecord, TokenScope, UserRecord } from './records.js'
import type { World } from './world.js'

export interface Actor {
  user: UserRecord
  scopes: TokenScope[]
}

export function authenticateUser(world: World, token: string | undefined): Actor {
  if (token === undefined || token === '') throw new UnauthorizedError('missing')
  const record = world.accessTokens.get(token)
  const user = record && world.users.get(record.userId)
  // A blocked user's token opens nothing, and GitLab says no more than for a token it does not know.
  if (!record || !user || user.state !== 'active') throw new UnauthorizedError('unknown')
  // GitLab checks expiry before revocation.
  if (record.expiresAt !== null && record.expiresAt <= world.now()) throw new UnauthorizedError('expired')
  if (record.revoked) throw new UnauthorizedError('revoked')
  return { user, scopes: [...record.scopes] }
}

const READ_OPERATIONS = new Set([
  'listRunners', 'listAllRunners', 'getRunner', 'listRunnerJobs', 'listRunnerManagers', 'listRunnerProjects',
  'listProjectRunners', 'listGroupRunners',
])

/** The `/runners/{id}…` operations, the only ones a manage_runner token opens. */
const RUNNER_ID_OPERATIONS = new Set([
  'getRunner', 'updateRunner', 'deleteRunner', 'listRunnerJobs', 'listRunnerManagers', 'listRunnerProjects',
  'resetRunnerAuthenticationToken',
])

/** The scopes that open an operation, `api` first. */
export function scopesFor(operationId: string): TokenScope[] {
  const scopes: TokenScope[] = ['api']
  if (READ_OPERATIONS.has(operationId)) scopes.push('read_api')
  if (RUNNER_ID_OPERATIONS.has(operationId)) scopes.push('manage_runner')
  if (operationId === 'createUserRunner') scopes.push('create_runner')
  // GET /version opens to any token that can read the user (lib/api/version.rb).
  if (operationId === 'getVersion') scopes.push('read_api', 'read_user')
  return scopes
}

/** Throws unless one of the actor's scopes opens the operation. */
export function requireScope(actor: Actor, operationId: string): void {
  const allowed = scopesFor(operationId)
  if (actor.scopes.some((scope) => allowed.includes(scope))) return
  // Project assignment routes reject runner-only tokens at authentication, not at the scope check
  // (reference §1.3: 401 for create_runner/manage_runner tokens); read_api still meets the write rule.
  const projectAssignment = operationId === 'assignProjectRunner' || operationId === 'unassignProjectRunner'
  if (projectAssignment && !actor.scopes.includes('read_api')) throw new UnauthorizedError('unknown')
  throw new InsufficientScopeError(allowed)
}

/** The runner a runner-facing request speaks for; unknown and expired tokens are both 403. */
export function authenticateRunner(world: World, token: string | undefined): RunnerRecord {
  if (token === undefined) throw new ParamError('token is missing')
  const runner = world.runnerByToken(token)
  if (!runner) throw new ForbiddenError()
  if (runner.tokenExpiresAt !== null && runner.tokenExpiresAt <= world.now()) throw new ForbiddenError()
  return runner
}
