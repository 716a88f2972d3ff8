import { describe, expect, it } from 'vitest'
import {
  canAssignRunner, canDeleteRunner, canListRunnerJobs, canReadRunner, canSeeGroup, canSeeProject, canUpdateRunner,
  findVisibleProject, ownedRunnerIds,
} from '../../src/store/access.js'
import { NotFoundError } from '../../src/store/errors.js'
import type { RunnerRecord, UserRecord } from '../../src/store/records.js'
import type { World } from '../../src/store/world.js'
import {
  buildWorld, caught, GROUP_ACME, GROUP_PLATFORM, PROJECT_API, PROJECT_HOBBY, PROJECT_WEB, RUNNER_GROUP, RUNNER_INSTANCE,
  RUNNER_LOCKED, RUNNER_PROJECT, RUNNER_SHARED_PROJECTS, USERS, type Role,
} from './world-builder.js'

const ROLES: Role[] = ['admin', 'auditor', 'groupOwner', 'groupMaintainer', 'projectMaintainer', 'developer', 'reporter', 'outsider']
type Ability = (world: World, user: UserRecord, runner: RunnerRecord) => boolean

const { world } = buildWorld()

function whoCan(ability: Ability, runnerId: number): Role[] {
  const runner = world.runners.get(runnerId) as RunnerRecord
  return ROLES.filter((role) => ability(world, world.users.get(USERS[role]) as UserRecord, runner))
}

const everyone = ROLES
const ownersOfWeb: Role[] = ['admin', 'groupOwner', 'groupMaintainer', 'projectMaintainer']

// given: ability × runner (instance, acme group runner, web project runner, web+docs runner, locked api runner)
// want: the roles that have it. Reference §2.5.
const table: [string, Ability, number, Role[]][] = [
  ['read', canReadRunner, RUNNER_INSTANCE, everyone],
  ['read', canReadRunner, RUNNER_GROUP, ['admin', 'auditor', 'groupOwner', 'groupMaintainer', 'projectMaintainer']],
  ['read', canReadRunner, RUNNER_PROJECT, ['admin', 'auditor', 'groupOwner', 'groupMaintainer', 'projectMaintainer']],
  ['read', canReadRunner, RUNNER_SHARED_PROJECTS, ['admin', 'auditor', 'groupOwner', 'groupMaintainer', 'projectMaintainer']],
  ['read', canReadRunner, RUNNER_LOCKED, ['admin', 'auditor', 'groupOwner', 'groupMaintainer']],
  ['update', canUpdateRunner, RUNNER_INSTANCE, ['admin']],
  ['update', canUpdateRunner, RUNNER_GROUP, ['admin', 'groupOwner']],
  ['update', canUpdateRunner, RUNNER_PROJECT, ownersOfWeb],
  ['update', canUpdateRunner, RUNNER_SHARED_PROJECTS, ownersOfWeb],
  ['update', canUpdateRunner, RUNNER_LOCKED, ['admin', 'groupOwner', 'groupMaintainer']],
  ['delete', canDeleteRunner, RUNNER_INSTANCE, ['admin']],
  ['delete', canDeleteRunner, RUNNER_GROUP, ['admin', 'groupOwner']],
  ['delete', canDeleteRunner, RUNNER_PROJECT, ownersOfWeb],
  ['delete', canDeleteRunner, RUNNER_SHARED_PROJECTS, ['admin']],
  ['delete', canDeleteRunner, RUNNER_LOCKED, ['admin', 'groupOwner', 'groupMaintainer']],
  ['assign', canAssignRunner, RUNNER_INSTANCE, ['admin']],
  ['assign', canAssignRunner, RUNNER_GROUP, ['admin', 'groupOwner']],
  ['assign', canAssignRunner, RUNNER_PROJECT, ownersOfWeb],
  ['assign', canAssignRunner, RUNNER_SHARED_PROJECTS, ownersOfWeb],
  ['list jobs of', canListRunnerJobs, RUNNER_INSTANCE, ['admin', 'auditor']],
  ['list jobs of', canListRunnerJobs, RUNNER_GROUP, ['admin', 'auditor', 'groupOwner']],
  ['list jobs of', canListRunnerJobs, RUNNER_PROJECT, ['admin', 'auditor', 'groupOwner', 'groupMaintainer', 'projectMaintainer']],
  ['list jobs of', canListRunnerJobs, RUNNER_LOCKED, ['admin', 'auditor', 'groupOwner', 'groupMaintainer']],
]

describe('runner abilities by role', () => {
  it.each(table)('lets exactly the right roles %s runner %#', (_ability, ability, runnerId, roles) => {
    expect(whoCan(ability, runnerId)).toEqual(roles)
  })
})

describe('GET /runners set (ci_owned_runners)', () => {
  it.each([
    ['admin', []],
    ['groupOwner', [RUNNER_GROUP, RUNNER_PROJECT, RUNNER_SHARED_PROJECTS, RUNNER_LOCKED]],
    ['groupMaintainer', [RUNNER_PROJECT, RUNNER_SHARED_PROJECTS, RUNNER_LOCKED]],
    ['projectMaintainer', [RUNNER_PROJECT, RUNNER_SHARED_PROJECTS]],
    ['developer', []],
    ['outsider', []],
  ] as const)('holds for the %s the runners they manage, never instance runners', (role, ids) => {
    const user = world.users.get(USERS[role]) as UserRecord
    expect([...ownedRunnerIds(world, user)].sort()).toEqual(ids)
  })
})

describe('visibility', () => {
  const user = (role: Role) => world.users.get(USERS[role]) as UserRecord

  it('shows a private project to members, members of its groups, admins and auditors only', () => {
    const api = world.projects.get(PROJECT_API)
    expect(ROLES.filter((role) => api && canSeeProject(world, user(role), api))).toEqual(['admin', 'auditor', 'groupOwner', 'groupMaintainer'])
  })

  it('shows a public project to everyone', () => {
    const hobby = world.projects.get(PROJECT_HOBBY)
    expect(ROLES.filter((role) => hobby && canSeeProject(world, user(role), hobby))).toEqual(ROLES)
  })

  it('shows a private group to members of anything inside it', () => {
    const acme = world.groups.get(GROUP_ACME)
    const platform = world.groups.get(GROUP_PLATFORM)
    expect([
      ROLES.filter((role) => acme && canSeeGroup(world, user(role), acme)),
      ROLES.filter((role) => platform && canSeeGroup(world, user(role), platform)),
    ]).toEqual([
      ['admin', 'auditor', 'groupOwner', 'groupMaintainer', 'projectMaintainer', 'developer', 'reporter'],
      ['admin', 'auditor', 'groupOwner', 'groupMaintainer'],
    ])
  })

  it('finds a project by id, by numeric string and by full path', () => {
    const found = [PROJECT_WEB, String(PROJECT_WEB), 'acme/web'].map((id) => findVisibleProject(world, user('developer'), id).id)
    expect(found).toEqual([PROJECT_WEB, PROJECT_WEB, PROJECT_WEB])
  })

  it('treats an invisible project like a missing one', () => {
    expect([
      caught(() => findVisibleProject(world, user('outsider'), PROJECT_WEB)),
      caught(() => findVisibleProject(world, user('outsider'), 'acme/nothing')),
    ]).toStrictEqual([new NotFoundError('Project'), new NotFoundError('Project')])
  })
})
