// The jobs a runner ran (reference §4.6, §1.9): who may list them, which projects' jobs they see,
// the status and manager filters, ordering, and offset or keyset pages.
import { canListRunnerJobs, projectAccess, readsEverything } from './access.js'
import { ForbiddenError } from './errors.js'
import {
  paginate, paginateKeyset, requireKeysetOrder, requireOffsetWithinLimit,
  type KeysetPage, type OffsetParams, type Page,
} from './pagination.js'
import { REPORTER, type JobRecord, type JobStatus } from './records.js'
import { findRunner } from './runners.js'
import type { Actor } from './tokens.js'
import type { World } from './world.js'

export interface RunnerJobsParams extends OffsetParams {
  id: number
  status?: JobStatus
  orderBy?: 'id'
  sort?: 'asc' | 'desc'
  /** Only jobs of this runner manager; unknown ids give an empty list. */
  systemId?: string
  /** GitLab honours `pagination=keyset` although the endpoint does not declare it. */
  pagination?: 'offset' | 'keyset'
  cursor?: string
  /** The order without `order_by`: ascending ids in newer releases, descending (with `sort` always applied) in older ones. Default asc. */
  defaultOrder?: 'asc' | 'desc'
}

export type RunnerJobsResult =
  | { pagination: 'offset'; page: Page<JobRecord> }
  | { pagination: 'keyset'; page: KeysetPage<JobRecord> }

export function listRunnerJobs(world: World, actor: Actor, params: RunnerJobsParams): RunnerJobsResult {
  const runner = findRunner(world, params.id)
  if (!canListRunnerJobs(world, actor.user, runner)) throw new ForbiddenError('No access granted')

  const { systemId } = params
  const managerId = systemId === undefined ? undefined : world.managersOf(runner.id).find((m) => m.systemId === systemId)?.id
  const seesAll = readsEverything(actor.user)
  const jobs = world.jobsOf(runner.id).filter((job) => {
    if (params.status !== undefined && job.status !== params.status) return false
    // An unknown system id matches no manager, hence no job.
    if (systemId !== undefined && (managerId === undefined || job.runnerManagerId !== managerId)) return false
    if (seesAll) return true
    // Everyone else sees only jobs of projects where they are Reporter or above.
    const project = world.projects.get(job.projectId)
    return project !== undefined && projectAccess(world, actor.user, project) >= REPORTER
  })

  if (params.pagination === 'keyset') {
    requireKeysetOrder(params.orderBy, params.sort)
    return { pagination: 'keyset', page: paginateKeyset(jobs.reverse(), params) }
  }
  requireOffsetWithinLimit(params, 'Ci::Build')
  // Without order_by newer GitLab leaves the database order (ascending ids) and sort only counts with
  // order_by; older releases ordered by id with sort (default desc) always applied.
  const ordered = params.orderBy === 'id' || params.defaultOrder === 'desc'
  if (ordered && (params.sort ?? 'desc') === 'desc') jobs.reverse()
  return { pagination: 'offset', page: paginate(jobs, params, { withoutCounts: systemId !== undefined }) }
}
