// Seeded bulk worlds: `generate: { runners, jobs_per_runner, seed, ... }` -> extra users, groups,
// projects, runners, managers and jobs, identical byte for byte for the same seed and `now`.
// Faker draws the realistic parts once per entity; per-job choices come from a cheap PRNG seeded
// by faker, and jobs share a small pool of pipelines and commits per project and go straight into a
// compact JobTable (no object per job kept), so 100k runners and 500k jobs fit in seconds and a modest heap.

import { createRequire } from 'node:module'
import type { Faker } from '@faker-js/faker'
import type {
  AccessLevel, CommitRecord, GroupRecord, JobRecord, JobStatus, Millis, PipelineRecord, ProjectRecord,
  RunnerManagerRecord, RunnerRecord, RunnerType, UserRecord, Visibility, WorldData,
} from '../store/records.js'
import { JobTableBuilder } from '../store/job-table.js'
import { NEWEST_TOKEN_PREFIXES, runnerTokenPrefix, shapedRunnerToken, type RunnerTokenPrefixes } from '../store/secrets.js'
import type { GenerateSpec } from './format.js'
import { mulberry32 } from './seeded-random.js'

const requireModule = createRequire(import.meta.url)

/**
 * A new English faker, loaded on the first scenario that generates. Only the English locale's entry
 * (`@faker-js/faker/locale/en`, ~20 ms) is loaded, not the package's, which loads every locale
 * (~150 ms of start-up). That entry exports only a shared instance; each generator gets its own
 * from the same class and definitions, so seeding one never disturbs another.
 */
function englishFaker(): Faker {
  const { faker } = requireModule('@faker-js/faker/locale/en') as { faker: Faker }
  const FakerClass = faker.constructor as typeof Faker
  return new FakerClass({ locale: faker.rawDefinitions })
}

const MINUTE = 60_000
const HOUR = 60 * MINUTE
const DAY = 24 * HOUR
const PIPELINES_PER_PROJECT = 16

// Real gitlab-runner releases and their commit revisions, oldest first.
const RELEASES: ReadonlyArray<readonly [string, string]> = [
  ['15.11.1', '074fa0ca'], ['16.5.0', '853330f9'], ['16.11.1', '535ced5f'], ['17.0.0', '44feccdf'],
  ['17.3.1', '66269445'], ['17.5.0', 'c9164c8c'], ['17.8.3', '690ce25c'], ['17.11.2', '1ead4e16'],
  ['18.0.2', '4d7093e1'], ['18.1.1', '2b813ade'], ['18.2.0', '8f4ee33b'],
]

interface Machine {
  platform: string
  architecture: string
  tags: readonly string[]
  label: string
}

const MACHINES: ReadonlyArray<readonly [number, Machine]> = [
  [45, { platform: 'linux', architecture: 'amd64', tags: ['linux', 'docker', 'amd64', 'dind', 'large', 'build', 'test'], label: 'docker' }],
  [12, { platform: 'linux', architecture: 'amd64', tags: ['linux', 'kubernetes', 'k8s', 'amd64', 'autoscale', 'deploy'], label: 'k8s' }],
  [13, { platform: 'linux', architecture: 'arm64', tags: ['linux', 'docker', 'arm64', 'graviton', 'build'], label: 'arm64' }],
  [6, { platform: 'linux', architecture: 'amd64', tags: ['linux', 'gpu', 'cuda', 'nvidia', 'ml', 'xlarge'], label: 'gpu' }],
  [5, { platform: 'linux', architecture: 'amd64', tags: ['linux', 'shell', 'amd64', 'protected', 'deploy', 'terraform'], label: 'shell' }],
  [10, { platform: 'windows', architecture: 'amd64', tags: ['windows', 'shell', 'powershell', 'msbuild', 'dotnet'], label: 'windows' }],
  [7, { platform: 'darwin', architecture: 'arm64', tags: ['macos', 'arm64', 'xcode', 'ios', 'shell'], label: 'macos' }],
  [2, { platform: 'freebsd', architecture: 'amd64', tags: ['freebsd', 'shell', 'amd64'], label: 'freebsd' }],
]

const PURPOSES = ['builder', 'ci', 'runner', 'autoscaler', 'tests', 'release', 'deploy', 'nightly', 'perf']
const REGIONS = ['eu-west-1', 'eu-central-1', 'us-east-1', 'us-west-2', 'ap-southeast-1', 'on-prem', 'dc1', 'dc2']
const STAGES: ReadonlyArray<readonly [string, readonly string[]]> = [
  ['build', ['build', 'compile', 'docker-build', 'assets']],
  ['test', ['unit-tests', 'integration-tests', 'lint', 'rspec 1/4', 'rspec 2/4', 'e2e', 'sast']],
  ['deploy', ['deploy-staging', 'deploy-production', 'pages', 'release']],
]
const FINAL_STATUSES: ReadonlyArray<readonly [number, JobStatus]> = [
  [72, 'success'], [14, 'failed'], [6, 'canceled'], [3, 'skipped'], [3, 'manual'], [2, 'created'],
]
const FAILURE_REASONS = ['script_failure', 'script_failure', 'script_failure', 'job_execution_timeout', 'runner_system_failure', 'stuck_or_timeout_failure']
const REFS = ['main', 'main', 'main', 'develop', 'feature/runner-tags', 'fix/flaky-spec', 'release/17.5']

/** The world `spec` adds to `base`, ids continuing after every id in `base`. */
export function generateWorld(base: WorldData, spec: GenerateSpec, now: Millis): WorldData {
  return new Generator(base, spec, now).run()
}

/**
 * `world` (generated on a base of `baseRunners` runners) with its generated runners' tokens shaped as
 * a release of `prefixes` issues them. The generator writes the newest release's shapes, in the
 * prebuilt world too; the secret part stays, so the same seed gives the same tokens in every release.
 */
export function reshapeGeneratedTokens(world: WorldData, baseRunners: number, prefixes: RunnerTokenPrefixes = NEWEST_TOKEN_PREFIXES): WorldData {
  if (prefixes.registered === NEWEST_TOKEN_PREFIXES.registered && prefixes.created === NEWEST_TOKEN_PREFIXES.created) return world
  for (const runner of world.runners.slice(baseRunners)) {
    const body = runner.token.slice(runnerTokenPrefix(NEWEST_TOKEN_PREFIXES, runner.registrationType).length)
    runner.token = shapedRunnerToken(runnerTokenPrefix(prefixes, runner.registrationType), body)
  }
  return world
}

class Generator {
  private readonly faker = englishFaker()
  private readonly random: () => number
  private readonly users: UserRecord[] = []
  private readonly groups: GroupRecord[] = []
  private readonly projects: ProjectRecord[] = []
  private readonly runners: RunnerRecord[] = []
  private readonly managers: RunnerManagerRecord[] = []
  private readonly jobs: JobTableBuilder
  private readonly projectsByGroup = new Map<number, ProjectRecord[]>()
  private readonly projectsById = new Map<number, ProjectRecord>()
  private readonly newPipelines: PipelineRecord[] = []
  private readonly pipelinesByProject = new Map<number, PipelineRecord[]>()
  private readonly commitsBySha = new Map<string, CommitRecord>()
  private readonly takenNames = new Set<string>()
  /** Texts many runners share (about 20 000 descriptions for 100 000 runners), kept once each. */
  private readonly texts = new Map<string, string>()

  constructor(private readonly base: WorldData, private readonly spec: GenerateSpec, private readonly now: Millis) {
    this.faker.seed(spec.seed)
    this.random = mulberry32(this.faker.number.int(0xffffffff))
    this.jobs = new JobTableBuilder(base.jobs.length + (spec.runners ?? 0) * (spec.jobs_per_runner ?? 0))
    for (const user of base.users) this.takenNames.add(user.username.toLowerCase())
    for (const group of base.groups) if (group.parentId === null) this.takenNames.add(group.path.toLowerCase())
  }

  run(): WorldData {
    const runnerCount = this.spec.runners ?? 0
    this.makeUsers(this.spec.users ?? clamp(Math.ceil(runnerCount / 500), 10, 500))
    this.makeGroups(this.spec.groups ?? clamp(Math.ceil(runnerCount / 2_000), 3, 2_000))
    this.makeProjects(this.spec.projects ?? clamp(Math.ceil(runnerCount / 200), 5, 20_000))
    this.makeRunners(runnerCount, this.spec.jobs_per_runner ?? 0)
    let pipelineId = nextId([...this.base.jobs].map((job) => job.pipeline))
    for (const pipeline of this.newPipelines) pipeline.id = pipelineId++
    return {
      instance: this.base.instance,
      users: [...this.base.users, ...this.users],
      accessTokens: this.base.accessTokens,
      groups: [...this.base.groups, ...this.groups],
      projects: [...this.base.projects, ...this.projects],
      runners: [...this.base.runners, ...this.runners],
      managers: [...this.base.managers, ...this.managers],
      jobs: this.jobs.build(),
    }
  }

  private pick<T>(items: readonly T[]): T {
    return items[Math.floor(this.random() * items.length)] as T
  }

  private weighted<T>(table: ReadonlyArray<readonly [number, T]>): T {
    const total = table.reduce((sum, [weight]) => sum + weight, 0)
    let roll = this.random() * total
    for (const [weight, value] of table) {
      roll -= weight
      if (roll < 0) return value
    }
    return (table.at(-1) as readonly [number, T])[1]
  }

  private interned(text: string): string {
    let kept = this.texts.get(text)
    if (kept === undefined) {
      kept = flat(text)
      this.texts.set(kept, kept)
    }
    return kept
  }

  private uniqueName(wanted: string): string {
    const slug = wanted.toLowerCase().replace(/[^a-z0-9_.-]+/g, '-').replace(/^[-.]+|[-.]+$/g, '') || 'x'
    let name = slug
    for (let n = 2; this.takenNames.has(name); n += 1) name = `${slug}-${n}`
    this.takenNames.add(name)
    return name
  }

  private makeUsers(count: number): void {
    let id = nextId(this.base.users)
    for (let index = 0; index < count; index += 1) {
      const first = this.faker.person.firstName()
      const last = this.faker.person.lastName()
      const username = this.uniqueName(`${first}.${last}`)
      this.users.push({
        id: id++,
        username,
        name: `${first} ${last}`,
        state: this.random() < 0.97 ? 'active' : 'blocked',
        admin: false,
        auditor: false,
        publicEmail: this.random() < 0.4 ? `${username}@example.com` : null,
        avatarUrl: null,
        createdAt: this.now - Math.floor(30 + this.random() * 1_500) * DAY,
      })
    }
  }

  private members(levels: readonly AccessLevel[]): GroupRecord['members'] {
    const used = new Set<number>()
    const members: GroupRecord['members'] = []
    for (const accessLevel of levels) {
      if (this.users.length === 0) break
      const user = this.pick(this.users)
      if (used.has(user.id)) continue
      used.add(user.id)
      members.push({ userId: user.id, accessLevel })
    }
    return members
  }

  private makeGroups(count: number): void {
    let id = nextId(this.base.groups)
    for (let index = 0; index < count; index += 1) {
      // A third of the groups are top-level; the rest nest under an earlier generated group.
      const parent = index === 0 || this.random() < 0.34 ? null : this.pick(this.groups)
      const name = parent === null ? this.faker.company.name() : `${this.faker.commerce.department()} ${this.faker.hacker.noun()}`
      const path = parent === null ? this.uniqueName(name) : `${name.toLowerCase().replace(/[^a-z0-9]+/g, '-')}-${index}`
      const visibility = capVisibility(this.weighted<Visibility>([[55, 'private'], [30, 'internal'], [15, 'public']]), parent?.visibility)
      this.groups.push({
        id: id++,
        name,
        path,
        parentId: parent?.id ?? null,
        visibility,
        members: this.members([50, 40, 30, 30, 20]),
        sharedRunnersEnabled: this.random() < 0.9,
        registrationToken: `GR1348941${token(this.random, 12)}${id.toString(36)}`,
        allowRegistrationToken: this.random() < 0.85,
        createdAt: this.now - Math.floor(60 + this.random() * 1_400) * DAY,
      })
    }
  }

  private makeProjects(count: number): void {
    let id = nextId(this.base.projects)
    for (let index = 0; index < count; index += 1) {
      const group = this.groups.length > 0 ? this.pick(this.groups) : null
      // Without generated groups, projects live in generated users' personal namespaces.
      const owner = group === null && this.users.length > 0 ? this.pick(this.users) : null
      if (group === null && owner === null) return
      const name = `${this.faker.hacker.adjective()} ${this.faker.hacker.noun()}`
      const createdAt = this.now - Math.floor(10 + this.random() * 1_000) * DAY
      const project: ProjectRecord = {
        id: id++,
        name,
        path: `${name.toLowerCase().replace(/[^a-z0-9]+/g, '-')}-${index}`,
        description: this.random() < 0.7 ? this.faker.company.catchPhrase() : null,
        groupId: group?.id ?? null,
        ownerUserId: owner?.id ?? null,
        visibility: capVisibility(this.weighted<Visibility>([[60, 'private'], [25, 'internal'], [15, 'public']]), group?.visibility),
        members: this.members([40, 30, 30, 20]),
        sharedRunnersEnabled: this.random() < 0.9,
        groupRunnersEnabled: this.random() < 0.9,
        registrationToken: `GR1348941${token(this.random, 12)}${id.toString(36)}`,
        allowRegistrationToken: this.random() < 0.85,
        defaultBranch: 'main',
        topics: this.random() < 0.5 ? [this.faker.hacker.noun()] : [],
        createdAt,
        lastActivityAt: createdAt + Math.floor(this.random() * (this.now - createdAt)),
      }
      this.projects.push(project)
      this.projectsById.set(project.id, project)
      if (group !== null) {
        const list = this.projectsByGroup.get(group.id) ?? []
        list.push(project)
        this.projectsByGroup.set(group.id, list)
      }
    }
  }

  private makeRunners(count: number, jobsPerRunner: number): void {
    let id = nextId(this.base.runners)
    let managerId = nextId(this.base.managers)
    let jobId = nextId(this.base.jobs)
    for (const job of this.base.jobs) this.jobs.add(job)
    for (let index = 0; index < count; index += 1) {
      const runnerId = id++
      const machine = this.weighted(MACHINES)
      const type = this.weighted<RunnerType>([
        [10, 'instance_type'],
        [this.groups.length > 0 ? 30 : 0, 'group_type'],
        [this.projects.length > 0 ? 60 : 0, 'project_type'],
      ])
      const { createdAt, contactedAt, active } = this.lifetime()
      const group = type === 'group_type' ? this.pick(this.groups) : null
      const projects = type === 'project_type' ? this.runnerProjects(createdAt) : []
      const registered = this.random() < 0.35
      const tagList = this.tags(machine)
      const region = this.pick(REGIONS)
      this.runners.push({
        id: runnerId,
        runnerType: type,
        description: this.interned(`${machine.label}-${this.pick(PURPOSES)}-${region}-${String(1 + (index % 40)).padStart(2, '0')}`),
        name: registered ? flat(`gitlab-runner-${token(this.random, 6).toLowerCase()}`) : null,
        active,
        locked: type === 'project_type' && this.random() < 0.3,
        runUntagged: tagList.length === 0 || this.random() < 0.4,
        tagList,
        accessLevel: this.random() < 0.15 ? 'ref_protected' : 'not_protected',
        maximumTimeout: this.random() < 0.3 ? this.pick([3_600, 7_200, 10_800, 86_400]) : null,
        maintenanceNote: this.random() < 0.05 ? this.interned(`Scheduled for OS upgrade by ${this.faker.person.firstName()}`) : null,
        // The newest release's shape; reshapeGeneratedTokens gives another release's.
        token: flat(`${registered ? NEWEST_TOKEN_PREFIXES.registered : NEWEST_TOKEN_PREFIXES.created}${token(this.random, 11)}${runnerId.toString(36).padStart(9, '0')}`),
        tokenExpiresAt: null,
        createdAt,
        updatedAt: createdAt,
        contactedAt,
        createdById: registered || this.users.length === 0 ? null : this.pick(this.users).id,
        groupId: group?.id ?? null,
        projects,
        registrationType: registered ? 'registration_token' : 'authenticated_user',
      })
      if (contactedAt === null) continue
      const firstManager = managerId
      const managerCount = this.random() < 0.15 ? 2 : 1
      for (let m = 0; m < managerCount; m += 1) {
        const [version, revision] = this.pick(RELEASES)
        const privateNet = this.random() < 0.7
        this.managers.push({
          id: managerId++,
          runnerId,
          systemId: flat(`${this.random() < 0.8 ? 's' : 'r'}_${token(this.random, 12, HEX)}`),
          version,
          revision,
          platform: machine.platform,
          architecture: machine.architecture,
          ipAddress: flat(privateNet ? `10.${this.pick(OCTETS)}.${this.pick(OCTETS)}.${1 + this.pick(OCTETS) % 254}` : this.faker.internet.ipv4()),
          createdAt,
          contactedAt: m === 0 ? contactedAt : contactedAt - Math.floor(this.random() * 3 * DAY),
        })
      }
      for (let k = 0; k < jobsPerRunner; k += 1) {
        this.jobs.add(this.job(jobId++, runnerId, firstManager, type, group, projects, contactedAt, active, jobsPerRunner - 1 - k))
      }
    }
  }

  /** Created and last-contact times spread so every status appears: online, offline, stale, never contacted, paused. */
  private lifetime(): { createdAt: Millis; contactedAt: Millis | null; active: boolean } {
    const kind = this.weighted([[50, 'online'], [18, 'offline'], [12, 'stale'], [8, 'never'], [12, 'paused']] as const)
    const ageDays = (min: number, max: number): Millis => this.now - Math.floor((min + this.random() * (max - min)) * DAY)
    switch (kind) {
      case 'online':
        return { createdAt: ageDays(1, 700), contactedAt: this.now - Math.floor(this.random() * 110 * MINUTE), active: true }
      case 'offline': {
        const createdAt = ageDays(8, 700)
        return { createdAt, contactedAt: this.now - 2 * HOUR - Math.floor(this.random() * 6.9 * DAY), active: true }
      }
      case 'stale': {
        const createdAt = ageDays(30, 900)
        const contactedAt = this.random() < 0.2 ? null : Math.min(this.now - 8 * DAY, createdAt + Math.floor(this.random() * (this.now - 8 * DAY - createdAt)))
        return { createdAt, contactedAt, active: true }
      }
      case 'never':
        return { createdAt: this.now - Math.floor(this.random() * 6 * DAY), contactedAt: null, active: true }
      case 'paused':
        return { createdAt: ageDays(3, 700), contactedAt: this.now - Math.floor(this.random() * 3 * DAY), active: false }
    }
  }

  private runnerProjects(createdAt: Millis): RunnerRecord['projects'] {
    const owner = this.pick(this.projects)
    const links = [{ projectId: owner.id, createdAt }]
    // About one project runner in ten serves further projects, as shared team runners do.
    if (this.random() < 0.1) {
      const extra = this.pick(this.projects)
      if (extra.id !== owner.id) links.push({ projectId: extra.id, createdAt: createdAt + Math.floor(this.random() * DAY) })
    }
    return links
  }

  private tags(machine: Machine): string[] {
    const count = Math.floor(this.random() * 4)
    const tags = new Set<string>()
    for (let n = 0; n < count; n += 1) tags.add(this.pick(machine.tags))
    return [...tags]
  }

  private job(
    id: number, runnerId: number, managerId: number, type: RunnerType, group: GroupRecord | null,
    links: RunnerRecord['projects'], contactedAt: Millis, active: boolean, age: number,
  ): JobRecord {
    const project = this.jobProject(type, group, links)
    // The newest job of a busy, online runner is still running; older ones have finished.
    const running = age === 0 && active && this.now - contactedAt < 5 * MINUTE && this.random() < 0.6
    const status: JobStatus = running ? 'running' : this.weighted(FINAL_STATUSES)
    const createdAt = contactedAt - age * (20 + Math.floor(this.random() * 220)) * MINUTE - Math.floor(this.random() * 20 * MINUTE)
    const queued = Math.round(this.random() * 30_000) / 1_000
    const started = status === 'running' || status === 'success' || status === 'failed' || status === 'canceled'
    const startedAt = started ? createdAt + Math.round(queued * 1_000) : null
    const runSeconds = 20 + Math.floor(this.random() * 1_800)
    const finishedAt = startedAt !== null && status !== 'running' ? startedAt + runSeconds * 1_000 : null
    const [stage, names] = this.pick(STAGES)
    const pipeline = this.pipeline(project, createdAt, status)
    return {
      id,
      runnerId,
      runnerManagerId: managerId,
      projectId: project.id,
      userId: project.members.length > 0 ? this.pick(project.members).userId : null,
      status,
      stage,
      name: this.pick(names),
      ref: pipeline.ref,
      tag: false,
      coverage: stage === 'test' && status === 'success' && this.random() < 0.5 ? Math.round(this.random() * 10_000) / 100 : null,
      allowFailure: this.random() < 0.05,
      createdAt,
      startedAt,
      finishedAt,
      erasedAt: null,
      duration: startedAt === null ? null : ((finishedAt ?? this.now) - startedAt) / 1_000,
      queuedDuration: startedAt === null ? null : queued,
      failureReason: status === 'failed' ? this.pick(FAILURE_REASONS) : null,
      pipeline,
      commit: this.commitsBySha.get(pipeline.sha) as CommitRecord,
    }
  }

  private jobProject(type: RunnerType, group: GroupRecord | null, links: RunnerRecord['projects']): ProjectRecord {
    if (type === 'project_type') {
      return this.projectsById.get(this.pick(links).projectId) ?? this.pick(this.projects)
    }
    const inGroup = group === null ? undefined : this.projectsByGroup.get(group.id)
    return inGroup !== undefined && inGroup.length > 0 ? this.pick(inGroup) : this.pick(this.projects)
  }

  /** One of the project's pooled pipelines (made on first use), each with its own commit. */
  private pipeline(project: ProjectRecord, jobCreatedAt: Millis, status: JobStatus): PipelineRecord {
    let pool = this.pipelinesByProject.get(project.id)
    if (pool === undefined) {
      pool = []
      this.pipelinesByProject.set(project.id, pool)
    }
    if (pool.length < PIPELINES_PER_PROJECT) {
      const sha = this.faker.git.commitSha()
      const createdAt = jobCreatedAt - 5_000
      const title = this.faker.git.commitMessage()
      const author = this.faker.person.fullName()
      const email = `${author.toLowerCase().replace(/[^a-z]+/g, '.')}@example.com`
      this.commitsBySha.set(sha, {
        id: sha, shortId: sha.slice(0, 8), title, message: title, authorName: author, authorEmail: email,
        authoredDate: createdAt - MINUTE, committerName: author, committerEmail: email, committedDate: createdAt - MINUTE,
        createdAt: createdAt - MINUTE, parentIds: [this.faker.git.commitSha()],
      })
      const pipeline: PipelineRecord = {
        id: 0, iid: pool.length + 1, projectId: project.id, sha, ref: this.pick(REFS), status,
        source: this.pick(['push', 'push', 'merge_request_event', 'schedule', 'web']), createdAt, updatedAt: createdAt,
      }
      pool.push(pipeline)
      this.newPipelines.push(pipeline)
      return pipeline
    }
    return this.pick(pool)
  }
}

const OCTETS = Array.from({ length: 256 }, (_, octet) => octet)
const ALPHABET = 'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789'
const HEX = '0123456789abcdef'

/** `length` characters of `alphabet` from the PRNG: cheaper than faker's string helpers. */
function token(random: () => number, length: number, alphabet = ALPHABET): string {
  let text = ''
  for (let n = 0; n < length; n += 1) text += alphabet[Math.floor(random() * alphabet.length)]
  return text
}

/**
 * `text` as one flat string. V8 keeps a string built by concatenation as a tree of its parts, three
 * or four times the size of the text; per runner and manager that was 30 MB of a 100k-runner world.
 */
function flat(text: string): string {
  return Buffer.from(text, 'utf8').toString('utf8')
}

function nextId(records: Iterable<{ id: number }>): number {
  let highest = 0
  for (const record of records) highest = Math.max(highest, record.id)
  return highest + 1
}

function clamp(value: number, min: number, max: number): number {
  return Math.min(max, Math.max(min, value))
}

const VISIBILITY_ORDER: readonly Visibility[] = ['private', 'internal', 'public']

/** GitLab keeps a subgroup or project no more visible than the group it sits in. */
function capVisibility(wanted: Visibility, parent: Visibility | undefined): Visibility {
  if (parent === undefined) return wanted
  return VISIBILITY_ORDER.indexOf(wanted) > VISIBILITY_ORDER.indexOf(parent) ? parent : wanted
}
