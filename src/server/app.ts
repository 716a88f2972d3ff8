// The mock's HTTP pipeline, in order: CORS → route to an operationId → read input → authenticate →
// validate against the contract → handler → respond (self-check, send) → error replies.
import express, { type NextFunction, type Request, type Response } from 'express'
import type { Contract, Operation } from '../contract/index.js'
import type { World } from '../store/world.js'
import { authenticateUser, requireScope, type Actor } from '../store/tokens.js'
import type { Handler, OperationId } from './handler.js'
import { cors, type CorsSetting } from './cors.js'
import { findUserToken } from './credentials.js'
import { errorReplyFor, internalError, invalidParams, routeNotFound } from './errors.js'
import { InputError, parseQuery, readBody } from './input.js'
import type { LinkContext } from './pagination-headers.js'
import { createResponder, type Reply, type Responder, type SelfCheckMode } from './respond.js'
import { handlers } from './routes.js'

export const API_PREFIX = '/api/v4'

export interface AppOptions {
  contract: Contract
  /** The world a request acts on (one per session once sessions exist). */
  worldFor(req: Request): World
  selfCheck: SelfCheckMode
  cors: CorsSetting
  bodyLimitBytes: number
  log(line: string): void
}

export interface MockApp {
  app: express.Express
  responder: Responder
}

export function createApp(options: AppOptions): MockApp {
  const { contract } = options
  const responder = createResponder(contract, options.selfCheck, options.log)
  const app = express()
  app.disable('x-powered-by')
  app.set('etag', false)
  app.use(cors(options.cors))

  app.get(`${API_PREFIX}/openapi.json`, (_req, res) => {
    res.json(contract.document)
  })

  app.use(API_PREFIX, async (req: Request, res: Response) => {
    const match = contract.findOperation(req.method, req.path)
    // GitLab's catch-all route answers unknown paths and known paths with the wrong method alike.
    if (!match) {
      responder.send(res, undefined, routeNotFound)
      return
    }
    const { operation, pathParams } = match
    try {
      const reply = await handle(options, operation, pathParams, req)
      responder.send(res, operation, reply)
    } catch (error) {
      // Transport failures (413, 415, unreadable bodies) happen before GitLab's API sees the request,
      // so they belong to no operation's documented statuses and skip the self-check.
      const transport = error instanceof InputError
      responder.send(res, transport ? undefined : operation, replyForError(error, options.log))
    }
  })

  app.use((_req: Request, res: Response) => {
    responder.send(res, undefined, routeNotFound)
  })
  // Express reaches this only for failures outside the pipeline above (e.g. a socket error).
  app.use((error: unknown, _req: Request, res: Response, _next: NextFunction) => {
    responder.send(res, undefined, replyForError(error, options.log))
  })
  return { app, responder }
}

async function handle(options: AppOptions, operation: Operation, pathParams: Record<string, string>, req: Request): Promise<Reply> {
  const query = parseQuery(new URL(req.originalUrl, 'http://mock.invalid').search)
  const body = await readBody(req, options.bodyLimitBytes)
  const world = options.worldFor(req)

  // GitLab authenticates before Grape validates parameters: a stranger with bad params gets 401.
  let actor: Actor | undefined
  if (operation.security.length > 0) {
    actor = authenticateUser(world, findUserToken(req.headers, query))
    requireScope(actor, operation.operationId)
  }

  const validation = options.contract.validateRequest(operation, { path: pathParams, query, body })
  if (!validation.ok) return invalidParams(validation.error)

  // The contract validated and coerced the params to the operation's declared types.
  const handler = handlers[operation.operationId as OperationId] as Handler<OperationId>
  const link: LinkContext = {
    origin: `${req.protocol}://${req.get('host') ?? '127.0.0.1'}`,
    path: `${API_PREFIX}${req.path}`,
    params: { ...query, ...body, ...pathParams },
  }
  return handler({ params: validation.params as never, headers: req.headers }, { world, actor, link })
}

function replyForError(error: unknown, log: (line: string) => void): Reply {
  if (error instanceof InputError) return error.reply
  const reply = errorReplyFor(error)
  if (reply) return reply
  log(`internal error: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`)
  return internalError
}
