// How much of the contract carries version facts, and every fact whose release is only known as a
// window: what `contract facts` prints and the closing note quotes.
import { catalogue, type CatalogueEntry, type FactKind } from './catalogue.js'
import { compareReleases, formatRelease, OLDEST_RELEASE, type Moment, type Release } from './release.js'

type Json = Record<string, unknown>

export interface FactSummary {
  /** Elements carrying at least one version fact, per kind (a shared component counted once). */
  versioned: Record<FactKind, number>
  /** Of those, the ones whose facts tell supported releases apart (a moment after 11.0). */
  differing: Record<FactKind, number>
  /** Every element known, per kind (versioned or not; a shared component counted once). */
  total: Record<FactKind, number>
  /** Each fact whose release is a window, once where it is written; `ids` are the elements it dates. */
  windows: { ids: string[]; event: string; window: { from: string; to: string } }[]
}

const kinds: FactKind[] = ['operation', 'parameter', 'property', 'value', 'status', 'header', 'schema', 'behaviour']

export function summariseFacts(document: Json): FactSummary {
  const entries = [...catalogue(document).values()]
  // An enum value or parameter written once in a component is one fact however many operations use it.
  const distinct = (entry: CatalogueEntry): string => (entry.kind === 'value' ? `${entry.pointer}=${entry.id.split('=').at(-1)!}` : entry.pointer)
  const count = (list: CatalogueEntry[]): Record<FactKind, number> =>
    Object.fromEntries(kinds.map((kind) => [kind, new Set(list.filter((entry) => entry.kind === kind).map(distinct)).size])) as Record<FactKind, number>
  const byFact = new Map<string, FactSummary['windows'][number]>()
  const note = (entry: CatalogueEntry, event: string, moment: Moment): void => {
    if (!('window' in moment)) return
    const window = { from: formatRelease(moment.window.from), to: formatRelease(moment.window.to) }
    const key = `${distinct(entry)} ${event} ${window.from} ${window.to}`
    const known = byFact.get(key)
    if (known === undefined) byFact.set(key, { ids: [entry.id], event, window })
    else known.ids.push(entry.id)
  }
  for (const entry of entries) {
    for (const event of ['introduced', 'deprecated', 'removed'] as const) {
      const moment = entry.lifecycle[event]
      if (moment !== undefined) note(entry, event, moment)
    }
    for (const change of entry.changes) note(entry, change.description, change.moment)
  }
  const differs = (entry: CatalogueEntry): boolean =>
    [...Object.values(entry.lifecycle), ...entry.changes.map((change) => change.moment)].some((moment) => compareReleases(latestOf(moment), OLDEST_RELEASE) > 0)
  return {
    versioned: count(entries.filter((entry) => entry.versioned)),
    differing: count(entries.filter(differs)),
    total: count(entries),
    windows: [...byFact.values()],
  }
}

function latestOf(moment: Moment): Release {
  return 'release' in moment ? moment.release : moment.window.to
}

const plurals: Record<FactKind, string> = {
  operation: 'operations',
  parameter: 'parameters',
  property: 'properties',
  value: 'enum values',
  status: 'statuses',
  header: 'headers',
  schema: 'schemas',
  behaviour: 'behaviours',
}

export function formatSummary(summary: FactSummary): string {
  const lines = ['Elements carrying version facts, those telling releases 11.0 to newest apart, and all the contract names:']
  for (const kind of kinds) {
    lines.push(`  ${plurals[kind].padEnd(12)} ${String(summary.versioned[kind]).padStart(4)} versioned, ${String(summary.differing[kind]).padStart(4)} differing, of ${summary.total[kind]}`)
  }
  lines.push('', `Facts whose release is a window (${summary.windows.length}):`)
  for (const fact of summary.windows) {
    const uses = fact.ids.length > 1 ? ` (and ${fact.ids.length - 1} more use${fact.ids.length > 2 ? 's' : ''})` : ''
    lines.push(`  ${`${fact.window.from}..${fact.window.to}`.padEnd(12)} ${fact.ids[0]}${uses}: ${fact.event}`)
  }
  return `${lines.join('\n')}\n`
}
