import { describe, expect, it } from 'vitest'
import { BadRequestError, ForbiddenError, NotFoundError, ParamError } from '../../src/store/errors.js'
import { matchesVersionPrefix, parseScope } from '../../src/store/filters.js'
import type { RunnerRecord } from '../../src/store/records.js'
import { listAllRunners, listGroupRunners, listProjectRunners, listRunners } from '../../src/store/runner-lists.js'
import {
  actorFor, buildWorld, caught, DAY, GROUP_ACME, GROUP_PLATFORM, HOUR, manager, MINUTE, NOW, PROJECT_API, PROJECT_WEB, runner,
} from './world-builder.js'

/** Runners 1–5 of the builder, plus 6–11 with telling contact times, flags, tags and versions. */
function filterWorld() {
  return buildWorld((data) => {
    data.runners.push(
      runner(6, { contactedAt: NOW - 3 * HOUR, tagList: ['linux'] }),
      runner(7, { contactedAt: NOW - 8 * DAY, tagList: ['docker', 'linux', 'gpu'] }),
      runner(8, { contactedAt: null, createdAt: NOW - DAY }),
      runner(9, { contactedAt: null, createdAt: NOW - 8 * DAY }),
      runner(10, { active: false, contactedAt: NOW - MINUTE }),
      runner(11, { active: false, contactedAt: NOW - 3 * HOUR }),
    )
    data.managers = [
      manager(1, 6, { version: '15.0.3' }),
      manager(2, 7, { version: '16.0.1' }),
      manager(3, 7, { version: '15.10.0' }),
      manager(4, 10, { version: '15.0.10' }),
      manager(5, 11, { version: null }),
    ]
  })
}

const ids = (page: { items: RunnerRecord[] }) => page.items.map((r) => r.id)

describe('listAllRunners filters', () => {
  const { world } = filterWorld()
  const admin = actorFor(world, 'admin')
  const all = (params: Parameters<typeof listAllRunners>[2]) => ids(listAllRunners(world, admin, params))

  it('lists every runner, ids ascending', () => {
    expect(all({})).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11])
  })

  it.each([
    ['online', [1, 2, 3, 4, 5, 10]],
    ['offline', [6, 7, 11]],
    ['stale', [7, 9]],
    ['never_contacted', [8, 9]],
    ['active', [1, 2, 3, 4, 5, 6, 7, 8, 9]],
    ['paused', [10, 11]],
  ] as const)('reads status=%s in its SQL meaning, not as the status field', (status, expected) => {
    expect(all({ status })).toEqual(expected)
  })

  it.each([
    ['instance_type', [1, 6, 7, 8, 9, 10, 11]],
    ['group_type', [2]],
    ['project_type', [3, 4, 5]],
  ] as const)('filters type=%s', (type, expected) => {
    expect(all({ type })).toEqual(expected)
  })

  it('filters paused only when given', () => {
    expect([all({ paused: true }), all({ paused: false })]).toEqual([[10, 11], [1, 2, 3, 4, 5, 6, 7, 8, 9]])
  })

  it('wants every listed tag, extra tags allowed', () => {
    expect([all({ tagList: ['linux'] }), all({ tagList: ['linux', 'docker'] }), all({ tagList: ['linux', 'arm'] }), all({ tagList: [] })])
      .toEqual([[1, 2, 6, 7], [1, 7], [], [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11]])
  })

  it.each([
    ['15', [6, 7, 10]],
    ['15.0', [6, 10]],
    ['15.0.', [6, 10]],
    ['15.0.3', [6]],
    ['15.0.1', []],
    ['16', [7]],
    ['25', []],
  ])('matches version_prefix=%s against any manager, component-wise', (versionPrefix, expected) => {
    expect(all({ versionPrefix })).toEqual(expected)
  })

  it('refuses a version_prefix that does not start with a digit, dot or plus', () => {
    expect(caught(() => all({ versionPrefix: 'V15' }))).toStrictEqual(new ParamError('version_prefix is invalid'))
  })

  it('combines every filter with AND', () => {
    expect(all({ type: 'instance_type', status: 'offline', tagList: ['linux'], paused: false, versionPrefix: '16' })).toEqual([7])
  })

  it.each([
    ['shared', [1, 6, 7, 8, 9, 10, 11]],
    ['specific', [2, 3, 4, 5]],
    ['group_type', [2]],
    ['paused', [10, 11]],
    ['offline', [6, 7, 11]],
  ])('honours scope=%s on /runners/all', (scope, expected) => {
    expect(all({ scope })).toEqual(expected)
  })

  // A filter starts from its own index, not from the set of present runners (`intersect`): this holds
  // only while removing a runner takes it out of every index.
  it.each([
    ['a world', (w: ReturnType<typeof filterWorld>['world']) => w],
    ['a fork', (w: ReturnType<typeof filterWorld>['world']) => w.fork()],
  ])('leaves a removed runner out of every filter, in %s', (_, worldToChange) => {
    const changed = worldToChange(filterWorld().world)
    for (const id of [7, 8, 11]) changed.removeRunner(changed.runners.get(id)!)
    const listed = (params: Parameters<typeof listAllRunners>[2]) => {
      const page = listAllRunners(changed, actorFor(changed, 'admin'), params)
      return [...ids(page), `total ${page.total}`]
    }
    expect([
      listed({ tagList: ['docker'] }), listed({ type: 'instance_type' }), listed({ status: 'offline' }), listed({ status: 'online', type: 'instance_type' }),
      listed({ status: 'never_contacted' }), listed({ paused: true }), listed({ status: 'active', tagList: ['linux'] }), listed({ scope: 'shared' }),
    ]).toEqual([[1, 'total 1'], [1, 6, 9, 10, 'total 4'], [6, 'total 1'], [1, 10, 'total 2'], [9, 'total 1'], [10, 'total 1'], [1, 2, 6, 'total 3'], [1, 6, 9, 10, 'total 4']])
  })

  it('keeps counting and paging over the filtered set', () => {
    const page = listAllRunners(world, admin, { type: 'instance_type', perPage: 3, page: 2 })
    expect({ ...page, items: ids(page) }).toEqual({ items: [8, 9, 10], page: 2, perPage: 3, total: 7, totalPages: 3, nextPage: 3, prevPage: 1 })
  })

  it('is refused to everyone but admins and auditors', () => {
    expect([
      ids(listAllRunners(world, actorFor(world, 'auditor'), { type: 'group_type' })),
      caught(() => listAllRunners(world, actorFor(world, 'groupOwner'), {})),
    ]).toStrictEqual([[2], new ForbiddenError()])
  })
})

describe('scope', () => {
  it('answers a declared but unhonoured scope on /runners with GitLab free-text message', () => {
    expect(caught(() => parseScope('listRunners', 'shared'))).toStrictEqual(new BadRequestError('Scope contains invalid value'))
  })

  it('answers an undeclared scope with the Grape parameter error everywhere', () => {
    expect(['listRunners', 'listAllRunners', 'listProjectRunners'].map((op) => caught(() => parseScope(op as 'listRunners', 'bogus'))))
      .toStrictEqual([0, 1, 2].map(() => new ParamError('scope does not have a valid value')))
  })

  it('honours status scopes on /runners', () => {
    expect(parseScope('listRunners', 'never_contacted')).toEqual({ status: 'never_contacted' })
  })
})

describe('version prefix matching', () => {
  it.each([
    ['15.0.3', '15.0', true],
    ['15.0.3', '15', true],
    ['15.10.0', '15.1', false],
    ['15.0.10', '15.0.1', false],
    ['16.0.1', '16', true],
    ['15.0.3', '1', false],
    [null, '15', false],
  ] as const)('treats version %s against prefix %s as %s', (version, prefix, expected) => {
    expect(matchesVersionPrefix(version, prefix)).toBe(expected)
  })
})

describe('listRunners', () => {
  it('shows the project maintainer only their project runners, never instance runners', () => {
    const { world } = filterWorld()
    expect(ids(listRunners(world, actorFor(world, 'projectMaintainer'), {}))).toEqual([3, 4])
  })

  it('shows a group owner the group runners and the runners of projects below', () => {
    const { world } = filterWorld()
    expect(ids(listRunners(world, actorFor(world, 'groupOwner'), { type: 'project_type' }))).toEqual([3, 4, 5])
  })

  it('shows an admin no more than their own memberships give', () => {
    const { world } = filterWorld()
    expect(ids(listRunners(world, actorFor(world, 'admin'), {}))).toEqual([])
  })
})

describe('listProjectRunners', () => {
  it('lists assigned, group and instance runners of a project by path', () => {
    const { world } = buildWorld()
    expect(ids(listProjectRunners(world, actorFor(world, 'projectMaintainer'), { projectId: 'acme/web' }))).toEqual([1, 2, 3, 4])
  })

  it('leaves out group and instance runners when the project turns them off', () => {
    const { world } = buildWorld((data) => {
      for (const project of data.projects) Object.assign(project, { groupRunnersEnabled: false, sharedRunnersEnabled: false })
    })
    expect(ids(listProjectRunners(world, actorFor(world, 'groupOwner'), { projectId: PROJECT_API }))).toEqual([5])
  })

  it('includes group runners of ancestor groups', () => {
    const { world } = buildWorld()
    expect(ids(listProjectRunners(world, actorFor(world, 'admin'), { projectId: PROJECT_API, type: 'group_type' }))).toEqual([2])
  })

  it('honours scope=specific here', () => {
    const { world } = buildWorld()
    expect(ids(listProjectRunners(world, actorFor(world, 'projectMaintainer'), { projectId: PROJECT_WEB, scope: 'specific' }))).toEqual([2, 3, 4])
  })

  it('refuses a developer with 403 and hides the project from an outsider with 404', () => {
    const { world } = buildWorld()
    expect([
      caught(() => listProjectRunners(world, actorFor(world, 'developer'), { projectId: PROJECT_WEB })),
      caught(() => listProjectRunners(world, actorFor(world, 'outsider'), { projectId: PROJECT_WEB })),
    ]).toStrictEqual([new ForbiddenError(), new NotFoundError('Project')])
  })
})

describe('listGroupRunners', () => {
  it('lists group runners of the group and its ancestors plus instance runners', () => {
    const { world } = buildWorld()
    expect(ids(listGroupRunners(world, actorFor(world, 'groupMaintainer'), { groupId: GROUP_PLATFORM }))).toEqual([1, 2])
  })

  it('gives nothing for type=project_type', () => {
    const { world } = buildWorld()
    expect(ids(listGroupRunners(world, actorFor(world, 'groupOwner'), { groupId: 'acme', type: 'project_type' }))).toEqual([])
  })

  it('leaves out instance runners when the group turns them off', () => {
    const { world } = buildWorld((data) => {
      for (const group of data.groups) group.sharedRunnersEnabled = false
    })
    expect(ids(listGroupRunners(world, actorFor(world, 'groupOwner'), { groupId: GROUP_ACME }))).toEqual([2])
  })

  it('refuses a project maintainer with 403 and hides the group from an outsider with 404', () => {
    const { world } = buildWorld()
    expect([
      caught(() => listGroupRunners(world, actorFor(world, 'projectMaintainer'), { groupId: GROUP_ACME })),
      caught(() => listGroupRunners(world, actorFor(world, 'outsider'), { groupId: GROUP_ACME })),
    ]).toStrictEqual([new ForbiddenError(), new NotFoundError('Group')])
  })
})

describe('large worlds', () => {
  it('filters 100 000 runners by type, tag and status and serves a deep page quickly', () => {
    const { world } = buildWorld((data) => {
      data.runners = Array.from({ length: 100_000 }, (_, i) => runner(i + 1, {
        runnerType: 'instance_type',
        tagList: i % 10 === 0 ? ['gpu'] : ['linux'],
        contactedAt: i % 3 === 0 ? NOW - MINUTE : NOW - 3 * HOUR,
      }))
      data.projects = []
      data.groups = []
    })
    const admin = actorFor(world, 'admin')
    const started = performance.now()
    const page = listAllRunners(world, admin, { type: 'instance_type', tagList: ['gpu'], status: 'online', perPage: 100, page: 30 })
    const elapsed = performance.now() - started
    expect({ first: page.items[0]?.id, total: page.total, next: page.nextPage, fast: elapsed < 200 })
      .toEqual({ first: 87_001, total: 3334, next: 31, fast: true })
  })
})
