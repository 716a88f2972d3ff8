// `gitlab-runners-mock contract`: the contract as one GitLab release answers, what changes between
// two releases, and how much of the contract carries version facts.
import { readFileSync } from 'node:fs'
import { defaultContractFile } from '../contract/load.js'
import { yamlPackage } from '../lazy-packages.js'
import { diffProfiles, formatDiff } from '../profile/diff.js'
import { FactError, NEWEST_RELEASE, parseRelease, profileFor, ReleaseError } from '../profile/index.js'
import { formatSummary, summariseFacts } from '../profile/summary.js'
import { formatOptions, parseOptions, UsageError, type OptionSpec } from './options.js'

export const CONTRACT_OPTIONS = [
  { name: 'gitlab-version', value: 'X', env: 'GITLAB_RUNNERS_MOCK_GITLAB_VERSION', help: 'the release to print (17, 17.11, 17.11.2-ee); the newest when not given' },
  { name: 'format', value: 'FORMAT', help: 'yaml or json for the document (default yaml); text or json for diff and facts (default text)' },
] as const satisfies readonly OptionSpec[]

const USAGE = `Usage: gitlab-runners-mock contract [--gitlab-version X] [--format yaml|json]
       gitlab-runners-mock contract diff A B [--format text|json]
       gitlab-runners-mock contract facts [--format text|json]

  contract        print the OpenAPI 3.1 document as release X answers (x-gitlab-* facts stay as annotations)
  contract diff   what changes for a client from release A to release B: breaking changes first
                  (removed operation, status, field or parameter; new required parameter; changed type,
                  enum or default; changed threshold or order), then additive ones
  contract facts  how many operations, parameters, properties, enum values, statuses and headers carry
                  version facts, and every fact whose release is only known as a window

${formatOptions(CONTRACT_OPTIONS)}

Releases from 11.0 to 18.x; a major alone means its last minor. Exit codes: 0 success, 2 usage problem.`

export async function runContract(argv: string[]): Promise<number> {
  try {
    const parsed = parseOptions(CONTRACT_OPTIONS, argv, process.env, { positionals: true })
    if (parsed.help) {
      process.stdout.write(`${USAGE}\n`)
      return 0
    }
    const [subcommand, ...rest] = parsed.positionals
    const format = parsed.values.format
    const source = yamlPackage().parse(readFileSync(defaultContractFile, 'utf8')) as Record<string, unknown>
    if (subcommand === 'diff') {
      if (rest.length !== 2) throw new UsageError(`contract diff takes two releases, e.g. contract diff 16.11 17.0 (got ${rest.length})`)
      const [from, to] = rest.map((text) => profileFor(source, parseRelease(text))) as [ReturnType<typeof profileFor>, ReturnType<typeof profileFor>]
      const diff = diffProfiles(from, to)
      process.stdout.write(chooseFormat(format, ['text', 'json']) === 'json' ? `${JSON.stringify(diff, null, 2)}\n` : formatDiff(diff))
      return 0
    }
    if (subcommand === 'facts') {
      if (rest.length > 0) throw new UsageError(`unexpected argument '${rest[0]}'`)
      const summary = summariseFacts(source)
      process.stdout.write(chooseFormat(format, ['text', 'json']) === 'json' ? `${JSON.stringify(summary, null, 2)}\n` : formatSummary(summary))
      return 0
    }
    if (subcommand !== undefined) throw new UsageError(`unknown subcommand '${subcommand}' (contract takes diff or facts, or none)`)
    const version = parsed.values['gitlab-version']
    const profile = profileFor(source, version === undefined ? NEWEST_RELEASE : parseRelease(version))
    const asJson = chooseFormat(format, ['yaml', 'json']) === 'json'
    process.stdout.write(asJson ? `${JSON.stringify(profile.document, null, 2)}\n` : yamlPackage().stringify(profile.document, { aliasDuplicateObjects: false, lineWidth: 0 }))
    return 0
  } catch (error) {
    if (error instanceof UsageError || error instanceof ReleaseError || error instanceof FactError) {
      process.stderr.write(`${error.message}\nRun gitlab-runners-mock contract --help for the options.\n`)
      return 2
    }
    throw error
  }
}

function chooseFormat(given: string | undefined, allowed: readonly string[]): string {
  if (given === undefined) return allowed[0]!
  if (!allowed.includes(given)) throw new UsageError(`--format must be ${allowed.join(' or ')} here, got ${given}`)
  return given
}
