// JUnit XML as GitLab's test widget reads it (the common JUnit XSD): one test suite per operation with one test
// case per exchange, a failure for its error findings; a "coverage" suite whose skipped cases say what was not
// checked; a "run" suite whose one case carries an <error> when the run could not check what it was asked to.

import { findingKinds } from '../findings.js'
import { describeJudgement } from '../release.js'
import { describeSource, describeProblem, type DriftReport, type FindingDetail, type ReportedExchange } from './model.js'

interface Case {
  classname: string
  name: string
  failure?: { message: string; text: string }
  errors?: { type: string; message: string }[]
  skipped?: string
  out?: string
}

interface Suite {
  name: string
  properties?: Record<string, string>
  cases: Case[]
}

const PREFIX = 'gitlab-runners-mock'

export function renderJunit(report: DriftReport): string {
  const suites = [...exchangeSuites(report), coverageSuite(report), runSuite(report)].filter((suite) => suite.cases.length > 0)
  const total = tally(suites.flatMap((suite) => suite.cases))
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<testsuites name="${attr(`${PREFIX} ${report.command}: ${report.target}`)}" ${counts(total)}>`,
    ...suites.map((suite) => renderSuite(suite, report.generatedAt)),
    '</testsuites>',
    '',
  ].join('\n')
}

function exchangeSuites(report: DriftReport): Suite[] {
  const suites = new Map<string, Suite>()
  const refs = new Map(report.operations.map((op) => [op.operationId, `${op.operationId} ${op.method} ${op.path}`]))
  for (const exchange of report.exchanges) {
    const name = exchange.operationId === null ? 'outside the Runners API' : (refs.get(exchange.operationId) ?? exchange.operationId)
    const suite = suites.get(name) ?? { name, cases: [] }
    suite.cases.push(exchangeCase(exchange))
    suites.set(name, suite)
  }
  // Operations in the summary's order (worst first), the unmatched traffic last.
  const order = [...refs.values()]
  return [...suites.values()].sort((a, b) => rank(order, a.name) - rank(order, b.name))
}

function rank(order: string[], name: string): number {
  const at = order.indexOf(name)
  return at === -1 ? order.length : at
}

function exchangeCase(exchange: ReportedExchange): Case {
  const base = { classname: `${PREFIX}.${exchange.operationId ?? 'outside-runners-api'}`, name: `#${exchange.index} ${describeSource(exchange)}` }
  if (exchange.operationId === null) return { ...base, skipped: 'outside the Runners API: not checked' }
  const errors = exchange.findings.filter((finding) => finding.severity === 'error')
  const others = exchange.findings.filter((finding) => finding.severity !== 'error')
  return {
    ...base,
    ...(errors.length === 0
      ? {}
      : { failure: { message: `${errors.length} contract violation${errors.length === 1 ? '' : 's'}: ${[...new Set(errors.map((finding) => finding.kind))].sort((a, b) => findingKinds.indexOf(a) - findingKinds.indexOf(b)).join(', ')}`, text: errors.map(describe).join('\n') } }),
    ...(others.length === 0 ? {} : { out: others.map(describe).join('\n') }),
  }
}

function coverageSuite(report: DriftReport): Suite {
  const { unreached, skipped } = report.coverage
  return {
    name: 'coverage',
    cases: [
      ...unreached.map((op) => ({ classname: `${PREFIX}.${op.operationId}`, name: `${op.operationId} ${op.method} ${op.path}`, skipped: 'not reached: no exchange of this operation was checked' })),
      // Plans the user asked for and did not get are errors of the run suite; these are the ones nobody asked for.
      ...skipped.filter((plan) => !plan.asked).map((plan) => ({ classname: `${PREFIX}.plan`, name: plan.plan, skipped: plan.reason })),
    ],
  }
}

function runSuite(report: DriftReport): Suite {
  const { problems } = report.outcome
  const run: Case = { classname: `${PREFIX}.run`, name: `${report.command} checked what was asked`, out: report.outcome.verdict }
  if (problems.length > 0) run.errors = problems.map((problem) => ({ type: problem.kind, message: describeProblem(problem) }))
  const properties = { 'gitlab-version': report.gitlab.release, 'judged-against': describeJudgement(report.gitlab) }
  return { name: 'run', properties, cases: [run] }
}

function describe(finding: FindingDetail): string {
  const lines = [`${finding.severity} ${finding.kind} ${finding.status} ${finding.pointer || '(whole response)'}: ${finding.message}`]
  if (finding.expected !== undefined || finding.actual !== undefined) lines.push(`  expected ${finding.expected ?? '-'}, got ${finding.actual ?? '-'}`)
  if (finding.versionNote !== undefined) lines.push(`  GitLab version: ${finding.versionNote}`)
  if (finding.judgedAgainst !== undefined) lines.push(`  judged against GitLab ${finding.judgedAgainst}`)
  return lines.join('\n')
}

function renderSuite(suite: Suite, timestamp: string): string {
  return [
    `  <testsuite name="${attr(suite.name)}" ${counts(tally(suite.cases))} timestamp="${attr(timestamp.replace(/\.\d+Z$/, ''))}">`,
    ...(suite.properties === undefined
      ? []
      : ['    <properties>', ...Object.entries(suite.properties).map(([name, value]) => `      <property name="${attr(name)}" value="${attr(value)}"/>`), '    </properties>']),
    ...suite.cases.map(renderCase),
    '  </testsuite>',
  ].join('\n')
}

// Children in the order the XSD's sequence wants them: skipped, error, failure, system-out.
function renderCase(test: Case): string {
  const body: string[] = []
  if (test.skipped !== undefined) body.push(`      <skipped message="${attr(test.skipped)}"/>`)
  for (const error of test.errors ?? []) body.push(`      <error message="${attr(error.message)}" type="${attr(error.type)}">${text(error.message)}</error>`)
  if (test.failure !== undefined) body.push(`      <failure message="${attr(test.failure.message)}" type="drift">${text(test.failure.text)}</failure>`)
  if (test.out !== undefined) body.push(`      <system-out>${text(test.out)}</system-out>`)
  const open = `    <testcase classname="${attr(test.classname)}" name="${attr(test.name)}"`
  return body.length === 0 ? `${open}/>` : [`${open}>`, ...body, '    </testcase>'].join('\n')
}

function tally(cases: readonly Case[]): { tests: number; failures: number; errors: number; skipped: number } {
  return {
    tests: cases.length,
    failures: cases.filter((test) => test.failure !== undefined).length,
    errors: cases.filter((test) => (test.errors ?? []).length > 0).length,
    skipped: cases.filter((test) => test.skipped !== undefined).length,
  }
}

function counts(total: ReturnType<typeof tally>): string {
  return `tests="${total.tests}" failures="${total.failures}" errors="${total.errors}" skipped="${total.skipped}"`
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
