// Switches token registration on or off for the instance, a group or a project (the control API's
// and the programmatic API's one implementation), so `POST /runners` answers 410 where it is off.
import type { World } from '../store/world.js'

export type RegistrationTarget = 'instance' | { groupId: number } | { projectId: number }

/** The setting now in force, or undefined when the group or project does not exist. */
export function setRegistrationAllowed(world: World, target: RegistrationTarget, allowed: boolean): boolean | undefined {
  if (target === 'instance') {
    world.writableInstance().allowRegistrationToken = allowed
    return allowed
  }
  if ('groupId' in target) {
    const group = world.groups.get(target.groupId)
    if (!group) return undefined
    world.writableGroup(group).allowRegistrationToken = allowed
    return allowed
  }
  const project = world.projects.get(target.projectId)
  if (!project) return undefined
  world.writableProject(project).allowRegistrationToken = allowed
  return allowed
}
