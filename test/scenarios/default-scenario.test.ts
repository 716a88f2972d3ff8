import { describe, expect, it } from 'vitest'
import { loadScenario } from '../../src/scenarios/load.js'
import { ManualClock } from '../../src/store/clock.js'
import { runnerStatus } from '../../src/store/status.js'
import { World } from '../../src/store/world.js'

const NOW = Date.parse('2025-06-01T12:00:00.000Z')
const world = loadScenario('default', { now: NOW })
const usernameOf = (id: number | null): string | undefined => world.users.find((user) => user.id === id)?.username

describe('the default scenario', () => {
  it('gives every role a memorable token, plus the scoped, expired and revoked ones', () => {
    expect(world.accessTokens.map((token) => [usernameOf(token.userId), token.token, token.scopes.join(','), token.expiresAt === null ? 'never' : new Date(token.expiresAt).toISOString(), token.revoked])).toEqual([
      ['root', 'glpat-admin-0000000000000', 'api', 'never', false],
      ['olivia', 'glpat-owner-0000000000000', 'api', 'never', false],
      ['olivia', 'glpat-readonly-0000000000', 'read_api', 'never', false],
      ['olivia', 'glpat-manage-runner-00000', 'manage_runner', 'never', false],
      ['gary', 'glpat-groupmaint-00000000', 'api', 'never', false],
      ['priya', 'glpat-maintainer-00000000', 'api', 'never', false],
      ['priya', 'glpat-create-runner-00000', 'create_runner', 'never', false],
      ['devon', 'glpat-developer-000000000', 'api', 'never', false],
      ['devon', 'glpat-expired-00000000000', 'api', '2025-05-22T12:00:00.000Z', false],
      ['devon', 'glpat-revoked-00000000000', 'api', 'never', true],
      ['rita', 'glpat-reporter-0000000000', 'api', 'never', false],
      ['oscar', 'glpat-outsider-0000000000', 'api', 'never', false],
      ['audrey', 'glpat-auditor-00000000000', 'read_api', 'never', false],
    ])
    expect(world.users.filter((user) => user.admin || user.auditor).map((user) => [user.id, user.username, user.admin, user.auditor]))
      .toEqual([[1, 'root', true, false], [9, 'audrey', false, true]])
  })

  it('nests groups and places projects of every visibility with their runner settings', () => {
    const groupPath = new Map(world.groups.map((group) => [group.id, group.path]))
    expect(world.groups.map((group) => [group.path, group.parentId === null ? null : groupPath.get(group.parentId), group.visibility, group.allowRegistrationToken]))
      .toEqual([
        ['gitlab-org', null, 'public', true],
        ['acme', null, 'public', true],
        ['platform', 'acme', 'internal', true],
        ['legacy', 'acme', 'private', false],
      ])
    expect(world.projects.map((project) => [project.id, project.path, project.visibility, project.sharedRunnersEnabled, project.groupRunnersEnabled]))
      .toEqual([
        [1, 'gitlab-foss', 'public', true, true],
        [2, 'project1', 'public', true, true],
        [3, 'api', 'private', true, true],
        [4, 'web', 'internal', true, false],
        [5, 'docs', 'public', false, true],
        [6, 'monolith', 'private', true, true],
        [7, 'sandbox', 'public', true, true],
      ])
  })

  it('has runners of every type in every status', () => {
    const seen = new Set(world.runners.map((runner) => `${runner.runnerType} ${runnerStatus(NOW, runner)}`))
    const wanted = ['instance_type', 'group_type', 'project_type'].flatMap((type) =>
      ['online', 'offline', 'stale', 'never_contacted', 'paused'].map((status) => `${type} ${status}`))
    expect(wanted.filter((pair) => !seen.has(pair))).toEqual([])
  })

  it('has a locked runner, a runner in two projects, 17.x and 18.x managers and a page-worth of jobs on one runner', () => {
    expect(world.runners.filter((runner) => runner.locked).map((runner) => runner.description)).toEqual(['api-deploy-locked'])
    expect(world.runners.filter((runner) => runner.projects.length > 1).map((runner) => [runner.description, runner.projects.map((link) => link.projectId)]))
      .toEqual([['api-web-shared', [3, 4]]])
    expect(new Set(world.managers.map((manager) => manager.version?.split('.')[0]))).toEqual(new Set(['15', '16', '17', '18']))
    const shared = world.runners.find((runner) => runner.description === 'api-web-shared')
    const jobsOnShared = [...world.jobs].filter((job) => job.runnerId === shared?.id)
    expect([jobsOnShared.length, new Set(jobsOnShared.map((job) => job.status))]).toEqual([30, new Set(['success', 'failed', 'canceled', 'manual', 'running'])])
  })

  it('resolves every reference to something that exists', () => {
    const ids = (records: Array<{ id: number }>): Set<number> => new Set(records.map((record) => record.id))
    const [users, groups, projects, runners, managers] = [ids(world.users), ids(world.groups), ids(world.projects), ids(world.runners), ids(world.managers)]
    const dangling = [
      ...world.accessTokens.filter((token) => !users.has(token.userId)).map((token) => `token ${token.token}`),
      ...world.groups.flatMap((group) => group.members.filter((member) => !users.has(member.userId)).map(() => `member of ${group.path}`)),
      ...world.runners.filter((runner) => runner.groupId !== null && !groups.has(runner.groupId)).map((runner) => `group of ${runner.id}`),
      ...world.runners.flatMap((runner) => runner.projects.filter((link) => !projects.has(link.projectId)).map(() => `project of ${runner.id}`)),
      ...world.managers.filter((manager) => !runners.has(manager.runnerId)).map((manager) => `manager ${manager.id}`),
      ...[...world.jobs].filter((job) => !runners.has(job.runnerId) || !projects.has(job.projectId) || job.pipeline.projectId !== job.projectId
        || (job.runnerManagerId !== null && !managers.has(job.runnerManagerId)) || job.commit.id !== job.pipeline.sha).map((job) => `job ${job.id}`),
    ]
    expect(dangling).toEqual([])
  })

  it('starts a store world', () => {
    const started = new World(world, new ManualClock(NOW))
    expect(started.toData()).toEqual(world)
  })

  it('loads the empty and bench scenarios', () => {
    const empty = loadScenario('empty', { now: NOW })
    const bench = loadScenario('bench', { now: NOW })
    expect([empty.users.map((user) => user.username), empty.runners.length]).toEqual([['root'], 0])
    expect([bench.users[0]?.username, bench.runners.length, bench.jobs.length > 3_000]).toEqual(['root', 1_000, true])
  })
})
