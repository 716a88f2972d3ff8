// The only bridge from store records to GitLab's wire entities: which fields an entity shows, in
// GitLab's order (reference §3), with times as ISO strings at millisecond precision.
import type { components, operations } from '../generated/gitlab-runners.js'
import type { RunnerDetails as RunnerView } from '../store/runners.js'
import type {
  GroupRecord, JobRecord, Millis, ProjectRecord, RunnerManagerRecord, RunnerRecord, UserRecord,
} from '../store/records.js'
import {
  latestManager, managerJobExecutionStatus, managerStatus, runnerJobExecutionStatus, runnerOnline, runnerStatus,
} from '../store/status.js'
import type { World } from '../store/world.js'

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

export function serializeRunner(world: World, runner: RunnerRecord): Runner {
  const creator = runner.createdById === null ? undefined : world.users.get(runner.createdById)
  return {
    id: runner.id,
    description: runner.description,
    // Always null since 17.0; the address lives on the runner managers (reference §3.1).
    ip_address: null,
    active: runner.active,
    paused: !runner.active,
    is_shared: runner.runnerType === 'instance_type',
    runner_type: runner.runnerType,
    name: runner.name,
    online: runnerOnline(world, runner),
    // Absent, not null, for runners nobody created through the UI or API (reference §3.1).
    ...(creator ? { created_by: serializeUserBasic(world, creator) } : {}),
    created_at: iso(runner.createdAt),
    status: runnerStatus(world, runner),
    job_execution_status: runnerJobExecutionStatus(world, runner),
  }
}

/** `withProjects` is false for PUT, which no longer sends `projects` in the newest GitLab. */
export function serializeRunnerDetails(world: World, view: RunnerView, withProjects: boolean): RunnerDetails {
  const { runner } = view
  const manager = latestManager(world, runner)
  return {
    ...serializeRunner(world, runner),
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
    // Only callers who may update the runner read its note (reference §3.2, newest).
    maintenance_note: view.canUpdate ? runner.maintenanceNote : null,
    ...(withProjects ? { projects: view.projects.map((p) => serializeProject(world, p)) } : {}),
    groups: view.groups.map((g) => serializeGroup(world, g)),
  }
}

/** `POST /runners`, `POST /runners/verify`, `POST /user/runners`: the key token_expires_at is always present. */
export function serializeRegistrationDetails(runner: RunnerRecord): Schemas['RunnerRegistrationDetails'] {
  return { id: runner.id, token: runner.token, token_expires_at: isoOrNull(runner.tokenExpiresAt) }
}

export function serializeAuthenticationToken(result: { token: string; tokenExpiresAt: Millis | null }): Schemas['RunnerAuthenticationToken'] {
  return { token: result.token, token_expires_at: isoOrNull(result.tokenExpiresAt) }
}

export function serializeManager(world: World, manager: RunnerManagerRecord): RunnerManager {
  return {
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
  }
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

export function serializeJob(world: World, job: JobRecord): RunnerJob {
  // Projects are never deleted and scenarios reject jobs of unknown projects.
  const project = world.projects.get(job.projectId)!
  const user = job.userId === null ? undefined : world.users.get(job.userId)
  const projectUrl = `${world.instance.webUrl}/${world.projectFullPath(project)}`
  const { pipeline, commit } = job
  return {
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
    pipeline: {
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
    },
    // Only failed jobs carry a failure_reason key (reference §3.6).
    ...(job.status === 'failed' ? { failure_reason: job.failureReason ?? 'unknown_failure' } : {}),
    web_url: `${projectUrl}/-/jobs/${job.id}`,
    project: projectIdentity(world, project),
  }
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

/** `GET /version` for a release: an Enterprise Edition build of its first patch, KAS switched off. */
export function serializeVersion(release: { major: number; minor: number }): VersionInfo {
  return {
    version: `${release.major}.${release.minor}.0-ee`,
    revision: MOCK_REVISION,
    kas: { enabled: false, externalUrl: null, externalK8sProxyUrl: null, version: null },
    enterprise: true,
  }
}
