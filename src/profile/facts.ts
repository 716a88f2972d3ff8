// Reads the version facts the contract writes (`x-gitlab-introduced: '14.8'`, or a window
// `{from: '17.0', to: '18.2'}` where GitLab's history does not pin the minor) and judges an element's
// presence in a release. A malformed fact is a FactError naming where it is written.
import { isObject } from '../contract/pointer.js'
import { compareReleases, parseRelease, sideOf, ReleaseError, type Moment, type Release, type Side } from './release.js'

/** Whether an element exists in a release: certainly, certainly not, or unknown (inside a window). */
export type Presence = 'yes' | 'no' | 'window'

export interface Lifecycle {
  introduced?: Moment
  deprecated?: Moment
  removed?: Moment
}

export class FactError extends Error {
  constructor(
    readonly pointer: string,
    message: string,
  ) {
    super(`${pointer}: ${message}`)
    this.name = 'FactError'
  }
}

const exactRelease = /^\d+\.\d+$/

/** A fact's value: "MAJOR.MINOR" or `{from, to}`. */
export function readMoment(value: unknown, pointer: string): Moment {
  const release = (text: unknown, where: string): Release => {
    if (typeof text !== 'string' || !exactRelease.test(text)) throw new FactError(where, `a release must be a "MAJOR.MINOR" string, got ${JSON.stringify(text)}`)
    try {
      return parseRelease(text)
    } catch (error) {
      // Facts older than the oldest supported release (8.5, 10.3) simply predate every profile.
      if (error instanceof ReleaseError && Number(text.split('.')[0]) < 11) return { major: Number(text.split('.')[0]), minor: Number(text.split('.')[1]) }
      throw new FactError(where, (error as Error).message)
    }
  }
  if (isObject(value)) {
    const from = release(value['from'], `${pointer}/from`)
    const to = release(value['to'], `${pointer}/to`)
    if (compareReleases(from, to) >= 0) throw new FactError(pointer, `a window must start before it ends (from ${String(value['from'])} to ${String(value['to'])})`)
    return { window: { from, to } }
  }
  return { release: release(value, pointer) }
}

/** The lifecycle written on a node, with keys `x-gitlab-introduced` (prefix `x-gitlab-`) or `introduced` (prefix ''). */
export function readLifecycle(node: unknown, pointer: string, prefix = 'x-gitlab-'): Lifecycle {
  const lifecycle: Lifecycle = {}
  if (!isObject(node)) return lifecycle
  for (const event of ['introduced', 'deprecated', 'removed'] as const) {
    const value = node[prefix + event]
    if (value !== undefined) lifecycle[event] = readMoment(value, `${pointer}/${prefix}${event}`)
  }
  return lifecycle
}

export function presenceIn(release: Release, lifecycle: Lifecycle): Presence {
  const introduced: Side = lifecycle.introduced === undefined ? 'after' : sideOf(release, lifecycle.introduced)
  const removed: Side = lifecycle.removed === undefined ? 'before' : sideOf(release, lifecycle.removed)
  if (introduced === 'before' || removed === 'after') return 'no'
  if (introduced === 'after' && removed === 'before') return 'yes'
  return 'window'
}

export interface Change {
  moment: Moment
  description: string
  /** The schema the element had before the change, when the change is one of shape. */
  beforeSchema?: Record<string, unknown>
}

/** `x-gitlab-changes` of a node, newest first. */
export function readChanges(node: unknown, pointer: string): Change[] {
  if (!isObject(node) || !Array.isArray(node['x-gitlab-changes'])) return []
  const changes = node['x-gitlab-changes'].map((entry: unknown, index): Change => {
    const at = `${pointer}/x-gitlab-changes/${index}`
    if (!isObject(entry)) throw new FactError(at, 'a change must be a mapping')
    const change: Change = { moment: readMoment(entry['version'], `${at}/version`), description: String(entry['description'] ?? '') }
    if (entry['beforeSchema'] !== undefined) {
      if (!isObject(entry['beforeSchema'])) throw new FactError(`${at}/beforeSchema`, 'beforeSchema must be a schema mapping')
      change.beforeSchema = entry['beforeSchema']
    }
    return change
  })
  return changes.sort((a, b) => compareReleases(latestOf(b.moment), latestOf(a.moment)))
}

function latestOf(moment: Moment): Release {
  return 'release' in moment ? moment.release : moment.window.to
}
