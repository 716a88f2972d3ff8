// Runs `redocly lint` over both contracts with its output unchanged, less the boxed "Node.js 20 support
// is ending" notice Redocly prints on every run under Node 20 (it has no setting to turn it off, and we
// support Node 20.19+ on purpose). Exit code is Redocly's.
import { spawn } from 'node:child_process'
import { createRequire } from 'node:module'

const BOX = /^\s*[╔║╚]/
const cli = createRequire(import.meta.url).resolve('@redocly/cli/bin/cli.js')
const child = spawn(process.execPath, [cli, 'lint', 'openapi/gitlab-runners.yaml', 'openapi/control.yaml', '--format=stylish'], {
  stdio: ['ignore', 'inherit', 'pipe'],
})
// Blank lines around the box go with it; blank lines elsewhere are kept.
let pending = ''
let blanks = 0
let afterBox = false
function line(text) {
  if (BOX.test(text)) {
    blanks = 0
    afterBox = true
  } else if (text.trim() === '') {
    if (!afterBox) blanks++
  } else {
    process.stderr.write('\n'.repeat(blanks) + `${text}\n`)
    blanks = 0
    afterBox = false
  }
}
child.stderr.on('data', (chunk) => {
  const lines = (pending + chunk.toString()).split('\n')
  pending = lines.pop() ?? ''
  lines.forEach(line)
})
child.on('close', (code) => {
  if (pending) line(pending)
  process.exitCode = code ?? 1
})
