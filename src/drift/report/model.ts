// The drift report every reporter renders: what was checked (coverage), every exchange with its findings
// (traceable to its source), a summary of findings per operation on top, and the outcome with its exit code.
// Its JSON form is described by schemas/drift-report.schema.json; a change here changes that contract too.

import type { ExchangeSource } from '../exchange.js'
import { findingKinds, pointerPattern, type Finding, type FindingKind, type Severity } from '../findings.js'
import { chosenJudgement, type Judgement } from '../release.js'

export interface CheckedExchange {
  /** undefined when the path matches no documented operation (e.g. other GitLab APIs in a HAR file). */
  operationId: string | undefined
  method: string
  path: string
  /** `?status=online`; may carry a token, so every rendered report passes the redactor. */
  query?: string
  status: number
  source?: ExchangeSource
  findings: Finding[]
}

export interface OperationRef {
  operationId: string
  method: string
  path: string
}

/** Why the run could not check what it was asked to: each makes the outcome an error (exit 2). */
export interface RunProblem {
  kind: 'authentication' | 'connection' | 'usage' | 'interrupted' | 'nothing-checked' | 'coverage' | 'not-done'
  message: string
}

/** A part of the plan that did not run, and why; `asked` ones (e.g. --writes) make the run an error. */
export interface SkippedPlan {
  plan: string
  reason: string
  asked: boolean
}

export type FindingDetail = Pick<Finding, 'kind' | 'severity' | 'status' | 'pointer' | 'message' | 'expected' | 'actual' | 'versionNote' | 'judgedAgainst' | 'fact'>

export interface ReportedExchange {
  /** 1-based, in the order the exchanges happened (verify, proxy) or were read (validate). */
  index: number
  source: ExchangeSource | null
  operationId: string | null
  method: string
  path: string
  query?: string
  status: number
  findings: FindingDetail[]
}

export interface FindingGroup {
  kind: FindingKind
  severity: Severity
  status: number
  /** Pointer with array indices folded to `*`; each exchange's own finding keeps the concrete one. */
  pointer: string
  message: string
  expected?: string
  actual?: string
  versionNote?: string
  judgedAgainst?: string
  fact?: string
  occurrences: number
  /** Every exchange that showed it, by index. */
  exchanges: number[]
}

export interface OperationSummary extends OperationRef {
  exchanges: number
  statuses: number[]
  errors: number
  warnings: number
  infos: number
  findings: FindingGroup[]
}

export type Result = 'pass' | 'drift' | 'error'

export interface Outcome {
  /** pass: checked, no error finding; drift: error findings; error: the run could not check what it was asked to. */
  result: Result
  exitCode: 0 | 1 | 2
  /** The last line of the text report, e.g. `No drift.` */
  verdict: string
  problems: RunProblem[]
}

export interface Coverage {
  exchanges: number
  /** Exchanges of a documented operation, checked against the contract. */
  validated: number
  /** Exchanges outside the Runners API (other GitLab APIs in a HAR file), counted and skipped. */
  outsideRunnersApi: number
  operationsDocumented: number
  operationsReached: number
  /** --min-operations, or null when not asked. */
  minOperations: number | null
  /** Documented operations no exchange reached. */
  unreached: OperationRef[]
  skipped: SkippedPlan[]
}

export interface DriftReport {
  reportVersion: 2
  command: 'verify' | 'validate' | 'proxy'
  target: string
  generatedAt: string
  strict: boolean
  /** The release every finding was judged against, how it was chosen, and the facts judged leniently in it. */
  gitlab: Judgement & { lenientFacts: string[] }
  outcome: Outcome
  coverage: Coverage
  totals: { errors: number; warnings: number; infos: number }
  operations: OperationSummary[]
  exchanges: ReportedExchange[]
}

export interface BuildReportInput {
  command: DriftReport['command']
  target: string
  strict: boolean
  exchanges: readonly CheckedExchange[]
  /** Every documented operation, in contract order; enables `unreached`. */
  documented?: readonly OperationRef[]
  /** Set when the run stopped before checking everything (credentials, connection, Ctrl-C). */
  problem?: RunProblem
  skipped?: readonly SkippedPlan[]
  minOperations?: number
  /** Default: the newest release the contract describes. */
  judgement?: Judgement
  /** Window facts of that release that may change a response's shape (judged leniently). */
  lenientFacts?: readonly string[]
  now?: Date
}

const severityRank: Record<Severity, number> = { error: 0, warning: 1, info: 2 }

export function buildReport(input: BuildReportInput): DriftReport {
  const templates = new Map((input.documented ?? []).map((op) => [op.operationId, op]))
  const exchanges = input.exchanges.map(reported)
  const byOperation = new Map<string, { ref: OperationRef; exchanges: ReportedExchange[] }>()
  for (const exchange of exchanges) {
    if (exchange.operationId === null) continue
    const entry = byOperation.get(exchange.operationId) ?? {
      ref: templates.get(exchange.operationId) ?? { operationId: exchange.operationId, method: exchange.method, path: exchange.path },
      exchanges: [],
    }
    entry.exchanges.push(exchange)
    byOperation.set(exchange.operationId, entry)
  }
  const operations = [...byOperation.values()].map(({ ref, exchanges: mine }) => summarise(ref, mine))
  // Worst first: most errors, then most warnings, then the contract's own order.
  const order = [...templates.keys()]
  operations.sort((a, b) => b.errors - a.errors || b.warnings - a.warnings || order.indexOf(a.operationId) - order.indexOf(b.operationId))

  const findings = exchanges.flatMap((exchange) => exchange.findings)
  const totals = { errors: count(findings, 'error'), warnings: count(findings, 'warning'), infos: count(findings, 'info') }
  const validated = exchanges.filter((exchange) => exchange.operationId !== null).length
  const coverage: Coverage = {
    exchanges: exchanges.length,
    validated,
    outsideRunnersApi: exchanges.length - validated,
    operationsDocumented: templates.size,
    operationsReached: operations.length,
    minOperations: input.minOperations ?? null,
    unreached: [...templates.values()].filter((op) => !byOperation.has(op.operationId)),
    skipped: [...(input.skipped ?? [])],
  }
  return {
    reportVersion: 2,
    command: input.command,
    target: input.target,
    generatedAt: (input.now ?? new Date()).toISOString(),
    strict: input.strict,
    gitlab: { ...(input.judgement ?? chosenJudgement({ kind: 'newest' })), lenientFacts: [...(input.lenientFacts ?? [])] },
    outcome: decide(input, coverage, totals.errors),
    coverage,
    totals,
    operations,
    exchanges,
  }
}

function decide(input: BuildReportInput, coverage: Coverage, errors: number): Outcome {
  const problems: RunProblem[] = input.problem === undefined ? [] : [input.problem]
  for (const skipped of coverage.skipped.filter((plan) => plan.asked)) problems.push({ kind: 'not-done', message: `${skipped.plan} was asked for but not done: ${skipped.reason}` })
  // A run that stopped early already says why; "nothing checked" would only repeat it.
  if (input.problem === undefined && coverage.validated === 0) {
    const seen = coverage.exchanges === 0 ? 'no exchange at all' : `${coverage.exchanges} exchange(s), none of them in the Runners API`
    problems.push({ kind: 'nothing-checked', message: `nothing was checked against the contract: ${seen}` })
  }
  if (coverage.minOperations !== null && coverage.operationsReached < coverage.minOperations) {
    problems.push({ kind: 'coverage', message: `${coverage.operationsReached} operation(s) reached, fewer than --min-operations ${coverage.minOperations}` })
  }
  if (problems.length > 0) {
    const found = errors > 0 ? ` (${errors} error finding(s) before that)` : ''
    return { result: 'error', exitCode: 2, verdict: `COULD NOT CHECK: ${problems.map(describeProblem).join('; ')}${found}`, problems }
  }
  if (errors > 0) return { result: 'drift', exitCode: 1, verdict: `DRIFT: GitLab disagrees with the contract (${errors} error finding${errors === 1 ? '' : 's'}).`, problems }
  return { result: 'pass', exitCode: 0, verdict: 'No drift.', problems }
}

export function describeProblem(problem: RunProblem): string {
  return `${problem.kind} problem: ${problem.message}`
}

function reported(exchange: CheckedExchange, position: number): ReportedExchange {
  return {
    index: position + 1,
    source: exchange.source ?? null,
    operationId: exchange.operationId ?? null,
    method: exchange.method,
    path: exchange.path,
    ...(exchange.query === undefined ? {} : { query: exchange.query }),
    status: exchange.status,
    findings: exchange.findings.map(({ kind, severity, status, pointer, message, expected, actual, versionNote, judgedAgainst, fact }) => ({
      kind,
      severity,
      status,
      pointer,
      message,
      ...(expected === undefined ? {} : { expected }),
      ...(actual === undefined ? {} : { actual }),
      ...(versionNote === undefined ? {} : { versionNote }),
      ...(judgedAgainst === undefined ? {} : { judgedAgainst }),
      ...(fact === undefined ? {} : { fact }),
    })),
  }
}

function summarise(ref: OperationRef, exchanges: ReportedExchange[]): OperationSummary {
  const groups = new Map<string, FindingGroup>()
  for (const exchange of exchanges) {
    for (const finding of exchange.findings) {
      const pointer = pointerPattern(finding.pointer)
      const key = [finding.kind, finding.status, pointer, finding.message, finding.fact ?? ''].join('\u0000')
      const group = groups.get(key)
      if (group !== undefined) {
        group.occurrences++
        if (!group.exchanges.includes(exchange.index)) group.exchanges.push(exchange.index)
        continue
      }
      groups.set(key, {
        kind: finding.kind,
        severity: finding.severity,
        status: finding.status,
        pointer,
        message: finding.message,
        ...(finding.expected === undefined ? {} : { expected: finding.expected }),
        ...(finding.actual === undefined ? {} : { actual: finding.actual }),
        ...(finding.versionNote === undefined ? {} : { versionNote: finding.versionNote }),
        ...(finding.judgedAgainst === undefined ? {} : { judgedAgainst: finding.judgedAgainst }),
        ...(finding.fact === undefined ? {} : { fact: finding.fact }),
        occurrences: 1,
        exchanges: [exchange.index],
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
  const all = exchanges.flatMap((exchange) => exchange.findings)
  return {
    ...ref,
    exchanges: exchanges.length,
    statuses: [...new Set(exchanges.map((exchange) => exchange.status))].sort((a, b) => a - b),
    errors: count(all, 'error'),
    warnings: count(all, 'warning'),
    infos: count(all, 'info'),
    findings,
  }
}

function count(findings: readonly FindingDetail[], severity: Severity): number {
  return findings.filter((finding) => finding.severity === severity).length
}

/** How a reader finds the exchange again: the probe it was, or the file and entry it was read from. */
export function describeSource(exchange: ReportedExchange): string {
  const source = exchange.source
  const request = `${exchange.method} ${exchange.path}${exchange.query ?? ''} → ${exchange.status}`
  if (source === null) return request
  switch (source.kind) {
    case 'probe':
      return `probe "${source.purpose}": ${request}`
    case 'har':
      return `${source.file} #/log/entries/${source.entry}: ${request}`
    case 'fixture':
      return `${source.file}${source.index === undefined ? '' : ` #/${source.index}`}: ${request}`
    case 'journal':
      return `${source.file} journal seq ${source.seq}: ${request}`
    case 'proxy':
      return `proxied exchange ${source.sequence}${source.fixture === undefined ? '' : ` (recorded as ${source.fixture})`}: ${request}`
  }
}
