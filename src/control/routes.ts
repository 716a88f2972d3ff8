// The control API under /__mock, an HTTP adapter over the control surface (surface.ts): it finds the
// operation, checks the control token, reads the body, hands the request to the surface (which checks
// it against openapi/control.yaml) and sends what comes back, self-checked against that document.
import { timingSafeEqual } from 'node:crypto'
import type { Request, RequestHandler, Response } from 'express'
import { controlNotFound, controlRefused, controlTokenRequired, invalidParams, routeNotFound, stateNotSaved } from '../server/errors.js'
import { InputError, parseQuery, readBody } from '../server/input.js'
import { createResponder, type Reply, type Responder, type SelfCheckMode } from '../server/respond.js'
import { streamJournal } from './journal-stream.js'
import type { ControlPlane } from './plane.js'
import { ControlParamsError, NotFoundRefusal, StateNotSavedError } from './refusals.js'
import type { ControlSurface, Refused } from './surface.js'

export const CONTROL_PREFIX = '/__mock'

export interface ControlRouteOptions {
  plane: ControlPlane
  /** What each operation does (confined to the scenario files the control API may read). */
  surface: ControlSurface
  /** Required in X-Mock-Control-Token when set. */
  controlToken: string | undefined
  selfCheck: SelfCheckMode
  /** Largest control request body but an imported state. */
  bodyLimitBytes: number
  /** Largest imported state (`PUT /__mock/state`): a big world is hundreds of megabytes. */
  stateBodyLimitBytes: number
  log(line: string): void
}

/** The answer to a surface's outcome: its status and body, or the refusal in GitLab's words. */
function replyFor(outcome: { status: number; body?: unknown } | Refused<number>): Reply {
  if (!('refused' in outcome)) return outcome
  const { refused } = outcome
  if (refused instanceof ControlParamsError) return invalidParams(refused.message)
  if (refused instanceof NotFoundRefusal) return controlNotFound(refused.what)
  return controlRefused(refused.message)
}

/** The handler mounted at /__mock. */
export function controlRoutes(options: ControlRouteOptions): RequestHandler {
  const { surface } = options
  let responder: Responder | undefined
  return async (req: Request, res: Response) => {
    // Made on the first control request: a mock nobody controls never loads control.yaml.
    const contract = surface.contract()
    const sender = (responder ??= createResponder(contract, options.selfCheck, options.log))
    // HEAD is the GET without its body, as on the GitLab API (Node drops the body).
    const match = contract.findOperation(req.method === 'HEAD' ? 'GET' : req.method, req.path)
    if (!match) {
      sender.send(res, undefined, routeNotFound)
      return
    }
    const { operation, pathParams } = match
    // Discovery (health, index, this document) declares no security: a health check needs no token.
    if (operation.security.length > 0 && options.controlToken !== undefined && !tokenMatches(req.headers['x-mock-control-token'], options.controlToken)) {
      sender.send(res, operation, controlTokenRequired)
      return
    }
    let reply: Reply
    // Transport refusals (413, 415) come before any operation sees the request, as on the GitLab API.
    let transport = false
    try {
      const query = parseQuery(new URL(req.originalUrl, 'http://mock.invalid').search)
      const limit = operation.operationId === 'importState' ? options.stateBodyLimitBytes : options.bodyLimitBytes
      const body = await readBody(req, limit, 'json')
      const { operationId } = operation
      if (!surface.offers(operationId)) throw new Error(`control operation ${operationId} has no surface function`)
      const outcome = surface.call(operationId, options.plane.scopeOf(req), { path: pathParams, query, body })
      if ('journal' in outcome) {
        streamJournal(req, res, outcome.journal, outcome.limit)
        return
      }
      reply = replyFor(outcome)
    } catch (error) {
      if (error instanceof InputError) {
        reply = error.reply
        transport = true
      } else if (error instanceof StateNotSavedError) {
        // The mock's own trouble, not an answer the control API documents per operation.
        reply = stateNotSaved(error.message)
        transport = true
      } else throw error
    }
    sender.send(res, transport ? undefined : operation, reply)
  }
}

function tokenMatches(sent: string | string[] | undefined, expected: string): boolean {
  if (typeof sent !== 'string') return false
  const a = Buffer.from(sent)
  const b = Buffer.from(expected)
  return a.length === b.length && timingSafeEqual(a, b)
}
