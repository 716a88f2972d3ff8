// Runner and manager status from contact and creation times against the world's clock
// (reference §2.1, §2.2). The list filters' SQL meaning of `status` lives in filters.ts.
import type { JobStatus, Millis, RunnerManagerRecord, RunnerRecord } from './records.js'
import type { World } from './world.js'

export const ONLINE_WINDOW_MS = 2 * 60 * 60 * 1000
export const STALE_AFTER_MS = 7 * 24 * 60 * 60 * 1000

export type RunnerStatus = 'online' | 'offline' | 'stale' | 'never_contacted' | 'paused'
export type ManagerStatus = 'online' | 'offline' | 'stale' | 'never_contacted'
export type JobExecutionStatus = 'active' | 'idle'

/** Either a world (its clock's now) or an epoch-millisecond "now". */
export type Now = World | Millis

function millis(now: Now): Millis {
  return typeof now === 'number' ? now : now.now()
}

/** Contacted strictly after now − 2 h. */
export function contactedRecently(now: Now, contactedAt: Millis | null): boolean {
  return contactedAt !== null && contactedAt > millis(now) - ONLINE_WINDOW_MS
}

/** Created, and last contacted (or never), at or before now − 7 days. */
export function isStale(now: Now, record: { createdAt: Millis; contactedAt: Millis | null }): boolean {
  const deadline = millis(now) - STALE_AFTER_MS
  return record.createdAt <= deadline && (record.contactedAt === null || record.contactedAt <= deadline)
}

/** The REST `status` field: the first of stale, never_contacted, paused, online, offline that holds. */
export function runnerStatus(now: Now, runner: RunnerRecord): RunnerStatus {
  if (isStale(now, runner)) return 'stale'
  if (runner.contactedAt === null) return 'never_contacted'
  if (!runner.active) return 'paused'
  return contactedRecently(now, runner.contactedAt) ? 'online' : 'offline'
}

/** `online`: null for a runner that never contacted GitLab; paused runners can be online. */
export function runnerOnline(now: Now, runner: RunnerRecord): boolean | null {
  if (runner.contactedAt === null) return null
  return contactedRecently(now, runner.contactedAt)
}

/** Managers have no paused state. */
export function managerStatus(now: Now, manager: RunnerManagerRecord): ManagerStatus {
  if (isStale(now, manager)) return 'stale'
  if (manager.contactedAt === null) return 'never_contacted'
  return contactedRecently(now, manager.contactedAt) ? 'online' : 'offline'
}

// GitLab's "executing" builds: running, and canceling ones still holding the runner.
const EXECUTING: ReadonlySet<JobStatus> = new Set(['running', 'canceling'])

export function runnerJobExecutionStatus(world: World, runner: RunnerRecord): JobExecutionStatus {
  return world.jobsOf(runner.id).some((job) => EXECUTING.has(job.status)) ? 'active' : 'idle'
}

export function managerJobExecutionStatus(world: World, manager: RunnerManagerRecord): JobExecutionStatus {
  const running = world.jobsOf(manager.runnerId)
    .some((job) => job.runnerManagerId === manager.id && EXECUTING.has(job.status))
  return running ? 'active' : 'idle'
}

/** The manager whose details a runner shows (version, platform…): the most recently contacted one. */
export function latestManager(world: World, runner: RunnerRecord): RunnerManagerRecord | undefined {
  let latest: RunnerManagerRecord | undefined
  for (const manager of world.managersOf(runner.id)) {
    if (!latest || (manager.contactedAt ?? -Infinity) > (latest.contactedAt ?? -Infinity)) latest = manager
  }
  return latest
}
