// The GitLab release the mock answers as, in the terms handlers and the serializer need: the version
// profile's facts and behaviour switches with one policy on top. Where a fact's release is only known
// as a window and the served release lies inside it, the mock picks the newer side (README "Serving a
// release"). Nothing here compares version strings: the profile answers every question.
import { UnknownFactError, type BehaviourName, type Behaviours, type FactKind, type VersionProfile } from '../profile/index.js'
import type { RunnerTokenPrefixes } from '../store/secrets.js'
import type { StatusRules } from '../store/status.js'
import type { ScopeRule } from '../store/tokens.js'
import type { ReleaseWording } from './errors.js'

export interface ServedRelease {
  /** "17.11" */
  label: string
  profile: VersionProfile
  /** Whether this release has the element (an operation, a property, an enum value…). */
  has(kind: FactKind, name: string): boolean
  behaviour<K extends BehaviourName>(name: K): Behaviours[K]
  /** The entity without the keys this release does not send; `schema` names it as the contract does (`Runner`, `Metadata.kas`). */
  shown<T extends object>(schema: string, entity: T): T
  /** Thresholds and status words for the store (and the dashboard's counts). */
  statusRules: StatusRules
  /** The prefixes of the runner tokens this release issues (none: legacy 30-hex tokens): what the store mints and a scenario's runners get. */
  tokenPrefixes: RunnerTokenPrefixes
  /** The contract's scope rule without the scopes this release did not know (manage_runner, create_runner). */
  scopeRule(rule: ScopeRule): ScopeRule
  wording: ReleaseWording
}

const HOUR = 60 * 60 * 1000

export function serveRelease(profile: VersionProfile): ServedRelease {
  const windows = new Map(profile.windowFacts().map((fact) => [fact.id, fact.description]))
  const known = new Map<string, boolean>()
  const has = (kind: FactKind, name: string): boolean => {
    const id = `${kind}:${name}`
    let answer = known.get(id)
    if (answer === undefined) {
      answer = presence(profile, id, windows)
      known.set(id, answer)
    }
    return answer
  }
  // Inside a window the profile keeps the older value and names the newer one: the mock takes the newer.
  // Answered once per name: handlers ask on every request, and the profile walks the switch's history.
  const behaviours = new Map<BehaviourName, unknown>()
  const behaviour = <K extends BehaviourName>(name: K): Behaviours[K] => {
    if (behaviours.has(name)) return behaviours.get(name) as Behaviours[K]
    const state = profile.behaviourState(name)
    const value = state.window === undefined ? state.value : state.window.otherValue
    behaviours.set(name, value)
    return value
  }
  const staleWindow = behaviour('staleWindow')
  // A token carrying only a scope its release did not know opens nothing, like a token without it.
  const unknownScopes = [...(behaviour('manageRunnerScope') ? [] : ['manage_runner']), ...(behaviour('createRunnerScope') ? [] : ['create_runner'])]
  return {
    label: profile.label,
    profile,
    has,
    behaviour,
    shown<T extends object>(schema: string, entity: T): T {
      const hidden = Object.keys(entity).filter((key) => !has('property', `${schema}.${key}`))
      if (hidden.length === 0) return entity
      const copy: Record<string, unknown> = { ...(entity as Record<string, unknown>) }
      for (const key of hidden) delete copy[key]
      return copy as T
    },
    statusRules: {
      onlineWindowMs: behaviour('onlineWindow') === '1h' ? HOUR : 2 * HOUR,
      staleAfter: staleWindow === null ? null : staleWindow === '3mo' ? { months: 3 } : { days: 7 },
      staleStatus: has('value', 'RunnerStatus=stale'),
      neverContactedStatus: behaviour('neverContactedStatus'),
    },
    tokenPrefixes: { registered: behaviour('registeredRunnerTokenPrefix'), created: behaviour('createdRunnerTokenPrefix') },
    scopeRule: (rule) => (unknownScopes.length === 0 ? rule : { ...rule, opening: rule.opening.filter((scope) => !unknownScopes.includes(scope)) }),
    wording: { runnerNotFound: behaviour('runnerNotFoundMessage') },
  }
}

/** Present, absent, or inside a window: then present when the window is the one it was introduced in. */
function presence(profile: VersionProfile, id: string, windows: ReadonlyMap<string, string>): boolean {
  let state
  try {
    state = profile.fact(id)
  } catch (error) {
    // An element the contract names no facts for (an open object's extra key) is simply sent.
    if (error instanceof UnknownFactError) return true
    throw error
  }
  if (state !== 'window') return state === 'yes'
  return windows.get(id) !== 'removed'
}
