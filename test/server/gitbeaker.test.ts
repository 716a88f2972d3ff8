// A GitLab client written by others, unchanged, drives the mock through the main flows: what a client
// library expects on the wire is part of the contract.
import { Gitlab } from '@gitbeaker/rest'
import { beforeAll, describe, expect, it } from 'vitest'
import { startTestMock, type TestMock } from '../helpers/start-mock.js'

const ADMIN = 'glpat-admin-0000000000000'
const MAINTAINER = 'glpat-maintainer-00000000'
const INSTANCE_REGISTRATION_TOKEN = 'GR1348941-instance-000000000'

describe('@gitbeaker/rest against the mock', () => {
  let mock: TestMock
  let admin: InstanceType<typeof Gitlab>

  beforeAll(async () => {
    mock = await startTestMock()
    admin = new Gitlab({ host: mock.origin, token: ADMIN })
  })

  it('iterates every page of all runners and gets the same runners as one big page', async () => {
    const everything = await mock.call('GET', '/runners/all?per_page=100', { token: ADMIN })
    const ids = (everything.body as { id: number }[]).map((runner) => runner.id)

    const paged = await admin.Runners.all({ perPage: 5, showExpanded: true })

    expect(paged.data.map((runner) => runner.id)).toEqual(ids)
    expect(ids.length).toBeGreaterThan(10)
    expect(paged.paginationInfo).toMatchObject({ total: ids.length, perPage: 5, totalPages: Math.ceil(ids.length / 5) })
  })

  it('filters by type, status and tags with snake_cased parameters', async () => {
    const online = await admin.Runners.all({ type: 'instance_type', status: 'online' })
    const direct = await mock.call('GET', '/runners/all?type=instance_type&status=online&per_page=100', { token: ADMIN })

    expect(online.map((runner) => runner.id)).toEqual((direct.body as { id: number }[]).map((runner) => runner.id))
    expect(online.every((runner) => runner.runner_type === 'instance_type' && runner.is_shared)).toBe(true)
  })

  it('shows, updates and pauses a runner, and the change sticks', async () => {
    const before = await admin.Runners.show(1)
    expect(before.id).toBe(1)

    const edited = await admin.Runners.edit(1, { description: 'renamed by gitbeaker', tagList: ['docker', 'linux'], paused: true })
    expect(edited).toMatchObject({ id: 1, description: 'renamed by gitbeaker', tag_list: ['docker', 'linux'], paused: true, active: false })

    const after = await admin.Runners.show(1)
    expect(after).toMatchObject({ description: 'renamed by gitbeaker', tag_list: ['docker', 'linux'], paused: true, status: 'paused' })
  })

  it('registers a runner, verifies it and deletes it by token', async () => {
    const registered = await admin.Runners.register(INSTANCE_REGISTRATION_TOKEN, { description: 'from gitbeaker', tagList: ['gpu'] })
    expect(registered).toMatchObject({ id: expect.any(Number), token: expect.stringMatching(/^glrtr-/), token_expires_at: null })

    const verified = await admin.Runners.verify({ token: registered.token, systemId: 's_gitbeaker01' } as { systemId: string })
    expect(verified).toEqual({ id: registered.id, token: registered.token, token_expires_at: null })
    const details = await admin.Runners.show(registered.id)
    expect(details).toMatchObject({ description: 'from gitbeaker', online: true, status: 'online', tag_list: ['gpu'] })

    await admin.Runners.remove({ token: registered.token })
    await expect(admin.Runners.show(registered.id)).rejects.toMatchObject({ cause: { response: { status: 404 } } })
  })

  it('assigns a project runner to another project and unassigns it', async () => {
    const maintainer = new Gitlab({ host: mock.origin, token: MAINTAINER })
    const runners = await maintainer.Runners.all({ owned: true, type: 'project_type' })
    const movable = runners.find((runner) => runner.description === 'web-fresh')
    expect(movable).toBeDefined()

    const assigned = await maintainer.Runners.enable('acme/platform/api', movable!.id)
    expect(assigned).toMatchObject({ id: movable!.id, runner_type: 'project_type' })
    const listed = await maintainer.Runners.all({ projectId: 'acme/platform/api', type: 'project_type' })
    expect(listed.map((runner) => runner.id)).toContain(movable!.id)

    await maintainer.Runners.disable('acme/platform/api', movable!.id)
    const afterwards = await maintainer.Runners.all({ projectId: 'acme/platform/api', type: 'project_type' })
    expect(afterwards.map((runner) => runner.id)).not.toContain(movable!.id)
  })

  it('lists a runner\'s jobs newest first when asked', async () => {
    const jobs = await admin.Runners.allJobs(1, { orderBy: 'id', sort: 'desc' })
    const ids = jobs.map((job) => job.id)
    expect(ids).toEqual([...ids].sort((a, b) => b - a))
    expect(ids.length).toBeGreaterThan(0)
  })
})
