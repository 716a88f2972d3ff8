// The mock answering as an older GitLab, over real HTTP (issue #9, reference §9): one mock per
// release, each self-checked against that release's derived document and Prism-checked against it.
// Runners of the default scenario used here (at NOW):
//   13 shared-legacy-ci  instance, created 200 d ago, last contact 30 d ago
//   14 shared-autoscaler-new  instance, created 2 h ago, never contacted
//   16 acme-docker-builder  group (acme), contacted 1 min ago, maintenance note, created by olivia
//   22 api-web-shared  project (api + web), contacted 30 s ago, created by priya, managers 17.11.2 (10.2.0.8) and 18.2.0
import { describe, expect, it } from 'vitest'
import { ReleaseError, startMock } from '../../src/index.js'
import { NOW, send, startTestMock, type TestMock } from '../helpers/start-mock.js'

const ADMIN = 'glpat-admin-0000000000000'
const GROUP_MAINTAINER = 'glpat-groupmaint-00000000' // gary, Maintainer of acme
const MANAGE_RUNNER = 'glpat-manage-runner-00000' // olivia, manage_runner only
const CREATE_RUNNER = 'glpat-create-runner-00000' // priya, create_runner only
const AUDITOR = 'glpat-auditor-00000000000'
const INSTANCE_REGISTRATION_TOKEN = 'GR1348941-instance-000000000'
const LEGACY_GROUP_REGISTRATION_TOKEN = 'GR1348941-legacy-0000000000' // acme/legacy forbids registration tokens
const RUNNER_22_TOKEN = 'glrt-api-web-shared-0000000' // reset by a test below
const RUNNER_10_TOKEN = 'glrt-shared-docker-amd64-00'
const MINUTE = 60_000
const DAY = 24 * 60 * MINUTE

const RELEASES = ['11.11', '14.10', '15.11', '16.11', '17.11', '18.6'] as const
type Label = (typeof RELEASES)[number]

const mocks = Object.fromEntries(
  await Promise.all(RELEASES.map(async (release) => [release, await startTestMock({ gitlabVersion: release })] as const)),
) as Record<Label, TestMock>

/** The value each release gives, in RELEASES order. */
function perRelease<T>(values: readonly [T, T, T, T, T, T]): [Label, T][] {
  return RELEASES.map((release, index) => [release, values[index]!])
}

async function body(release: Label, method: string, path: string, token = ADMIN): Promise<Record<string, unknown>> {
  const response = await mocks[release].call(method, path, { token })
  expect(response.status, `${method} ${path} on ${release}`).toBeLessThan(300)
  return response.body as Record<string, unknown>
}

/** Runs `check` with the release's clock moved by `by`, then puts it back. */
async function later<T>(mock: TestMock, by: number, check: () => Promise<T>): Promise<T> {
  mock.clock.set(NOW + by)
  try {
    return await check()
  } finally {
    mock.clock.set(NOW)
  }
}

describe('the release a mock serves', () => {
  it.each(perRelease(['11.11.0-ee', '14.10.0-ee', '15.11.0-ee', '16.11.0-ee', '17.11.0-ee', '18.6.0-ee']))(
    '%s reports itself on GET /version as %s',
    async (release, version) => {
      expect((await body(release, 'GET', '/version')).version).toBe(version)
    },
  )

  it.each(
    perRelease([
      ['revision', 'version'],
      ['revision', 'version'],
      ['enterprise', 'kas', 'revision', 'version'],
      ['enterprise', 'kas', 'revision', 'version'],
      ['enterprise', 'kas', 'revision', 'version'],
      ['enterprise', 'kas', 'revision', 'version'],
    ]),
  )('%s answers GET /version with the keys %j (kas from 15.5, enterprise from 15.6)', async (release, keys) => {
    expect(Object.keys(await body(release, 'GET', '/version')).sort()).toEqual(keys)
  })

  it('shows the proxy URL of KAS only from 17.6', async () => {
    const kas = async (release: Label) => Object.keys((await body(release, 'GET', '/version')).kas as object)
    expect([await kas('16.11'), await kas('17.11')]).toEqual([
      ['enabled', 'externalUrl', 'version'],
      ['enabled', 'externalUrl', 'externalK8sProxyUrl', 'version'],
    ])
  })

  it('names the release in the control API state and on the running mock', async () => {
    const state = await fetch(`${mocks['14.10'].origin}/__mock/state`)
    expect([((await state.json()) as { gitlabVersion: string }).gitlabVersion, mocks['14.10'].gitlabVersion, mocks['18.6'].gitlabVersion]).toEqual([
      '14.10',
      '14.10',
      '18.6',
    ])
  })
})

describe('runner entities per release', () => {
  const RUNNER_KEYS = ['id', 'description', 'ip_address', 'active', 'is_shared', 'name', 'online', 'status']
  const DETAIL_KEYS = [
    'tag_list', 'run_untagged', 'locked', 'maximum_timeout', 'access_level', 'version', 'revision', 'platform', 'architecture', 'contacted_at', 'projects', 'groups',
  ]
  const sorted = (keys: string[]) => [...keys].sort()

  it.each(
    perRelease([
      // runner_type arrived somewhere in 11.x–13.x: inside that window the mock sends it.
      sorted([...RUNNER_KEYS, 'runner_type', ...DETAIL_KEYS, 'token']),
      sorted([...RUNNER_KEYS, 'paused', 'runner_type', ...DETAIL_KEYS]),
      sorted([...RUNNER_KEYS, 'paused', 'runner_type', ...DETAIL_KEYS]),
      sorted([...RUNNER_KEYS, 'paused', 'runner_type', ...DETAIL_KEYS, 'maintenance_note']),
      sorted([...RUNNER_KEYS, 'paused', 'runner_type', ...DETAIL_KEYS, 'maintenance_note']),
      sorted([...RUNNER_KEYS, 'paused', 'runner_type', 'created_by', 'created_at', 'job_execution_status', ...DETAIL_KEYS, 'maintenance_note']),
    ]),
  )('%s shows runner details with the keys of its time', async (release, keys) => {
    expect(Object.keys(await body(release, 'GET', '/runners/22')).sort()).toEqual(keys)
  })

  it('shows the authentication token in details up to 12.x', async () => {
    expect((await body('11.11', 'GET', '/runners/22')).token).toBe(RUNNER_22_TOKEN)
  })

  it.each(perRelease(['10.2.0.8', '10.2.0.8', '10.2.0.8', '10.2.0.8', null, null]))('%s sends ip_address %j', async (release, ip) => {
    const details = await body(release, 'GET', '/runners/22')
    const listed = ((await body(release, 'GET', '/runners/all?type=project_type')) as unknown as { id: number; ip_address: unknown }[]).find((r) => r.id === 22)
    expect([details.ip_address, listed?.ip_address]).toEqual([ip, ip])
  })

  const NOTE = 'Owned by the platform team; ask in #ci before changing tags.'
  it.each(perRelease(['absent', 'absent', 'absent', NOTE, NOTE, null]))('%s shows a group maintainer the maintenance note: %j', async (release, note) => {
    const details = await body(release, 'GET', '/runners/16', GROUP_MAINTAINER)
    expect('maintenance_note' in details ? details.maintenance_note : 'absent').toEqual(note)
  })

  it.each(perRelease([true, true, true, true, true, false]))('%s answers PUT with projects: %s', async (release, withProjects) => {
    const response = await mocks[release].call('PUT', '/runners/22', { token: ADMIN, body: { description: 'api-web-shared' } })
    expect([response.status, 'projects' in (response.body as object)]).toEqual([200, withProjects])
  })

  it('reads version fields off the runner before managers existed: registration keeps info.version', async () => {
    const register = async (release: Label) => {
      const response = await mocks[release].call('POST', '/runners', {
        body: { token: INSTANCE_REGISTRATION_TOKEN, info: { name: 'old-timer', version: '14.10.1', revision: 'abc123', platform: 'linux', architecture: 'amd64' } },
      })
      const { id } = response.body as { id: number }
      const details = await body(release, 'GET', `/runners/${id}`)
      return [details.name, details.version, details.revision, details.platform, details.architecture]
    }
    expect([await register('14.10'), await register('18.6')]).toEqual([
      ['old-timer', '14.10.1', 'abc123', 'linux', 'amd64'],
      ['old-timer', null, null, null, null],
    ])
  })

  it('lists managers without job_execution_status before 18.0', async () => {
    const managers = async (release: Label) => Object.keys(((await body(release, 'GET', '/runners/22/managers')) as unknown as object[])[0]!)
    expect([(await managers('17.11')).includes('job_execution_status'), (await managers('18.6')).includes('job_execution_status')]).toEqual([false, true])
  })

  it.each(
    perRelease([
      { queued_duration: false, pipelineIid: false },
      { queued_duration: true, pipelineIid: true },
      { queued_duration: true, pipelineIid: true },
      { queued_duration: true, pipelineIid: true },
      { queued_duration: true, pipelineIid: true },
      { queued_duration: true, pipelineIid: true },
    ]),
  )('%s lists jobs with the fields of its time: %j', async (release, want) => {
    const [job] = (await body(release, 'GET', '/runners/22/jobs')) as unknown as Record<string, unknown>[]
    expect({ queued_duration: 'queued_duration' in job!, pipelineIid: 'iid' in (job!.pipeline as object) }).toEqual(want)
  })
})

describe('status values and thresholds per release', () => {
  const status = async (release: Label, id: number) => {
    const details = await body(release, 'GET', `/runners/${id}`)
    return [details.status, details.online]
  }

  it.each(perRelease(['not_connected', 'not_connected', 'never_contacted', 'never_contacted', 'never_contacted', 'never_contacted']))(
    '%s calls a runner that never contacted GitLab %s',
    async (release, value) => {
      expect(await status(release, 14)).toEqual([value, null])
    },
  )

  it.each(perRelease(['offline', 'offline', 'offline', 'offline', 'stale', 'stale']))(
    '%s calls a runner last seen 30 days ago %s (stale after 7 days from 17.x)',
    async (release, value) => {
      expect(await status(release, 13)).toEqual([value, false])
    },
  )

  it.each(perRelease(['offline', 'offline', 'stale', 'stale', 'stale', 'stale']))(
    '%s calls a runner last seen 100 days ago %s (stale after 3 months from 14.6, in the field from 15.0)',
    async (release, value) => {
      expect(await later(mocks[release], 70 * DAY, () => status(release, 13))).toEqual([value, false])
    },
  )

  it('filters status=stale by the 3-month window in 14.10, although the field does not say stale yet', async () => {
    const ids = async (by: number) =>
      later(mocks['14.10'], by, async () => ((await body('14.10', 'GET', '/runners/all?status=stale&per_page=100')) as unknown as { id: number }[]).map((r) => r.id))
    expect([(await ids(0)).includes(13), (await ids(70 * DAY)).includes(13)]).toEqual([false, true])
  })

  it.each(perRelease([['offline', false], ['online', true], ['online', true], ['online', true], ['online', true], ['online', true]]))(
    '%s shows a runner last seen 91 minutes ago as %j (online window 1 hour in 11.x, then 2 hours)',
    async (release, want) => {
      expect(await later(mocks[release], 90 * MINUTE, () => status(release, 16))).toEqual(want)
    },
  )

  it('lists status=online by the online window of the release', async () => {
    const online = async (release: Label) =>
      later(mocks[release], 90 * MINUTE, async () => ((await body(release, 'GET', '/runners/all?status=online&per_page=100')) as unknown as { id: number }[]).map((r) => r.id).includes(16))
    expect([await online('11.11'), await online('18.6')]).toEqual([false, true])
  })

  // not_connected left the filter somewhere in 15.0–16.0: inside that window (15.11) requests are judged
  // by the release's document, which accepts both.
  it.each(perRelease([200, 200, 200, 400, 400, 400]))('%s answers status=not_connected with %s', async (release, code) => {
    const response = await mocks[release].call('GET', '/runners/all?status=not_connected&per_page=100', { token: ADMIN })
    expect(response.status).toBe(code)
    // Runners registered by earlier tests never contacted GitLab either.
    if (code === 200) expect((response.body as { id: number }[]).map((r) => r.id)).toEqual(expect.arrayContaining([14, 18, 25]))
    else expect(response.body).toEqual({ error: 'status does not have a valid value' })
  })

  it.each(perRelease([400, 200, 200, 200, 200, 200]))('%s answers status=never_contacted with %s', async (release, code) => {
    const response = await mocks[release].call('GET', '/runners/all?status=never_contacted', { token: ADMIN })
    expect(response.status).toBe(code)
  })
})

describe('operations and parameters per release', () => {
  it.each([
    ['GET', '/runners/22/managers', perRelease([404, 404, 404, 404, 200, 200])],
    ['GET', '/runners/22/projects', perRelease([404, 404, 404, 404, 404, 200])],
    ['GET', '/groups/2/runners', perRelease([404, 200, 200, 200, 200, 200])],
    ['POST', '/runners/22/reset_authentication_token', perRelease([404, 201, 201, 201, 201, 201])],
  ] as const)('%s %s exists only from its release on; before, it is an unknown route', async (method, path, statuses) => {
    for (const [release, code] of statuses) {
      // Plain fetch: where the operation does not exist, Prism has nothing to check it against.
      const response = await send(mocks[release].url, method, path, { token: ADMIN })
      expect([release, response.status, code === 404 ? response.body : code]).toEqual([release, code, code === 404 ? { error: '404 Not Found' } : code])
    }
  })

  it('answers POST /user/runners as an unknown route before 15.10', async () => {
    const response = await send(mocks['14.10'].url, 'POST', '/user/runners', { token: ADMIN, body: { runner_type: 'instance_type' } })
    expect([response.status, response.body]).toEqual([404, { error: '404 Not Found' }])
  })

  it('ignores the paused filter before 14.8, as Grape ignores undeclared parameters', async () => {
    const count = async (release: Label, query: string) => ((await body(release, 'GET', `/runners/all?per_page=100${query}`)) as unknown as unknown[]).length
    expect([await count('11.11', ''), await count('11.11', '&paused=true'), await count('18.6', '&paused=true')]).toEqual([24, 24, 3])
  })

  it('ignores version_prefix before 16.6 and include_projects before 18.1', async () => {
    const count = async (release: Label) => ((await body(release, 'GET', '/runners/all?per_page=100&version_prefix=17.11')) as unknown as unknown[]).length
    const projects = async (release: Label) => 'projects' in (await body(release, 'GET', '/runners/22?include_projects=false'))
    expect([await count('15.11'), await count('16.11'), await projects('17.11'), await projects('18.6')]).toEqual([24, 2, true, false])
  })

  it.each([
    ['11.11', 'description, active, tag_list, run_untagged, locked, access_level, maximum_timeout are missing, at least one parameter must be provided'],
    ['15.11', 'description, active, paused, tag_list, run_untagged, locked, access_level, maximum_timeout are missing, at least one parameter must be provided'],
  ] as const)('%s does not know maintenance_note on PUT: alone, it is no parameter at all', async (release, error) => {
    const response = await mocks[release].call('PUT', '/runners/22', { token: ADMIN, body: { maintenance_note: 'hello' } })
    expect([response.status, response.body]).toEqual([400, { error }])
  })

  it.each(perRelease(['desc', 'asc', 'asc', 'asc', 'asc', 'asc']))('%s lists a runner\'s jobs in %s id order by default', async (release, order) => {
    const ids = ((await body(release, 'GET', '/runners/22/jobs?per_page=100')) as unknown as { id: number }[]).map((job) => job.id)
    const ascending = [...ids].sort((a, b) => a - b)
    expect(ids).toEqual(order === 'asc' ? ascending : ascending.reverse())
  })
})

describe('runner-facing answers per release', () => {
  it.each(perRelease([false, false, false, true, true, true]))('%s answers verify with registration details: %s (the bare 200 before 16.0)', async (release, details) => {
    const response = await mocks[release].call('POST', '/runners/verify', { body: { token: RUNNER_10_TOKEN } })
    expect([response.status, response.body]).toEqual([200, details ? { id: 10, token: RUNNER_10_TOKEN, token_expires_at: null } : 200])
  })

  it.each(perRelease([['id', 'token'], ['id', 'token', 'token_expires_at'], ['id', 'token', 'token_expires_at'], ['id', 'token', 'token_expires_at'], ['id', 'token', 'token_expires_at'], ['id', 'token', 'token_expires_at']]))(
    '%s answers a registration with %j',
    async (release, keys) => {
      const response = await mocks[release].call('POST', '/runners', { body: { token: INSTANCE_REGISTRATION_TOKEN, description: 'fresh' } })
      expect([response.status, Object.keys(response.body as object)]).toEqual([201, keys])
    },
  )

  it.each(perRelease(['403 Forbidden', '403 Forbidden', '403 Forbidden', '403 Forbidden - invalid token supplied', '403 Forbidden - invalid token supplied', '403 Forbidden - invalid token supplied']))(
    '%s refuses an unknown registration token with %j',
    async (release, message) => {
      const response = await mocks[release].call('POST', '/runners', { body: { token: 'GR1348941-nobody' } })
      expect([response.status, response.body]).toEqual([403, { message }])
    },
  )

  // Reference §2.6: registered runners' tokens were 30 lowercase hex characters, then t1_ (17.5), then glrtr- (17.11).
  it.each(perRelease([/^[0-9a-f]{30}$/, /^[0-9a-f]{30}$/, /^[0-9a-f]{30}$/, /^[0-9a-f]{30}$/, /^glrtr-[\w-]{20}$/, /^glrtr-[\w-]{20}$/]))(
    '%s issues a registered runner a token shaped %s, and its resets keep the shape',
    async (release, shape) => {
      const registered = await mocks[release].call('POST', '/runners', { body: { token: INSTANCE_REGISTRATION_TOKEN, description: 'token shape' } })
      const { id, token } = registered.body as { id: number; token: string }
      expect(token).toMatch(shape)
      // Not through `call`: the resets arrived later than some of these releases (a 404 there).
      const byToken = await send(mocks[release].url, 'POST', '/runners/reset_authentication_token', { body: { token } })
      const byId = await send(mocks[release].url, 'POST', `/runners/${id}/reset_authentication_token`, { token: ADMIN })
      for (const reset of [byToken, byId]) {
        expect([201, 404]).toContain(reset.status)
        if (reset.status === 201) expect((reset.body as { token: string }).token).toMatch(shape)
      }
    },
  )

  it('issues t1_ tokens to registered runners from 17.5 and keeps glrt- for created runners', async () => {
    const mock = await startTestMock({ gitlabVersion: '17.5' })
    try {
      const registered = await mock.call('POST', '/runners', { body: { token: INSTANCE_REGISTRATION_TOKEN } })
      expect((registered.body as { token: string }).token).toMatch(/^t1_[\w-]{20}$/)
      const created = await mock.call('POST', '/user/runners', { token: ADMIN, body: { runner_type: 'instance_type' } })
      expect((created.body as { token: string }).token).toMatch(/^glrt-[\w-]{20}$/)
      const reset = await mock.call('POST', `/runners/${(created.body as { id: number }).id}/reset_authentication_token`, { token: ADMIN })
      expect((reset.body as { token: string }).token).toMatch(/^glrt-[\w-]{20}$/)
    } finally {
      await mock.close()
    }
  })

  // A scenario's runner without a `token:` gets one as the release issued them: 11 was created (no
  // prefix before glrt-, 15.9), 21 registered (no prefix before 17.5); 10's token is written in the scenario.
  it.each(perRelease([
    [/^[0-9a-f]{30}$/, /^[0-9a-f]{30}$/], [/^[0-9a-f]{30}$/, /^[0-9a-f]{30}$/], [/^glrt-[\w-]{20}$/, /^[0-9a-f]{30}$/],
    [/^glrt-[\w-]{20}$/, /^[0-9a-f]{30}$/], [/^glrt-[\w-]{20}$/, /^glrtr-[\w-]{20}$/], [/^glrt-[\w-]{20}$/, /^glrtr-[\w-]{20}$/],
  ] as const))('%s gives the scenario runners without a token tokens shaped %s (created, registered), and they authenticate', async (release, [created, registered]) => {
    const tokenOf = (id: number) => mocks[release].world.runners.get(id)!.token
    expect(tokenOf(11)).toMatch(created)
    expect(tokenOf(21)).toMatch(registered)
    expect(tokenOf(10)).toBe(RUNNER_10_TOKEN)
    for (const id of [10, 11, 21]) {
      expect((await mocks[release].call('POST', '/runners/verify', { body: { token: tokenOf(id) } })).status, `runner ${id}`).toBe(200)
    }
  })

  it('shows those tokens in a runner’s details while GitLab did (11.11)', async () => {
    expect(await body('11.11', 'GET', '/runners/21')).toMatchObject({ id: 21, token: expect.stringMatching(/^[0-9a-f]{30}$/) })
    expect(await body('11.11', 'GET', '/runners/10')).toMatchObject({ id: 10, token: RUNNER_10_TOKEN })
  })

  it.each(perRelease([null, /^[0-9a-f]{30}$/, /^glrt-[\w-]{20}$/, /^glrt-[\w-]{20}$/, /^glrt-[\w-]{20}$/, /^glrt-[\w-]{20}$/]))(
    '%s resets a created runner’s token to one shaped %s (none before glrt-, 15.9; no reset before 14.3)',
    async (release, shape) => {
      const reset = await send(mocks[release].url, 'POST', '/runners/11/reset_authentication_token', { token: ADMIN })
      if (shape === null) return expect(reset.status).toBe(404)
      expect(reset.status).toBe(201)
      expect((reset.body as { token: string }).token).toMatch(shape)
    },
  )

  it.each(perRelease([201, 201, 201, 201, 410, 410]))('%s answers a registration where registration tokens are switched off with %s (the switch arrived in 17.0)', async (release, code) => {
    const response = await mocks[release].call('POST', '/runners', { body: { token: LEGACY_GROUP_REGISTRATION_TOKEN } })
    expect(response.status).toBe(code)
  })
})

describe('token scopes per release', () => {
  const insufficient = (scope: string) => ({
    error: 'insufficient_scope',
    error_description: 'The request requires higher privileges than provided by the access token.',
    scope,
  })

  it.each(perRelease([403, 403, 403, 403, 200, 200]))('%s answers a manage_runner-only token on GET /runners/:id with %s', async (release, code) => {
    const response = await mocks[release].call('GET', '/runners/16', { token: MANAGE_RUNNER })
    expect([response.status, code === 403 ? response.body : code]).toEqual([code, code === 403 ? insufficient('api read_api') : code])
  })

  it.each([
    ['15.11', 403],
    ['16.11', 201],
  ] as const)('%s answers a create_runner-only token on POST /user/runners with %s', async (release, code) => {
    const response = await mocks[release].call('POST', '/user/runners', { token: CREATE_RUNNER, body: { runner_type: 'project_type', project_id: 3 } })
    expect([response.status, code === 403 ? response.body : code]).toEqual([code, code === 403 ? insufficient('api') : code])
  })

  it('refuses an auditor the list of every runner before 18.0', async () => {
    const statuses = await Promise.all((['17.11', '18.6'] as const).map(async (release) => (await mocks[release].call('GET', '/runners/all', { token: AUDITOR })).status))
    expect(statuses).toEqual([403, 200])
  })
})

describe('errors per release', () => {
  it.each(perRelease(['404 Not found', '404 Not found', '404 Not found', '404 Not found', '404 Not found', '404 Runner Not Found']))(
    '%s answers an unknown runner id with %j',
    async (release, message) => {
      const response = await mocks[release].call('GET', '/runners/999999', { token: ADMIN })
      expect([response.status, response.body]).toEqual([404, { message }])
    },
  )
})

describe('unassigning project runners per release', () => {
  it('keeps a runner from losing its last project before 16.x, and from leaving its owner project after', async () => {
    const unassign = async (release: Label, path: string) => {
      const response = await mocks[release].call('DELETE', path, { token: ADMIN })
      return [response.status, response.body]
    }
    expect([
      await unassign('15.11', '/projects/3/runners/23'),
      await unassign('15.11', '/projects/3/runners/22'),
      await unassign('18.6', '/projects/3/runners/23'),
    ]).toEqual([
      [403, { message: '403 Forbidden - Only one project associated with the runner. Please remove the runner instead' }],
      [204, undefined],
      [403, { message: '403 Forbidden - You cannot unassign a runner from the owner project. Delete the runner instead' }],
    ])
  })
})

describe('choosing a release', () => {
  it('serves the derived document of the release at /openapi.json', async () => {
    const document = async (release: Label) => (await fetch(`${mocks[release].url}/openapi.json`)).json() as Promise<{ info: Record<string, unknown>; paths: object }>
    const [old, newest] = [await document('14.10'), await document('18.6')]
    expect([old.info['x-gitlab-release'], '/runners/{id}/managers' in old.paths, '/runners/{id}/managers' in newest.paths]).toEqual(['14.10', false, true])
  })

  it('refuses a release outside the supported range, naming it', async () => {
    await expect(startMock({ gitlabVersion: '19.0' })).rejects.toThrow(new ReleaseError('GitLab 19 is not supported (supported: GitLab 11.0 to 18.11 (the contract describes up to 18.6))'))
  })
})
