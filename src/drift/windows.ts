// Facts whose release GitLab's history leaves as a window ("introduced somewhere in 16.1–16.11"): a GitLab
// inside the window may answer either shape, so the derived document accepts both and CI never fails on it.
// This module says when an answer depended on that leniency: an informational note naming the fact, and which
// side of the window the answer looked like, found by checking the answer against the releases either side.

import type { Contract, Operation } from '../contract/index.js'
import { allReleases, compareReleases, parseRelease, type Release, type WindowFact } from '../profile/index.js'
import { closestAlternatives } from './alternatives.js'
import type { Exchange } from './exchange.js'
import { classifyViolation, withoutRepeats, type Finding } from './findings.js'
import { apiPath } from './recording.js'

// Per contract (one release), worked out once: checking an exchange must not walk every fact again.
const shapeFactsOf = new WeakMap<Contract, WindowFact[]>()

/** The window facts of the contract's release that can change what a response looks like. */
export function shapeFacts(contract: Contract): WindowFact[] {
  let facts = shapeFactsOf.get(contract)
  if (facts === undefined) {
    facts = windowFactsOf(contract).filter((fact) => {
      if (fact.kind === 'property' || fact.kind === 'status' || fact.kind === 'operation') return true
      // value:Schema=v is a response enum's value; value:operation.parameter=v only shapes requests.
      return fact.kind === 'value' && !fact.id.slice('value:'.length).split('=')[0]!.includes('.')
    })
    shapeFactsOf.set(contract, facts)
  }
  return facts
}

function windowFactsOf(contract: Contract): WindowFact[] {
  return releaseOf(contract) === undefined ? [] : contract.profile.windowFacts()
}

/** The release a contract judges as, e.g. "17.11"; undefined for a contract without version facts. */
export function releaseOf(contract: Contract): string | undefined {
  try {
    return contract.profile.label
  } catch {
    return undefined
  }
}

/**
 * One note per window fact this answer depended on: it breaks the release on one side of the window
 * where the fact is concerned, while the release judged against (inside the window) accepts it.
 */
export function windowNotes(contract: Contract, operation: Operation, exchange: Exchange, lenient: readonly Finding[]): Finding[] {
  const windows = shapeFacts(contract)
  // Outside every window (the newest release, most others): nothing to compare, nothing to pay for.
  if (windows.length === 0) return []
  const spec = JSON.stringify(operation.responses[String(exchange.response.status)] ?? {})
  const body = JSON.stringify(exchange.response.body ?? null)
  const facts = windows.filter((fact) => mayConcern(fact, operation.operationId, exchange.response.status, spec, body))
  if (facts.length === 0) return []
  const judged = new Set(lenient.map(key))
  const call = { method: exchange.request.method.toUpperCase(), path: new URL(exchange.request.url).pathname }
  const sideFindings = new Map<string, Finding[]>()
  const findingsUnder = (release: Release): Finding[] => {
    const side = contract.forRelease(release)
    const label = side.profile.label
    let found = sideFindings.get(label)
    if (found === undefined) {
      const match = side.findOperation(call.method, apiPath(call.path))
      const violations = match === undefined ? [] : closestAlternatives(side.validateResponse(match.operation, exchange.response.status, exchange.response.headers, exchange.response.body))
      found = withoutRepeats(violations.map((violation) => classifyViolation(violation, call, { strict: true }))).filter((finding) => !judged.has(key(finding)))
      sideFindings.set(label, found)
    }
    return found
  }
  const notes: Finding[] = []
  for (const fact of facts) {
    const before = releaseBefore(parseRelease(fact.window.from))
    const after = parseRelease(fact.window.to)
    const breaksBefore = before === undefined ? undefined : findingsUnder(before).find((finding) => concerns(fact, finding, operation.operationId))
    const breaksAfter = findingsUnder(after).find((finding) => concerns(fact, finding, operation.operationId))
    const differs = breaksAfter ?? breaksBefore
    if (differs === undefined) continue
    const shape = breaksAfter !== undefined && breaksBefore === undefined ? `of releases before ${fact.window.from}` : breaksBefore !== undefined && breaksAfter === undefined ? `of ${fact.window.to} and later` : 'of neither side'
    notes.push({
      kind: 'version-window',
      severity: 'info',
      operationId: operation.operationId,
      method: call.method,
      path: call.path,
      status: exchange.response.status,
      pointer: differs.pointer,
      message: `judged leniently: ${fact.id} (${fact.description}) happened somewhere in GitLab ${fact.window.from}–${fact.window.to}, which holds ${contract.profile.label}; this answer has the shape ${shape}`,
      fact: fact.id,
    })
  }
  return notes
}

function key(finding: Finding): string {
  return [finding.kind, finding.status, finding.pointer].join('\u0000')
}

/**
 * Whether the fact could matter to this answer at all, before compiling the releases either side of its window:
 * a property its response schema names, a value its body carries, its own status, its own operation.
 */
function mayConcern(fact: WindowFact, operationId: string, status: number, spec: string, body: string): boolean {
  const name = fact.id.slice(fact.id.indexOf(':') + 1)
  switch (fact.kind) {
    case 'property':
      return spec.includes(JSON.stringify(name.slice(name.lastIndexOf('.') + 1)))
    case 'value':
      return body.includes(JSON.stringify(name.slice(name.indexOf('=') + 1)))
    case 'status':
      return name === `${operationId}.${status}`
    default:
      return name === operationId
  }
}

/** Whether a finding is about the element a fact describes. */
function concerns(fact: WindowFact, finding: Finding, operationId: string): boolean {
  const [kind, name] = [fact.kind, fact.id.slice(fact.id.indexOf(':') + 1)]
  switch (kind) {
    case 'property': {
      const property = name.slice(name.lastIndexOf('.') + 1)
      const last = finding.pointer.split('/').at(-1)?.replaceAll('~1', '/').replaceAll('~0', '~')
      return last === property
    }
    case 'value':
      return finding.kind === 'unknown-enum' && finding.actual === name.slice(name.indexOf('=') + 1)
    case 'status': {
      const [op, status] = name.split('.')
      return op === operationId && String(finding.status) === status
    }
    case 'operation':
      return name === operationId
    default:
      return false
  }
}

function releaseBefore(release: Release): Release | undefined {
  const releases = allReleases()
  const at = releases.findIndex((candidate) => compareReleases(candidate, release) === 0)
  return at > 0 ? releases[at - 1] : undefined
}
