// A fork (a test session's world) changes on its own and never leaks into the world it came from.
import { describe, expect, it } from 'vitest'
import { updateRunner, resetRunnerAuthenticationToken, deleteRunner } from '../../src/store/runners.js'
import { assignProjectRunner, unassignProjectRunner } from '../../src/store/project-runners.js'
import { registerRunner, verifyRunner } from '../../src/store/runner-registration.js'
import { listAllRunners } from '../../src/store/runner-lists.js'
import { resetGroupRegistrationToken, resetInstanceRegistrationToken } from '../../src/store/registration-tokens.js'
import {
  actorFor, buildWorld, GROUP_ACME, PROJECT_DOCS, RUNNER_GROUP, RUNNER_INSTANCE, RUNNER_PROJECT, RUNNER_SHARED_PROJECTS,
} from './world-builder.js'

describe('World.fork', () => {
  it('keeps every change of a fork out of the world it was forked from', () => {
    const { world: parent } = buildWorld()
    const before = parent.toData()
    const fork = parent.fork()
    const admin = actorFor(fork, 'admin')

    updateRunner(fork, admin, { id: RUNNER_INSTANCE, description: 'forked', tagList: ['only-in-fork'], paused: true })
    resetRunnerAuthenticationToken(fork, admin, { id: RUNNER_GROUP })
    assignProjectRunner(fork, admin, { projectId: PROJECT_DOCS, runnerId: RUNNER_PROJECT })
    unassignProjectRunner(fork, admin, { projectId: PROJECT_DOCS, runnerId: RUNNER_PROJECT })
    deleteRunner(fork, admin, { id: RUNNER_SHARED_PROJECTS })
    verifyRunner(fork, { token: parent.runners.get(RUNNER_INSTANCE)!.token, systemId: 's_forked' })
    registerRunner(fork, { token: parent.instance.registrationToken, description: 'registered in fork' })
    resetInstanceRegistrationToken(fork, admin)
    resetGroupRegistrationToken(fork, admin, { groupId: GROUP_ACME })

    expect(parent.toData()).toEqual(before)
    expect(parent.runnerIdsWithTag('only-in-fork').size).toBe(0)
    expect(parent.runnerByToken(before.runners.find((r) => r.id === RUNNER_GROUP)!.token)?.id).toBe(RUNNER_GROUP)
    expect(parent.runners.has(RUNNER_SHARED_PROJECTS)).toBe(true)

    const changed = fork.toData()
    expect(changed.runners.find((r) => r.id === RUNNER_INSTANCE)).toMatchObject({ description: 'forked', tagList: ['only-in-fork'], active: false })
    expect([...fork.runnerIdsWithTag('only-in-fork')]).toEqual([RUNNER_INSTANCE])
    expect(fork.runners.has(RUNNER_SHARED_PROJECTS)).toBe(false)
    expect(fork.managersOf(RUNNER_INSTANCE).map((m) => m.systemId)).toContain('s_forked')
    expect(parent.managersOf(RUNNER_INSTANCE).map((m) => m.systemId)).not.toContain('s_forked')
    expect(changed.instance.registrationToken).not.toBe(before.instance.registrationToken)
    expect(changed.runners.length).toBe(before.runners.length) // one deleted, one registered
  })

  it('lets two forks of one world change the same runner differently', () => {
    const { world: parent } = buildWorld()
    const [left, right] = [parent.fork(), parent.fork()]
    updateRunner(left, actorFor(left, 'admin'), { id: RUNNER_INSTANCE, description: 'left' })
    updateRunner(right, actorFor(right, 'admin'), { id: RUNNER_INSTANCE, description: 'right' })
    expect([left, right, parent].map((world) => world.runners.get(RUNNER_INSTANCE)!.description)).toEqual([
      'left', 'right', parent.toData().runners.find((r) => r.id === RUNNER_INSTANCE)!.description,
    ])
    expect(parent.runners.get(RUNNER_INSTANCE)!.description).not.toMatch(/left|right/)
  })
})

describe('the contact-time index', () => {
  it('keeps runners in contact order through verify, removal and forks', () => {
    const { world, clock } = buildWorld()
    const order = () => [...world.runnerIdsContactedAfter(-Infinity)]
    const before = order()
    expect(before.length).toBeGreaterThan(1)
    clock.advance(60_000)
    const fork = world.fork()
    verifyRunner(world, { token: world.runners.get(RUNNER_GROUP)!.token })
    expect(order()).toEqual([...before.filter((id) => id !== RUNNER_GROUP), RUNNER_GROUP])
    expect([...world.runnerIdsContactedAfter(clock.now() - 1)]).toEqual([RUNNER_GROUP])
    expect([...fork.runnerIdsContactedAfter(-Infinity)]).toEqual(before)

    world.removeRunner(world.runners.get(RUNNER_GROUP)!)
    expect(order()).toEqual(before.filter((id) => id !== RUNNER_GROUP))
    expect([...world.runnerIdsContactedUntil(clock.now())].sort()).toEqual(order().sort())
  })
})

describe('the paused index', () => {
  it('catches up with a runner paused in place through writableRunner', () => {
    const { world: parent } = buildWorld()
    const fork = parent.fork()
    fork.writableRunner(fork.runners.get(RUNNER_INSTANCE)!).active = false
    const paused = (world: typeof parent) => listAllRunners(world, actorFor(world, 'admin'), { paused: true }).items.map((r) => r.id)
    expect([paused(fork), paused(parent)]).toEqual([[RUNNER_INSTANCE], []])
  })
})
