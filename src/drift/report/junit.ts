// JUnit XML as CI systems render it: one test case per operation, failures carrying the findings, unreached ones skipped.

import type { DriftReport, FindingGroup, OperationReport } from './model.js'

export function renderJunit(report: DriftReport): string {
  const failed = report.operations.filter((op) => op.errors > 0).length
  const tests = report.operations.length + report.unreached.length
  const name = `gitlab-runners-mock ${report.command}`
  const cases = [
    ...report.operations.map(renderCase),
    ...report.unreached.map((op) => `    <testcase classname="gitlab-runners-mock.${op.operationId}" name="${attr(`${op.operationId} ${op.method} ${op.path}`)}">\n      <skipped message="not reached by the probe plan"/>\n    </testcase>`),
  ]
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<testsuites name="${attr(name)}" tests="${tests}" failures="${failed}" errors="0" skipped="${report.unreached.length}">`,
    `  <testsuite name="${attr(`${name}: ${report.target}`)}" tests="${tests}" failures="${failed}" errors="0" skipped="${report.unreached.length}" timestamp="${attr(report.generatedAt)}">`,
    ...cases,
    '  </testsuite>',
    '</testsuites>',
    '',
  ].join('\n')
}

function renderCase(op: OperationReport): string {
  const open = `    <testcase classname="gitlab-runners-mock.${attr(op.operationId)}" name="${attr(`${op.operationId} ${op.method} ${op.path}`)}">`
  const errors = op.findings.filter((group) => group.severity === 'error')
  const warnings = op.findings.filter((group) => group.severity === 'warning')
  const body: string[] = []
  if (errors.length > 0) {
    const message = `${errors.length} contract violation${errors.length === 1 ? '' : 's'}: ${[...new Set(errors.map((group) => group.kind))].join(', ')}`
    body.push(`      <failure message="${attr(message)}" type="drift">${text(errors.map(describe).join('\n'))}</failure>`)
  }
  const out = [`${op.exchanges} exchange(s), status ${op.statuses.join(', ')}`, ...warnings.map(describe)]
  body.push(`      <system-out>${text(out.join('\n'))}</system-out>`)
  return [open, ...body, '    </testcase>'].join('\n')
}

function describe(group: FindingGroup): string {
  const lines = [`${group.severity} ${group.kind} ${group.status} ${group.pointer || '(whole response)'}: ${group.message}`]
  if (group.expected !== undefined || group.actual !== undefined) lines.push(`  expected ${group.expected ?? '-'}, got ${group.actual ?? '-'}`)
  if (group.versionNote !== undefined) lines.push(`  GitLab version: ${group.versionNote}`)
  lines.push(`  seen ${group.occurrences} time(s), e.g. ${group.paths.join(', ')}`)
  return lines.join('\n')
}

// XML 1.0 forbids most control characters even escaped; GitLab bodies may carry them.
function text(value: string): string {
  return value
    .replace(/[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu, '\uFFFD')
    .replaceAll('&', '&amp;')
    .replaceAll('<', '&lt;')
    .replaceAll('>', '&gt;')
}

function attr(value: string): string {
  return text(value).replaceAll('"', '&quot;').replaceAll('\n', '&#10;')
}
