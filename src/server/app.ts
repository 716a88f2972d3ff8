// The mock's HTTP pipeline, in order: Host check → CORS → Origin check → scope (main or session) →
// control API → route to an operationId → fault → recorded replay → read input → authenticate →
// validate against the contract → handler → persist an accepted change → respond (self-check, send) →
// error replies.
import express, { type NextFunction, type Request, type Response } from 'express'
import { tokenScopesOf, type Contract, type Operation } from '../contract/index.js'
import type { World } from '../store/world.js'
import { authenticateUser, requireScope, type Actor } from '../store/tokens.js'
import type { Handler, OperationId } from './handler.js'
import { noteExchange, type ServerHooks } from './hooks.js'
import { cors, type CorsSetting } from './cors.js'
import { hostGuard, originGuard, parseAllowedHosts } from './site-guard.js'
import { findUserToken } from './credentials.js'
import { errorReplyFor, internalError, invalidParams, noDocumentedAnswer, routeNotFound, stateNotSaved, StateNotSavedError, type ReleaseWording } from './errors.js'
import { InputError, parseQuery, readBody, type RawParams } from './input.js'
import type { LinkContext } from './pagination-headers.js'
import { createResponder, type Reply, type Responder, type SelfCheckMode } from './respond.js'
import { replayFor } from './replay.js'
import { staticReply } from './static-replies.js'
import { UnauthorizedError } from '../store/errors.js'
import { handlers } from './routes.js'
import { pages } from './pages.js'
import { serveRelease, type ServedRelease } from './served-release.js'

export const API_PREFIX = '/api/v4'

export interface AppOptions {
  contract: Contract
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
  app: express.Express
  responder: Responder
}

export function createApp(options: AppOptions): MockApp {
  const { contract } = options
  const responder = createResponder(contract, options.selfCheck, options.log)
  // The contract is the served release's derived document: routes, validation and self-check follow it.
  const release = serveRelease(contract.profile)
  const app = express()
  app.disable('x-powered-by')
  app.set('etag', false)
  app.use(hostGuard(parseAllowedHosts(options.allowedHosts)))
  const { hooks } = options
  app.use(cors(options.cors, hooks.mount.prefix))
  app.use(originGuard(options.cors, hooks.mount.prefix))
  // Outside any scope: loading the dashboard or the reference is not a GitLab API request to journal.
  app.use(pages({ dashboard: true, contract }))
  app.use(hooks.enter)
  app.use(hooks.mount.prefix, hooks.mount.handler)
  // Findings go to the journal too, so a test can see which of its requests broke the contract.
  const send = (res: Response, operation: Operation | undefined, reply: Reply): void => {
    const sent = responder.send(res, operation, reply)
    noteExchange(res, { response: { headers: sent.headers, body: sent.body }, ...(sent.findings ? { findings: sent.findings } : {}) })
  }

  app.get(`${API_PREFIX}/openapi.json`, (_req, res) => {
    res.json(contract.document)
  })

  app.use(API_PREFIX, async (req: Request, res: Response) => {
    const method = routedMethod(req.method)
    const match = contract.findOperation(method, req.path)
    if (match) noteExchange(res, { operationId: match.operation.operationId })
    const fault = await hooks.beforeOperation(req, res, match?.operation.operationId)
    if (fault === 'dropped') return
    // A forced status is off-contract on purpose for some operations, so it skips the self-check.
    if (fault) {
      send(res, undefined, fault)
      return
    }
    // Recorded answers come from a real GitLab: the drift checker judges them, not our self-check.
    const query = parseQuery(new URL(req.originalUrl, 'http://mock.invalid').search)
    const world = hooks.worldFor(req)
    const replayed = replayFor(world.replays, hooks.replayTurns(req), method, req.path, query, origin(req))
    if (replayed) {
      send(res, undefined, replayed)
      return
    }
    // GitLab's catch-all route answers unknown paths and known paths with the wrong method alike.
    if (!match) {
      send(res, undefined, routeNotFound)
      return
    }
    const { operation, pathParams } = match
    try {
      const reply = await handle(options, release, operation, pathParams, query, req, res)
      send(res, operation, reply)
    } catch (error) {
      // Transport failures (413, 415, unreadable bodies) happen before GitLab's API sees the request,
      // and a state file that cannot be written is the mock's own trouble: neither belongs to an
      // operation's documented statuses, so both skip the self-check.
      const mine = error instanceof InputError || error instanceof StateNotSavedError
      send(res, mine ? undefined : operation, replyForError(error, options.log, release.wording))
    }
  })

  app.use((_req: Request, res: Response) => {
    send(res, undefined, routeNotFound)
  })
  // Express reaches this only for failures outside the pipeline above (e.g. a socket error).
  app.use((error: unknown, _req: Request, res: Response, _next: NextFunction) => {
    send(res, undefined, replyForError(error, options.log))
  })
  return { app, responder }
}

async function handle(
  options: AppOptions, release: ServedRelease, operation: Operation, pathParams: Record<string, string>, query: RawParams, req: Request, res: Response,
): Promise<Reply> {
  const body = await readBody(req, options.bodyLimitBytes)
  noteExchange(res, { body })
  // The world is chosen only now, with the body in: a reset that landed while it arrived is seen, and
  // everything below runs without a pause, on that one world. On disk before the client hears of it,
  // so an acknowledged change survives a crash and a refused one was never applied.
  const answer = (world: World) => answerFrom(options, release, world, operation, pathParams, query, body, req, res)
  return options.hooks.serve(req, answer, (reply) => reply.status < 400)
}

function answerFrom(
  options: AppOptions, release: ServedRelease, world: World, operation: Operation, pathParams: Record<string, string>, query: RawParams,
  body: Record<string, unknown> | undefined, req: Request, res: Response,
): Reply {
  // GitLab authenticates before Grape validates parameters: a stranger with bad params gets 401.
  let actor: Actor | undefined
  if (operation.security.length > 0) {
    const token = findUserToken(req.headers, query)
    // Static answers know no users: any credential will do, none is a 401.
    if (options.static) {
      if (token === undefined) throw new UnauthorizedError('missing')
    } else {
      actor = authenticateUser(world, token)
      noteExchange(res, { username: actor.user.username })
      requireScope(actor, release.scopeRule(tokenScopesOf(operation)))
    }
  }

  const validation = options.contract.validateRequest(operation, { path: pathParams, query, body })
  if (!validation.ok) return invalidParams(validation.error)
  if (options.static) {
    const prefer = req.get('prefer')
    const reply = staticReply(options.contract, operation, prefer)
    // A mock-usage mistake, not a GitLab answer: it skips the self-check like a transport error.
    if (!reply) throw new InputError(noDocumentedAnswer(operation.operationId, prefer ?? ''))
    return reply
  }

  // The contract validated and coerced the params to the operation's declared types.
  const handler = handlers[operation.operationId as OperationId] as Handler<OperationId>
  const link: LinkContext = {
    origin: origin(req),
    path: `${API_PREFIX}${req.path}`,
    params: { ...query, ...body, ...pathParams },
  }
  return handler({ params: validation.params as never, headers: req.headers }, { world, actor, link, release })
}

/** Grape answers HEAD on every GET route, as the GET without its body (Node drops the body). */
function routedMethod(method: string): string {
  return method === 'HEAD' ? 'GET' : method
}

/** The origin the client reached: links point back at it. */
function origin(req: Request): string {
  return `${req.protocol}://${req.get('host') ?? '127.0.0.1'}`
}

function replyForError(error: unknown, log: (line: string) => void, wording?: ReleaseWording): Reply {
  if (error instanceof InputError) return error.reply
  if (error instanceof StateNotSavedError) return stateNotSaved(error.message)
  const reply = errorReplyFor(error, wording)
  if (reply) return reply
  log(`internal error: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`)
  return internalError
}
