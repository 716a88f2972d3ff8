// Findings: the contract's violations sorted into the kinds a reader acts on (issue 5 item 2), never thrown.

import type { Violation } from '../contract/index.js'

export const findingKinds = [
  'missing-required',
  'type-mismatch',
  'unknown-enum',
  'unexpected-null',
  'undocumented-field',
  'undocumented-status',
  'content-type',
  'header',
  // Not drift: an answer inside a window where the contract does not know the exact release (severity info).
  'version-window',
] as const

export type FindingKind = (typeof findingKinds)[number]

/** error fails the run; warning is shown but does not (undocumented fields without --strict); info only informs. */
export type Severity = 'error' | 'warning' | 'info'

export interface Finding {
  kind: FindingKind
  severity: Severity
  operationId: string
  method: string
  /** The path that was called, e.g. /api/v4/runners/12 (query left out: it may carry tokens). */
  path: string
  status: number
  /** JSON pointer into the response body (or the header name / "" for status and content type). */
  pointer: string
  message: string
  expected?: string
  actual?: string
  /** The GitLab version this difference belongs to, from the contract's x-gitlab-* facts. */
  versionNote?: string
  /** The release whose derived document judged this exchange, e.g. "17.11". */
  judgedAgainst?: string
  /** version-window only: the fact judged leniently, e.g. property:RunnerDetails.maintenance_note. */
  fact?: string
}

export interface ClassifyOptions {
  /** Undocumented fields fail the run instead of warning (--strict). */
  strict: boolean
}

export function classifyViolation(violation: Violation, call: { method: string; path: string }, options: ClassifyOptions): Finding {
  const kind = kindOf(violation)
  const finding: Finding = {
    kind,
    severity: kind === 'undocumented-field' && !options.strict ? 'warning' : 'error',
    operationId: violation.operationId,
    method: call.method,
    path: call.path,
    status: violation.status,
    pointer: pointerOf(violation, kind),
    message: violation.message,
  }
  if (violation.expected !== undefined) finding.expected = describe(violation.expected)
  if (violation.actual !== undefined || kind === 'unexpected-null') finding.actual = describe(violation.actual ?? null)
  if (violation.versionNote !== undefined) finding.versionNote = violation.versionNote
  return finding
}

function kindOf(violation: Violation): FindingKind {
  switch (violation.where) {
    case 'status':
      return 'undocumented-status'
    case 'content-type':
      return 'content-type'
    case 'header':
      return 'header'
    case 'body':
    case 'parameter':
      break
  }
  switch (violation.keyword) {
    case 'required':
      return 'missing-required'
    case 'additionalProperties':
    case 'unevaluatedProperties':
      return 'undocumented-field'
    case 'enum':
    case 'const':
      // null is no value of any enum: one unexpected-null, not a second finding beside the type's.
      return violation.actual === null ? 'unexpected-null' : 'unknown-enum'
    default:
      // A null where the schema has no null: the commonest drift between releases (e.g. ip_address in 17.0).
      return violation.actual === null ? 'unexpected-null' : 'type-mismatch'
  }
}

// ajv reports a missing or extra property at its parent; the reader wants the property itself.
function pointerOf(violation: Violation, kind: FindingKind): string {
  if (kind !== 'missing-required' && kind !== 'undocumented-field') return violation.instancePath
  const name = kind === 'missing-required' ? violation.expected : violation.actual
  if (typeof name !== 'string' || violation.instancePath.endsWith(`/${escapePointer(name)}`)) return violation.instancePath
  return `${violation.instancePath}/${escapePointer(name)}`
}

function escapePointer(segment: string): string {
  return segment.replaceAll('~', '~0').replaceAll('/', '~1')
}

function describe(value: unknown): string {
  if (typeof value === 'string') return value
  return JSON.stringify(value) ?? String(value)
}

/** Array indices become `*`, so one drift repeated over a 100-runner page is one line in a report. */
export function pointerPattern(pointer: string): string {
  return pointer.replace(/\/\d+(?=\/|$)/g, '/*')
}

export function hasErrors(findings: readonly Finding[]): boolean {
  return findings.some((finding) => finding.severity === 'error')
}

/** One finding per kind, status and pointer: ajv may say the same thing twice (a null breaks both type and enum). */
export function withoutRepeats(findings: readonly Finding[]): Finding[] {
  const seen = new Set<string>()
  return findings.filter((finding) => {
    const key = [finding.kind, finding.status, finding.pointer].join('\u0000')
    if (seen.has(key)) return false
    seen.add(key)
    return true
  })
}
