// The runner list filters with their SQL meaning (reference §2.3), the deprecated `scope` per endpoint
// (§4.1, §4.2), and index-backed filtering that stays fast over 100 000 runners.
import { BadRequestError, ParamError } from './errors.js'
import type { RunnerRecord, RunnerType } from './records.js'
import { contactedRecently, isStale, ONLINE_WINDOW_MS } from './status.js'
import type { World } from './world.js'

export type StatusFilter = 'online' | 'offline' | 'stale' | 'never_contacted' | 'active' | 'paused'

export interface RunnerFilters {
  type?: RunnerType
  status?: StatusFilter
  paused?: boolean
  tagList?: string[]
  versionPrefix?: string
}

/** What a `scope` value narrows to: runner types (type scopes, shared, specific) or a status. */
export type ScopeFilter = { types: RunnerType[] } | { status: StatusFilter }

export type ScopedListOperation = 'listRunners' | 'listAllRunners' | 'listProjectRunners'

const STATUS_SCOPES: readonly StatusFilter[] = ['active', 'paused', 'online', 'offline', 'never_contacted', 'stale']
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
export function matchesStatusFilter(now: number, runner: RunnerRecord, status: StatusFilter): boolean {
  switch (status) {
    case 'online':
      return contactedRecently(now, runner.contactedAt)
    case 'offline':
      return runner.contactedAt !== null && !contactedRecently(now, runner.contactedAt)
    case 'never_contacted':
      return runner.contactedAt === null
    case 'stale':
      return isStale(now, runner)
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

/**
 * The runners among `within` (every runner when undefined) that pass every filter, ids ascending.
 * Starts from the smallest index that applies, so narrow filters never walk the whole world.
 */
export function filterRunners(
  world: World,
  within: ReadonlySet<number> | undefined,
  filters: RunnerFilters,
  scope?: ScopeFilter,
): RunnerRecord[] {
  const now = world.now()
  const tags = filters.tagList ?? []
  if (filters.versionPrefix !== undefined) validateVersionPrefix(filters.versionPrefix)

  const sets: ReadonlySet<number>[] = tags.map((tag) => world.runnerIdsWithTag(tag))
  if (within) sets.push(within)
  if (filters.type) sets.push(world.runnerIdsOfType(filters.type))
  if (scope && 'types' in scope && scope.types.length === 1 && scope.types[0]) sets.push(world.runnerIdsOfType(scope.types[0]))
  const smallest = sets.reduce<ReadonlySet<number> | undefined>((best, set) => (!best || set.size < best.size ? set : best), undefined)
  const contacted = contactRange(world, now, filters.status ?? (scope && 'status' in scope ? scope.status : undefined))

  const all = world.allRunnerIds()
  // Start from the narrowest source. The whole world and a large set are walked in id order; a
  // small set, or the contact-time range of `online`/`offline`, is walked as it is and sorted after.
  let candidates: Iterable<number>
  let sorted = true
  if (contacted && contacted.length < (smallest?.size ?? all.length)) {
    candidates = contacted
    sorted = false
  } else if (smallest && smallest.size * 8 < all.length) {
    candidates = smallest
    sorted = false
  } else {
    candidates = smallest ? all.filter((id) => smallest.has(id)) : all
  }

  const result: RunnerRecord[] = []
  for (const id of candidates) {
    const runner = world.runners.get(id)
    if (!runner || (within && !within.has(id))) continue
    if (filters.type && runner.runnerType !== filters.type) continue
    if (scope && 'types' in scope && !scope.types.includes(runner.runnerType)) continue
    if (scope && 'status' in scope && !matchesStatusFilter(now, runner, scope.status)) continue
    if (filters.status && !matchesStatusFilter(now, runner, filters.status)) continue
    if (filters.paused !== undefined && runner.active === filters.paused) continue
    if (!tags.every((tag) => runner.tagList.includes(tag))) continue
    if (filters.versionPrefix !== undefined && !hasManagerWithVersion(world, runner, filters.versionPrefix)) continue
    result.push(runner)
  }
  return sorted ? result : result.sort((a, b) => a.id - b.id)
}

/** The runners a contact-time status can match, from the world's contact-order index. */
function contactRange(world: World, now: number, status: StatusFilter | undefined): readonly number[] | undefined {
  if (status === 'online') return world.runnerIdsContactedAfter(now - ONLINE_WINDOW_MS)
  if (status === 'offline') return world.runnerIdsContactedUntil(now - ONLINE_WINDOW_MS)
  return undefined
}

function hasManagerWithVersion(world: World, runner: RunnerRecord, prefix: string): boolean {
  return world.managersOf(runner.id).some((manager) => matchesVersionPrefix(manager.version, prefix))
}
