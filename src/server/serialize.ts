// The only bridge from store records to GitLab's wire entities: which fields an entity shows, in
// GitLab's order (reference §3), with times as ISO strings at millisecond precision. Entities the
// release fits (runners, details, managers, jobs, pipelines, metadata) are field tables compiled once
// per served release (entity.ts): keys the release did not have are left out, keys it dropped since
// (a runner's token) are kept where it had them, and behaviour switches are decided when compiled.
import type { components, operations } from '../generated/gitlab-runners.js'
import type { RunnerDetails as RunnerView } from '../store/runners.js'
import type {
  GroupRecord, JobRecord, Millis, ProjectRecord, RunnerManagerRecord, RunnerRecord, UserRecord,
} from '../store/records.js'
import {
  latestManager, managerJobExecutionStatus, managerStatus, runnerJobExecutionStatus, runnerOnline, runnerStatus,
} from '../store/status.js'
import type { World } from '../store/world.js'
import { ABSENT, fittedEntity, maybe, type Fields } from './entity.js'
import { keptTexts, WrittenJson } from './kept-texts.js'
import type { ServedRelease } from './served-release.js'

type Schemas = components['schemas']
export type Runner = Schemas['Runner']
export type RunnerDetails = Schemas['RunnerDetails']
export type RunnerManager = Schemas['RunnerManager']
export type RunnerJob = Schemas['RunnerJob']
export type BasicProjectDetails = Schemas['BasicProjectDetails']

// Reply bodies this module built, by the entity the contract names them (`Runner[]`, `RunnerDetails`).
// The self-check does not walk a body again when it is the entity the response documents: the test
// suite proves every entity this module builds, for every release, against the contract's schemas.
const shapes = new WeakMap<object, string>()

function shaped<T extends object>(shape: string, body: T): T {
  shapes.set(body, shape)
  return body
}

/** The entity the serializer built `body` as, if it built it (see the self-check in respond.ts). */
export function shapeOf(body: unknown): string | undefined {
  return typeof body === 'object' && body !== null ? shapes.get(body) : undefined
}

// A small direct-mapped memo: the same few record times are written over and over (a page of runners,
// a job's pipeline and commit), and Date#toISOString is a large part of building an entity.
const ISO_SLOTS = 4096
const isoMillis = new Float64Array(ISO_SLOTS).fill(Number.NaN)
const isoTexts: string[] = new Array<string>(ISO_SLOTS).fill('')

export function iso(millis: Millis): string {
  const slot = millis & (ISO_SLOTS - 1)
  if (isoMillis[slot] === millis) return isoTexts[slot]!
  const text = new Date(millis).toISOString()
  isoMillis[slot] = millis
  isoTexts[slot] = text
  return text
}

function isoOrNull(millis: Millis | null): string | null {
  return millis === null ? null : iso(millis)
}

/** The keys a runner shows in lists and first in its details; `runnerDetails` repeats them. */
// `now` is read once per reply: every status on a page answers to one moment, and the clock (layers
// of a session's clock over the mock's) is not asked again for every runner.
type RunnerKeys = Fields<[World, RunnerRecord, Millis], Runner>

function runnerKeys(release: ServedRelease): RunnerKeys {
  const rules = release.statusRules
  // Always null since 17.0 (reference §3.1); before, the address the runner last spoke from, which the
  // mock keeps on its runner managers (the newest document types it null; older ones allow a string).
  const address = release.behaviour('ipAddress') === 'value'
  return {
    id: (_world, runner) => runner.id,
    description: (_world, runner) => runner.description,
    ip_address: (world, runner) => (address ? (latestManager(world, runner)?.ipAddress ?? null) : null) as Runner['ip_address'],
    active: (_world, runner) => runner.active,
    paused: (_world, runner) => !runner.active,
    is_shared: (_world, runner) => runner.runnerType === 'instance_type',
    runner_type: (_world, runner) => runner.runnerType,
    name: (_world, runner) => runner.name,
    online: (_world, runner, now) => runnerOnline(now, runner, rules),
    // Absent, not null, for runners nobody created through the UI or API (reference §3.1).
    created_by: maybe((world: World, runner: RunnerRecord) => {
      const creator = runner.createdById === null ? undefined : world.users.get(runner.createdById)
      return creator === undefined ? ABSENT : serializeUserBasic(world, creator)
    }),
    created_at: (_world, runner) => iso(runner.createdAt),
    // Older releases say not_connected, which the newest document's type does not name.
    status: (_world, runner, now) => runnerStatus(now, runner, rules) as Runner['status'],
    job_execution_status: (world, runner) => runnerJobExecutionStatus(world, runner),
  }
}

const runnerEntity = fittedEntity('Runner', runnerKeys)

export function serializeRunner(world: World, runner: RunnerRecord, release: ServedRelease): Runner {
  return shaped('Runner', runnerEntity(release)(world, runner, world.now()))
}

export function serializeRunners(world: World, runners: readonly RunnerRecord[], release: ServedRelease): Runner[] {
  const build = runnerEntity(release)
  const now = world.now()
  return shaped('Runner[]', runners.map((runner) => build(world, runner, now)))
}

/**
 * A page of runners as JSON text, the same text as `JSON.stringify(serializeRunners(...))`: each
 * runner's text, and the page's, is kept (kept-texts.ts) and reused while its records, its world and
 * the runners' status and online stay as they were when it was written.
 */
export function writeRunners(world: World, runners: readonly RunnerRecord[], release: ServedRelease): WrittenJson {
  const build = runnerEntity(release)
  const now = world.now()
  const rules = release.statusRules
  const kept = keptTexts(build, world)
  // What the entity says that follows the clock: the status word and online (keys the release lacks
  // are left out of the text, but comparing them anyway costs nothing).
  const statuses = runners.map((runner) => runnerStatus(now, runner, rules))
  const onlines = runners.map((runner) => runnerOnline(now, runner, rules))
  const page = kept.page(runners, statuses, onlines)
  if (page !== undefined) return page
  let text = '['
  for (let index = 0; index < runners.length; index++) {
    const runner = runners[index]!
    let json = kept.text(runner, statuses[index], onlines[index])
    if (json === undefined) {
      json = JSON.stringify(build(world, runner, now))
      kept.keep(runner, statuses[index], onlines[index], json)
    }
    text += index === 0 ? json : `,${json}`
  }
  const written = shaped('Runner[]', new WrittenJson(`${text}]`))
  kept.keepPage(runners, statuses, onlines, written)
  return written
}

/** Details' sources: the store's view, whether PUT or GET asked (`projects`), the latest manager. */
type DetailsSources = [World, RunnerView, boolean, RunnerManagerRecord | undefined, Millis]

const runnerDetailsEntity = fittedEntity<DetailsSources, RunnerDetails & { token?: string }>('RunnerDetails', (release) => {
  const runner = runnerKeys(release)
  // A runner's own field, read through the view.
  const own = <K extends keyof Runner>(key: K): ((...sources: DetailsSources) => ReturnType<RunnerKeys[K]>) => {
    const getter: RunnerKeys[K] = runner[key]
    // TypeScript cannot follow a generic key through the mapped type's call; the getter is RunnerKeys[K].
    return (world, view, _projects, _manager, now) => getter(world, view.runner, now) as ReturnType<RunnerKeys[K]>
  }
  // Older releases showed the note to every reader; the newest only to callers who may update the runner.
  const noteForEveryone = release.behaviour('maintenanceNoteVisibility') === 'everyone'
  return {
    id: own('id'),
    description: own('description'),
    ip_address: own('ip_address'),
    active: own('active'),
    paused: own('paused'),
    is_shared: own('is_shared'),
    runner_type: own('runner_type'),
    name: own('name'),
    online: own('online'),
    created_by: maybe(own('created_by')),
    created_at: own('created_at'),
    status: own('status'),
    job_execution_status: own('job_execution_status'),
    tag_list: (_world, view) => view.runner.tagList,
    run_untagged: (_world, view) => view.runner.runUntagged,
    locked: (_world, view) => view.runner.locked,
    maximum_timeout: (_world, view) => view.runner.maximumTimeout,
    access_level: (_world, view) => view.runner.accessLevel,
    version: (_world, _view, _projects, manager) => manager?.version ?? null,
    revision: (_world, _view, _projects, manager) => manager?.revision ?? null,
    platform: (_world, _view, _projects, manager) => manager?.platform ?? null,
    architecture: (_world, _view, _projects, manager) => manager?.architecture ?? null,
    contacted_at: (_world, view) => isoOrNull(view.runner.contactedAt),
    maintenance_note: (_world, view) => (view.canUpdate || noteForEveryone ? view.runner.maintenanceNote : null),
    projects: maybe((world: World, view: RunnerView, withProjects: boolean) =>
      withProjects ? view.projects.map((project) => serializeProject(world, project)) : ABSENT),
    groups: (world, view) => view.groups.map((group) => serializeGroup(world, group)),
    // Up to 12.x details carried the runner's authentication token (reference §9).
    token: (_world, view) => view.runner.token,
  }
})

/** `withProjects` is false for PUT, which no longer sends `projects` in the newest GitLab. */
export function serializeRunnerDetails(world: World, view: RunnerView, withProjects: boolean, release: ServedRelease): RunnerDetails {
  return shaped('RunnerDetails', runnerDetailsEntity(release)(world, view, withProjects, latestManager(world, view.runner), world.now()))
}

const registrationDetailsEntity = fittedEntity<[RunnerRecord], Schemas['RunnerRegistrationDetails']>('RunnerRegistrationDetails', () => ({
  id: (runner) => runner.id,
  token: (runner) => runner.token,
  token_expires_at: (runner) => isoOrNull(runner.tokenExpiresAt),
}))

/** `POST /runners`, `POST /runners/verify`, `POST /user/runners`: token_expires_at (from 14.3) is always present. */
export function serializeRegistrationDetails(runner: RunnerRecord, release: ServedRelease): Schemas['RunnerRegistrationDetails'] {
  return shaped('RunnerRegistrationDetails', registrationDetailsEntity(release)(runner))
}

export function serializeAuthenticationToken(result: { token: string; tokenExpiresAt: Millis | null }): Schemas['RunnerAuthenticationToken'] {
  return shaped('RunnerAuthenticationToken', { token: result.token, token_expires_at: isoOrNull(result.tokenExpiresAt) })
}

const managerEntity = fittedEntity<[World, RunnerManagerRecord], RunnerManager>('RunnerManager', () => ({
  id: (_world, manager) => manager.id,
  system_id: (_world, manager) => manager.systemId,
  version: (_world, manager) => manager.version,
  revision: (_world, manager) => manager.revision,
  platform: (_world, manager) => manager.platform,
  architecture: (_world, manager) => manager.architecture,
  created_at: (_world, manager) => iso(manager.createdAt),
  contacted_at: (_world, manager) => isoOrNull(manager.contactedAt),
  ip_address: (_world, manager) => manager.ipAddress,
  status: (world, manager) => managerStatus(world, manager),
  job_execution_status: (world, manager) => managerJobExecutionStatus(world, manager),
}))

export function serializeManagers(world: World, managers: readonly RunnerManagerRecord[], release: ServedRelease): RunnerManager[] {
  const build = managerEntity(release)
  return shaped('RunnerManager[]', managers.map((manager) => build(world, manager)))
}

export function serializeUserBasic(world: World, user: UserRecord): Schemas['UserBasic'] {
  return {
    id: user.id,
    username: user.username,
    public_email: user.publicEmail,
    name: user.name,
    state: user.state,
    locked: user.state === 'blocked',
    avatar_url: user.avatarUrl,
    web_url: `${world.instance.webUrl}/${user.username}`,
  }
}

export function serializeGroup(world: World, group: GroupRecord): Schemas['BasicGroupDetails'] {
  return { id: group.id, web_url: `${world.instance.webUrl}/groups/${world.groupFullPath(group)}`, name: group.name }
}

function namespaceOf(world: World, project: ProjectRecord): { name: string; fullPath: string } {
  if (project.groupId !== null) {
    const group = world.groups.get(project.groupId)
    if (group) {
      // Ancestry runs from the group up; GitLab names the namespace from the top group down.
      const names = world.groupAncestry(group.id).reverse().map((g) => g.name)
      return { name: names.join(' / '), fullPath: world.groupFullPath(group) }
    }
  }
  const owner = project.ownerUserId === null ? undefined : world.users.get(project.ownerUserId)
  return { name: owner?.name ?? 'unknown', fullPath: owner?.username ?? 'unknown' }
}

function projectIdentity(world: World, project: ProjectRecord): Schemas['JobProject'] {
  return {
    id: project.id,
    description: project.description,
    name: project.name,
    name_with_namespace: `${namespaceOf(world, project).name} / ${project.name}`,
    path: project.path,
    path_with_namespace: world.projectFullPath(project),
    created_at: iso(project.createdAt),
  }
}

/** The host of the instance's web URL, for SSH clone URLs: parsed once per URL, not per project. */
let hostOf = { webUrl: '', host: '' }

function webHost(webUrl: string): string {
  if (hostOf.webUrl !== webUrl) hostOf = { webUrl, host: new URL(webUrl).host }
  return hostOf.host
}

export function serializeProjects(world: World, projects: readonly ProjectRecord[]): BasicProjectDetails[] {
  return shaped('BasicProjectDetails[]', projects.map((project) => serializeProject(world, project)))
}

function serializeProject(world: World, project: ProjectRecord): BasicProjectDetails {
  const fullPath = world.projectFullPath(project)
  const { webUrl } = world.instance
  const group = project.groupId === null ? undefined : world.groups.get(project.groupId)
  const owner = project.ownerUserId === null ? undefined : world.users.get(project.ownerUserId)
  const namespace = namespaceOf(world, project)
  return {
    id: project.id,
    description: project.description,
    name: project.name,
    name_with_namespace: `${namespace.name} / ${project.name}`,
    path: project.path,
    path_with_namespace: fullPath,
    created_at: iso(project.createdAt),
    default_branch: project.defaultBranch,
    tag_list: project.topics,
    topics: project.topics,
    ssh_url_to_repo: `git@${webHost(webUrl)}:${fullPath}.git`,
    http_url_to_repo: `${webUrl}/${fullPath}.git`,
    web_url: `${webUrl}/${fullPath}`,
    readme_url: `${webUrl}/${fullPath}/-/blob/${project.defaultBranch}/README.md`,
    forks_count: 0,
    avatar_url: null,
    star_count: 0,
    last_activity_at: iso(project.lastActivityAt),
    namespace: {
      id: group?.id ?? owner?.id ?? 0,
      name: group?.name ?? namespace.name,
      path: group?.path ?? namespace.fullPath,
      kind: group ? 'group' : 'user',
      full_path: namespace.fullPath,
      parent_id: group?.parentId ?? null,
      avatar_url: null,
      web_url: group ? `${webUrl}/groups/${namespace.fullPath}` : `${webUrl}/${namespace.fullPath}`,
    },
  }
}

/** A job's sources: the job, its project (never deleted; scenarios reject jobs of unknown projects), the project's web URL. */
type JobSources = [World, JobRecord, ProjectRecord, string]

const pipelineEntity = fittedEntity<JobSources, Schemas['JobPipeline']>('JobPipeline', () => ({
  id: (_world, job) => job.pipeline.id,
  iid: (_world, job) => job.pipeline.iid,
  project_id: (_world, job) => job.pipeline.projectId,
  sha: (_world, job) => job.pipeline.sha,
  ref: (_world, job) => job.pipeline.ref,
  status: (_world, job) => job.pipeline.status as Schemas['JobStatus'],
  source: (_world, job) => job.pipeline.source,
  created_at: (_world, job) => iso(job.pipeline.createdAt),
  updated_at: (_world, job) => iso(job.pipeline.updatedAt),
  web_url: (_world, job, _project, projectUrl) => `${projectUrl}/-/pipelines/${job.pipeline.id}`,
}))

const jobEntity = fittedEntity<JobSources, RunnerJob & { ip_address?: null }>('RunnerJob', (release) => {
  const pipeline = pipelineEntity(release)
  return {
    id: (_world, job) => job.id,
    status: (_world, job) => job.status,
    stage: (_world, job) => job.stage,
    name: (_world, job) => job.name,
    ref: (_world, job) => job.ref,
    tag: (_world, job) => job.tag,
    coverage: (_world, job) => job.coverage,
    allow_failure: (_world, job) => job.allowFailure,
    created_at: (_world, job) => iso(job.createdAt),
    started_at: (_world, job) => isoOrNull(job.startedAt),
    finished_at: (_world, job) => isoOrNull(job.finishedAt),
    erased_at: (_world, job) => isoOrNull(job.erasedAt),
    duration: (_world, job) => job.duration,
    queued_duration: (_world, job) => job.queuedDuration,
    user: (world, job) => {
      const user = job.userId === null ? undefined : world.users.get(job.userId)
      return user ? serializeJobUser(world, user) : null
    },
    commit: (_world, { commit }) => ({
      id: commit.id,
      short_id: commit.shortId,
      created_at: iso(commit.createdAt),
      parent_ids: commit.parentIds,
      title: commit.title,
      message: commit.message,
      author_name: commit.authorName,
      author_email: commit.authorEmail,
      authored_date: iso(commit.authoredDate),
      committer_name: commit.committerName,
      committer_email: commit.committerEmail,
      committed_date: iso(commit.committedDate),
    }),
    pipeline: (world, job, project, projectUrl) => pipeline(world, job, project, projectUrl),
    // Only failed jobs carry a failure_reason key (reference §3.6).
    failure_reason: maybe((_world: World, job: JobRecord) => (job.status === 'failed' ? (job.failureReason ?? 'unknown_failure') : ABSENT)),
    web_url: (_world, job, _project, projectUrl) => `${projectUrl}/-/jobs/${job.id}`,
    project: (world, _job, project) => projectIdentity(world, project),
    // Up to 12.x a job named the address of the runner that ran it; the mock knows none (reference §3.6).
    ip_address: () => null,
  }
})

// The contract's job statuses (TypeScript keeps this list whole). A pipeline's status is any text a
// scenario gives, and canceling and waiting_for_callback came in 16.0-18.0.
const JOB_STATUSES: Record<Schemas['JobStatus'], true> = {
  created: true, waiting_for_resource: true, preparing: true, waiting_for_callback: true, pending: true, running: true,
  success: true, failed: true, canceling: true, canceled: true, skipped: true, manual: true, scheduled: true,
}

/** Per release: the job statuses it had. */
const releaseJobStatuses = new WeakMap<ServedRelease, ReadonlySet<string>>()

function releaseHasJobStatus(release: ServedRelease, status: string): boolean {
  let statuses = releaseJobStatuses.get(release)
  if (statuses === undefined) {
    statuses = new Set(Object.keys(JOB_STATUSES).filter((known) => release.has('value', `JobStatus=${known}`)))
    releaseJobStatuses.set(release, statuses)
  }
  return statuses.has(status)
}

export function serializeJobs(world: World, jobs: readonly JobRecord[], release: ServedRelease): RunnerJob[] {
  const build = jobEntity(release)
  // Job statuses are the values copied from the world that a release may not have: a page holding one
  // is left for the self-check to walk (and refuse), like any body the serializer cannot vouch for.
  let vouched = true
  const body = jobs.map((job) => {
    if (!releaseHasJobStatus(release, job.status) || !releaseHasJobStatus(release, job.pipeline.status)) vouched = false
    const project = world.projects.get(job.projectId)!
    return build(world, job, project, `${world.instance.webUrl}/${world.projectFullPath(project)}`)
  })
  return vouched ? shaped('RunnerJob[]', body) : body
}

function serializeJobUser(world: World, user: UserRecord): Schemas['JobUser'] {
  return {
    id: user.id,
    username: user.username,
    name: user.name,
    state: user.state,
    locked: user.state === 'blocked',
    avatar_url: user.avatarUrl,
    web_url: `${world.instance.webUrl}/${user.username}`,
    created_at: iso(user.createdAt),
    bio: '',
    location: '',
    public_email: user.publicEmail,
    linkedin: '',
    twitter: '',
    discord: '',
    website_url: '',
    organization: '',
    job_title: '',
    pronouns: null,
    bot: false,
    work_information: null,
  }
}

export type VersionInfo = operations['getVersion']['responses'][200]['content']['application/json']

/** A build the mock pretends to be: any short hex revision will do, as long as it never changes. */
const MOCK_REVISION = '0d1d3c7a8b5'

const kasEntity = fittedEntity<[], VersionInfo['kas']>('Metadata.kas', () => ({
  enabled: () => false,
  externalUrl: () => null,
  externalK8sProxyUrl: () => null,
  version: () => null,
}))

const versionEntity = fittedEntity<[], VersionInfo>('Metadata', (release) => {
  const kas = kasEntity(release)
  return {
    version: () => `${release.label}.0-ee`,
    revision: () => MOCK_REVISION,
    kas: () => kas(),
    enterprise: () => true,
  }
})

/** `GET /version` for the served release: an Enterprise Edition build of its first patch, KAS switched off. */
export function serializeVersion(release: ServedRelease): VersionInfo {
  return shaped('Metadata', versionEntity(release)())
}
