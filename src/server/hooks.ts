// What the server asks of whatever runs it: the hooks the control plane implements. The server
// imports nothing of the control plane; index.ts wires the two together once.
import type { Request, RequestHandler, Response } from 'express'
import type { World } from '../store/world.js'
import type { Reply } from './respond.js'

/** What the pipeline learns about a request while serving it, for whoever journals it. */
export interface ExchangeNotes {
  operationId?: string
  body?: unknown
  /** The reply as sent: headers and JSON body. */
  response?: { headers: Record<string, string>; body: unknown }
  fault?: string
  findings?: string[]
  /** Who the request's token belongs to, once authenticated. */
  username?: string
}

export interface ServerHooks {
  /** Runs for every request after the site checks: enters the request's scope (its session). */
  enter: RequestHandler
  /** A surface mounted ahead of the API (the control API); CORS and the Origin check treat it as such. */
  mount: { prefix: string; handler: RequestHandler }
  /** The world a GitLab API request acts on. */
  worldFor(req: Request): World
  /** Progress through recorded replays of the scope serving the request. */
  replayTurns(req: Request): Map<string, number>
  /** Before an operation runs: a reply in its place, `dropped` when the connection was dropped, or nothing. */
  beforeOperation(req: Request, res: Response, operationId: string | undefined): Promise<Reply | 'dropped' | undefined>
  /**
   * Answers a GitLab API request from its scope's world as it is once the body is read, keeping a
   * write's change only when `accepted` says so (with a state file: only once it is on disk, else
   * StateNotSavedError and nothing applied).
   */
  serve<T>(req: Request, answer: (world: World) => T, accepted: (result: T) => boolean): T
}

export function isRead(method: string): boolean {
  return method === 'GET' || method === 'HEAD' || method === 'OPTIONS'
}

/** Adds what the pipeline learnt about a request to what is kept about it (`notesOf`). */
export function noteExchange(res: Response, notes: ExchangeNotes): void {
  const locals = res.locals as { exchange?: ExchangeNotes }
  locals.exchange = { ...locals.exchange, ...notes }
}

export function notesOf(res: Response): ExchangeNotes {
  return (res.locals as { exchange?: ExchangeNotes }).exchange ?? {}
}
