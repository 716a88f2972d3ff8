// The request log `serve` prints: one line per request (method, path, status, duration, operation,
// session, findings), as a readable line on a terminal or as JSON for machines. Secrets are masked
// with the same rules as the journal before a line is made.
import { redactText } from '../secrets/redact.js'
import type { ServedRequest } from './journal.js'

export type RequestLogFormat = 'pretty' | 'json' | 'off'
export const REQUEST_LOG_FORMATS: readonly RequestLogFormat[] = ['pretty', 'json', 'off']

/** One served request as the log shows it. */
export interface RequestLogEntry {
  /** ISO time by the wall clock. */
  at: string
  method: string
  /** Path and query, secrets masked. */
  path: string
  /** 0 when the connection was dropped before an answer. */
  status: number
  durationMs: number
  operationId: string | null
  /** The X-Mock-Session the request acted on, null for the main scope. */
  session: string | null
  /** How many problems the mock's self-check found in its own answer (should stay 0). */
  findings: number
  fault: string | null
}

// Clients repeat their requests (polling, paging) and many land in one millisecond: the last path
// masked and the last time written are kept rather than worked out again for every line.
let lastUrl: string | undefined
let lastPath = ''
let lastAt: number | undefined
let lastIso = ''

export function requestLogEntry(served: ServedRequest, session: string | null): RequestLogEntry {
  if (served.originalUrl !== lastUrl) {
    lastPath = redactText(served.originalUrl)
    lastUrl = served.originalUrl
  }
  if (served.at !== lastAt) {
    lastIso = new Date(served.at).toISOString()
    lastAt = served.at
  }
  return {
    at: lastIso,
    method: served.method,
    path: lastPath,
    status: served.status,
    durationMs: served.durationMs,
    operationId: served.operationId ?? null,
    session,
    findings: served.findings?.length ?? 0,
    fault: served.fault ?? null,
  }
}

/** `12:00:01 GET /api/v4/runners/all?page=2 200 3.1ms listAllRunners session=checkout findings=1` */
export function formatPretty(entry: RequestLogEntry): string {
  const parts = [entry.at.slice(11, 19), entry.method, entry.path, entry.status === 0 ? 'dropped' : String(entry.status), `${entry.durationMs}ms`]
  if (entry.operationId) parts.push(entry.operationId)
  if (entry.session !== null) parts.push(`session=${JSON.stringify(entry.session)}`)
  if (entry.fault) parts.push(`fault=${entry.fault}`)
  if (entry.findings > 0) parts.push(`findings=${entry.findings}`)
  return parts.join(' ')
}

export function formatRequestLog(format: RequestLogFormat): ((entry: RequestLogEntry) => string) | undefined {
  if (format === 'off') return undefined
  return format === 'json' ? (entry) => JSON.stringify(entry) : formatPretty
}

/** Readable lines for a person at a terminal; JSON lines when the output goes to a file or a program. */
export function defaultRequestLogFormat(isTTY: boolean): RequestLogFormat {
  return isTTY ? 'pretty' : 'json'
}

/**
 * A request log writer that formats and writes in batches: one write per turn of the event loop
 * instead of a format and a system call inside every request. Whatever is pending when the process
 * exits is written then.
 */
export function batchedLog(format: (entry: RequestLogEntry) => string, write: (text: string) => void): (entry: RequestLogEntry) => void {
  let pending: RequestLogEntry[] = []
  const flush = () => {
    if (pending.length === 0) return
    const entries = pending
    pending = []
    let text = ''
    for (const entry of entries) text += `${format(entry)}\n`
    write(text)
  }
  process.once('exit', flush)
  return (entry) => {
    if (pending.length === 0) setImmediate(flush)
    pending.push(entry)
  }
}
