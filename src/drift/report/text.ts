// The readable report: one block per operation, worst first, each finding with its pointer, expected vs actual and version.

import type { DriftReport, FindingGroup, OperationReport } from './model.js'

export function renderText(report: DriftReport): string {
  const lines: string[] = []
  const { totals } = report
  lines.push(`gitlab-runners-mock ${report.command}: ${report.target}`)
  lines.push(
    `${totals.exchanges} exchanges, ${totals.operations} operations, ${plural(totals.errors, 'error')}, ${plural(totals.warnings, 'warning')}` +
      (totals.unmatched > 0 ? `, ${totals.unmatched} outside the Runners API (skipped)` : '') +
      (report.strict ? ' (strict)' : ''),
  )
  lines.push('')
  // Clean operations are one line each; a blank line sets off each one with findings.
  for (const operation of report.operations) lines.push(...(operation.findings.length > 0 ? [...renderOperation(operation), ''] : renderOperation(operation)))
  if (report.unreached.length > 0) {
    lines.push(`Not reached (${report.unreached.length}):`)
    for (const op of report.unreached) lines.push(`  ${op.operationId}  ${op.method} ${op.path}`)
    lines.push('')
  }
  lines.push(totals.errors > 0 ? 'DRIFT: GitLab disagrees with the contract.' : 'No drift.')
  return lines.join('\n') + '\n'
}

function renderOperation(operation: OperationReport): string[] {
  const mark = operation.errors > 0 ? 'FAIL' : operation.warnings > 0 ? 'WARN' : 'ok  '
  const head = `${mark} ${operation.operationId}  ${operation.method} ${operation.path}  (${plural(operation.exchanges, 'exchange')}; status ${operation.statuses.join(', ')})`
  return [head, ...operation.findings.map(renderFinding)]
}

function renderFinding(group: FindingGroup): string {
  const parts = [`     ${group.severity === 'error' ? 'error  ' : 'warning'} ${group.kind} ${group.status} ${group.pointer || '(whole response)'}: ${group.message}`]
  if (group.expected !== undefined || group.actual !== undefined) {
    parts.push(`       expected ${group.expected ?? '-'}, got ${group.actual ?? '-'}`)
  }
  if (group.versionNote !== undefined) parts.push(`       GitLab version: ${group.versionNote}`)
  parts.push(`       seen ${plural(group.occurrences, 'time')}, e.g. ${group.paths.join(', ')}`)
  return parts.join('\n')
}

function plural(count: number, word: string): string {
  return `${count} ${word}${count === 1 ? '' : 's'}`
}
