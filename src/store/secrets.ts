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

/** Runners registered with a registration token (newest GitLab's prefix). */
export function registeredRunnerToken(): string {
  return `glrtr-${randomPart()}`
}

/** A fresh token of the same family as the runner's current one. */
export function nextRunnerToken(runner: RunnerRecord): string {
  return runner.registrationType === 'registration_token' ? registeredRunnerToken() : createdRunnerToken()
}

export function registrationToken(): string {
  return `GR1348941${randomPart()}`
}

/** When a token issued now expires: null unless the instance sets a runner token lifetime. */
export function runnerTokenExpiry(world: World): Millis | null {
  const interval = world.instance.runnerTokenExpirationInterval
  return interval === null ? null : world.now() + interval * 1000
}
