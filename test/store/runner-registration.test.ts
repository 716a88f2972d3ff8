import { describe, expect, it } from 'vitest'
import { BadRequestReasonError, ForbiddenError, GoneError, InvalidError, NotFoundError, ParamError, PreconditionFailedError } from '../../src/store/errors.js'
import {
  resetGroupRegistrationToken, resetInstanceRegistrationToken, resetProjectRegistrationToken,
} from '../../src/store/registration-tokens.js'
import {
  createUserRunner, deleteRunnerByToken, registerRunner, resetRunnerAuthenticationTokenByToken, verifyRunner,
} from '../../src/store/runner-registration.js'
import { authenticateRunner } from '../../src/store/tokens.js'
import {
  actorFor, buildWorld, caught, GROUP_ACME, MINUTE, manager, NOW, PROJECT_API, PROJECT_WEB, RUNNER_GROUP, RUNNER_INSTANCE, USERS,
} from './world-builder.js'

const TOKEN = /^[A-Za-z0-9_-]{20}$/

describe('registerRunner', () => {
  it.each([
    ['the instance token', 'GR1348941instance', { runnerType: 'instance_type', groupId: null, projects: [] }],
    ['a project token', 'GR1348941project20', { runnerType: 'project_type', groupId: null, projects: [{ projectId: PROJECT_WEB, createdAt: NOW }] }],
    ['a group token', 'GR1348941group10', { runnerType: 'group_type', groupId: GROUP_ACME, projects: [] }],
  ])('registers with %s a runner of the matching type', (_name, token, owner) => {
    const { world } = buildWorld()
    const runner = registerRunner(world, { token, description: 'mine', tagList: ['a'], info: { name: 'box', version: '17.0.0' } })
    expect({ ...runner, token: runner.token.startsWith('glrtr-') && TOKEN.test(runner.token.slice(6)) }).toEqual({
      id: 6, ...owner, description: 'mine', name: 'box', active: true, locked: false, runUntagged: true, tagList: ['a'],
      accessLevel: 'not_protected', maximumTimeout: null, maintenanceNote: null, token: true, tokenExpiresAt: null,
      createdAt: NOW, updatedAt: NOW, contactedAt: null, createdById: null, registrationType: 'registration_token',
    })
  })

  it('tries the instance token before project and group tokens', () => {
    const { world } = buildWorld((data) => {
      const web = data.projects.find((p) => p.id === PROJECT_WEB)
      if (web) web.registrationToken = 'GR1348941instance'
    })
    expect(registerRunner(world, { token: 'GR1348941instance' }).runnerType).toBe('instance_type')
  })

  it('tries project tokens before group tokens', () => {
    const { world } = buildWorld((data) => {
      const acme = data.groups.find((g) => g.id === GROUP_ACME)
      if (acme) acme.registrationToken = 'GR1348941project20'
    })
    expect(registerRunner(world, { token: 'GR1348941project20' }).runnerType).toBe('project_type')
  })

  it.each([
    ['an unknown token', 'GR1348941nothing'],
    ['an empty token', ''],
  ])('answers %s with 403 invalid token supplied', (_name, token) => {
    const { world } = buildWorld()
    expect(caught(() => registerRunner(world, { token }))).toStrictEqual(new ForbiddenError('invalid token supplied'))
  })

  it('answers even a garbage token with 410 when the instance disallows registration tokens', () => {
    const { world } = buildWorld((data) => {
      data.instance.allowRegistrationToken = false
    })
    expect([caught(() => registerRunner(world, { token: 'garbage' })), caught(() => registerRunner(world, { token: 'GR1348941group10' }))])
      .toStrictEqual([new GoneError('runner registration disallowed'), new GoneError('runner registration disallowed')])
  })

  it('answers 410 for a group or project whose namespace disallows registration tokens', () => {
    const { world } = buildWorld((data) => {
      const acme = data.groups.find((g) => g.id === GROUP_ACME)
      if (acme) acme.allowRegistrationToken = false
    })
    expect([caught(() => registerRunner(world, { token: 'GR1348941group11' })), caught(() => registerRunner(world, { token: 'GR1348941project21' }))])
      .toStrictEqual([new GoneError('runner registration disallowed'), new GoneError('runner registration disallowed')])
  })

  it('answers a missing token and model errors as GitLab does', () => {
    const { world } = buildWorld()
    expect([
      caught(() => registerRunner(world, {})),
      caught(() => registerRunner(world, { token: 'GR1348941instance', maximumTimeout: 60 })),
    ]).toStrictEqual([
      new ParamError('token is missing'),
      new InvalidError({ maximum_timeout: ['needs to be at least 10 minutes'] }),
    ])
  })

  it('registers a paused runner when asked', () => {
    const { world } = buildWorld()
    expect(registerRunner(world, { token: 'GR1348941instance', paused: true }).active).toBe(false)
  })
})

describe('runner-token endpoints', () => {
  it('verify marks the runner online and creates a manager for its system id, then touches it', () => {
    const { world, clock } = buildWorld()
    const runner = registerRunner(world, { token: 'GR1348941instance' })
    verifyRunner(world, { token: runner.token, systemId: 's_abc' })
    clock.advance(MINUTE)
    verifyRunner(world, { token: runner.token, systemId: 's_abc' })
    verifyRunner(world, { token: runner.token })
    expect({
      contactedAt: runner.contactedAt,
      updatedAt: runner.updatedAt,
      managers: world.managersOf(runner.id).map((m) => [m.systemId, m.createdAt, m.contactedAt]),
    }).toEqual({
      contactedAt: NOW + MINUTE,
      updatedAt: NOW,
      managers: [['s_abc', NOW, NOW + MINUTE], ['<legacy>', NOW + MINUTE, NOW + MINUTE]],
    })
  })

  it('verify, delete and reset answer a bad token with a bare 403', () => {
    const { world } = buildWorld()
    expect([
      caught(() => verifyRunner(world, { token: 'nope' })),
      caught(() => deleteRunnerByToken(world, { token: 'nope' })),
      caught(() => resetRunnerAuthenticationTokenByToken(world, { token: 'nope' })),
    ]).toStrictEqual([new ForbiddenError(), new ForbiddenError(), new ForbiddenError()])
  })

  it('deletes a runner by its token, with its managers', () => {
    const { world } = buildWorld((data) => {
      data.managers = [manager(1, RUNNER_INSTANCE)]
    })
    deleteRunnerByToken(world, { token: 'glrt-runner1' })
    expect([world.runners.has(RUNNER_INSTANCE), world.managers.size]).toEqual([false, 0])
  })

  it('answers 412 on delete by token when the runner changed after If-Unmodified-Since', () => {
    const { world } = buildWorld()
    expect(caught(() => deleteRunnerByToken(world, { token: 'glrt-runner1', ifUnmodifiedSince: NOW - 31 * 24 * 60 * MINUTE })))
      .toStrictEqual(new PreconditionFailedError())
  })

  it('resets the token by token: the old one stops working, the new one keeps the runner family prefix', () => {
    const { world } = buildWorld()
    const registered = registerRunner(world, { token: 'GR1348941instance' })
    const oldToken = registered.token
    const result = resetRunnerAuthenticationTokenByToken(world, { token: oldToken })
    expect([result.token.startsWith('glrtr-'), caught(() => authenticateRunner(world, oldToken)), authenticateRunner(world, result.token).id])
      .toStrictEqual([true, new ForbiddenError(), registered.id])
  })
})

describe('createUserRunner', () => {
  it('creates a project runner for a project maintainer, with a glrt- token and its creator', () => {
    const { world } = buildWorld()
    const runner = createUserRunner(world, actorFor(world, 'projectMaintainer'), { runnerType: 'project_type', projectId: PROJECT_WEB, locked: true })
    expect([runner.id, runner.runnerType, runner.projects, runner.locked, runner.createdById, runner.registrationType, /^glrt-[A-Za-z0-9_-]{20}$/.test(runner.token)])
      .toEqual([6, 'project_type', [{ projectId: PROJECT_WEB, createdAt: NOW }], true, USERS.projectMaintainer, 'authenticated_user', true])
  })

  it.each([
    ['an instance runner for a non-admin', 'groupOwner', { runnerType: 'instance_type' }, new ForbiddenError('Insufficient permissions')],
    ['a group runner for a group maintainer', 'groupMaintainer', { runnerType: 'group_type', groupId: GROUP_ACME }, new ForbiddenError('Insufficient permissions')],
    ['a project runner for a developer', 'developer', { runnerType: 'project_type', projectId: PROJECT_WEB }, new ForbiddenError('Insufficient permissions')],
    ['a group runner without group_id', 'admin', { runnerType: 'group_type' }, new ParamError('group_id is missing')],
    ['a project runner without project_id', 'admin', { runnerType: 'project_type' }, new ParamError('project_id is missing')],
    ['an unknown group', 'admin', { runnerType: 'group_type', groupId: 999 }, new BadRequestReasonError('Missing/invalid group')],
    ['an unknown project', 'admin', { runnerType: 'project_type', projectId: 999 }, new BadRequestReasonError('Missing/invalid project')],
    ['model errors, as one sentence', 'admin', { runnerType: 'instance_type', runUntagged: false, maximumTimeout: 1 },
      new BadRequestReasonError('Tags list can not be empty when runner is not allowed to pick untagged jobs and Maximum timeout needs to be at least 10 minutes')],
  ] as const)('refuses %s', (_name, role, params, error) => {
    const { world } = buildWorld()
    expect(caught(() => createUserRunner(world, actorFor(world, role), params))).toStrictEqual(error)
  })

  it('lets a group owner create a group runner', () => {
    const { world } = buildWorld()
    expect(createUserRunner(world, actorFor(world, 'groupOwner'), { runnerType: 'group_type', groupId: GROUP_ACME }).groupId).toBe(GROUP_ACME)
  })
})

describe('registration token resets', () => {
  it('gives the instance, a project and a group a new GR1348941 token that registers runners', () => {
    const { world } = buildWorld()
    const tokens = [
      resetInstanceRegistrationToken(world, actorFor(world, 'admin')).token,
      resetProjectRegistrationToken(world, actorFor(world, 'projectMaintainer'), { projectId: 'acme/web' }).token,
      resetGroupRegistrationToken(world, actorFor(world, 'groupOwner'), { groupId: GROUP_ACME }).token,
    ]
    expect([
      tokens.map((token) => token.startsWith('GR1348941') && TOKEN.test(token.slice(9))),
      tokens.map((token) => registerRunner(world, { token }).runnerType),
      caught(() => registerRunner(world, { token: 'GR1348941project20' })),
    ]).toStrictEqual([[true, true, true], ['instance_type', 'project_type', 'group_type'], new ForbiddenError('invalid token supplied')])
  })

  it('refuses non-admins, developers, group maintainers and invisible scopes', () => {
    const { world } = buildWorld()
    expect([
      caught(() => resetInstanceRegistrationToken(world, actorFor(world, 'groupOwner'))),
      caught(() => resetProjectRegistrationToken(world, actorFor(world, 'developer'), { projectId: PROJECT_WEB })),
      caught(() => resetProjectRegistrationToken(world, actorFor(world, 'outsider'), { projectId: PROJECT_API })),
      caught(() => resetGroupRegistrationToken(world, actorFor(world, 'groupMaintainer'), { groupId: GROUP_ACME })),
      caught(() => resetGroupRegistrationToken(world, actorFor(world, 'outsider'), { groupId: GROUP_ACME })),
    ]).toStrictEqual([
      new ForbiddenError(), new ForbiddenError(), new NotFoundError('Project'), new ForbiddenError(), new NotFoundError('Group'),
    ])
  })

  it('refuses even admins and owners with 403 when registration tokens are switched off', () => {
    const { world } = buildWorld((data) => {
      data.instance.allowRegistrationToken = false
    })
    expect([
      caught(() => resetInstanceRegistrationToken(world, actorFor(world, 'admin'))),
      caught(() => resetGroupRegistrationToken(world, actorFor(world, 'groupOwner'), { groupId: GROUP_ACME })),
    ]).toStrictEqual([new ForbiddenError(), new ForbiddenError()])
  })

  it('leaves runners alone', () => {
    const { world } = buildWorld()
    resetGroupRegistrationToken(world, actorFor(world, 'admin'), { groupId: GROUP_ACME })
    expect(authenticateRunner(world, 'glrt-runner2').id).toBe(RUNNER_GROUP)
  })
})
