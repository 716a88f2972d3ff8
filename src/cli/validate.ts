// `gitlab-runners-mock validate FILE...`: the verify checks, offline, over recorded traffic (HAR, fixtures, journal export).
import { parseArgs } from 'node:util'
import { checkExchange, documentedOperations } from '../drift/check.js'
import { judgedContract, loadContractOrReport, minOperationsOption, reportProblems, usageProblem } from '../drift/command.js'
import type { Exchange } from '../drift/exchange.js'
import { createRedactor } from '../drift/redact.js'
import { readRecorded } from '../drift/recording.js'
import { parseVersionOption, recordedRelease, type VersionChoice } from '../drift/release.js'
import { buildReport, type RunProblem } from '../drift/report/model.js'
import { parseReportSpec, writeReports, type ReportTarget } from '../drift/report/write.js'

const USAGE = `Usage: gitlab-runners-mock validate FILE... [--strict] [--report FORMAT[:FILE]]... [--min-operations N]

  FILE                     a HAR file, a fixture written by \`proxy --record\`, a directory of them, or a journal export
  --strict                 undocumented fields are errors, not warnings
  --report FORMAT[:FILE]   text, json or junit; to FILE or stdout; repeatable (default: text)
  --min-operations N       fail (exit 2) unless at least N documented operations were checked
  --gitlab-version X|auto  judge against release X (e.g. 17.11), or the one a recorded GET /api/v4/version
                           names (the newest when none was recorded); default: the newest the contract describes

Exchanges outside the Runners API are counted and skipped.
Exit codes: 0 no drift, 1 drift found, 2 usage problem, unreadable file, nothing in the Runners API to check,
or fewer operations than --min-operations.`

export async function runValidate(argv: string[]): Promise<number> {
  const stderr = (text: string) => process.stderr.write(text)
  const usage = (message: string) => usageProblem(message, USAGE, argv, stderr)
  let parsed
  try {
    parsed = parseArgs({
      args: argv,
      allowPositionals: true,
      options: {
        strict: { type: 'boolean', default: false },
        report: { type: 'string', multiple: true },
        'min-operations': { type: 'string' },
        'gitlab-version': { type: 'string' },
        help: { type: 'boolean', default: false },
      },
    })
  } catch (error) {
    return usage((error as Error).message)
  }
  const { values, positionals: files } = parsed
  if (values.help) {
    process.stdout.write(`${USAGE}\n`)
    return 0
  }
  if (files.length === 0) return usage('give at least one recorded file')
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
  const redactor = createRedactor()
  const exchanges: Exchange[] = []
  // An unreadable file still gets reports: a JUnit file saying nothing would pass in GitLab's widget.
  let unreadable: RunProblem | undefined
  for (const file of files) {
    try {
      exchanges.push(...readRecorded(file))
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code
      unreadable = { kind: 'usage', message: code === 'ENOENT' ? `cannot read ${file}: no such file` : (error as Error).message }
      break
    }
  }
  const base = loadContractOrReport(stderr)
  if (base === undefined) return 2
  // Recorded traffic has no target to ask; a recorded answer of GET /version is the next best thing.
  const judged = await judgedContract(base, versionChoice, () => {
    const recorded = recordedRelease(exchanges)
    if (recorded === undefined) stderr('--gitlab-version auto: the recording holds no answer of GET /api/v4/version, so the newest release judges it\n')
    return Promise.resolve(recorded)
  })
  if ('problem' in judged) throw new Error('recorded traffic cannot fail to name a release')
  const { contract } = judged

  const report = buildReport({
    command: 'validate',
    target: files.join(', '),
    strict: values.strict,
    exchanges: exchanges.map((exchange) => checkExchange(contract, exchange, { strict: values.strict })),
    documented: documentedOperations(contract),
    ...(minOperations === undefined ? {} : { minOperations }),
    judgement: judged.judgement,
    lenientFacts: judged.lenientFacts,
    ...(unreadable === undefined ? {} : { problem: unreadable }),
  })
  try {
    writeReports(report, reports, redactor, (text) => process.stdout.write(text))
  } catch (error) {
    stderr(`cannot write the report: ${(error as Error).message}\n`)
    return 2
  }
  reportProblems(report, stderr, redactor.text)
  return report.outcome.exitCode
}
