// What the server asks of whatever runs it: the hooks the control plane implements. The server
// imports nothing of the control plane; index.ts wires the two together once.
import type { IncomingMessage, ServerResponse } from 'node:http'
import type { RequestHandler } from 'express'
import type { World } from '../store/world.js'
import type { ErrorReply } from './errors.js'
import type { Reply } from './respond.js'

/** What the pipeline learns about a request while serving it, for whoever journals it. */
export interface ExchangeNotes {
  operationId?: string
  body?: unknown
  /** The reply as sent: headers and JSON body (`text`, when sent, is that body as JSON; `bytes` its UTF-8). */
  response?: { headers: Record<string, string>; body?: unknown; text?: string; bytes?: Buffer } | undefined
  fault?: string
  findings?: string[]
  /** Who the request's token belongs to, once authenticated. */
  username?: string
}

/** A refusal as it went on the wire, sent before the request entered a scope. */
export interface SentRefusal {
  /** The refusal's kind (`site_refused`, `origin_not_allowed`, `invalid_session`, `sessions_busy`). */
  code: string
  headers: Record<string, string>
  /** The JSON body as sent. */
  text: string
}

/** What happens to a request before its operation runs: a reply in its place, a dropped connection, or nothing. */
export type FaultOutcome = Reply | 'dropped' | undefined

/**
 * One request in the scope it acts on (the main state or a session), from `enter` to `finish`. The
 * pipeline writes what it learns straight into the notes; nothing is copied until someone reads the
 * journal or the log.
 */
export interface RequestScope extends ExchangeNotes {
  /** The world the request starts on (its recorded replays); the answer itself comes from serve(). */
  readonly world: World
  /** Progress through recorded replays of the scope serving the request. */
  readonly replayTurns: Map<string, number>
  /** The faults of the scope, decided for this request: synchronous unless a fault delays it. */
  beforeOperation(req: IncomingMessage, path: string, operationId: string | undefined): FaultOutcome | Promise<FaultOutcome>
  /**
   * Answers the request from its scope's world as it is once the body is read, keeping a write's
   * change only when `accepted` says so (with a state file: only once it is on disk, else
   * StateNotSavedError and nothing applied). `answer` runs without a pause, given `input`: no
   * closure per request.
   */
  serve<A, T>(req: IncomingMessage, answer: (world: World, input: A) => T, input: A, accepted: (result: T) => boolean): T
  /** The request has been answered, or its connection dropped: journal and log it. Called once. */
  finish(res: ServerResponse): void
}

/**
 * `enter`'s refusal of a request (a bad session id, all sessions busy) with the reply to send. A class,
 * told apart by `instanceof`: a scope may carry any field, so a field's presence cannot say which it is.
 */
export class ScopeRefusal {
  constructor(readonly reply: ErrorReply) {}
}

export interface ServerHooks {
  /**
   * Runs for every request after the site checks and the pages: enters the request's scope (its
   * session). `path` is the request's path without its query. A ScopeRefusal refuses the request
   * before anything acts on a scope.
   */
  enter(req: IncomingMessage, path: string): RequestScope | ScopeRefusal
  /**
   * A request refused before it entered a scope (by the Host, CORS or Origin check, or by `enter`),
   * already answered with `refusal`: the journal and the request log show it like any other.
   */
  refused(req: IncomingMessage, res: ServerResponse, path: string, refusal: SentRefusal): void
  /** A surface mounted ahead of the API (the control API); CORS and the Origin check treat it as such. */
  mount: { prefix: string; handler: RequestHandler }
}

export function isRead(method: string | undefined): boolean {
  return method === 'GET' || method === 'HEAD' || method === 'OPTIONS'
}
