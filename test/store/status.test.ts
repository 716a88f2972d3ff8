import { describe, expect, it } from 'vitest'
import { managerStatus, runnerOnline, runnerStatus, runnerJobExecutionStatus, latestManager } from '../../src/store/status.js'
import { buildWorld, DAY, HOUR, job, manager, NOW, runner, PROJECT_WEB } from './world-builder.js'

describe('runner status', () => {
  it.each([
    ['contacted 2 h minus 1 ms ago', NOW - 2 * HOUR + 1, 'online', true],
    ['contacted exactly 2 h ago', NOW - 2 * HOUR, 'offline', false],
    ['contacted 3 days ago', NOW - 3 * DAY, 'offline', false],
    ['contacted 7 days minus 1 ms ago', NOW - 7 * DAY + 1, 'offline', false],
    ['contacted exactly 7 days ago', NOW - 7 * DAY, 'stale', false],
  ] as const)('a runner created 30 days ago and %s is %s', (_name, contactedAt, status, online) => {
    const record = runner(1, { createdAt: NOW - 30 * DAY, contactedAt })
    expect([runnerStatus(NOW, record), runnerOnline(NOW, record)]).toEqual([status, online])
  })

  it.each([
    ['created exactly 7 days ago', NOW - 7 * DAY, 'stale'],
    ['created 7 days minus 1 ms ago', NOW - 7 * DAY + 1, 'never_contacted'],
  ] as const)('a runner that never contacted GitLab and was %s is %s, with online null', (_name, createdAt, status) => {
    const record = runner(1, { createdAt, contactedAt: null })
    expect([runnerStatus(NOW, record), runnerOnline(NOW, record)]).toEqual([status, null])
  })

  it('reports a paused runner that is in contact as paused, yet online', () => {
    const record = runner(1, { active: false, contactedAt: NOW - 1000 })
    expect([runnerStatus(NOW, record), runnerOnline(NOW, record)]).toEqual(['paused', true])
  })

  it('reports stale before paused', () => {
    expect(runnerStatus(NOW, runner(1, { active: false, contactedAt: NOW - 8 * DAY }))).toBe('stale')
  })

  it('reads now from the world clock and moves with it', () => {
    const { world, clock } = buildWorld()
    const record = runner(1, { contactedAt: NOW - HOUR })
    const before = runnerStatus(world, record)
    clock.advance(HOUR)
    expect([before, runnerStatus(world, record)]).toEqual(['online', 'offline'])
  })
})

describe('manager status', () => {
  it.each([
    [NOW - 2 * HOUR + 1, NOW - DAY, 'online'],
    [NOW - 2 * HOUR, NOW - DAY, 'offline'],
    [null, NOW - DAY, 'never_contacted'],
    [null, NOW - 7 * DAY, 'stale'],
    [NOW - 7 * DAY, NOW - 8 * DAY, 'stale'],
  ] as const)('a manager contacted at %s and created at %s is %s', (contactedAt, createdAt, status) => {
    expect(managerStatus(NOW, manager(1, 1, { contactedAt, createdAt }))).toBe(status)
  })
})

describe('job execution status', () => {
  it('is active while a job of the runner runs, and idle otherwise', () => {
    const { world } = buildWorld((data) => {
      data.jobs = [job(1, 1, PROJECT_WEB, { status: 'running' }), job(2, 2, PROJECT_WEB, { status: 'success' })]
    })
    const statuses = [1, 2].map((id) => runnerJobExecutionStatus(world, world.runners.get(id) ?? runner(id)))
    expect(statuses).toEqual(['active', 'idle'])
  })
})

describe('latest manager', () => {
  it('is the most recently contacted manager, which gives a runner its version', () => {
    const { world } = buildWorld((data) => {
      data.managers = [
        manager(1, 1, { version: '16.0.0', contactedAt: NOW - DAY }),
        manager(2, 1, { version: '17.1.0', contactedAt: NOW - HOUR }),
        manager(3, 1, { version: '15.0.0', contactedAt: null }),
      ]
    })
    expect(latestManager(world, world.runners.get(1) ?? runner(1))?.version).toBe('17.1.0')
  })
})
