import { describe, expect, it } from 'vitest'
import { World } from '../../src/store/world.js'
import { ManualClock } from '../../src/store/clock.js'
import {
  buildWorld, GROUP_ACME, NOW, PROJECT_API, PROJECT_DOCS, PROJECT_WEB, runner, RUNNER_GROUP, RUNNER_INSTANCE,
  RUNNER_LOCKED, RUNNER_PROJECT, RUNNER_SHARED_PROJECTS, worldData, manager,
} from './world-builder.js'

describe('World', () => {
  it('indexes a loaded world as it indexes runners added one by one', () => {
    const types = ['instance_type', 'group_type', 'project_type'] as const
    const tags = ['linux', 'docker', 'gpu']
    const projects = [PROJECT_WEB, PROJECT_API, PROJECT_DOCS]
    const runners = Array.from({ length: 40 }, (_, i) => {
      const runnerType = types[i % 3]!
      return runner(i + 1, {
        runnerType,
        tagList: tags.filter((_, t) => (i >> t) & 1),
        active: i % 4 !== 1,
        groupId: runnerType === 'group_type' ? GROUP_ACME : null,
        projects: runnerType === 'project_type' ? projects.slice(0, 1 + (i % 3)).map((projectId) => ({ projectId, createdAt: NOW })) : [],
        // Ties and runners never contacted, in an order other than the ids'.
        contactedAt: i % 5 === 0 ? null : NOW - ((i * 7) % 11) * 60_000,
      })
    })
    const loaded = new World({ ...worldData(), runners }, new ManualClock(NOW))
    const added = new World({ ...worldData(), runners: [] }, new ManualClock(NOW))
    for (const runner of runners) added.addRunner(runner) // its id is given again, in the same order
    const indexes = (world: World) => ({
      ids: world.allRunnerIds(),
      types: types.map((type) => [...world.runnerIdsOfType(type)]),
      tags: tags.map((tag) => [...world.runnerIdsWithTag(tag)]),
      group: [...world.runnerIdsOfGroup(GROUP_ACME)],
      projects: projects.map((projectId) => [...world.runnerIdsOfProject(projectId)].sort((a, b) => a - b)),
      paused: [...world.pausedBits()],
      contactOrder: world.runnerIdsContactedAfter(-Infinity),
      online: [...world.contactBits('after', NOW - 5 * 60_000)],
      tokens: runners.map((r) => world.runnerByToken(r.token)?.id),
    })
    expect(indexes(loaded)).toEqual(indexes(added))
    expect(indexes(loaded).paused.length).toBe(10)
  })

  it('round-trips its data unchanged', () => {
    const data = worldData()
    data.managers = [manager(1, RUNNER_INSTANCE)]
    expect(new World(data, new ManualClock(NOW)).toData()).toEqual(data)
  })

  it('does not change the data it was built from', () => {
    const data = worldData()
    const { world } = { world: new World(data, new ManualClock(NOW)) }
    const created = world.addRunner({ ...runner(0), token: 'glrt-new' })
    world.setRunnerTags(world.runners.get(RUNNER_INSTANCE) ?? created, ['other'])
    expect(data).toEqual(worldData())
  })

  it('hands out runner ids after the highest one, and keeps ids ascending', () => {
    const { world } = buildWorld()
    const created = world.addRunner({ ...runner(0), token: 'glrt-new' })
    world.removeRunner(world.runners.get(RUNNER_PROJECT) ?? created)
    expect([created.id, [...world.allRunnerIds()]]).toEqual([6, [1, 2, 4, 5, 6]])
  })

  it('keeps the tag, type, group, project and token indexes right through mutations', () => {
    const { world } = buildWorld()
    const instance = world.runners.get(RUNNER_INSTANCE) ?? runner(0)
    const project = world.runners.get(RUNNER_PROJECT) ?? runner(0)
    world.setRunnerTags(instance, ['macos'])
    world.setRunnerToken(instance, 'glrt-rotated', null)
    world.linkRunnerToProject(project, PROJECT_DOCS, NOW)
    world.removeRunner(world.runners.get(RUNNER_GROUP) ?? runner(0))
    expect({
      linux: [...world.runnerIdsWithTag('linux')],
      macos: [...world.runnerIdsWithTag('macos')],
      groupType: [...world.runnerIdsOfType('group_type')],
      acme: [...world.runnerIdsOfGroup(GROUP_ACME)],
      docs: [...world.runnerIdsOfProject(PROJECT_DOCS)].sort(),
      oldToken: world.runnerByToken('glrt-runner1'),
      newToken: world.runnerByToken('glrt-rotated')?.id,
    }).toEqual({
      linux: [], macos: [RUNNER_INSTANCE], groupType: [], acme: [],
      docs: [RUNNER_PROJECT, RUNNER_SHARED_PROJECTS], oldToken: undefined, newToken: RUNNER_INSTANCE,
    })
  })

  it('finds projects and groups by full path, case-insensitively', () => {
    const { world } = buildWorld()
    expect([
      world.projectByFullPath('acme/platform/api')?.id,
      world.projectByFullPath('ACME/Web')?.id,
      world.projectByFullPath('outsider/hobby')?.id,
      world.groupByFullPath('acme/platform')?.id,
      world.projectByFullPath('acme/missing'),
    ]).toEqual([PROJECT_API, PROJECT_WEB, 23, 11, undefined])
  })

  it('knows group ancestry and descendants', () => {
    const { world } = buildWorld()
    expect([world.groupAncestry(11).map((g) => g.id), world.groupDescendantIds(GROUP_ACME)]).toEqual([[11, 10], [10, 11]])
  })

  it('removes a runner with its managers', () => {
    const { world } = buildWorld((data) => {
      data.managers = [manager(1, RUNNER_LOCKED), manager(2, RUNNER_INSTANCE)]
    })
    world.removeRunner(world.runners.get(RUNNER_LOCKED) ?? runner(0))
    expect([...world.managers.keys()]).toEqual([2])
  })
})
