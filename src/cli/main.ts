// The top level of the command line: `--help`, `--version`, `help <command>`, and which command runs.
// Returns the exit code; writing to the terminal goes through `out`/`err` so tests can call it.
import { packageVersion } from '../package-version.js'
import { COMMANDS } from './commands.js'
import { closest } from '../close-matches.js'

export interface Terminal {
  out(text: string): void
  err(text: string): void
}

function usage(): string {
  const width = Math.max(...COMMANDS.map((c) => c.name.length))
  return `Usage: gitlab-runners-mock <command> [options]

Commands:
${COMMANDS.map((c) => `  ${c.name.padEnd(width)}  ${c.summary}`).join('\n')}

Options:
  -h, --help     show this help; \`gitlab-runners-mock help <command>\` (or <command> --help) for a command's
  -v, --version  print the version

Configuration also comes from environment variables (PORT, HOST, GITLAB_RUNNERS_MOCK_*, GITLAB_TOKEN):
each command's help lists the ones it reads. Exit codes: 0 success, 1 drift found, 2 usage problem.`
}

export async function main(argv: readonly string[], terminal: Terminal): Promise<number> {
  const [name, ...rest] = argv
  if (name === undefined) {
    terminal.err(`${usage()}\n`)
    return 2
  }
  if (name === '--help' || name === '-h') {
    terminal.out(`${usage()}\n`)
    return 0
  }
  if (name === '--version' || name === '-v') {
    terminal.out(`${packageVersion()}\n`)
    return 0
  }
  if (name === 'help') {
    const topic = rest[0]
    if (topic === undefined) {
      terminal.out(`${usage()}\n`)
      return 0
    }
    return run(topic, ['--help'], terminal)
  }
  return run(name, rest, terminal)
}

async function run(name: string, argv: string[], terminal: Terminal): Promise<number> {
  const command = COMMANDS.find((c) => c.name === name)
  if (!command) {
    const near = name.startsWith('-') ? closest(name, ['--help', '--version']) : closest(name, COMMANDS.map((c) => c.name))
    const what = name.startsWith('-') ? 'option' : 'command'
    terminal.err(`unknown ${what}: ${name}${near ? ` (did you mean ${near}?)` : ''}\n\n${usage()}\n`)
    return 2
  }
  return (await command.load())(argv)
}
