// The four runner lists (reference §2.4, §4.1, §4.2, §4.10, §4.13): which runners each one starts
// from, who may ask, and the shared filters and paging. Ids ascending, as GitLab's paginator orders them.
import {
  findVisibleGroup, findVisibleProject, groupAccess, ownedRunnerIds, projectAccess, readsEverything,
} from './access.js'
import { ForbiddenError } from './errors.js'
import { filterRunners, parseScope, type RunnerFilters, type ScopeFilter } from './filters.js'
import { paginate, type OffsetParams, type Page } from './pagination.js'
import { MAINTAINER, type RunnerRecord } from './records.js'
import type { Actor } from './tokens.js'
import type { World } from './world.js'

export interface RunnerListParams extends RunnerFilters, OffsetParams {
  /** Deprecated; validated per endpoint by parseScope. */
  scope?: string
}

export interface AllRunnerListParams extends RunnerListParams {
  /** Whether auditors may list every runner (18.x); before, only administrators. Default true. */
  auditorsListAll?: boolean
}

export interface ProjectRunnerListParams extends RunnerListParams {
  /** Numeric id or full path. */
  projectId: number | string
}

/** `GET /groups/:id/runners` has no `scope`. */
export interface GroupRunnerListParams extends RunnerFilters, OffsetParams {
  groupId: number | string
}

function listPage(world: World, within: ReadonlySet<number> | undefined, params: RunnerFilters & OffsetParams, scope?: ScopeFilter): Page<RunnerRecord> {
  return paginate(filterRunners(world, within, params, scope), params)
}

/** The runners the caller manages; never instance runners, not even for an admin. */
export function listRunners(world: World, actor: Actor, params: RunnerListParams): Page<RunnerRecord> {
  const scope = parseScope('listRunners', params.scope)
  return listPage(world, ownedRunnerIds(world, actor.user), params, scope)
}

export function listAllRunners(world: World, actor: Actor, params: AllRunnerListParams): Page<RunnerRecord> {
  const allowed = (params.auditorsListAll ?? true) ? readsEverything(actor.user) : actor.user.admin
  if (!allowed) throw new ForbiddenError()
  const scope = parseScope('listAllRunners', params.scope)
  return listPage(world, undefined, params, scope)
}

/** Assigned runners, plus group runners of its groups and instance runners when the project takes them. */
export function listProjectRunners(world: World, actor: Actor, params: ProjectRunnerListParams): Page<RunnerRecord> {
  const project = findVisibleProject(world, actor.user, params.projectId)
  if (!readsEverything(actor.user) && projectAccess(world, actor.user, project) < MAINTAINER) throw new ForbiddenError()
  const scope = parseScope('listProjectRunners', params.scope)
  const within = new Set(world.runnerIdsOfProject(project.id))
  if (project.groupRunnersEnabled && project.groupId !== null) {
    for (const group of world.groupAncestry(project.groupId)) for (const id of world.runnerIdsOfGroup(group.id)) within.add(id)
  }
  if (project.sharedRunnersEnabled) for (const id of world.runnerIdsOfType('instance_type')) within.add(id)
  return listPage(world, within, params, scope)
}

/** Group runners of the group and its ancestors, plus instance runners when the group takes them. */
export function listGroupRunners(world: World, actor: Actor, params: GroupRunnerListParams): Page<RunnerRecord> {
  const group = findVisibleGroup(world, actor.user, params.groupId)
  if (!readsEverything(actor.user) && groupAccess(world, actor.user, group.id) < MAINTAINER) throw new ForbiddenError()
  const within = new Set<number>()
  for (const ancestor of world.groupAncestry(group.id)) for (const id of world.runnerIdsOfGroup(ancestor.id)) within.add(id)
  if (group.sharedRunnersEnabled) for (const id of world.runnerIdsOfType('instance_type')) within.add(id)
  return listPage(world, within, params)
}

