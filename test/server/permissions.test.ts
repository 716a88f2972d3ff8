// Who may do what to which runner, over real HTTP: a table of role × runner type × operation →
// status, read from the reference's abilities (§2.5) and endpoint rules (§4.3–4.9).
import { beforeEach, describe, expect, it } from 'vitest'
import { startTestMock } from '../helpers/start-mock.js'

const TOKENS = {
  admin: 'glpat-admin-0000000000000',
  auditor: 'glpat-auditor-00000000000',
  'group owner': 'glpat-owner-0000000000000',
  'group maintainer': 'glpat-groupmaint-00000000',
  'project maintainer': 'glpat-maintainer-00000000',
  developer: 'glpat-developer-000000000',
  reporter: 'glpat-reporter-0000000000',
  outsider: 'glpat-outsider-0000000000',
} as const
type Role = keyof typeof TOKENS

/** One runner of each kind from the default scenario. */
const RUNNERS = {
  instance: 10, // shared-docker-amd64
  group: 16, // acme-docker-builder, group acme
  project: 23, // api-deploy-locked, owned by acme/platform/api only
  'multi-project': 22, // api-web-shared, owned by api and assigned to web
} as const
type Kind = keyof typeof RUNNERS
const KINDS = Object.keys(RUNNERS) as Kind[]

type Row = [Role, Kind, number]
/** Expands `role: [instance, group, project, multi-project]` columns into it.each rows. */
function table(matrix: Partial<Record<Role, [number, number, number, number]>>): Row[] {
  return Object.entries(matrix).flatMap(([role, statuses]) => KINDS.map((kind, i): Row => [role as Role, kind, statuses[i]!]))
}

const FORBIDDEN = { message: '403 Forbidden - No access granted' }

const mock = await startTestMock()

describe('getRunner, listRunnerManagers and listRunnerProjects by role', () => {
  // Instance runners are readable by anyone signed in; a group runner by Maintainer+ of its group or
  // of a project in it that uses group runners (devon maintains acme/docs); a project runner by
  // Maintainer+ of a project it serves.
  const rows = table({
    //                      instance group project multi
    admin: [200, 200, 200, 200],
    auditor: [200, 200, 200, 200],
    'group owner': [200, 200, 200, 200],
    'group maintainer': [200, 200, 200, 200],
    'project maintainer': [200, 200, 200, 200],
    developer: [200, 200, 403, 403],
    reporter: [200, 403, 403, 403],
    outsider: [200, 403, 403, 403],
  })

  it.each(rows)('GET /runners/:id: %s on a %s runner → %i', async (role, kind, status) => {
    const response = await mock.call('GET', `/runners/${RUNNERS[kind]}`, { token: TOKENS[role] })
    expect(response.status).toBe(status)
    if (status === 200) expect((response.body as { id: number }).id).toBe(RUNNERS[kind])
    else expect(response.body).toEqual(FORBIDDEN)
  })

  it.each(rows)('GET /runners/:id/managers: %s on a %s runner → %i', async (role, kind, status) => {
    const response = await mock.call('GET', `/runners/${RUNNERS[kind]}/managers`, { token: TOKENS[role] })
    expect(response.status).toBe(status)
    if (status !== 200) expect(response.body).toEqual(FORBIDDEN)
  })

  it.each(rows)('GET /runners/:id/projects: %s on a %s runner → %i', async (role, kind, status) => {
    const response = await mock.call('GET', `/runners/${RUNNERS[kind]}/projects`, { token: TOKENS[role] })
    expect(response.status).toBe(status)
    if (status !== 200) expect(response.body).toEqual(FORBIDDEN)
  })
})

describe('listRunnerJobs by role', () => {
  // Jobs need more than reading: admin/auditor, or a manager of the owner scope (group → Owner).
  it.each(
    table({
      admin: [200, 200, 200, 200],
      auditor: [200, 200, 200, 200],
      'group owner': [403, 200, 200, 200],
      'group maintainer': [403, 403, 200, 200],
      'project maintainer': [403, 403, 200, 200],
      developer: [403, 403, 403, 403],
      reporter: [403, 403, 403, 403],
      outsider: [403, 403, 403, 403],
    }),
  )('GET /runners/:id/jobs: %s on a %s runner → %i', async (role, kind, status) => {
    const response = await mock.call('GET', `/runners/${RUNNERS[kind]}/jobs`, { token: TOKENS[role] })
    expect(response.status).toBe(status)
    if (status !== 200) expect(response.body).toEqual(FORBIDDEN)
  })
})

describe('updateRunner and resetRunnerAuthenticationToken by role', () => {
  beforeEach(() => mock.reset())

  // Updating needs the owner scope: admin (instance), group Owner (group), Maintainer+ of the owner project.
  const rows = table({
    admin: [200, 200, 200, 200],
    'group owner': [403, 200, 200, 200],
    'group maintainer': [403, 403, 200, 200],
    'project maintainer': [403, 403, 200, 200],
    developer: [403, 403, 403, 403],
    reporter: [403, 403, 403, 403],
    outsider: [403, 403, 403, 403],
  })

  it.each(rows)('PUT /runners/:id: %s on a %s runner → %i', async (role, kind, status) => {
    const response = await mock.call('PUT', `/runners/${RUNNERS[kind]}`, { token: TOKENS[role], body: { description: 'renamed' } })
    expect(response.status).toBe(status)
    if (status === 200) expect((response.body as { description: string }).description).toBe('renamed')
    else expect(response.body).toEqual(FORBIDDEN)
  })

  it.each(rows.map(([role, kind, status]): Row => [role, kind, status === 200 ? 201 : status]))(
    'POST /runners/:id/reset_authentication_token: %s on a %s runner → %i',
    async (role, kind, status) => {
      const response = await mock.call('POST', `/runners/${RUNNERS[kind]}/reset_authentication_token`, { token: TOKENS[role] })
      expect(response.status).toBe(status)
      if (status !== 201) expect(response.body).toEqual(FORBIDDEN)
    },
  )
})

describe('deleteRunner by role', () => {
  beforeEach(() => mock.reset())

  const MORE_THAN_ONE = { message: '403 Forbidden - Runner associated with more than one project' }

  // A non-admin never deletes a runner serving several projects, and hears so before any permission check.
  it.each(
    table({
      admin: [204, 204, 204, 204],
      'group owner': [403, 204, 204, 403],
      'group maintainer': [403, 403, 204, 403],
      'project maintainer': [403, 403, 204, 403],
      developer: [403, 403, 403, 403],
      reporter: [403, 403, 403, 403],
      outsider: [403, 403, 403, 403],
    }),
  )('DELETE /runners/:id: %s on a %s runner → %i', async (role, kind, status) => {
    const response = await mock.call('DELETE', `/runners/${RUNNERS[kind]}`, { token: TOKENS[role] })
    expect(response.status).toBe(status)
    if (status === 204) expect(response.body).toBeUndefined()
    else expect(response.body).toEqual(kind === 'multi-project' ? MORE_THAN_ONE : FORBIDDEN)
  })
})
