// The world in memory: records by id, id sequences, and the indexes that keep runner lists over
// 100 000 runners fast. It keeps its indexes right on every mutation; it knows no GitLab rule.
//
// Two parts: a directory built once from the scenario and never changed (users, tokens, the group
// tree, paths, memberships, and the jobs, in a compact table), which every fork shares; and the state
// that forks (records that change, runners, managers and their indexes), held in layered maps so a
// fork costs no copy. A world shows the jobs of the runners it has.
import { Bits } from './bits.js'
import type { Clock } from './clock.js'
import { JobTable } from './job-table.js'
import { LayeredMap } from './layered-map.js'
import type {
  AccessLevel,
  AccessTokenRecord,
  GroupRecord,
  InstanceRecord,
  JobRecord,
  JobStatus,
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
const NO_BITS = new Bits()

/** What no API call changes: built once from the scenario, shared by the world and all its forks. */
class Directory {
  /** Every job of the scenario; a world shows those of its present runners. */
  readonly jobs: JobTable
  readonly users = new Map<number, UserRecord>()
  readonly accessTokens = new Map<string, AccessTokenRecord>()
  readonly subgroupIds = new Map<number, number[]>()
  readonly projectIdsByGroup = new Map<number, number[]>()
  readonly groupIdByPath = new Map<string, number>()
  readonly projectIdByPath = new Map<string, number>()
  readonly membershipsByUser = new Map<number, { groups: Map<number, AccessLevel>; projects: Map<number, AccessLevel> }>()

  constructor(data: WorldData, readonly replays: readonly RecordedExchange[]) {
    this.jobs = JobTable.of(data.jobs)
    for (const user of data.users) this.users.set(user.id, user)
    for (const token of data.accessTokens) this.accessTokens.set(token.token, token)
    for (const group of byId(data.groups)) {
      if (group.parentId !== null) appendTo(this.subgroupIds, group.parentId, group.id)
      for (const member of group.members) this.memberships(member.userId).groups.set(group.id, member.accessLevel)
    }
    for (const project of byId(data.projects)) {
      if (project.groupId !== null) appendTo(this.projectIdsByGroup, project.groupId, project.id)
      for (const member of project.members) this.memberships(member.userId).projects.set(project.id, member.accessLevel)
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
}

/**
 * What a fork changes on its own. Runners live in slots (their position in id order: ids only grow,
 * so appending keeps the order) and the type, tag, paused and contact indexes are bit sets over slots.
 */
class State {
  constructor(
    public instance: InstanceRecord,
    readonly groups: LayeredMap<number, GroupRecord>,
    readonly projects: LayeredMap<number, ProjectRecord>,
    readonly runners: LayeredMap<number, RunnerRecord>,
    readonly managers: LayeredMap<number, RunnerManagerRecord>,
    readonly managerIdsByRunner: LayeredMap<number, readonly number[]>,
    readonly slotOf: LayeredMap<number, number>,
    readonly runnersByType: LayeredMap<RunnerType, Bits>,
    readonly runnersByTag: LayeredMap<string, Bits>,
    readonly runnersByGroup: LayeredMap<number, Set<number>>,
    readonly runnersByProject: LayeredMap<number, Set<number>>,
    readonly runnerIdByToken: LayeredMap<string, number>,
    readonly groupIdByRegistrationToken: LayeredMap<string, number>,
    readonly projectIdByRegistrationToken: LayeredMap<string, number>,
    /** Slot → runner id; never shrinks (a removed runner's slot stays empty). */
    public slotIds: number[],
    /** The slots holding a runner. */
    public present: Bits,
    /** The slots of paused runners (`active: false`). */
    public paused: Bits,
    /** Slots of runners that ever made contact, by contact time ascending: `status=online` is a range. */
    public contactOrder: number[],
    public nextRunnerId: number,
    public nextManagerId: number,
  ) {}

  static empty(instance: InstanceRecord): State {
    return new State(
      instance, LayeredMap.empty(), LayeredMap.empty(), LayeredMap.empty(), LayeredMap.empty(), LayeredMap.empty(),
      LayeredMap.empty(), LayeredMap.empty(), LayeredMap.empty(), LayeredMap.empty(), LayeredMap.empty(),
      LayeredMap.empty(), LayeredMap.empty(), LayeredMap.empty(), [], new Bits(), new Bits(), [], 1, 1,
    )
  }

  /** The maps fork in constant time; arrays and bit sets are shared until either side changes them. */
  fork(): State {
    return new State(
      this.instance, this.groups.fork(), this.projects.fork(), this.runners.fork(), this.managers.fork(),
      this.managerIdsByRunner.fork(), this.slotOf.fork(), this.runnersByType.fork(),
      this.runnersByTag.fork(), this.runnersByGroup.fork(), this.runnersByProject.fork(), this.runnerIdByToken.fork(),
      this.groupIdByRegistrationToken.fork(), this.projectIdByRegistrationToken.fork(), this.slotIds, this.present,
      this.paused, this.contactOrder, this.nextRunnerId, this.nextManagerId,
    )
  }
}

export class World {
  private readonly directory: Directory
  private readonly state: State
  /**
   * The records, sets, bit sets and lists this world made itself and may change in place; anything
   * else is shared with a world it was forked from (or forked into) and is copied before a change.
   * Undefined while the world has never been forked: it owns everything.
   */
  private owned: WeakSet<object> | undefined
  /** Runners handed out for writing since the paused index was last brought up to date. */
  private readonly maybePaused = new Set<RunnerRecord>()
  /** Counts changes to the contact order, so a cached contact range knows when it is out of date. */
  private contactChanges = 0
  private contactRanges: { changes: number; ranges: Map<string, Bits> } = { changes: 0, ranges: new Map() }
  /** Counts the changes made through this world (see `revision`). */
  private changes = 0

  /**
   * `adopt`: take the data's records as they are instead of copying them, for data nobody else
   * holds or changes (a freshly loaded scenario): one copy of a 100k-runner world, not two.
   */
  constructor(source: WorldData | World, readonly clock: Clock, options: { adopt?: boolean } = {}) {
    if (source instanceof World) {
      // A fork: both worlds now share what the source held, and each copies before changing it.
      source.catchUpPaused()
      source.owned = new WeakSet()
      this.owned = new WeakSet()
      this.directory = source.directory
      this.state = source.state.fork()
      return
    }
    // The world owns its records: a scenario's data can be reused for a reset untouched.
    const own = options.adopt ? source : ownCopy(source)
    this.owned = undefined
    this.directory = new Directory(own, own.replays ?? [])
    this.state = State.empty(own.instance)
    this.load(own)
  }

  /** The users of the scenario; no API call changes them. */
  get users(): ReadonlyMap<number, UserRecord> {
    return this.directory.users
  }

  get accessTokens(): ReadonlyMap<string, AccessTokenRecord> {
    return this.directory.accessTokens
  }

  /** Recorded exchanges the server answers with; never changed after the world is built. */
  get replays(): readonly RecordedExchange[] {
    return this.directory.replays
  }

  get instance(): InstanceRecord {
    return this.state.instance
  }

  get groups(): ReadonlyMap<number, GroupRecord> {
    return this.state.groups
  }

  get projects(): ReadonlyMap<number, ProjectRecord> {
    return this.state.projects
  }

  get runners(): ReadonlyMap<number, RunnerRecord> {
    return this.state.runners
  }

  get managers(): ReadonlyMap<number, RunnerManagerRecord> {
    return this.state.managers
  }

  /**
   * A world that starts as this one and changes on its own: what a test session gets. Both worlds
   * stay writable; neither sees the other's later changes.
   */
  fork(clock: Clock = this.clock): World {
    return new World(this, clock)
  }

  /**
   * Changes with every record this world hands out for writing (writableRunner and the like) and every
   * runner or manager it adds or removes: what is derived from the world's records (a list's kept JSON
   * texts) holds while this stays the same. A fork starts its own count; it shares no derived state.
   */
  get revision(): number {
    return this.changes
  }

  /**
   * The runner as this world may change it: on a fork, a copy made on the first change. Ask again for
   * every change, right before it: what the world derives from its records (the paused index, kept
   * texts) catches up on a record's next hand-out, not on a change made to one held from before.
   */
  writableRunner(runner: RunnerRecord): RunnerRecord {
    const own = this.writable(this.state.runners, runner)
    // The caller may pause or unpause it in place; the paused index catches up before the next query.
    this.maybePaused.add(own)
    return own
  }

  writableManager(manager: RunnerManagerRecord): RunnerManagerRecord {
    return this.writable(this.state.managers, manager)
  }

  writableGroup(group: GroupRecord): GroupRecord {
    return this.writable(this.state.groups, group)
  }

  writableProject(project: ProjectRecord): ProjectRecord {
    return this.writable(this.state.projects, project)
  }

  writableInstance(): InstanceRecord {
    this.changes += 1
    if (!this.owns(this.state.instance)) this.state.instance = this.own(structuredClone(this.state.instance))
    return this.state.instance
  }

  now(): Millis {
    return this.clock.now()
  }

  /** The state as plain data, ids ascending; `new World(world.toData(), clock)` is the same world. */
  toData(): WorldData {
    const jobs = this.directory.jobs.records((runnerId) => this.state.runners.has(runnerId))
    return structuredClone({
      instance: this.instance,
      users: byId([...this.users.values()]),
      accessTokens: [...this.accessTokens.values()],
      groups: byId([...this.groups.values()]),
      projects: byId([...this.projects.values()]),
      runners: this.runnersInSlots(this.state.present),
      managers: byId([...this.managers.values()]),
      jobs,
      ...(this.replays.length > 0 ? { replays: [...this.replays] } : {}),
    })
  }

  /** Users, tokens, groups and projects as plain data: who can sign in, without the runners. */
  peopleData(): Pick<WorldData, 'users' | 'accessTokens' | 'groups' | 'projects'> {
    return structuredClone({
      users: byId([...this.users.values()]),
      accessTokens: [...this.accessTokens.values()],
      groups: byId([...this.groups.values()]),
      projects: byId([...this.projects.values()]),
    })
  }

  /** Every runner id, ascending: GitLab's order for every runner list. */
  allRunnerIds(): readonly number[] {
    return this.idsOfSlots(this.state.present)
  }

  runnerIdsOfType(type: RunnerType): ReadonlySet<number> {
    return new Set(this.idsOfSlots(this.typeBits(type)))
  }

  runnerIdsWithTag(tag: string): ReadonlySet<number> {
    return new Set(this.idsOfSlots(this.tagBits(tag)))
  }

  /** Group runners owned by the group (not its subgroups). */
  runnerIdsOfGroup(groupId: number): ReadonlySet<number> {
    return this.state.runnersByGroup.get(groupId) ?? EMPTY_IDS
  }

  /** Project runners assigned to the project, the owner project included. */
  runnerIdsOfProject(projectId: number): ReadonlySet<number> {
    return this.state.runnersByProject.get(projectId) ?? EMPTY_IDS
  }

  /** Runners last contacted strictly after `time`, in contact order (not id order). */
  runnerIdsContactedAfter(time: Millis): readonly number[] {
    return this.state.contactOrder.slice(this.firstContactAfter(time)).map((slot) => this.idOfSlot(slot))
  }

  /** Runners last contacted at or before `time` (never-contacted ones excluded), in contact order. */
  runnerIdsContactedUntil(time: Millis): readonly number[] {
    return this.state.contactOrder.slice(0, this.firstContactAfter(time)).map((slot) => this.idOfSlot(slot))
  }

  // The slot view for list queries: bit sets to intersect and count before any record is read.
  // They belong to the world; a query copies before combining them.

  /** Every runner. */
  runnerSlots(): Bits {
    return this.state.present
  }

  typeBits(type: RunnerType): Bits {
    return this.state.runnersByType.get(type) ?? NO_BITS
  }

  tagBits(tag: string): Bits {
    return this.state.runnersByTag.get(tag) ?? NO_BITS
  }

  pausedBits(): Bits {
    this.catchUpPaused()
    return this.state.paused
  }

  /** Runners last contacted strictly after `time` (`after`) or at or before it (`until`). */
  contactBits(side: 'after' | 'until', time: Millis): Bits {
    const order = this.state.contactOrder
    const cut = this.firstContactAfter(time)
    const [from, to] = side === 'after' ? [cut, order.length] : [0, cut]
    // The clock moves by milliseconds and the cut rarely with it: a range is kept while it holds.
    if (this.contactRanges.changes !== this.contactChanges) this.contactRanges = { changes: this.contactChanges, ranges: new Map() }
    const key = `${from}:${to}`
    const cached = this.contactRanges.ranges.get(key)
    if (cached) return cached
    const bits = Bits.withRoomFor(this.state.slotIds.length)
    for (let at = from; at < to; at++) bits.add(order[at] as number)
    // A few ranges at once (online, offline, every contacted runner); more means the clock is running.
    if (this.contactRanges.ranges.size >= 4) this.contactRanges.ranges.clear()
    this.contactRanges.ranges.set(key, bits)
    return bits
  }

  /** The slots of the runners among `ids`. */
  slotsOf(ids: Iterable<number>): Bits {
    const bits = new Bits()
    for (const id of ids) {
      const slot = this.state.slotOf.get(id)
      if (slot !== undefined && this.state.runners.has(id)) bits.add(slot)
    }
    return bits
  }

  runnerInSlot(slot: number): RunnerRecord | undefined {
    return this.state.runners.get(this.idOfSlot(slot))
  }

  runnerByToken(token: string): RunnerRecord | undefined {
    const id = this.state.runnerIdByToken.get(token)
    return id === undefined ? undefined : this.state.runners.get(id)
  }

  /** The runner's managers, ids ascending. */
  managersOf(runnerId: number): RunnerManagerRecord[] {
    return (this.state.managerIdsByRunner.get(runnerId) ?? []).map((id) => this.state.managers.get(id)).filter(isPresent)
  }

  /** The runner's jobs, ids ascending, as records made for the caller. */
  jobsOf(runnerId: number): JobRecord[] {
    return this.state.runners.has(runnerId) ? this.directory.jobs.jobsOf(runnerId) : []
  }

  /** Whether one of the runner's jobs (of that manager, when given) has a status in `statuses`; reads no record. */
  runnerHasJobIn(runnerId: number, statuses: ReadonlySet<JobStatus>, managerId?: number): boolean {
    return this.state.runners.has(runnerId) && this.directory.jobs.anyOf(runnerId, statuses, managerId)
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
      queue.push(...(this.directory.subgroupIds.get(id) ?? []))
    }
    return [...found]
  }

  /** Projects directly in the group (not in its subgroups). */
  projectIdsInGroup(groupId: number): readonly number[] {
    return this.directory.projectIdsByGroup.get(groupId) ?? []
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
    const id = this.directory.projectIdByPath.get(path.toLowerCase())
    return id === undefined ? undefined : this.projects.get(id)
  }

  groupByFullPath(path: string): GroupRecord | undefined {
    const id = this.directory.groupIdByPath.get(path.toLowerCase())
    return id === undefined ? undefined : this.groups.get(id)
  }

  groupByRegistrationToken(token: string): GroupRecord | undefined {
    const id = this.state.groupIdByRegistrationToken.get(token)
    return id === undefined ? undefined : this.groups.get(id)
  }

  projectByRegistrationToken(token: string): ProjectRecord | undefined {
    const id = this.state.projectIdByRegistrationToken.get(token)
    return id === undefined ? undefined : this.projects.get(id)
  }

  membershipsOf(userId: number): UserMemberships {
    return this.directory.membershipsByUser.get(userId) ?? NO_MEMBERSHIPS
  }

  addRunner(fields: Omit<RunnerRecord, 'id'>): RunnerRecord {
    const runner: RunnerRecord = this.own({ ...fields, id: this.state.nextRunnerId++, contactedAt: null })
    this.indexRunner(runner)
    return fields.contactedAt === null ? runner : this.recordContact(runner, fields.contactedAt)
  }

  /** The runner's contact with GitLab, as verify records it. */
  recordContact(runner: RunnerRecord, at: Millis): RunnerRecord {
    const own = this.writableRunner(runner)
    this.forgetContact(own)
    own.contactedAt = at
    const slot = this.state.slotOf.get(own.id) as number
    this.writableContactOrder().splice(this.firstContactAfter(at), 0, slot)
    return own
  }

  /** Removes the runner with its managers and jobs. */
  removeRunner(runner: RunnerRecord): void {
    const slot = this.state.slotOf.get(runner.id)
    if (slot === undefined || !this.state.runners.has(runner.id)) return
    this.changes += 1
    this.forgetContact(runner)
    this.state.runners.delete(runner.id)
    this.writableBits('present').delete(slot)
    this.writableBits('paused').delete(slot)
    this.bitsToChange(this.state.runnersByType, runner.runnerType).delete(slot)
    for (const tag of runner.tagList) this.bitsToChange(this.state.runnersByTag, tag).delete(slot)
    if (runner.groupId !== null) this.removeFrom(this.state.runnersByGroup, runner.groupId, runner.id)
    for (const link of runner.projects) this.removeFrom(this.state.runnersByProject, link.projectId, runner.id)
    this.state.runnerIdByToken.delete(runner.token)
    for (const id of this.state.managerIdsByRunner.get(runner.id) ?? []) this.state.managers.delete(id)
    this.state.managerIdsByRunner.delete(runner.id)
  }

  // The setters below change the record as this world may change it and return that record.

  setRunnerTags(runner: RunnerRecord, tags: string[]): RunnerRecord {
    const own = this.writableRunner(runner)
    const slot = this.state.slotOf.get(own.id) as number
    for (const tag of own.tagList) this.bitsToChange(this.state.runnersByTag, tag).delete(slot)
    own.tagList = [...tags]
    for (const tag of own.tagList) this.bitsToChange(this.state.runnersByTag, tag).add(slot)
    return own
  }

  setRunnerToken(runner: RunnerRecord, token: string, expiresAt: Millis | null): RunnerRecord {
    const own = this.writableRunner(runner)
    this.state.runnerIdByToken.delete(own.token)
    own.token = token
    own.tokenExpiresAt = expiresAt
    this.state.runnerIdByToken.set(token, own.id)
    return own
  }

  linkRunnerToProject(runner: RunnerRecord, projectId: number, at: Millis): RunnerRecord {
    const own = this.writableRunner(runner)
    own.projects = [...own.projects, { projectId, createdAt: at }]
    this.addTo(this.state.runnersByProject, projectId, own.id)
    return own
  }

  unlinkRunnerFromProject(runner: RunnerRecord, projectId: number): RunnerRecord {
    const own = this.writableRunner(runner)
    own.projects = own.projects.filter((link) => link.projectId !== projectId)
    this.removeFrom(this.state.runnersByProject, projectId, own.id)
    return own
  }

  addManager(fields: Omit<RunnerManagerRecord, 'id'>): RunnerManagerRecord {
    const manager: RunnerManagerRecord = this.own({ ...fields, id: this.state.nextManagerId++ })
    this.indexManager(manager)
    return manager
  }

  setGroupRegistrationToken(group: GroupRecord, token: string): GroupRecord {
    const own = this.writableGroup(group)
    this.state.groupIdByRegistrationToken.delete(own.registrationToken)
    own.registrationToken = token
    this.state.groupIdByRegistrationToken.set(token, own.id)
    return own
  }

  setProjectRegistrationToken(project: ProjectRecord, token: string): ProjectRecord {
    const own = this.writableProject(project)
    this.state.projectIdByRegistrationToken.delete(own.registrationToken)
    own.registrationToken = token
    this.state.projectIdByRegistrationToken.set(token, own.id)
    return own
  }

  private load(data: WorldData): void {
    const state = this.state
    for (const group of data.groups) {
      state.groups.set(group.id, group)
      state.groupIdByRegistrationToken.set(group.registrationToken, group.id)
    }
    for (const project of data.projects) {
      state.projects.set(project.id, project)
      state.projectIdByRegistrationToken.set(project.registrationToken, project.id)
    }
    // Full paths need every ancestor loaded first.
    for (const group of data.groups) this.directory.groupIdByPath.set(this.groupFullPath(group).toLowerCase(), group.id)
    for (const project of data.projects) this.directory.projectIdByPath.set(this.projectFullPath(project).toLowerCase(), project.id)
    this.indexLoadedRunners(byId(data.runners))
    this.indexLoadedManagers(byId(data.managers))
    // Past any runner a job names too, so a new runner never shows a job of another.
    state.nextRunnerId = Math.max(maxId(data.runners), this.directory.jobs.highestRunnerId()) + 1
    state.nextManagerId = maxId(data.managers) + 1
  }

  private idOfSlot(slot: number): number {
    return this.state.slotIds[slot] as number
  }

  private idsOfSlots(bits: Bits): number[] {
    const ids: number[] = []
    for (const slot of bits) ids.push(this.idOfSlot(slot))
    return ids
  }

  private runnersInSlots(bits: Bits): RunnerRecord[] {
    const runners: RunnerRecord[] = []
    for (const slot of bits) {
      const runner = this.runnerInSlot(slot)
      if (runner) runners.push(runner)
    }
    return runners
  }

  private contactKey(slot: number): number {
    return this.runnerInSlot(slot)?.contactedAt ?? -Infinity
  }

  /** Position of the first runner in contact order contacted strictly after `time`. */
  private firstContactAfter(time: Millis): number {
    const order = this.state.contactOrder
    let low = 0
    let high = order.length
    while (low < high) {
      const mid = (low + high) >> 1
      if (this.contactKey(order[mid] as number) <= time) low = mid + 1
      else high = mid
    }
    return low
  }

  private forgetContact(runner: RunnerRecord): void {
    if (runner.contactedAt === null) return
    const slot = this.state.slotOf.get(runner.id)
    const order = this.state.contactOrder
    // Among equal contact times the order is by slot; scan the run of equal times for this one.
    for (let at = this.firstContactAfter(runner.contactedAt - 1); at < order.length; at++) {
      const here = order[at] as number
      if (here === slot) {
        this.writableContactOrder().splice(at, 1)
        return
      }
      if (this.contactKey(here) !== runner.contactedAt) return
    }
  }

  /** Brings the paused index up to date with runners changed in place since the last query. */
  private catchUpPaused(): void {
    if (this.maybePaused.size === 0) return
    for (const runner of this.maybePaused) {
      const slot = this.state.slotOf.get(runner.id)
      if (slot === undefined || this.state.runners.get(runner.id) !== runner) continue
      if (runner.active === this.state.paused.has(slot)) {
        if (runner.active) this.writableBits('paused').delete(slot)
        else this.writableBits('paused').add(slot)
      }
    }
    this.maybePaused.clear()
  }

  private owns(value: object): boolean {
    return !this.owned || this.owned.has(value)
  }

  private own<T extends object>(value: T): T {
    this.owned?.add(value)
    return value
  }

  private writable<T extends { id: number }>(records: LayeredMap<number, T>, record: T): T {
    this.changes += 1
    if (this.owns(record)) return record
    // Hand a stale copy to nobody: the map holds the copy from now on.
    const copy = this.own(structuredClone(records.get(record.id) ?? record))
    records.set(copy.id, copy)
    return copy
  }

  private writableContactOrder(): number[] {
    this.contactChanges += 1
    if (!this.owns(this.state.contactOrder)) this.state.contactOrder = this.own([...this.state.contactOrder])
    return this.state.contactOrder
  }

  private writableBits(which: 'present' | 'paused'): Bits {
    if (!this.owns(this.state[which])) this.state[which] = this.own(this.state[which].copy())
    return this.state[which]
  }

  /** The bit set under `key`, as this world may change it. */
  private bitsToChange<K>(index: LayeredMap<K, Bits>, key: K): Bits {
    const bits = index.get(key)
    if (bits && this.owns(bits)) return bits
    const own = this.own(bits ? bits.copy() : new Bits())
    index.set(key, own)
    return own
  }

  /** The set under `key`, as this world may change it. */
  private setToChange<K>(index: LayeredMap<K, Set<number>>, key: K): Set<number> {
    const set = index.get(key)
    if (set && this.owns(set)) return set
    const own = this.own(new Set(set))
    index.set(key, own)
    return own
  }

  private addTo<K>(index: LayeredMap<K, Set<number>>, key: K, id: number): void {
    this.setToChange(index, key).add(id)
  }

  private removeFrom<K>(index: LayeredMap<K, Set<number>>, key: K, id: number): void {
    if (index.get(key)?.has(id)) this.setToChange(index, key).delete(id)
  }

  /**
   * Gives `runner` the next slot (slots are in id order: ids only grow, so a new one comes after the
   * highest) and puts it in every index, copying a shared map, bit set or set before it changes.
   * `indexLoadedRunners` does the same for a whole new world; a test compares the two.
   */
  private indexRunner(runner: RunnerRecord): void {
    this.changes += 1
    const state = this.state
    if (!this.owns(state.slotIds)) state.slotIds = this.own([...state.slotIds])
    const last = state.slotIds[state.slotIds.length - 1]
    if (last !== undefined && last >= runner.id) throw new Error(`runner ${runner.id} is not after runner ${last}`)
    const slot = state.slotIds.length
    state.slotIds.push(runner.id)
    state.slotOf.set(runner.id, slot)
    state.runners.set(runner.id, runner)
    this.writableBits('present').add(slot)
    if (!runner.active) this.writableBits('paused').add(slot)
    this.bitsToChange(state.runnersByType, runner.runnerType).add(slot)
    for (const tag of runner.tagList) this.bitsToChange(state.runnersByTag, tag).add(slot)
    if (runner.groupId !== null) this.setToChange(state.runnersByGroup, runner.groupId).add(runner.id)
    for (const link of runner.projects) this.setToChange(state.runnersByProject, link.projectId).add(runner.id)
    state.runnerIdByToken.set(runner.token, runner.id)
    if (runner.contactedAt !== null) this.writableContactOrder().push(slot)
  }

  /**
   * `indexRunner` for each of `runners` (ids ascending) of a new world, which owns everything and holds
   * no runner yet: the maps are filled as plain Maps and taken over, the contact order is sorted on the
   * contact times themselves. Written as plain loops, one per kind of index, because this runs once,
   * at start-up, in the interpreter: placing the `bench` world's 1 000 runners through one function
   * per index and runner took 5.6 ms, these loops 1.8.
   */
  private indexLoadedRunners(runners: readonly RunnerRecord[]): void {
    const state = this.state
    if (state.slotIds.length > 0) throw new Error('indexLoadedRunners builds a new world only')
    const { slotIds, present, paused, contactOrder } = state
    const records = new Map<number, RunnerRecord>()
    const slots = new Map<number, number>()
    const tokens = new Map<string, number>()
    for (let slot = 0; slot < runners.length; slot++) {
      const runner = runners[slot] as RunnerRecord
      const id = runner.id
      if (slot > 0 && (slotIds[slot - 1] as number) >= id) throw new Error(`runner ${id} is not after runner ${slotIds[slot - 1]}`)
      slotIds.push(id)
      slots.set(id, slot)
      records.set(id, runner)
      tokens.set(runner.token, id)
    }
    const byType = new Map<RunnerType, Bits>()
    const byTag = new Map<string, Bits>()
    for (let slot = 0; slot < runners.length; slot++) {
      const runner = runners[slot] as RunnerRecord
      present.add(slot)
      if (!runner.active) paused.add(slot)
      bitsUnder(byType, runner.runnerType).add(slot)
      const tags = runner.tagList
      for (let i = 0; i < tags.length; i++) bitsUnder(byTag, tags[i] as string).add(slot)
    }
    const byGroup = new Map<number, Set<number>>()
    const byProject = new Map<number, Set<number>>()
    const contactTimes = new Float64Array(runners.length)
    for (let slot = 0; slot < runners.length; slot++) {
      const runner = runners[slot] as RunnerRecord
      if (runner.groupId !== null) setUnder(byGroup, runner.groupId).add(runner.id)
      const links = runner.projects
      for (let i = 0; i < links.length; i++) setUnder(byProject, (links[i] as RunnerRecord['projects'][number]).projectId).add(runner.id)
      if (runner.contactedAt === null) continue
      contactOrder.push(slot)
      contactTimes[slot] = runner.contactedAt
    }
    state.runners.takeOver(records)
    state.slotOf.takeOver(slots)
    state.runnerIdByToken.takeOver(tokens)
    for (const bits of [present, paused, ...byType.values(), ...byTag.values()]) bits.trim()
    for (const [type, bits] of byType) state.runnersByType.set(type, bits)
    for (const [tag, bits] of byTag) state.runnersByTag.set(tag, bits)
    for (const [group, ids] of byGroup) state.runnersByGroup.set(group, ids)
    for (const [project, ids] of byProject) state.runnersByProject.set(project, ids)
    // A slot is the runner's position in `runners`.
    contactOrder.sort((a, b) => (contactTimes[a] as number) - (contactTimes[b] as number) || a - b)
    this.changes += runners.length
  }

  /** `indexManager` for each of `managers`, for a new world: built in plain maps and installed once, as `indexLoadedRunners` does. */
  private indexLoadedManagers(managers: readonly RunnerManagerRecord[]): void {
    const records = new Map<number, RunnerManagerRecord>()
    const idsByRunner = new Map<number, readonly number[]>()
    for (const manager of managers) {
      records.set(manager.id, manager)
      idsByRunner.set(manager.runnerId, (idsByRunner.get(manager.runnerId) ?? []).concat(manager.id))
    }
    this.state.managers.takeOver(records)
    this.state.managerIdsByRunner.takeOver(idsByRunner)
    this.changes += managers.length
  }

  private indexManager(manager: RunnerManagerRecord): void {
    this.changes += 1
    this.state.managers.set(manager.id, manager)
    // A new list rather than push: a fork may share the old one with the world it came from. concat,
    // not a spread: a spread's list keeps room for 16 more ids (13 MB over 100k runners).
    const ids = this.state.managerIdsByRunner.get(manager.runnerId) ?? []
    this.state.managerIdsByRunner.set(manager.runnerId, ids.concat(manager.id))
  }
}

function bitsUnder<K>(index: Map<K, Bits>, key: K): Bits {
  let bits = index.get(key)
  if (bits === undefined) index.set(key, (bits = new Bits()))
  return bits
}

function setUnder<K>(index: Map<K, Set<number>>, key: K): Set<number> {
  let set = index.get(key)
  if (set === undefined) index.set(key, (set = new Set()))
  return set
}

/** A copy of `data` the world may own; a job table is never changed, so it is shared, not copied. */
function ownCopy(data: WorldData): WorldData {
  if (!(data.jobs instanceof JobTable)) return structuredClone(data)
  return { ...structuredClone({ ...data, jobs: [] }), jobs: data.jobs }
}

function byId<T extends { id: number }>(records: readonly T[]): T[] {
  return [...records].sort((a, b) => a.id - b.id)
}

function maxId(records: { id: number }[]): number {
  return records.reduce((max, record) => Math.max(max, record.id), 0)
}

function isPresent<T>(value: T | undefined): value is T {
  return value !== undefined
}

function appendTo<K, V>(index: Map<K, V[]>, key: K, value: V): void {
  const list = index.get(key)
  if (list) list.push(value)
  else index.set(key, [value])
}
