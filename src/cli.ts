// The command line's entry point: everything is in cli/main.ts; this file only runs it. No top-level
// await: the command's bundle is a CommonJS script (scripts/bundle.js), run with V8's code cache.
import { main } from './cli/main.js'

// A reader that goes away (`gitlab-runners-mock contract | head`) ends the output, as a closed pipe
// ends a Unix command's: what follows is not written, and the command finishes without a stack trace
// (`serve` keeps serving). Node ignores SIGPIPE, so the write fails with EPIPE instead, and a write
// after that with ERR_STREAM_DESTROYED.
for (const stream of [process.stdout, process.stderr]) {
  stream.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code !== 'EPIPE' && error.code !== 'ERR_STREAM_DESTROYED') throw error
  })
}

void main(process.argv.slice(2), {
  out: (text) => process.stdout.write(text),
  err: (text) => process.stderr.write(text),
}).then((code) => {
  process.exitCode = code
})
