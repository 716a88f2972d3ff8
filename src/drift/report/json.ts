// The machine-readable report: the report model as JSON, stable keys, for scripts and dashboards.

import type { DriftReport } from './model.js'

export function renderJson(report: DriftReport): string {
  return JSON.stringify(report, null, 2) + '\n'
}
