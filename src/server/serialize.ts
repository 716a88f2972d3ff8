// The only bridge from store records to GitLab's wire entities: which fields an entity shows, in
// GitLab's order (reference §3), with times as ISO strings at millisecond precision. Entities are built
// as the newest GitLab sends them, then fitted to the served release: keys it did not have are left
// out, keys it dropped since (a runner's token) are put back, and behaviour switches pick values.
import type { components, operations } from '../generated/gitlab-runners.js'
import type { RunnerDetails as RunnerView } from '../store/runners.js'
import type {
  GroupRecord, JobRecord, Millis, ProjectRecord, RunnerManagerRecord, RunnerRecord, UserRecord,
} from '../store/records.js'
import {
  latestManager, managerJobExecutionStatus, managerStatus, runnerJobExecutionStatus, runnerOnline, runnerStatus,
} from '../store/status.js'
import type { World } from '../store/world.js'
import type { ServedRelease } from './served-release.js'

type Schemas = components['schemas']
export type Runner = Schemas['Runner']
export type RunnerDetails = Schemas['RunnerDetails']
export type RunnerManager = Schemas['RunnerManager']
export type RunnerJob = Schemas['RunnerJob']
export type BasicProjectDetails = Schemas['BasicProjectDetails']

export function iso(millis: Millis): string {
  return new Date(millis).toISOString()
}

function isoOrNull(millis: Millis | null): string | null {
  return millis === null ? null : iso(millis)
}

function runnerFields(world: World, runner: RunnerRecord, release: ServedRelease): Runner {
  const creator = runner.createdById === null ? undefined : world.users.get(runner.createdById)
  const rules = release.statusRules
  return {
    id: runner.id,
    description: runner.description,
    // Always null since 17.0 (reference §3.1); before, the address the runner last spoke from, which the
    // mock keeps on its runner managers (the newest document types it null; older ones allow a string).
    ip_address: (release.behaviour('ipAddress') === 'value' ? (latestManager(world, runner)?.ipAddress ?? null) : null) as Runner['ip_address'],
    active: runner.active,
    paused: !runner.active,
    is_shared: runner.runnerType === 'instance_type',
    runner_type: runner.runnerType,
    name: runner.name,
    online: runnerOnline(world, runner, rules),
    // Absent, not null, for runners nobody created through the UI or API (reference §3.1).
    ...(creator ? { created_by: serializeUserBasic(world, creator) } : {}),
    created_at: iso(runner.createdAt),
    // Older releases say not_connected, which the newest document's type does not name.
    status: runnerStatus(world, runner, rules) as Runner['status'],
    job_execution_status: runnerJobExecutionStatus(world, runner),
  }
}

export function serializeRunner(world: World, runner: RunnerRecord, release: ServedRelease): Runner {
  return release.shown('Runner', runnerFields(world, runner, release))
}

/** `withProjects` is false for PUT, which no longer sends `projects` in the newest GitLab. */
export function serializeRunnerDetails(world: World, view: RunnerView, withProjects: boolean, release: ServedRelease): RunnerDetails {
  const { runner } = view
  const manager = latestManager(world, runner)
  // Older releases showed the note to every reader; the newest only to callers who may update the runner.
  const showsNote = view.canUpdate || release.behaviour('maintenanceNoteVisibility') === 'everyone'
  const details: RunnerDetails = {
    ...runnerFields(world, runner, release),
    tag_list: runner.tagList,
    run_untagged: runner.runUntagged,
    locked: runner.locked,
    maximum_timeout: runner.maximumTimeout,
    access_level: runner.accessLevel,
    version: manager?.version ?? null,
    revision: manager?.revision ?? null,
    platform: manager?.platform ?? null,
    architecture: manager?.architecture ?? null,
    contacted_at: isoOrNull(runner.contactedAt),
    maintenance_note: showsNote ? runner.maintenanceNote : null,
    ...(withProjects ? { projects: view.projects.map((p) => serializeProject(world, p)) } : {}),
    groups: view.groups.map((g) => serializeGroup(world, g)),
  }
  // Up to 12.x details carried the runner's authentication token (reference §9).
  const withToken = release.has('property', 'RunnerDetails.token') ? { ...details, token: runner.token } : details
  return release.shown('RunnerDetails', withToken)
}

/** `POST /runners`, `POST /runners/verify`, `POST /user/runners`: token_expires_at (from 14.3) is always present. */
export function serializeRegistrationDetails(runner: RunnerRecord, release: ServedRelease): Schemas['RunnerRegistrationDetails'] {
  return release.shown('RunnerRegistrationDetails', { id: runner.id, token: runner.token, token_expires_at: isoOrNull(runner.tokenExpiresAt) })
}

export function serializeAuthenticationToken(result: { token: string; tokenExpiresAt: Millis | null }): Schemas['RunnerAuthenticationToken'] {
  return { token: result.token, token_expires_at: isoOrNull(result.tokenExpiresAt) }
}

export function serializeManager(world: World, manager: RunnerManagerRecord, release: ServedRelease): RunnerManager {
  return release.shown('RunnerManager', {
    id: manager.id,
    system_id: manager.systemId,
    version: manager.version,
    revision: manager.revision,
    platform: manager.platform,
    architecture: manager.architecture,
    created_at: iso(manager.createdAt),
    contacted_at: isoOrNull(manager.contactedAt),
    ip_address: manager.ipAddress,
    status: managerStatus(world, manager),
    job_execution_status: managerJobExecutionStatus(world, manager),
  })
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

function projectIdentity(world: World, project: ProjectRecord, namespace = namespaceOf(world, project)): Schemas['JobProject'] {
  return {
    id: project.id,
    description: project.description,
    name: project.name,
    name_with_namespace: `${namespace.name} / ${project.name}`,
    path: project.path,
    path_with_namespace: world.projectFullPath(project),
    created_at: iso(project.createdAt),
  }
}

export function serializeProject(world: World, project: ProjectRecord): BasicProjectDetails {
  const fullPath = world.projectFullPath(project)
  const host = new URL(world.instance.webUrl).host
  const group = project.groupId === null ? undefined : world.groups.get(project.groupId)
  const owner = project.ownerUserId === null ? undefined : world.users.get(project.ownerUserId)
  const namespace = namespaceOf(world, project)
  return {
    ...projectIdentity(world, project, namespace),
    default_branch: project.defaultBranch,
    tag_list: project.topics,
    topics: project.topics,
    ssh_url_to_repo: `git@${host}:${fullPath}.git`,
    http_url_to_repo: `${world.instance.webUrl}/${fullPath}.git`,
    web_url: `${world.instance.webUrl}/${fullPath}`,
    readme_url: `${world.instance.webUrl}/${fullPath}/-/blob/${project.defaultBranch}/README.md`,
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
      web_url: group ? `${world.instance.webUrl}/groups/${namespace.fullPath}` : `${world.instance.webUrl}/${namespace.fullPath}`,
    },
  }
}

export function serializeJob(world: World, job: JobRecord, release: ServedRelease): RunnerJob {
  // Projects are never deleted and scenarios reject jobs of unknown projects.
  const project = world.projects.get(job.projectId)!
  const user = job.userId === null ? undefined : world.users.get(job.userId)
  const projectUrl = `${world.instance.webUrl}/${world.projectFullPath(project)}`
  const { pipeline, commit } = job
  const fields: RunnerJob = {
    id: job.id,
    status: job.status,
    stage: job.stage,
    name: job.name,
    ref: job.ref,
    tag: job.tag,
    coverage: job.coverage,
    allow_failure: job.allowFailure,
    created_at: iso(job.createdAt),
    started_at: isoOrNull(job.startedAt),
    finished_at: isoOrNull(job.finishedAt),
    erased_at: isoOrNull(job.erasedAt),
    duration: job.duration,
    queued_duration: job.queuedDuration,
    user: user ? serializeJobUser(world, user) : null,
    commit: {
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
    },
    pipeline: release.shown('JobPipeline', {
      id: pipeline.id,
      iid: pipeline.iid,
      project_id: pipeline.projectId,
      sha: pipeline.sha,
      ref: pipeline.ref,
      status: pipeline.status as Schemas['JobStatus'],
      source: pipeline.source,
      created_at: iso(pipeline.createdAt),
      updated_at: iso(pipeline.updatedAt),
      web_url: `${projectUrl}/-/pipelines/${pipeline.id}`,
    }),
    // Only failed jobs carry a failure_reason key (reference §3.6).
    ...(job.status === 'failed' ? { failure_reason: job.failureReason ?? 'unknown_failure' } : {}),
    web_url: `${projectUrl}/-/jobs/${job.id}`,
    project: projectIdentity(world, project),
  }
  // Up to 12.x a job named the address of the runner that ran it; the mock knows none (reference §3.6).
  const withAddress = release.has('property', 'RunnerJob.ip_address') ? { ...fields, ip_address: null } : fields
  return release.shown('RunnerJob', withAddress)
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

/** `GET /version` for the served release: an Enterprise Edition build of its first patch, KAS switched off. */
export function serializeVersion(release: ServedRelease): VersionInfo {
  const kas = release.shown('Metadata.kas', { enabled: false, externalUrl: null, externalK8sProxyUrl: null, version: null })
  return release.shown('Metadata', { version: `${release.label}.0-ee`, revision: MOCK_REVISION, kas, enterprise: true })
}
