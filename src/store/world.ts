// The world in memory: records by id, id sequences, and the indexes that keep runner lists over
// 100 000 runners fast. It keeps its indexes right on every mutation; it knows no GitLab rule.
import type { Clock } from './clock.js'
import type {
  AccessLevel,
  AccessTokenRecord,
  GroupRecord,
  InstanceRecord,
  JobRecord,
  Millis,
  ProjectRecord,
  RunnerManagerRecord,
  RunnerRecord,
  RunnerType,
  UserRecord,
  WorldData,
} from './records.js'

/** A user's direct memberships, by group id and by project id. */
export interface UserMemberships {
  groups: ReadonlyMap<number, AccessLevel>
  projects: ReadonlyMap<number, AccessLevel>
}

const EMPTY_IDS: ReadonlySet<number> = new Set()
const NO_MEMBERSHIPS: UserMemberships = { groups: new Map(), projects: new Map() }

export class World {
  instance: InstanceRecord
  readonly users = new Map<number, UserRecord>()
  readonly accessTokens = new Map<string, AccessTokenRecord>()
  readonly groups = new Map<number, GroupRecord>()
  readonly projects = new Map<number, ProjectRecord>()
  readonly runners = new Map<number, RunnerRecord>()
  readonly managers = new Map<number, RunnerManagerRecord>()
  readonly jobs = new Map<number, JobRecord>()

  private readonly sortedRunnerIds: number[] = []
  private readonly runnersByType = new Map<RunnerType, Set<number>>()
  private readonly runnersByTag = new Map<string, Set<number>>()
  private readonly runnersByGroup = new Map<number, Set<number>>()
  private readonly runnersByProject = new Map<number, Set<number>>()
  private readonly runnerIdByToken = new Map<string, number>()
  private readonly managerIdsByRunner = new Map<number, number[]>()
  private readonly jobIdsByRunner = new Map<number, number[]>()
  private readonly subgroupIds = new Map<number, number[]>()
  private readonly projectIdsByGroup = new Map<number, number[]>()
  private readonly groupIdByPath = new Map<string, number>()
  private readonly projectIdByPath = new Map<string, number>()
  private readonly groupIdByRegistrationToken = new Map<string, number>()
  private readonly projectIdByRegistrationToken = new Map<string, number>()
  private readonly membershipsByUser = new Map<number, { groups: Map<number, AccessLevel>; projects: Map<number, AccessLevel> }>()
  private nextRunnerId: number
  private nextManagerId: number

  constructor(data: WorldData, readonly clock: Clock) {
    // The world owns its records: a scenario's data can be reused for a reset untouched.
    const own = structuredClone(data)
    this.instance = own.instance
    for (const user of own.users) this.users.set(user.id, user)
    for (const token of own.accessTokens) this.accessTokens.set(token.token, token)
    for (const group of byId(own.groups)) this.addGroupToIndexes(group)
    for (const project of byId(own.projects)) this.addProjectToIndexes(project)
    for (const runner of byId(own.runners)) this.indexRunner(runner)
    for (const manager of byId(own.managers)) this.indexManager(manager)
    for (const job of byId(own.jobs)) this.indexJob(job)
    this.indexPaths()
    this.nextRunnerId = maxId(own.runners) + 1
    this.nextManagerId = maxId(own.managers) + 1
  }

  now(): Millis {
    return this.clock.now()
  }

  /** The state as plain data, ids ascending; `new World(world.toData(), clock)` is the same world. */
  toData(): WorldData {
    return structuredClone({
      instance: this.instance,
      users: byId([...this.users.values()]),
      accessTokens: [...this.accessTokens.values()],
      groups: byId([...this.groups.values()]),
      projects: byId([...this.projects.values()]),
      runners: this.sortedRunnerIds.map((id) => this.runners.get(id)).filter(isPresent),
      managers: byId([...this.managers.values()]),
      jobs: byId([...this.jobs.values()]),
    })
  }

  /** Every runner id, ascending: GitLab's order for every runner list. */
  allRunnerIds(): readonly number[] {
    return this.sortedRunnerIds
  }

  runnerIdsOfType(type: RunnerType): ReadonlySet<number> {
    return this.runnersByType.get(type) ?? EMPTY_IDS
  }

  runnerIdsWithTag(tag: string): ReadonlySet<number> {
    return this.runnersByTag.get(tag) ?? EMPTY_IDS
  }

  /** Group runners owned by the group (not its subgroups). */
  runnerIdsOfGroup(groupId: number): ReadonlySet<number> {
    return this.runnersByGroup.get(groupId) ?? EMPTY_IDS
  }

  /** Project runners assigned to the project, the owner project included. */
  runnerIdsOfProject(projectId: number): ReadonlySet<number> {
    return this.runnersByProject.get(projectId) ?? EMPTY_IDS
  }

  runnerByToken(token: string): RunnerRecord | undefined {
    const id = this.runnerIdByToken.get(token)
    return id === undefined ? undefined : this.runners.get(id)
  }

  /** The runner's managers, ids ascending. */
  managersOf(runnerId: number): RunnerManagerRecord[] {
    return (this.managerIdsByRunner.get(runnerId) ?? []).map((id) => this.managers.get(id)).filter(isPresent)
  }

  /** The runner's jobs, ids ascending. */
  jobsOf(runnerId: number): JobRecord[] {
    return (this.jobIdsByRunner.get(runnerId) ?? []).map((id) => this.jobs.get(id)).filter(isPresent)
  }

  /** The group, then its parent, up to the root. */
  groupAncestry(groupId: number): GroupRecord[] {
    const chain: GroupRecord[] = []
    let group = this.groups.get(groupId)
    // A cycle in hand-written scenario data must not hang the server.
    while (group && !chain.includes(group)) {
      chain.push(group)
      group = group.parentId === null ? undefined : this.groups.get(group.parentId)
    }
    return chain
  }

  /** The group and every group below it. */
  groupDescendantIds(groupId: number): number[] {
    const found = new Set<number>()
    const queue = [groupId]
    for (let id = queue.pop(); id !== undefined; id = queue.pop()) {
      if (found.has(id)) continue
      found.add(id)
      queue.push(...(this.subgroupIds.get(id) ?? []))
    }
    return [...found]
  }

  /** Projects directly in the group (not in its subgroups). */
  projectIdsInGroup(groupId: number): readonly number[] {
    return this.projectIdsByGroup.get(groupId) ?? []
  }

  groupFullPath(group: GroupRecord): string {
    return this.groupAncestry(group.id).reverse().map((g) => g.path).join('/')
  }

  /** `group/subgroup/project`, or `username/project` for a personal project. */
  projectFullPath(project: ProjectRecord): string {
    const namespace = project.groupId !== null
      ? this.groupFullPath(this.groups.get(project.groupId) as GroupRecord)
      : (this.users.get(project.ownerUserId ?? -1)?.username ?? '')
    return `${namespace}/${project.path}`
  }

  /** GitLab finds paths case-insensitively. */
  projectByFullPath(path: string): ProjectRecord | undefined {
    const id = this.projectIdByPath.get(path.toLowerCase())
    return id === undefined ? undefined : this.projects.get(id)
  }

  groupByFullPath(path: string): GroupRecord | undefined {
    const id = this.groupIdByPath.get(path.toLowerCase())
    return id === undefined ? undefined : this.groups.get(id)
  }

  groupByRegistrationToken(token: string): GroupRecord | undefined {
    const id = this.groupIdByRegistrationToken.get(token)
    return id === undefined ? undefined : this.groups.get(id)
  }

  projectByRegistrationToken(token: string): ProjectRecord | undefined {
    const id = this.projectIdByRegistrationToken.get(token)
    return id === undefined ? undefined : this.projects.get(id)
  }

  membershipsOf(userId: number): UserMemberships {
    return this.membershipsByUser.get(userId) ?? NO_MEMBERSHIPS
  }

  addRunner(fields: Omit<RunnerRecord, 'id'>): RunnerRecord {
    const runner: RunnerRecord = { ...fields, id: this.nextRunnerId++ }
    this.indexRunner(runner)
    return runner
  }

  /** Removes the runner with its managers and jobs. */
  removeRunner(runner: RunnerRecord): void {
    this.runners.delete(runner.id)
    const at = binarySearch(this.sortedRunnerIds, runner.id)
    if (at >= 0) this.sortedRunnerIds.splice(at, 1)
    this.runnersByType.get(runner.runnerType)?.delete(runner.id)
    for (const tag of runner.tagList) this.runnersByTag.get(tag)?.delete(runner.id)
    if (runner.groupId !== null) this.runnersByGroup.get(runner.groupId)?.delete(runner.id)
    for (const link of runner.projects) this.runnersByProject.get(link.projectId)?.delete(runner.id)
    this.runnerIdByToken.delete(runner.token)
    for (const id of this.managerIdsByRunner.get(runner.id) ?? []) this.managers.delete(id)
    for (const id of this.jobIdsByRunner.get(runner.id) ?? []) this.jobs.delete(id)
    this.managerIdsByRunner.delete(runner.id)
    this.jobIdsByRunner.delete(runner.id)
  }

  setRunnerTags(runner: RunnerRecord, tags: string[]): void {
    for (const tag of runner.tagList) this.runnersByTag.get(tag)?.delete(runner.id)
    runner.tagList = [...tags]
    for (const tag of runner.tagList) addTo(this.runnersByTag, tag, runner.id)
  }

  setRunnerToken(runner: RunnerRecord, token: string, expiresAt: Millis | null): void {
    this.runnerIdByToken.delete(runner.token)
    runner.token = token
    runner.tokenExpiresAt = expiresAt
    this.runnerIdByToken.set(token, runner.id)
  }

  linkRunnerToProject(runner: RunnerRecord, projectId: number, at: Millis): void {
    runner.projects.push({ projectId, createdAt: at })
    addTo(this.runnersByProject, projectId, runner.id)
  }

  unlinkRunnerFromProject(runner: RunnerRecord, projectId: number): void {
    runner.projects = runner.projects.filter((link) => link.projectId !== projectId)
    this.runnersByProject.get(projectId)?.delete(runner.id)
  }

  addManager(fields: Omit<RunnerManagerRecord, 'id'>): RunnerManagerRecord {
    const manager: RunnerManagerRecord = { ...fields, id: this.nextManagerId++ }
    this.indexManager(manager)
    return manager
  }

  setGroupRegistrationToken(group: GroupRecord, token: string): void {
    this.groupIdByRegistrationToken.delete(group.registrationToken)
    group.registrationToken = token
    this.groupIdByRegistrationToken.set(token, group.id)
  }

  setProjectRegistrationToken(project: ProjectRecord, token: string): void {
    this.projectIdByRegistrationToken.delete(project.registrationToken)
    project.registrationToken = token
    this.projectIdByRegistrationToken.set(token, project.id)
  }

  private addGroupToIndexes(group: GroupRecord): void {
    this.groups.set(group.id, group)
    if (group.parentId !== null) appendTo(this.subgroupIds, group.parentId, group.id)
    this.groupIdByRegistrationToken.set(group.registrationToken, group.id)
    for (const member of group.members) this.memberships(member.userId).groups.set(group.id, member.accessLevel)
  }

  private addProjectToIndexes(project: ProjectRecord): void {
    this.projects.set(project.id, project)
    if (project.groupId !== null) appendTo(this.projectIdsByGroup, project.groupId, project.id)
    this.projectIdByRegistrationToken.set(project.registrationToken, project.id)
    for (const member of project.members) this.memberships(member.userId).projects.set(project.id, member.accessLevel)
  }

  // Full paths need every ancestor loaded first, so they are indexed once all groups are in.
  private indexPaths(): void {
    for (const group of this.groups.values()) this.groupIdByPath.set(this.groupFullPath(group).toLowerCase(), group.id)
    for (const project of this.projects.values()) {
      this.projectIdByPath.set(this.projectFullPath(project).toLowerCase(), project.id)
    }
  }

  private memberships(userId: number): { groups: Map<number, AccessLevel>; projects: Map<number, AccessLevel> } {
    let found = this.membershipsByUser.get(userId)
    if (!found) {
      found = { groups: new Map(), projects: new Map() }
      this.membershipsByUser.set(userId, found)
    }
    return found
  }

  private indexRunner(runner: RunnerRecord): void {
    this.runners.set(runner.id, runner)
    const last = this.sortedRunnerIds[this.sortedRunnerIds.length - 1]
    if (last === undefined || last < runner.id) this.sortedRunnerIds.push(runner.id)
    else this.sortedRunnerIds.splice(insertionPoint(this.sortedRunnerIds, runner.id), 0, runner.id)
    addTo(this.runnersByType, runner.runnerType, runner.id)
    for (const tag of runner.tagList) addTo(this.runnersByTag, tag, runner.id)
    if (runner.groupId !== null) addTo(this.runnersByGroup, runner.groupId, runner.id)
    for (const link of runner.projects) addTo(this.runnersByProject, link.projectId, runner.id)
    this.runnerIdByToken.set(runner.token, runner.id)
  }

  private indexManager(manager: RunnerManagerRecord): void {
    this.managers.set(manager.id, manager)
    appendTo(this.managerIdsByRunner, manager.runnerId, manager.id)
  }

  private indexJob(job: JobRecord): void {
    this.jobs.set(job.id, job)
    appendTo(this.jobIdsByRunner, job.runnerId, job.id)
  }
}

function byId<T extends { id: number }>(records: T[]): T[] {
  return [...records].sort((a, b) => a.id - b.id)
}

function maxId(records: { id: number }[]): number {
  return records.reduce((max, record) => Math.max(max, record.id), 0)
}

function isPresent<T>(value: T | undefined): value is T {
  return value !== undefined
}

function addTo<K>(index: Map<K, Set<number>>, key: K, id: number): void {
  let set = index.get(key)
  if (!set) {
    set = new Set()
    index.set(key, set)
  }
  set.add(id)
}

function appendTo(index: Map<number, number[]>, key: number, id: number): void {
  const list = index.get(key)
  if (list) list.push(id)
  else index.set(key, [id])
}

function insertionPoint(sorted: readonly number[], id: number): number {
  let low = 0
  let high = sorted.length
  while (low < high) {
    const mid = (low + high) >> 1
    if ((sorted[mid] as number) < id) low = mid + 1
    else high = mid
  }
  return low
}

function binarySearch(sorted: readonly number[], id: number): number {
  const at = insertionPoint(sorted, id)
  return sorted[at] === id ? at : -1
}
