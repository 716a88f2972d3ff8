// Assigning project runners to more projects and taking them away (reference §4.11, §4.12), with
// GitLab's checks in GitLab's order, since the first failing check decides the answer.
import { canAssignRunner, findVisibleProject, isAdmin, projectAccess } from './access.js'
import { BadRequestError, ForbiddenError, NotFoundError } from './errors.js'
import { MAINTAINER, type Millis, type RunnerRecord } from './records.js'
import { findRunner, requireUnmodifiedSince } from './runners.js'
import type { Actor } from './tokens.js'
import type { World } from './world.js'

export interface AssignProjectRunnerParams {
  /** Numeric id or full path. */
  projectId: number | string
  runnerId: number
}

export interface UnassignProjectRunnerParams extends AssignProjectRunnerParams {
  /** If-Unmodified-Since as epoch milliseconds, compared with when the runner joined the project. */
  ifUnmodifiedSince?: Millis
  /** What a runner may not lose: its owner project (16.x on, the default) or, before, its last project. */
  keeps?: 'owner-project' | 'last-project'
}

export function assignProjectRunner(world: World, actor: Actor, params: AssignProjectRunnerParams): RunnerRecord {
  const { user } = actor
  const project = findVisibleProject(world, user, params.projectId)
  // GitLab asks "may read the project's runners", then "may create runners in it": an auditor
  // passes the first only, and both failures read the same.
  if (!isAdmin(user) && projectAccess(world, user, project) < MAINTAINER) throw new ForbiddenError()
  const runner = findRunner(world, params.runnerId)
  if (runner.runnerType === 'group_type') throw new ForbiddenError('Runner is a group runner')
  if (!isAdmin(user)) {
    if (runner.locked) throw new ForbiddenError('Runner is locked')
    if (!canAssignRunner(world, user, runner)) throw new ForbiddenError('No access granted')
  }
  // GitLab raises an unhandled error here (a 500); a client's mistake gets a 400 from us instead.
  if (runner.runnerType === 'instance_type') {
    throw new BadRequestError('Transitioning an instance runner to a project runner is not supported - runner_error')
  }
  if (runner.projects.some((link) => link.projectId === project.id)) {
    throw new BadRequestError('Assign to Validation failed: Runner projects runner has already been taken - runner_error')
  }
  const now = world.now()
  const linked = world.linkRunnerToProject(runner, project.id, now)
  linked.updatedAt = now
  return linked
}

export function unassignProjectRunner(world: World, actor: Actor, params: UnassignProjectRunnerParams): void {
  const { user } = actor
  const project = findVisibleProject(world, user, params.projectId)
  if (!isAdmin(user) && projectAccess(world, user, project) < MAINTAINER) throw new ForbiddenError()
  const runner = world.runners.get(params.runnerId)
  const link = runner?.projects.find((candidate) => candidate.projectId === project.id)
  if (!runner || !link) throw new NotFoundError('Runner')
  if (!isAdmin(user)) {
    if (runner.locked) throw new ForbiddenError('Runner is locked')
    if (!canAssignRunner(world, user, runner)) throw new ForbiddenError('No access granted')
  }
  // The owner project holds the runner; only deleting the runner removes it from there. Older
  // releases only kept a runner from losing its last project (reference §4.12).
  if ((params.keeps ?? 'owner-project') === 'last-project') {
    if (runner.projects.length === 1) throw new ForbiddenError('Only one project associated with the runner. Please remove the runner instead')
  } else if (runner.projects[0] === link) {
    throw new ForbiddenError('You cannot unassign a runner from the owner project. Delete the runner instead')
  }
  requireUnmodifiedSince(link.createdAt, params.ifUnmodifiedSince)
  world.unlinkRunnerFromProject(runner, project.id).updatedAt = world.now()
}
