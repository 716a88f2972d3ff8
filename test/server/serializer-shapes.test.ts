// What lets the self-check skip walking the bodies the serializer builds (README "What the self-check
// checks"): every entity it vouches for, for every release that serves a different document or
// behaves differently, over generated worlds seen at several moments and with records varied field by
// field (nulls, flags, statuses), validates against the schema that release documents for it.
import { describe, expect, it } from 'vitest'
import { loadContract, responseShape, type Contract, type Operation } from '../../src/contract/index.js'
import { allReleases, behaviourNames, formatRelease, profileFor, versionedFacts, type Release } from '../../src/profile/index.js'
import { sideOf } from '../../src/profile/release.js'
import { parseScenario, loadScenario } from '../../src/scenarios/load.js'
import { World } from '../../src/store/world.js'
import { ManualClock } from '../../src/store/clock.js'
import type { JobRecord, JobStatus, RunnerManagerRecord, RunnerRecord } from '../../src/store/records.js'
import { runnerDetails } from '../../src/store/runners.js'
import { authenticateUser } from '../../src/store/tokens.js'
import {
  serializeAuthenticationToken, serializeJobs, serializeManagers, serializeProjects, serializeRegistrationDetails, serializeRunner,
  serializeRunnerDetails, serializeRunners, serializeVersion, shapeOf, writeRunners,
} from '../../src/server/serialize.js'
import { serveRelease, type ServedRelease } from '../../src/server/served-release.js'
import { SCENARIOS_DIR } from '../../src/scenarios/load.js'

const NOW = Date.UTC(2025, 5, 2, 12, 0, 0)
const HOUR = 60 * 60 * 1000
const DAY = 24 * HOUR
const contract = loadContract()

/**
 * One release for each state of the contract's version facts and behaviour switches: releases with
 * the same sides of every fact's moment and the same behaviours derive the same document and serve
 * the same way, so checking one of them checks all.
 */
function representativeReleases(): Release[] {
  const facts = versionedFacts(contract.document)
  const seen = new Map<string, Release>()
  for (const release of allReleases()) {
    const profile = profileFor(contract.document, release)
    const sides = facts.map((entry) => [
      ...Object.values(entry.lifecycle).map((moment) => sideOf(release, moment)),
      ...entry.changes.map((change) => sideOf(release, change.moment)),
    ].join(''))
    const behaviours = behaviourNames.map((name) => JSON.stringify(profile.behaviourState(name)))
    const key = `${sides.join('|')}#${behaviours.join('|')}`
    if (!seen.has(key)) seen.set(key, release)
  }
  return [...seen.values()]
}

// A small seeded generator: the same records every run.
function random(seed: number): () => number {
  let state = seed
  return () => {
    state = (state * 1103515245 + 12345) & 0x7fffffff
    return state / 0x7fffffff
  }
}

function pick<T>(next: () => number, values: readonly T[]): T {
  return values[Math.floor(next() * values.length)]!
}

const JOB_STATUSES: JobStatus[] = [
  'created', 'waiting_for_resource', 'preparing', 'waiting_for_callback', 'pending', 'running', 'success', 'failed', 'canceling', 'canceled',
  'skipped', 'manual', 'scheduled',
]

/** Worlds by scenario, each seen at several moments: statuses depend on the clock, nothing else does. */
function worldsToCheck(): World[][] {
  const generated = (seed: number) =>
    parseScenario(`include: [default.yaml]\ngenerate: {seed: ${seed}, runners: 24, jobs_per_runner: 3, users: 6, groups: 3, projects: 6}\n`, `${SCENARIOS_DIR}generated-${seed}.yaml`, { now: NOW })
  const data = [loadScenario('default', { now: NOW }), generated(7), generated(1414)]
  // Online, just offline, past the 1-hour and 2-hour windows, stale by 7 days, stale by 3 months.
  const moments = [NOW, NOW + 90 * 60 * 1000, NOW + 3 * HOUR, NOW + 8 * DAY, NOW + 100 * DAY]
  return data.map((world) => moments.map((moment) => new World(world, new ManualClock(moment))))
}

/** The runner as it is, and varied: every nullable field null or set, flags flipped, contact times moved. */
function runnerVariants(world: World, runner: RunnerRecord, next: () => number): RunnerRecord[] {
  const now = world.now()
  const users = [...world.users.keys()]
  const variant = (): RunnerRecord => ({
    ...runner,
    description: pick(next, [null, '', 'a "quoted" description\n', runner.description]),
    name: pick(next, [null, 'gitlab-runner']),
    active: next() < 0.5,
    locked: next() < 0.5,
    runUntagged: next() < 0.5,
    tagList: pick(next, [[], ['linux'], ['a', 'b', 'ünï']]),
    accessLevel: pick(next, ['not_protected', 'ref_protected'] as const),
    maximumTimeout: pick(next, [null, 600, 86_400]),
    maintenanceNote: pick(next, [null, '', 'note']),
    tokenExpiresAt: pick(next, [null, now + DAY]),
    contactedAt: pick(next, [null, now - 1000, now - 3 * HOUR, now - 10 * DAY, now - 200 * DAY]),
    createdAt: pick(next, [runner.createdAt, now - HOUR, now - 200 * DAY]),
    createdById: pick(next, [null, ...users]),
  })
  return [runner, variant(), variant()]
}

function managerVariants(manager: RunnerManagerRecord, now: number, next: () => number): RunnerManagerRecord[] {
  return [manager, {
    ...manager,
    version: pick(next, [null, '17.11.2']),
    revision: pick(next, [null, 'abc123']),
    platform: pick(next, [null, 'linux']),
    architecture: pick(next, [null, 'amd64']),
    ipAddress: pick(next, [null, '10.0.0.1']),
    contactedAt: pick(next, [null, now - 1000, now - 3 * HOUR, now - 10 * DAY]),
    createdAt: pick(next, [manager.createdAt, now - 10 * DAY]),
  }]
}

function jobVariants(world: World, job: JobRecord, next: () => number): JobRecord[] {
  const users = [...world.users.keys()]
  const variant = (): JobRecord => ({
    ...job,
    status: pick(next, JOB_STATUSES),
    userId: pick(next, [null, ...users]),
    coverage: pick(next, [null, 0, 87.5]),
    startedAt: pick(next, [null, job.createdAt + 1000]),
    finishedAt: pick(next, [null, job.createdAt + 60_000]),
    erasedAt: pick(next, [null, job.createdAt + 120_000]),
    duration: pick(next, [null, 59.25]),
    queuedDuration: pick(next, [null, 0.5]),
    failureReason: pick(next, [null, 'script_failure']),
    allowFailure: next() < 0.5,
    tag: next() < 0.5,
    pipeline: { ...job.pipeline, status: pick(next, JOB_STATUSES) },
  })
  return [job, variant(), variant(), variant()]
}

/** Every body the serializer builds, over one world; `everything` false: only those whose values follow the clock. */
function bodiesOf(world: World, release: ServedRelease, next: () => number, everything: boolean): unknown[] {
  const runners = [...world.runners.values()].flatMap((runner) => runnerVariants(world, runner, next))
  const bodies: unknown[] = [serializeRunners(world, runners, release)]
  const admin = authenticateUser(world, 'glpat-admin-0000000000000')
  for (const runner of runners) {
    bodies.push(serializeRunnerDetails(world, runnerDetails(world, admin, runner), true, release))
    bodies.push(serializeManagers(world, world.managersOf(runner.id).flatMap((manager) => managerVariants(manager, world.now(), next)), release))
  }
  if (!everything) return bodies
  bodies.push(serializeVersion(release), serializeRunners(world, [], release), serializeProjects(world, [...world.projects.values()]))
  bodies.push(serializeAuthenticationToken({ token: 'glrt-x', tokenExpiresAt: null }), serializeAuthenticationToken({ token: 'glrt-y', tokenExpiresAt: world.now() + DAY }))
  const outsider = authenticateUser(world, 'glpat-outsider-0000000000')
  for (const runner of runners) {
    bodies.push(serializeRunner(world, runner, release), serializeRegistrationDetails(runner, release))
    bodies.push(serializeRunnerDetails(world, runnerDetails(world, admin, runner), false, release))
    for (const withProjects of [true, false]) bodies.push(serializeRunnerDetails(world, runnerDetails(world, outsider, runner), withProjects, release))
    for (const job of world.jobsOf(runner.id)) {
      for (const variant of jobVariants(world, job, next)) bodies.push(serializeJobs(world, [variant], release))
    }
  }
  return bodies
}

/** An operation and status documenting each entity in this release's document (one is enough: they name the same schema). */
function documenting(served: Contract): Map<string, [Operation, number]> {
  const byShape = new Map<string, [Operation, number]>()
  for (const operation of served.operations.values()) {
    for (const key of Object.keys(operation.responses)) {
      const status = Number(key)
      if (!Number.isInteger(status)) continue
      const shape = responseShape(served.document, operation, status)
      if (shape !== undefined && !byShape.has(shape)) byShape.set(shape, [operation, status])
    }
  }
  return byShape
}

const releases = representativeReleases()
const worlds = worldsToCheck()
const JSON_HEADERS = { 'content-type': 'application/json' }

/** The entities the serializer vouches for (shapeOf). */
const VOUCHED = ['Runner', 'Runner[]', 'RunnerDetails', 'RunnerManager[]', 'RunnerJob[]', 'BasicProjectDetails[]', 'RunnerRegistrationDetails', 'RunnerAuthenticationToken', 'Metadata']

describe('the serializer vouches only for bodies its release documents', () => {
  it('checks a handful of representative releases, the oldest among them', () => {
    expect(releases.length).toBeGreaterThan(5)
    expect(releases.length).toBeLessThan(60)
    expect(releases.map(formatRelease)).toContain('11.0')
  })

  it('vouches for entities the newest document names for its answers', () => {
    expect([...documenting(contract).keys()]).toEqual(expect.arrayContaining(VOUCHED))
  })

  it.each(releases.map((release) => [formatRelease(release), release] as const))('%s: every vouched body validates where documented', (_label, release) => {
    const served = contract.forRelease(release)
    const servedRelease = serveRelease(served.profile)
    const byShape = documenting(served)
    const next = random(release.major * 100 + release.minor)
    const checked = new Map<string, number>()
    const problems: string[] = []
    for (const moments of worlds) {
      for (const [index, world] of moments.entries()) {
        for (const body of bodiesOf(world, servedRelease, next, index === 0)) {
          const shape = shapeOf(body)
          if (shape === undefined) continue
          if (!VOUCHED.includes(shape)) problems.push(`${shape} is not a vouched entity`)
          const place = byShape.get(shape)
          if (place === undefined) continue
          const [operation, status] = place
          for (const violation of served.validateResponse(operation, status, JSON_HEADERS, body)) {
            if (violation.where === 'body') problems.push(`${shape} as ${operation.operationId} ${status} ${violation.instancePath}: ${violation.message} in ${JSON.stringify(body).slice(0, 300)}`)
          }
          checked.set(shape, (checked.get(shape) ?? 0) + 1)
        }
      }
    }
    expect(problems.slice(0, 10)).toEqual([])
    // Every vouched entity this release documents somewhere was checked there.
    for (const shape of VOUCHED.filter((vouched) => byShape.has(vouched))) expect(checked.get(shape) ?? 0, `${shape} in ${formatRelease(release)}`).toBeGreaterThan(0)
  })
})

// A page of runners is sent as text joined from each runner's kept text (src/server/kept-texts.ts), not
// built and stringified: vouched for because it is, byte for byte, the vouched page above as JSON. One
// world per scenario, its clock moved over the same moments and back, two releases served from it in
// turns, its records changed through the world and through a fork in between.
describe('a written page of runners is the serializer\'s page as JSON', () => {
  const newest = serveRelease(contract.profile)

  it.each(releases.map((release) => [formatRelease(release), release] as const))('%s, beside the newest', (_label, release) => {
    const served = serveRelease(contract.forRelease(release).profile)
    const problems: string[] = []
    const compare = (world: World, runners: RunnerRecord[], where: string) => {
      for (const side of [served, newest]) {
        const written = writeRunners(world, runners, side)
        expect(shapeOf(written)).toBe('Runner[]')
        const expected = JSON.stringify(serializeRunners(world, runners, side))
        if (written.text !== expected) problems.push(`${where}, ${side.label}: ${written.text.slice(0, 200)} is not ${expected.slice(0, 200)}`)
      }
    }
    const data = [loadScenario('default', { now: NOW }), parseScenario(`include: [default.yaml]\ngenerate: {seed: 7, runners: 24, jobs_per_runner: 3, users: 6, groups: 3, projects: 6}\n`, `${SCENARIOS_DIR}generated-7.yaml`, { now: NOW })]
    const moments = [NOW, NOW + 90 * 60 * 1000, NOW + 3 * HOUR, NOW + 8 * DAY, NOW + 100 * DAY, NOW]
    for (const scenario of data) {
      const clock = new ManualClock(NOW)
      const world = new World(scenario, clock)
      const everyRunner = () => [...world.runners.values()]
      for (const moment of moments) {
        clock.set(moment)
        compare(world, everyRunner(), `at ${new Date(moment).toISOString()}`)
      }
      // Changes through the world: fields, pause, contact, a manager's address, a new manager, a removal.
      const [first, second, third] = everyRunner()
      Object.assign(world.writableRunner(first!), { description: 'changed', active: !first!.active })
      compare(world, everyRunner(), 'after a change')
      world.writableRunner(first!).name = 'renamed'
      compare(world, everyRunner(), 'after a second change to the same record')
      world.recordContact(second!, NOW - 1000)
      compare(world, everyRunner(), 'after a contact')
      const manager = world.managersOf(third!.id)[0]
      if (manager) world.writableManager(manager).ipAddress = '10.9.9.9'
      world.addManager({ runnerId: second!.id, systemId: 's_written', version: null, revision: null, platform: null, architecture: null, ipAddress: '10.8.8.8', createdAt: NOW, contactedAt: NOW })
      compare(world, everyRunner(), 'after manager changes')
      // A fork shares the records until it writes; neither side sees the other's changes.
      const fork = world.fork(new ManualClock(NOW + 3 * HOUR))
      compare(fork, [...fork.runners.values()], 'a fork, before it writes')
      fork.writableRunner(fork.runners.get(second!.id)!).description = 'in the fork'
      world.writableRunner(world.runners.get(third!.id)!).description = 'in the world'
      compare(fork, [...fork.runners.values()], 'a fork, after both wrote')
      compare(world, everyRunner(), 'the world, after both wrote')
      expect(fork.runners.get(third!.id)!.description).not.toBe('in the world')
      world.removeRunner(third!)
      compare(world, everyRunner(), 'after a removal')
    }
    expect(problems.slice(0, 5)).toEqual([])
  })
})
