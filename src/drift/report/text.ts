// The readable report: what was checked, one block per operation (worst first) with each finding and the
// exchanges that showed it, where those exchanges came from, and a last line that always matches the exit code.

import { describeJudgement } from '../release.js'
import { describeSource, type DriftReport, type FindingGroup, type OperationSummary } from './model.js'

export function renderText(report: DriftReport): string {
  const { totals, coverage } = report
  const lines: string[] = [`gitlab-runners-mock ${report.command}: ${report.target}`, `Judged against ${describeJudgement(report.gitlab)}`]
  lines.push(
    `Checked ${plural(coverage.validated, 'exchange')} against the contract` +
      (coverage.outsideRunnersApi > 0 ? ` (${coverage.outsideRunnersApi} outside the Runners API, skipped)` : '') +
      `; ${coverage.operationsReached} of ${coverage.operationsDocumented} operations reached` +
      (coverage.minOperations === null ? '' : ` (--min-operations ${coverage.minOperations})`),
  )
  for (const skipped of coverage.skipped) lines.push(`Skipped: ${skipped.plan}: ${skipped.reason}`)
  // Inside a fact's window either shape is accepted; the notes (info) say where an answer relied on it.
  if (report.gitlab.lenientFacts.length > 0) lines.push(`Judged leniently (release only known as a window): ${report.gitlab.lenientFacts.join(', ')}`)
  lines.push(`Findings: ${plural(totals.errors, 'error')}, ${plural(totals.warnings, 'warning')}` + (totals.infos > 0 ? `, ${totals.infos} info` : '') + (report.strict ? ' (strict)' : ''))
  lines.push('')
  // Clean operations are one line each; a blank line sets off each one with findings.
  for (const operation of report.operations) lines.push(...(operation.findings.length > 0 ? [...renderOperation(operation), ''] : renderOperation(operation)))
  const traced = report.exchanges.filter((exchange) => exchange.findings.length > 0)
  if (traced.length > 0) {
    lines.push(`Exchanges with findings (${traced.length}):`)
    for (const exchange of traced) lines.push(`  #${exchange.index} ${describeSource(exchange)}`)
    lines.push('')
  }
  // Verify plans reach every operation, so what it missed matters; recorded traffic covers what it covers.
  if (report.command === 'verify' && coverage.unreached.length > 0) {
    lines.push(`Not reached (${coverage.unreached.length}):`)
    for (const op of coverage.unreached) lines.push(`  ${op.operationId}  ${op.method} ${op.path}`)
    lines.push('')
  }
  lines.push(report.outcome.verdict)
  return lines.join('\n') + '\n'
}

function renderOperation(operation: OperationSummary): string[] {
  const mark = operation.errors > 0 ? 'FAIL' : operation.warnings > 0 ? 'WARN' : operation.infos > 0 ? 'note' : 'ok  '
  const head = `${mark} ${operation.operationId}  ${operation.method} ${operation.path}  (${plural(operation.exchanges, 'exchange')}; status ${operation.statuses.join(', ')})`
  return [head, ...operation.findings.map(renderFinding)]
}

function renderFinding(group: FindingGroup): string {
  const parts = [`     ${group.severity.padEnd(7)} ${group.kind} ${group.status} ${group.pointer || '(whole response)'}: ${group.message}`]
  if (group.expected !== undefined || group.actual !== undefined) parts.push(`       expected ${group.expected ?? '-'}, got ${group.actual ?? '-'}`)
  if (group.versionNote !== undefined) parts.push(`       GitLab version: ${group.versionNote}`)
  if (group.fact !== undefined) parts.push(`       fact: ${group.fact}`)
  parts.push(`       in ${group.exchanges.map((index) => `#${index}`).join(', ')}`)
  return parts.join('\n')
}

function plural(count: number, word: string): string {
  return `${count} ${word}${count === 1 ? '' : 's'}`
}
