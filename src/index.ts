// The programmatic API: start the mock in-process from a test runner, reset it, close it.
import type { Request } from 'express'
import { loadContract, type Contract } from './contract/index.js'
import { loadScenario } from './scenarios/load.js'
import { systemClock, type Clock } from './store/clock.js'
import type { WorldData } from './store/records.js'
import { World } from './store/world.js'
import { API_PREFIX, createApp } from './server/app.js'
import type { CorsSetting } from './server/cors.js'
import { listen, urlHost } from './server/listen.js'
import type { SelfCheckFailure, SelfCheckMode } from './server/respond.js'

export type { CorsSetting } from './server/cors.js'
export type { SelfCheckFailure, SelfCheckMode } from './server/respond.js'
export type { WorldData } from './store/records.js'
export { ManualClock } from './store/clock.js'

export interface StartMockOptions {
  /** A scenario name from `scenarios/` (e.g. `default`), a path to a scenario file, or world data. Default `default`. */
  scenario?: string | WorldData
  /** Port to listen on; 0 (the default) picks a free port. */
  port?: number
  /** Interface to bind; 127.0.0.1 unless you need otherwise. */
  host?: string
  /** Clock for runner status and contact times; defaults to the system clock. */
  clock?: Clock
  /** What a response that breaks the contract does: `strict` answers 500, `log` (default) warns and sends it. */
  selfCheck?: SelfCheckMode
  /** Which browser origins may call the mock: `local` (default), `*`, a list, or false. */
  cors?: CorsSetting
  /** Largest request body accepted, in bytes (default 1 MiB); larger bodies get 413. */
  bodyLimitBytes?: number
  /** Where log lines go (default: stderr). */
  log?: (line: string) => void
}

export interface RunningMock {
  /** Base URL of the API, e.g. `http://127.0.0.1:4600/api/v4`. */
  url: string
  /** Origin without the API prefix, e.g. `http://127.0.0.1:4600`. */
  origin: string
  port: number
  /** The state the mock serves; replaced by `reset()`. */
  readonly world: World
  readonly clock: Clock
  /** Responses that failed the mock's own contract since start (should stay empty). */
  readonly selfCheckFailures: readonly SelfCheckFailure[]
  /** Back to the scenario as it was loaded. */
  reset(): Promise<void>
  close(): Promise<void>
}

let sharedContract: Contract | undefined

/** Starts the mock on 127.0.0.1 (a free port by default) with a scenario. */
export async function startMock(options: StartMockOptions = {}): Promise<RunningMock> {
  const clock = options.clock ?? systemClock
  const contract = (sharedContract ??= loadContract())
  const data =
    typeof options.scenario === 'object' ? options.scenario : loadScenario(options.scenario ?? 'default', { now: clock.now() })
  // World copies what it is given, so `data` stays the pristine scenario for reset().
  let world = new World(data, clock)
  const log = options.log ?? ((line: string) => process.stderr.write(`${line}\n`))

  const { app, responder } = createApp({
    contract,
    worldFor: (_req: Request) => world,
    selfCheck: options.selfCheck ?? 'log',
    cors: options.cors ?? 'local',
    bodyLimitBytes: options.bodyLimitBytes ?? 1024 * 1024,
    log,
  })
  const host = options.host ?? '127.0.0.1'
  const listening = await listen(app, options.port ?? 0, host)
  const origin = `http://${urlHost(host)}:${listening.port}`
  return {
    url: `${origin}${API_PREFIX}`,
    origin,
    port: listening.port,
    get world() {
      return world
    },
    clock,
    selfCheckFailures: responder.failures,
    async reset() {
      world = new World(data, clock)
    },
    close: () => listening.close(),
  }
}

