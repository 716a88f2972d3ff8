// `--report FORMAT[:FILE]`: which reporter, where to, and the redaction every report passes through on its way out.

import { mkdirSync, writeFileSync } from 'node:fs'
import { dirname } from 'node:path'
import type { Redactor } from '../redact.js'
import { renderJson } from './json.js'
import { renderJunit } from './junit.js'
import type { DriftReport } from './model.js'
import { renderText } from './text.js'

const renderers = { text: renderText, json: renderJson, junit: renderJunit } as const

export type ReportFormat = keyof typeof renderers

export interface ReportTarget {
  format: ReportFormat
  /** undefined or "-" means standard output. */
  file: string | undefined
}

export class ReportSpecError extends Error {
  override name = 'ReportSpecError'
}

export function parseReportSpec(spec: string): ReportTarget {
  const colon = spec.indexOf(':')
  const format = colon === -1 ? spec : spec.slice(0, colon)
  const file = colon === -1 ? undefined : spec.slice(colon + 1)
  if (!(format in renderers)) throw new ReportSpecError(`Unknown report format "${format}": expected text, json or junit (e.g. --report junit:drift.xml)`)
  if (file === '') throw new ReportSpecError(`--report ${spec}: the file name after ":" is empty`)
  return { format: format as ReportFormat, file }
}

export function renderReport(report: DriftReport, format: ReportFormat, redactor: Redactor): string {
  return redactor.text(renderers[format](report))
}

export function writeReports(report: DriftReport, targets: readonly ReportTarget[], redactor: Redactor, stdout: (text: string) => void): void {
  for (const target of targets) {
    const output = renderReport(report, target.format, redactor)
    if (target.file === undefined || target.file === '-') {
      stdout(output)
      continue
    }
    mkdirSync(dirname(target.file), { recursive: true })
    writeFileSync(target.file, output)
  }
}
