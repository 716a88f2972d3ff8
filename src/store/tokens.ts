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

/**
 * The scopes that open an operation (the contract's `x-gitlab-token-scopes`), and those without one
 * of which the token is refused at authentication instead (`x-gitlab-token-authenticates`).
 */
export interface ScopeRule {
  opening: readonly string[]
  authenticating?: readonly string[] | undefined
}

/** Throws unless one of the actor's scopes opens the operation. */
export function requireScope(actor: Actor, rule: ScopeRule): void {
  if (actor.scopes.some((scope) => rule.opening.includes(scope))) return
  // Project assignment routes reject runner-only tokens at authentication, not at the scope check
  // (reference §1.3: 401 for create_runner/manage_runner tokens); read_api still meets the write rule.
  const { authenticating } = rule
  if (authenticating && !actor.scopes.some((scope) => authenticating.includes(scope))) throw new UnauthorizedError('unknown')
  throw new InsufficientScopeError([...rule.opening])
}

/** The runner a runner-facing request speaks for; unknown and expired tokens are both 403. */
export function authenticateRunner(world: World, token: string | undefined): RunnerRecord {
  if (token === undefined) throw new ParamError('token is missing')
  const runner = world.runnerByToken(token)
  if (!runner) throw new ForbiddenError()
  if (runner.tokenExpiresAt !== null && runner.tokenExpiresAt <= world.now()) throw new ForbiddenError()
  return runner
}
