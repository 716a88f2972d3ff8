// The control surface: one function per operation of openapi/control.yaml, acting on a scope through
// the control plane, its parameters and answers typed from that document (src/generated/control.ts).
// The HTTP control API (routes.ts) and startMock()'s methods (index.ts) both call these, so a check
// (parameters against the document, scenario file confinement, fault targets, an imported state's
// records) lives here once, every change goes through the plane's durable ones (the state file), and
// a request refused over HTTP is refused, in the same words, in-process.
import { fileURLToPath } from 'node:url'
import { loadContract, type Contract } from '../contract/index.js'
import type { MergedParams } from '../contract/operation-params.js'
import type { operations } from '../generated/control.js'
import { loadScenario, parseScenario, resolveScenarioPath, ScenarioError } from '../scenarios/load.js'
import { displayName } from '../scenarios/source.js'
import type { FileAccess } from '../scenarios/file-access.js'
import type { WorldData } from '../store/records.js'
import type { RunnerTokenPrefixes } from '../store/secrets.js'
import type { StatusRules } from '../store/status.js'
import { checkFaultTarget, FaultError, type FaultTargets } from './faults.js'
import type { Journal } from './journal.js'
import { overviewOf, personasOf } from './overview.js'
import type { ControlPlane } from './plane.js'
import { ControlParamsError, NotFoundRefusal } from './refusals.js'
import { setRegistrationAllowed, type RegistrationTarget } from './registration.js'
import type { Scope } from './scope.js'
import { checkState, StateError } from './state-check.js'

export type ControlOperationId = keyof operations

export const controlContractFile = fileURLToPath(new URL('../../openapi/control.yaml', import.meta.url))
let sharedControlContract: Contract | undefined

/** openapi/control.yaml, loaded once; held to the strict schema check by the test suite, validators compile on first use. */
export function controlContract(): Contract {
  return (sharedControlContract ??= loadContract(controlContractFile, { checkSchemas: false }))
}

/** Path, query and body parameters of a control operation merged, as the request validation hands them over. */
export type ControlParams<Op extends ControlOperationId> = MergedParams<operations[Op]>

type Responses<Op extends ControlOperationId> = operations[Op]['responses']
type SuccessStatus<Op extends ControlOperationId> = Extract<keyof Responses<Op>, 200 | 201 | 204>
type BodyOf<R> = R extends { content: { 'application/json': infer B } } ? Open<B> : undefined
/**
 * What may stand for the document's type in an answer, which is sent as JSON: an object schema without
 * properties (Record<string, never> from openapi-typescript) means any object, an array may be read-only,
 * and anything may be an object whose toJSON() gives it (the store's compact job table).
 */
type Open<T> = T extends readonly (infer I)[]
  ? Sent<readonly Open<I>[]>
  : T extends object
    ? string extends keyof T
      ? [T[string]] extends [never] ? object : T
      : Sent<{ [K in keyof T]: Open<T[K]> }>
    : T
type Sent<T> = T | { toJSON(): T }

/** What an operation answers when it does what it was asked: a status it documents, with its body. */
export type ControlAnswer<Op extends ControlOperationId> = {
  [S in SuccessStatus<Op>]: BodyOf<Responses<Op>[S]> extends undefined ? { status: S } : { status: S; body: BodyOf<Responses<Op>[S]> }
}[SuccessStatus<Op>]

type ControlAnswerBody<Op extends ControlOperationId, S extends SuccessStatus<Op>> = BodyOf<Responses<Op>[S]>

/** A refusal: the status (one the operation documents) and why, as an error a program can catch. */
export interface Refused<S> {
  status: S
  refused: Error
}

// 401 is the HTTP adapter's own (the control token); every other error status an operation documents is its refusal.
type RefusalStatus<Op extends ControlOperationId> = Exclude<keyof Responses<Op>, SuccessStatus<Op> | 401>

export type ControlOutcome<Op extends ControlOperationId> = ControlAnswer<Op> | Refused<RefusalStatus<Op>>

/** Operations whose answer is a stream that stays open, not one reply: the surface hands over the source. */
export type StreamingOperationId = 'streamJournal'

export interface JournalFeed {
  journal: Journal
  /** Only the newest this many entries of the backlog. */
  limit: number | undefined
}

/**
 * One function per operation of openapi/control.yaml, checked at compile time both ways: an operation
 * without a function, a function without an operation, or an answer the document does not allow fails
 * the build. Implementations may accept more than the document (a program may load world data).
 */
export type ControlSurfaceShape = {
  [Op in ControlOperationId]: Op extends StreamingOperationId
    ? (scope: Scope, params: ControlParams<Op>) => JournalFeed
    : (scope: Scope, params: ControlParams<Op>) => ControlOutcome<Op>
}

export interface ControlSurfaceOptions {
  plane: ControlPlane
  /**
   * The control API's own document: the discovery operations describe it, and requests are checked
   * against it. Asked for on first use, so a mock nobody controls never loads it.
   */
  contract: () => Contract
  /**
   * Where files a scenario loaded through this surface may name (`include:`, `replay:`); undefined
   * for anywhere. The control API is confined; a program's own scenarios are trusted.
   */
  scenarioFiles: FileAccess | undefined
  /** What a fault may name (the GitLab API's operations and paths); a fault naming anything else could never fire. */
  faultTargets: FaultTargets
  /** The prefixes of the runner tokens the served release issues: a scenario's runners without a token get such tokens. */
  tokenPrefixes: RunnerTokenPrefixes
  /** How the served release words a runner's status: the overview counts by it. */
  statusRules: StatusRules
  /** What health and the index report about this mock. */
  about: { version: string; gitlabVersion: string; startedAt: number }
  /** Path the control API is mounted at, for the index. */
  prefix: string
}

// Literal statuses, so each answer is checked against what its operation documents.
function answer<S extends number, B>(status: S, body: B): { status: S; body: B } {
  return { status, body }
}

const noContent = { status: 204 } as const

function refuse<S extends 400 | 404>(status: S, refused: Error): Refused<S> {
  return { status, refused }
}

/** Runs `act`, turning the errors that mean "bad request" (`kinds`) into a 400 refusal. */
function orBadRequest<T>(act: () => T, ...kinds: Array<abstract new (...args: never[]) => Error>): T | Refused<400> {
  try {
    return act()
  } catch (error) {
    if (error instanceof Error && kinds.some((kind) => error instanceof kind)) return refuse(400, error)
    throw error
  }
}

export function controlSurface(options: ControlSurfaceOptions) {
  const { plane, contract, about, prefix } = options

  function setRegistration(scope: Scope, target: Exclude<RegistrationTarget, 'instance'>, allowed: boolean, what: 'Group' | 'Project') {
    const now = plane.change(scope, (world) => setRegistrationAllowed(world, target, allowed), (result) => result !== undefined)
    return now === undefined ? refuse(404, new NotFoundRefusal(what)) : answer(200, { allowed: now })
  }

  const operations = {
    resetScope: (scope: Scope) => {
      plane.reset(scope)
      return noContent
    },
    // A program may also hand over world data, which names no files and is its own to trust.
    loadScenario: (scope: Scope, params: ControlParams<'loadScenario'> | { data: WorldData }) => {
      if ('data' in params) {
        plane.load(scope, structuredClone(params.data))
        return noContent
      }
      const reading = { now: scope.clock.now(), files: options.scenarioFiles, tokenPrefixes: options.tokenPrefixes }
      const data = orBadRequest(
        () =>
          params.name !== undefined
            ? loadScenario(params.name, reading)
            // Inline scenarios resolve includes against scenarios/, as if they were a file there.
            : parseScenario(String(params.yaml), displayName(resolveScenarioPath('inline')), reading),
        ScenarioError,
      )
      if ('refused' in data) return data
      plane.load(scope, data, params.name ?? 'inline')
      return noContent
    },
    // The release is told, not kept: importing the state into a mock of another release is allowed.
    exportState: (scope: Scope) => answer(200, { gitlabVersion: plane.gitlabVersion, ...scope.world.toData() }),
    importState: (scope: Scope, params: ControlParams<'importState'>) => {
      // Checked like a scenario, so a broken record is a 400 naming it rather than a 500 later.
      const data = orBadRequest(() => checkState(params), StateError)
      if ('refused' in data) return data
      plane.importState(scope, data)
      return noContent
    },
    getOverview: (scope: Scope) => answer(200, overviewOf(scope.world, plane.scenarioNameOf(scope), about.gitlabVersion, options.statusRules)),
    listPersonas: (scope: Scope) => answer(200, { personas: personasOf(scope.world) }),
    listJournal: (scope: Scope, params: ControlParams<'listJournal'>) => answer(200, { entries: scope.journal.list(params.limit) }),
    clearJournal: (scope: Scope) => {
      scope.journal.clear()
      return noContent
    },
    streamJournal: (scope: Scope, params: ControlParams<'streamJournal'>): JournalFeed => ({ journal: scope.journal, limit: params.limit }),
    getClock: (scope: Scope) => answer(200, scope.clock.state()),
    freezeClock: (scope: Scope, params: ControlParams<'freezeClock'>) =>
      orBadRequest(() => {
        scope.clock.freeze(params.at)
        return answer(200, scope.clock.state())
      }, RangeError),
    setClock: (scope: Scope, params: ControlParams<'setClock'>) =>
      orBadRequest(() => {
        scope.clock.set(params.to)
        return answer(200, scope.clock.state())
      }, RangeError),
    advanceClock: (scope: Scope, params: ControlParams<'advanceClock'>) =>
      orBadRequest(() => {
        scope.clock.advance(params.by)
        return answer(200, scope.clock.state())
      }, RangeError),
    resumeClock: (scope: Scope) => {
      scope.clock.resume()
      return answer(200, scope.clock.state())
    },
    listFaults: (scope: Scope) => answer(200, { faults: scope.faults.list() }),
    addFault: (scope: Scope, params: ControlParams<'addFault'>) =>
      orBadRequest(() => {
        checkFaultTarget(params, options.faultTargets)
        return answer(201, scope.faults.add(params))
      }, FaultError),
    clearFaults: (scope: Scope) => {
      scope.faults.clear()
      return noContent
    },
    removeFault: (scope: Scope, params: ControlParams<'removeFault'>) =>
      scope.faults.remove(params.id) ? noContent : refuse(404, new NotFoundRefusal('Fault')),
    // The instance always exists: nothing to refuse.
    setInstanceRegistration: (scope: Scope, params: ControlParams<'setInstanceRegistration'>) => {
      plane.change(scope, (world) => setRegistrationAllowed(world, 'instance', params.allowed), () => true)
      return answer(200, { allowed: params.allowed })
    },
    setGroupRegistration: (scope: Scope, params: ControlParams<'setGroupRegistration'>) =>
      setRegistration(scope, { groupId: params.id }, params.allowed, 'Group'),
    setProjectRegistration: (scope: Scope, params: ControlParams<'setProjectRegistration'>) =>
      setRegistration(scope, { projectId: params.id }, params.allowed, 'Project'),
    listSessions: () =>
      answer(200, {
        sessions: plane.sessions().map((session) => ({
          id: session.id ?? '',
          createdAt: new Date(session.createdAt).toISOString(),
          lastUsedAt: new Date(session.lastUsedAt).toISOString(),
          copied: session.copied,
        })),
      }),
    dropSession: (_scope: Scope, params: ControlParams<'dropSession'>) =>
      plane.dropSession(params.id) ? noContent : refuse(404, new NotFoundRefusal('Session')),
    getHealth: () =>
      answer(200, {
        status: 'ok' as const,
        version: about.version,
        scenario: plane.scenarioName,
        gitlabVersion: about.gitlabVersion,
        uptimeSeconds: Math.round((Date.now() - about.startedAt) / 1000),
        sessions: plane.sessions().length,
      }),
    getControlIndex: () =>
      answer(200, {
        name: 'gitlab-runners-mock control API' as const,
        version: about.version,
        health: `${prefix}/health`,
        openapi: `${prefix}/openapi.json`,
        api: '/api/v4',
        operations: [...contract().operations.values()].map((operation) => ({
          operationId: operation.operationId,
          method: operation.method.toUpperCase(),
          path: `${prefix}${operation.path === '/' ? '' : operation.path}`,
          summary: operation.summary ?? '',
        })),
      }),
    // loadContract refused the document unless it is OpenAPI 3.1 with info and paths.
    getControlOpenapi: () => answer(200, contract().document as ControlAnswerBody<'getControlOpenapi', 200>),
  } satisfies ControlSurfaceShape

  type Surface = typeof operations

  /**
   * Checks a request against the operation in control.yaml, as the HTTP control API does, then runs
   * it: a program's call is refused for the same parameters, with the same words, as a request.
   */
  function call<Op extends ControlOperationId>(
    operationId: Op,
    scope: Scope,
    request: { path?: Record<string, string>; query?: Record<string, string | string[]>; body?: unknown },
  ): ReturnType<Surface[Op]> | Refused<400> {
    const operation = contract().operations.get(operationId)
    if (operation === undefined) throw new Error(`control.yaml has no operation ${operationId}`)
    const validation = contract().validateRequest(operation, {
      path: request.path ?? {},
      query: request.query ?? {},
      // Whatever it is, the validation judges it.
      body: request.body as Record<string, unknown> | undefined,
    })
    if (!validation.ok) return refuse(400, new ControlParamsError(validation.error))
    // Checked just now against the schema these parameter types are generated from.
    const run = operations[operationId] as (scope: Scope, params: unknown) => ReturnType<Surface[Op]>
    // As a request of the scope: a session that has not changed anything reads the shared world by its own clock.
    return plane.within(scope, () => run(scope, validation.params))
  }

  /** Whether control.yaml's operation has a function here (the build checks they all do; a test checks the document loaded). */
  function offers(operationId: string): operationId is ControlOperationId {
    return Object.hasOwn(operations, operationId)
  }

  return { operations, call, offers, contract }
}

export type ControlSurface = ReturnType<typeof controlSurface>
