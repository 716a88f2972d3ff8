// The control plane: the main scope and the sessions, which scope a request acts on, the faults and
// journal around each GitLab API request, and the hook that persists accepted changes. What each
// control operation does lives in surface.ts (HTTP adapter: routes.ts); this file holds the state.
import type { IncomingHttpHeaders, IncomingMessage, ServerResponse } from 'node:http'
import type { RequestHandler } from 'express'
import type { Clock } from '../store/clock.js'
import type { WorldData } from '../store/records.js'
import { World } from '../store/world.js'
import { forcedStatus, invalidSession, sessionsBusy, StateNotSavedError } from '../server/errors.js'
import { isRead, ScopeRefusal, type FaultOutcome, type RequestScope, type SentRefusal, type ServerHooks } from '../server/hooks.js'
import type { FaultAction } from './faults.js'
import type { JournalSize, ServedRequest } from './journal.js'
import { SessionLimitError } from './refusals.js'
import { Scope, SharedWorld, scopedClock, swapServing } from './scope.js'

export const SESSION_HEADER = 'x-mock-session'
// Polled by whatever waits on the mock: logging it would drown the requests that matter.
const HEALTH_PATH = '/__mock/health'
// Test names make good session ids, so spaces and punctuation are welcome; only what a header can carry.
const SESSION_ID = /^[!-~](?:[ -~]{0,198}[!-~])?$/

export interface ControlPlaneOptions {
  scenario: WorldData
  /** What the scenario is called (a built-in name, a path, `inline`), null for data; for health checks. */
  scenarioName: string | null
  /** The clock beneath the main scope's clock (the system clock, or a test's ManualClock). */
  baseClock: Clock
  /** Entries each scope's journal keeps. */
  journalLimit: number
  /** Bytes each scope's journal keeps at most (README "The journal's budget"). */
  journalBytes: number
  /** A session unused this long is dropped. */
  sessionIdleMs: number
  /** Called when any request but a health check has been answered (the request log). */
  onServed?: (request: ServedRequest, session: string | null) => void
  /** The GitLab release the mock answers as ("17.11"): exported states name it. */
  gitlabVersion: string
  /** Most sessions alive at once; a new one evicts the least recently used. */
  maxSessions: number
  /**
   * Saves the main scope's state (the state file); throws when it cannot. Called for every change
   * to the main scope before the change is applied and answered: a change that cannot be saved is
   * refused and leaves the state as it was.
   */
  save?: (world: World) => void
}

// How many state-file writes go through a fork before the main world is rebuilt from its data.
const REBUILD_EVERY = 64

export class SessionIdError extends Error {}

export class ControlPlane {
  readonly main: Scope
  /** The main scope's scenario by name, as `GET /__mock/health` reports it. */
  scenarioName: string | null
  private shared: SharedWorld
  /** In order of last use, least recent first. */
  private readonly sessionsById = new Map<string, Scope>()
  /** The scope of each request outside the GitLab API being served (the control API's). */
  private readonly shellScopes = new WeakMap<IncomingMessage, Scope>()
  /** Changes kept through a fork since the main world was last rebuilt (see change()). */
  private keptForks = 0
  private readonly sweeper: NodeJS.Timeout
  // Names travel with the scenario data, so a session (which starts from the main scenario) knows its name too.
  private readonly scenarioNames = new WeakMap<WorldData, string>()

  /** The GitLab release the mock answers as ("17.11"). */
  readonly gitlabVersion: string
  private readonly journalSize: JournalSize

  constructor(private readonly options: ControlPlaneOptions) {
    this.gitlabVersion = options.gitlabVersion
    this.journalSize = { limit: options.journalLimit, bytes: options.journalBytes }
    // The pristine world comes first: the main scope forks it, like every session.
    this.shared = this.sharedFor(options.scenario)
    this.scenarioName = options.scenarioName
    if (options.scenarioName !== null) this.scenarioNames.set(options.scenario, options.scenarioName)
    this.main = new Scope(null, options.scenario, options.baseClock, this.journalSize, () => this.shared)
    // Also dropped lazily on use; the timer only frees memory of sessions nobody asks about again.
    this.sweeper = setInterval(() => this.expire(), Math.min(options.sessionIdleMs, 60_000))
    this.sweeper.unref()
  }

  /**
   * The session with this id, created from the main scope's scenario on first use. Sessions are kept
   * in order of last use, so expiring idle ones and evicting the least recently used one look only at
   * the front: O(1) per request however many sessions there are.
   */
  session(id: string): Scope {
    if (!SESSION_ID.test(id)) throw new SessionIdError(`X-Mock-Session must be 1 to 200 printable ASCII characters without surrounding spaces, got '${id}'`)
    this.expire()
    let scope = this.sessionsById.get(id)
    if (scope) this.sessionsById.delete(id)
    else {
      if (this.sessionsById.size >= this.options.maxSessions) this.evictOne()
      scope = new Scope(id, this.main.scenarioData, this.main.clock, this.journalSize, () => this.shared)
    }
    this.sessionsById.set(id, scope)
    scope.lastUsedAt = Date.now()
    return scope
  }

  sessions(): Scope[] {
    this.expire()
    return [...this.sessionsById.values()]
  }

  dropSession(id: string): boolean {
    return this.sessionsById.delete(id)
  }

  /** Loads a scenario into a scope; on the main scope it is also what new sessions start from. */
  load(scope: Scope, data: WorldData, name: string | null = null): void {
    if (name !== null) this.scenarioNames.set(data, name)
    const { shared, scenarioName } = this
    const restore = () => {
      this.shared = shared
      this.scenarioName = scenarioName
    }
    this.durably(scope, restore, () => {
      // A new main scenario gets its pristine world before the main scope forks it.
      if (scope === this.main) {
        this.shared = this.sharedFor(data)
        this.scenarioName = name
      }
      scope.load(data)
    })
  }

  /** The name of the scenario the scope was loaded from, null when a program passed data. */
  scenarioNameOf(scope: Scope): string | null {
    return this.scenarioNames.get(scope.scenarioData) ?? null
  }

  /** Back to the scope's scenario. */
  reset(scope: Scope): void {
    this.durably(scope, () => {}, () => scope.reset())
  }

  /** Replaces the scope's state with checked data; the scenario stays. */
  importState(scope: Scope, data: WorldData): void {
    this.durably(scope, () => {}, () => scope.importState(data))
  }

  /**
   * Runs a change on the scope's state and keeps it when `accepted` says so. On the main scope with a
   * state file the change runs on a fork, which becomes the state only once it is on disk: a failed
   * write throws StateNotSavedError and leaves the state exactly as it was.
   */
  change<T, A = undefined>(scope: Scope, apply: (world: World, input: A) => T, accepted: (result: T) => boolean, input?: A): T {
    if (!this.isSaved(scope)) return apply(scope.writable(), input as A)
    const draft = scope.writable().fork()
    const result = apply(draft, input as A)
    if (accepted(result)) {
      this.save(draft)
      // Every kept fork lays its changes over the last one; rebuilding now and then keeps the layers a
      // lookup reads through few, at the cost of one copy per so many writes (each write already
      // serialises the whole state for the file).
      this.keptForks = (this.keptForks + 1) % REBUILD_EVERY
      scope.adopt(this.keptForks === 0 ? new World(draft.toData(), draft.clock) : draft)
    }
    return result
  }

  /** Writes the main scope's state as it is now (at start, so the file exists from the first moment). */
  saveNow(): void {
    if (this.options.save) this.save(this.main.world)
  }

  /**
   * The answer to a GitLab API request, from its scope's world as it is when this runs: called once
   * the body has been read, so a reset that landed meanwhile is seen, never written past. While it
   * runs, the scope's clock is the one the shared pristine world reads.
   */
  serve<A, T>(scope: Scope, method: string | undefined, answer: (world: World, input: A) => T, input: A, accepted: (result: T) => boolean): T {
    const outer = swapServing(scope)
    try {
      return isRead(method) ? answer(scope.world, input) : this.change(scope, answer, accepted, input)
    } finally {
      swapServing(outer)
    }
  }

  /** Runs `fn` (which must not pause) as a request of `scope`: the shared pristine world reads its clock. */
  within<T>(scope: Scope, fn: () => T): T {
    const outer = swapServing(scope)
    try {
      return fn()
    } finally {
      swapServing(outer)
    }
  }

  /** The scope a request to the control API (or any request but a GitLab API one) acts on. */
  scopeOf(req: IncomingMessage): Scope {
    return this.shellScopes.get(req) ?? this.main
  }

  /**
   * Enters a request's scope: its session by X-Mock-Session, else the main scope. An invalid
   * session id, or a full house of busy sessions, is refused here, before anything acts on a scope.
   */
  enter(req: IncomingMessage, path: string): Exchange | ScopeRefusal {
    const header = req.headers[SESSION_HEADER]
    let scope: Scope
    try {
      scope = typeof header === 'string' ? this.session(header) : this.main
    } catch (error) {
      if (error instanceof SessionIdError) return new ScopeRefusal(invalidSession(error.message))
      if (error instanceof SessionLimitError) return new ScopeRefusal(sessionsBusy(error.message))
      throw error
    }
    const journaled = path.startsWith('/api/')
    // Health checks are polled by whatever waits on the mock: logging them would drown the requests that matter.
    const exchange = new Exchange(this, scope, req, journaled, this.options.onServed !== undefined && path !== HEALTH_PATH)
    if (!journaled) this.shellScopes.set(req, scope)
    return exchange
  }

  /**
   * A request refused before it entered a scope, already answered: journaled in the main scope (a
   * session it named may not exist) and logged like any other, so a page the mock turned away, or a
   * client with a bad session id, shows in the journal and the log with the reason it was given.
   */
  refused(req: IncomingMessage, res: ServerResponse, path: string, refusal: SentRefusal): void {
    const exchange = new Exchange(this, this.main, req, path.startsWith('/api/'), this.options.onServed !== undefined)
    exchange.response = refusal
    exchange.refusal = refusal.code
    exchange.finish(res)
  }

  /** A request has been answered (or dropped): the scope's journal copies it, the request log reads it. */
  finished(exchange: Exchange): void {
    const { scope } = exchange
    scope.inFlight--
    if (exchange.journaled) scope.journal.record(exchange)
    if (exchange.logged) this.options.onServed?.(exchange, scope.id)
  }

  /**
   * What the server asks of the control plane, with the control API (`routes`) mounted at `prefix`:
   * the one place the two meet.
   */
  serverHooks(prefix: string, routes: RequestHandler): ServerHooks {
    return {
      enter: (req, path) => this.enter(req, path),
      refused: (req, res, path, refusal) => this.refused(req, res, path, refusal),
      mount: { prefix, handler: routes },
    }
  }

  /**
   * Applies the first matching fault of the request's scope: waits, then answers a forced status,
   * drops the connection, or lets the request run. Synchronous unless the fault delays.
   */
  applyFault(exchange: Exchange, req: IncomingMessage, path: string, operationId: string | undefined): FaultOutcome | Promise<FaultOutcome> {
    const action = exchange.scope.faults.decide(operationId, req.method ?? '', path)
    if (!action) return undefined
    exchange.fault = action.faultId
    if (action.delayMs > 0) return new Promise((resolve) => setTimeout(resolve, action.delayMs)).then(() => faultOutcome(action, req))
    return faultOutcome(action, req)
  }

  close(): void {
    clearInterval(this.sweeper)
    this.sessionsById.clear()
  }

  private sharedFor(data: WorldData): SharedWorld {
    // Read through the main scope lazily: the first pristine world exists before the main scope does.
    return new SharedWorld(data, scopedClock({ now: () => this.main.clock.now() }))
  }

  /** Drops sessions idle too long: they sit at the front, in order of last use. */
  private expire(): void {
    const oldest = Date.now() - this.options.sessionIdleMs
    for (const [id, scope] of this.sessionsById) {
      if (scope.lastUsedAt >= oldest) break
      this.sessionsById.delete(id)
    }
  }

  /** Makes room for one more session: the least recently used one not serving a request goes. */
  private evictOne(): void {
    for (const [id, scope] of this.sessionsById) {
      if (scope.inFlight > 0) continue
      this.sessionsById.delete(id)
      return
    }
    throw new SessionLimitError(
      `all ${this.options.maxSessions} sessions are serving requests (the cap is --max-sessions / maxSessions); retry, or drop a session with DELETE /__mock/sessions/{id}`,
    )
  }

  private isSaved(scope: Scope): boolean {
    return scope === this.main && this.options.save !== undefined
  }

  private save(world: World): void {
    try {
      this.options.save?.(world)
    } catch (error) {
      throw new StateNotSavedError((error as NodeJS.ErrnoException).code ?? (error as Error).message)
    }
  }

  /** Runs a change that replaces the scope's state whole, keeping it only once it is saved. */
  private durably(scope: Scope, restoreMore: () => void, apply: () => void): void {
    if (!this.isSaved(scope)) return apply()
    const restore = scope.snapshot()
    apply()
    try {
      this.save(scope.world)
    } catch (error) {
      restore()
      restoreMore()
      throw error
    }
  }
}

function faultOutcome(action: FaultAction, req: IncomingMessage): FaultOutcome {
  if (action.drop) {
    req.socket.destroy()
    return 'dropped'
  }
  if (action.status === undefined) return undefined
  const { status, body } = forcedStatus(action.status)
  // GitLab's 429 tells the client when to come back (reference §6.5).
  return { status, body, headers: status === 429 ? { 'Retry-After': '60' } : {} }
}

/**
 * One request from entry to answer: what the server learns about it is written straight onto it.
 * Once answered, the journal copies it into its bytes and the request log reads it; nothing keeps
 * the object itself, so it dies young.
 */
class Exchange implements RequestScope, ServedRequest {
  readonly at = Date.now()
  readonly method: string
  readonly originalUrl: string
  readonly headers: IncomingHttpHeaders
  status = 0
  durationMs = 0
  operationId: string | undefined = undefined
  body: unknown = undefined
  fault: string | undefined = undefined
  findings: string[] | undefined = undefined
  /** Set for a request refused before it entered a scope: the refusal's code. */
  refusal: string | undefined = undefined
  username: string | undefined = undefined
  /** The reply as sent (headers, and its body as the JSON text sent): the journal copies it out at finish. */
  response: { headers: Record<string, string>; body?: unknown; text?: string; bytes?: Buffer } | undefined = undefined
  // process.hrtime, not performance.now(): the global `performance` loads perf_hooks on first use,
  // ~0.8 ms of a start's first request, and nothing else the mock serves needs it.
  private readonly started = process.hrtime.bigint()
  private done = false

  constructor(
    private readonly plane: ControlPlane,
    readonly scope: Scope,
    req: IncomingMessage,
    readonly journaled: boolean,
    readonly logged: boolean,
  ) {
    this.method = req.method ?? ''
    this.originalUrl = req.url ?? ''
    this.headers = req.headers
    scope.inFlight++
  }

  get world(): World {
    return this.scope.world
  }

  get replayTurns(): Map<string, number> {
    return this.scope.replayTurns
  }

  beforeOperation(req: IncomingMessage, path: string, operationId: string | undefined): FaultOutcome | Promise<FaultOutcome> {
    return this.plane.applyFault(this, req, path, operationId)
  }

  serve<A, T>(req: IncomingMessage, answer: (world: World, input: A) => T, input: A, accepted: (result: T) => boolean): T {
    return this.plane.serve(this.scope, req.method, answer, input, accepted)
  }

  finish(res: ServerResponse): void {
    if (this.done) return
    this.done = true
    // A dropped connection never sent a status.
    this.status = res.headersSent ? res.statusCode : 0
    this.durationMs = Math.round(Number(process.hrtime.bigint() - this.started) / 1e4) / 100
    this.plane.finished(this)
  }
}
