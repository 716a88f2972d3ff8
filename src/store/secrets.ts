// The secrets GitLab hands out: runner authentication tokens by how the runner was made, and
// registration tokens (reference §2.6), with the instance's token lifetime.
import { randomBytes } from 'node:crypto'
import type { Millis, RunnerRecord } from './records.js'
import type { World } from './world.js'

/**
 * The prefixes of the runner authentication tokens a release issues, by how the runner was made
 * (reference §2.6, §9): registered with a registration token (none before 17.5, `t1_` until 17.11,
 * `glrtr-` since) or created by a user (`glrt-` since 15.9–15.11, none before). No prefix means the
 * legacy token: 30 lowercase hex characters.
 */
export interface RunnerTokenPrefixes {
  registered: '' | 't1_' | 'glrtr-'
  created: '' | 'glrt-'
}

export const NEWEST_TOKEN_PREFIXES: RunnerTokenPrefixes = { registered: 'glrtr-', created: 'glrt-' }

/** The prefix of a token for a runner made the way `registrationType` says. */
export function runnerTokenPrefix(prefixes: RunnerTokenPrefixes, registrationType: RunnerRecord['registrationType']): string {
  return registrationType === 'registration_token' ? prefixes.registered : prefixes.created
}

/**
 * A runner token of `prefix`'s shape whose secret part is `body`, 20 url-safe (base64url) characters:
 * the prefix and the body, or without a prefix the legacy shape, the same 15 bytes as 30 lowercase hex.
 * Either way the token is as unique as the body.
 */
export function shapedRunnerToken(prefix: string, body: string): string {
  return prefix === '' ? Buffer.from(body, 'base64url').toString('hex') : `${prefix}${body}`
}

/** A fresh token for a runner made the way `registrationType` says, as the release of `prefixes` issues it. */
export function newRunnerToken(registrationType: RunnerRecord['registrationType'], prefixes: RunnerTokenPrefixes = NEWEST_TOKEN_PREFIXES): string {
  return shapedRunnerToken(runnerTokenPrefix(prefixes, registrationType), randomPart())
}

/** 20 url-safe characters. */
function randomPart(): string {
  return randomBytes(15).toString('base64url')
}

export function registrationToken(): string {
  return `GR1348941${randomPart()}`
}

/** When a token issued now expires: null unless the instance sets a runner token lifetime. */
export function runnerTokenExpiry(world: World): Millis | null {
  const interval = world.instance.runnerTokenExpirationInterval
  return interval === null ? null : world.now() + interval * 1000
}
