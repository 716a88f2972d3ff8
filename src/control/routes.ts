// The control API under /__mock: each operation of openapi/control.yaml and what it does to a scope.
// Requests are validated and responses self-checked against that document, as the GitLab API is
// against its own; the control token is checked first.
import { timingSafeEqual } from 'node:crypto'
import type { Request, RequestHandler, Response } from 'express'
import { fileURLToPath } from 'node:url'
import { loadContract, type Contract } from '../contract/index.js'
import { displayName } from '../scenarios/source.js'
import type { FileAccess } from '../scenarios/file-access.js'
import { loadScenario, parseScenario, resolveScenarioPath, ScenarioError } from '../scenarios/load.js'
import type { WorldData } from '../store/records.js'
import { controlTokenRequired, invalidParams, routeNotFound, stateNotSaved } from '../server/errors.js'
import { InputError, parseQuery, readBody } from '../server/input.js'
import { createResponder, type Reply, type SelfCheckMode } from '../server/respond.js'
import { FaultError, type FaultSpec } from './faults.js'
import type { ControlPlane } from './plane.js'
import { StateNotSavedError } from './refusals.js'
import { setRegistrationAllowed, type RegistrationTarget } from './registration.js'
import type { Scope } from './scope.js'
import { streamJournal } from './journal-stream.js'
import { overviewOf, personasOf } from './overview.js'
import { checkState, StateError } from './state-check.js'

export const CONTROL_PREFIX = '/__mock'
export const controlContractFile = fileURLToPath(new URL('../../openapi/control.yaml', import.meta.url))

export interface ControlRouteOptions {
  plane: ControlPlane
  /** Required in X-Mock-Control-Token when set. */
  controlToken: string | undefined
  selfCheck: SelfCheckMode
  /** Largest control request body but an imported state. */
  bodyLimitBytes: number
  /** Largest imported state (`PUT /__mock/state`): a big world is hundreds of megabytes. */
  stateBodyLimitBytes: number
  /** Where files named by a scenario sent over this API may lie. */
  scenarioFiles: FileAccess
  log(line: string): void
  /** What health and the index report about this mock. */
  about: { version: string; gitlabVersion: string; startedAt: number }
}

type Params = Record<string, unknown>
type ControlHandler = (params: Params, scope: Scope, plane: ControlPlane, service: ControlService) => Reply

/** What the discovery operations tell: the options the routes were made with and their document. */
interface ControlService {
  options: ControlRouteOptions
  contract: Contract
}

const noContent: Reply = { status: 204 }

function notFound(what: string): Reply {
  return { status: 404, body: { message: `404 ${what} Not Found` } }
}

function badRequest(message: string): Reply {
  return { status: 400, body: { message: `400 Bad request - ${message}` } }
}

export const controlHandlers: Record<string, ControlHandler> = {
  resetScope: (_params, scope, plane) => {
    plane.reset(scope)
    return noContent
  },
  loadScenario: (params, scope, plane, { options }) => {
    const files = options.scenarioFiles
    const now = scope.clock.now()
    let data: WorldData
    try {
      data = typeof params.name === 'string'
        ? loadScenario(params.name, { now, files })
        // Inline scenarios resolve includes against scenarios/, as if they were a file there.
        : parseScenario(String(params.yaml), displayName(resolveScenarioPath('inline')), { now, files })
    } catch (error) {
      if (error instanceof ScenarioError) return badRequest(error.message)
      throw error
    }
    plane.load(scope, data, typeof params.name === 'string' ? params.name : 'inline')
    return noContent
  },
  // The release is told, not kept: importing the state into a mock of another release is allowed.
  exportState: (_params, scope, plane) => ({ status: 200, body: { gitlabVersion: plane.gitlabVersion, ...scope.world.toData() } }),
  importState: (params, scope, plane) => {
    let data: WorldData
    try {
      // Checked like a scenario, so a broken record is a 400 naming it rather than a 500 later.
      data = checkState(params)
    } catch (error) {
      if (error instanceof StateError) return badRequest(error.message)
      throw error
    }
    plane.importState(scope, data)
    return noContent
  },
  getOverview: (_params, scope, plane, { options }) => ({
    status: 200,
    body: overviewOf(scope.world, plane.scenarioNameOf(scope), options.about.gitlabVersion),
  }),
  listPersonas: (_params, scope) => ({ status: 200, body: { personas: personasOf(scope.world) } }),
  listJournal: (params, scope) => ({
    status: 200,
    body: { entries: scope.journal.list(params.limit as number | undefined) },
  }),
  clearJournal: (_params, scope) => {
    scope.journal.clear()
    return noContent
  },
  getClock: (_params, scope) => ({ status: 200, body: scope.clock.state() }),
  freezeClock: (params, scope) => {
    scope.clock.freeze(params.at as string | undefined)
    return { status: 200, body: scope.clock.state() }
  },
  setClock: (params, scope) => {
    scope.clock.set(params.to as string)
    return { status: 200, body: scope.clock.state() }
  },
  advanceClock: (params, scope) => {
    scope.clock.advance(params.by as string)
    return { status: 200, body: scope.clock.state() }
  },
  resumeClock: (_params, scope) => {
    scope.clock.resume()
    return { status: 200, body: scope.clock.state() }
  },
  listFaults: (_params, scope) => ({ status: 200, body: { faults: scope.faults.list() } }),
  addFault: (params, scope, plane) => {
    try {
      return { status: 201, body: plane.addFault(scope, params as FaultSpec) }
    } catch (error) {
      if (error instanceof FaultError) return badRequest(error.message)
      throw error
    }
  },
  clearFaults: (_params, scope) => {
    scope.faults.clear()
    return noContent
  },
  removeFault: (params, scope) => (scope.faults.remove(params.id as string) ? noContent : notFound('Fault')),
  setInstanceRegistration: (params, scope, plane) => setRegistration(scope, plane, 'instance', params.allowed as boolean, 'Instance'),
  setGroupRegistration: (params, scope, plane) =>
    setRegistration(scope, plane, { groupId: params.id as number }, params.allowed as boolean, 'Group'),
  setProjectRegistration: (params, scope, plane) =>
    setRegistration(scope, plane, { projectId: params.id as number }, params.allowed as boolean, 'Project'),
  listSessions: (_params, _scope, plane) => ({
    status: 200,
    body: {
      sessions: plane.sessions().map((session) => ({
        id: session.id ?? '',
        createdAt: new Date(session.createdAt).toISOString(),
        lastUsedAt: new Date(session.lastUsedAt).toISOString(),
        copied: session.copied,
      })),
    },
  }),
  dropSession: (params, _scope, plane) => (plane.dropSession(params.id as string) ? noContent : notFound('Session')),
  getHealth: (_params, _scope, plane, { options }) => ({
    status: 200,
    body: {
      status: 'ok',
      version: options.about.version,
      scenario: plane.scenarioName,
      gitlabVersion: options.about.gitlabVersion,
      uptimeSeconds: Math.round((Date.now() - options.about.startedAt) / 1000),
      sessions: plane.sessions().length,
    },
  }),
  getControlIndex: (_params, _scope, _plane, { options, contract }) => ({
    status: 200,
    body: {
      name: 'gitlab-runners-mock control API',
      version: options.about.version,
      health: `${CONTROL_PREFIX}/health`,
      openapi: `${CONTROL_PREFIX}/openapi.json`,
      api: '/api/v4',
      operations: [...contract.operations.values()].map((operation) => ({
        operationId: operation.operationId,
        method: operation.method.toUpperCase(),
        path: `${CONTROL_PREFIX}${operation.path === '/' ? '' : operation.path}`,
        summary: operation.summary ?? '',
      })),
    },
  }),
  getControlOpenapi: (_params, _scope, _plane, { contract }) => ({ status: 200, body: contract.document }),
}

/** Operations answered with a stream that stays open until the client leaves, not with one reply. */
export const streamingHandlers: Record<string, (params: Params, scope: Scope, req: Request, res: Response) => void> = {
  streamJournal: (params, scope, req, res) => streamJournal(req, res, scope.journal, params.limit as number | undefined),
}

let sharedControlContract: Contract | undefined

/** The handler mounted at /__mock. */
export function controlRoutes(options: ControlRouteOptions): RequestHandler {
  // Held to the strict schema check by the test suite; validators compile on first use.
  const contract = (sharedControlContract ??= loadContract(controlContractFile, { checkSchemas: false }))
  const responder = createResponder(contract, options.selfCheck, options.log)
  return async (req: Request, res: Response) => {
    // HEAD is the GET without its body, as on the GitLab API (Node drops the body).
    const match = contract.findOperation(req.method === 'HEAD' ? 'GET' : req.method, req.path)
    if (!match) {
      responder.send(res, undefined, routeNotFound)
      return
    }
    const { operation, pathParams } = match
    // Discovery (health, index, this document) declares no security: a health check needs no token.
    if (operation.security.length > 0 && options.controlToken !== undefined && !tokenMatches(req.headers['x-mock-control-token'], options.controlToken)) {
      responder.send(res, operation, controlTokenRequired)
      return
    }
    let reply: Reply
    // Transport refusals (413, 415) come before any operation sees the request, as on the GitLab API.
    let transport = false
    try {
      const query = parseQuery(new URL(req.originalUrl, 'http://mock.invalid').search)
      const limit = operation.operationId === 'importState' ? options.stateBodyLimitBytes : options.bodyLimitBytes
      const body = await readBody(req, limit, 'json')
      const validation = contract.validateRequest(operation, { path: pathParams, query, body })
      const handler = controlHandlers[operation.operationId]
      const streaming = streamingHandlers[operation.operationId]
      if (validation.ok && streaming) {
        streaming(validation.params, options.plane.scopeOf(req), req, res)
        return
      }
      if (!validation.ok) reply = invalidParams(validation.error)
      else if (!handler) throw new Error(`control operation ${operation.operationId} has no handler`)
      else {
        const scope = options.plane.scopeOf(req)
        reply = options.plane.within(scope, () => handler(validation.params, scope, options.plane, { options, contract }))
      }
    } catch (error) {
      if (error instanceof InputError) {
        reply = error.reply
        transport = true
      } else if (error instanceof RangeError) reply = badRequest(error.message)
      else if (error instanceof StateNotSavedError) {
        // The mock's own trouble, not an answer the control API documents per operation.
        reply = stateNotSaved(error.message)
        transport = true
      } else throw error
    }
    responder.send(res, transport ? undefined : operation, reply)
  }
}

function setRegistration(scope: Scope, plane: ControlPlane, target: RegistrationTarget, allowed: boolean, what: string): Reply {
  const now = plane.change(scope, (world) => setRegistrationAllowed(world, target, allowed), (result) => result !== undefined)
  if (now === undefined) return notFound(what)
  return { status: 200, body: { allowed: now } }
}

function tokenMatches(sent: string | string[] | undefined, expected: string): boolean {
  if (typeof sent !== 'string') return false
  const a = Buffer.from(sent)
  const b = Buffer.from(expected)
  return a.length === b.length && timingSafeEqual(a, b)
}
