// The secrets GitLab hands out: runner authentication tokens by how the runner was made, and
// registration tokens (reference §2.6), with the instance's token lifetime.
import { randomBytes } from 'node:crypto'
import type { Millis, RunnerRecord } from './records.js'
import type { World } from './world.js'

/** 20 url-safe characters. */
function randomPart(): string {
  return randomBytes(15).toString('base64url')
}

/** Runners created by a user (`POST /user/runners`). */
export function createdRunnerToken(): string {
  return `glrt-${randomPart()}`
}

export const NEWEST_REGISTERED_PREFIX = 'glrtr-'

/**
 * Runners registered with a registration token: the prefix is the served release's (none before 17.5,
 * `t1_` until 17.11, `glrtr-` since; reference §2.6), passed in by whoever knows the release. Before
 * the prefixes a token was 30 lowercase hex characters (reference §2.6, "legacy tokens").
 */
export function registeredRunnerToken(prefix = NEWEST_REGISTERED_PREFIX): string {
  return prefix === '' ? randomBytes(15).toString('hex') : `${prefix}${randomPart()}`
}

/** A fresh token of the same family as the runner's current one. */
export function nextRunnerToken(runner: RunnerRecord, registeredPrefix: string): string {
  return runner.registrationType === 'registration_token' ? registeredRunnerToken(registeredPrefix) : createdRunnerToken()
}

export function registrationToken(): string {
  return `GR1348941${randomPart()}`
}

/** When a token issued now expires: null unless the instance sets a runner token lifetime. */
export function runnerTokenExpiry(world: World): Millis | null {
  const interval = world.instance.runnerTokenExpirationInterval
  return interval === null ? null : world.now() + interval * 1000
}
