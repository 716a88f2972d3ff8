// Runner and manager status from contact and creation times against the world's clock
// (reference §2.1, §2.2). The list filters' SQL meaning of `status` lives in filters.ts. The
// thresholds and status words differ between GitLab releases; callers pass them as StatusRules.
import type { JobStatus, Millis, RunnerManagerRecord, RunnerRecord } from './records.js'
import type { World } from './world.js'

export const ONLINE_WINDOW_MS = 2 * 60 * 60 * 1000
export const STALE_AFTER_MS = 7 * 24 * 60 * 60 * 1000

export type RunnerStatus = 'online' | 'offline' | 'stale' | 'never_contacted' | 'not_connected' | 'paused'
export type ManagerStatus = 'online' | 'offline' | 'stale' | 'never_contacted'
export type JobExecutionStatus = 'active' | 'idle'

/** The thresholds and words of one GitLab release. */
export interface StatusRules {
  /** A runner contacted within this long is online. */
  onlineWindowMs: number
  /** How long without contact makes a runner stale (calendar months, as Rails' `3.months.ago`); null before stale existed. */
  staleAfter: { months: number } | { days: number } | null
  /** Whether the `status` field may say `stale` (the filter knew it from 14.6, the field from 15.0). */
  staleStatus: boolean
  /** The `status` of a runner that never contacted GitLab. */
  neverContactedStatus: 'not_connected' | 'never_contacted'
}

/** The newest GitLab's rules. */
export const NEWEST_STATUS_RULES: StatusRules = Object.freeze({
  onlineWindowMs: ONLINE_WINDOW_MS,
  staleAfter: Object.freeze({ days: 7 }),
  staleStatus: true,
  neverContactedStatus: 'never_contacted',
})

/** Either a world (its clock's now) or an epoch-millisecond "now". */
export type Now = World | Millis

function millis(now: Now): Millis {
  return typeof now === 'number' ? now : now.now()
}

/** Contacted strictly after now − the online window. */
export function contactedRecently(now: Now, contactedAt: Millis | null, rules: StatusRules = NEWEST_STATUS_RULES): boolean {
  return contactedAt !== null && contactedAt > millis(now) - rules.onlineWindowMs
}

/** The moment at or before which a runner counts as stale; undefined where the release had no stale state. */
export function staleDeadline(now: Now, rules: StatusRules = NEWEST_STATUS_RULES): Millis | undefined {
  const { staleAfter } = rules
  if (staleAfter === null) return undefined
  if ('days' in staleAfter) return millis(now) - staleAfter.days * 24 * 60 * 60 * 1000
  const deadline = new Date(millis(now))
  deadline.setUTCMonth(deadline.getUTCMonth() - staleAfter.months)
  return deadline.getTime()
}

/** Created, and last contacted (or never), at or before the stale deadline. */
export function isStale(now: Now, record: { createdAt: Millis; contactedAt: Millis | null }, rules: StatusRules = NEWEST_STATUS_RULES): boolean {
  const deadline = staleDeadline(now, rules)
  if (deadline === undefined) return false
  return record.createdAt <= deadline && (record.contactedAt === null || record.contactedAt <= deadline)
}

/** The REST `status` field: the first of stale, never contacted, paused, online, offline that holds. */
export function runnerStatus(now: Now, runner: RunnerRecord, rules: StatusRules = NEWEST_STATUS_RULES): RunnerStatus {
  if (rules.staleStatus && isStale(now, runner, rules)) return 'stale'
  if (runner.contactedAt === null) return rules.neverContactedStatus
  if (!runner.active) return 'paused'
  return contactedRecently(now, runner.contactedAt, rules) ? 'online' : 'offline'
}

/** `online`: null for a runner that never contacted GitLab; paused runners can be online. */
export function runnerOnline(now: Now, runner: RunnerRecord, rules: StatusRules = NEWEST_STATUS_RULES): boolean | null {
  if (runner.contactedAt === null) return null
  return contactedRecently(now, runner.contactedAt, rules)
}

/** Managers have no paused state; they arrived after the newest thresholds (7 days, 2 hours) did. */
export function managerStatus(now: Now, manager: RunnerManagerRecord): ManagerStatus {
  if (isStale(now, manager)) return 'stale'
  if (manager.contactedAt === null) return 'never_contacted'
  return contactedRecently(now, manager.contactedAt) ? 'online' : 'offline'
}

// GitLab's "executing" builds: running, and canceling ones still holding the runner.
const EXECUTING: ReadonlySet<JobStatus> = new Set(['running', 'canceling'])

export function runnerJobExecutionStatus(world: World, runner: RunnerRecord): JobExecutionStatus {
  return world.runnerHasJobIn(runner.id, EXECUTING) ? 'active' : 'idle'
}

export function managerJobExecutionStatus(world: World, manager: RunnerManagerRecord): JobExecutionStatus {
  return world.runnerHasJobIn(manager.runnerId, EXECUTING, manager.id) ? 'active' : 'idle'
}

/** The manager whose details a runner shows (version, platform…): the most recently contacted one. */
export function latestManager(world: World, runner: RunnerRecord): RunnerManagerRecord | undefined {
  let latest: RunnerManagerRecord | undefined
  for (const manager of world.managersOf(runner.id)) {
    if (!latest || (manager.contactedAt ?? -Infinity) > (latest.contactedAt ?? -Infinity)) latest = manager
  }
  return latest
}
