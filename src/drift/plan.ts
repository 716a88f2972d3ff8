// The read-only probe plan: which requests reach every Runners operation without changing anything on GitLab.
// Pure data in, probes out; probe.ts sends them and feeds what it learns (runner ids, tags, system ids) back in.
// Write operations are reached only by requests GitLab must refuse (unknown ids, missing parameters, no credentials,
// a made-up runner token), so their error bodies are checked without a write ever happening.

import type { HttpRequest } from './http.js'

export interface Probe extends HttpRequest {
  /** The operation this probe is meant to reach; the report counts reached operations by it. */
  operationId: string
  /** What the probe looks at, for progress lines: `filter status=online`. */
  purpose: string
  /** Follow the pagination this probe starts, up to the plan's page limit. */
  follow?: 'offset' | 'keyset'
}

export interface PlanTarget {
  /** Numeric id or full path (`group/project`) given with --project. */
  project?: string
  group?: string
}

/** A runner id no GitLab has handed out; requests on it must answer 404. */
export const UNKNOWN_ID = '999999999'

/** A runner token shaped like a real one that matches nothing: the runner-token endpoints must answer 403. */
export const MADE_UP_RUNNER_TOKEN = 'glrt-driftprobe0000000000000000'

const listFilters: [string, Record<string, string>][] = [
  ['type=instance_type', { type: 'instance_type' }],
  ['type=group_type', { type: 'group_type' }],
  ['type=project_type', { type: 'project_type' }],
  ['status=online', { status: 'online' }],
  ['status=offline', { status: 'offline' }],
  ['status=stale', { status: 'stale' }],
  ['status=never_contacted', { status: 'never_contacted' }],
  ['paused=true', { paused: 'true' }],
  ['paused=false', { paused: 'false' }],
  ['page past the end', { page: '9999', per_page: '100' }],
  ['per_page above 100 (capped)', { per_page: '101' }],
]

// Each is refused by Grape with a 400 (reference §1.6, §2.3): the error body is what gets checked.
const listErrors: [string, Record<string, string>][] = [
  ['invalid type', { type: 'bogus_type' }],
  ['invalid status', { status: 'bogus_status' }],
  ['per_page=0', { per_page: '0' }],
  ['non-integer page', { page: 'first' }],
  ['invalid version_prefix', { version_prefix: 'V15' }],
]

interface ListOperation {
  operationId: string
  path: string
  /** scope values: one the endpoint honours, and one it refuses (reference §4.1, §4.2). */
  scopes: [string, Record<string, string>][]
}

export function listOperations(target: PlanTarget): ListOperation[] {
  const lists: ListOperation[] = [
    { operationId: 'listRunners', path: '/runners', scopes: [['deprecated scope=online', { scope: 'online' }], ['scope=specific (refused here)', { scope: 'specific' }]] },
    { operationId: 'listAllRunners', path: '/runners/all', scopes: [['deprecated scope=shared', { scope: 'shared' }], ['invalid scope', { scope: 'bogus_scope' }]] },
  ]
  if (target.project !== undefined) {
    lists.push({ operationId: 'listProjectRunners', path: `/projects/${encodeURIComponent(target.project)}/runners`, scopes: [['deprecated scope=specific', { scope: 'specific' }]] })
  }
  // Groups have no scope parameter (reference §4.13).
  if (target.group !== undefined) lists.push({ operationId: 'listGroupRunners', path: `/groups/${encodeURIComponent(target.group)}/runners`, scopes: [] })
  return lists
}

/** Every list with every filter, pagination from a small page, and the refused filter values. */
export function listProbes(target: PlanTarget): Probe[] {
  return listOperations(target).flatMap(({ operationId, path, scopes }) => [
    { operationId, method: 'GET', path, query: { per_page: '2' }, purpose: 'pages of 2', follow: 'offset' as const },
    ...[...listFilters, ...scopes, ...listErrors].map(([purpose, query]) => ({ operationId, method: 'GET', path, query, purpose })),
  ])
}

export interface RunnerFacts {
  id: number
  runnerType: string
}

export function runnerProbes(runner: RunnerFacts): Probe[] {
  const base = `/runners/${runner.id}`
  const jobs = `${base}/jobs`
  return [
    { operationId: 'getRunner', method: 'GET', path: base, purpose: `details of ${runner.runnerType} runner` },
    { operationId: 'getRunner', method: 'GET', path: base, query: { include_projects: 'false' }, purpose: 'details without projects' },
    { operationId: 'listRunnerManagers', method: 'GET', path: `${base}/managers`, purpose: 'managers' },
    { operationId: 'listRunnerProjects', method: 'GET', path: `${base}/projects`, query: { per_page: '2' }, purpose: 'projects, pages of 2', follow: 'offset' },
    { operationId: 'listRunnerJobs', method: 'GET', path: jobs, query: { per_page: '2' }, purpose: 'jobs, pages of 2', follow: 'offset' },
    { operationId: 'listRunnerJobs', method: 'GET', path: jobs, query: { status: 'success' }, purpose: 'jobs status=success' },
    { operationId: 'listRunnerJobs', method: 'GET', path: jobs, query: { status: 'failed' }, purpose: 'jobs status=failed' },
    { operationId: 'listRunnerJobs', method: 'GET', path: jobs, query: { status: 'running' }, purpose: 'jobs status=running' },
    { operationId: 'listRunnerJobs', method: 'GET', path: jobs, query: { order_by: 'id', sort: 'asc' }, purpose: 'jobs order_by=id sort=asc' },
    { operationId: 'listRunnerJobs', method: 'GET', path: jobs, query: { pagination: 'keyset', per_page: '1' }, purpose: 'jobs keyset pages of 1', follow: 'keyset' },
    // Keyset needs id descending: any other order is refused with 405 (reference §1.9).
    { operationId: 'listRunnerJobs', method: 'GET', path: jobs, query: { pagination: 'keyset', order_by: 'id', sort: 'asc' }, purpose: 'keyset with ascending order (405)' },
    { operationId: 'listRunnerJobs', method: 'GET', path: jobs, query: { status: 'bogus_status' }, purpose: 'invalid job status' },
    { operationId: 'listRunnerJobs', method: 'GET', path: jobs, query: { sort: 'sideways' }, purpose: 'invalid sort' },
  ]
}

export interface LearnedFacts {
  tags: string[]
  /** Runner versions seen in details, e.g. 17.4.1. */
  versions: string[]
  /** Per runner id, the system ids of its managers. */
  systemIds: Map<number, string[]>
}

/** Probes that need values only GitLab knows: a tag a runner carries, a version it runs, a manager's system id. */
export function learnedProbes(target: PlanTarget, facts: LearnedFacts): Probe[] {
  const probes: Probe[] = []
  const tag = facts.tags[0]
  const version = facts.versions[0]
  for (const { operationId, path } of listOperations(target)) {
    if (tag !== undefined) probes.push({ operationId, method: 'GET', path, query: { tag_list: tag }, purpose: `tag_list=${tag}` })
    probes.push({ operationId, method: 'GET', path, query: { tag_list: [tag ?? 'docker', 'gitlab-runners-mock-no-such-tag'].join(',') }, purpose: 'tag_list no runner has' })
    const [major, minor] = (version ?? '17.0').split('.')
    probes.push({ operationId, method: 'GET', path, query: { version_prefix: `${major}.${minor}` }, purpose: `version_prefix=${major}.${minor}` })
    probes.push({ operationId, method: 'GET', path, query: { version_prefix: String(major) }, purpose: `version_prefix=${major}` })
  }
  for (const [id, systemIds] of facts.systemIds) {
    const systemId = systemIds[0]
    if (systemId !== undefined) probes.push({ operationId: 'listRunnerJobs', method: 'GET', path: `/runners/${id}/jobs`, query: { system_id: systemId }, purpose: 'jobs of one manager (no totals)' })
  }
  return probes
}

/** GET /version: which release answers, and its 401 to a stranger. */
export function metadataProbes(): Probe[] {
  return [
    { operationId: 'getVersion', method: 'GET', path: '/version', purpose: 'the release that answers' },
    { operationId: 'getVersion', method: 'GET', path: '/version', anonymous: true, purpose: 'no credentials (401)' },
  ]
}

/** Requests every operation must refuse; the only way a read-only run reaches the write operations. */
export function errorProbes(target: PlanTarget): Probe[] {
  const unknown = `/runners/${UNKNOWN_ID}`
  const probes: Probe[] = [
    { operationId: 'listRunners', method: 'GET', path: '/runners', anonymous: true, purpose: 'no credentials (401)' },
    { operationId: 'getRunner', method: 'GET', path: unknown, purpose: 'unknown runner (404)' },
    { operationId: 'getRunner', method: 'GET', path: '/runners/not-a-number', purpose: 'non-integer id (400)' },
    { operationId: 'updateRunner', method: 'PUT', path: unknown, body: { description: 'gitlab-runners-mock drift probe' }, purpose: 'update unknown runner (404)' },
    { operationId: 'deleteRunner', method: 'DELETE', path: unknown, purpose: 'delete unknown runner (404)' },
    { operationId: 'listRunnerJobs', method: 'GET', path: `${unknown}/jobs`, purpose: 'jobs of unknown runner (404)' },
    { operationId: 'listRunnerManagers', method: 'GET', path: `${unknown}/managers`, purpose: 'managers of unknown runner (404)' },
    { operationId: 'listRunnerProjects', method: 'GET', path: `${unknown}/projects`, purpose: 'projects of unknown runner (404)' },
    { operationId: 'resetRunnerAuthenticationToken', method: 'POST', path: `${unknown}/reset_authentication_token`, purpose: 'reset token of unknown runner (404)' },
    { operationId: 'resetInstanceRegistrationToken', method: 'POST', path: '/runners/reset_registration_token', anonymous: true, purpose: 'no credentials (401)' },
    { operationId: 'createUserRunner', method: 'POST', path: '/user/runners', body: {}, purpose: 'runner_type missing (400)' },
    { operationId: 'registerRunner', method: 'POST', path: '/runners', anonymous: true, body: {}, purpose: 'token missing (400)' },
    { operationId: 'registerRunner', method: 'POST', path: '/runners', anonymous: true, body: { token: MADE_UP_RUNNER_TOKEN }, purpose: 'unknown registration token (403 or 410)' },
    { operationId: 'verifyRunner', method: 'POST', path: '/runners/verify', anonymous: true, body: { token: MADE_UP_RUNNER_TOKEN }, purpose: 'unknown runner token (403)' },
    { operationId: 'resetRunnerAuthenticationTokenByToken', method: 'POST', path: '/runners/reset_authentication_token', anonymous: true, body: { token: MADE_UP_RUNNER_TOKEN }, purpose: 'unknown runner token (403)' },
    { operationId: 'deleteRunnerByToken', method: 'DELETE', path: '/runners', anonymous: true, body: { token: MADE_UP_RUNNER_TOKEN }, purpose: 'unknown runner token (403)' },
  ]
  if (target.project !== undefined) {
    const project = `/projects/${encodeURIComponent(target.project)}`
    probes.push(
      { operationId: 'assignProjectRunner', method: 'POST', path: `${project}/runners`, body: {}, purpose: 'runner_id missing (400)' },
      { operationId: 'unassignProjectRunner', method: 'DELETE', path: `${project}/runners/${UNKNOWN_ID}`, purpose: 'unassign unknown runner (404)' },
      { operationId: 'resetProjectRegistrationToken', method: 'POST', path: `${project}/runners/reset_registration_token`, anonymous: true, purpose: 'no credentials (401)' },
    )
  }
  if (target.group !== undefined) {
    probes.push({ operationId: 'resetGroupRegistrationToken', method: 'POST', path: `/groups/${encodeURIComponent(target.group)}/runners/reset_registration_token`, anonymous: true, purpose: 'no credentials (401)' })
  }
  return probes
}

/** Runners worth a closer look: one of each type first, so details of every shape get checked. */
export function pickRunners(found: readonly RunnerFacts[], max: number): RunnerFacts[] {
  const unique = [...new Map(found.map((runner) => [runner.id, runner])).values()]
  const firstOfType = [...new Map(unique.map((runner) => [runner.runnerType, runner])).values()]
  const rest = unique.filter((runner) => !firstOfType.includes(runner))
  return [...firstOfType, ...rest].slice(0, max)
}

/** The probe for the next page, read from GitLab's own headers: X-Next-Page for offset, Link rel="next" for keyset. */
export function nextPageProbe(probe: Probe, headers: Record<string, string>): Probe | undefined {
  if (probe.follow === 'offset') {
    const next = headers['x-next-page']
    if (next === undefined || !/^\d+$/.test(next)) return undefined
    return { ...probe, query: { ...probe.query, page: next }, purpose: `${probe.purpose}, page ${next}` }
  }
  if (probe.follow === 'keyset') {
    const cursor = nextLink(headers.link)?.searchParams.get('cursor')
    if (cursor === null || cursor === undefined) return undefined
    return { ...probe, query: { ...probe.query, cursor }, purpose: `${probe.purpose}, next cursor` }
  }
  return undefined
}

function nextLink(link: string | undefined): URL | undefined {
  const match = link?.match(/<([^>]+)>;\s*rel="next"/)
  if (match?.[1] === undefined) return undefined
  try {
    return new URL(match[1])
  } catch {
    return undefined
  }
}
