// The command line: picks the subcommand and hands it the rest of the arguments. Parsing only.
const USAGE = `Usage: gitlab-runners-mock <command> [options]

Commands:
  serve      serve the fake GitLab Runners API (default scenario on http://127.0.0.1:4600/api/v4)
  verify     probe a live GitLab and report drift from the contract
  validate   check recorded traffic (HAR, journal export) against the contract
  proxy      a validating reverse proxy in front of a real GitLab

Run a command with --help for its options.`

type Command = (argv: string[]) => Promise<number>

// Loaded on demand: `verify` in CI need not load the mock, nor `serve` the drift checker.
const commands: Record<string, () => Promise<Command>> = {
  serve: async () => (await import('./cli/serve.js')).runServe,
  verify: async () => (await import('./cli/verify.js')).runVerify,
  validate: async () => (await import('./cli/validate.js')).runValidate,
  proxy: async () => (await import('./cli/proxy.js')).runProxy,
}

const [name, ...rest] = process.argv.slice(2)
const load = name === undefined ? undefined : commands[name]
if (!load) {
  process.stderr.write(`${name === undefined ? '' : `unknown command: ${name}\n\n`}${USAGE}\n`)
  process.exit(name === '--help' || name === '-h' ? 0 : 2)
} else {
  const code = await (await load())(rest)
  process.exitCode = code
}
