// The control plane: the main scope and the sessions, which scope a request acts on, the faults and
// journal around each GitLab API request, and the hook that persists accepted changes. The control
// API's routes live in routes.ts; this file only holds the state they act on.
import type { Request, RequestHandler, Response } from 'express'
import type { Clock } from '../store/clock.js'
import type { WorldData } from '../store/records.js'
import type { World } from '../store/world.js'
import { forcedStatus } from '../server/errors.js'
import { isRead, noteExchange, notesOf, type ServerHooks } from '../server/hooks.js'
import type { Reply } from '../server/respond.js'
import { checkFaultTarget, type Fault, type FaultSpec, type FaultTargets } from './faults.js'
import type { ServedRequest } from './journal.js'
import { Scope, SharedWorld, currentScope, runInScope, scopedClock } from './scope.js'

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
  /** A session unused this long is dropped. */
  sessionIdleMs: number
  /** Called after every accepted change to the main scope's state, before the answer is sent. */
  onCommit?: (world: World) => void
  /** What faults may name; a fault naming anything else is refused. */
  faultTargets?: FaultTargets
  /** Called when any request but a health check has been answered (the request log). */
  onServed?: (request: ServedRequest, session: string | null) => void
  /** The GitLab release the mock answers as ("17.11"): exported states name it. */
  gitlabVersion: string
}

export class SessionIdError extends Error {}

export class ControlPlane {
  readonly main: Scope
  /** The main scope's scenario by name, as `GET /__mock/health` reports it. */
  scenarioName: string | null
  private shared: SharedWorld
  private readonly sessionsById = new Map<string, Scope>()
  private readonly sweeper: NodeJS.Timeout
  // Names travel with the scenario data, so a session (which starts from the main scenario) knows its name too.
  private readonly scenarioNames = new WeakMap<WorldData, string>()

  /** The GitLab release the mock answers as ("17.11"). */
  readonly gitlabVersion: string

  constructor(private readonly options: ControlPlaneOptions) {
    this.gitlabVersion = options.gitlabVersion
    // The pristine world comes first: the main scope forks it, like every session.
    this.shared = this.sharedFor(options.scenario)
    this.scenarioName = options.scenarioName
    if (options.scenarioName !== null) this.scenarioNames.set(options.scenario, options.scenarioName)
    this.main = new Scope(null, options.scenario, options.baseClock, options.journalLimit, () => this.shared)
    // Also dropped lazily on use; the timer only frees memory of sessions nobody asks about again.
    this.sweeper = setInterval(() => this.sweep(), Math.min(options.sessionIdleMs, 60_000))
    this.sweeper.unref()
  }

  /** The session with this id, created from the main scope's scenario on first use. */
  session(id: string): Scope {
    if (!SESSION_ID.test(id)) throw new SessionIdError(`X-Mock-Session must be 1 to 200 printable ASCII characters without surrounding spaces, got '${id}'`)
    this.sweep()
    let scope = this.sessionsById.get(id)
    if (!scope) {
      scope = new Scope(id, this.main.scenarioData, this.main.clock, this.options.journalLimit, () => this.shared)
      this.sessionsById.set(id, scope)
    }
    scope.lastUsedAt = Date.now()
    return scope
  }

  sessions(): Scope[] {
    this.sweep()
    return [...this.sessionsById.values()]
  }

  dropSession(id: string): boolean {
    return this.sessionsById.delete(id)
  }

  /** Loads a scenario into a scope; on the main scope it is also what new sessions start from. */
  load(scope: Scope, data: WorldData, name: string | null = null): void {
    if (name !== null) this.scenarioNames.set(data, name)
    // A new main scenario gets its pristine world before the main scope forks it.
    if (scope === this.main) {
      this.shared = this.sharedFor(data)
      this.scenarioName = name
    }
    scope.load(data)
    this.committed(scope)
  }

  /** The name of the scenario the scope was loaded from, null when a program passed data. */
  scenarioNameOf(scope: Scope): string | null {
    return this.scenarioNames.get(scope.scenarioData) ?? null
  }

  /** Persists the main scope's state after a change; sessions are never persisted. */
  committed(scope: Scope): void {
    if (scope === this.main) this.options.onCommit?.(this.main.world)
  }

  /** The scope the current request acts on (the main scope outside any request). */
  scope(): Scope {
    return currentScope() ?? this.main
  }

  /** The world a GitLab API request reads or changes; reads never copy a session's state. */
  worldFor(req: Request): World {
    const scope = this.scope()
    return isRead(req.method) ? scope.world : scope.writable()
  }

  /**
   * Enters the request's scope for the rest of the pipeline and journals GitLab API requests.
   * An invalid session id is answered here, before anything acts on a scope.
   */
  readonly enterScope: RequestHandler = (req, res, next) => {
    const header = req.headers[SESSION_HEADER]
    let scope: Scope
    try {
      scope = typeof header === 'string' ? this.session(header) : this.main
    } catch (error) {
      if (!(error instanceof SessionIdError)) throw error
      res.status(400).type('application/json').send(JSON.stringify({ message: `400 Bad request - ${error.message}` }))
      return
    }
    const journaled = req.path.startsWith('/api/')
    const { onServed } = this.options
    const logged = onServed !== undefined && req.path !== HEALTH_PATH
    if (journaled || logged) {
      whenServed(req, res, (served) => {
        if (journaled) scope.journal.record(served)
        if (logged) onServed(served, scope.id)
      })
    }
    runInScope(scope, next)
  }

  /**
   * What the server asks of the control plane, with the control API (`routes`) mounted at `prefix`:
   * the one place the two meet.
   */
  serverHooks(prefix: string, routes: RequestHandler): ServerHooks {
    return {
      enter: this.enterScope,
      mount: { prefix, handler: routes },
      worldFor: (req) => this.worldFor(req),
      replayTurns: () => this.scope().replayTurns,
      beforeOperation: (req, res, operationId) => this.applyFault(req, res, operationId),
      committed: () => this.committed(this.scope()),
    }
  }

  /** Adds a fault to a scope once it is known to name an operation or a route of the API. */
  addFault(scope: Scope, spec: FaultSpec): Fault {
    if (this.options.faultTargets) checkFaultTarget(spec, this.options.faultTargets)
    return scope.faults.add(spec)
  }

  /** Applies the first matching fault: waits, then answers a forced status, drops the connection, or lets the request run. */
  async applyFault(req: Request, res: Response, operationId: string | undefined): Promise<Reply | 'dropped' | undefined> {
    const action = this.scope().faults.decide(operationId, req.method, req.path)
    if (!action) return undefined
    noteExchange(res, { fault: action.faultId })
    if (action.delayMs > 0) await new Promise((resolve) => setTimeout(resolve, action.delayMs))
    if (action.drop) {
      req.socket.destroy()
      return 'dropped'
    }
    if (action.status === undefined) return undefined
    const { status, body } = forcedStatus(action.status)
    // GitLab's 429 tells the client when to come back (reference §6.5).
    return { status, body, headers: status === 429 ? { 'Retry-After': '60' } : {} }
  }

  close(): void {
    clearInterval(this.sweeper)
    this.sessionsById.clear()
  }

  private sharedFor(data: WorldData): SharedWorld {
    // Read through the main scope lazily: the first pristine world exists before the main scope does.
    return new SharedWorld(data, scopedClock({ now: () => this.main.clock.now() }))
  }

  private sweep(): void {
    const oldest = Date.now() - this.options.sessionIdleMs
    for (const [id, scope] of this.sessionsById) if (scope.lastUsedAt < oldest) this.sessionsById.delete(id)
  }
}

function whenServed(req: Request, res: Response, served: (request: ServedRequest) => void): void {
  const started = performance.now()
  const at = Date.now()
  res.once('close', () => {
    const notes = notesOf(res)
    served({
      at,
      method: req.method,
      originalUrl: req.originalUrl,
      // A dropped connection never sent a status.
      status: res.headersSent ? res.statusCode : 0,
      durationMs: Math.round((performance.now() - started) * 100) / 100,
      operationId: notes.operationId ?? null,
      headers: req.headers,
      body: notes.body,
      response: notes.response,
      fault: notes.fault ?? null,
      username: notes.username ?? null,
      findings: notes.findings ?? [],
    })
  })
}
