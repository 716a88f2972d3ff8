// The shape of an operation handler: validated parameters in, a reply out. Handlers never touch
// Express's `res`; app.ts sends what they return after the self-check.
import type { IncomingHttpHeaders } from 'node:http'
import type { MergedParams } from '../contract/operation-params.js'
import type { operations } from '../generated/gitlab-runners.js'
import type { Actor } from '../store/tokens.js'
import type { World } from '../store/world.js'
import type { LinkContext } from './pagination-headers.js'
import type { Reply } from './respond.js'
import type { ServedRelease } from './served-release.js'

export type OperationId = keyof operations

/** Path, query and body parameters of an operation merged, as GitLab merges them (reference §1.1). */
export type Params<Op extends OperationId> = MergedParams<operations[Op]>

export interface HandlerInput<Op extends OperationId> {
  params: Params<Op>
  headers: IncomingHttpHeaders
}

export interface HandlerContext {
  world: World
  /** The signed-in caller; only absent on runner-token endpoints. */
  actor: Actor | undefined
  link: LinkContext
  /** The GitLab release the mock answers as: handlers ask it, never a version string. */
  release: ServedRelease
}

export type Handler<Op extends OperationId> = (input: HandlerInput<Op>, context: HandlerContext) => Reply

/** The caller of an endpoint that requires user credentials (app.ts authenticated it already). */
export function signedIn(context: HandlerContext): Actor {
  if (!context.actor) throw new Error('handler for a user endpoint ran without an authenticated actor')
  return context.actor
}

/** If-Unmodified-Since as epoch milliseconds; an unparsable date is ignored, as Rails ignores it. */
export function ifUnmodifiedSince(headers: IncomingHttpHeaders): number | undefined {
  const value = headers['if-unmodified-since']
  if (typeof value !== 'string') return undefined
  const millis = Date.parse(value)
  return Number.isNaN(millis) ? undefined : millis
}
