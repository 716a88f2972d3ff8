// `gitlab-runners-mock verify`: probe a live GitLab, report drift, pick the exit code (0 none, 1 drift, 2 could not check).
import { parseArgs } from 'node:util'
import { documentedOperations } from '../drift/check.js'
import { judgedContract, loadContractOrReport, minOperationsOption, reportProblems, secretsIn, usageProblem } from '../drift/command.js'
import { createHttpClient } from '../drift/http.js'
import { verifyGitlab, type VerifyOutcome } from '../drift/probe.js'
import { createProgress } from '../drift/progress.js'
import { createRedactor } from '../drift/redact.js'
import { detectRelease, parseVersionOption, type VersionChoice } from '../drift/release.js'
import { buildReport } from '../drift/report/model.js'
import { parseReportSpec, writeReports, type ReportTarget } from '../drift/report/write.js'

const USAGE = `Usage: gitlab-runners-mock verify --base-url URL --token T [options]

  --base-url URL              GitLab's API root, e.g. https://gitlab.example.com/api/v4
  --token T                   personal/project/group access token (api or read_api); default $GITLAB_TOKEN
  --project ID|PATH           also probe this project's runners (and, with --writes, assign to it)
  --group ID                  also probe this group's runners
  --runner-token T            a runner authentication token to verify (POST /runners/verify)
  --registration-token T      with --writes, register throw-away runners with it instead of POST /user/runners
  --writes                    round trip on throw-away runners (create, update, reset, assign, delete); always cleaned up
  --strict                    undocumented fields are errors, not warnings
  --report FORMAT[:FILE]      text, json or junit; to FILE or stdout; repeatable (default: text)
  --ca-file FILE              PEM bundle of a private CA (TLS verification stays on)
  --timeout SECONDS           per request (default 30)
  --retries N                 on 429 and 5xx, honouring Retry-After (default 3)
  --concurrency N             requests in flight at once (default 4)
  --max-runners N             runners whose details, jobs and managers are probed (default 5)
  --min-operations N          fail (exit 2) unless at least N documented operations were checked
  --gitlab-version X|auto     judge against release X (e.g. 17.11), or the one GET /api/v4/version names;
                              default: the newest the contract describes

Progress goes to stderr: a status line on a terminal, otherwise a line per operation as it is checked.
Exit codes: 0 no drift, 1 drift found, 2 could not check what was asked: usage, connection or authentication
problem, --writes refused, nothing checked, or fewer operations than --min-operations.`

export async function runVerify(argv: string[]): Promise<number> {
  const usage = (message: string) => usageProblem(message, USAGE, argv, (text) => process.stderr.write(text))
  let values
  try {
    ;({ values } = parseArgs({
      args: argv,
      options: {
        'base-url': { type: 'string' },
        token: { type: 'string' },
        project: { type: 'string' },
        group: { type: 'string' },
        'runner-token': { type: 'string' },
        'registration-token': { type: 'string' },
        writes: { type: 'boolean', default: false },
        strict: { type: 'boolean', default: false },
        report: { type: 'string', multiple: true },
        'ca-file': { type: 'string' },
        timeout: { type: 'string', default: '30' },
        retries: { type: 'string', default: '3' },
        concurrency: { type: 'string', default: '4' },
        'max-runners': { type: 'string', default: '5' },
        'min-operations': { type: 'string' },
        'gitlab-version': { type: 'string' },
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
  const token = values.token ?? process.env.GITLAB_TOKEN
  const redactor = createRedactor([token, ...secretsIn(argv)])
  if (values['base-url'] === undefined) return usage('--base-url is required')
  if (token === undefined || token === '') return usage('--token is required (or set GITLAB_TOKEN)')
  let baseUrl: URL
  try {
    baseUrl = new URL(values['base-url'])
  } catch {
    return usage(`--base-url must be an absolute URL, got ${redactor.text(values['base-url'])}`)
  }
  if (baseUrl.protocol !== 'http:' && baseUrl.protocol !== 'https:') return usage(`--base-url must be http or https, got ${baseUrl.protocol}`)
  // A password in the URL is masked as URL userinfo already; remembered too, for messages that quote it alone.
  redactor.add(baseUrl.password === '' ? undefined : decodeURIComponent(baseUrl.password))
  const numbers = { timeout: values.timeout, retries: values.retries, concurrency: values.concurrency, 'max-runners': values['max-runners'] }
  for (const [name, value] of Object.entries(numbers)) {
    if (!/^\d+$/.test(value) || (name !== 'retries' && Number(value) === 0)) return usage(`--${name} must be a ${name === 'retries' ? 'non-negative' : 'positive'} integer, got ${value}`)
  }
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
  const base = loadContractOrReport((text) => process.stderr.write(text))
  if (base === undefined) return 2

  let client
  try {
    client = createHttpClient({
      baseUrl: baseUrl.toString(),
      token,
      ...(values['ca-file'] === undefined ? {} : { caFile: values['ca-file'] }),
      timeoutMs: Number(values.timeout) * 1000,
      retries: Number(values.retries),
      concurrency: Number(values.concurrency),
    })
  } catch (error) {
    return usage(`--ca-file: ${(error as Error).message}`)
  }

  // Ctrl-C stops probing; the --writes cleanup still runs before we exit.
  const interrupt = new AbortController()
  const onSigint = () => {
    process.stderr.write('\ninterrupted: cleaning up…\n')
    interrupt.abort()
  }
  process.once('SIGINT', onSigint)
  const progress = createProgress(process.stderr, redactor)
  const judged = await judgedContract(base, versionChoice, () => detectRelease(client))
  const contract = 'problem' in judged ? base : judged.contract
  let outcome: VerifyOutcome
  try {
    outcome = 'problem' in judged ? { exchanges: [], skipped: [], problem: judged.problem } : await verifyGitlab(contract, client, {
      target: {
        ...(values.project === undefined ? {} : { project: values.project }),
        ...(values.group === undefined ? {} : { group: values.group }),
        ...(values['runner-token'] === undefined ? {} : { runnerToken: values['runner-token'] }),
        ...(values['registration-token'] === undefined ? {} : { registrationToken: values['registration-token'] }),
      },
      writes: values.writes,
      strict: values.strict,
      maxRunners: Number(values['max-runners']),
      redactor,
      signal: interrupt.signal,
      onProgress: (done, planned, label) => progress.update(done, planned, label),
      onOperationDone: (operationId, checked) => progress.operationDone(operationId, checked),
      log: (line) => process.stderr.write(`${redactor.text(line)}\n`),
    })
  } finally {
    progress.finish()
    process.removeListener('SIGINT', onSigint)
  }

  const report = buildReport({
    command: 'verify',
    target: redactor.url(baseUrl.toString()),
    strict: values.strict,
    exchanges: outcome.exchanges,
    documented: documentedOperations(contract),
    skipped: outcome.skipped,
    ...(outcome.problem === undefined ? {} : { problem: outcome.problem }),
    ...(minOperations === undefined ? {} : { minOperations }),
    ...('problem' in judged ? {} : { judgement: judged.judgement, lenientFacts: judged.lenientFacts }),
  })
  try {
    writeReports(report, reports, redactor, (text) => process.stdout.write(text))
  } catch (error) {
    process.stderr.write(`${redactor.text(`cannot write the report: ${(error as Error).message}`)}\n`)
    return 2
  }
  reportProblems(report, (text) => process.stderr.write(text), redactor.text)
  return report.outcome.exitCode
}
