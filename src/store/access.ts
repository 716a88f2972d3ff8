// Who may see and do what (reference §2.4, §2.5): membership inherited down the group tree,
// project and group visibility, and the runner abilities. Admins are taken to be in admin mode.
import { NotFoundError } from './errors.js'
import { MAINTAINER, OWNER, type GroupRecord, type ProjectRecord, type RunnerRecord, type UserRecord } from './records.js'
import type { World } from './world.js'

/** No membership at all; below Guest (10). */
export const NO_ACCESS = 0

export function isAdmin(user: UserRecord): boolean {
  return user.admin
}

/** Admins and auditors read everything. */
export function readsEverything(user: UserRecord): boolean {
  return user.admin || user.auditor
}

/** The user's level in a group: the highest of their memberships in it and its ancestors. */
export function groupAccess(world: World, user: UserRecord, groupId: number): number {
  const direct = world.membershipsOf(user.id).groups
  let level = NO_ACCESS
  for (const group of world.groupAncestry(groupId)) level = Math.max(level, direct.get(group.id) ?? NO_ACCESS)
  return level
}

/** The user's level in a project: direct, inherited from its groups, or Owner of a personal project. */
export function projectAccess(world: World, user: UserRecord, project: ProjectRecord): number {
  if (project.ownerUserId === user.id) return OWNER
  const direct = world.membershipsOf(user.id).projects.get(project.id) ?? NO_ACCESS
  return project.groupId === null ? direct : Math.max(direct, groupAccess(world, user, project.groupId))
}

export function canSeeProject(world: World, user: UserRecord, project: ProjectRecord): boolean {
  if (readsEverything(user) || project.visibility !== 'private') return true
  return projectAccess(world, user, project) > NO_ACCESS
}

/** A private group is also visible to members of anything below it. */
export function canSeeGroup(world: World, user: UserRecord, group: GroupRecord): boolean {
  if (readsEverything(user) || group.visibility !== 'private') return true
  if (groupAccess(world, user, group.id) > NO_ACCESS) return true
  const memberships = world.membershipsOf(user.id)
  return world.groupDescendantIds(group.id).some((id) =>
    memberships.groups.has(id) || world.projectIdsInGroup(id).some((projectId) => memberships.projects.has(projectId)),
  )
}

/** A project id or its URL-decoded full path (`group/subgroup/project`); invisible is missing. */
export function findVisibleProject(world: World, user: UserRecord, id: number | string): ProjectRecord {
  const project = typeof id === 'number' || /^\d+$/.test(id) ? world.projects.get(Number(id)) : world.projectByFullPath(id)
  if (!project || !canSeeProject(world, user, project)) throw new NotFoundError('Project')
  return project
}

export function findVisibleGroup(world: World, user: UserRecord, id: number | string): GroupRecord {
  const group = typeof id === 'number' || /^\d+$/.test(id) ? world.groups.get(Number(id)) : world.groupByFullPath(id)
  if (!group || !canSeeGroup(world, user, group)) throw new NotFoundError('Group')
  return group
}

function maintainsProject(world: World, user: UserRecord, projectId: number): boolean {
  const project = world.projects.get(projectId)
  return project !== undefined && projectAccess(world, user, project) >= MAINTAINER
}

/** Manages the runner's owner scope: instance → admin, group → Owner, project → Maintainer of the owner project. */
export function managesOwnerScope(world: World, user: UserRecord, runner: RunnerRecord): boolean {
  if (isAdmin(user)) return true
  switch (runner.runnerType) {
    case 'instance_type':
      return false
    case 'group_type':
      return runner.groupId !== null && groupAccess(world, user, runner.groupId) >= OWNER
    case 'project_type': {
      const owner = runner.projects[0]
      return owner !== undefined && maintainsProject(world, user, owner.projectId)
    }
  }
}

/** A project runner shared by several projects is in the `GET /runners` set of each of their Maintainers. */
function sharesMultiProjectRunner(world: World, user: UserRecord, runner: RunnerRecord): boolean {
  return runner.runnerType === 'project_type' && runner.projects.length > 1 &&
    runner.projects.some((link) => maintainsProject(world, user, link.projectId))
}

export function canReadRunner(world: World, user: UserRecord, runner: RunnerRecord): boolean {
  if (readsEverything(user) || managesOwnerScope(world, user, runner)) return true
  switch (runner.runnerType) {
    // Any signed-in user may read an instance runner.
    case 'instance_type':
      return true
    case 'group_type':
      return runner.groupId !== null && (
        groupAccess(world, user, runner.groupId) >= MAINTAINER || maintainsProjectUsingGroupRunners(world, user, runner.groupId)
      )
    case 'project_type':
      return runner.projects.some((link) => maintainsProject(world, user, link.projectId))
  }
}

function maintainsProjectUsingGroupRunners(world: World, user: UserRecord, groupId: number): boolean {
  return world.groupDescendantIds(groupId).some((id) =>
    world.projectIdsInGroup(id).some((projectId) => {
      const project = world.projects.get(projectId)
      return project !== undefined && project.groupRunnersEnabled && projectAccess(world, user, project) >= MAINTAINER
    }),
  )
}

export function canUpdateRunner(world: World, user: UserRecord, runner: RunnerRecord): boolean {
  return managesOwnerScope(world, user, runner) || sharesMultiProjectRunner(world, user, runner)
}

/** A non-admin never deletes a runner several projects use. */
export function canDeleteRunner(world: World, user: UserRecord, runner: RunnerRecord): boolean {
  if (isAdmin(user)) return true
  return runner.projects.length <= 1 && managesOwnerScope(world, user, runner)
}

/** The right on the runner; the target project and the lock are checked by the operation. */
export function canAssignRunner(world: World, user: UserRecord, runner: RunnerRecord): boolean {
  return managesOwnerScope(world, user, runner) || sharesMultiProjectRunner(world, user, runner)
}

export function canListRunnerJobs(world: World, user: UserRecord, runner: RunnerRecord): boolean {
  return readsEverything(user) || managesOwnerScope(world, user, runner) || sharesMultiProjectRunner(world, user, runner)
}

/** GitLab's `ci_owned_runners`: runners of projects the user maintains and of groups (and subgroups) they own. */
export function ownedRunnerIds(world: World, user: UserRecord): Set<number> {
  const memberships = world.membershipsOf(user.id)
  const projectIds = new Set<number>()
  for (const [projectId, level] of memberships.projects) if (level >= MAINTAINER) projectIds.add(projectId)
  for (const project of world.projects.values()) if (project.ownerUserId === user.id) projectIds.add(project.id)
  const owned = new Set<number>()
  for (const [groupId, level] of memberships.groups) {
    if (level < MAINTAINER) continue
    for (const id of world.groupDescendantIds(groupId)) {
      for (const projectId of world.projectIdsInGroup(id)) projectIds.add(projectId)
      if (level >= OWNER) for (const runnerId of world.runnerIdsOfGroup(id)) owned.add(runnerId)
    }
  }
  for (const projectId of projectIds) for (const runnerId of world.runnerIdsOfProject(projectId)) owned.add(runnerId)
  return owned
}
