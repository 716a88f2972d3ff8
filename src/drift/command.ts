// What the three drift commands (verify, validate, proxy) share at the command line: loading the contract with a
// readable error and usage errors that never echo a secret. Exit-code choice stays with each command.

import { closest } from '../close-matches.js'
import { loadContract, type Contract } from '../contract/index.js'
import { createRedactor } from './redact.js'
import type { Release } from '../profile/index.js'
import { chosenJudgement, type Judgement, type VersionChoice } from './release.js'
import { describeProblem, type DriftReport, type RunProblem } from './report/model.js'
import { shapeFacts } from './windows.js'

const SECRET_FLAGS = ['--token', '--runner-token', '--registration-token']

/** Values given to token flags, as `--token T` or `--token=T`, so even a message about a typo cannot print them. */
export function secretsIn(argv: readonly string[]): string[] {
  const secrets: string[] = []
  for (const [index, arg] of argv.entries()) {
    const flag = SECRET_FLAGS.find((name) => arg === name || arg.startsWith(`${name}=`))
    if (flag === undefined) continue
    const value = arg === flag ? argv[index + 1] : arg.slice(flag.length + 1)
    if (value !== undefined) secrets.push(value)
  }
  return secrets
}

export function usageProblem(message: string, usage: string, argv: readonly string[], stderr: (text: string) => void): number {
  stderr(`usage problem: ${createRedactor(secretsIn(argv)).text(withSuggestion(message, usage))}\n\n${usage}\n`)
  return 2
}

/** node:util's "Unknown option '--bse-url'" as `unknown option --bse-url (did you mean --base-url?)`, from the usage's flags. */
function withSuggestion(message: string, usage: string): string {
  const unknown = /^Unknown option '(-{1,2}[^'=]+)/.exec(message)?.[1]
  if (unknown === undefined) return message
  const near = closest(unknown, [...new Set(usage.match(/--[a-z][a-z-]*/g) ?? [])])
  return `unknown option ${unknown}${near ? ` (did you mean ${near}?)` : ''}`
}

export function loadContractOrReport(stderr: (text: string) => void): Contract | undefined {
  try {
    return loadContract()
  } catch (error) {
    stderr(`contract problem: ${error instanceof Error ? error.message : String(error)}\n`)
    return undefined
  }
}

/** --min-operations: a positive integer, or undefined when not given. Throws a usage message otherwise. */
export function minOperationsOption(value: string | undefined): number | undefined {
  if (value === undefined) return undefined
  if (!/^\d+$/.test(value) || Number(value) === 0) throw new Error(`--min-operations must be a positive integer, got ${value}`)
  return Number(value)
}

/** Each reason the run could not check, on stderr too: the report may have gone to a file. */
export function reportProblems(report: DriftReport, stderr: (text: string) => void, redact: (text: string) => string): void {
  for (const problem of report.outcome.problems) stderr(`${redact(describeProblem(problem))}\n`)
}

export interface JudgedContract {
  contract: Contract
  judgement: Judgement
  /** Ids of the facts judged leniently in that release, for the report. */
  lenientFacts: string[]
}

/**
 * The contract to judge with: the newest, the release given, or (auto) the one `detect` finds; `detect`
 * answering undefined means "nothing to ask", which falls back to the newest.
 */
export async function judgedContract(base: Contract, choice: VersionChoice, detect: () => Promise<{ release: Release; judgement: Judgement } | { problem: RunProblem } | undefined>): Promise<JudgedContract | { problem: RunProblem }> {
  let release: Release | undefined
  let judgement: Judgement
  if (choice.kind === 'auto') {
    const detected = await detect()
    if (detected !== undefined && 'problem' in detected) return detected
    release = detected?.release
    judgement = detected?.judgement ?? chosenJudgement({ kind: 'newest' })
  } else {
    release = choice.kind === 'given' ? choice.release : undefined
    judgement = chosenJudgement(choice)
  }
  const contract = release === undefined ? base : base.forRelease(release)
  return { contract, judgement, lenientFacts: shapeFacts(contract).map((fact) => fact.id) }
}
