// Runs one drift command the way the CLI dispatcher will: `node --import tsx test/helpers/run-cli.ts verify --base-url ...`.
// Stands in for bin/gitlab-runners-mock.js until src/cli.ts dispatches verify, validate and proxy.
import { runProxy } from '../../src/cli/proxy.js'
import { runValidate } from '../../src/cli/validate.js'
import { runVerify } from '../../src/cli/verify.js'

const commands: Record<string, (argv: string[]) => Promise<number>> = { verify: runVerify, validate: runValidate, proxy: runProxy }

const [name, ...argv] = process.argv.slice(2)
const run = name === undefined ? undefined : commands[name]
if (run === undefined) {
  process.stderr.write(`run-cli: unknown command ${name ?? '(none)'}\n`)
  process.exitCode = 2
} else {
  process.exitCode = await run(argv)
}
