// A scope is what one request acts on: the main scope of the mock or one session. It owns a world,
// a clock, faults and a journal. A session reads the main scenario's pristine world until its first
// change and then forks it (new maps over shared records, copied one by one as they change), so
// neither creating a session nor its first change deep-copies a 100 000-runner world.
import type { Clock } from '../store/clock.js'
import type { WorldData } from '../store/records.js'
import { World } from '../store/world.js'
import { MockClock } from './clock.js'
import { FaultSet } from './faults.js'
import { Journal, type JournalSize } from './journal.js'

/** The pristine world of a scenario, read by every session that has not changed anything yet. */
export class SharedWorld {
  private built: World | undefined

  constructor(
    readonly data: WorldData,
    private readonly clock: Clock,
  ) {}

  /** Built once, adopting the scenario's records: nothing changes them (every scope forks this world). */
  get world(): World {
    return (this.built ??= new World(this.data, this.clock, { adopt: true }))
  }
}

export class Scope {
  readonly clock: MockClock
  readonly faults = new FaultSet()
  readonly journal: Journal
  /** How far each replayed request has got: per scope, so sessions reading one world never share it. */
  readonly replayTurns = new Map<string, number>()
  readonly createdAt = Date.now()
  lastUsedAt = Date.now()
  /** Requests being served on this scope: a session serving one is never evicted. */
  inFlight = 0
  private own: World | undefined

  constructor(
    /** null for the main scope. */
    readonly id: string | null,
    /** What reset returns to. */
    private scenario: WorldData,
    baseClock: Clock,
    journalSize: JournalSize,
    private readonly shared: () => SharedWorld | undefined,
  ) {
    this.clock = new MockClock(baseClock)
    this.journal = new Journal(journalSize.limit, journalSize.bytes)
    // The main scope is written to from the start; building it up front keeps its first request fast.
    if (id === null) this.own = this.build()
  }

  /** A world of this scope's own: a fork of the pristine world when it holds this scope's scenario. */
  private build(): World {
    const shared = this.shared()
    return shared?.data === this.scenario ? shared.world.fork(this.clock) : new World(this.scenario, this.clock)
  }

  /** The world to read from: the shared pristine one while this scope has changed nothing. */
  get world(): World {
    if (this.own) return this.own
    const shared = this.shared()
    if (shared?.data === this.scenario) return shared.world
    return this.writable()
  }

  /** The world to change: this scope's own world, forked from the pristine one if it has none yet. */
  writable(): World {
    return (this.own ??= this.build())
  }

  /** Whether the scope has its own copy of the state. */
  get copied(): boolean {
    return this.own !== undefined
  }

  get scenarioData(): WorldData {
    return this.scenario
  }

  reset(): void {
    this.own = undefined
    this.replayTurns.clear()
    if (this.id === null) this.own = this.build()
  }

  /** Makes `data` the scenario and the state. */
  load(data: WorldData): void {
    this.scenario = data
    this.reset()
  }

  /** Replaces the state; the scenario (what reset returns to) stays. */
  importState(data: WorldData): void {
    this.own = new World(data, this.clock)
    this.replayTurns.clear()
  }

  /** Makes `world` (a fork of this scope's world that a change was tried on) the state. */
  adopt(world: World): void {
    this.own = world
  }

  /** A way back to the state, scenario and replay progress as they are now, for a change that must be undone. */
  snapshot(): () => void {
    const { own, scenario } = this
    const turns = new Map(this.replayTurns)
    return () => {
      this.own = own
      this.scenario = scenario
      this.replayTurns.clear()
      for (const [key, turn] of turns) this.replayTurns.set(key, turn)
    }
  }
}

// The scope whose request is being answered right now. Answers run without a pause (the body is
// read before, the reply sent after), so a plain variable set around them is enough: no
// AsyncLocalStorage, whose hooks would tax every request and promise of the process.
let serving: Scope | undefined

/** Makes `scope` the one being served and returns the one that was, to be put back after. */
export function swapServing(scope: Scope | undefined): Scope | undefined {
  const outer = serving
  serving = scope
  return outer
}

/**
 * The clock of the scope being served, else `fallback`. The shared pristine world reads time
 * through it, so each session sees its own clock even before it has a world of its own.
 */
export function scopedClock(fallback: Clock): Clock {
  return { now: () => (serving?.clock ?? fallback).now() }
}
