// The mock's HTTP pipeline, in order: Host check → CORS → Origin check → (GitLab API) scope (main or
// session) → route to an operationId → fault → recorded replay → read input → authenticate →
// validate against the contract → handler → persist an accepted change → respond (self-check, send)
// → error replies. GitLab API requests run on plain node:http, one direction, with no closure or
// listener per request; Express is the shell for the rest (pages, the control API, the 404).
import type { IncomingMessage, RequestListener, ServerResponse } from 'node:http'
import { createRequire } from 'node:module'
import type express from 'express'
import type { NextFunction, Request, Response } from 'express'
import { tokenScopesOf, type Contract, type Operation, type OperationMatch } from '../contract/index.js'
import { dispatch } from '../contract/operations.js'
import type { World } from '../store/world.js'
import { authenticateUser, requireScope, type Actor } from '../store/tokens.js'
import type { Handler, OperationId } from './handler.js'
import { ScopeRefusal, type FaultOutcome, type RequestScope, type ServerHooks } from './hooks.js'
import type { CorsSetting } from './cors.js'
import { parseAllowedHosts, siteChecks, type SitePolicy } from './site-guard.js'
import { findUserToken } from './credentials.js'
import { sendRefusal } from './refusal.js'
import { errorReplyFor, internalError, invalidParams, noDocumentedAnswer, routeNotFound, stateNotSaved, StateNotSavedError, type ReleaseWording } from './errors.js'
import { carriesBody, InputError, readBody, type RawParams } from './input.js'
import { originOf, pathOf, queryOf, SLASH } from './request-target.js'
import type { LinkContext } from './pagination-headers.js'
import { createResponder, type Reply, type Responder, type SelfCheckMode } from './respond.js'
import { replayFor } from './replay.js'
import { staticReply } from './static-replies.js'
import { UnauthorizedError } from '../store/errors.js'
import { handlers } from './routes.js'
import { DOCS_PATH, pages } from './pages.js'
import type { ServedRelease } from './served-release.js'

export const API_PREFIX = '/api/v4'
// Express is loaded with the shell, on the first request outside the GitLab API: a mock that only
// answers /api/v4 never loads it (about a tenth of start-up).
const requireModule = createRequire(import.meta.url)
/** `/api/v4/docs` without its slash: the reference pages are Express's. */
const DOCS = DOCS_PATH.slice(0, -1)
const OPENAPI_JSON = '/openapi.json'

export interface AppOptions {
  /** The contract as the served release answers, and that release (`serveRelease(contract.profile)`, built once by whoever wires the mock). */
  contract: Contract
  release: ServedRelease
  /** Sessions, faults, journal, the world per request and the control API (the control plane's). */
  hooks: ServerHooks
  selfCheck: SelfCheckMode
  cors: CorsSetting
  /** Host names served besides loopback ones (`name` for any port, `name:port`). */
  allowedHosts: readonly string[]
  bodyLimitBytes: number
  log(line: string): void
  /** Answer from the contract's examples instead of the world (`serve --static`). */
  static?: boolean
}

export interface MockApp {
  /** The request listener of the mock's HTTP server. */
  app: RequestListener
  responder: Responder
}

/** What every GitLab API request is served with, built once. */
interface Api {
  options: AppOptions
  contract: Contract
  hooks: ServerHooks
  responder: Responder
  release: ServedRelease
  /** The contract document as sent for `GET /api/v4/openapi.json`, serialised on first use. */
  documentJson: string | undefined
}

export function createApp(options: AppOptions): MockApp {
  const { contract, hooks, release } = options
  const responder = createResponder(contract, options.selfCheck, options.log)
  // The contract is the served release's derived document: routes, validation and self-check follow it.
  const api: Api = { options, contract, hooks, responder, release, documentJson: undefined }
  const policy: SitePolicy = { allowedHosts: parseAllowedHosts(options.allowedHosts), cors: options.cors, controlPrefix: hooks.mount.prefix }
  let shell: express.Express | undefined
  const listener: RequestListener = (req, res) => {
    const url = req.url ?? '/'
    const path = pathOf(url)
    const site = siteChecks(req, res, path, policy)
    if (site !== 'passed') {
      if (site !== 'answered') hooks.refused(req, res, path, site)
      return
    }
    const under = apiPathOf(path)
    if (under === undefined) {
      shell ??= createShell(api)
      shell(req, res)
      return
    }
    try {
      serveApi(api, req, res, path, under, url)
    } catch (error) {
      // Only a failure before the request entered its scope gets here (serveApi answers the rest):
      // a 500, as Express answered it, never a crashed mock.
      if (!res.headersSent) responder.send(res, undefined, replyForError(error, options.log))
    }
  }
  return { app: listener, responder }
}

/**
 * The Express shell: the dashboard and the reference (outside any scope: loading a page is not a
 * GitLab API request to journal), the control API, the GitLab API paths the reference pages pass on
 * (`/api/v4/docs/...` they do not serve), and the 404 for everything else.
 */
function createShell(api: Api): express.Express {
  const { hooks } = api
  const app = (requireModule('express') as typeof express)()
  app.disable('x-powered-by')
  app.set('etag', false)
  // Rails and Grape match paths case-sensitively: /API/V4/runners is no API route on GitLab.
  app.set('case sensitive routing', true)
  app.use(pages({ dashboard: true, contract: api.contract }))
  app.use(API_PREFIX, (req: Request, res: Response) => {
    serveApi(api, req, res, pathOf(req.originalUrl), req.path, req.originalUrl)
  })
  app.use((req: Request, res: Response, next: NextFunction) => {
    const entered = hooks.enter(req, req.path)
    if (entered instanceof ScopeRefusal) {
      hooks.refused(req, res, req.path, sendRefusal(res, entered.reply))
      return
    }
    res.locals.scope = entered
    res.once('close', () => entered.finish(res))
    next()
  })
  app.use(hooks.mount.prefix, hooks.mount.handler)
  app.use((_req: Request, res: Response) => {
    const sent = api.responder.send(res, undefined, routeNotFound)
    ;(res.locals.scope as RequestScope).response = sent
  })
  // Express reaches this only for failures outside the pipeline above (e.g. a socket error).
  app.use((error: unknown, _req: Request, res: Response, _next: NextFunction) => {
    api.responder.send(res, undefined, replyForError(error, api.options.log))
  })
  return app
}

/**
 * The path under /api/v4 of a GitLab API request the plain pipeline serves, else undefined (the
 * reference pages under /api/v4/docs are the shell's).
 */
function apiPathOf(path: string): string | undefined {
  if (!path.startsWith(API_PREFIX)) return undefined
  if (path.length === API_PREFIX.length) return '/'
  if (path.charCodeAt(API_PREFIX.length) !== SLASH) return undefined
  if (path.startsWith(DOCS) && (path.length === DOCS.length || path.charCodeAt(DOCS.length) === SLASH)) return undefined
  return path.slice(API_PREFIX.length)
}

/** One GitLab API request on its way through the pipeline: plain data, so no step needs a closure. */
class ApiCall {
  match: OperationMatch | undefined = undefined
  query: RawParams | undefined = undefined
  body: Record<string, unknown> | undefined = undefined

  constructor(
    readonly api: Api,
    readonly req: IncomingMessage,
    readonly res: ServerResponse,
    readonly scope: RequestScope,
    /** The path under /api/v4, e.g. `/runners/5`. */
    readonly path: string,
    /** The request target as sent, with its query. */
    readonly url: string,
    /** The method routes are looked up by: HEAD is the GET without its body. */
    readonly method: string,
  ) {}
}

function serveApi(api: Api, req: IncomingMessage, res: ServerResponse, fullPath: string, path: string, url: string): void {
  const entered = api.hooks.enter(req, fullPath)
  if (entered instanceof ScopeRefusal) {
    api.hooks.refused(req, res, fullPath, sendRefusal(res, entered.reply))
    return
  }
  // Grape answers HEAD on every GET route, as the GET without its body (Node drops the body).
  const method = req.method === 'HEAD' ? 'GET' : (req.method ?? 'GET')
  const call = new ApiCall(api, req, res, entered, path, url, method)
  try {
    if ((path === OPENAPI_JSON || path === `${OPENAPI_JSON}/`) && method === 'GET') {
      sendDocument(call)
      return
    }
    call.match = dispatch(api.contract.operations, method, path)
    const operationId = call.match?.operation.operationId
    if (operationId !== undefined) entered.operationId = operationId
    const outcome = entered.beforeOperation(req, path, operationId)
    if (outcome instanceof Promise) {
      outcome.then((ready) => afterFaults(call, ready)).catch((error: unknown) => fail(call, error))
      return
    }
    afterFaults(call, outcome)
  } catch (error) {
    fail(call, error)
  }
}

function afterFaults(call: ApiCall, outcome: FaultOutcome): void {
  const { scope, match } = call
  if (outcome === 'dropped') {
    scope.finish(call.res)
    return
  }
  // A forced status is off-contract on purpose for some operations, so it skips the self-check.
  if (outcome !== undefined) {
    send(call, undefined, outcome)
    return
  }
  const query = (call.query = queryOf(call.url))
  // Recorded answers come from a real GitLab: the drift checker judges them, not our self-check.
  const { replays } = scope.world
  if (replays.length > 0) {
    const replayed = replayFor(replays, scope.replayTurns, call.method, call.path, query, originOf(call.req))
    if (replayed) {
      send(call, undefined, replayed)
      return
    }
  }
  // GitLab's catch-all route answers unknown paths and known paths with the wrong method alike.
  if (match === undefined) {
    send(call, undefined, routeNotFound)
    return
  }
  // Most requests (every GET) carry no body: no stream to wait for, the whole answer runs now.
  if (!carriesBody(call.req)) {
    answer(call, match)
    return
  }
  readBody(call.req, call.api.options.bodyLimitBytes).then(
    (body) => {
      call.body = body
      call.scope.body = body
      answer(call, match)
    },
    (error: unknown) => fail(call, error),
  )
}

/**
 * The world is chosen only now, with the body in: a reset that landed while it arrived is seen, and
 * everything below runs without a pause, on that one world. On disk before the client hears of it,
 * so an acknowledged change survives a crash and a refused one was never applied.
 */
function answer(call: ApiCall, match: OperationMatch): void {
  let reply: Reply
  try {
    reply = call.scope.serve(call.req, answerFrom, call, isAccepted)
  } catch (error) {
    fail(call, error)
    return
  }
  send(call, match.operation, reply)
}

function isAccepted(reply: Reply): boolean {
  return reply.status < 400
}

function answerFrom(world: World, call: ApiCall): Reply {
  const { api, req } = call
  const { options } = api
  const { operation, pathParams } = call.match!
  const query = call.query!
  const body = call.body
  // GitLab authenticates before Grape validates parameters: a stranger with bad params gets 401.
  let actor: Actor | undefined
  if (operation.security.length > 0) {
    const token = findUserToken(req.headers, query, body)
    // Static answers know no users: any credential will do, none is a 401.
    if (options.static) {
      if (token === undefined) throw new UnauthorizedError('missing')
    } else {
      actor = authenticateUser(world, token)
      call.scope.username = actor.user.username
      requireScope(actor, api.release.scopeRule(tokenScopesOf(operation)))
    }
  }

  const validation = api.contract.validateRequest(operation, { path: pathParams, query, body })
  if (!validation.ok) return invalidParams(validation.error)
  if (options.static) {
    const prefer = headerText(req.headers.prefer)
    const reply = staticReply(api.contract, operation, prefer)
    // A mock-usage mistake, not a GitLab answer: it skips the self-check like a transport error.
    if (!reply) throw new InputError(noDocumentedAnswer(operation.operationId, prefer ?? ''))
    return reply
  }

  // The contract validated and coerced the params to the operation's declared types.
  const handler = handlers[operation.operationId as OperationId] as Handler<OperationId>
  return handler({ params: validation.params as never, headers: req.headers }, { world, actor, link: new RequestLink(call), release: api.release })
}

/** A header's value as one string: Node joins repeats of most headers already. */
function headerText(value: string | string[] | undefined): string | undefined {
  return Array.isArray(value) ? value.join(', ') : value
}

/** Where pagination links point: worked out only when a handler builds links. */
class RequestLink implements LinkContext {
  private merged: Record<string, unknown> | undefined

  constructor(private readonly call: ApiCall) {}

  get origin(): string {
    return originOf(this.call.req)
  }

  get path(): string {
    return `${API_PREFIX}${this.call.path}`
  }

  get params(): Record<string, unknown> {
    return (this.merged ??= { ...this.call.query, ...this.call.body, ...this.call.match?.pathParams })
  }
}

/** Findings go to the journal too, so a test can see which of its requests broke the contract. */
function send(call: ApiCall, operation: Operation | undefined, reply: Reply): void {
  // A client that left while its body arrived or a fault delayed it hears nothing: dropped, status 0.
  if (call.req.socket.destroyed) {
    call.scope.finish(call.res)
    return
  }
  const sent = call.api.responder.send(call.res, operation, reply)
  const { scope } = call
  scope.response = sent
  if (sent.findings !== undefined) scope.findings = sent.findings
  scope.finish(call.res)
}

/**
 * Transport failures (413, 415, unreadable bodies) happen before GitLab's API sees the request, and
 * a state file that cannot be written is the mock's own trouble: neither belongs to an operation's
 * documented statuses, so both skip the self-check.
 */
function fail(call: ApiCall, error: unknown): void {
  if (call.res.headersSent) {
    call.api.options.log(`internal error after the answer began: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`)
    call.scope.finish(call.res)
    return
  }
  const mine = error instanceof InputError || error instanceof StateNotSavedError
  send(call, mine ? undefined : call.match?.operation, replyForError(error, call.api.options.log, call.api.release.wording))
}

function sendDocument(call: ApiCall): void {
  const json = (call.api.documentJson ??= JSON.stringify(call.api.contract.document))
  call.res.writeHead(200, { 'Content-Type': 'application/json; charset=utf-8', 'Content-Length': Buffer.byteLength(json) })
  call.res.end(call.req.method === 'HEAD' ? undefined : json)
  call.scope.finish(call.res)
}

function replyForError(error: unknown, log: (line: string) => void, wording?: ReleaseWording): Reply {
  if (error instanceof InputError) return error.reply
  if (error instanceof StateNotSavedError) return stateNotSaved(error.message)
  const reply = errorReplyFor(error, wording)
  if (reply) return reply
  log(`internal error: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`)
  return internalError
}
