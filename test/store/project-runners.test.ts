import { describe, expect, it } from 'vitest'
import { BadRequestError, ForbiddenError, NotFoundError, PreconditionFailedError } from '../../src/store/errors.js'
import { assignProjectRunner, unassignProjectRunner } from '../../src/store/project-runners.js'
import {
  actorFor, buildWorld, caught, MINUTE, NOW, PROJECT_API, PROJECT_DOCS, PROJECT_WEB, RUNNER_GROUP, RUNNER_INSTANCE,
  RUNNER_LOCKED, RUNNER_PROJECT, RUNNER_SHARED_PROJECTS, type Role,
} from './world-builder.js'

describe('assignProjectRunner', () => {
  it('assigns a project runner to another project the maintainer maintains, from then on', () => {
    const { world, clock } = buildWorld()
    clock.advance(MINUTE)
    const runner = assignProjectRunner(world, actorFor(world, 'projectMaintainer'), { projectId: 'acme/docs', runnerId: RUNNER_PROJECT })
    expect([runner.projects, runner.updatedAt, [...world.runnerIdsOfProject(PROJECT_DOCS)].sort()]).toEqual([
      [{ projectId: PROJECT_WEB, createdAt: NOW - 30 * 24 * 60 * MINUTE }, { projectId: PROJECT_DOCS, createdAt: NOW + MINUTE }],
      NOW + MINUTE,
      [RUNNER_PROJECT, RUNNER_SHARED_PROJECTS],
    ])
  })

  it.each<[string, Role, number | string, number, unknown]>([
    ['an invisible project', 'outsider', PROJECT_WEB, RUNNER_PROJECT, new NotFoundError('Project')],
    ['a developer', 'developer', PROJECT_WEB, RUNNER_PROJECT, new ForbiddenError()],
    ['an auditor, who may read but not create', 'auditor', PROJECT_WEB, RUNNER_PROJECT, new ForbiddenError()],
    ['an unknown runner', 'projectMaintainer', PROJECT_DOCS, 999, new NotFoundError('Runner')],
    ['a group runner, even for an admin', 'admin', PROJECT_WEB, RUNNER_GROUP, new ForbiddenError('Runner is a group runner')],
    ['a locked runner', 'groupOwner', PROJECT_WEB, RUNNER_LOCKED, new ForbiddenError('Runner is locked')],
    ['an instance runner for a non-admin', 'groupOwner', PROJECT_WEB, RUNNER_INSTANCE, new ForbiddenError('No access granted')],
    ['a runner already assigned', 'projectMaintainer', PROJECT_WEB, RUNNER_PROJECT,
      new BadRequestError('Assign to Validation failed: Runner projects runner has already been taken - runner_error')],
  ])('refuses %s', (_name, role, projectId, runnerId, error) => {
    const { world } = buildWorld()
    expect(caught(() => assignProjectRunner(world, actorFor(world, role), { projectId, runnerId }))).toStrictEqual(error)
  })

  it('refuses a maintainer of the target project who has no right on the runner', () => {
    const { world } = buildWorld((data) => {
      const locked = data.runners.find((r) => r.id === RUNNER_LOCKED)
      if (locked) locked.locked = false
    })
    expect(caught(() => assignProjectRunner(world, actorFor(world, 'projectMaintainer'), { projectId: PROJECT_WEB, runnerId: RUNNER_LOCKED })))
      .toStrictEqual(new ForbiddenError('No access granted'))
  })

  it('lets an admin assign a locked runner', () => {
    const { world } = buildWorld()
    const runner = assignProjectRunner(world, actorFor(world, 'admin'), { projectId: PROJECT_WEB, runnerId: RUNNER_LOCKED })
    expect(runner.projects.map((link) => link.projectId)).toEqual([PROJECT_API, PROJECT_WEB])
  })
})

describe('unassignProjectRunner', () => {
  it('takes a runner away from a project that is not its owner', () => {
    const { world } = buildWorld()
    unassignProjectRunner(world, actorFor(world, 'projectMaintainer'), { projectId: PROJECT_DOCS, runnerId: RUNNER_SHARED_PROJECTS })
    expect([world.runners.get(RUNNER_SHARED_PROJECTS)?.projects.map((l) => l.projectId), [...world.runnerIdsOfProject(PROJECT_DOCS)]])
      .toEqual([[PROJECT_WEB], []])
  })

  it.each<[string, Role, number, number, unknown]>([
    ['the owner project', 'projectMaintainer', PROJECT_WEB, RUNNER_SHARED_PROJECTS,
      new ForbiddenError('You cannot unassign a runner from the owner project. Delete the runner instead')],
    ['the owner project, even for an admin', 'admin', PROJECT_WEB, RUNNER_PROJECT,
      new ForbiddenError('You cannot unassign a runner from the owner project. Delete the runner instead')],
    ['a runner not assigned to the project', 'projectMaintainer', PROJECT_DOCS, RUNNER_PROJECT, new NotFoundError('Runner')],
    ['a developer', 'developer', PROJECT_WEB, RUNNER_SHARED_PROJECTS, new ForbiddenError()],
    ['a locked runner', 'groupOwner', PROJECT_API, RUNNER_LOCKED, new ForbiddenError('Runner is locked')],
    ['an invisible project', 'outsider', PROJECT_DOCS, RUNNER_SHARED_PROJECTS, new NotFoundError('Project')],
  ])('refuses %s', (_name, role, projectId, runnerId, error) => {
    const { world } = buildWorld()
    expect(caught(() => unassignProjectRunner(world, actorFor(world, role), { projectId, runnerId }))).toStrictEqual(error)
  })

  it('answers 412 when the runner joined the project after If-Unmodified-Since', () => {
    const { world } = buildWorld()
    expect(caught(() => unassignProjectRunner(world, actorFor(world, 'admin'), {
      projectId: PROJECT_DOCS, runnerId: RUNNER_SHARED_PROJECTS, ifUnmodifiedSince: NOW - 21 * 24 * 60 * MINUTE,
    }))).toStrictEqual(new PreconditionFailedError())
  })
})
