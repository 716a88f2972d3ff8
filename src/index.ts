// The programmatic API: start the mock in-process from a test runner and control it: sessions, clock,
// faults, journal, state. The same controls as the HTTP control API under /__mock.
import { defaultContractFile, loadContract, type Contract } from './contract/index.js'
import { MockClock } from './control/clock.js'
import { requireControlToken } from './control/control-token.js'
import type { Fault, FaultSpec } from './control/faults.js'
import { DEFAULT_JOURNAL_BYTES, DEFAULT_JOURNAL_LIMIT, MAX_JOURNAL_BYTES, MAX_JOURNAL_LIMIT, type JournalEntry } from './control/journal.js'
import { ControlPlane } from './control/plane.js'
import { NotFoundRefusal } from './control/refusals.js'
import type { RegistrationTarget } from './control/registration.js'
import { requestLogEntry, type RequestLogEntry } from './control/request-log.js'
import { CONTROL_PREFIX, controlRoutes } from './control/routes.js'
import type { Scope } from './control/scope.js'
import { readStateFile, removeLeftoverTemporaries, writeStateFile } from './control/state-file.js'
import { controlContract, controlSurface, type ControlSurface, type Refused } from './control/surface.js'
import { confinedAccess, type FileAccess } from './scenarios/file-access.js'
import { loadScenario } from './scenarios/load.js'
import { packageVersion } from './package-version.js'
import { systemClock, type Clock } from './store/clock.js'
import { JobTable } from './store/job-table.js'
import type { WorldData } from './store/records.js'
import type { World } from './store/world.js'
import { API_PREFIX, createApp } from './server/app.js'
import { normaliseCorsSetting, type CorsSetting } from './server/cors-setting.js'
import { listen, urlHost } from './server/listen.js'
import { serveRelease } from './server/served-release.js'
import type { SelfCheckFailure, SelfCheckMode } from './server/self-check.js'

export type { CorsSetting } from './server/cors-setting.js'
export type { SelfCheckFailure, SelfCheckMode } from './server/self-check.js'
export type { WorldData } from './store/records.js'
export type { ClockState } from './control/clock.js'
export type { Fault, FaultSpec } from './control/faults.js'
export type { JournalEntry } from './control/journal.js'
export type { RequestLogEntry } from './control/request-log.js'
export { ManualClock } from './store/clock.js'
export { MockClock } from './control/clock.js'
export { ControlTokenError } from './control/control-token.js'
export { StateFileError } from './control/state-file.js'
export { CorsSettingError } from './server/cors-setting.js'
export { StateError } from './control/state-check.js'
export { ControlParamsError, NotFoundRefusal, SessionLimitError, StateNotSavedError } from './control/refusals.js'
export { FaultError } from './control/faults.js'
export { ScenarioError } from './scenarios/load.js'
/** Both contracts as types (openapi-typescript), e.g. for a typed client: `createClient<GitLabRunnersApi>()`. */
export type { paths as GitLabRunnersApi, components as GitLabRunnersComponents, operations as GitLabRunnersOperations } from './generated/gitlab-runners.js'
export type { paths as ControlApi, components as ControlApiComponents } from './generated/control.js'
export { ReleaseError } from './profile/index.js'

export interface StartMockOptions {
  /** A scenario name from `scenarios/` (e.g. `default`), a path to a scenario file, or world data. Default `default`. */
  scenario?: string | WorldData
  /** Port to listen on; 0 (the default) picks a free port. */
  port?: number
  /** Interface to bind; 127.0.0.1 unless you need otherwise. Any other than loopback needs `controlToken`. */
  host?: string
  /** The clock beneath the mock's controllable clock (`mock.clock`); defaults to the system clock. */
  clock?: Clock
  /**
   * Answer every request from the contract's examples, without state, like Prism's static mock
   * (`Prefer: code=404` or `Prefer: example=<name>` picks another documented answer). Requests are
   * still validated and need some credential where GitLab needs one. Default false.
   */
  static?: boolean
  /** What a response that breaks the contract does: `strict` answers 500, `log` (default) warns and sends it. */
  selfCheck?: SelfCheckMode
  /** Which browser origins may call the mock: `local` (default), `*`, a list, or false. */
  cors?: CorsSetting
  /**
   * Host names the mock answers besides loopback ones (localhost, *.localhost, 127.0.0.1, [::1]):
   * `name` on any port or `name:port`. Other Host headers get 403, which stops DNS rebinding.
   * The interface given as `host` is allowed too.
   */
  allowedHosts?: string[]
  /**
   * Folders whose files a scenario loaded over the control API may name in `include:` and `replay:`,
   * besides the package's scenarios/ and fixtures/. Scenarios given here or to `load()` read any file.
   */
  allowDirs?: string[]
  /** Largest request body accepted, in bytes (default 1 MiB); larger bodies get 413. */
  bodyLimitBytes?: number
  /** Where log lines go (default: stderr). */
  log?: (line: string) => void
  /** Called once per answered request (all but `GET /__mock/health`), secrets masked: `serve`'s request log. */
  onRequest?: (entry: RequestLogEntry) => void
  /** Required in `X-Mock-Control-Token` on every control request; mandatory on a non-loopback host. */
  controlToken?: string
  /** A session unused this long is dropped (default 30 minutes). */
  sessionIdleMs?: number
  /**
   * Most sessions alive at once (default 500); a new session beyond it evicts the least recently
   * used one. Only when every session is serving a request is a new one refused (503).
   */
  maxSessions?: number
  /** Requests each journal keeps (default 500; 0 keeps none). */
  journalLimit?: number
  /**
   * Bytes each journal keeps at most (default 8 MiB): requests and replies as stored, oldest dropped
   * first; the newest request is kept even when it alone is larger (README "The journal's budget").
   */
  journalBytes?: number
  /**
   * Keep the main state in this file: read at start when it exists, rewritten (write-then-rename)
   * after every accepted change, before the change is answered.
   */
  stateFile?: string
  /**
   * The GitLab release to answer as: "17.11", "16", "15.11.2-ee", "v14.10" (default: the newest the
   * contract describes). Shapes, statuses, thresholds, operations and parameters follow that release.
   * Junk or a release outside 11.0–18.x throws a ReleaseError naming the supported range.
   */
  gitlabVersion?: string
}

/** Where registration tokens may (or may not) register runners; refused, `POST /runners` answers 410. */
export type { RegistrationTarget } from './control/registration.js'

/** The controls of one scope: the mock's main state (`mock`) or one session (`mock.session(id)`). */
export interface MockControls {
  /**
   * The state this scope serves; reading it gives a session its own copy. Worlds share unchanged
   * records with the pristine scenario, so change a record only through `world.writableRunner(r)`
   * (and `writableGroup`, `writableProject`, `writableManager`, `writableInstance`), or through the
   * API: a record changed in place would leak into resets and other sessions. Ask again right before
   * every change: lists keep each runner's JSON text until the world next hands a record out.
   */
  readonly world: World
  /** This scope's clock: `freeze()`, `set(iso)`, `advance('3h')`, `resume()`. A session's clock runs on the mock's. */
  readonly clock: MockClock
  /** Back to the scenario (as loaded, or as last loaded with `load`). Faults, clock and journal stay. */
  reset(): Promise<void>
  /** Loads a scenario (name, path or data) and makes it what `reset()` returns to. */
  load(scenario: string | WorldData): void
  /** The whole state as data; `importState(exportState())` changes nothing. */
  exportState(): WorldData
  /** Replaces the state; `reset()` still returns to the scenario. */
  importState(state: WorldData): void
  /** Adds a fault, e.g. `{ operationId: 'getRunner', status: 500 }` or `{ path: '/runners/*', latencyMs: 300 }`. */
  fault(spec: FaultSpec): Fault
  /** The faults in the order they are tried. */
  faults(): Fault[]
  /** False when there is no such fault. */
  removeFault(id: string): boolean
  clearFaults(): void
  /** The last requests to the GitLab API on this scope, oldest first, tokens redacted. */
  journal(options?: { limit?: number }): JournalEntry[]
  clearJournal(): void
  /** Allows or refuses registration tokens on the instance, a group or a project. */
  allowRegistrationToken(target: RegistrationTarget, allowed: boolean): void
}

/** One session: an isolated copy of the scenario that requests with `X-Mock-Session: <id>` act on. */
export interface MockSession extends MockControls {
  readonly id: string
  /** The header that selects this session, to spread into a request's headers. */
  readonly headers: { 'X-Mock-Session': string }
  /** Forgets the session; its next request starts a fresh one. */
  drop(): void
}

export interface RunningMock extends MockControls {
  /** Base URL of the API, e.g. `http://127.0.0.1:4600/api/v4`. */
  url: string
  /** Origin without the API prefix, e.g. `http://127.0.0.1:4600`; the control API is at `${origin}/__mock`. */
  origin: string
  port: number
  /** The GitLab release the mock answers as, "MAJOR.MINOR" (e.g. "17.11"). */
  readonly gitlabVersion: string
  /** Responses that failed the mock's own contract since start (should stay empty). */
  readonly selfCheckFailures: readonly SelfCheckFailure[]
  /** The session with this id, created on first use from the main scenario (cheap: copied on its first change). */
  session(id: string): MockSession
  /** Ids of the live sessions. */
  sessions(): string[]
  close(): Promise<void>
}

let sharedContract: Contract | undefined

// Control requests are small; an imported state can be far larger than any GitLab request.
const CONTROL_BODY_LIMIT = 1024 * 1024
const STATE_BODY_LIMIT = 512 * 1024 * 1024

/** Starts the mock on 127.0.0.1 (a free port by default) with a scenario. */
export async function startMock(options: StartMockOptions = {}): Promise<RunningMock> {
  const host = options.host ?? '127.0.0.1'
  requireControlToken(host, options.controlToken)
  const cors = normaliseCorsSetting(options.cors ?? 'local')
  const baseClock = options.clock ?? systemClock
  // The shipped contract passes the strict schema check in the test suite; validators compile on first use.
  sharedContract ??= loadContract(defaultContractFile, { checkSchemas: false })
  const contract = options.gitlabVersion === undefined ? sharedContract : sharedContract.forRelease(options.gitlabVersion)
  const gitlabVersion = contract.profile.label
  // Built once: the API answers by it, a scenario's runners without a token get its token shapes, the overview counts by its status rules.
  const release = serveRelease(contract.profile)
  const { tokenPrefixes, statusRules } = release
  // A copy of caller-owned data: the pristine world adopts these records, so nobody else may hold them.
  const data =
    typeof options.scenario === 'object' ? structuredClone(options.scenario) : loadScenario(options.scenario ?? 'default', { now: baseClock.now(), tokenPrefixes })
  const log = options.log ?? ((line: string) => process.stderr.write(`${line}\n`))
  const { stateFile, onRequest } = options
  if (stateFile !== undefined) removeLeftoverTemporaries(stateFile)
  const saved = stateFile === undefined ? undefined : readStateFile(stateFile)
  const maxSessions = options.maxSessions ?? 500
  if (!Number.isSafeInteger(maxSessions) || maxSessions < 1) throw new RangeError(`maxSessions must be a positive integer, got ${maxSessions}`)
  const journalLimit = options.journalLimit ?? DEFAULT_JOURNAL_LIMIT
  // Every scope's journal holds typed columns of this many slots, made with the scope.
  if (!Number.isSafeInteger(journalLimit) || journalLimit < 0 || journalLimit > MAX_JOURNAL_LIMIT) {
    throw new RangeError(`journalLimit must be an integer from 0 to ${MAX_JOURNAL_LIMIT}, got ${journalLimit}`)
  }
  const journalBytes = options.journalBytes ?? DEFAULT_JOURNAL_BYTES
  if (!Number.isSafeInteger(journalBytes) || journalBytes < 1 || journalBytes > MAX_JOURNAL_BYTES) {
    throw new RangeError(`journalBytes must be an integer from 1 to ${MAX_JOURNAL_BYTES}, got ${journalBytes}`)
  }

  const plane = new ControlPlane({
    scenario: data,
    scenarioName: typeof options.scenario === 'object' ? null : (options.scenario ?? 'default'),
    baseClock,
    journalLimit,
    journalBytes,
    sessionIdleMs: options.sessionIdleMs ?? 30 * 60_000,
    gitlabVersion,
    maxSessions,
    ...(stateFile === undefined ? {} : { save: (world: World) => writeStateFile(stateFile, world.toData()) }),
    onServed: onRequest === undefined ? undefined : (served, session) => onRequest(requestLogEntry(served, session)),
  })
  if (saved) plane.importState(plane.main, saved)
  else plane.saveNow()

  // One surface for the control API and one for this program's methods: the same functions, but a
  // scenario sent over HTTP reads only the allowed folders while a program's own scenarios read anywhere.
  const faultTargets = { operationIds: [...contract.operations.keys()], paths: [...contract.operations.values()].map((operation) => operation.path) }
  const surfaceOf = (scenarioFiles: FileAccess | undefined) =>
    controlSurface({
      plane, scenarioFiles, contract: controlContract, prefix: CONTROL_PREFIX, faultTargets, tokenPrefixes, statusRules,
      about: { version: packageVersion(), gitlabVersion, startedAt: Date.now() },
    })
  const inProcess = surfaceOf(undefined)
  const selfCheck = options.selfCheck ?? 'log'
  const { app, responder } = createApp({
    contract,
    release,
    hooks: plane.serverHooks(
      CONTROL_PREFIX,
      controlRoutes({
        plane, surface: surfaceOf(confinedAccess(options.allowDirs)), controlToken: options.controlToken, selfCheck, log,
        bodyLimitBytes: CONTROL_BODY_LIMIT,
        stateBodyLimitBytes: STATE_BODY_LIMIT,
      }),
    ),
    selfCheck,
    static: options.static ?? false,
    cors,
    allowedHosts: [...(options.allowedHosts ?? []), ...boundHost(host)],
    bodyLimitBytes: options.bodyLimitBytes ?? 1024 * 1024,
    log,
  })
  const listening = await listen(app, options.port ?? 0, host)
  const origin = `http://${urlHost(host)}:${listening.port}`
  // Object.assign, not spread: spreading would freeze the `world` getter to today's world.
  return Object.assign(controlsOf(() => plane.main, inProcess), {
    clock: plane.main.clock,
    url: `${origin}${API_PREFIX}`,
    origin,
    port: listening.port,
    gitlabVersion,
    selfCheckFailures: responder.failures,
    session(id: string): MockSession {
      // Each call finds the session again: held past an eviction, expiry or drop, these controls act on
      // the session requests with this id are served from, not on a scope nobody serves any more.
      const scopeOf = () => plane.session(id)
      const controls = Object.assign(controlsOf(scopeOf, inProcess), {
        id,
        headers: { 'X-Mock-Session': id } as const,
        drop: () => void inProcess.operations.dropSession(plane.main, { id }),
      })
      scopeOf()
      return Object.defineProperty(controls, 'clock', { get: () => scopeOf().clock, enumerable: true }) as MockSession
    },
    sessions: () => inProcess.operations.listSessions().body.sessions.map((session) => session.id),
    async close() {
      plane.close()
      await listening.close()
    },
  })
}

/** Clients reach a mock bound to one address by that address; a wildcard bind names no host. */
function boundHost(host: string): string[] {
  return host === '0.0.0.0' || host === '::' ? [] : [urlHost(host)]
}

/**
 * The controls of the scope `scopeOf` finds, but its clock (a session's may change, the main one's
 * does not). Each calls the control surface the HTTP control API calls, so both check the same things
 * and refuse the same requests; a refusal is thrown (`ControlParamsError` for what control.yaml does
 * not allow, `FaultError`, `StateError`, `ScenarioError`, `NotFoundRefusal`).
 */
function controlsOf(scopeOf: () => Scope, surface: ControlSurface): Omit<MockControls, 'clock'> {
  const { call, operations } = surface
  return {
    get world() {
      return scopeOf().writable()
    },
    async reset() {
      settled(call('resetScope', scopeOf(), {}))
    },
    // Not checked against control.yaml, whose `name` is a name in scenarios/: a program may also name a file or pass data.
    load(scenario) {
      settled(operations.loadScenario(scopeOf(), typeof scenario === 'string' ? { name: scenario } : { data: scenario }))
    },
    exportState() {
      const state: WorldData & { gitlabVersion?: string } = settled(call('exportState', scopeOf(), {})).body
      // The release is this mock's (`mock.gitlabVersion`), not part of the world; the object is a fresh one.
      delete state.gitlabVersion
      return state
    },
    importState(state) {
      // Checked as JSON, as over HTTP: a program's data may hold its jobs as the store's compact table.
      const body = state.jobs instanceof JobTable ? { ...state, jobs: [...state.jobs] } : state
      settled(call('importState', scopeOf(), { body }))
    },
    fault: (spec) => settled(call('addFault', scopeOf(), { body: spec })).body,
    faults: () => settled(call('listFaults', scopeOf(), {})).body.faults,
    removeFault(id) {
      const outcome = call('removeFault', scopeOf(), { path: { id } })
      if ('refused' in outcome && outcome.refused instanceof NotFoundRefusal) return false
      settled(outcome)
      return true
    },
    clearFaults: () => void settled(call('clearFaults', scopeOf(), {})),
    journal: (options = {}) =>
      settled(call('listJournal', scopeOf(), { query: options.limit === undefined ? {} : { limit: String(options.limit) } })).body.entries,
    clearJournal: () => void settled(call('clearJournal', scopeOf(), {})),
    allowRegistrationToken(target, allowed) {
      const scope = scopeOf()
      const body = { allowed }
      if (target === 'instance') settled(call('setInstanceRegistration', scope, { body }))
      else if ('groupId' in target) settled(call('setGroupRegistration', scope, { path: { id: String(target.groupId) }, body }))
      else settled(call('setProjectRegistration', scope, { path: { id: String(target.projectId) }, body }))
    },
  }
}

/** The answer, or the refusal thrown: what the HTTP control API answers 4xx, a program gets as an error. */
function settled<O>(outcome: O | Refused<number>): O {
  if (typeof outcome === 'object' && outcome !== null && 'refused' in outcome) throw outcome.refused
  return outcome
}
