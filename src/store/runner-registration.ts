// How runners come to be and speak for themselves: registration with a registration token (§6.1),
// creation by a user (§5), and the runner-token endpoints verify, unregister and reset (§6.2–§6.4).
import { groupAccess, isAdmin, projectAccess } from './access.js'
import { BadRequestReasonError, ForbiddenError, GoneError, InvalidError, OrphanedRunnerError, ParamError } from './errors.js'
import { MAINTAINER, OWNER, type Millis, type RunnerAccessLevel, type RunnerRecord, type RunnerType } from './records.js'
import { registrationAllowed } from './registration-tokens.js'
import { errorSentence, runnerErrors } from './runner-validation.js'
import { requireUnmodifiedSince, rotateRunnerToken, type RunnerTokenResult, type TokenPrefix } from './runners.js'
import { newRunnerToken, runnerTokenExpiry } from './secrets.js'
import { authenticateRunner, type Actor } from './tokens.js'
import type { World } from './world.js'

/** The settings a runner can be given when it is made. */
export interface RunnerSettings {
  description?: string
  maintenanceNote?: string
  paused?: boolean
  locked?: boolean
  runUntagged?: boolean
  tagList?: string[]
  accessLevel?: RunnerAccessLevel
  maximumTimeout?: number
}

export interface RegisterRunnerParams extends RunnerSettings, TokenPrefix {
  /** A registration token. The server maps the deprecated `maintainer_note` to maintenanceNote. */
  token?: string
  /** Deprecated inverse of `paused`. */
  active?: boolean
  /** Only `info.name` is kept, unless `keepInfoVersions`: versions arrive later through managers. */
  info?: { name?: string; version?: string; revision?: string; platform?: string; architecture?: string }
  /** Before 17.0 a runner kept the versions it registered with (kept here on a legacy manager record). */
  keepInfoVersions?: boolean
  /** Whether registration tokens can be switched off (17.0); before, the switch does not exist. Default true. */
  registrationSwitch?: boolean
  /** Whether an unknown token's 403 says "invalid token supplied" (16.0); before, a plain 403. Default true. */
  namesInvalidToken?: boolean
}

export interface CreateUserRunnerParams extends RunnerSettings, TokenPrefix {
  runnerType: RunnerType
  groupId?: number
  projectId?: number
}

export interface RunnerTokenParams {
  token?: string
}

export interface DeleteRunnerByTokenParams extends RunnerTokenParams {
  ifUnmodifiedSince?: Millis
}

export interface VerifyRunnerParams extends RunnerTokenParams {
  systemId?: string
}

/** The manager key GitLab uses when a runner does not say which machine it is. */
export const LEGACY_SYSTEM_ID = '<legacy>'

type Owner = Pick<RunnerRecord, 'runnerType' | 'groupId' | 'projects'>

function newRunner(world: World, owner: Owner, settings: RunnerSettings & { active?: boolean; name?: string }, extra: Pick<RunnerRecord, 'token' | 'registrationType' | 'createdById'>): RunnerRecord {
  const now = world.now()
  const fields: Omit<RunnerRecord, 'id'> = {
    ...owner,
    description: settings.description ?? null,
    name: settings.name ?? null,
    active: settings.paused !== undefined ? !settings.paused : (settings.active ?? true),
    locked: settings.locked ?? false,
    runUntagged: settings.runUntagged ?? true,
    tagList: settings.tagList ?? [],
    accessLevel: settings.accessLevel ?? 'not_protected',
    maximumTimeout: settings.maximumTimeout ?? null,
    maintenanceNote: settings.maintenanceNote ?? null,
    tokenExpiresAt: runnerTokenExpiry(world),
    createdAt: now,
    updatedAt: now,
    contactedAt: null,
    ...extra,
  }
  const errors = runnerErrors(fields)
  if (Object.keys(errors).length > 0) throw new InvalidError(errors)
  return world.addRunner(fields)
}

/** Tokens are tried as the instance's, then a project's, then a group's (reference §6.1). */
export function registerRunner(world: World, params: RegisterRunnerParams): RunnerRecord {
  const { token } = params
  if (token === undefined) throw new ParamError('token is missing')
  // Not both active and paused is the contract's rule (x-gitlab-mutually-exclusive); here paused wins.

  const now = world.now()
  const switchable = params.registrationSwitch ?? true
  let owner: Owner | undefined
  let allowed = false
  const project = world.projectByRegistrationToken(token)
  const group = world.groupByRegistrationToken(token)
  if (token !== '' && token === world.instance.registrationToken) {
    owner = { runnerType: 'instance_type', groupId: null, projects: [] }
    allowed = registrationAllowed(world)
  } else if (token !== '' && project) {
    owner = { runnerType: 'project_type', groupId: null, projects: [{ projectId: project.id, createdAt: now }] }
    allowed = registrationAllowed(world, { project })
  } else if (token !== '' && group) {
    owner = { runnerType: 'group_type', groupId: group.id, projects: [] }
    allowed = registrationAllowed(world, { group })
  }
  // With registration switched off for the instance, even a garbage token learns only that.
  if (switchable && !owner && !world.instance.allowRegistrationToken) throw new GoneError('runner registration disallowed')
  if (!owner) throw new ForbiddenError((params.namesInvalidToken ?? true) ? 'invalid token supplied' : undefined)
  if (switchable && !allowed) throw new GoneError('runner registration disallowed')

  const runner = newRunner(world, owner, { ...params, name: params.info?.name }, {
    token: newRunnerToken('registration_token', params.tokenPrefixes), registrationType: 'registration_token', createdById: null,
  })
  const { info } = params
  if (params.keepInfoVersions && info && [info.version, info.revision, info.platform, info.architecture].some((value) => value !== undefined)) {
    world.addManager({
      runnerId: runner.id, systemId: LEGACY_SYSTEM_ID, version: info.version ?? null, revision: info.revision ?? null,
      platform: info.platform ?? null, architecture: info.architecture ?? null, ipAddress: null, createdAt: now, contactedAt: null,
    })
  }
  return runner
}

/** `POST /user/runners`: the caller creates a runner where they manage runners; it gets a `glrt-` token (the endpoint came with them). */
export function createUserRunner(world: World, actor: Actor, params: CreateUserRunnerParams): RunnerRecord {
  const { user } = actor
  let owner: Owner
  let permitted: boolean
  switch (params.runnerType) {
    case 'instance_type':
      owner = { runnerType: 'instance_type', groupId: null, projects: [] }
      permitted = isAdmin(user)
      break
    case 'group_type': {
      if (params.groupId === undefined) throw new ParamError('group_id is missing')
      const group = world.groups.get(params.groupId)
      if (!group) throw new BadRequestReasonError('Missing/invalid group')
      owner = { runnerType: 'group_type', groupId: group.id, projects: [] }
      permitted = isAdmin(user) || groupAccess(world, user, group.id) >= OWNER
      break
    }
    case 'project_type': {
      if (params.projectId === undefined) throw new ParamError('project_id is missing')
      const project = world.projects.get(params.projectId)
      if (!project) throw new BadRequestReasonError('Missing/invalid project')
      owner = { runnerType: 'project_type', groupId: null, projects: [{ projectId: project.id, createdAt: world.now() }] }
      permitted = isAdmin(user) || projectAccess(world, user, project) >= MAINTAINER
      break
    }
  }
  if (!permitted) throw new ForbiddenError('Insufficient permissions')
  try {
    return newRunner(world, owner, params, { token: newRunnerToken('authenticated_user', params.tokenPrefixes), registrationType: 'authenticated_user', createdById: user.id })
  } catch (error) {
    // This endpoint reports model errors as one sentence, not as a field object (reference §5).
    if (error instanceof InvalidError) throw new BadRequestReasonError(errorSentence(error.fields))
    throw error
  }
}

export function deleteRunnerByToken(world: World, params: DeleteRunnerByTokenParams): void {
  const runner = authenticateRunner(world, params.token)
  requireUnmodifiedSince(runner.updatedAt, params.ifUnmodifiedSince)
  world.removeRunner(runner)
}

/**
 * Marks the runner as in contact and creates or touches its manager. Like GitLab's heartbeat, it
 * writes contact times only, so `updatedAt` (and If-Unmodified-Since) is left alone.
 */
export function verifyRunner(world: World, params: VerifyRunnerParams): RunnerRecord {
  const runner = authenticateRunner(world, params.token)
  // A project runner whose owner project was deleted has no owner to key its manager by (lib/api/ci/runner.rb).
  if (runner.runnerType === 'project_type' && runner.projects.length === 0) throw new OrphanedRunnerError()
  const now = world.now()
  const systemId = params.systemId ?? LEGACY_SYSTEM_ID
  const manager = world.managersOf(runner.id).find((candidate) => candidate.systemId === systemId)
  if (manager) world.writableManager(manager).contactedAt = now
  else {
    world.addManager({
      runnerId: runner.id, systemId, version: null, revision: null, platform: null, architecture: null,
      ipAddress: null, createdAt: now, contactedAt: now,
    })
  }
  return world.recordContact(runner, now)
}

export function resetRunnerAuthenticationTokenByToken(world: World, params: RunnerTokenParams & TokenPrefix): RunnerTokenResult {
  return rotateRunnerToken(world, authenticateRunner(world, params.token), params.tokenPrefixes)
}
