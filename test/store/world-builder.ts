// A small, fully known world for store unit tests: one GitLab instance with an admin, an auditor,
// a group owner, a group maintainer, a project maintainer, a developer, a reporter and an outsider.
import { ManualClock } from '../../src/store/clock.js'
import {
  DEVELOPER,
  MAINTAINER,
  OWNER,
  REPORTER,
  type AccessTokenRecord,
  type GroupRecord,
  type JobRecord,
  type ProjectRecord,
  type RunnerManagerRecord,
  type RunnerRecord,
  type TokenScope,
  type UserRecord,
  type WorldData,
} from '../../src/store/records.js'
import { World } from '../../src/store/world.js'
import { authenticateUser, type Actor } from '../../src/store/tokens.js'

export const NOW = Date.parse('2026-01-15T12:00:00.000Z')
export const MINUTE = 60_000
export const HOUR = 60 * MINUTE
export const DAY = 24 * HOUR

export const USERS = {
  admin: 1,
  auditor: 2,
  groupOwner: 3,
  groupMaintainer: 4,
  projectMaintainer: 5,
  developer: 6,
  reporter: 7,
  outsider: 8,
} as const
export type Role = keyof typeof USERS

/** acme (10) ⊃ acme/platform (11); projects acme/web (20), acme/platform/api (21), acme/docs (22). */
export const GROUP_ACME = 10
export const GROUP_PLATFORM = 11
export const PROJECT_WEB = 20
export const PROJECT_API = 21
export const PROJECT_DOCS = 22
export const PROJECT_HOBBY = 23

/** 1 instance, 2 group (acme), 3 project (web), 4 project (web + docs), 5 locked project (api). */
export const RUNNER_INSTANCE = 1
export const RUNNER_GROUP = 2
export const RUNNER_PROJECT = 3
export const RUNNER_SHARED_PROJECTS = 4
export const RUNNER_LOCKED = 5

export function tokenOf(role: Role): string {
  return `glpat-${role}`
}

export function user(id: number, username: string, fields: Partial<UserRecord> = {}): UserRecord {
  return {
    id, username, name: username, state: 'active', admin: false, auditor: false,
    publicEmail: null, avatarUrl: null, createdAt: NOW - 100 * DAY, ...fields,
  }
}

export function accessToken(token: string, userId: number, scopes: TokenScope[] = ['api'], fields: Partial<AccessTokenRecord> = {}): AccessTokenRecord {
  return { token, userId, scopes, expiresAt: null, revoked: false, ...fields }
}

export function group(id: number, path: string, fields: Partial<GroupRecord> = {}): GroupRecord {
  return {
    id, name: path, path, parentId: null, visibility: 'private', members: [], sharedRunnersEnabled: true,
    registrationToken: `GR1348941group${id}`, allowRegistrationToken: true, createdAt: NOW - 90 * DAY, ...fields,
  }
}

export function project(id: number, path: string, fields: Partial<ProjectRecord> = {}): ProjectRecord {
  return {
    id, name: path, path, description: null, groupId: null, ownerUserId: null, visibility: 'private', members: [],
    sharedRunnersEnabled: true, groupRunnersEnabled: true, registrationToken: `GR1348941project${id}`,
    allowRegistrationToken: true, defaultBranch: 'main', topics: [], createdAt: NOW - 80 * DAY, lastActivityAt: NOW - DAY,
    ...fields,
  }
}

export function runner(id: number, fields: Partial<RunnerRecord> = {}): RunnerRecord {
  return {
    id, runnerType: 'instance_type', description: `runner ${id}`, name: null, active: true, locked: false,
    runUntagged: true, tagList: [], accessLevel: 'not_protected', maximumTimeout: null, maintenanceNote: null,
    token: `glrt-runner${id}`, tokenExpiresAt: null, createdAt: NOW - 30 * DAY, updatedAt: NOW - 30 * DAY,
    contactedAt: NOW - 5 * MINUTE, createdById: null, groupId: null, projects: [], registrationType: 'authenticated_user',
    ...fields,
  }
}

export function manager(id: number, runnerId: number, fields: Partial<RunnerManagerRecord> = {}): RunnerManagerRecord {
  return {
    id, runnerId, systemId: `s_${id}`, version: '17.0.0', revision: 'abc', platform: 'linux', architecture: 'amd64',
    ipAddress: '10.0.0.1', createdAt: NOW - 10 * DAY, contactedAt: NOW - 5 * MINUTE, ...fields,
  }
}

export function job(id: number, runnerId: number, projectId: number, fields: Partial<JobRecord> = {}): JobRecord {
  const at = NOW - id * MINUTE
  return {
    id, runnerId, runnerManagerId: null, projectId, userId: USERS.developer, status: 'success', stage: 'test',
    name: `job ${id}`, ref: 'main', tag: false, coverage: null, allowFailure: false, createdAt: at, startedAt: at,
    finishedAt: at + MINUTE, erasedAt: null, duration: 60, queuedDuration: 1, failureReason: null,
    pipeline: { id: 1000 + id, iid: id, projectId, sha: 'f'.repeat(40), ref: 'main', status: 'success', source: 'push', createdAt: at, updatedAt: at },
    commit: {
      id: 'f'.repeat(40), shortId: 'ffffffff', title: 'Commit', message: 'Commit', authorName: 'A', authorEmail: 'a@example.com',
      authoredDate: at, committerName: 'A', committerEmail: 'a@example.com', committedDate: at, createdAt: at, parentIds: [],
    },
    ...fields,
  }
}

export function worldData(): WorldData {
  return {
    instance: { webUrl: 'https://gitlab.example.com', registrationToken: 'GR1348941instance', allowRegistrationToken: true, runnerTokenExpirationInterval: null },
    users: [
      user(USERS.admin, 'root', { admin: true }),
      user(USERS.auditor, 'auditor', { auditor: true }),
      user(USERS.groupOwner, 'owner'),
      user(USERS.groupMaintainer, 'gmaint'),
      user(USERS.projectMaintainer, 'pmaint'),
      user(USERS.developer, 'dev'),
      user(USERS.reporter, 'reporter'),
      user(USERS.outsider, 'outsider'),
    ],
    accessTokens: (Object.keys(USERS) as Role[]).map((role) => accessToken(tokenOf(role), USERS[role])),
    groups: [
      group(GROUP_ACME, 'acme', {
        members: [{ userId: USERS.groupOwner, accessLevel: OWNER }, { userId: USERS.groupMaintainer, accessLevel: MAINTAINER }],
      }),
      group(GROUP_PLATFORM, 'platform', { parentId: GROUP_ACME }),
    ],
    projects: [
      project(PROJECT_WEB, 'web', {
        groupId: GROUP_ACME,
        members: [
          { userId: USERS.projectMaintainer, accessLevel: MAINTAINER },
          { userId: USERS.developer, accessLevel: DEVELOPER },
          { userId: USERS.reporter, accessLevel: REPORTER },
        ],
      }),
      project(PROJECT_API, 'api', { groupId: GROUP_PLATFORM }),
      project(PROJECT_DOCS, 'docs', { groupId: GROUP_ACME, members: [{ userId: USERS.projectMaintainer, accessLevel: MAINTAINER }] }),
      project(PROJECT_HOBBY, 'hobby', { ownerUserId: USERS.outsider, visibility: 'public' }),
    ],
    runners: [
      runner(RUNNER_INSTANCE, { tagList: ['linux', 'docker'] }),
      runner(RUNNER_GROUP, { runnerType: 'group_type', groupId: GROUP_ACME, tagList: ['linux'] }),
      runner(RUNNER_PROJECT, { runnerType: 'project_type', projects: [{ projectId: PROJECT_WEB, createdAt: NOW - 30 * DAY }] }),
      runner(RUNNER_SHARED_PROJECTS, {
        runnerType: 'project_type',
        projects: [{ projectId: PROJECT_WEB, createdAt: NOW - 30 * DAY }, { projectId: PROJECT_DOCS, createdAt: NOW - 20 * DAY }],
      }),
      runner(RUNNER_LOCKED, { runnerType: 'project_type', locked: true, projects: [{ projectId: PROJECT_API, createdAt: NOW - 30 * DAY }] }),
    ],
    managers: [],
    jobs: [],
  }
}

export function buildWorld(edit: (data: WorldData) => void = () => {}): { world: World; clock: ManualClock } {
  const data = worldData()
  edit(data)
  const clock = new ManualClock(NOW)
  return { world: new World(data, clock), clock }
}

export function actorFor(world: World, role: Role): Actor {
  return authenticateUser(world, tokenOf(role))
}

/** The error a call throws, for toStrictEqual against a whole domain error (class and fields). */
export function caught(call: () => unknown): unknown {
  try {
    call()
  } catch (error) {
    return error
  }
  throw new Error('expected the call to throw')
}
