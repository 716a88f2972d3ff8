// Merged scenario specs -> the store's WorldData: resolves usernames and full paths, assigns the
// ids a file left out, fills GitLab's defaults and rejects worlds GitLab could not be in.
// Every problem points at the file and line that caused it.

import { createHash } from 'node:crypto'
import type {
  AccessLevel, AccessTokenRecord, CommitRecord, GroupRecord, InstanceRecord, JobRecord, JobStatus, Membership,
  Millis, PipelineRecord, ProjectRecord, RunnerManagerRecord, RunnerRecord, UserRecord, Visibility, WorldData,
} from '../store/records.js'
import { NEWEST_TOKEN_PREFIXES, runnerTokenPrefix, shapedRunnerToken, type RunnerTokenPrefixes } from '../store/secrets.js'
import type { InstanceSpec, JobSpec, RoleName, RunnerSpec, TimeSpec } from './format.js'
import { isSayable, parseDuration, parseTime, TIME_RANGE } from './relative-time.js'
import { ScenarioError, type ScenarioProblem } from './scenario-error.js'
import type { Located, MergedScenario, Site } from './source.js'
import { failAt, problemAt, siteAt } from './source.js'

const SECOND = 1_000
const HOUR = 3_600_000
const DAY = 86_400_000

const ROLE_LEVELS: Record<RoleName, AccessLevel> = { guest: 10, reporter: 20, developer: 30, maintainer: 40, owner: 50 }
const VISIBILITY_RANK: Record<Visibility, number> = { private: 0, internal: 1, public: 2 }

// Statuses in which GitLab has started (and, for the second set, finished) a job.
const STARTED: ReadonlySet<JobStatus> = new Set(['running', 'canceling', 'success', 'failed', 'canceled'])
const FINISHED: ReadonlySet<JobStatus> = new Set(['success', 'failed', 'canceled'])
const QUEUED: ReadonlySet<JobStatus> = new Set(['pending', 'waiting_for_resource', 'preparing', 'waiting_for_callback'])

const COMMIT_TITLES = [
  'Fix flaky integration test',
  'Bump runner image to alpine 3.20',
  'Add cache for node_modules',
  'Update README.md',
  'Merge branch \'feature/runner-tags\' into \'main\'',
  'Refactor pipeline configuration',
]

/** A stable pseudo-random string for `key`: the same scenario always yields the same tokens and shas. */
export function derive(key: string, length: number, encoding: 'base64url' | 'hex' = 'base64url'): string {
  return createHash('sha256').update(key).digest(encoding).slice(0, length)
}

/**
 * The world, or a ScenarioError with every problem found: the builder goes on past each broken entity.
 * A runner without a `token` gets one shaped as the served release issues them (`tokenPrefixes`).
 */
export function buildWorld(merged: MergedScenario, now: Millis, tokenPrefixes: RunnerTokenPrefixes = NEWEST_TOKEN_PREFIXES): WorldData {
  return new WorldBuilder(now, tokenPrefixes, merged.broken).build(merged)
}

type Kind = 'user' | 'group' | 'project'

// Thrown for a reference to an entity that already has its own problem: the entity referring to it
// is skipped without a second message, so one mistake is reported once.
class AlreadyReported extends ScenarioError {
  constructor() {
    super([])
  }
}

class WorldBuilder {
  private readonly usersByName = new Map<string, UserRecord>()
  private readonly groupsByPath = new Map<string, GroupRecord>()
  private readonly projectsByPath = new Map<string, ProjectRecord>()
  private readonly secrets = new Map<string, Site>()
  private readonly pipelinesById = new Map<number, { pipeline: PipelineRecord; at: Site }>()
  private readonly commitsBySha = new Map<string, CommitRecord>()
  private readonly autoPipelines: PipelineRecord[] = []
  private readonly iidByProject = new Map<number, number>()
  private readonly problems: ScenarioProblem[] = []
  /** Kinds whose whole phase failed (e.g. a duplicate id): references to them are not reported again. */
  private readonly failedKinds = new Set<Kind>()

  /** `broken` names entities (`user:alice`, `group:acme`) that already have a problem of their own. */
  constructor(
    private readonly now: Millis,
    private readonly tokenPrefixes: RunnerTokenPrefixes,
    private readonly broken: Set<string> = new Set(),
  ) {}

  build(merged: MergedScenario): WorldData {
    const instance = this.phase(undefined, () => this.instance(merged))
    const users = this.phase('user', () => this.users(merged)) ?? []
    const accessTokens = this.phase('user', () => this.tokens(merged)) ?? []
    const groups = this.phase('group', () => this.groups(merged)) ?? []
    const projects = this.phase('project', () => this.projects(merged)) ?? []
    const { runners, managers, jobs } = this.phase(undefined, () => this.runners(merged)) ?? { runners: [], managers: [], jobs: [] }
    const problems = [...merged.problems, ...this.problems]
    if (problems.length > 0 || instance === undefined) throw new ScenarioError(inReadingOrder(problems))
    // In id order, as the store keeps and exports them, whatever order the files used.
    return {
      instance,
      users: byId(users),
      accessTokens,
      groups: byId(groups),
      projects: byId(projects),
      runners: byId(runners),
      managers: byId(managers),
      jobs: byId(jobs),
    }
  }

  /** Runs one phase; its problems are kept, and the build goes on to report the next phase's. */
  private phase<T>(kind: Kind | undefined, run: () => T): T | undefined {
    try {
      return run()
    } catch (error) {
      if (!(error instanceof ScenarioError)) throw error
      this.problems.push(...error.problems)
      if (kind !== undefined) this.failedKinds.add(kind)
      return undefined
    }
  }

  /** Builds each item, keeping the problems of those that fail; `broken` names an item that failed. */
  private each<T, R>(items: Array<Located<T>>, build: (item: Located<T>) => R, broken?: (spec: T) => string): R[] {
    const built: R[] = []
    for (const item of items) {
      try {
        built.push(build(item))
      } catch (error) {
        if (!(error instanceof ScenarioError)) throw error
        this.problems.push(...error.problems)
        if (broken) this.broken.add(broken(item.spec))
      }
    }
    return built
  }

  /** Throws quietly when `name` could not be built: its own problem is already reported. */
  private missing(kind: Kind, name: string, at: Site, message: string): never {
    if (this.failedKinds.has(kind) || this.broken.has(`${kind}:${name}`)) throw new AlreadyReported()
    throw failAt(at, message)
  }

  private time(value: TimeSpec | undefined, at: Site, fallback: Millis | null): Millis | null {
    if (value === undefined) return fallback
    try {
      return parseTime(value, this.now)
    } catch (error) {
      throw failAt(at, (error as Error).message)
    }
  }

  /** A time that cannot be `never` (created_at and the like). */
  private moment(value: TimeSpec | undefined, at: Site, fallback: Millis): Millis {
    const millis = this.time(value, at, fallback)
    if (millis === null) throw failAt(at, 'cannot be never')
    return millis
  }

  /** Registration tokens and access tokens are secrets GitLab keeps unique; so do we. */
  private claimSecret(secret: string, at: Site): void {
    const first = this.secrets.get(secret)
    if (first !== undefined) {
      throw failAt(at, `the same token is already used at ${first.source.file}:${formatSite(first)}`)
    }
    this.secrets.set(secret, at)
  }

  private instance(merged: MergedScenario): InstanceRecord {
    const spec: InstanceSpec = Object.assign({}, ...merged.instance.map((item) => item.spec))
    const at = merged.instance.at(-1)?.at
    const registrationToken = spec.registration_token ?? `GR1348941${derive('instance', 20)}`
    if (at !== undefined) this.claimSecret(registrationToken, siteAt(at, 'registration_token'))
    return {
      webUrl: (spec.web_url ?? 'https://gitlab.example.com').replace(/\/+$/, ''),
      registrationToken,
      allowRegistrationToken: spec.allow_registration_token ?? true,
      runnerTokenExpirationInterval: spec.runner_token_expiration_interval ?? null,
    }
  }

  private users(merged: MergedScenario): UserRecord[] {
    const ids = idsFor(merged.users)
    return this.each(merged.users, ({ spec, at }) => {
      const key = spec.username.toLowerCase()
      if (this.usersByName.has(key)) throw failAt(siteAt(at, 'username'), `user '${spec.username}' is defined twice`)
      const user: UserRecord = {
        id: spec.id ?? ids.take(),
        username: spec.username,
        name: spec.name ?? spec.username,
        state: spec.state ?? 'active',
        admin: spec.admin ?? false,
        auditor: spec.auditor ?? false,
        publicEmail: spec.public_email ?? null,
        avatarUrl: spec.avatar_url ?? null,
        createdAt: this.moment(spec.created_at, siteAt(at, 'created_at'), this.now - 365 * DAY),
      }
      this.usersByName.set(key, user)
      return user
    }, (spec) => `user:${spec.username.toLowerCase()}`)
  }

  private tokens(merged: MergedScenario): AccessTokenRecord[] {
    return this.each(merged.users, ({ spec, at }) => {
      // A user who could not be built has its problem reported already; its tokens are not checked.
      const user = this.usersByName.get(spec.username.toLowerCase())
      if (user === undefined) return []
      return (spec.tokens ?? []).map((token, tokenIndex) => {
        const tokenAt = siteAt(at, 'tokens', tokenIndex)
        this.claimSecret(token.token, siteAt(tokenAt, 'token'))
        return {
          token: token.token,
          userId: user.id,
          scopes: [...token.scopes],
          expiresAt: this.time(token.expires_at, siteAt(tokenAt, 'expires_at'), null),
          revoked: token.revoked ?? false,
        }
      })
    }).flat()
  }

  private user(username: string, at: Site): UserRecord {
    const user = this.usersByName.get(username.toLowerCase())
    if (user === undefined) {
      this.missing('user', username.toLowerCase(), at, `no user '${username}' (users are: ${listOf([...this.usersByName.values()].map((u) => u.username))})`)
    }
    return user
  }

  private members(members: Record<string, RoleName> | undefined, at: Site): Membership[] {
    return Object.entries(members ?? {}).map(([username, role]) => ({
      userId: this.user(username, siteAt(at, 'members', username)).id,
      accessLevel: ROLE_LEVELS[role],
    }))
  }

  private groups(merged: MergedScenario): GroupRecord[] {
    const ids = idsFor(merged.groups)
    const claimed = this.each(merged.groups, ({ spec, at }) => {
      if (this.groupsByPath.has(spec.path)) throw failAt(siteAt(at, 'path'), `group '${spec.path}' is defined twice`)
      if (!spec.path.includes('/') && this.usersByName.has(spec.path.toLowerCase())) {
        throw failAt(siteAt(at, 'path'), `'${spec.path}' is already a user's namespace`)
      }
      this.groupsByPath.set(spec.path, {} as GroupRecord)
      return { spec, at }
    })
    const groups = this.each(claimed, ({ spec, at }) => {
      const group: GroupRecord = {
        id: spec.id ?? ids.take(),
        name: spec.name ?? lastSegment(spec.path),
        path: lastSegment(spec.path),
        parentId: null,
        visibility: spec.visibility ?? 'private',
        members: this.members(spec.members, at),
        sharedRunnersEnabled: spec.shared_runners_enabled ?? true,
        registrationToken: spec.registration_token ?? `GR1348941${derive(`group:${spec.path}`, 20)}`,
        allowRegistrationToken: spec.allow_registration_token ?? true,
        createdAt: this.moment(spec.created_at, siteAt(at, 'created_at'), this.now - 365 * DAY),
      }
      this.claimSecret(group.registrationToken, siteAt(at, 'registration_token'))
      this.groupsByPath.set(spec.path, group)
      return group
    }, (spec) => {
      this.groupsByPath.delete(spec.path)
      return `group:${spec.path}`
    })
    // Parents are linked once every group has its id, so a file may list a subgroup first.
    const built = claimed.filter(({ spec }) => !this.broken.has(`group:${spec.path}`))
    this.each(built, ({ spec, at }) => {
      const parentPath = namespaceOf(spec.path)
      if (parentPath === null) return
      const group = this.groupsByPath.get(spec.path) as GroupRecord
      const parent = this.group(parentPath, siteAt(at, 'path'))
      group.parentId = parent.id
      if (VISIBILITY_RANK[group.visibility] > VISIBILITY_RANK[parent.visibility]) {
        throw failAt(siteAt(at, 'visibility'), `a ${group.visibility} group cannot sit in ${parent.visibility} group '${parentPath}'`)
      }
    })
    return groups
  }

  private group(path: string, at: Site): GroupRecord {
    const group = this.groupsByPath.get(path)
    if (group === undefined) this.missing('group', path, at, `no group '${path}' (groups are: ${listOf([...this.groupsByPath.keys()])})`)
    return group
  }

  private projects(merged: MergedScenario): ProjectRecord[] {
    const ids = idsFor(merged.projects)
    return this.each(merged.projects, ({ spec, at }) => {
      const pathAt = siteAt(at, 'path')
      if (this.projectsByPath.has(spec.path)) throw failAt(pathAt, `project '${spec.path}' is defined twice`)
      const namespace = namespaceOf(spec.path)
      if (namespace === null) throw failAt(pathAt, `a project path needs a namespace: 'group/project' or 'username/project'`)
      const group = this.groupsByPath.get(namespace) ?? null
      const owner = group === null ? (this.usersByName.get(namespace.toLowerCase()) ?? null) : null
      if (group === null && owner === null && (this.broken.has(`group:${namespace}`) || this.broken.has(`user:${namespace.toLowerCase()}`))) {
        throw new AlreadyReported()
      }
      if (group === null && owner === null) {
        throw failAt(pathAt, `no group or user '${namespace}' (groups are: ${listOf([...this.groupsByPath.keys()])}; users are: ${listOf([...this.usersByName.values()].map((u) => u.username))})`)
      }
      const visibility = spec.visibility ?? 'private'
      if (group !== null && VISIBILITY_RANK[visibility] > VISIBILITY_RANK[group.visibility]) {
        throw failAt(siteAt(at, 'visibility'), `a ${visibility} project cannot sit in ${group.visibility} group '${namespace}'`)
      }
      const createdAt = this.moment(spec.created_at, siteAt(at, 'created_at'), this.now - 180 * DAY)
      const project: ProjectRecord = {
        id: spec.id ?? ids.take(),
        name: spec.name ?? lastSegment(spec.path),
        path: lastSegment(spec.path),
        description: spec.description ?? null,
        groupId: group?.id ?? null,
        ownerUserId: owner?.id ?? null,
        visibility,
        members: this.members(spec.members, at),
        sharedRunnersEnabled: spec.shared_runners_enabled ?? true,
        groupRunnersEnabled: spec.group_runners_enabled ?? true,
        registrationToken: spec.registration_token ?? `GR1348941${derive(`project:${spec.path}`, 20)}`,
        allowRegistrationToken: spec.allow_registration_token ?? true,
        defaultBranch: spec.default_branch ?? 'main',
        topics: [...(spec.topics ?? [])],
        createdAt,
        lastActivityAt: this.moment(spec.last_activity_at, siteAt(at, 'last_activity_at'), createdAt),
      }
      this.claimSecret(project.registrationToken, siteAt(at, 'registration_token'))
      this.projectsByPath.set(spec.path, project)
      return project
    }, (spec) => `project:${spec.path}`)
  }

  private project(path: string, at: Site): ProjectRecord {
    const project = this.projectsByPath.get(path)
    if (project === undefined) this.missing('project', path, at, `no project '${path}' (projects are: ${listOf([...this.projectsByPath.keys()])})`)
    return project
  }

  private runners(merged: MergedScenario): { runners: RunnerRecord[]; managers: RunnerManagerRecord[]; jobs: JobRecord[] } {
    const runnerIds = idsFor(merged.runners)
    const managerIds = idsFor(merged.runners.flatMap(({ spec, at }) =>
      (spec.managers ?? []).map((manager, index) => ({ spec: manager, at: siteAt(at, 'managers', index) }))))
    const jobIds = idsFor(merged.runners.flatMap(({ spec, at }) =>
      (spec.jobs ?? []).map((job, index) => ({ spec: job, at: siteAt(at, 'jobs', index) }))))
    const runners: RunnerRecord[] = []
    const managers: RunnerManagerRecord[] = []
    const jobs: JobRecord[] = []
    this.each(merged.runners, ({ spec, at }) => {
      const runner = this.runner(spec, at, runnerIds.take.bind(runnerIds))
      runners.push(runner)
      const ownManagers = (spec.managers ?? []).map((manager, index) => {
        const managerAt = siteAt(at, 'managers', index)
        if ((spec.managers ?? []).findIndex((other) => other.system_id === manager.system_id) !== index) {
          throw failAt(siteAt(managerAt, 'system_id'), `system_id '${manager.system_id}' is used twice on this runner`)
        }
        const createdAt = this.moment(manager.created_at, siteAt(managerAt, 'created_at'), runner.createdAt)
        return {
          id: manager.id ?? managerIds.take(),
          runnerId: runner.id,
          systemId: manager.system_id,
          version: manager.version ?? null,
          revision: manager.revision ?? null,
          platform: manager.platform ?? null,
          architecture: manager.architecture ?? null,
          ipAddress: manager.ip_address ?? null,
          createdAt,
          contactedAt: this.time(manager.contacted_at, siteAt(managerAt, 'contacted_at'), runner.contactedAt),
        }
      })
      managers.push(...ownManagers)
      for (const [index, job] of (spec.jobs ?? []).entries()) {
        jobs.push(...this.jobs(job, siteAt(at, 'jobs', index), runner, ownManagers, jobIds))
      }
    })
    // Pipelines the file did not number get ids after every numbered one, in file order.
    const pipelineIds = new Ids([...this.pipelinesById.keys()])
    for (const pipeline of this.autoPipelines) pipeline.id = pipelineIds.take()
    return { runners, managers, jobs }
  }

  private runner(spec: RunnerSpec, at: Site, nextId: () => number): RunnerRecord {
    const type = spec.runner_type
    const misplaced = ([
      ['group', type !== 'group_type'],
      ['project', type !== 'project_type'],
      ['projects', type !== 'project_type'],
    ] as const).find(([key, wrong]) => wrong && spec[key] !== undefined)
    if (misplaced !== undefined) {
      const [key] = misplaced
      const owner = key === 'group' ? 'group_type' : 'project_type'
      throw failAt(siteAt(at, key), `only a ${owner} runner has ${key === 'projects' ? 'further projects' : `an owner ${key}`}; this one is ${type}`)
    }
    if (type === 'group_type' && spec.group === undefined) throw failAt(at, 'a group_type runner needs its owner group')
    if (type === 'project_type' && spec.project === undefined) throw failAt(at, 'a project_type runner needs its owner project (the one it was created in)')

    const contactedAt = this.time(spec.contacted_at, siteAt(at, 'contacted_at'), null)
    const createdAt = this.moment(spec.created_at, siteAt(at, 'created_at'), (contactedAt ?? this.now) - DAY)
    if (contactedAt !== null && contactedAt < createdAt) {
      throw failAt(siteAt(at, 'contacted_at'), 'is before created_at; a runner cannot contact GitLab before it exists')
    }
    const tagList = [...new Set(spec.tag_list ?? [])]
    if (spec.run_untagged === false && tagList.length === 0) {
      throw failAt(siteAt(at, 'tag_list'), 'can not be empty when runner is not allowed to pick untagged jobs')
    }
    const projects: RunnerRecord['projects'] = []
    // An owner project of null was deleted: GitLab removed the runner from every project with it.
    if (spec.project === null && spec.projects !== undefined) throw failAt(siteAt(at, 'projects'), 'a runner whose owner project was deleted (project: null) has no projects left')
    if (typeof spec.project === 'string') {
      projects.push({ projectId: this.project(spec.project, siteAt(at, 'project')).id, createdAt })
      for (const [index, path] of (spec.projects ?? []).entries()) {
        const projectAt = siteAt(at, 'projects', index)
        if (path === spec.project) throw failAt(projectAt, `'${path}' is already the owner project`)
        projects.push({ projectId: this.project(path, projectAt).id, createdAt })
      }
    }
    const registrationType = spec.registration_type
      ?? (spec.token === undefined || spec.token.startsWith('glrt-') ? 'authenticated_user' : 'registration_token')
    const id = spec.id ?? nextId()
    const token = spec.token ?? shapedRunnerToken(runnerTokenPrefix(this.tokenPrefixes, registrationType), derive(`runner:${id}`, 20))
    this.claimSecret(token, siteAt(at, 'token'))
    return {
      id,
      runnerType: type,
      description: spec.description ?? null,
      name: spec.name ?? null,
      active: !(spec.paused ?? false),
      locked: spec.locked ?? false,
      runUntagged: spec.run_untagged ?? true,
      tagList,
      accessLevel: spec.access_level ?? 'not_protected',
      maximumTimeout: spec.maximum_timeout ?? null,
      maintenanceNote: spec.maintenance_note ?? null,
      token,
      tokenExpiresAt: this.time(spec.token_expires_at, siteAt(at, 'token_expires_at'), null),
      createdAt,
      updatedAt: this.moment(spec.updated_at, siteAt(at, 'updated_at'), createdAt),
      contactedAt,
      createdById: spec.created_by === undefined || spec.created_by === null
        ? null
        : this.user(spec.created_by, siteAt(at, 'created_by')).id,
      groupId: spec.group === undefined ? null : this.group(spec.group, siteAt(at, 'group')).id,
      projects,
      registrationType,
    }
  }

  private jobs(spec: JobSpec, at: Site, runner: RunnerRecord, managers: RunnerManagerRecord[], ids: Ids): JobRecord[] {
    const project = this.project(spec.project, siteAt(at, 'project'))
    const user = spec.user === undefined || spec.user === null ? null : this.user(spec.user, siteAt(at, 'user'))
    let manager = managers[0] ?? null
    if (spec.manager !== undefined) {
      manager = managers.find((candidate) => candidate.systemId === spec.manager) ?? null
      if (manager === null) {
        throw failAt(siteAt(at, 'manager'), `no manager '${spec.manager}' on this runner (managers are: ${listOf(managers.map((m) => m.systemId))})`)
      }
    }
    const status = spec.status ?? 'success'
    if (spec.failure_reason !== undefined && spec.failure_reason !== null && status !== 'failed') {
      throw failAt(siteAt(at, 'failure_reason'), `only a failed job has a failure_reason; this one is ${status}`)
    }
    let every = HOUR
    if (spec.every !== undefined) {
      try {
        every = parseDuration(spec.every)
      } catch (error) {
        throw failAt(siteAt(at, 'every'), (error as Error).message)
      }
    }
    const count = spec.count ?? 1
    const created = this.moment(spec.created_at, siteAt(at, 'created_at'), this.now - HOUR)
    const started = this.time(spec.started_at, siteAt(at, 'started_at'), null)
    const finished = this.time(spec.finished_at, siteAt(at, 'finished_at'), null)
    const erased = this.time(spec.erased_at, siteAt(at, 'erased_at'), null)
    if (!isSayable(created - (count - 1) * every)) {
      throw failAt(siteAt(at, spec.every === undefined ? 'count' : 'every'), `${count} copies ${spec.every ?? '1h'} apart reach outside what a date-time can say (${TIME_RANGE})`)
    }
    const jobs: JobRecord[] = []
    // Copies run from the oldest to the newest, so ids grow with time as they do in GitLab.
    for (let copy = 0; copy < count; copy += 1) {
      const shift = (count - 1 - copy) * every
      const createdAt = created - shift
      const queuedSeconds = spec.queued_duration ?? (QUEUED.has(status) ? (this.now - createdAt) / SECOND : 3)
      const startedAt = STARTED.has(status) ? (started === null ? createdAt + queuedSeconds * SECOND : started - shift) : null
      const finishedAt = FINISHED.has(status) && startedAt !== null
        ? (finished === null ? startedAt + (spec.duration ?? 120) * SECOND : finished - shift)
        : null
      if (finishedAt !== null && !isSayable(finishedAt)) {
        const lasting = spec.duration === undefined ? 'the default 120 seconds' : `${spec.duration} seconds`
        throw failAt(siteAt(at, spec.duration === undefined ? 'started_at' : 'duration'), `a job of ${lasting} finishes outside what a date-time can say (${TIME_RANGE})`)
      }
      const duration = spec.duration
        ?? (startedAt === null ? null : ((finishedAt ?? this.now) - startedAt) / SECOND)
      const ref = spec.ref ?? project.defaultBranch
      const pipeline = this.pipeline(spec, at, project, ref, status, createdAt, finishedAt ?? startedAt ?? createdAt, user)
      jobs.push({
        id: spec.id === undefined ? ids.take() : spec.id + copy,
        runnerId: runner.id,
        runnerManagerId: manager?.id ?? null,
        projectId: project.id,
        userId: user?.id ?? null,
        status,
        stage: spec.stage ?? 'test',
        name: spec.name ?? spec.stage ?? 'test',
        ref,
        tag: spec.tag ?? false,
        coverage: spec.coverage ?? null,
        allowFailure: spec.allow_failure ?? false,
        createdAt,
        startedAt,
        finishedAt,
        erasedAt: erased,
        duration,
        queuedDuration: QUEUED.has(status) || startedAt !== null ? queuedSeconds : null,
        failureReason: status === 'failed' ? (spec.failure_reason ?? 'script_failure') : null,
        pipeline,
        commit: this.commitsBySha.get(pipeline.sha) as CommitRecord,
      })
    }
    return jobs
  }

  private pipeline(
    spec: JobSpec, at: Site, project: ProjectRecord, ref: string, status: JobStatus,
    createdAt: Millis, updatedAt: Millis, user: UserRecord | null,
  ): PipelineRecord {
    const pipelineAt = siteAt(at, 'pipeline')
    const explicitId = spec.pipeline?.id
    if (explicitId !== undefined) {
      const shared = this.pipelinesById.get(explicitId)
      if (shared !== undefined) {
        if (shared.pipeline.projectId !== project.id) {
          throw failAt(siteAt(pipelineAt, 'id'), `pipeline ${explicitId} belongs to another project (see ${shared.at.source.file}:${formatSite(shared.at)})`)
        }
        shared.pipeline.updatedAt = Math.max(shared.pipeline.updatedAt, updatedAt)
        return shared.pipeline
      }
    }
    const pipelineCreatedAt = this.moment(spec.pipeline?.created_at, siteAt(pipelineAt, 'created_at'), createdAt - 5 * SECOND)
    const commit = this.commit(spec, at, project, pipelineCreatedAt - 60 * SECOND, user)
    const iid = spec.pipeline?.iid ?? (this.iidByProject.get(project.id) ?? 0) + 1
    this.iidByProject.set(project.id, Math.max(iid, this.iidByProject.get(project.id) ?? 0))
    const pipeline: PipelineRecord = {
      id: explicitId ?? 0,
      iid,
      projectId: project.id,
      sha: commit.id,
      ref,
      status: spec.pipeline?.status ?? status,
      source: spec.pipeline?.source ?? 'push',
      createdAt: pipelineCreatedAt,
      updatedAt,
    }
    if (explicitId === undefined) this.autoPipelines.push(pipeline)
    else this.pipelinesById.set(explicitId, { pipeline, at: pipelineAt })
    return pipeline
  }

  private commit(spec: JobSpec, at: Site, project: ProjectRecord, createdAt: Millis, user: UserRecord | null): CommitRecord {
    const given = spec.commit ?? {}
    const sha = given.sha ?? derive(`commit:${project.id}:${this.commitsBySha.size}`, 40, 'hex')
    const shared = this.commitsBySha.get(sha)
    if (shared !== undefined) return shared
    const commitCreatedAt = this.moment(given.created_at, siteAt(at, 'commit', 'created_at'), createdAt)
    const title = given.title ?? COMMIT_TITLES[this.commitsBySha.size % COMMIT_TITLES.length] ?? 'Update README.md'
    const authorName = given.author_name ?? user?.name ?? 'Jane Doe'
    const authorEmail = given.author_email ?? `${(user?.username ?? 'jane.doe').toLowerCase()}@example.com`
    const commit: CommitRecord = {
      id: sha,
      shortId: sha.slice(0, 8),
      title,
      message: given.message ?? title,
      authorName,
      authorEmail,
      authoredDate: commitCreatedAt,
      committerName: authorName,
      committerEmail: authorEmail,
      committedDate: commitCreatedAt,
      createdAt: commitCreatedAt,
      parentIds: given.parent_ids ?? [derive(`parent:${sha}`, 40, 'hex')],
    }
    this.commitsBySha.set(sha, commit)
    return commit
  }
}

/** Hands out ids above every id a file gave for that kind, in document order. */
export class Ids {
  private next: number
  constructor(taken: Iterable<number>) {
    let highest = 0
    for (const id of taken) highest = Math.max(highest, id)
    this.next = highest + 1
  }
  take(): number {
    return this.next++
  }
}

/** Problems file by file (in the order the files were read), each file's from top to bottom. */
function inReadingOrder(problems: ScenarioProblem[]): ScenarioProblem[] {
  const files = [...new Set(problems.map((p) => p.file))]
  return problems
    .map((problem, order) => ({ problem, order }))
    .sort((a, b) => files.indexOf(a.problem.file) - files.indexOf(b.problem.file) || (a.problem.line ?? 0) - (b.problem.line ?? 0) || a.order - b.order)
    .map(({ problem }) => problem)
}

function idsFor(items: Array<Located<{ id?: number; count?: number }>>): Ids {
  const seen = new Map<number, Site>()
  const taken: number[] = []
  for (const { spec, at } of items) {
    if (spec.id === undefined) continue
    for (let copy = 0; copy < (spec.count ?? 1); copy += 1) {
      const id = spec.id + copy
      const first = seen.get(id)
      if (first !== undefined) {
        throw failAt(siteAt(at, 'id'), `id ${id} is already used at ${first.source.file}:${formatSite(first)}`)
      }
      seen.set(id, at)
      taken.push(id)
    }
  }
  return new Ids(taken)
}

function formatSite(at: Site): string {
  return String(problemAt(at, '').line ?? '?')
}

function byId<T extends { id: number }>(records: T[]): T[] {
  return records.sort((a, b) => a.id - b.id)
}

function namespaceOf(path: string): string | null {
  const slash = path.lastIndexOf('/')
  return slash === -1 ? null : path.slice(0, slash)
}

function lastSegment(path: string): string {
  return path.slice(path.lastIndexOf('/') + 1)
}

function listOf(names: string[]): string {
  return names.length === 0 ? 'none' : names.join(', ')
}
