// The drift report every reporter renders: exchanges grouped by operation, findings folded by kind and pointer, worst first.

import { findingKinds, pointerPattern, type Finding, type FindingKind, type Severity } from '../findings.js'

export interface CheckedExchange {
  /** undefined when the path matches no documented operation (e.g. other GitLab APIs in a HAR file). */
  operationId: string | undefined
  method: string
  path: string
  status: number
  findings: Finding[]
}

export interface OperationRef {
  operationId: string
  method: string
  path: string
}

export interface FindingGroup {
  kind: FindingKind
  severity: Severity
  status: number
  /** Pointer with array indices folded to `*`. */
  pointer: string
  /** The first concrete pointer seen, e.g. /3/ip_address. */
  example: string
  message: string
  expected?: string
  actual?: string
  versionNote?: string
  occurrences: number
  /** Up to three of the paths that showed it. */
  paths: string[]
}

export interface OperationReport extends OperationRef {
  exchanges: number
  statuses: number[]
  errors: number
  warnings: number
  findings: FindingGroup[]
}

export interface DriftReport {
  command: 'verify' | 'validate' | 'proxy'
  target: string
  generatedAt: string
  strict: boolean
  totals: { exchanges: number; operations: number; errors: number; warnings: number; unmatched: number }
  operations: OperationReport[]
  /** Documented operations no exchange reached (verify only: what a read-only plan cannot safely touch). */
  unreached: OperationRef[]
}

export interface BuildReportInput {
  command: DriftReport['command']
  target: string
  strict: boolean
  exchanges: readonly CheckedExchange[]
  /** Every documented operation, in contract order; enables `unreached`. */
  documented?: readonly OperationRef[]
  now?: Date
}

const severityRank: Record<Severity, number> = { error: 0, warning: 1 }

export function buildReport(input: BuildReportInput): DriftReport {
  const templates = new Map((input.documented ?? []).map((op) => [op.operationId, op]))
  const byOperation = new Map<string, { ref: OperationRef; exchanges: CheckedExchange[] }>()
  let unmatched = 0
  for (const exchange of input.exchanges) {
    if (exchange.operationId === undefined) {
      unmatched++
      continue
    }
    const entry = byOperation.get(exchange.operationId) ?? {
      ref: templates.get(exchange.operationId) ?? { operationId: exchange.operationId, method: exchange.method, path: exchange.path },
      exchanges: [],
    }
    entry.exchanges.push(exchange)
    byOperation.set(exchange.operationId, entry)
  }

  const operations = [...byOperation.values()].map(({ ref, exchanges }) => summarise(ref, exchanges))
  // Worst first: most errors, then most warnings, then the contract's own order.
  const order = [...templates.keys()]
  operations.sort((a, b) => b.errors - a.errors || b.warnings - a.warnings || order.indexOf(a.operationId) - order.indexOf(b.operationId))

  return {
    command: input.command,
    target: input.target,
    generatedAt: (input.now ?? new Date()).toISOString(),
    strict: input.strict,
    totals: {
      exchanges: input.exchanges.length,
      operations: operations.length,
      errors: operations.reduce((sum, op) => sum + op.errors, 0),
      warnings: operations.reduce((sum, op) => sum + op.warnings, 0),
      unmatched,
    },
    operations,
    unreached: input.command === 'verify' ? [...templates.values()].filter((op) => !byOperation.has(op.operationId)) : [],
  }
}

function summarise(ref: OperationRef, exchanges: CheckedExchange[]): OperationReport {
  const groups = new Map<string, FindingGroup>()
  for (const exchange of exchanges) {
    for (const finding of exchange.findings) {
      const pointer = pointerPattern(finding.pointer)
      const key = [finding.kind, finding.status, pointer, finding.message].join('\u0000')
      const group = groups.get(key)
      if (group !== undefined) {
        group.occurrences++
        if (group.paths.length < 3 && !group.paths.includes(finding.path)) group.paths.push(finding.path)
        continue
      }
      groups.set(key, {
        kind: finding.kind,
        severity: finding.severity,
        status: finding.status,
        pointer,
        example: finding.pointer,
        message: finding.message,
        ...(finding.expected === undefined ? {} : { expected: finding.expected }),
        ...(finding.actual === undefined ? {} : { actual: finding.actual }),
        ...(finding.versionNote === undefined ? {} : { versionNote: finding.versionNote }),
        occurrences: 1,
        paths: [finding.path],
      })
    }
  }
  // Errors first, the most frequent first; then a fixed order so reports of two runs compare line by line.
  const findings = [...groups.values()].sort(
    (a, b) =>
      severityRank[a.severity] - severityRank[b.severity] ||
      b.occurrences - a.occurrences ||
      findingKinds.indexOf(a.kind) - findingKinds.indexOf(b.kind) ||
      a.pointer.localeCompare(b.pointer),
  )
  return {
    ...ref,
    exchanges: exchanges.length,
    statuses: [...new Set(exchanges.map((exchange) => exchange.status))].sort((a, b) => a - b),
    errors: findings.filter((group) => group.severity === 'error').length,
    warnings: findings.filter((group) => group.severity === 'warning').length,
    findings,
  }
}

export function reportHasDrift(report: DriftReport): boolean {
  return report.totals.errors > 0
}
