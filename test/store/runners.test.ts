import { describe, expect, it } from 'vitest'
import { ForbiddenError, InvalidError, NotFoundError, PreconditionFailedError } from '../../src/store/errors.js'
import {
  deleteRunner, getRunner, listRunnerManagers, listRunnerProjects, resetRunnerAuthenticationToken, updateRunner,
} from '../../src/store/runners.js'
import { authenticateRunner } from '../../src/store/tokens.js'
import {
  actorFor, buildWorld, caught, GROUP_ACME, MINUTE, manager, NOW, PROJECT_DOCS, PROJECT_WEB, RUNNER_GROUP, RUNNER_INSTANCE,
  RUNNER_LOCKED, RUNNER_PROJECT, RUNNER_SHARED_PROJECTS,
} from './world-builder.js'

describe('getRunner', () => {
  it('shows a project maintainer the runner with the projects they can see and lets them update it', () => {
    const { world } = buildWorld()
    const details = getRunner(world, actorFor(world, 'projectMaintainer'), { id: RUNNER_SHARED_PROJECTS })
    expect({ id: details.runner.id, projects: details.projects.map((p) => p.id), groups: details.groups, canUpdate: details.canUpdate })
      .toEqual({ id: RUNNER_SHARED_PROJECTS, projects: [PROJECT_WEB, PROJECT_DOCS], groups: [], canUpdate: true })
  })

  it('shows a group maintainer the group runner without the right to update it', () => {
    const { world } = buildWorld()
    const details = getRunner(world, actorFor(world, 'groupMaintainer'), { id: RUNNER_GROUP })
    expect([details.groups.map((g) => g.id), details.canUpdate]).toEqual([[GROUP_ACME], false])
  })

  it('shows any signed-in user an instance runner', () => {
    const { world } = buildWorld()
    expect(getRunner(world, actorFor(world, 'outsider'), { id: RUNNER_INSTANCE }).canUpdate).toBe(false)
  })

  it('answers 403 No access granted for a runner the caller may not read, and 404 for none at all', () => {
    const { world } = buildWorld()
    expect([
      caught(() => getRunner(world, actorFor(world, 'developer'), { id: RUNNER_PROJECT })),
      caught(() => getRunner(world, actorFor(world, 'admin'), { id: 999 })),
    ]).toStrictEqual([new ForbiddenError('No access granted'), new NotFoundError('Runner')])
  })
})

describe('updateRunner', () => {
  it('changes the given fields, treats paused as the inverse of active, and bumps updatedAt', () => {
    const { world, clock } = buildWorld()
    clock.advance(MINUTE)
    const { runner } = updateRunner(world, actorFor(world, 'projectMaintainer'), {
      id: RUNNER_PROJECT, paused: true, tagList: ['ruby', 'mysql'], description: 'new', maximumTimeout: 600, maintenanceNote: 'note',
    })
    expect({
      active: runner.active, tags: runner.tagList, description: runner.description, maximumTimeout: runner.maximumTimeout,
      note: runner.maintenanceNote, locked: runner.locked, updatedAt: runner.updatedAt, byTag: [...world.runnerIdsWithTag('ruby')],
    }).toEqual({
      active: false, tags: ['ruby', 'mysql'], description: 'new', maximumTimeout: 600, note: 'note', locked: false,
      updatedAt: NOW + MINUTE, byTag: [RUNNER_PROJECT],
    })
  })

  it('takes the deprecated active switch too', () => {
    const { world } = buildWorld()
    expect(updateRunner(world, actorFor(world, 'admin'), { id: RUNNER_INSTANCE, active: false }).runner.active).toBe(false)
  })

  it('reports every model error at once, under GitLab field names', () => {
    const { world } = buildWorld()
    const error = caught(() => updateRunner(world, actorFor(world, 'admin'), {
      id: RUNNER_INSTANCE, runUntagged: false, tagList: [], maximumTimeout: 599, maintenanceNote: 'x'.repeat(1025),
    }))
    expect(error).toStrictEqual(new InvalidError({
      tags_list: ['can not be empty when runner is not allowed to pick untagged jobs'],
      maximum_timeout: ['needs to be at least 10 minutes'],
      maintenance_note: ['is too long (maximum is 1024 characters)'],
    }))
  })

  it('refuses more than 50 tags', () => {
    const { world } = buildWorld()
    const tagList = Array.from({ length: 51 }, (_, i) => `t${i}`)
    expect(caught(() => updateRunner(world, actorFor(world, 'admin'), { id: RUNNER_INSTANCE, tagList })))
      .toStrictEqual(new InvalidError({ tags_list: ['Too many tags specified. Please limit the number of tags to 50'] }))
  })

  it('refuses a group maintainer on the group runner and anyone but admins on an instance runner', () => {
    const { world } = buildWorld()
    expect([
      caught(() => updateRunner(world, actorFor(world, 'groupMaintainer'), { id: RUNNER_GROUP, locked: true })),
      caught(() => updateRunner(world, actorFor(world, 'groupOwner'), { id: RUNNER_INSTANCE, locked: true })),
    ]).toStrictEqual([new ForbiddenError('No access granted'), new ForbiddenError('No access granted')])
  })
})

describe('deleteRunner', () => {
  it('lets the project maintainer delete the runner of their project', () => {
    const { world } = buildWorld()
    deleteRunner(world, actorFor(world, 'projectMaintainer'), { id: RUNNER_PROJECT })
    expect([world.runners.has(RUNNER_PROJECT), [...world.runnerIdsOfProject(PROJECT_WEB)]]).toEqual([false, [RUNNER_SHARED_PROJECTS]])
  })

  it('tells a non-admin about several projects before checking their right, even a stranger', () => {
    const { world } = buildWorld()
    expect([
      caught(() => deleteRunner(world, actorFor(world, 'projectMaintainer'), { id: RUNNER_SHARED_PROJECTS })),
      caught(() => deleteRunner(world, actorFor(world, 'outsider'), { id: RUNNER_SHARED_PROJECTS })),
      caught(() => deleteRunner(world, actorFor(world, 'developer'), { id: RUNNER_PROJECT })),
    ]).toStrictEqual([
      new ForbiddenError('Runner associated with more than one project'),
      new ForbiddenError('Runner associated with more than one project'),
      new ForbiddenError('No access granted'),
    ])
  })

  it('lets an admin delete a runner of several projects', () => {
    const { world } = buildWorld()
    deleteRunner(world, actorFor(world, 'admin'), { id: RUNNER_SHARED_PROJECTS })
    expect(world.runners.has(RUNNER_SHARED_PROJECTS)).toBe(false)
  })

  it('answers 412 when the runner changed after If-Unmodified-Since, and deletes it when it did not', () => {
    const { world } = buildWorld()
    const admin = actorFor(world, 'admin')
    const updatedAt = world.runners.get(RUNNER_LOCKED)?.updatedAt ?? 0
    const refused = caught(() => deleteRunner(world, admin, { id: RUNNER_LOCKED, ifUnmodifiedSince: updatedAt - 1 }))
    deleteRunner(world, admin, { id: RUNNER_LOCKED, ifUnmodifiedSince: updatedAt })
    expect([refused, world.runners.has(RUNNER_LOCKED)]).toStrictEqual([new PreconditionFailedError(), false])
  })
})

describe('resetRunnerAuthenticationToken', () => {
  it('issues a new glrt- token and the old one stops working at once', () => {
    const { world } = buildWorld()
    const result = resetRunnerAuthenticationToken(world, actorFor(world, 'groupOwner'), { id: RUNNER_GROUP })
    expect({
      token: /^glrt-[A-Za-z0-9_-]{20}$/.test(result.token),
      expires: result.tokenExpiresAt,
      old: caught(() => authenticateRunner(world, 'glrt-runner2')),
      fresh: authenticateRunner(world, result.token).id,
    }).toStrictEqual({ token: true, expires: null, old: new ForbiddenError(), fresh: RUNNER_GROUP })
  })

  it('sets the expiry from the instance token lifetime', () => {
    const { world } = buildWorld((data) => {
      data.instance.runnerTokenExpirationInterval = 3600
    })
    expect(resetRunnerAuthenticationToken(world, actorFor(world, 'admin'), { id: RUNNER_INSTANCE }).tokenExpiresAt).toBe(NOW + 3_600_000)
  })

  it('refuses a group maintainer', () => {
    const { world } = buildWorld()
    expect(caught(() => resetRunnerAuthenticationToken(world, actorFor(world, 'groupMaintainer'), { id: RUNNER_GROUP })))
      .toStrictEqual(new ForbiddenError('No access granted'))
  })
})

describe('listRunnerManagers and listRunnerProjects', () => {
  it('lists the managers of a runner by id', () => {
    const { world } = buildWorld((data) => {
      data.managers = [manager(2, RUNNER_PROJECT), manager(1, RUNNER_PROJECT), manager(3, RUNNER_GROUP)]
    })
    expect(listRunnerManagers(world, actorFor(world, 'projectMaintainer'), { id: RUNNER_PROJECT }).map((m) => m.id)).toEqual([1, 2])
  })

  it('lists only the projects the caller can see, and none for a group runner', () => {
    const { world } = buildWorld((data) => {
      const shared = data.runners.find((r) => r.id === RUNNER_SHARED_PROJECTS)
      shared?.projects.push({ projectId: 21, createdAt: NOW })
    })
    const maintainer = actorFor(world, 'projectMaintainer')
    expect([
      listRunnerProjects(world, maintainer, { id: RUNNER_SHARED_PROJECTS }).items.map((p) => p.id),
      listRunnerProjects(world, actorFor(world, 'admin'), { id: RUNNER_SHARED_PROJECTS }).items.map((p) => p.id),
      listRunnerProjects(world, actorFor(world, 'groupOwner'), { id: RUNNER_GROUP }).items,
    ]).toEqual([[PROJECT_WEB, PROJECT_DOCS], [PROJECT_WEB, 21, PROJECT_DOCS], []])
  })
})
