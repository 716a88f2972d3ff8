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
  RecordedExchange,
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
  readonly users: Map<number, UserRecord>
  readonly accessTokens: Map<string, AccessTokenRecord>
  readonly groups: Map<number, GroupRecord>
  readonly projects: Map<number, ProjectRecord>
  readonly runners: Map<number, RunnerRecord>
  readonly managers: Map<number, RunnerManagerRecord>
  readonly jobs: Map<number, JobRecord>
  /** Recorded exchanges the server answers with; never changed after the world is built. */
  readonly replays: readonly RecordedExchange[]

  private readonly sortedRunnerIds: number[]
  private readonly runnersByType: Map<RunnerType, Set<number>>
  private readonly runnersByTag: Map<string, Set<number>>
  private readonly runnersByGroup: Map<number, Set<number>>
  private readonly runnersByProject: Map<number, Set<number>>
  private readonly runnerIdByToken: Map<string, number>
  /** Ids of runners that ever made contact, by contact time ascending: `status=online` is a range. */
  private readonly contactOrder: number[]
  private readonly managerIdsByRunner: Map<number, number[]>
  private readonly jobIdsByRunner: Map<number, number[]>
  // Built once from the scenario and never changed afterwards, so forks share them.
  private readonly subgroupIds: Map<number, number[]>
  private readonly projectIdsByGroup: Map<number, number[]>
  private readonly groupIdByPath: Map<string, number>
  private readonly projectIdByPath: Map<string, number>
  private readonly membershipsByUser: Map<number, { groups: Map<number, AccessLevel>; projects: Map<number, AccessLevel> }>
  private readonly groupIdByRegistrationToken: Map<string, number>
  private readonly projectIdByRegistrationToken: Map<string, number>
  private nextRunnerId: number
  private nextManagerId: number
  /**
   * Only on forks: the records, sets and lists this world made itself and may change in place.
   * Everything else still belongs to the world it was forked from and is copied before a change.
   */
  private readonly owned: WeakSet<object> | undefined

  /**
   * `adopt`: take the data's records as they are instead of copying them, for data nobody else
   * holds or changes (a freshly loaded scenario): one copy of a 100k-runner world, not two.
   */
  constructor(source: WorldData | World, readonly clock: Clock, options: { adopt?: boolean } = {}) {
    if (source instanceof World) {
      // A fork: new maps over the same records, so it costs maps, not a deep copy of the world.
      this.owned = new WeakSet()
      this.instance = source.instance
      this.users = new Map(source.users)
      this.accessTokens = new Map(source.accessTokens)
      this.groups = new Map(source.groups)
      this.projects = new Map(source.projects)
      this.runners = new Map(source.runners)
      this.managers = new Map(source.managers)
      this.jobs = new Map(source.jobs)
      this.replays = source.replays
      this.sortedRunnerIds = [...source.sortedRunnerIds]
      this.runnersByType = new Map(source.runnersByType)
      this.runnersByTag = new Map(source.runnersByTag)
      this.runnersByGroup = new Map(source.runnersByGroup)
      this.runnersByProject = new Map(source.runnersByProject)
      this.runnerIdByToken = new Map(source.runnerIdByToken)
      this.contactOrder = [...source.contactOrder]
      this.managerIdsByRunner = new Map(source.managerIdsByRunner)
      this.jobIdsByRunner = new Map(source.jobIdsByRunner)
      this.subgroupIds = source.subgroupIds
      this.projectIdsByGroup = source.projectIdsByGroup
      this.groupIdByPath = source.groupIdByPath
      this.projectIdByPath = source.projectIdByPath
      this.membershipsByUser = source.membershipsByUser
      this.groupIdByRegistrationToken = new Map(source.groupIdByRegistrationToken)
      this.projectIdByRegistrationToken = new Map(source.projectIdByRegistrationToken)
      this.nextRunnerId = source.nextRunnerId
      this.nextManagerId = source.nextManagerId
      return
    }
    this.owned = undefined
    this.users = new Map()
    this.accessTokens = new Map()
    this.groups = new Map()
    this.projects = new Map()
    this.runners = new Map()
    this.managers = new Map()
    this.jobs = new Map()
    this.sortedRunnerIds = []
    this.runnersByType = new Map()
    this.runnersByTag = new Map()
    this.runnersByGroup = new Map()
    this.runnersByProject = new Map()
    this.runnerIdByToken = new Map()
    this.contactOrder = []
    this.managerIdsByRunner = new Map()
    this.jobIdsByRunner = new Map()
    this.subgroupIds = new Map()
    this.projectIdsByGroup = new Map()
    this.groupIdByPath = new Map()
    this.projectIdByPath = new Map()
    this.membershipsByUser = new Map()
    this.groupIdByRegistrationToken = new Map()
    this.projectIdByRegistrationToken = new Map()
    // The world owns its records: a scenario's data can be reused for a reset untouched.
    const own = options.adopt ? source : structuredClone(source)
    this.instance = own.instance
    this.replays = own.replays ?? []
    for (const user of own.users) this.users.set(user.id, user)
    for (const token of own.accessTokens) this.accessTokens.set(token.token, token)
    for (const group of byId(own.groups)) this.addGroupToIndexes(group)
    for (const project of byId(own.projects)) this.addProjectToIndexes(project)
    for (const runner of byId(own.runners)) this.indexRunner(runner)
    this.contactOrder.sort((a, b) => this.contactKey(a) - this.contactKey(b) || a - b)
    for (const manager of byId(own.managers)) this.indexManager(manager)
    for (const job of byId(own.jobs)) this.indexJob(job)
    this.indexPaths()
    this.nextRunnerId = maxId(own.runners) + 1
    this.nextManagerId = maxId(own.managers) + 1
  }

  /**
   * A world that starts as this one and changes on its own: what a test session gets. This world
   * must not change afterwards (forks read its records until they copy them).
   */
  fork(clock: Clock = this.clock): World {
    return new World(this, clock)
  }

  /** The runner as this world may change it: on a fork, a copy made on the first change. */
  writableRunner(runner: RunnerRecord): RunnerRecord {
    return this.writable(this.runners, runner)
  }

  writableManager(manager: RunnerManagerRecord): RunnerManagerRecord {
    return this.writable(this.managers, manager)
  }

  writableGroup(group: GroupRecord): GroupRecord {
    return this.writable(this.groups, group)
  }

  writableProject(project: ProjectRecord): ProjectRecord {
    return this.writable(this.projects, project)
  }

  writableInstance(): InstanceRecord {
    if (this.owned && !this.owned.has(this.instance)) this.instance = this.own(structuredClone(this.instance))
    return this.instance
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
      ...(this.replays.length > 0 ? { replays: [...this.replays] } : {}),
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

  /** Runners last contacted strictly after `time`, in contact order (not id order). */
  runnerIdsContactedAfter(time: Millis): readonly number[] {
    return this.contactOrder.slice(this.firstContactAfter(time))
  }

  /** Runners last contacted at or before `time` (never-contacted ones excluded), in contact order. */
  runnerIdsContactedUntil(time: Millis): readonly number[] {
    return this.contactOrder.slice(0, this.firstContactAfter(time))
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
    const runner: RunnerRecord = this.own({ ...fields, id: this.nextRunnerId++, contactedAt: null })
    this.indexRunner(runner)
    return fields.contactedAt === null ? runner : this.recordContact(runner, fields.contactedAt)
  }

  /** The runner's contact with GitLab, as verify records it. */
  recordContact(runner: RunnerRecord, at: Millis): RunnerRecord {
    const own = this.writableRunner(runner)
    this.forgetContact(own)
    own.contactedAt = at
    this.contactOrder.splice(this.firstContactAfter(at), 0, own.id)
    return own
  }

  /** Removes the runner with its managers and jobs. */
  removeRunner(runner: RunnerRecord): void {
    this.forgetContact(runner)
    this.runners.delete(runner.id)
    const at = binarySearch(this.sortedRunnerIds, runner.id)
    if (at >= 0) this.sortedRunnerIds.splice(at, 1)
    this.removeFrom(this.runnersByType, runner.runnerType, runner.id)
    for (const tag of runner.tagList) this.removeFrom(this.runnersByTag, tag, runner.id)
    if (runner.groupId !== null) this.removeFrom(this.runnersByGroup, runner.groupId, runner.id)
    for (const link of runner.projects) this.removeFrom(this.runnersByProject, link.projectId, runner.id)
    this.runnerIdByToken.delete(runner.token)
    for (const id of this.managerIdsByRunner.get(runner.id) ?? []) this.managers.delete(id)
    for (const id of this.jobIdsByRunner.get(runner.id) ?? []) this.jobs.delete(id)
    this.managerIdsByRunner.delete(runner.id)
    this.jobIdsByRunner.delete(runner.id)
  }

  // The setters below change the record as this world may change it and return that record.

  setRunnerTags(runner: RunnerRecord, tags: string[]): RunnerRecord {
    const own = this.writableRunner(runner)
    for (const tag of own.tagList) this.removeFrom(this.runnersByTag, tag, own.id)
    own.tagList = [...tags]
    for (const tag of own.tagList) this.addTo(this.runnersByTag, tag, own.id)
    return own
  }

  setRunnerToken(runner: RunnerRecord, token: string, expiresAt: Millis | null): RunnerRecord {
    const own = this.writableRunner(runner)
    this.runnerIdByToken.delete(own.token)
    own.token = token
    own.tokenExpiresAt = expiresAt
    this.runnerIdByToken.set(token, own.id)
    return own
  }

  linkRunnerToProject(runner: RunnerRecord, projectId: number, at: Millis): RunnerRecord {
    const own = this.writableRunner(runner)
    own.projects = [...own.projects, { projectId, createdAt: at }]
    this.addTo(this.runnersByProject, projectId, own.id)
    return own
  }

  unlinkRunnerFromProject(runner: RunnerRecord, projectId: number): RunnerRecord {
    const own = this.writableRunner(runner)
    own.projects = own.projects.filter((link) => link.projectId !== projectId)
    this.removeFrom(this.runnersByProject, projectId, own.id)
    return own
  }

  addManager(fields: Omit<RunnerManagerRecord, 'id'>): RunnerManagerRecord {
    const manager: RunnerManagerRecord = this.own({ ...fields, id: this.nextManagerId++ })
    this.indexManager(manager)
    return manager
  }

  setGroupRegistrationToken(group: GroupRecord, token: string): GroupRecord {
    const own = this.writableGroup(group)
    this.groupIdByRegistrationToken.delete(own.registrationToken)
    own.registrationToken = token
    this.groupIdByRegistrationToken.set(token, own.id)
    return own
  }

  setProjectRegistrationToken(project: ProjectRecord, token: string): ProjectRecord {
    const own = this.writableProject(project)
    this.projectIdByRegistrationToken.delete(own.registrationToken)
    own.registrationToken = token
    this.projectIdByRegistrationToken.set(token, own.id)
    return own
  }

  private contactKey(id: number): number {
    return this.runners.get(id)?.contactedAt ?? -Infinity
  }

  /** Position of the first runner in contact order contacted strictly after `time`. */
  private firstContactAfter(time: Millis): number {
    let low = 0
    let high = this.contactOrder.length
    while (low < high) {
      const mid = (low + high) >> 1
      if (this.contactKey(this.contactOrder[mid] as number) <= time) low = mid + 1
      else high = mid
    }
    return low
  }

  private forgetContact(runner: RunnerRecord): void {
    if (runner.contactedAt === null) return
    // Among equal contact times the order is by id; scan the run of equal times for this one.
    for (let at = this.firstContactAfter(runner.contactedAt - 1); at < this.contactOrder.length; at++) {
      const id = this.contactOrder[at] as number
      if (id === runner.id) {
        this.contactOrder.splice(at, 1)
        return
      }
      if (this.contactKey(id) !== runner.contactedAt) return
    }
  }

  private own<T extends object>(value: T): T {
    this.owned?.add(value)
    return value
  }

  private writable<T extends { id: number }>(records: Map<number, T>, record: T): T {
    if (!this.owned || this.owned.has(record)) return record
    // Hand a stale copy to nobody: the map holds the copy from now on.
    const copy = this.own(structuredClone(records.get(record.id) ?? record))
    records.set(copy.id, copy)
    return copy
  }

  /** The set under `key`, as this world may change it. */
  private ownedSet<K>(index: Map<K, Set<number>>, key: K): Set<number> {
    const set = index.get(key)
    if (set && (!this.owned || this.owned.has(set))) return set
    const own = this.own(new Set(set))
    index.set(key, own)
    return own
  }

  private addTo<K>(index: Map<K, Set<number>>, key: K, id: number): void {
    this.ownedSet(index, key).add(id)
  }

  private removeFrom<K>(index: Map<K, Set<number>>, key: K, id: number): void {
    if (index.get(key)?.has(id)) this.ownedSet(index, key).delete(id)
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
    this.addTo(this.runnersByType, runner.runnerType, runner.id)
    for (const tag of runner.tagList) this.addTo(this.runnersByTag, tag, runner.id)
    if (runner.groupId !== null) this.addTo(this.runnersByGroup, runner.groupId, runner.id)
    for (const link of runner.projects) this.addTo(this.runnersByProject, link.projectId, runner.id)
    this.runnerIdByToken.set(runner.token, runner.id)
    if (runner.contactedAt !== null) this.contactOrder.push(runner.id)
  }

  private indexManager(manager: RunnerManagerRecord): void {
    this.managers.set(manager.id, manager)
    // A new list rather than push: a fork may share the old one with the world it came from.
    this.managerIdsByRunner.set(manager.runnerId, [...(this.managerIdsByRunner.get(manager.runnerId) ?? []), manager.id])
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
