// The command line's entry point: everything is in cli/main.ts; this file only runs it. No top-level
// await: the command's bundle is a CommonJS script (scripts/bundle.js), run with V8's code cache.
import { main } from './cli/main.js'

void main(process.argv.slice(2), {
  out: (text) => process.stdout.write(text),
  err: (text) => process.stderr.write(text),
}).then((code) => {
  process.exitCode = code
})
