// The request journal: the last N requests a scope served, with tokens redacted before they are stored.
// Bounded (oldest dropped first) so a long-running mock never grows without limit.
import type { IncomingHttpHeaders } from 'node:http'
import { redactHeaders, redactText, redactValue } from '../secrets/redact.js'

export interface JournalEntry {
  /** Increasing per scope, so a client can read only what is new. */
  seq: number
  /** ISO time by the wall clock (not the mock's clock, which tests move). */
  at: string
  method: string
  /** Path under the origin with the query, tokens redacted, e.g. `/api/v4/runners?private_token=[REDACTED]`. */
  path: string
  status: number
  durationMs: number
  /** The contract operation, or null for an unknown route. */
  operationId: string | null
  /** Request headers that matter to GitLab, tokens redacted. */
  headers: Record<string, string>
  /** The parsed request body, `token` and other secrets redacted; null when there was none. */
  body: unknown
  /** The answer's headers and JSON body (null without one), secrets redacted. */
  response: { headers: Record<string, string>; body: unknown }
  /** Id of the fault that shaped the answer, if any. */
  fault: string | null
  /** The user the request's token authenticated, null when none did. */
  username: string | null
  /** Where the mock's own response broke its contract (should stay empty). */
  findings: string[]
}

// Request headers worth seeing in the journal; the credentials among them are masked by src/secrets.
const KEPT_HEADERS = ['private-token', 'authorization', 'job-token', 'content-type', 'sudo', 'if-unmodified-since', 'x-mock-session']

/**
 * What the pipeline hands the journal: references, not copies. Redacting and formatting wait until
 * someone reads the journal, so serving a request pays for neither (bodies are never changed after
 * they are sent, so keeping references is safe).
 */
export interface ServedRequest {
  at: number
  method: string
  originalUrl: string
  status: number
  durationMs: number
  operationId: string | null
  headers: IncomingHttpHeaders
  body: unknown
  response: { headers: Record<string, string>; body: unknown } | undefined
  fault: string | null
  username: string | null
  findings: string[]
}

export class Journal {
  private entries: Array<ServedRequest & { seq: number }> = []
  private nextSeq = 1
  private readonly listeners = new Set<(entry: JournalEntry) => void>()

  constructor(private readonly limit: number) {}

  record(entry: ServedRequest): void {
    const stored = { seq: this.nextSeq++, ...entry }
    this.entries.push(stored)
    // Redacted only when someone is listening: an unwatched journal stays free to write.
    if (this.listeners.size > 0) {
      const presented = present(stored)
      for (const listener of this.listeners) listener(presented)
    }
    // Trim in batches: one splice per many requests rather than one per request.
    if (this.entries.length > this.limit * 1.25) this.entries.splice(0, this.entries.length - this.limit)
  }

  /** Oldest first; `limit` keeps the newest that many. */
  list(limit?: number): JournalEntry[] {
    const kept = this.entries.slice(Math.max(0, this.entries.length - Math.min(limit ?? this.limit, this.limit)))
    return kept.map(present)
  }

  clear(): void {
    this.entries = []
  }

  /** Calls `listener` with every new entry, redacted, until the returned function is called. */
  subscribe(listener: (entry: JournalEntry) => void): () => void {
    this.listeners.add(listener)
    return () => this.listeners.delete(listener)
  }
}

function present(entry: ServedRequest & { seq: number }): JournalEntry {
  return {
    seq: entry.seq,
    at: new Date(entry.at).toISOString(),
    method: entry.method,
    path: redactText(entry.originalUrl),
    status: entry.status,
    durationMs: entry.durationMs,
    operationId: entry.operationId,
    headers: keptHeaders(entry.headers),
    body: entry.body === undefined ? null : redactValue(entry.body),
    response: {
      // GitLab repeats every request parameter in its Link URLs, private_token included.
      headers: redactHeaders(entry.response?.headers ?? {}),
      body: entry.response?.body === undefined ? null : redactValue(entry.response.body),
    },
    fault: entry.fault,
    username: entry.username,
    findings: entry.findings,
  }
}

function keptHeaders(headers: IncomingHttpHeaders): Record<string, string> {
  const kept: Record<string, string | string[] | undefined> = {}
  for (const name of KEPT_HEADERS) kept[name] = headers[name]
  return redactHeaders(kept)
}
