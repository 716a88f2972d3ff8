// One GitLab release as the contract knows it: its derived document, whether an element existed,
// its behaviour switches and the facts only known as a window around it. Handlers and checkers ask
// the profile; they never compare version strings. Built once per document and release.
import { behaviourStateIn, readBehaviours, type BehaviourName, type Behaviours, type BehaviourState, type BehaviourTable } from './behaviours.js'
import { catalogue, type CatalogueEntry, type FactKind } from './catalogue.js'
import { deriveDocument } from './derive.js'
import { presenceIn, type Presence } from './facts.js'
import { compareReleases, formatRelease, NEWEST_RELEASE, sideOf, type Moment, type Release } from './release.js'

type Json = Record<string, unknown>

export interface WindowFact {
  /** The element, as `fact()` names it: `property:RunnerDetails.maintenance_note`. */
  id: string
  kind: FactKind
  /** What happened in the window: introduced, removed, deprecated, or the change's description. */
  description: string
  window: { from: string; to: string }
}

export interface VersionProfile {
  release: Release
  /** "17.11" */
  label: string
  /** Whether this is the newest release the contract describes (its document is the contract as written). */
  newest: boolean
  /** The OpenAPI 3.1 document as this release answers (x-gitlab-* facts stay as annotations). */
  document: Json
  hasOperation(operationId: string): boolean
  /** Whether an element existed in this release; throws for an id the contract does not know. */
  fact(id: string): Presence
  /** `has('property', 'RunnerDetails.maintenance_note')` = `fact('property:RunnerDetails.maintenance_note') !== 'no'`. */
  has(kind: FactKind, name: string): boolean
  behaviour<K extends BehaviourName>(name: K): Behaviours[K]
  behaviourState<K extends BehaviourName>(name: K): BehaviourState<K>
  windowFacts(): WindowFact[]
}

export class UnknownFactError extends Error {
  constructor(id: string) {
    super(`the contract has no element '${id}' (ids look like operation:getRunner, property:RunnerDetails.token, value:RunnerStatus=stale)`)
    this.name = 'UnknownFactError'
  }
}

interface DocumentFacts {
  entries: Map<string, CatalogueEntry>
  behaviours: BehaviourTable
  profiles: Map<string, VersionProfile>
}

const byDocument = new WeakMap<Json, DocumentFacts>()

function factsOf(document: Json): DocumentFacts {
  let facts = byDocument.get(document)
  if (facts === undefined) {
    facts = { entries: catalogue(document), behaviours: readBehaviours(document), profiles: new Map() }
    byDocument.set(document, facts)
  }
  return facts
}

/** Gives `document` a catalogue made before (at build time, prebuilt-catalogue.ts) instead of making one on first use. */
export function adoptCatalogue(document: Json, entries: Map<string, CatalogueEntry>): void {
  if (!byDocument.has(document)) byDocument.set(document, { entries, behaviours: readBehaviours(document), profiles: new Map() })
}

/** The profile of `release` for the contract `document` (as written, describing the newest release). */
export function profileFor(document: Json, release: Release): VersionProfile {
  const facts = factsOf(document)
  // Releases after the newest the contract describes answer as the newest.
  const effective = compareReleases(release, NEWEST_RELEASE) > 0 ? NEWEST_RELEASE : release
  const label = formatRelease(release)
  let profile = facts.profiles.get(label)
  if (profile === undefined) {
    profile = buildProfile(document, facts, release, effective)
    facts.profiles.set(label, profile)
  }
  return profile
}

function buildProfile(source: Json, facts: DocumentFacts, release: Release, effective: Release): VersionProfile {
  const newest = compareReleases(effective, NEWEST_RELEASE) === 0
  let derived: Json | undefined
  const fact = (id: string): Presence => {
    const entry = facts.entries.get(id)
    if (entry === undefined) throw new UnknownFactError(id)
    const own = presenceIn(effective, entry.lifecycle)
    // A parameter or status exists only while its operation does.
    const parent = entry.within === undefined ? 'yes' : fact(entry.within)
    return own === 'no' || parent === 'no' ? 'no' : own === 'window' || parent === 'window' ? 'window' : 'yes'
  }
  return {
    release,
    label: formatRelease(release),
    newest,
    get document() {
      return (derived ??= newest ? source : deriveDocument(source, effective))
    },
    hasOperation: (operationId) => fact(`operation:${operationId}`) !== 'no',
    fact,
    has: (kind, name) => fact(`${kind}:${name}`) !== 'no',
    behaviour: (name) => behaviourStateIn(facts.behaviours, name, effective).value,
    behaviourState: (name) => behaviourStateIn(facts.behaviours, name, effective),
    // A fact about a parameter or status of an operation the release lacks says nothing about it.
    windowFacts: () => windowFactsIn(facts.entries, effective).filter((found) => facts.entries.get(found.id)?.within === undefined || fact(facts.entries.get(found.id)!.within!) !== 'no'),
  }
}

function windowFactsIn(entries: Map<string, CatalogueEntry>, release: Release): WindowFact[] {
  const found: WindowFact[] = []
  const note = (entry: CatalogueEntry, description: string, moment: Moment): void => {
    if ('window' in moment && sideOf(release, moment) === 'window') {
      found.push({ id: entry.id, kind: entry.kind, description, window: { from: formatRelease(moment.window.from), to: formatRelease(moment.window.to) } })
    }
  }
  for (const entry of entries.values()) {
    for (const event of ['introduced', 'deprecated', 'removed'] as const) {
      const moment = entry.lifecycle[event]
      if (moment !== undefined) note(entry, event, moment)
    }
    for (const change of entry.changes) note(entry, change.description, change.moment)
  }
  return found
}

/** Every element that carries a version fact, for reports and the `contract facts` command. */
export function versionedFacts(document: Json): CatalogueEntry[] {
  return [...factsOf(document).entries.values()].filter((entry) => entry.versioned)
}
