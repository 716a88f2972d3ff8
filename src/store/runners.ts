// Operations on one runner by id (reference §4.3–§4.5, §4.7–§4.9): details, update, delete, its
// managers and projects, and the authentication-token reset. 404 for unknown, 403 for unpermitted.
import {
  canDeleteRunner, canReadRunner, canSeeGroup, canSeeProject, canUpdateRunner, isAdmin,
} from './access.js'
import { ForbiddenError, InvalidError, NotFoundError, PreconditionFailedError } from './errors.js'
import { paginate, type OffsetParams, type Page } from './pagination.js'
import type {
  GroupRecord, Millis, ProjectRecord, RunnerAccessLevel, RunnerManagerRecord, RunnerRecord,
} from './records.js'
import { runnerErrors } from './runner-validation.js'
import { newRunnerToken, runnerTokenExpiry, type RunnerTokenPrefixes } from './secrets.js'
import type { Actor } from './tokens.js'
import type { World } from './world.js'

export interface RunnerIdParams {
  id: number
}

export interface RunnerDetails {
  runner: RunnerRecord
  /** Assigned projects the caller may see (all of them for an admin), owner project first. */
  projects: ProjectRecord[]
  /** The owner group of a group runner, when the caller may see it. */
  groups: GroupRecord[]
  /** Decides whether `maintenance_note` is shown (null otherwise). */
  canUpdate: boolean
}

export interface UpdateRunnerParams extends RunnerIdParams {
  description?: string
  /** Deprecated inverse of `paused`. */
  active?: boolean
  paused?: boolean
  tagList?: string[]
  runUntagged?: boolean
  locked?: boolean
  accessLevel?: RunnerAccessLevel
  maximumTimeout?: number
  maintenanceNote?: string
}

export interface DeleteRunnerParams extends RunnerIdParams {
  /** If-Unmodified-Since as epoch milliseconds. */
  ifUnmodifiedSince?: Millis
}

export interface RunnerTokenResult {
  token: string
  tokenExpiresAt: Millis | null
}

export function findRunner(world: World, id: number): RunnerRecord {
  const runner = world.runners.get(id)
  if (!runner) throw new NotFoundError('Runner')
  return runner
}

function readableRunner(world: World, actor: Actor, id: number): RunnerRecord {
  const runner = findRunner(world, id)
  // 403, not 404: GitLab admits the runner exists (reference §4).
  if (!canReadRunner(world, actor.user, runner)) throw new ForbiddenError('No access granted')
  return runner
}

export function runnerDetails(world: World, actor: Actor, runner: RunnerRecord): RunnerDetails {
  const projects = runner.projects
    .map((link) => world.projects.get(link.projectId))
    .filter((project): project is ProjectRecord => project !== undefined && canSeeProject(world, actor.user, project))
  const group = runner.groupId === null ? undefined : world.groups.get(runner.groupId)
  return {
    runner,
    projects,
    groups: group && canSeeGroup(world, actor.user, group) ? [group] : [],
    canUpdate: canUpdateRunner(world, actor.user, runner),
  }
}

export function getRunner(world: World, actor: Actor, params: RunnerIdParams): RunnerDetails {
  return runnerDetails(world, actor, readableRunner(world, actor, params.id))
}

/**
 * That an update names at least one attribute, and not both active and paused, are the contract's
 * rules (`x-gitlab-at-least-one-of`, its list differing by release, and `x-gitlab-mutually-exclusive`),
 * checked by request validation; here an empty update only touches updated_at, and paused wins.
 */
export function updateRunner(world: World, actor: Actor, params: UpdateRunnerParams): RunnerDetails {
  const runner = findRunner(world, params.id)
  if (!canUpdateRunner(world, actor.user, runner)) throw new ForbiddenError('No access granted')

  const next = {
    description: params.description ?? runner.description,
    name: runner.name,
    active: params.paused !== undefined ? !params.paused : (params.active ?? runner.active),
    tagList: params.tagList ?? runner.tagList,
    runUntagged: params.runUntagged ?? runner.runUntagged,
    locked: params.locked ?? runner.locked,
    accessLevel: params.accessLevel ?? runner.accessLevel,
    maximumTimeout: params.maximumTimeout ?? runner.maximumTimeout,
    maintenanceNote: params.maintenanceNote ?? runner.maintenanceNote,
  }
  const errors = runnerErrors(next)
  if (Object.keys(errors).length > 0) throw new InvalidError(errors)

  const { tagList, ...fields } = next
  const updated = world.setRunnerTags(Object.assign(world.writableRunner(runner), fields), tagList)
  updated.updatedAt = world.now()
  return runnerDetails(world, actor, updated)
}

export function deleteRunner(world: World, actor: Actor, params: DeleteRunnerParams): void {
  const runner = findRunner(world, params.id)
  if (!isAdmin(actor.user)) {
    // Checked before the permission itself, so even a stranger learns this (reference §4.5).
    if (runner.projects.length > 1) throw new ForbiddenError('Runner associated with more than one project')
    if (!canDeleteRunner(world, actor.user, runner)) throw new ForbiddenError('No access granted')
  }
  requireUnmodifiedSince(runner.updatedAt, params.ifUnmodifiedSince)
  world.removeRunner(runner)
}

/** 412 when the resource changed after the client's If-Unmodified-Since. */
export function requireUnmodifiedSince(lastModified: Millis, ifUnmodifiedSince: Millis | undefined): void {
  if (ifUnmodifiedSince !== undefined && lastModified > ifUnmodifiedSince) throw new PreconditionFailedError()
}

export function listRunnerManagers(world: World, actor: Actor, params: RunnerIdParams): RunnerManagerRecord[] {
  return world.managersOf(readableRunner(world, actor, params.id).id)
}

export interface RunnerProjectsParams extends RunnerIdParams, OffsetParams {}

/** Projects of a project runner the caller may see, ids ascending; group and instance runners have none. */
export function listRunnerProjects(world: World, actor: Actor, params: RunnerProjectsParams): Page<ProjectRecord> {
  const runner = readableRunner(world, actor, params.id)
  const projects = runner.projects
    .map((link) => world.projects.get(link.projectId))
    .filter((project): project is ProjectRecord => project !== undefined && canSeeProject(world, actor.user, project))
    .sort((a, b) => a.id - b.id)
  return paginate(projects, params)
}

/** The old token stops working at once. */
export function resetRunnerAuthenticationToken(world: World, actor: Actor, params: RunnerIdParams & TokenPrefix): RunnerTokenResult {
  const runner = findRunner(world, params.id)
  if (!canUpdateRunner(world, actor.user, runner)) throw new ForbiddenError('No access granted')
  return rotateRunnerToken(world, runner, params.tokenPrefixes)
}

/** The prefixes of the runner tokens the served release issues; the newest release's when absent. */
export interface TokenPrefix {
  tokenPrefixes?: RunnerTokenPrefixes
}

/** A fresh token of the same family as the runner's current one; the old one stops working at once. */
export function rotateRunnerToken(world: World, runner: RunnerRecord, tokenPrefixes?: RunnerTokenPrefixes): RunnerTokenResult {
  const rotated = world.setRunnerToken(runner, newRunnerToken(runner.registrationType, tokenPrefixes), runnerTokenExpiry(world))
  rotated.updatedAt = world.now()
  return { token: rotated.token, tokenExpiresAt: rotated.tokenExpiresAt }
}
