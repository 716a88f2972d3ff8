// A command's options as one table: each row is a flag, its environment variable, its default and
// its help line. Parsing, `--help` text and "did you mean" suggestions all come from the table, so
// adding a flag is adding a row.
import { parseArgs } from 'node:util'
import { closest } from '../close-matches.js'

export interface OptionSpec {
  /** Long name without dashes: `port` for `--port`. */
  readonly name: string
  readonly short?: string
  /** Placeholder shown in help (`N`, `PATH`); an option without one is a boolean flag. */
  readonly value?: string
  readonly multiple?: boolean
  readonly default?: string
  /** Environment variable read when the flag is not given. */
  readonly env?: string
  readonly help: string
}

type ValueOf<O extends OptionSpec> = O extends { value: string }
  ? O extends { multiple: true }
    ? string[] | undefined
    : O extends { default: string }
      ? string
      : string | undefined
  : boolean

export type OptionValues<T extends readonly OptionSpec[]> = { [O in T[number] as O['name']]: ValueOf<O> }

export interface ParsedOptions<T extends readonly OptionSpec[]> {
  values: OptionValues<T>
  positionals: string[]
  /** Where each value came from, for messages: `--port` or `PORT`. */
  source: Record<string, string>
  help: boolean
}

/** A mistake on the command line; the message is for the user, the exit code is 2. */
export class UsageError extends Error {}

const HELP: OptionSpec = { name: 'help', short: 'h', help: 'show this help' }
const TRUE = new Set(['1', 'true', 'yes', 'on'])
const FALSE = new Set(['0', 'false', 'no', 'off'])

export function parseOptions<const T extends readonly OptionSpec[]>(
  table: T,
  argv: readonly string[],
  env: NodeJS.ProcessEnv = process.env,
  { positionals = false }: { positionals?: boolean } = {},
): ParsedOptions<T> {
  const rows = [...table, HELP]
  let parsed
  try {
    parsed = parseArgs({
      args: [...argv],
      allowPositionals: positionals,
      options: Object.fromEntries(
        rows.map((o) => [o.name, { type: o.value ? 'string' : 'boolean', multiple: o.multiple ?? false, ...(o.short ? { short: o.short } : {}) }] as const),
      ),
    })
  } catch (error) {
    throw new UsageError(explainParseError(error as Error & { code?: string }, rows))
  }
  const values: Record<string, unknown> = {}
  const source: Record<string, string> = {}
  for (const o of table) {
    const given = parsed.values[o.name]
    const fromEnv = o.env === undefined ? undefined : env[o.env]
    if (given !== undefined) {
      values[o.name] = given
      source[o.name] = `--${o.name}`
    } else if (o.env !== undefined && fromEnv !== undefined && fromEnv !== '') {
      values[o.name] = o.value ? (o.multiple ? [fromEnv] : fromEnv) : envBoolean(o.env, fromEnv)
      source[o.name] = o.env
    } else {
      values[o.name] = o.value ? o.default : false
      source[o.name] = `--${o.name}`
    }
  }
  return { values: values as OptionValues<T>, positionals: parsed.positionals, source, help: parsed.values.help === true }
}

function envBoolean(name: string, value: string): boolean {
  if (TRUE.has(value.toLowerCase())) return true
  if (FALSE.has(value.toLowerCase())) return false
  throw new UsageError(`${name} must be true or false, got ${value}`)
}

function explainParseError(error: Error & { code?: string }, rows: readonly OptionSpec[]): string {
  const unknown = /^Unknown option '(-{1,2}[^']*)'/.exec(error.message)
  if (error.code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION' && unknown?.[1]) return unknownOption(unknown[1], rows.map((o) => `--${o.name}`))
  const positional = /^Unexpected argument '([^']*)'/.exec(error.message)
  if (error.code === 'ERR_PARSE_ARGS_UNEXPECTED_POSITIONAL' && positional) return `unexpected argument '${positional[1]}'`
  return error.message
}

/** `unknown option --prot (did you mean --port?)`, the suggestion only when one is close. */
export function unknownOption(given: string, known: readonly string[]): string {
  const name = given.split('=')[0] ?? given
  const near = closest(name, known)
  return `unknown option ${name}${near ? ` (did you mean ${near}?)` : ''}`
}

/** The options part of a command's help: flag and placeholder, help, then default and environment variable. */
export function formatOptions(table: readonly OptionSpec[]): string {
  const flags = table.map((o) => `${o.short ? `-${o.short}, ` : ''}--${o.name}${o.value ? ` ${o.value}` : ''}`)
  const width = Math.max(...flags.map((f) => f.length))
  const indent = `\n${' '.repeat(width + 4)}`
  return table
    .map((o, i) => {
      const extras = [o.default !== undefined ? `default ${o.default}` : '', o.env ? `env ${o.env}` : ''].filter(Boolean).join(', ')
      return `  ${(flags[i] ?? '').padEnd(width)}  ${o.help.split('\n').join(indent)}${extras ? `${indent}(${extras})` : ''}`
    })
    .join('\n')
}
