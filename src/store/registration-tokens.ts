// Registration tokens (deprecated workflow, reference §4.14, §6.1): whether a scope still accepts
// them, and the three resets. Registering with them lives in runner-registration.ts.
import { findVisibleGroup, findVisibleProject, groupAccess, isAdmin, projectAccess } from './access.js'
import { ForbiddenError } from './errors.js'
import { MAINTAINER, OWNER, type GroupRecord, type ProjectRecord } from './records.js'
import { registrationToken } from './secrets.js'
import type { Actor } from './tokens.js'
import type { World } from './world.js'

export interface RegistrationTokenResult {
  token: string
}

/**
 * The instance setting gates everything; a group or project token also needs every group above it
 * (GitLab reads the root namespace) and, for a project, its own setting.
 */
export function registrationAllowed(world: World, scope: { group?: GroupRecord; project?: ProjectRecord } = {}): boolean {
  if (!world.instance.allowRegistrationToken) return false
  if (scope.project && !scope.project.allowRegistrationToken) return false
  const groupId = scope.group?.id ?? scope.project?.groupId ?? null
  return groupId === null || world.groupAncestry(groupId).every((group) => group.allowRegistrationToken)
}

export function resetInstanceRegistrationToken(world: World, actor: Actor): RegistrationTokenResult {
  if (!isAdmin(actor.user) || !registrationAllowed(world)) throw new ForbiddenError()
  const instance = world.writableInstance()
  instance.registrationToken = registrationToken()
  return { token: instance.registrationToken }
}

export function resetProjectRegistrationToken(world: World, actor: Actor, params: { projectId: number | string }): RegistrationTokenResult {
  const project = findVisibleProject(world, actor.user, params.projectId)
  if (!isAdmin(actor.user) && projectAccess(world, actor.user, project) < MAINTAINER) throw new ForbiddenError()
  if (!registrationAllowed(world, { project })) throw new ForbiddenError()
  return { token: world.setProjectRegistrationToken(project, registrationToken()).registrationToken }
}

export function resetGroupRegistrationToken(world: World, actor: Actor, params: { groupId: number | string }): RegistrationTokenResult {
  const group = findVisibleGroup(world, actor.user, params.groupId)
  if (!isAdmin(actor.user) && groupAccess(world, actor.user, group.id) < OWNER) throw new ForbiddenError()
  if (!registrationAllowed(world, { group })) throw new ForbiddenError()
  return { token: world.setGroupRegistrationToken(group, registrationToken()).registrationToken }
}
