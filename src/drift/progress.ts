// Progress for long runs: one rewritten line on a terminal, nothing at all when output goes to a file or CI log.

import type { Redactor } from './redact.js'

export interface Progress {
  update(done: number, planned: number, label: string): void
  finish(): void
}

export function createProgress(stream: NodeJS.WriteStream, redactor: Redactor): Progress {
  if (!stream.isTTY) return { update() {}, finish() {} }
  let shown = false
  return {
    update(done, planned, label) {
      const width = Math.max(20, (stream.columns || 80) - 1)
      const line = redactor.text(`[${done}/${planned}] ${label}`).slice(0, width)
      stream.write(`\r\x1b[K${line}`)
      shown = true
    },
    finish() {
      if (shown) stream.write('\r\x1b[K')
      shown = false
    },
  }
}
