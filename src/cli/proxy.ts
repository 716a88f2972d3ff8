// `gitlab-runners-mock proxy`: a validating reverse proxy in front of a real GitLab; findings live on stderr,
// a report when it stops (Ctrl-C), and with --record every exchange as a fixture file.
import { parseArgs } from 'node:util'
import { documentedOperations } from '../drift/check.js'
import { judgedContract, loadContractOrReport, minOperationsOption, reportProblems, secretsIn, usageProblem } from '../drift/command.js'
import { createHttpClient } from '../drift/http.js'
import { startProxy } from '../drift/proxy.js'
import { createRedactor } from '../drift/redact.js'
import { detectRelease, parseVersionOption, type VersionChoice } from '../drift/release.js'
import { buildReport, type CheckedExchange } from '../drift/report/model.js'
import { parseReportSpec, writeReports, type ReportTarget } from '../drift/report/write.js'

const USAGE = `Usage: gitlab-runners-mock proxy --upstream URL [--port N] [--host H] [--record DIR] [--strict] [--report FORMAT[:FILE]]...

  --upstream URL           the GitLab to forward to, e.g. https://gitlab.example.com
  --port N                 port to listen on (default 4700; 0 picks a free one)
  --host H                 interface to bind (default 127.0.0.1)
  --record DIR             write every exchange as a fixture file (tokens redacted)
  --strict                 undocumented fields are errors, not warnings
  --ca-file FILE           PEM bundle of a private CA for the upstream
  --report FORMAT[:FILE]   written when the proxy stops: text, json or junit (default: text)
  --min-operations N       fail (exit 2) unless at least N documented operations went through
  --gitlab-version X|auto  judge against release X (e.g. 17.11), or the one the upstream's GET /api/v4/version
                           names (asked once at start with --token); default: the newest the contract describes
  --token T                a token for that one question (api, read_api or read_user); default $GITLAB_TOKEN

Stops on Ctrl-C. Exit codes: 0 no drift seen, 1 drift seen, 2 usage problem, cannot listen, no Runners API
traffic seen, or fewer operations than --min-operations.`

export async function runProxy(argv: string[]): Promise<number> {
  const stderr = (text: string) => process.stderr.write(text)
  const usage = (message: string) => usageProblem(message, USAGE, argv, stderr)
  let values
  try {
    ;({ values } = parseArgs({
      args: argv,
      options: {
        upstream: { type: 'string' },
        port: { type: 'string', default: '4700' },
        host: { type: 'string', default: '127.0.0.1' },
        record: { type: 'string' },
        strict: { type: 'boolean', default: false },
        'ca-file': { type: 'string' },
        report: { type: 'string', multiple: true },
        'min-operations': { type: 'string' },
        'gitlab-version': { type: 'string' },
        token: { type: 'string' },
        help: { type: 'boolean', default: false },
      },
    }))
  } catch (error) {
    return usage((error as Error).message)
  }
  if (values.help) {
    process.stdout.write(`${USAGE}\n`)
    return 0
  }
  if (values.upstream === undefined) return usage('--upstream is required')
  if (!URL.canParse(values.upstream) || !/^https?:$/.test(new URL(values.upstream).protocol)) return usage(`--upstream must be an http(s) URL, got ${values.upstream}`)
  const port = Number(values.port)
  if (!Number.isInteger(port) || port < 0 || port > 65535) return usage(`--port must be an integer from 0 to 65535, got ${values.port}`)
  let reports: ReportTarget[]
  let minOperations: number | undefined
  let versionChoice: VersionChoice
  try {
    reports = (values.report ?? ['text']).map(parseReportSpec)
    minOperations = minOperationsOption(values['min-operations'])
    versionChoice = parseVersionOption(values['gitlab-version'])
  } catch (error) {
    return usage((error as Error).message)
  }
  const token = values.token ?? process.env.GITLAB_TOKEN
  if (versionChoice.kind === 'auto' && (token === undefined || token === '')) return usage('--gitlab-version auto asks the upstream GET /api/v4/version, which needs --token (or GITLAB_TOKEN)')
  const base = loadContractOrReport(stderr)
  if (base === undefined) return 2

  const redactor = createRedactor([token, ...secretsIn(argv)])
  const upstream = new URL(values.upstream)
  const apiRoot = `${upstream.origin}${upstream.pathname.replace(/\/+$/, '').replace(/\/api\/v4$/, '')}/api/v4`
  let judged
  try {
    judged = await judgedContract(base, versionChoice, () =>
      detectRelease(createHttpClient({ baseUrl: apiRoot, ...(token === undefined ? {} : { token }), ...(values['ca-file'] === undefined ? {} : { caFile: values['ca-file'] }), retries: 0 })),
    )
  } catch (error) {
    return usage(`--ca-file: ${(error as Error).message}`)
  }
  if ('problem' in judged) {
    stderr(`${judged.problem.kind} problem: ${redactor.text(judged.problem.message)}\n`)
    return 2
  }
  const { contract } = judged
  let proxy
  try {
    proxy = await startProxy({
      contract,
      upstream: values.upstream,
      port,
      host: values.host,
      strict: values.strict,
      redactor,
      ...(values.record === undefined ? {} : { record: values.record }),
      ...(values['ca-file'] === undefined ? {} : { caFile: values['ca-file'] }),
      onExchange: (checked, requestProblem) => stderr(redactor.text(describe(checked, requestProblem))),
    })
  } catch (error) {
    stderr(`cannot listen on ${values.host}:${port}: ${(error as Error).message}\n`)
    return 2
  }
  stderr(`proxy listening on ${proxy.url} → ${redactor.url(values.upstream)}${values.record === undefined ? '' : `, recording to ${values.record}`}\n`)

  await new Promise<void>((resolve) => {
    process.once('SIGINT', resolve)
    process.once('SIGTERM', resolve)
  })
  await proxy.close()
  const report = buildReport({
    command: 'proxy',
    target: redactor.url(values.upstream),
    strict: values.strict,
    exchanges: proxy.exchanges,
    documented: documentedOperations(contract),
    ...(minOperations === undefined ? {} : { minOperations }),
    judgement: judged.judgement,
    lenientFacts: judged.lenientFacts,
  })
  writeReports(report, reports, redactor, (text) => process.stdout.write(text))
  reportProblems(report, stderr, redactor.text)
  return report.outcome.exitCode
}

function describe(checked: CheckedExchange, requestProblem: string | undefined): string {
  const head = `${checked.method} ${checked.path} ${checked.status} ${checked.operationId ?? '(not in the Runners API)'}`
  const lines = [checked.findings.length === 0 && requestProblem === undefined ? `${head} ok` : head]
  if (requestProblem !== undefined) lines.push(`  request: ${requestProblem}`)
  for (const finding of checked.findings) {
    const versus = finding.expected !== undefined || finding.actual !== undefined ? ` (expected ${finding.expected ?? '-'}, got ${finding.actual ?? '-'})` : ''
    const version = finding.versionNote === undefined ? '' : ` [${finding.versionNote}]`
    lines.push(`  ${finding.severity} ${finding.kind} ${finding.pointer || '/'}: ${finding.message}${versus}${version}`)
  }
  return lines.join('\n') + '\n'
}
