// Progress for long runs: one rewritten line on a terminal; elsewhere (a CI log, a file) one line per operation
// each time it has no request left in flight, so a slow GitLab never means minutes of silence.

import type { OperationProgress } from './probe.js'
import type { Redactor } from './redact.js'

export interface Progress {
  update(done: number, planned: number, label: string): void
  operationDone(operationId: string, checked: OperationProgress): void
  finish(): void
}

export function createProgress(stream: NodeJS.WriteStream, redactor: Redactor): Progress {
  if (!stream.isTTY) {
    return {
      update() {},
      operationDone(operationId, { exchanges, errors, warnings }) {
        stream.write(`checked ${operationId}: ${exchanges} exchange${exchanges === 1 ? '' : 's'}, ${errors} error${errors === 1 ? '' : 's'}, ${warnings} warning${warnings === 1 ? '' : 's'}\n`)
      },
      finish() {},
    }
  }
  let shown = false
  return {
    update(done, planned, label) {
      const width = Math.max(20, (stream.columns || 80) - 1)
      const line = redactor.text(`[${done}/${planned}] ${label}`).slice(0, width)
      stream.write(`\r\x1b[K${line}`)
      shown = true
    },
    operationDone() {},
    finish() {
      if (shown) stream.write('\r\x1b[K')
      shown = false
    },
  }
}
