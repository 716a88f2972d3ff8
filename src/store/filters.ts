// The runner list filters with their SQL meaning (reference §2.3), the deprecated `scope` per endpoint
// (§4.1, §4.2), and index-backed filtering that stays fast over 100 000 runners.
import { Bits } from './bits.js'
import { BadRequestError, ParamError } from './errors.js'
import type { Sliceable } from './pagination.js'
import type { RunnerRecord, RunnerType } from './records.js'
import { contactedRecently, isStale, NEWEST_STATUS_RULES, type StatusRules } from './status.js'
import type { World } from './world.js'

export type StatusFilter = 'online' | 'offline' | 'stale' | 'never_contacted' | 'not_connected' | 'active' | 'paused'

export interface RunnerFilters {
  type?: RunnerType
  status?: StatusFilter
  paused?: boolean
  tagList?: string[]
  versionPrefix?: string
  /** The served release's thresholds (the newest GitLab's when absent). */
  statusRules?: StatusRules
}

/** What a `scope` value narrows to: runner types (type scopes, shared, specific) or a status. */
export type ScopeFilter = { types: RunnerType[] } | { status: StatusFilter }

export type ScopedListOperation = 'listRunners' | 'listAllRunners' | 'listProjectRunners'

const STATUS_SCOPES: readonly StatusFilter[] = ['active', 'paused', 'online', 'offline', 'never_contacted', 'not_connected', 'stale']
const TYPE_SCOPES: Readonly<Record<string, RunnerType[]>> = {
  specific: ['group_type', 'project_type'],
  shared: ['instance_type'],
  instance_type: ['instance_type'],
  group_type: ['group_type'],
  project_type: ['project_type'],
}

/**
 * Reads `scope` for an endpoint. Every list declares the same 11 values; `GET /runners` honours
 * only the status ones and answers the others with its own message, not Grape's.
 */
export function parseScope(operation: ScopedListOperation, scope: string | undefined): ScopeFilter | undefined {
  if (scope === undefined) return undefined
  const status = STATUS_SCOPES.find((value) => value === scope)
  if (status) return { status }
  const types = TYPE_SCOPES[scope]
  if (!types) throw new ParamError('scope does not have a valid value')
  if (operation === 'listRunners') throw new BadRequestError('Scope contains invalid value')
  return { types }
}

/** The SQL meaning, which differs from the `status` field: `offline` includes stale and paused runners. */
export function matchesStatusFilter(now: number, runner: RunnerRecord, status: StatusFilter, rules: StatusRules = NEWEST_STATUS_RULES): boolean {
  switch (status) {
    case 'online':
      return contactedRecently(now, runner.contactedAt, rules)
    case 'offline':
      return runner.contactedAt !== null && !contactedRecently(now, runner.contactedAt, rules)
    // not_connected is the pre-15.0 name of the same filter.
    case 'never_contacted':
    case 'not_connected':
      return runner.contactedAt === null
    case 'stale':
      return isStale(now, runner, rules)
    case 'active':
      return runner.active
    case 'paused':
      return !runner.active
  }
}

const VERSION_PREFIX = /^[\d+.]/

/**
 * GitLab compares the leading `X.Y.Z`, `X.Y.` or `X.` of a manager's version (as many components
 * as the prefix has) for equality with the prefix: `15.0` matches `15.0.3`, `15.0.1` not `15.0.10`.
 */
export function matchesVersionPrefix(version: string | null, prefix: string): boolean {
  if (version === null) return false
  let pattern: RegExp
  let wanted = prefix
  if (/\d+\.\d+\.\d+/.test(prefix)) pattern = /^\d+\.\d+\.\d+/
  else {
    pattern = /\d+\.\d+(\.)?/.test(prefix) ? /^\d+\.\d+\./ : /^\d+\./
    if (!wanted.endsWith('.')) wanted += '.'
  }
  return version.match(pattern)?.[0] === wanted
}

export function validateVersionPrefix(prefix: string): void {
  if (!VERSION_PREFIX.test(prefix)) throw new ParamError('version_prefix is invalid')
}

/** The runners a list query matches: counted from the indexes, read only for the page asked. */
export type RunnerSelection = Sliceable<RunnerRecord>

/**
 * The runners among `within` (every runner when undefined) that pass every filter, ids ascending.
 * The type, tag, paused and contact-time indexes are intersected as bit sets before any record is
 * read, and the count comes from the bits: a page of a 100 000-runner world reads one page of records.
 */
export function filterRunners(
  world: World,
  within: ReadonlySet<number> | undefined,
  filters: RunnerFilters,
  scope?: ScopeFilter,
): RunnerSelection {
  const now = world.now()
  const rules = filters.statusRules ?? NEWEST_STATUS_RULES
  if (filters.versionPrefix !== undefined) validateVersionPrefix(filters.versionPrefix)

  const including: Bits[] = []
  const excluding: Bits[] = []
  if (within) including.push(world.slotsOf(within))
  for (const tag of filters.tagList ?? []) including.push(world.tagBits(tag))
  if (filters.type) including.push(world.typeBits(filters.type))
  if (scope && 'types' in scope) {
    const types = new Bits()
    for (const type of scope.types) types.or(world.typeBits(type))
    including.push(types)
  }
  if (filters.paused === true) including.push(world.pausedBits())
  if (filters.paused === false) excluding.push(world.pausedBits())
  const statuses = [filters.status, scope && 'status' in scope ? scope.status : undefined].filter((s) => s !== undefined)
  const checks = statuses.filter((status) => !indexStatus(world, now - rules.onlineWindowMs, status, including, excluding))
  const slots = intersect(world.runnerSlots(), including, excluding)

  if (checks.length === 0 && filters.versionPrefix === undefined) {
    return {
      length: slots.count(),
      slice: (start, end) => slots.slice(start, end - start).map((slot) => world.runnerInSlot(slot)).filter((r) => r !== undefined),
    }
  }
  // `stale` (creation time too) and `version_prefix` (the managers) are read from the records.
  const matches: RunnerRecord[] = []
  for (const slot of slots) {
    const runner = world.runnerInSlot(slot)
    if (!runner || !checks.every((status) => matchesStatusFilter(now, runner, status, rules))) continue
    if (filters.versionPrefix !== undefined && !hasManagerWithVersion(world, runner, filters.versionPrefix)) continue
    matches.push(runner)
  }
  return matches
}

/**
 * Adds an indexed status's bits to those the runners must be in or not in; false for one the
 * records must decide (`stale`).
 */
function indexStatus(world: World, onlineSince: number, status: StatusFilter, including: Bits[], excluding: Bits[]): boolean {
  switch (status) {
    case 'online':
      including.push(world.contactBits('after', onlineSince))
      return true
    case 'offline':
      including.push(world.contactBits('until', onlineSince))
      return true
    case 'never_contacted':
    case 'not_connected':
      excluding.push(world.contactBits('after', -Infinity))
      return true
    case 'active':
      excluding.push(world.pausedBits())
      return true
    case 'paused':
      including.push(world.pausedBits())
      return true
    case 'stale':
      return false
  }
}

/**
 * The present runners in every one of `including` and none of `excluding`. Every index holds present
 * runners only (`World.removeRunner` takes a slot out of each), so a filter starts from a copy of its
 * shortest index rather than of every runner's: at 100 000 runners that is a copy and an
 * intersection of 3 125 words fewer. Without filters the world's own bits are only read.
 */
function intersect(present: Bits, including: readonly Bits[], excluding: readonly Bits[]): Bits {
  if (including.length === 0 && excluding.length === 0) return present
  const shortest = including.reduce<Bits | undefined>((best, bits) => (best === undefined || bits.span < best.span ? bits : best), undefined)
  const slots = (shortest ?? present).copy()
  for (const bits of including) if (bits !== shortest) slots.and(bits)
  for (const bits of excluding) slots.andNot(bits)
  return slots
}

function hasManagerWithVersion(world: World, runner: RunnerRecord, prefix: string): boolean {
  return world.managersOf(runner.id).some((manager) => matchesVersionPrefix(manager.version, prefix))
}
