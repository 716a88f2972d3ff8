// The command line's entry point: everything is in cli/main.ts; this file only runs it.
import { main } from './cli/main.js'

process.exitCode = await main(process.argv.slice(2), {
  out: (text) => process.stdout.write(text),
  err: (text) => process.stderr.write(text),
})
