import { describe, expect, it } from 'vitest'
import { ForbiddenError, MethodNotAllowedError, NotFoundError } from '../../src/store/errors.js'
import { GUEST, type WorldData } from '../../src/store/records.js'
import { listRunnerJobs, type RunnerJobsResult } from '../../src/store/runner-jobs.js'
import {
  actorFor, buildWorld, caught, job, manager, PROJECT_API, PROJECT_DOCS, PROJECT_WEB, RUNNER_INSTANCE, RUNNER_SHARED_PROJECTS, USERS,
} from './world-builder.js'

/** The shared runner ran jobs 1–4 in web, 5–6 in docs; the instance runner ran 7 in api. */
function addJobs(data: WorldData): void {
  data.managers = [manager(1, RUNNER_SHARED_PROJECTS, { systemId: 's_one' }), manager(2, RUNNER_SHARED_PROJECTS, { systemId: 's_two' })]
  data.jobs = [
    job(1, RUNNER_SHARED_PROJECTS, PROJECT_WEB, { runnerManagerId: 1 }),
    job(2, RUNNER_SHARED_PROJECTS, PROJECT_WEB, { status: 'failed', runnerManagerId: 2 }),
    job(3, RUNNER_SHARED_PROJECTS, PROJECT_WEB, { status: 'running', runnerManagerId: 1 }),
    job(4, RUNNER_SHARED_PROJECTS, PROJECT_WEB),
    job(5, RUNNER_SHARED_PROJECTS, PROJECT_DOCS),
    job(6, RUNNER_SHARED_PROJECTS, PROJECT_DOCS, { status: 'failed' }),
    job(7, RUNNER_INSTANCE, PROJECT_API),
  ]
}

function jobsWorld() {
  return buildWorld(addJobs)
}

function jobIds(result: RunnerJobsResult): number[] {
  return result.page.items.map((item) => item.id)
}

describe('listRunnerJobs', () => {
  it('lists jobs by ascending id without order_by, and by id descending with order_by=id', () => {
    const { world } = jobsWorld()
    const admin = actorFor(world, 'admin')
    expect([
      jobIds(listRunnerJobs(world, admin, { id: RUNNER_SHARED_PROJECTS })),
      jobIds(listRunnerJobs(world, admin, { id: RUNNER_SHARED_PROJECTS, orderBy: 'id' })),
      jobIds(listRunnerJobs(world, admin, { id: RUNNER_SHARED_PROJECTS, orderBy: 'id', sort: 'asc' })),
      jobIds(listRunnerJobs(world, admin, { id: RUNNER_SHARED_PROJECTS, sort: 'desc' })),
    ]).toEqual([[1, 2, 3, 4, 5, 6], [6, 5, 4, 3, 2, 1], [1, 2, 3, 4, 5, 6], [1, 2, 3, 4, 5, 6]])
  })

  it('filters by status and by system id, leaving counts out for the latter', () => {
    const { world } = jobsWorld()
    const admin = actorFor(world, 'admin')
    const bySystem = listRunnerJobs(world, admin, { id: RUNNER_SHARED_PROJECTS, systemId: 's_one' })
    expect([
      jobIds(listRunnerJobs(world, admin, { id: RUNNER_SHARED_PROJECTS, status: 'failed' })),
      jobIds(bySystem),
      bySystem.pagination === 'offset' ? [bySystem.page.total, bySystem.page.totalPages] : 'keyset',
      jobIds(listRunnerJobs(world, admin, { id: RUNNER_SHARED_PROJECTS, systemId: 's_unknown' })),
    ]).toEqual([[2, 6], [1, 3], [null, null], []])
  })

  it('shows a non-admin only jobs of projects where they are Reporter or above', () => {
    const { world } = buildWorld((data) => {
      addJobs(data)
      const docs = data.projects.find((p) => p.id === PROJECT_DOCS)
      if (docs) docs.members = [{ userId: USERS.projectMaintainer, accessLevel: GUEST }]
    })
    expect([
      jobIds(listRunnerJobs(world, actorFor(world, 'projectMaintainer'), { id: RUNNER_SHARED_PROJECTS })),
      jobIds(listRunnerJobs(world, actorFor(world, 'groupMaintainer'), { id: RUNNER_SHARED_PROJECTS })),
    ]).toEqual([[1, 2, 3, 4], [1, 2, 3, 4, 5, 6]])
  })

  it('refuses a project maintainer on an instance runner and a developer on their project runner', () => {
    const { world } = jobsWorld()
    expect([
      caught(() => listRunnerJobs(world, actorFor(world, 'projectMaintainer'), { id: RUNNER_INSTANCE })),
      caught(() => listRunnerJobs(world, actorFor(world, 'developer'), { id: RUNNER_SHARED_PROJECTS })),
      caught(() => listRunnerJobs(world, actorFor(world, 'admin'), { id: 999 })),
    ]).toStrictEqual([new ForbiddenError('No access granted'), new ForbiddenError('No access granted'), new NotFoundError('Runner')])
  })

  it('lets an auditor see every job of an instance runner', () => {
    const { world } = jobsWorld()
    expect(jobIds(listRunnerJobs(world, actorFor(world, 'auditor'), { id: RUNNER_INSTANCE }))).toEqual([7])
  })

  it('pages with keyset cursors newest first', () => {
    const { world } = jobsWorld()
    const admin = actorFor(world, 'admin')
    const first = listRunnerJobs(world, admin, { id: RUNNER_SHARED_PROJECTS, pagination: 'keyset', perPage: 4 })
    const cursor = first.pagination === 'keyset' ? (first.page.nextCursor ?? '') : ''
    const second = listRunnerJobs(world, admin, { id: RUNNER_SHARED_PROJECTS, pagination: 'keyset', perPage: 4, cursor })
    expect([first.pagination, jobIds(first), jobIds(second), second.pagination === 'keyset' && second.page.nextCursor])
      .toEqual(['keyset', [6, 5, 4, 3], [2, 1], null])
  })

  it('refuses keyset pages in any order but id descending', () => {
    const { world } = jobsWorld()
    expect(caught(() => listRunnerJobs(world, actorFor(world, 'admin'), { id: RUNNER_SHARED_PROJECTS, pagination: 'keyset', orderBy: 'id', sort: 'asc' })))
      .toStrictEqual(new MethodNotAllowedError('Keyset pagination is not yet available for this type of request'))
  })
})
